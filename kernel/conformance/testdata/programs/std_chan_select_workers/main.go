// Covers: select with default (non-blocking send/receive), time.After timeout, nil channels to disable cases while merging two producers.
package main

import (
	"fmt"
	"time"
)

func producer(prefix string, n int) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for i := 1; i <= n; i++ {
			ch <- fmt.Sprintf("%s%d", prefix, i)
		}
	}()
	return ch
}

func main() {
	a, b := producer("a", 3), producer("b", 4)
	var fromA, fromB []string
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fromA = append(fromA, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fromB = append(fromB, v)
		}
	}
	fmt.Println("A:", fromA, "B:", fromB)

	mailbox := make(chan string, 2)
	for _, msg := range []string{"hi", "there", "overflow"} {
		select {
		case mailbox <- msg:
			fmt.Println("sent", msg)
		default:
			fmt.Println("mailbox full, dropped", msg)
		}
	}
	for i := 0; i < 3; i++ {
		select {
		case m := <-mailbox:
			fmt.Println("received", m)
		default:
			fmt.Println("nothing waiting")
		}
	}

	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out waiting")
	}

}
