// Covers: goroutines and channels, generator → square → filter pipeline, fan-out workers with results re-ordered by index, close/range, buffered channel len/cap.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			out <- n
		}
	}()
	return out
}

func stage(in <-chan int, f func(int) (int, bool)) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if v, ok := f(n); ok {
				out <- v
			}
		}
	}()
	return out
}

type result struct {
	idx  int
	text string
}

func main() {
	squares := stage(gen(1, 2, 3, 4, 5, 6, 7, 8), func(n int) (int, bool) { return n * n, true })
	evens := stage(squares, func(n int) (int, bool) { return n, n%2 == 0 })
	for v := range evens {
		fmt.Print(v, " ")
	}
	fmt.Println()

	jobs := strings.Fields("alpha beta gamma delta epsilon zeta")
	jobCh := make(chan int, len(jobs))
	resCh := make(chan result, len(jobs))
	for i := range jobs {
		jobCh <- i
	}
	fmt.Println("queued:", len(jobCh), "cap:", cap(jobCh))
	close(jobCh)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobCh {
				resCh <- result{i, strings.ToUpper(jobs[i][:1]) + jobs[i][1:]}
			}
		}()
	}
	wg.Wait()
	close(resCh)
	var results []result
	for r := range resCh {
		results = append(results, r)
	}
	sort.Slice(results, func(a, b int) bool { return results[a].idx < results[b].idx })
	for _, r := range results {
		fmt.Printf("%d:%s ", r.idx, r.text)
	}
	fmt.Println()
	v, ok := <-resCh
	fmt.Println("closed channel receive:", v, ok)
}
