// Covers: sync.Map (Store/Load/LoadOrStore/LoadAndDelete/Range with sorted output), sync/atomic Int64/Int32/Bool/Value/CompareAndSwap counters under concurrency.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	var cache sync.Map
	var hits, misses atomic.Int64
	var wg sync.WaitGroup
	keys := strings.Fields("a b c a b a d c a")
	for _, k := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, loaded := cache.LoadOrStore(k, strings.ToUpper(k)); loaded {
				hits.Add(1)
			} else {
				misses.Add(1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("hits:", hits.Load(), "misses:", misses.Load())

	var entries []string
	cache.Range(func(k, v any) bool {
		entries = append(entries, fmt.Sprintf("%s=%s", k, v))
		return true
	})
	sort.Strings(entries)
	fmt.Println(entries)
	v, ok := cache.Load("c")
	fmt.Println(v, ok)
	v, ok = cache.LoadAndDelete("c")
	fmt.Println(v, ok)
	_, ok = cache.Load("c")
	fmt.Println("still there:", ok)
	cache.Store("z", "last")
	prev, swapped := cache.Swap("z", "new")
	fmt.Println(prev, swapped)

	var counter int32
	var total atomic.Uint64
	var ready atomic.Bool
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt32(&counter, 1)
			total.Add(uint64(i))
		}()
	}
	wg.Wait()
	ready.Store(true)
	fmt.Println(atomic.LoadInt32(&counter), total.Load(), ready.Load())
	fmt.Println(atomic.CompareAndSwapInt32(&counter, 100, 0), atomic.CompareAndSwapInt32(&counter, 100, 1), counter)

	var cfg atomic.Value
	cfg.Store([]string{"v1"})
	cfg.Store([]string{"v2", "extra"})
	fmt.Println(cfg.Load().([]string))
	var p atomic.Pointer[string]
	s := "pointed"
	fmt.Println(p.Load() == nil, p.CompareAndSwap(nil, &s), *p.Load())
}
