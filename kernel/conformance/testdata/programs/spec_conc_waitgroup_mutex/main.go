// Covers: go statements with sync.WaitGroup and sync.Mutex protecting a shared map and counter, deterministic results after Wait.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type SafeCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *SafeCounter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[key]++
}

func (c *SafeCounter) Snapshot() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.counts))
	for k := range c.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s=%d", k, c.counts[k])
	}
	return out
}

func main() {
	docs := []string{
		"go is fun and go is fast",
		"channels and goroutines",
		"go go go",
		"fun with mutexes and waitgroups",
	}
	c := SafeCounter{counts: map[string]int{}}
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, w := range strings.Fields(d) {
				c.Inc(w)
			}
		}()
	}
	wg.Wait()
	fmt.Println(strings.Join(c.Snapshot(), " "))

	var mu sync.Mutex
	total := 0
	var wg2 sync.WaitGroup
	for i := 1; i <= 50; i++ {
		wg2.Add(1)
		go func() {
			defer wg2.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}()
	}
	wg2.Wait()
	fmt.Println("total 1..50:", total)

	var once sync.Once
	calls := 0
	for range 3 {
		once.Do(func() { calls++ })
	}
	fmt.Println("once calls:", calls)
}
