// Covers: range over function iterators (Go 1.23), hand-written func(yield func(int) bool) iterators, break/continue/return inside the loop.
package main

import "fmt"

func countTo(n int) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for i := 1; i <= n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func fibs(yield func(int) bool) {
	a, b := 0, 1
	for {
		if !yield(a) {
			return
		}
		a, b = b, a+b
	}
}

func primes() func(func(int) bool) {
	return func(yield func(int) bool) {
		for n := 2; ; n++ {
			isPrime := true
			for d := 2; d*d <= n; d++ {
				if n%d == 0 {
					isPrime = false
					break
				}
			}
			if isPrime && !yield(n) { // stop when the consumer breaks
				return
			}
		}
	}
}

func firstOver(limit int) int {
	for f := range fibs {
		if f > limit {
			return f
		}
	}
	return -1
}

func main() {
	for i := range countTo(3) {
		fmt.Println("count", i)
	}

	var fs []int
	for f := range fibs {
		if f > 50 {
			break
		}
		fs = append(fs, f)
	}
	fmt.Println("fibs <= 50:", fs)

	var odd []int
	for p := range primes() {
		if p == 2 {
			continue
		}
		if len(odd) == 6 {
			break
		}
		odd = append(odd, p)
	}
	fmt.Println("odd primes:", odd)
	fmt.Println("first fib over 1000:", firstOver(1000))
}
