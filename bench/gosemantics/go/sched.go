package main

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

func init() {
	register(map[string]func(){
		// The order goroutines run in on one P: runnext, the local queue, Gosched to the global queue.
		"sched-spawn": func() {
			warmUp()
			var wg sync.WaitGroup
			out := []int{}
			for i := 0; i < 5; i++ {
				i := i
				wg.Add(1)
				go func() { out = append(out, i); wg.Done() }()
			}
			wg.Wait()
			fmt.Println(out)
		},
		"sched-gosched": func() {
			warmUp()
			var wg sync.WaitGroup
			out := []string{}
			for _, name := range []string{"a", "b", "c"} {
				name := name
				wg.Add(1)
				go func() {
					for i := 0; i < 3; i++ {
						out = append(out, name)
						runtime.Gosched()
					}
					wg.Done()
				}()
			}
			wg.Wait()
			fmt.Println(out)
		},
		"sched-pingpong": func() {
			warmUp()
			out := []string{}
			a, b := make(chan int), make(chan int)
			var wg sync.WaitGroup
			wg.Add(3)
			go func() {
				for i := 0; i < 3; i++ {
					a <- i
					out = append(out, fmt.Sprint("sent", i))
				}
				close(a)
				wg.Done()
			}()
			go func() {
				for v := range a {
					out = append(out, fmt.Sprint("got", v))
					b <- v
				}
				close(b)
				wg.Done()
			}()
			go func() {
				for v := range b {
					out = append(out, fmt.Sprint("fwd", v))
				}
				wg.Done()
			}()
			wg.Wait()
			fmt.Println(strings.Join(out, " "))
		},
		// Who runs first after a Cond.Broadcast, a WaitGroup reaching zero, a close, a writer's Unlock letting
		// readers in, and sends to parked receivers, on one P: each goroutine readied goes to runnext, so the
		// order shows the order the primitive readied them in.
		"sched-wake-order": func() {
			warmUp()
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			var wg sync.WaitGroup
			wg.Add(1)
			ch := make(chan int)
			var rw sync.RWMutex
			for _, kind := range []string{"cond", "waitgroup", "close", "rwmutex", "send"} {
				order := []int{}
				done := make(chan int, 3)
				if kind == "rwmutex" {
					rw.Lock()
				}
				for i := 1; i <= 3; i++ {
					i := i
					go func() {
						switch kind {
						case "cond":
							mu.Lock()
							c.Wait()
							mu.Unlock()
						case "waitgroup":
							wg.Wait()
						case "rwmutex":
							rw.RLock()
							rw.RUnlock()
						case "send":
							i = i*10 + <-ch
						default:
							<-ch
						}
						order = append(order, i)
						done <- i
					}()
					runtime.Gosched()
				}
				switch kind {
				case "cond":
					mu.Lock()
					c.Broadcast()
					mu.Unlock()
				case "waitgroup":
					wg.Done()
				case "close":
					close(ch)
					ch = make(chan int)
				case "rwmutex":
					rw.Unlock()
				case "send":
					for i := 1; i <= 3; i++ {
						ch <- i
					}
				}
				for i := 0; i < 3; i++ {
					<-done
				}
				fmt.Println(kind, order)
			}
		},
		"numgoroutine": func() {
			fmt.Println("start", runtime.NumGoroutine())
			block := make(chan int)
			for i := 0; i < 10; i++ {
				go func() { <-block }()
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("with 10", runtime.NumGoroutine())
			close(block)
			time.Sleep(10 * time.Millisecond)
			fmt.Println("after", runtime.NumGoroutine())
		},
		// main returning ends the program, whatever the other goroutines do.
		"exit-while-running": func() {
			go func() {
				for {
				}
			}()
			go func() {
				for {
					time.Sleep(5 * time.Millisecond)
				}
			}()
			time.Sleep(50 * time.Millisecond)
		},
		// Go ends the program at once; GoSharp reports the exception when the goroutine's handle is collected.
		"panic-in-goroutine": func() {
			go func() { panic("in goroutine") }()
			time.Sleep(100 * time.Millisecond)
			fmt.Println("still alive")
		},
		// Deadlocks: all goroutines asleep, including after another goroutine's timer has run out.
		"deadlock-nil": func() {
			var nc chan int
			<-nc
		},
		"deadlock-select": func() {
			select {}
		},
		"deadlock-range-nil": func() {
			var nc chan int
			for range nc {
			}
		},
		"deadlock-after-sleeper": func() {
			go func() { time.Sleep(50 * time.Millisecond) }()
			ch := make(chan int)
			<-ch
		},
		"deadlock-after-afterfunc": func() {
			time.AfterFunc(50*time.Millisecond, func() { fmt.Println("afterfunc ran") })
			ch := make(chan int)
			<-ch
		},
		"deadlock-stopped-ticker": func() {
			tk := time.NewTicker(10 * time.Millisecond)
			<-tk.C
			tk.Stop()
			ch := make(chan int)
			<-ch
		},
		"deadlock-mutex": func() {
			var mu sync.Mutex
			mu.Lock()
			mu.Lock()
		},
		"deadlock-waitgroup": func() {
			var wg sync.WaitGroup
			wg.Add(1)
			wg.Wait()
		},
	})
}
