// Covers: worker pool with jobs/results channels, fixed number of goroutines, results reordered by job index for deterministic output.
package main

import (
	"fmt"
	"sync"
)

type job struct {
	index int
	n     int
}

type result struct {
	index  int
	n      int
	steps  int
	worker int
}

func collatzSteps(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func worker(id int, jobs <-chan job, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{index: j.index, n: j.n, steps: collatzSteps(j.n), worker: id}
	}
}

func main() {
	inputs := []int{27, 7, 97, 1, 871, 6, 19, 63}
	jobs := make(chan job)
	results := make(chan result, len(inputs))

	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	go func() {
		for i, n := range inputs {
			jobs <- job{i, n}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	ordered := make([]result, len(inputs))
	workersUsed := map[int]bool{}
	for r := range results {
		ordered[r.index] = r
		workersUsed[r.worker] = true
	}
	best := ordered[0]
	for _, r := range ordered {
		fmt.Printf("collatz(%d) = %d steps\n", r.n, r.steps)
		if r.steps > best.steps {
			best = r
		}
	}
	fmt.Println("longest:", best.n, best.steps)
	fmt.Println("at least one worker used:", len(workersUsed) >= 1)
}
