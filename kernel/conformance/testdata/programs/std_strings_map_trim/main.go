// Covers: strings, Map (rot13, dropping runes), ToUpper/ToLower/ToTitle, TrimFunc/TrimLeftFunc/TrimRightFunc, manual word capitalisation.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func rot13(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+13)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+13)%26
	}
	return r
}

func capitalize(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

func main() {
	secret := strings.Map(rot13, "Hello, Gopher!")
	fmt.Println(secret)
	fmt.Println(strings.Map(rot13, secret))

	noVowels := strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiouAEIOU", r) {
			return -1
		}
		return r
	}, "Programming in Go is great")
	fmt.Println(noVowels)

	fmt.Println(strings.ToUpper("straße ǆ"), strings.ToLower("ÀÉÎ"), strings.ToTitle("ǆ"))
	fmt.Println(capitalize("the gO proGRAMMING   language"))

	isJunk := func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }
	raw := "  ...[important]!!  "
	fmt.Printf("%q\n", strings.TrimFunc(raw, isJunk))
	fmt.Printf("%q\n", strings.TrimLeftFunc(raw, isJunk))
	fmt.Printf("%q\n", strings.TrimRightFunc(raw, isJunk))
	fmt.Printf("%q\n", strings.TrimFunc("12abc34", unicode.IsDigit))
	fmt.Printf("%q\n", strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Println(strings.LastIndexFunc("abc123def", unicode.IsDigit))
}
