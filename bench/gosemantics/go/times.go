package main

import (
	"fmt"
	"time"
)

func init() {
	register(map[string]func(){
		"timer": func() {
			t := time.NewTimer(time.Hour)
			fmt.Println("stop", t.Stop())
			fmt.Println("stop again", t.Stop())
			fmt.Println("reset after stop", t.Reset(time.Millisecond))
			<-t.C
			fmt.Println("received")
			fmt.Println("stop after recv", t.Stop())
			fmt.Println("reset after recv", t.Reset(time.Millisecond))
			<-t.C
			t2 := time.NewTimer(time.Hour)
			fmt.Println("reset running", t2.Reset(0))
			<-t2.C
			fmt.Println("fired after reset 0")
			<-time.NewTimer(-time.Second).C
			fmt.Println("negative timer fired")
		},
		// Stop or Reset of a timer that fired into its channel nobody read: GoSharp does what Go 1.23 does.
		"timer-stale": func() {
			t := time.NewTimer(time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			fmt.Println("stop fired unreceived", t.Stop())
			select {
			case <-t.C:
				fmt.Println("stale value")
			default:
				fmt.Println("no stale value")
			}
			t2 := time.NewTimer(time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			fmt.Println("reset fired unreceived", t2.Reset(time.Hour))
			select {
			case <-t2.C:
				fmt.Println("stale value")
			default:
				fmt.Println("no stale value")
			}
		},
		"afterfunc": func() {
			ran := make(chan int, 10)
			f := time.AfterFunc(time.Hour, func() { ran <- 1 })
			fmt.Println("stop", f.Stop())
			fmt.Println("reset", f.Reset(time.Millisecond))
			<-ran
			fmt.Println("ran once")
			time.Sleep(10 * time.Millisecond)
			fmt.Println("stop after run", f.Stop())
			fmt.Println("reset after run", f.Reset(time.Millisecond))
			<-ran
			fmt.Println("ran twice")
			fmt.Println("C nil", f.C == nil)
		},
		// A ticker keeps its phase (no drift) and drops ticks for a slow receiver; a Reset of a stopped
		// ticker starts it again.
		"ticker": func() {
			tk := time.NewTicker(20 * time.Millisecond)
			start := time.Now()
			onGrid, dropped, last := true, false, int64(0)
			for i := 0; i < 6; i++ {
				t := <-tk.C
				ms := t.Sub(start).Milliseconds()
				onGrid = onGrid && (ms%20 < 8 || ms%20 > 12) // within 8 ms of a multiple of the period
				n := (ms + 10) / 20
				dropped = dropped || n > last+1
				last = n
				time.Sleep(50 * time.Millisecond)
			}
			fmt.Println("ticks on the period's grid", onGrid, "ticks dropped for a slow receiver", dropped)
			tk.Stop()
			tk.Reset(5 * time.Millisecond)
			select {
			case <-tk.C:
				fmt.Println("ticks after reset of stopped")
			case <-time.After(time.Second):
				fmt.Println("no tick after reset of stopped")
			}
		},
		// A tick sent before Reset or Stop that nobody received: GoSharp does what Go 1.23 does.
		"ticker-stale": func() {
			tk := time.NewTicker(5 * time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			tk.Reset(time.Hour)
			select {
			case <-tk.C:
				fmt.Println("tick sent before the reset received")
			default:
				fmt.Println("none after reset")
			}
			tk.Reset(5 * time.Millisecond)
			time.Sleep(20 * time.Millisecond)
			tk.Stop()
			select {
			case <-tk.C:
				fmt.Println("tick sent before the stop received")
			default:
				fmt.Println("none after stop")
			}
		},
		// The messages differ: GoSharp throws ArgumentOutOfRangeException, .NET's idiom.
		"ticker-invalid": func() {
			try("ticker 0", func() { time.NewTicker(0) })
			try("ticker reset 0", func() { time.NewTicker(time.Second).Reset(0) })
		},
		"after-loop": func() {
			ch := make(chan int)
			go func() {
				for i := 0; i < 5; i++ {
					time.Sleep(2 * time.Millisecond)
					ch <- i
				}
			}()
			got, to := 0, 0
			for got < 5 {
				select {
				case <-ch:
					got++
				case <-time.After(time.Second):
					to++
				}
			}
			fmt.Println("got", got, "timeouts", to)
		},
	})
}
