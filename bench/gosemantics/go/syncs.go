package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func init() {
	register(map[string]func(){
		"waitgroup": func() {
			var wg sync.WaitGroup
			try("negative", func() { wg.Add(-1) })
			var wg2 sync.WaitGroup
			for round := 0; round < 3; round++ {
				wg2.Add(2)
				go wg2.Done()
				go wg2.Done()
				wg2.Wait()
			}
			fmt.Println("reuse ok")
			var wg3 sync.WaitGroup
			wg3.Wait()
			fmt.Println("wait zero ok")
		},
		"once": func() {
			var once sync.Once
			try("first", func() { once.Do(func() { panic("boom") }) })
			ran := false
			once.Do(func() { ran = true })
			fmt.Println("second ran", ran)
		},
		// Go deadlocks; GoSharp throws InvalidOperationException, as Lazy<T> does.
		"once-recursive": func() {
			var once sync.Once
			once.Do(func() { once.Do(func() { fmt.Println("inner") }) })
			fmt.Println("returned")
		},
		// Go's unlock of an unlocked mutex is a fatal error; GoSharp throws SynchronizationLockException.
		"mutex-unlock-unlocked": func() {
			var mu sync.Mutex
			try("unlock unlocked", func() { mu.Unlock() })
		},
		// Signal wakes the oldest waiter; Broadcast all, readied oldest first (on one P the last one readied runs
		// first, from runnext, then the others in order).
		"cond": func() {
			runtime.GOMAXPROCS(1)
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			out := make(chan int, 10)
			for i := 0; i < 6; i++ {
				i := i
				go func() {
					mu.Lock()
					c.Wait()
					mu.Unlock()
					out <- i
				}()
				runtime.Gosched()
			}
			time.Sleep(10 * time.Millisecond)
			for i := 0; i < 4; i++ {
				mu.Lock()
				c.Signal()
				mu.Unlock()
				fmt.Print(<-out, " ")
			}
			mu.Lock()
			c.Broadcast()
			mu.Unlock()
			fmt.Println([]int{<-out, <-out})
		},
		// A pending writer keeps new readers out; releasing the last reader lets the writer in first.
		"rwmutex-writer-preference": func() {
			runtime.GOMAXPROCS(1)
			var mu sync.RWMutex
			mu.RLock()
			wdone := make(chan bool)
			go func() { mu.Lock(); fmt.Println("writer"); mu.Unlock(); wdone <- true }()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("tryrlock with pending writer", mu.TryRLock())
			rdone := make(chan bool)
			go func() { mu.RLock(); fmt.Println("reader2"); mu.RUnlock(); rdone <- true }()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("release first reader")
			mu.RUnlock()
			<-wdone
			<-rdone
		},
	})
}
