// Covers: context, WithCancel stopping a worker, WithTimeout with a short timeout vs fast work, DeadlineExceeded/Canceled, Cause via WithCancelCause, AfterFunc.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slowSquare(ctx context.Context, n int, delay time.Duration) (int, error) {
	select {
	case <-time.After(delay):
		return n * n, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ticks := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case ticks <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("tick", <-ticks)
	}
	cancel()
	<-done
	fmt.Println("worker stopped:", ctx.Err())

	tctx, tcancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	v, err := slowSquare(tctx, 7, 0)
	fmt.Println("fast:", v, err)
	v, err = slowSquare(tctx, 8, 2*time.Second)
	fmt.Println("slow:", v, err, errors.Is(err, context.DeadlineExceeded))
	_, hasDeadline := tctx.Deadline()
	fmt.Println("has deadline:", hasDeadline)
	tcancel()

	cctx, ccancel := context.WithCancelCause(context.Background())
	ccancel(errors.New("user pressed stop"))
	fmt.Println(cctx.Err(), "| cause:", context.Cause(cctx))

	actx, acancel := context.WithCancel(context.Background())
	fired := make(chan string, 1)
	context.AfterFunc(actx, func() { fired <- "cleanup ran" })
	acancel()
	fmt.Println(<-fired)

	parent, pcancel := context.WithCancel(context.Background())
	child, childCancel := context.WithTimeout(parent, time.Hour)
	pcancel()
	<-child.Done()
	fmt.Println("child sees parent cancel:", child.Err(), errors.Is(child.Err(), context.Canceled))
	childCancel()
	fmt.Println(context.Background(), context.TODO())
}
