// Covers: buffered channels (len/cap), close and range, receive from closed channel, producer/consumer with a results channel.
package main

import "fmt"

type order struct {
	id    int
	items int
}

func main() {
	queue := make(chan order, 5)
	fmt.Println("empty:", len(queue), cap(queue))
	for i := 1; i <= 4; i++ {
		queue <- order{id: i, items: i * 3}
	}
	fmt.Println("after sends:", len(queue), cap(queue))
	close(queue)

	totals := make(chan int, cap(queue))
	go func() {
		defer close(totals)
		for o := range queue {
			totals <- o.items * 2
		}
	}()

	var got []int
	for t := range totals {
		got = append(got, t)
	}
	fmt.Println("processed totals:", got)

	v, ok := <-queue
	fmt.Printf("closed receive: %+v %v\n", v, ok)

	var unbufferedLen = make(chan int)
	fmt.Println("unbuffered cap:", cap(unbufferedLen))

	sem := make(chan struct{}, 2)
	acquired := 0
	for range 3 {
		select {
		case sem <- struct{}{}:
			acquired++
		default:
			fmt.Println("semaphore full at", acquired)
		}
	}
	<-sem
	fmt.Println("after release:", len(sem))

	var nilCh chan int
	fmt.Println("nil channel len/cap:", len(nilCh), cap(nilCh))
}
