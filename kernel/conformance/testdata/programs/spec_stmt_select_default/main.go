// Covers: select statements, default case for non-blocking send/receive, nil channels and multiple ready cases resolved deterministically.
package main

import "fmt"

func main() {
	jobs := make(chan int, 2)

	for i := 1; i <= 4; i++ {
		select {
		case jobs <- i:
			fmt.Println("queued", i)
		default:
			fmt.Println("queue full, dropped", i)
		}
	}

	for {
		select {
		case j := <-jobs:
			fmt.Println("processing", j)
			continue
		default:
			fmt.Println("no more jobs")
		}
		break
	}

	var never chan int
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	default:
		fmt.Println("nil channel never ready")
	}

	results := make(chan string, 1)
	results <- "ready"
	select {
	case r := <-results:
		fmt.Println("result:", r)
	default:
		fmt.Println("nothing")
	}

	quit := make(chan bool)
	close(quit)
	select {
	case _, ok := <-quit:
		fmt.Println("quit closed, ok =", ok)
	}
}
