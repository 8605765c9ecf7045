package main

import (
	"fmt"
	"sync"
	"time"
)

// Goroutines that block where GoSharp runs plain code (an AfterFunc's function, a Once.Do function, a helper
// that is no goroutine method): asleep as any other, so a program whose other goroutines then wait for ever
// is deadlocked; one whose sleeper something still wakes is not.
func init() {
	register(map[string]func(){
		"deadlock-afterfunc-blocked-send": func() {
			ch := make(chan int)
			time.AfterFunc(time.Millisecond, func() { ch <- 1 }) // nobody ever receives
			<-make(chan int)
		},
		"deadlock-once-blocked-send": func() {
			ch := make(chan int)
			var once sync.Once
			go func() { once.Do(func() { ch <- 1 }) }()
			<-make(chan int)
		},
		"deadlock-helper-blocked-recv": func() {
			go func() { plainRecv(make(chan int)) }()
			<-make(chan int)
		},
		"deadlock-helper-blocked-mutex": func() {
			var mu sync.Mutex
			mu.Lock()
			go func() { plainLock(&mu) }()
			<-make(chan int)
		},
		// The sleeper's wait ends: the main goroutine receives what it sends, then what it forwards.
		"afterfunc-blocked-send-received": func() {
			ch := make(chan int)
			out := make(chan int)
			time.AfterFunc(time.Millisecond, func() { ch <- 1; out <- 2 })
			time.Sleep(10 * time.Millisecond)
			fmt.Println(<-ch)
			fmt.Println(<-out)
		},
		"helper-blocked-mutex-unlocked": func() {
			var mu sync.Mutex
			mu.Lock()
			done := make(chan int)
			go func() { plainLock(&mu); done <- 1 }()
			time.Sleep(10 * time.Millisecond)
			mu.Unlock()
			fmt.Println(<-done)
		},
	})
}

func plainRecv(ch chan int) int { return <-ch }

func plainLock(mu *sync.Mutex) { mu.Lock() }
