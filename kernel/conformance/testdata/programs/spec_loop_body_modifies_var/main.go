// Covers: for statements with clauses, the loop body modifying the loop variable (per-iteration copy carries the change forward).
package main

import "fmt"

func main() {
	// skip over runs of duplicates by advancing i inside the body
	data := []int{1, 1, 2, 3, 3, 3, 4, 5, 5}
	var uniq []int
	for i := 0; i < len(data); i++ {
		uniq = append(uniq, data[i])
		for i+1 < len(data) && data[i+1] == data[i] {
			i++
		}
	}
	fmt.Println("unique:", uniq)

	// modification visible in the post statement, closure sees final per-iteration value
	var seen []func() int
	for i := 0; i < 10; i++ {
		i += 2
		seen = append(seen, func() int { return i })
	}
	var vals []int
	for _, f := range seen {
		vals = append(vals, f())
	}
	fmt.Println("values captured after body increment:", vals)

	// tokenizer that consumes digits by moving the index
	src := "ab12c345d"
	var tokens []string
	for i := 0; i < len(src); i++ {
		if src[i] >= '0' && src[i] <= '9' {
			start := i
			for i < len(src) && src[i] >= '0' && src[i] <= '9' {
				i++
			}
			tokens = append(tokens, src[start:i])
			i--
			continue
		}
		tokens = append(tokens, string(src[i]))
	}
	fmt.Printf("tokens: %q\n", tokens)

	// range loop: modifying the variable does not affect iteration
	count := 0
	for i := range 5 {
		i *= 10
		count += i
	}
	fmt.Println("range body modification sum:", count)
}
