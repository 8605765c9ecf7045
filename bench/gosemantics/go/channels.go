package main

import (
	"fmt"
	"runtime"
	"time"
)

func init() {
	register(map[string]func(){
		// Receive from a closed channel: the buffer first, then the zero value with ok=false; len and cap;
		// send on closed, double close, close of nil.
		"close": func() {
			ch := make(chan int, 3)
			ch <- 1
			ch <- 2
			close(ch)
			fmt.Println("len", len(ch), "cap", cap(ch))
			for i := 0; i < 4; i++ {
				v, ok := <-ch
				fmt.Println(v, ok)
			}
			fmt.Println("len", len(ch), "cap", cap(ch))
			select {
			case v, ok := <-ch:
				fmt.Println("select closed", v, ok)
			default:
				fmt.Println("select default")
			}
			try("send closed", func() { ch <- 1 })
			try("close closed", func() { close(ch) })
			var nc chan int
			try("close nil", func() { close(nc) })
			fmt.Println("nil len", len(nc), cap(nc))
			try("select send closed", func() {
				select {
				case ch <- 1:
				default:
				}
			})
		},
		// Senders and receivers parked when the channel closes: the senders panic, the receivers get zero, false.
		"close-wakes-waiters": func() {
			runtime.GOMAXPROCS(1)
			for _, senders := range []bool{true, false} {
				ch := make(chan int)
				done := make(chan string)
				for i := 0; i < 3; i++ {
					go func() {
						if senders {
							defer func() { done <- fmt.Sprint("sender: ", recover()) }()
							ch <- 1
						} else {
							v, ok := <-ch
							done <- fmt.Sprint("receiver: ", v, " ", ok)
						}
					}()
				}
				time.Sleep(10 * time.Millisecond)
				close(ch)
				for i := 0; i < 3; i++ {
					fmt.Println(<-done)
				}
			}
		},
		// Blocked senders on a full buffer go in in arrival order; blocked receivers are served in arrival order.
		"fifo": func() {
			runtime.GOMAXPROCS(1)
			ch := make(chan int, 2)
			for i := 0; i < 10; i++ {
				i := i
				go func() { ch <- i }()
				runtime.Gosched()
			}
			time.Sleep(10 * time.Millisecond)
			fmt.Println("len", len(ch))
			for i := 0; i < 10; i++ {
				fmt.Print(<-ch, " ")
			}
			fmt.Println()
			un := make(chan int)
			res := make(chan string, 5)
			for i := 0; i < 5; i++ {
				i := i
				go func() { res <- fmt.Sprint(i, "<-", <-un) }()
				runtime.Gosched()
			}
			for i := 0; i < 5; i++ {
				un <- i * 10
				fmt.Print(<-res, " ")
			}
			fmt.Println()
		},
		// A select parked on a channel and woken through another leaves no stale waiter behind.
		"fifo-select": func() {
			runtime.GOMAXPROCS(1)
			a, b, out := make(chan int), make(chan int), make(chan string, 10)
			sel := func(name string) {
				select {
				case v := <-a:
					out <- fmt.Sprint(name, ":a", v)
				case v := <-b:
					out <- fmt.Sprint(name, ":b", v)
				}
			}
			go sel("R1")
			runtime.Gosched()
			go func() { out <- fmt.Sprint("R2:a", <-a) }()
			runtime.Gosched()
			go sel("R3")
			runtime.Gosched()
			time.Sleep(10 * time.Millisecond)
			b <- 1
			fmt.Print(<-out, " ")
			for i := 2; i <= 3; i++ {
				a <- i
				fmt.Print(<-out, " ")
			}
			fmt.Println()
		},
		"range": func() {
			ch := make(chan int, 5)
			go func() {
				for i := 0; i < 7; i++ {
					ch <- i
				}
				close(ch)
			}()
			for v := range ch {
				fmt.Print(v, " ")
			}
			fmt.Println()
		},
		// len of an unbuffered channel with a parked sender is 0.
		"len-unbuffered": func() {
			ch := make(chan int)
			go func() { ch <- 1 }()
			time.Sleep(10 * time.Millisecond)
			fmt.Println("len", len(ch), "cap", cap(ch))
			<-ch
		},
	})
}
