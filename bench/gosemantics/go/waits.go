package main

import (
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Waits and wake-ups a program relies on: mixed selects, closes with parked senders, many waiters on one
// primitive, a Once whose function panics while another goroutine waits for it, locks handed on in order.
func init() {
	register(map[string]func(){
		// Eight cases: two nil ones, a receive and a send never ready, two closed channels and two ready
		// buffered ones. Only the four ready ones are taken, uniformly.
		"select-mixed-many": func() {
			const N = 200000
			var nilc chan int
			never, full := make(chan int), make(chan int, 1)
			full <- 0
			x, y := make(chan int), make(chan int)
			close(x)
			close(y)
			r1, r2 := make(chan int, 1), make(chan int, 1)
			cnt := make([]int, 4)
			for i := 0; i < N; i++ {
				if len(r1) == 0 {
					r1 <- 1
				}
				if len(r2) == 0 {
					r2 <- 1
				}
				select {
				case <-nilc:
					panic("nil receive")
				case nilc <- 1:
					panic("nil send")
				case <-never:
					panic("never receive")
				case full <- 1:
					panic("full send")
				case <-x:
					cnt[0]++
				case <-y:
					cnt[1]++
				case <-r1:
					cnt[2]++
				case <-r2:
					cnt[3]++
				}
			}
			dist("closed,closed,ready,ready", cnt)
		},
		// A full buffered channel closed while senders are parked on it: every parked sender panics, the
		// receiver still gets the buffered values, then zero, false.
		"close-full-parked-senders": func() {
			ch := make(chan int, 2)
			ch <- 1
			ch <- 2
			done := make(chan string, 3)
			for i := 0; i < 3; i++ {
				i := i
				go func() {
					defer func() { done <- fmt.Sprint("sender ", i, ": ", recover()) }()
					ch <- 10 + i
				}()
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("len", len(ch), "cap", cap(ch))
			close(ch)
			for i := 0; i < 3; i++ {
				v, ok := <-ch
				fmt.Println(v, ok)
			}
			msgs := []string{<-done, <-done, <-done}
			sort.Strings(msgs)
			for _, m := range msgs {
				fmt.Println(m)
			}
		},
		// Three goroutines range over one channel that a fourth closes: each value is taken once, every range ends.
		"range-many-consumers": func() {
			ch := make(chan int)
			sums := make(chan int)
			for c := 0; c < 3; c++ {
				go func() {
					s := 0
					for v := range ch {
						s += v
					}
					sums <- s
				}()
			}
			go func() {
				for i := 1; i <= 3000; i++ {
					ch <- i
				}
				close(ch)
			}()
			total := <-sums + <-sums + <-sums
			fmt.Println("total", total, "all ranges ended")
		},
		// A select with default pairs with a parked peer, a plain one or one parked in a select. 50 ms for
		// each peer to park: the first goroutines of a .NET process compile as they go.
		"select-default-parked-peer": func() {
			ch, other, res := make(chan int), make(chan int), make(chan int)
			select {
			case ch <- 1:
				fmt.Println("sent with nobody")
			default:
				fmt.Println("send: default")
			}
			go func() { res <- <-ch }()
			time.Sleep(50 * time.Millisecond)
			select {
			case ch <- 7:
				fmt.Println("sent to parked receiver", <-res)
			default:
				fmt.Println("send: default with parked receiver")
			}
			go func() { ch <- 8 }()
			time.Sleep(50 * time.Millisecond)
			select {
			case v := <-ch:
				fmt.Println("received from parked sender", v)
			default:
				fmt.Println("recv: default with parked sender")
			}
			go func() {
				select {
				case v := <-ch:
					res <- v
				case <-other:
					res <- -1
				}
			}()
			time.Sleep(50 * time.Millisecond)
			select {
			case ch <- 9:
				fmt.Println("sent to parked select", <-res)
			default:
				fmt.Println("send: default with parked select")
			}
		},
		// A select woken through one channel leaves no waiter on the others: a non-blocking send to them
		// finds nobody.
		"select-stale-waiters": func() {
			a, b, c, res := make(chan int), make(chan int), make(chan int), make(chan int)
			go func() {
				select {
				case v := <-a:
					res <- v
				case v := <-b:
					res <- 10 + v
				case v := <-c:
					res <- 20 + v
				}
			}()
			time.Sleep(10 * time.Millisecond)
			b <- 1
			fmt.Println("woken", <-res)
			for i, ch := range []chan int{a, b, c} {
				select {
				case ch <- 1:
					fmt.Println("stale waiter on", i)
				default:
					fmt.Println("nobody on", i)
				}
			}
		},
		// A select of eight receive cases, parked again after each value: each channel's value arrives
		// through its own case.
		"select8-parked-order": func() {
			chs := make([]chan int, 8)
			for i := range chs {
				chs[i] = make(chan int)
			}
			got := make(chan string)
			go func() {
				for n := 0; n < 8; n++ {
					select {
					case v := <-chs[0]:
						got <- fmt.Sprint(0, ":", v)
					case v := <-chs[1]:
						got <- fmt.Sprint(1, ":", v)
					case v := <-chs[2]:
						got <- fmt.Sprint(2, ":", v)
					case v := <-chs[3]:
						got <- fmt.Sprint(3, ":", v)
					case v := <-chs[4]:
						got <- fmt.Sprint(4, ":", v)
					case v := <-chs[5]:
						got <- fmt.Sprint(5, ":", v)
					case v := <-chs[6]:
						got <- fmt.Sprint(6, ":", v)
					case v := <-chs[7]:
						got <- fmt.Sprint(7, ":", v)
					}
				}
			}()
			for _, i := range []int{5, 0, 7, 2, 3, 6, 1, 4} {
				chs[i] <- i * 100
				fmt.Print(<-got, " ")
			}
			fmt.Println()
		},
		// Two selects, each offering to send and to receive on the same channel, pair with each other: one
		// sends, the other receives, every time.
		"select-pair-symmetric": func() {
			runtime.GOMAXPROCS(4)
			ok := true
			for i := 0; i < 2000; i++ {
				ch := make(chan int)
				res := make(chan string, 2)
				for id := 1; id <= 2; id++ {
					id := id
					go func() {
						select {
						case ch <- id:
							res <- fmt.Sprint("sent ", id)
						case v := <-ch:
							res <- fmt.Sprint("got ", v)
						}
					}()
				}
				r := []string{<-res, <-res}
				sort.Strings(r)
				ok = ok && (r[0] == "got 1" && r[1] == "sent 1" || r[0] == "got 2" && r[1] == "sent 2")
			}
			fmt.Println("all paired", ok)
		},
		// Goroutines sending and receiving through selects over four channels on four Ps: every value sent is
		// received once.
		"select-stress": func() {
			runtime.GOMAXPROCS(4)
			const W, N = 8, 5000
			chs := []chan int{make(chan int), make(chan int, 1), make(chan int), make(chan int, 4)}
			var sent, recvd int64
			var wg sync.WaitGroup
			for w := 0; w < W; w++ {
				wg.Add(2)
				w := w
				go func() {
					defer wg.Done()
					for i := 0; i < N; i++ {
						v := int64(w*N + i)
						select {
						case chs[0] <- int(v):
						case chs[1] <- int(v):
						case chs[2] <- int(v):
						case chs[3] <- int(v):
						}
						atomic.AddInt64(&sent, v)
					}
				}()
				go func() {
					defer wg.Done()
					for i := 0; i < N; i++ {
						var v int
						select {
						case v = <-chs[0]:
						case v = <-chs[1]:
						case v = <-chs[2]:
						case v = <-chs[3]:
						}
						atomic.AddInt64(&recvd, int64(v))
					}
				}()
			}
			wg.Wait()
			fmt.Println("sum sent == sum received", sent == recvd, "left", len(chs[1])+len(chs[3]))
		},
		// A Once whose function panics counts as done: a Do waiting for it returns without running its own.
		"once-panic-concurrent": func() {
			var once sync.Once
			release, entered, out := make(chan bool), make(chan bool), make(chan string)
			go func() {
				defer func() { out <- fmt.Sprint("first: ", recover()) }()
				once.Do(func() {
					entered <- true
					<-release
					panic("boom")
				})
			}()
			<-entered
			go func() {
				ran := false
				once.Do(func() { ran = true })
				out <- fmt.Sprint("second ran ", ran)
			}()
			time.Sleep(10 * time.Millisecond)
			release <- true
			msgs := []string{<-out, <-out}
			sort.Strings(msgs)
			fmt.Println(msgs[0])
			fmt.Println(msgs[1])
			ran := false
			once.Do(func() { ran = true })
			fmt.Println("third ran", ran)
		},
		// Every goroutine waiting on a WaitGroup is released at zero; it can then be used again.
		"waitgroup-many-waiters": func() {
			var wg sync.WaitGroup
			released := make(chan int, 10)
			wg.Add(1)
			for i := 0; i < 5; i++ {
				go func() { wg.Wait(); released <- 1 }()
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("released before Done", len(released))
			wg.Done()
			for i := 0; i < 5; i++ {
				<-released
			}
			fmt.Println("released 5")
			wg.Add(1)
			go func() { wg.Wait(); released <- 1 }()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("released before second Done", len(released))
			wg.Done()
			<-released
			fmt.Println("reuse released 1")
		},
		// Cond.Wait returns with the lock held again: a woken waiter waits for the broadcaster's Unlock.
		"cond-wait-relocks": func() {
			runtime.GOMAXPROCS(1)
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			ready, done := false, make(chan bool)
			go func() {
				mu.Lock()
				for !ready {
					c.Wait()
				}
				fmt.Println("waiter has the lock, ready", ready)
				mu.Unlock()
				done <- true
			}()
			time.Sleep(10 * time.Millisecond)
			mu.Lock()
			ready = true
			c.Broadcast()
			fmt.Println("broadcast, lock held")
			runtime.Gosched()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("still held after the waiter ran")
			mu.Unlock()
			<-done
		},
		// Readers share an RWMutex; TryLock and TryRLock at each step.
		"rwmutex-trylock": func() {
			var mu sync.RWMutex
			mu.RLock()
			in := make(chan bool)
			go func() { mu.RLock(); in <- true }()
			<-in
			fmt.Println("second reader in")
			fmt.Println("trylock with readers", mu.TryLock())
			fmt.Println("tryrlock with readers", mu.TryRLock())
			mu.RUnlock()
			mu.RUnlock()
			mu.RUnlock()
			fmt.Println("trylock free", mu.TryLock())
			fmt.Println("tryrlock with writer", mu.TryRLock())
			fmt.Println("trylock with writer", mu.TryLock())
			mu.Unlock()
			var m sync.Mutex
			fmt.Println("mutex trylock", m.TryLock(), m.TryLock())
			go func() { in <- m.TryLock() }()
			fmt.Println("other goroutine trylock", <-in)
			m.Unlock()
			fmt.Println("after unlock", m.TryLock())
		},
		// A writer waits for every reader that holds the lock.
		"rwmutex-writer-waits-all": func() {
			var mu sync.RWMutex
			for i := 0; i < 3; i++ {
				mu.RLock()
			}
			wrote := make(chan bool)
			go func() { mu.Lock(); fmt.Println("writer in"); mu.Unlock(); wrote <- true }()
			for i := 1; i <= 3; i++ {
				time.Sleep(10 * time.Millisecond)
				fmt.Println("reader", i, "releases")
				mu.RUnlock()
			}
			<-wrote
		},
		// Goroutines parked on a Mutex get it in the order they came, one Unlock at a time.
		"mutex-wake-order": func() {
			warmUp()
			var mu sync.Mutex
			mu.Lock()
			var wg sync.WaitGroup
			out := []int{}
			for i := 0; i < 5; i++ {
				i := i
				wg.Add(1)
				go func() { mu.Lock(); out = append(out, i); mu.Unlock(); wg.Done() }()
				runtime.Gosched()
			}
			mu.Unlock()
			wg.Wait()
			fmt.Println(out)
		},
		// A buffered channel as a semaphore: never more holders than its capacity.
		"semaphore-limit": func() {
			sem := make(chan struct{}, 3)
			var cur, max int32
			var wg sync.WaitGroup
			for i := 0; i < 20; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sem <- struct{}{}
					n := atomic.AddInt32(&cur, 1)
					for {
						m := atomic.LoadInt32(&max)
						if n <= m || atomic.CompareAndSwapInt32(&max, m, n) {
							break
						}
					}
					time.Sleep(2 * time.Millisecond)
					atomic.AddInt32(&cur, -1)
					<-sem
				}()
			}
			wg.Wait()
			fmt.Println("max holders", atomic.LoadInt32(&max), "len", len(sem))
		},
		// On one P: a send to a receiver that has not run yet parks the sender; the receiver takes the value
		// from it and readies it.
		"sched-unbuffered-handoff": func() {
			warmUp()
			ch, done := make(chan int), make(chan bool)
			go func() {
				fmt.Println("receiver starts")
				v := <-ch
				fmt.Println("receiver got", v)
				done <- true
			}()
			fmt.Println("sender sends")
			ch <- 1
			fmt.Println("send done")
			<-done
			fmt.Println("end")
		},
	})
}
