// Covers: rune, byte and string conversions, rune literals and escapes, byte arithmetic (Caesar cipher), strings are immutable.
package main

import (
	"fmt"
	"unicode/utf8"
)

func caesar(s string, shift byte) string {
	out := []byte(s)
	for i, c := range out {
		switch {
		case c >= 'a' && c <= 'z':
			out[i] = 'a' + (c-'a'+shift)%26
		case c >= 'A' && c <= 'Z':
			out[i] = 'A' + (c-'A'+shift)%26
		}
	}
	return string(out)
}

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func main() {
	var b byte = 'A'
	var r rune = 'é'
	fmt.Println("byte:", b, "rune:", r)
	fmt.Printf("%c %c %U %q %x\n", b, r, r, r, r)
	fmt.Printf("%T %T\n", b, r)

	fmt.Println(caesar("Hello, World!", 3))
	fmt.Println(caesar(caesar("Round Trip", 13), 13))

	fmt.Println(reverseRunes("Hello, 世界"))

	escapes := []rune{'\n', '\t', '\\', '\'', '\x41', '\u00e9', '\U0001F600', '\101'}
	fmt.Printf("%q\n", escapes)
	fmt.Println("raw string:", `a\nb`, len(`a\nb`), "interpreted len:", len("a\nb"))

	s := "naïve"
	fmt.Println("len bytes:", len(s), "rune count:", utf8.RuneCountInString(s))
	fmt.Println("string from bytes:", string([]byte{103, 111}), "from runes:", string([]rune{0x263A, 'x'}))

	fmt.Println("digit math:", '7'-'0', string(rune('a'+2)))
	upper := ""
	for _, c := range "mixed Case" {
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		upper += string(c)
	}
	fmt.Println(upper)
	fmt.Println("invalid rune converts to:", string(rune(-1)) == "\uFFFD")
}
