// Covers: unicode, IsLetter/IsDigit/IsSpace/IsPunct/IsUpper/IsLower/IsNumber/IsSymbol, In with range tables, ToUpper/ToLower/SimpleFold, character class tally.
package main

import (
	"fmt"
	"unicode"
)

func classify(r rune) string {
	switch {
	case unicode.IsUpper(r):
		return "upper"
	case unicode.IsLower(r):
		return "lower"
	case unicode.IsLetter(r):
		return "letter"
	case unicode.IsDigit(r):
		return "digit"
	case unicode.IsNumber(r):
		return "number"
	case unicode.IsSpace(r):
		return "space"
	case unicode.IsPunct(r):
		return "punct"
	case unicode.IsSymbol(r):
		return "symbol"
	case unicode.IsControl(r):
		return "control"
	}
	return "other"
}

func main() {
	text := "Hi, 世界! Ω=½ + 3€\t¿ok?"
	tally := map[string]int{}
	order := []string{}
	for _, r := range text {
		c := classify(r)
		if tally[c] == 0 {
			order = append(order, c)
		}
		tally[c]++
		fmt.Printf("%q:%s ", r, c)
	}
	fmt.Println()
	for _, c := range order {
		fmt.Printf("%s=%d\n", c, tally[c])
	}

	for _, r := range []rune{'a', 'Ж', '世', 'ω', '7'} {
		fmt.Printf("%c latin=%v cyrillic=%v han=%v greek=%v upper=%c lower=%c\n", r,
			unicode.Is(unicode.Latin, r), unicode.In(r, unicode.Cyrillic), unicode.Is(unicode.Han, r),
			unicode.Is(unicode.Greek, r), unicode.ToUpper(r), unicode.ToLower(unicode.ToUpper(r)))
	}
	r := 'k'
	fmt.Print("fold orbit of k:")
	for {
		fmt.Printf(" %U", r)
		r = unicode.SimpleFold(r)
		if r == 'k' {
			break
		}
	}
	fmt.Println()
	fmt.Println(unicode.IsPrint('\u00a0'), unicode.IsGraphic('\u00a0'), unicode.MaxRune, string(unicode.ReplacementChar))
}
