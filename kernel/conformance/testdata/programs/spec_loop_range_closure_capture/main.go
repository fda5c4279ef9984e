// Covers: for range loops, per-iteration key/value variables captured by closures over slices, maps and strings.
package main

import (
	"fmt"
	"sort"
)

func main() {
	names := []string{"ann", "bob", "cy"}
	var greet []func() string
	for i, n := range names {
		greet = append(greet, func() string { return fmt.Sprintf("%d:%s", i, n) })
	}
	for _, g := range greet {
		fmt.Println(g())
	}

	prices := map[string]int{"tea": 3, "cake": 5, "jam": 4}
	handlers := map[string]func() int{}
	for k, v := range prices {
		handlers[k] = func() int { return v * 2 }
	}
	keys := make([]string, 0)
	for k := range handlers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, "double price:", handlers[k]())
	}

	var runeFns []func() rune
	for _, r := range "gö!" {
		runeFns = append(runeFns, func() rune { return r })
	}
	for _, f := range runeFns {
		fmt.Printf("%c", f())
	}
	fmt.Println()

	var idx []func() int
	for i := range 3 {
		idx = append(idx, func() int { return i * 100 })
	}
	fmt.Println(idx[0](), idx[1](), idx[2]())
}
