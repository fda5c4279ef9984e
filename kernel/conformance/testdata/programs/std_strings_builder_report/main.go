// Covers: strings, Builder (WriteString/WriteByte/WriteRune/Grow/Len/Reset), Repeat, Join, PadLeft-style formatting for a text report.
package main

import (
	"fmt"
	"strings"
)

func box(lines []string) string {
	width := 0
	for _, l := range lines {
		if n := len([]rune(l)); n > width {
			width = n
		}
	}
	var b strings.Builder
	b.Grow(64)
	b.WriteRune('┌')
	b.WriteString(strings.Repeat("─", width+2))
	b.WriteString("┐\n")
	for _, l := range lines {
		b.WriteString("│ ")
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", width-len([]rune(l))))
		b.WriteString(" │\n")
	}
	b.WriteRune('└')
	b.WriteString(strings.Repeat("─", width+2))
	b.WriteByte(0xe2)
	b.WriteByte(0x94)
	b.WriteByte(0x98)
	b.WriteByte('\n')
	return b.String()
}

func main() {
	fmt.Print(box([]string{"Quarterly report", "Q1: 120", "Q2: 95", "Ünïcode ok"}))

	var sb strings.Builder
	for i := 1; i <= 5; i++ {
		if sb.Len() > 0 {
			sb.WriteString(" + ")
		}
		fmt.Fprintf(&sb, "%d", i*i)
	}
	fmt.Println(sb.String(), "=", 1+4+9+16+25)
	fmt.Println("len", sb.Len())
	sb.Reset()
	fmt.Printf("after reset: %q %d\n", sb.String(), sb.Len())

	words := []string{"go", "is", "fun"}
	fmt.Println(strings.Join(words, "-"))
	fmt.Println(strings.Join(nil, ","), "|", strings.Join([]string{"solo"}, ","))
	fmt.Printf("%q\n", strings.Repeat("ab", 3))
	fmt.Printf("%q\n", strings.Repeat("x", 0))
}
