// The Go side of bench/gosemantics: small programs whose output is deterministic, run by name
// (`gosemantics <case>`). gosharp/ holds the same programs written with GoSharp; check.sh runs both and
// compares what they print. A case that needs a goroutine to be parked before the next step sleeps 10 ms
// for it: this is a checker run by hand, not a test.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
)

var cases = map[string]func(){}

func register(m map[string]func()) {
	for k, v := range m {
		cases[k] = v
	}
}

// try runs f and prints whether it panicked, and with what.
func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}

// warmUp lets the runtime's own goroutines that are still runnable at start-up go first, so that a case
// printing the scheduling order on one P sees only its own goroutines in the run queues.
func warmUp() {
	runtime.GOMAXPROCS(1)
	for i := 0; i < 10; i++ {
		runtime.Gosched()
	}
}

func main() {
	if len(os.Args) != 2 {
		names := make([]string, 0, len(cases))
		for k := range cases {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Println(strings.Join(names, "\n"))
		return
	}
	f, ok := cases[os.Args[1]]
	if !ok {
		fmt.Println("unknown case " + os.Args[1])
		os.Exit(3)
	}
	f()
}
