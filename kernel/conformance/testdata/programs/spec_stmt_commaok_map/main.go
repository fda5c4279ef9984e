// Covers: index expressions on maps, comma-ok `v, ok := m[k]` at top level and in nested blocks.
package main

import (
	"fmt"
	"sort"
)

func main() {
	stock := map[string]int{"apple": 5, "pear": 0, "plum": 12}

	v, ok := stock["apple"]
	fmt.Println("apple:", v, ok)

	v, ok = stock["kiwi"]
	fmt.Println("kiwi:", v, ok)

	if n, ok := stock["pear"]; ok {
		fmt.Println("pear present with", n)
	}

	orders := []string{"plum", "kiwi", "apple", "pear"}
	for _, item := range orders {
		if qty, found := stock[item]; !found {
			fmt.Println(item, "unknown")
		} else if qty == 0 {
			fmt.Println(item, "sold out")
		} else {
			stock[item] = qty - 1
			fmt.Println(item, "sold, left", stock[item])
		}
	}

	{
		_, has := stock["plum"]
		fmt.Println("block has plum:", has)
	}

	var missing map[string]int
	mv, mok := missing["x"]
	fmt.Println("nil map lookup:", mv, mok)

	keys := make([]string, 0, len(stock))
	for k := range stock {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d\n", k, stock[k])
	}
}
