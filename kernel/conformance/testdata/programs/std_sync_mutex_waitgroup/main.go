// Covers: sync, Mutex protecting a shared map, WaitGroup Add/Done/Wait and WaitGroup.Go (Go 1.25+), results collected then sorted for deterministic output.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	stock map[string]int
	ops   int
}

func (inv *Inventory) Add(item string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.stock[item] += n
	inv.ops++
}

func main() {
	inv := &Inventory{stock: map[string]int{}}
	items := []string{"bolts", "nuts", "screws", "washers"}

	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for i := 0; i < 250; i++ {
				inv.Add(items[(id+i)%len(items)], 1+i%3)
			}
		}(w)
	}
	wg.Wait()

	keys := make([]string, 0, len(inv.stock))
	for k := range inv.stock {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	total := 0
	for _, k := range keys {
		fmt.Printf("%-8s %d\n", k, inv.stock[k])
		total += inv.stock[k]
	}
	fmt.Println("ops:", inv.ops, "total:", total)

	words := strings.Fields("the go gopher goes to the golang gathering")
	lengths := make([]int, len(words))
	var wg2 sync.WaitGroup
	for i, w := range words {
		wg2.Go(func() {
			lengths[i] = len(w)
		})
	}
	wg2.Wait()
	fmt.Println(lengths)

	var mu sync.Mutex
	fmt.Println("TryLock free:", mu.TryLock())
	fmt.Println("TryLock held:", mu.TryLock())
	mu.Unlock()
}
