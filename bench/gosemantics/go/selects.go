package main

import (
	"fmt"
	"time"
)

// dist prints whether each case was taken as often as a uniform choice would (within 2%, about six
// standard deviations for the counts used here), and the figures when not.
func dist(label string, cnt []int) {
	total := 0
	for _, c := range cnt {
		total += c
	}
	s, uniform := "", true
	for _, c := range cnt {
		r := float64(c) / float64(total) * float64(len(cnt))
		uniform = uniform && r > 0.98 && r < 1.02
		s += fmt.Sprintf(" %.2f", r)
	}
	if uniform {
		s = " uniform"
	}
	fmt.Println(label + ":" + s)
}

func init() {
	register(map[string]func(){
		"select-nil": func() {
			var nc chan int
			select {
			case v := <-nc:
				fmt.Println("got", v)
			case nc <- 1:
				fmt.Println("sent")
			default:
				fmt.Println("default")
			}
			ch := make(chan int, 1)
			ch <- 5
			select {
			case v := <-nc:
				fmt.Println("nil", v)
			case v := <-ch:
				fmt.Println("ch", v)
			}
		},
		// Among ready cases one is taken uniformly at random, nil cases and not-ready ones aside.
		"select-fair": func() {
			const N = 200000
			var nilc chan int
			a, b, c := make(chan int, 1), make(chan int, 1), make(chan int, 1)
			cnt := make([]int, 2)
			for i := 0; i < N; i++ {
				a <- 1
				b <- 1
				select {
				case <-nilc:
				case <-a:
					cnt[0]++
				case <-b:
					cnt[1]++
				}
				select {
				case <-a:
				case <-b:
				}
			}
			dist("nil,a,b", cnt)
			cnt = make([]int, 3)
			for i := 0; i < N; i++ {
				a <- 1
				b <- 1
				c <- 1
				select {
				case <-a:
					cnt[0]++
				case <-b:
					cnt[1]++
				case <-c:
					cnt[2]++
				}
				select {
				case <-a:
				default:
				}
				select {
				case <-b:
				default:
				}
				select {
				case <-c:
				default:
				}
			}
			dist("a,b,c", cnt)
			cnt = make([]int, 2)
			out := make(chan int, 1)
			for i := 0; i < N; i++ {
				a <- 1
				select {
				case out <- 1:
					cnt[0]++
					<-a
				case <-a:
					cnt[1]++
				}
				select {
				case <-out:
				default:
				}
			}
			dist("send,recv", cnt)
			x, y := make(chan int), make(chan int)
			close(x)
			close(y)
			cnt = make([]int, 2)
			for i := 0; i < N; i++ {
				select {
				case <-x:
					cnt[0]++
				case <-y:
					cnt[1]++
				}
			}
			dist("closed,closed", cnt)
			// The same channel twice, woken by a sender while parked.
			ch := make(chan int)
			go func() {
				for i := 0; i < N; i++ {
					ch <- i
				}
			}()
			cnt = make([]int, 2)
			for i := 0; i < N; i++ {
				select {
				case <-ch:
					cnt[0]++
				case <-ch:
					cnt[1]++
				}
			}
			dist("parked ch,ch", cnt)
		},
		// Closing a channel wakes a parked select: a receive case with ok=false, a send case panics.
		"select-close": func() {
			a, b, out := make(chan int), make(chan int), make(chan string)
			go func() {
				select {
				case <-a:
					out <- "idx 0"
				case _, ok := <-b:
					out <- fmt.Sprint("idx 1 ok ", ok)
				}
			}()
			time.Sleep(10 * time.Millisecond)
			close(b)
			fmt.Println(<-out)
			c, d := make(chan int), make(chan int)
			go func() {
				defer func() { out <- fmt.Sprint("panic: ", recover()) }()
				select {
				case c <- 1:
				case <-d:
				}
			}()
			time.Sleep(10 * time.Millisecond)
			close(c)
			fmt.Println(<-out)
		},
		// A select cannot pair its own send with its own receive.
		"select-self": func() {
			ch := make(chan int)
			select {
			case ch <- 1:
				fmt.Println("selected 0")
			case <-ch:
				fmt.Println("selected 1")
			case <-time.After(50 * time.Millisecond):
				fmt.Println("selected 2")
			}
		},
	})
}
