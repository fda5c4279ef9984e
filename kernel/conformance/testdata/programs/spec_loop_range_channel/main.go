// Covers: for statements with range clause over channels, producer goroutine closing the channel, pipeline stages.
package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func main() {
	for v := range square(gen(1, 2, 3, 4)) {
		fmt.Println("squared:", v)
	}

	buf := make(chan string, 3)
	buf <- "x"
	buf <- "y"
	buf <- "z"
	close(buf)
	joined := ""
	for s := range buf {
		joined += s
	}
	fmt.Println("joined:", joined)

	total := 0
	for n := range square(square(gen(1, 2, 3))) {
		total += n
	}
	fmt.Println("sum of fourth powers:", total)

	empty := make(chan int)
	close(empty)
	for range empty {
		fmt.Println("never")
	}
	fmt.Println("empty closed channel range ends")
}
