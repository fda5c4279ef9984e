// Covers: strconv, Quote/QuoteToASCII/QuoteRune/Unquote/UnquoteChar, Append* functions building a line into a reused byte buffer.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	samples := []string{"plain", "tab\there", "quote\"d", "naïve ☕", "\x00\xff", "line\nbreak"}
	for _, s := range samples {
		q := strconv.Quote(s)
		back, err := strconv.Unquote(q)
		fmt.Printf("%-22s %-26s roundtrip=%v %v\n", q, strconv.QuoteToASCII(s), back == s, err)
	}
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.QuoteRune('\''))
	fmt.Println(strconv.CanBackquote("ok"), strconv.CanBackquote("a`b"))

	for _, in := range []string{"`raw\\n`", "'x'", `"\u00e9\t"`, `"unterminated`, "noquotes"} {
		s, err := strconv.Unquote(in)
		fmt.Printf("Unquote(%s) = %q, %v\n", in, s, err)
	}
	v, mb, tail, err := strconv.UnquoteChar(`\u263a rest`, '"')
	fmt.Println(string(v), mb, tail, err)

	buf := make([]byte, 0, 64)
	for i, name := range []string{"alpha", "beta"} {
		buf = buf[:0]
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, ':')
		buf = strconv.AppendQuote(buf, name)
		buf = append(buf, ' ')
		buf = strconv.AppendBool(buf, i%2 == 0)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, float64(i)+0.25, 'f', 3, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendUint(buf, uint64(255+i), 16)
		buf = append(buf, ' ')
		buf = strconv.AppendQuoteRune(buf, rune('A'+i))
		fmt.Println(string(buf))
	}
}
