// Covers: select statements over multiple channels with a quit channel, for-select loops, disabling cases via nil channels.
package main

import "fmt"

func merge(a, b <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil // disable this case
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}

func source(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

func main() {
	sum, count := 0, 0
	for v := range merge(source(1, 2, 3), source(10, 20)) {
		sum += v
		count++
	}
	fmt.Println("merged count:", count, "sum:", sum)

	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := range 5 {
			data <- i * i
		}
		close(quit)
	}()
	var got []int
loop:
	for {
		select {
		case v := <-data:
			got = append(got, v)
		case <-quit:
			break loop
		}
	}
	fmt.Println("received before quit:", got)

	ready := make(chan string, 1)
	ready <- "cached"
	for i := range 2 {
		select {
		case s := <-ready:
			fmt.Println(i, "got", s)
		default:
			fmt.Println(i, "nothing ready")
		}
	}
}
