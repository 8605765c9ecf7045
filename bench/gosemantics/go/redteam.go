package main

import (
	"fmt"
	"sync"
	"syscall"
	"time"
)

// Red team of 2026-11-30: closed channels that still hold data under select with default, Cond's wake-up
// order and Broadcast, a WaitGroup used twice, a stopped timer reset, and a goroutine blocked in a system
// call (GoSharp: a blocking .NET call) not stalling the others on one P.
func init() {
	register(map[string]func(){
		// A closed channel's buffered values come first, then the zero value with ok false; never default.
		"close-buffered-select-default": func() {
			ch := make(chan int, 3)
			ch <- 1
			ch <- 2
			close(ch)
			for i := 0; i < 4; i++ {
				select {
				case v, ok := <-ch:
					fmt.Println(v, ok)
				default:
					fmt.Println("default")
				}
			}
			fmt.Println(len(ch), cap(ch))
		},
		// Signal wakes the longest waiter first; Broadcast wakes all that remain.
		"cond-signal-order": func() {
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			woke := make(chan int, 5)
			for i := 0; i < 5; i++ {
				i := i
				go func() {
					mu.Lock()
					c.Wait()
					mu.Unlock()
					woke <- i
				}()
				time.Sleep(10 * time.Millisecond)
			}
			for i := 0; i < 2; i++ {
				mu.Lock()
				c.Signal()
				mu.Unlock()
				fmt.Println("signal", <-woke)
			}
			mu.Lock()
			c.Broadcast()
			mu.Unlock()
			sum := 0
			for i := 0; i < 3; i++ {
				sum += <-woke
			}
			fmt.Println("broadcast woke", sum)
		},
		// A WaitGroup whose Wait returned is used again for a second round.
		"waitgroup-reuse": func() {
			var wg sync.WaitGroup
			var mu sync.Mutex
			total := 0
			for round := 1; round <= 3; round++ {
				for i := 0; i < 4; i++ {
					wg.Add(1)
					go func() {
						mu.Lock()
						total += round
						mu.Unlock()
						wg.Done()
					}()
				}
				wg.Wait()
				fmt.Println("round", round, total)
			}
		},
		// Stop, then Reset: the timer fires once per Reset; Stop after the value was received reports false.
		"timer-stop-then-reset": func() {
			t := time.NewTimer(time.Hour)
			fmt.Println("stop", t.Stop())
			fmt.Println("stop again", t.Stop())
			fmt.Println("reset", t.Reset(time.Millisecond))
			<-t.C
			fmt.Println("fired")
			fmt.Println("stop after receive", t.Stop())
			fmt.Println("reset", t.Reset(time.Millisecond))
			<-t.C
			fmt.Println("fired again")
		},
		// One P: a goroutine blocked in a system call for 200 ms hands the P off, so the main goroutine's
		// short sleeps all end before it returns.
		"blocking-call-no-stall": blockedSyscallNoStall,
		// GoSharp: the same .NET call without Go.Blocking; sysmon takes the P from the blocked thread.
		"blocking-call-unannounced-no-stall": blockedSyscallNoStall,
	})
}

func blockedSyscallNoStall() {
	warmUp()
	done := make(chan bool, 1)
	go func() {
		ts := syscall.NsecToTimespec(int64(200 * time.Millisecond))
		syscall.Nanosleep(&ts, nil)
		done <- true
	}()
	time.Sleep(time.Millisecond) // let it block
	for i := 0; i < 5; i++ {
		time.Sleep(2 * time.Millisecond)
	}
	select {
	case <-done:
		fmt.Println("main stalled")
	default:
		fmt.Println("main ran on")
	}
	<-done
}
