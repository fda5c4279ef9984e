// Covers: a multi-function program: text normalisation, counting with maps, sorting structs by multiple keys, and a report type with methods.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! A quick fox is a happy fox.`

type WordCount struct {
	Word  string
	Count int
}

type Report []WordCount

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
}

func count(ws []string) map[string]int {
	m := make(map[string]int)
	for _, w := range ws {
		m[w]++
	}
	return m
}

func rank(m map[string]int) Report {
	r := make(Report, 0, len(m))
	for w, c := range m {
		r = append(r, WordCount{w, c})
	}
	sort.Slice(r, func(i, j int) bool {
		if r[i].Count != r[j].Count {
			return r[i].Count > r[j].Count
		}
		return r[i].Word < r[j].Word
	})
	return r
}

func (r Report) Top(n int) Report { return r[:min(n, len(r))] }

func (r Report) Total() int {
	t := 0
	for _, wc := range r {
		t += wc.Count
	}
	return t
}

func main() {
	ws := words(text)
	fmt.Println("total words:", len(ws))
	counts := count(ws)
	fmt.Println("distinct words:", len(counts))
	r := rank(counts)
	for i, wc := range r.Top(5) {
		fmt.Printf("%d. %-6s %d %s\n", i+1, wc.Word, wc.Count, strings.Repeat("*", wc.Count))
	}
	fmt.Println("report total equals words:", r.Total() == len(ws))
	fmt.Printf("last: %+v\n", r[len(r)-1])
}
