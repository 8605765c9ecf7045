package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Timers racing Stop, repeated Resets, cancellation (Go's context, GoSharp's CancellationToken), waits that a
// timer will end (no deadlock) and programs that end with goroutines still blocked.
func init() {
	register(map[string]func(){
		// Stop reports whether it kept the function from running: the functions that ran are exactly the ones
		// whose Stop returned false.
		"afterfunc-stop-race": func() {
			const N = 2000
			ran := make(chan int, N)
			notStopped := 0
			for i := 0; i < N; i++ {
				f := time.AfterFunc(time.Duration(i%3)*time.Microsecond, func() { ran <- 1 })
				if !f.Stop() {
					notStopped++
				}
			}
			for i := 0; i < notStopped; i++ {
				<-ran
			}
			time.Sleep(20 * time.Millisecond)
			select {
			case <-ran:
				fmt.Println("a stopped function ran")
			default:
				fmt.Println("ran exactly the ones not stopped")
			}
		},
		// Resets of a running timer each report it active, and only the last one fires, once.
		"timer-reset-repeat": func() {
			t := time.NewTimer(time.Hour)
			all := true
			for i := 0; i < 100; i++ {
				all = all && t.Reset(time.Hour)
			}
			fmt.Println("resets of a running timer all true", all)
			t.Reset(time.Millisecond)
			<-t.C
			time.Sleep(20 * time.Millisecond)
			select {
			case <-t.C:
				fmt.Println("second value")
			default:
				fmt.Println("one value")
			}
		},
		// After Stop no tick comes, however long one waits.
		"ticker-stop-silent": func() {
			tk := time.NewTicker(2 * time.Millisecond)
			<-tk.C
			<-tk.C
			tk.Stop()
			time.Sleep(10 * time.Millisecond)
			select { // Go 1.19 may hold one tick sent before the Stop; Go 1.23 and GoSharp none
			case <-tk.C:
			default:
			}
			time.Sleep(20 * time.Millisecond)
			select {
			case <-tk.C:
				fmt.Println("tick after stop")
			default:
				fmt.Println("no tick after stop")
			}
		},
		// Cancellation wakes every goroutine selecting on the done channel, a child's too; cancelling twice
		// is harmless; a context that cannot be cancelled has a nil done channel.
		"context-cancel": func() {
			ctx, cancel := context.WithCancel(context.Background())
			child, cancelChild := context.WithCancel(ctx)
			defer cancelChild()
			woke := make(chan string, 4)
			for i := 0; i < 3; i++ {
				go func() {
					select {
					case <-ctx.Done():
						woke <- "parent"
					case <-time.After(time.Hour):
						woke <- "timeout"
					}
				}()
			}
			go func() { <-child.Done(); woke <- "child" }()
			time.Sleep(10 * time.Millisecond)
			select {
			case <-ctx.Done():
				fmt.Println("done before cancel")
			default:
				fmt.Println("not done before cancel")
			}
			cancel()
			cancel()
			n := map[string]int{}
			for i := 0; i < 4; i++ {
				n[<-woke]++
			}
			fmt.Println("woken parent", n["parent"], "child", n["child"], "timeout", n["timeout"])
			fmt.Println("err", ctx.Err())
			select {
			case <-ctx.Done():
				fmt.Println("done after cancel")
			default:
				fmt.Println("not done after cancel")
			}
			select {
			case <-context.Background().Done():
				fmt.Println("background done")
			default:
				fmt.Println("background never done")
			}
		},
		// A context's deadline wakes a goroutine waiting only on it: no deadlock.
		"context-timeout": func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel()
			<-ctx.Done()
			fmt.Println("err", ctx.Err())
		},
		// Waits that a timer, a sleeping goroutine or a ticker will end are not deadlocks.
		"no-deadlock-timer-pending": func() {
			ch := make(chan int)
			time.AfterFunc(20*time.Millisecond, func() { ch <- 1 })
			fmt.Println("from afterfunc", <-ch)
			go func() { time.Sleep(20 * time.Millisecond); ch <- 2 }()
			fmt.Println("from sleeper", <-ch)
			var mu sync.Mutex
			mu.Lock()
			time.AfterFunc(20*time.Millisecond, mu.Unlock)
			mu.Lock()
			fmt.Println("unlocked by afterfunc")
			tk := time.NewTicker(5 * time.Millisecond)
			var wg sync.WaitGroup
			wg.Add(3)
			go func() {
				for i := 0; i < 3; i++ {
					<-tk.C
					wg.Done()
				}
				tk.Stop()
			}()
			wg.Wait()
			fmt.Println("waitgroup ended by ticks")
		},
		// An AfterFunc's function may Reset its own timer (it is no longer active: Reset says false) and Stop
		// it (false too): it runs again after each Reset.
		"afterfunc-self-reset": func() {
			runs := make(chan string, 10)
			var t *time.Timer
			n := 0
			t = time.AfterFunc(time.Millisecond, func() {
				n++
				if n < 3 {
					runs <- fmt.Sprint("run ", n, " stop ", t.Stop(), " reset ", t.Reset(time.Millisecond))
				} else {
					runs <- fmt.Sprint("run ", n, " stop ", t.Stop())
				}
			})
			for i := 0; i < 3; i++ {
				fmt.Println(<-runs)
			}
			time.Sleep(20 * time.Millisecond)
			fmt.Println("queued after", len(runs))
		},
		// Waiting on a cancellable context that nobody can cancel any more is a deadlock.
		"deadlock-context": func() {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			<-ctx.Done()
		},
		// A timer's channel holds the one value it fires until someone receives it.
		"timer-chan-len-cap": func() {
			t := time.NewTimer(20 * time.Millisecond)
			fmt.Println("before len", len(t.C), "cap", cap(t.C))
			time.Sleep(60 * time.Millisecond)
			fmt.Println("fired len", len(t.C))
			<-t.C
			fmt.Println("received len", len(t.C))
		},
		// A panic in an AfterFunc's function, which runs in a goroutine of its own, ends the program.
		"panic-in-afterfunc": func() {
			time.AfterFunc(time.Millisecond, func() { panic("in afterfunc") })
			time.Sleep(100 * time.Millisecond)
			fmt.Println("still alive")
		},
		// Every goroutine blocked, each on a different primitive, main on a receive: a deadlock.
		"deadlock-all-blocked-many": func() {
			var mu sync.Mutex
			mu.Lock()
			c := sync.NewCond(&sync.Mutex{})
			var wg sync.WaitGroup
			wg.Add(1)
			var nilc chan int
			go func() { mu.Lock() }()
			go func() { c.L.Lock(); c.Wait() }()
			go func() { wg.Wait() }()
			go func() { select {} }()
			go func() { nilc <- 1 }()
			go func() { time.Sleep(10 * time.Millisecond) }()
			ch := make(chan int)
			<-ch
		},
		// main returning ends the program, goroutines blocked forever included: no deadlock, exit 0.
		"exit-leak-blocked": func() {
			block := make(chan int)
			var mu sync.Mutex
			mu.Lock()
			for i := 0; i < 50; i++ {
				go func() { <-block }()
				go func() { mu.Lock() }()
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("leaving with goroutines blocked")
		},
	})
}
