// Covers: go statements in loops, per-iteration loop variables captured by goroutines, synchronised with WaitGroup and indexed results.
package main

import (
	"fmt"
	"sync"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta"}
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lengths[i] = len(w)
		}()
	}
	wg.Wait()
	fmt.Println("lengths:", lengths)

	squares := make([]int, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			squares[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println("squares:", squares)

	var mu sync.Mutex
	sum := 0
	for n := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("sum 0..99:", sum)

	done := make(chan int)
	for id := 1; id <= 3; id++ {
		go func() { done <- id * 10 }()
	}
	got := 0
	for range 3 {
		got += <-done
	}
	fmt.Println("sum of ids*10:", got)
}
