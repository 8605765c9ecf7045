package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

// Edges a Go program relies on: channel steps, selects, sync types used across goroutines, timers, deadlocks.
func init() {
	register(map[string]func(){
		// One select parked in both queues of a channel (a send case and a receive case) when the channel
		// closes: closechan releases the readers first, so the receive case is taken (ok=false), no panic.
		"close-self-select": func() {
			ch, out := make(chan int), make(chan string)
			go func() {
				defer func() {
					if r := recover(); r != nil {
						out <- fmt.Sprint("panic: ", r)
					}
				}()
				select {
				case ch <- 1:
					out <- "sent"
				case v, ok := <-ch:
					out <- fmt.Sprint("received ", v, " ", ok)
				}
			}()
			time.Sleep(10 * time.Millisecond)
			close(ch)
			fmt.Println(<-out)
		},
		// len and cap at each step of a buffered channel, parked senders included: a receive from a full
		// buffer refills it from the first parked sender, so len stays at cap while senders wait.
		"len-cap-steps": func() {
			runtime.GOMAXPROCS(1)
			ch := make(chan int, 3)
			p := func(s string) { fmt.Println(s, "len", len(ch), "cap", cap(ch)) }
			p("empty")
			ch <- 1
			p("one")
			ch <- 2
			ch <- 3
			p("full")
			for i := 4; i <= 5; i++ {
				i := i
				go func() { ch <- i }()
				runtime.Gosched()
			}
			time.Sleep(10 * time.Millisecond)
			p("two senders parked")
			for i := 0; i < 5; i++ {
				v := <-ch
				p(fmt.Sprint("received ", v))
			}
			ch <- 6
			close(ch)
			p("closed with one")
			v, ok := <-ch
			p(fmt.Sprint("received ", v, " ", ok))
			v, ok = <-ch
			p(fmt.Sprint("received ", v, " ", ok))
		},
		// range over a closed buffered channel yields what is left, then ends.
		"range-closed-buffered": func() {
			ch := make(chan int, 5)
			for i := 1; i <= 4; i++ {
				ch <- i
			}
			<-ch
			close(ch)
			for v := range ch {
				fmt.Print(v, " ")
			}
			fmt.Println("end len", len(ch))
		},
		// The merge idiom: a closed input is set to nil, so its case is never ready again.
		"select-nil-merge": func() {
			a, b := make(chan int), make(chan int)
			go func() {
				for i := 1; i <= 3; i++ {
					a <- i
				}
				close(a)
			}()
			go func() {
				for i := 10; i <= 50; i += 10 {
					b <- i
				}
				close(b)
			}()
			sum, rounds := 0, 0
			for a != nil || b != nil {
				rounds++
				select {
				case v, ok := <-a:
					if !ok {
						a = nil
						continue
					}
					sum += v
				case v, ok := <-b:
					if !ok {
						b = nil
						continue
					}
					sum += v
				}
			}
			fmt.Println("sum", sum, "rounds", rounds)
		},
		// A ready case always beats default, and a timer that has not fired never beats a ready channel.
		"select-ready-beats": func() {
			ch := make(chan int, 1)
			defaults := 0
			for i := 0; i < 10000; i++ {
				ch <- i
				select {
				case <-ch:
				default:
					defaults++
					<-ch
				}
			}
			fmt.Println("default taken", defaults)
			afters := 0
			for i := 0; i < 1000; i++ {
				ch <- i
				select {
				case <-ch:
				case <-time.After(time.Hour):
					afters++
				}
			}
			fmt.Println("after taken", afters)
		},
		// A send case on a closed channel is one of the ready cases: chosen at random against a ready
		// receive (then it panics), about half the time.
		"select-send-closed-vs-ready": func() {
			const N = 100000
			closed, ready := make(chan int), make(chan int, 1)
			close(closed)
			cnt := make([]int, 2)
			for i := 0; i < N; i++ {
				ready <- 1
				func() {
					defer func() {
						if recover() != nil {
							cnt[0]++
							<-ready
						}
					}()
					select {
					case closed <- 1:
					case <-ready:
						cnt[1]++
					}
				}()
			}
			dist("panic,recv", cnt)
		},
		// A Mutex and an RWMutex are not tied to a goroutine: another goroutine may unlock them.
		"mutex-cross-unlock": func() {
			var mu sync.Mutex
			var rw sync.RWMutex
			mu.Lock()
			rw.RLock()
			done := make(chan bool)
			go func() { mu.Unlock(); rw.RUnlock(); done <- true }()
			<-done
			fmt.Println("trylock", mu.TryLock(), "rw trylock", rw.TryLock())
			go func() { mu.Unlock(); rw.Unlock(); done <- true }()
			<-done
			mu.Lock()
			rw.Lock()
			fmt.Println("locked again")
		},
		// A writer's Unlock lets the readers that queued behind it in before the next writer.
		"rwmutex-handoff": func() {
			runtime.GOMAXPROCS(1)
			var rw sync.RWMutex
			done := make(chan bool, 3)
			rw.RLock()
			go func() { rw.Lock(); fmt.Println("writer1"); rw.Unlock(); done <- true }()
			time.Sleep(10 * time.Millisecond)
			go func() { rw.RLock(); fmt.Println("reader2"); rw.RUnlock(); done <- true }()
			time.Sleep(10 * time.Millisecond)
			go func() { rw.Lock(); fmt.Println("writer2"); rw.Unlock(); done <- true }()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("trylock", rw.TryLock(), "tryrlock", rw.TryRLock())
			rw.RUnlock()
			for i := 0; i < 3; i++ {
				<-done
			}
		},
		// Go's RUnlock or Unlock of an unlocked RWMutex is a fatal error.
		"rwmutex-runlock-unlocked": func() {
			var rw sync.RWMutex
			try("runlock unlocked", func() { rw.RUnlock() })
		},
		// A second Do waits until the first one's function has returned.
		"once-concurrent": func() {
			runtime.GOMAXPROCS(1)
			var once sync.Once
			release, done := make(chan bool), make(chan bool)
			go func() {
				once.Do(func() { fmt.Println("f start"); <-release; fmt.Println("f end") })
				done <- true
			}()
			time.Sleep(10 * time.Millisecond)
			go func() {
				once.Do(func() { fmt.Println("second f") })
				fmt.Println("second Do returned")
				done <- true
			}()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("releasing")
			release <- true
			<-done
			<-done
		},
		"waitgroup-done-negative": func() {
			var wg sync.WaitGroup
			wg.Add(1)
			wg.Done()
			try("done below zero", func() { wg.Done() })
		},
		// Sleep and a timer with a zero or negative duration return / fire at once.
		"timer-nonpositive": func() {
			time.Sleep(-time.Second)
			time.Sleep(0)
			fmt.Println("slept")
			<-time.After(0)
			<-time.After(-time.Hour)
			fmt.Println("after fired")
			t := time.NewTimer(time.Hour)
			t.Reset(-time.Second)
			<-t.C
			fmt.Println("reset negative fired")
		},
		// Deadlocks in more waits: a send, a Cond, an RWMutex, a cycle of goroutines, a select of nil channels.
		"deadlock-send": func() {
			ch := make(chan int)
			ch <- 1
		},
		"deadlock-cond": func() {
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			mu.Lock()
			c.Wait()
		},
		"deadlock-rwmutex": func() {
			var rw sync.RWMutex
			rw.RLock()
			rw.Lock()
		},
		"deadlock-cycle": func() {
			a, b := make(chan int), make(chan int)
			var wg sync.WaitGroup
			wg.Add(2)
			go func() { <-a; b <- 1; wg.Done() }()
			go func() { <-b; a <- 1; wg.Done() }()
			ch := make(chan int)
			go func() { wg.Wait(); ch <- 1 }()
			<-ch
		},
		"deadlock-select-nil": func() {
			var a, b chan int
			select {
			case <-a:
			case b <- 1:
			}
		},
		// Mutex starvation mode: a waiter that has waited over 1 ms gets the lock handed to it, so a goroutine
		// that unlocks and relocks in a loop cannot keep it from the waiter for long.
		"mutex-starvation": func() {
			runtime.GOMAXPROCS(2)
			var mu sync.Mutex
			stop, started := make(chan bool), make(chan bool)
			rounds := 0
			go func() {
				mu.Lock()
				started <- true
				for {
					select {
					case <-stop:
						mu.Unlock()
						return
					default:
					}
					mu.Unlock()
					mu.Lock()
					rounds++
				}
			}()
			<-started
			got := make(chan bool)
			go func() {
				timeout := time.After(2 * time.Second)
				select {
				case <-got:
				case <-timeout:
					fmt.Println("the waiter did not get the lock within 2s")
				}
				close(stop)
			}()
			mu.Lock()
			got <- true
			fmt.Println("the waiter got the lock while the other goroutine looped")
			mu.Unlock()
		},
		// A Signal with no waiter is not remembered: a later Wait waits for the next one.
		"cond-signal-lost": func() {
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			c.Signal()
			c.Broadcast()
			woken := make(chan bool)
			parked := make(chan bool)
			go func() {
				mu.Lock()
				parked <- true
				c.Wait()
				mu.Unlock()
				woken <- true
			}()
			<-parked
			select {
			case <-woken:
				fmt.Println("woken by an earlier signal")
			case <-time.After(50 * time.Millisecond):
				fmt.Println("not woken by earlier signals")
			}
			mu.Lock()
			c.Signal()
			mu.Unlock()
			<-woken
			fmt.Println("woken by a signal after the wait")
		},
		// A goroutine's unrecovered panic ends a Go program at once, even while main waits forever. GoSharp
		// reports a goroutine's unobserved exception when its handle is collected; main waiting forever is a
		// deadlock first (docs/scheduler.md).
		"panic-while-main-blocked": func() {
			go func() { panic("in goroutine") }()
			select {}
		},
		// Recursive read locking with a writer waiting deadlocks (sync.RWMutex's documentation forbids it).
		"deadlock-rwmutex-recursive-rlock": func() {
			var rw sync.RWMutex
			rw.RLock()
			go func() { rw.Lock() }()
			time.Sleep(10 * time.Millisecond)
			rw.RLock()
		},
		// Goroutines that ended, by returning or by a recovered panic, are no longer counted.
		"numgoroutine-recovered": func() {
			done := make(chan bool)
			for i := 0; i < 5; i++ {
				go func() {
					defer func() { recover(); done <- true }()
					panic("x")
				}()
			}
			for i := 0; i < 5; i++ {
				<-done
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("after", runtime.NumGoroutine())
		},
	})
}
