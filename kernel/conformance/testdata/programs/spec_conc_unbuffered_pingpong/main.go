// Covers: channel types, unbuffered channel synchronisation (ping-pong), directional channel parameters, done channels.
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, log chan<- string, done chan<- struct{}) {
	for ball := range in {
		log <- fmt.Sprintf("%s hits %d", name, ball)
		if ball >= 5 {
			close(out)
			break
		}
		out <- ball + 1
	}
	done <- struct{}{}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	log := make(chan string)
	done := make(chan struct{})

	go player("ping", ping, pong, log, done)
	go player("pong", pong, ping, log, done)

	ping <- 1
	finished := 0
	var lines []string
	for finished < 2 {
		select {
		case l := <-log:
			lines = append(lines, l)
		case <-done:
			finished++
		}
	}
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println("rally length:", len(lines))

	result := make(chan int)
	go func() {
		sum := 0
		for i := 1; i <= 10; i++ {
			sum += i
		}
		result <- sum
	}()
	fmt.Println("sum from goroutine:", <-result)

	var sendOnly chan<- int = result
	var recvOnly <-chan int = result
	fmt.Printf("%T %T %T\n", result, sendOnly, recvOnly)
}
