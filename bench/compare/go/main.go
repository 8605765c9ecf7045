// The benchmark workloads of docs/design.md, Benchmark workloads and targets, in Go. Usage: workloads <name>; prints "name result seconds [extra]".
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

func skynet(c chan int, num, size, div int) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int)
	sub := size / div
	for i := 0; i < div; i++ {
		go skynet(rc, num+i*sub, sub, div)
	}
	sum := 0
	for i := 0; i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func pingpong(n int) int {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < n; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	return v
}

func ring(size, hops int) int {
	first := make(chan int)
	in := first
	done := make(chan int)
	for i := 1; i < size; i++ {
		out := make(chan int)
		go func(in, out chan int) {
			for t := range in {
				if t == 0 {
					done <- 1
				}
				out <- t - 1
			}
		}(in, out)
		in = out
	}
	go func(in chan int) {
		for t := range in {
			if t == 0 {
				done <- 1
			}
			first <- t - 1
		}
	}(in)
	first <- hops
	<-done
	return hops
}

func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func sieve(n int) int {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < n; i++ {
		prime := <-ch
		sum += prime
		ch1 := make(chan int)
		go filter(ch, ch1, prime)
		ch = ch1
	}
	return sum
}

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, res int64
	fmt.Sscan(string(b), &size, &res)
	return res * int64(os.Getpagesize())
}

func spawnPark(n int) (int, int64) {
	before := rss()
	block := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			<-block
			wg.Done()
		}()
	}
	for runtime.NumGoroutine() < n+1 {
		runtime.Gosched()
	}
	perG := (rss() - before) / int64(n)
	close(block)
	wg.Wait()
	return n, perG
}

func workers(nworkers, jobs int) int {
	in := make(chan int, 128)
	out := make(chan int, 128)
	var wg sync.WaitGroup
	for w := 0; w < nworkers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- j * 2
			}
		}()
	}
	go func() {
		for j := 0; j < jobs; j++ {
			in <- j
		}
		close(in)
	}()
	go func() { wg.Wait(); close(out) }()
	sum := 0
	for v := range out {
		sum += v
	}
	return sum
}

// The "-alt" workloads: the same programs in a second idiomatic shape (docs/design.md, Benchmark workloads).

func skynetAlt(c chan int, num, size, div int) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int, div) // buffered: children never wait for the parent
	sub := size / div
	for i := 0; i < div; i++ {
		go skynetAlt(rc, num+i*sub, sub, div)
	}
	sum := 0
	for i := 0; i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func pingpongAlt(n int) int {
	ping, pong, result := make(chan int), make(chan int), make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			pong <- <-ping + 1
		}
	}()
	go func() {
		v := 0
		for i := 0; i < n; i++ {
			ping <- v
			v = <-pong
		}
		result <- v
	}()
	return <-result
}

func ringAlt(size, hops int) int {
	first := make(chan int)
	in := first
	done := make(chan int)
	node := func(in, out chan int) {
		for {
			t := <-in
			if t == 0 {
				done <- 1
			}
			out <- t - 1
		}
	}
	for i := 1; i < size; i++ {
		out := make(chan int)
		go node(in, out)
		in = out
	}
	go node(in, first)
	first <- hops
	<-done
	return hops
}

func filterAlt(in <-chan int, out chan<- int, prime int) {
	for i := range in {
		if i%prime != 0 {
			out <- i
		}
	}
}

func sieveAlt(n int) int {
	ch := make(chan int)
	go generate(ch)
	sum := 0
	for i := 0; i < n; i++ {
		prime := <-ch
		sum += prime
		ch1 := make(chan int)
		go filterAlt(ch, ch1, prime)
		ch = ch1
	}
	return sum
}

func workersAlt(nworkers, jobs int) int {
	in := make(chan int, 128)
	out := make(chan int, 128)
	total := make(chan int)
	var wg sync.WaitGroup
	wg.Add(nworkers)
	for w := 0; w < nworkers; w++ {
		go func() {
			defer wg.Done()
			for {
				j, ok := <-in
				if !ok {
					return
				}
				out <- j * 2
			}
		}()
	}
	go func() {
		sum := 0
		for v := range out {
			sum += v
		}
		total <- sum
	}()
	for j := 0; j < jobs; j++ {
		in <- j
	}
	close(in)
	wg.Wait()
	close(out)
	return <-total
}

func main() {
	name := os.Args[1]
	start := time.Now()
	var result int
	extra := ""
	switch name {
	case "skynet":
		c := make(chan int)
		go skynet(c, 0, 1000000, 10)
		result = <-c
	case "pingpong":
		result = pingpong(1000000)
	case "ring":
		result = ring(503, 10000000)
	case "sieve":
		result = sieve(2000)
	case "spawn-park":
		var perG int64
		result, perG = spawnPark(1000000)
		extra = fmt.Sprintf(" bytes_per_goroutine=%d", perG)
	case "workers":
		result = workers(8, 2000000)
	case "skynet-alt":
		c := make(chan int)
		go skynetAlt(c, 0, 1000000, 10)
		result = <-c
	case "pingpong-alt":
		result = pingpongAlt(1000000)
	case "ring-alt":
		result = ringAlt(503, 10000000)
	case "sieve-alt":
		result = sieveAlt(2000)
	case "workers-alt":
		result = workersAlt(8, 2000000)
	default:
		fmt.Fprintln(os.Stderr, "unknown workload", name)
		os.Exit(2)
	}
	fmt.Printf("%s %d %.3f%s\n", name, result, time.Since(start).Seconds(), extra)
}
