package main

import (
	"fmt"
	"runtime"
	"sync"
)

// overflow describes a run order on one P where more goroutines were started than the local queue holds,
// in terms that do not depend on how many schedules the P made before (Go's background goroutines change
// that): who ran first, whether the oldest 128 (the half moved to the global queue by the first overflow) ran
// in order and after a newer one, and the most schedules between two of them (the P looks at the global queue
// once in 61 schedules while it has work of its own).
func overflow(xs []int) string {
	inOrder, last, gap, maxGap, afterNewer := true, -1, 0, 0, xs[0] >= 128
	for _, x := range xs {
		gap++
		if x < 128 {
			inOrder = inOrder && x == last+1
			last = x
			if gap > maxGap {
				maxGap = gap
			}
			gap = 0
		}
	}
	return fmt.Sprint("first ", xs[0], " oldest in order ", inOrder, " after a newer one ", afterNewer, " most schedules between two ", maxGap)
}

func init() {
	register(map[string]func(){
		// More goroutines than a P's local queue holds (256): the newest runs first (runnext); at 257 all fit
		// (255 queued and the one runnext held); beyond, the oldest half goes to the global queue, which the
		// P takes from once in 61 schedules and when its own queue is empty.
		"sched-spawn-many": func() {
			warmUp()
			for _, n := range []int{257, 300, 600} {
				var wg sync.WaitGroup
				out := []int{}
				for i := 0; i < n; i++ {
					i := i
					wg.Add(1)
					go func() { out = append(out, i); wg.Done() }()
				}
				wg.Wait()
				if n == 257 {
					fmt.Println(n, ":", out[0], out[1], out[255], out[256])
				} else {
					fmt.Println(n, ":", overflow(out))
				}
			}
		},
		// Goroutines that start goroutines: each new one goes to runnext, pushing the previous one to the tail.
		"sched-nested": func() {
			warmUp()
			var wg sync.WaitGroup
			out := []string{}
			for _, p := range []string{"a", "b"} {
				p := p
				wg.Add(1)
				go func() {
					out = append(out, p)
					for _, c := range []string{"1", "2"} {
						c := c
						wg.Add(1)
						go func() { out = append(out, p+c); wg.Done() }()
					}
					out = append(out, p+" done")
					wg.Done()
				}()
			}
			wg.Wait()
			fmt.Println(out)
		},
		// A sender filling a small buffer and a receiver draining it on one P: a receive from a full buffer takes
		// the parked sender's value into the buffer and readies it, and the receiver runs on until it blocks.
		"sched-buffered-pingpong": func() {
			warmUp()
			out := []string{}
			ch := make(chan int, 2)
			done := make(chan bool)
			go func() {
				for i := 0; i < 6; i++ {
					ch <- i
					out = append(out, fmt.Sprint("s", i))
				}
				close(ch)
			}()
			go func() {
				for v := range ch {
					out = append(out, fmt.Sprint("r", v))
				}
				done <- true
			}()
			<-done
			fmt.Println(out)
		},
		// A goroutine readied by a send runs next, before the goroutines already queued.
		"sched-ready-runnext": func() {
			warmUp()
			var wg sync.WaitGroup
			out := []string{}
			ch := make(chan int)
			wg.Add(1)
			go func() { v := <-ch; out = append(out, fmt.Sprint("recv", v)); wg.Done() }()
			runtime.Gosched()
			for i := 0; i < 3; i++ {
				i := i
				wg.Add(1)
				go func() { out = append(out, fmt.Sprint("g", i)); wg.Done() }()
			}
			ch <- 7
			out = append(out, "sent")
			wg.Wait()
			fmt.Println(out)
		},
	})
}
