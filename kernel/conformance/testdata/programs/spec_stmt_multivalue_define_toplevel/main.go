// Covers: short variable declarations, multi-value `v, err := f()` at main's top level and in nested blocks.
package main

import (
	"errors"
	"fmt"
)

var errEmpty = errors.New("empty input")

func parseDigits(s string) (int, error) {
	if s == "" {
		return 0, errEmpty
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad digit %q in %q", c, s)
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func main() {
	v, err := parseDigits("1234")
	fmt.Println("top:", v, err)

	w, err := parseDigits("")
	fmt.Println("top again:", w, err)

	if n, err := parseDigits("42"); err == nil {
		fmt.Println("if-init:", n*2)
	}

	for _, in := range []string{"7", "x9", "100"} {
		n, err := parseDigits(in)
		if err != nil {
			fmt.Println("loop error:", err)
			continue
		}
		fmt.Println("loop value:", n)
	}

	{
		a, err := parseDigits("5")
		b, err2 := parseDigits("6")
		fmt.Println("block:", a+b, err, err2)
	}

	switch q, err := parseDigits("77"); {
	case err != nil:
		fmt.Println("switch error", err)
	case q > 50:
		fmt.Println("switch big", q)
	default:
		fmt.Println("switch small", q)
	}
	fmt.Println("outer v and err still:", v, err)
}
