// Covers: unicode/utf8, RuneCountInString, DecodeRuneInString/DecodeLastRuneInString, RuneLen, EncodeRune, AppendRune, ValidString, invalid bytes.
package main

import (
	"fmt"
	"unicode/utf8"
)

func reverseRunes(s string) string {
	out := make([]byte, 0, len(s))
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		out = utf8.AppendRune(out, r)
		s = s[:len(s)-size]
	}
	return string(out)
}

func main() {
	words := []string{"hello", "héllo", "日本語", "🙂ok", ""}
	for _, w := range words {
		fmt.Printf("%-8q bytes=%2d runes=%d valid=%v reversed=%q\n", w, len(w), utf8.RuneCountInString(w), utf8.ValidString(w), reverseRunes(w))
	}

	s := "a€😀"
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		fmt.Printf("offset %d: %c (%U) size %d runelen %d\n", i, r, r, size, utf8.RuneLen(r))
		i += size
	}
	for i, r := range "x€y" {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()

	bad := "ok\xffgo\xe2\x82"
	fmt.Println(utf8.ValidString(bad), utf8.RuneCountInString(bad))
	for i, r := range bad {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println()
	r, size := utf8.DecodeRuneInString("\xff")
	fmt.Println(r == utf8.RuneError, size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r == utf8.RuneError, size)

	buf := make([]byte, utf8.UTFMax)
	n := utf8.EncodeRune(buf, '界')
	fmt.Printf("% x (%d bytes)\n", buf[:n], n)
	fmt.Println(utf8.FullRune([]byte{0xe7, 0x95}), utf8.RuneStart(0x95), utf8.ValidRune(0xD800))
	fmt.Println(utf8.RuneCount([]byte("añb")), utf8.Valid([]byte{0xc3, 0xb1}))
}
