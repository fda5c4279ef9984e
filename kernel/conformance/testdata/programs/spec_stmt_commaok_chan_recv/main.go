// Covers: receive operator, comma-ok `x, ok := <-ch` at top level and in nested loops on closed channels.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch)

	x, ok := <-ch
	fmt.Println("first:", x, ok)
	x, ok = <-ch
	fmt.Println("second:", x, ok)
	x, ok = <-ch
	fmt.Println("after close:", x, ok)

	words := make(chan string, 4)
	for _, w := range []string{"go", "is", "fun"} {
		words <- w
	}
	close(words)

	count := 0
	for {
		w, ok := <-words
		if !ok {
			fmt.Println("drained after", count)
			break
		}
		count++
		fmt.Printf("word %d: %s\n", count, w)
	}

	done := make(chan struct{})
	close(done)
	if _, open := <-done; !open {
		fmt.Println("done channel closed")
	}

	var ptrs = make(chan *int, 1)
	close(ptrs)
	p, ok2 := <-ptrs
	fmt.Println("nil pointer zero value:", p == nil, ok2)
}
