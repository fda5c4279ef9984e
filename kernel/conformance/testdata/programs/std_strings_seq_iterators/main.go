// Covers: strings, Lines/SplitSeq/FieldsSeq/FieldsFuncSeq iterators (Go 1.24+), consumed with range and slices.Collect.
package main

import (
	"fmt"
	"slices"
	"strings"
)

const log = `GET /index.html 200
POST /api/login 401
GET /static/app.js 200
GET /missing 404
`

func main() {
	status := map[string]int{}
	n := 0
	for line := range strings.Lines(log) {
		n++
		fields := slices.Collect(strings.FieldsSeq(line))
		status[fields[2]]++
		fmt.Printf("%d: %-4s %-18s ends with newline: %v\n", n, fields[0], fields[1], strings.HasSuffix(line, "\n"))
	}
	for _, code := range slices.Sorted(func(yield func(string) bool) {
		for k := range status {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Println(code, status[code])
	}

	for part := range strings.SplitSeq("a/b//c", "/") {
		fmt.Printf("[%s]", part)
	}
	fmt.Println()
	for part := range strings.SplitAfterSeq("x.y.z", ".") {
		fmt.Printf("[%s]", part)
	}
	fmt.Println()
	for w := range strings.FieldsFuncSeq("one,two;;three", func(r rune) bool { return r == ',' || r == ';' }) {
		fmt.Print(strings.ToUpper(w), " ")
	}
	fmt.Println()
	for w := range strings.FieldsSeq("  stop   early  here ") {
		if w == "here" {
			break
		}
		fmt.Println("word:", w)
	}
	fmt.Printf("%q\n", slices.Collect(strings.Lines("no trailing\nnewline")))
}
