// The load generator of bench/net: N connections, each a closed loop of fixed-size echo round trips.
//
//	load -addr 127.0.0.1:7000 -conns 1000 -duration 5s -size 64 -pid SERVER_PID
//
// Phases: (1) the server's resident memory is read; (2) N connections are opened and each makes one round
// trip (so the server has accepted it and waits in Read); the memory is read again: the difference over N
// is the memory per idle connection (the server's user-space memory only; kernel socket buffers are not in
// its RSS, for any of the servers); (3) every connection runs round trips for the duration, one message
// outstanding at a time; the server's CPU time (utime+stime from /proc) is read around this phase.
// Prints one line: RESULT conns=N msgs_per_s=... p50_us=... p99_us=... cpu_s=... mem_per_conn_B=...
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func rssBytes(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// cpuSeconds: utime + stime of the process, in seconds (USER_HZ = 100 on Linux).
func cpuSeconds(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100
}

func main() {
	addr := flag.String("addr", "127.0.0.1:7000", "server address")
	conns := flag.Int("conns", 1000, "concurrent connections")
	duration := flag.Duration("duration", 5*time.Second, "measured load phase")
	size := flag.Int("size", 64, "message size in bytes")
	pid := flag.Int("pid", 0, "server process id (for memory and CPU)")
	flag.Parse()

	// Let the server settle (JIT, first GC) before the baseline.
	warm, err := net.Dial("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dial:", err)
		os.Exit(1)
	}
	roundTrip(warm, bytes.Repeat([]byte{'w'}, *size), make([]byte, *size))
	warm.Close()
	time.Sleep(500 * time.Millisecond)
	rss0 := rssBytes(*pid)

	cs := make([]net.Conn, *conns)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 100) // do not overflow the listen backlog
	for i := range cs {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := net.Dial("tcp", *addr)
			if err != nil {
				fmt.Fprintln(os.Stderr, "dial:", err)
				os.Exit(1)
			}
			msg := bytes.Repeat([]byte{byte(i)}, *size)
			if err := roundTrip(c, msg, make([]byte, *size)); err != nil {
				fmt.Fprintln(os.Stderr, "echo:", err)
				os.Exit(1)
			}
			cs[i] = c
		}(i)
	}
	wg.Wait()
	time.Sleep(time.Second)
	rss1 := rssBytes(*pid)

	var stop atomic.Bool
	var total atomic.Int64
	lat := make([][]int64, *conns)
	cpu0 := cpuSeconds(*pid)
	start := time.Now()
	for i := range cs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			msg := bytes.Repeat([]byte{byte(i)}, *size)
			back := make([]byte, *size)
			var mine []int64
			for !stop.Load() {
				t := time.Now()
				if err := roundTrip(cs[i], msg, back); err != nil {
					fmt.Fprintln(os.Stderr, "echo:", err)
					os.Exit(1)
				}
				mine = append(mine, int64(time.Since(t)/time.Microsecond))
			}
			lat[i] = mine
			total.Add(int64(len(mine)))
		}(i)
	}
	time.Sleep(*duration)
	stop.Store(true)
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	cpu1 := cpuSeconds(*pid)
	for _, c := range cs {
		c.Close()
	}

	var all []int64
	for _, l := range lat {
		all = append(all, l...)
	}
	sort.Slice(all, func(a, b int) bool { return all[a] < all[b] })
	pct := func(p float64) int64 {
		if len(all) == 0 {
			return 0
		}
		return all[int(p*float64(len(all)-1))]
	}
	fmt.Printf("RESULT conns=%d msgs_per_s=%.0f p50_us=%d p99_us=%d cpu_s=%.2f mem_per_conn_B=%d\n",
		*conns, float64(total.Load())/elapsed, pct(0.50), pct(0.99), cpu1-cpu0, (rss1-rss0)/int64(*conns))
}

func roundTrip(c net.Conn, msg, back []byte) error {
	if _, err := c.Write(msg); err != nil {
		return err
	}
	if _, err := io.ReadFull(c, back); err != nil {
		return err
	}
	if !bytes.Equal(msg, back) {
		return fmt.Errorf("echo mismatch")
	}
	return nil
}
