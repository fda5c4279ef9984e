// Covers: strings, Fields, Split, SplitN, SplitAfter, FieldsFunc, ToLower, Trim and a sorted word-frequency count.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs!  Quick, quick...`

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	fmt.Println("total words:", len(words), "distinct:", len(keys))
	for _, k := range keys[:5] {
		fmt.Printf("%-6s %d\n", k, counts[k])
	}

	fmt.Printf("%q\n", strings.Fields("  a \t b\n\nc  "))
	fmt.Printf("%q\n", strings.Split("a,b,,c,", ","))
	fmt.Printf("%q\n", strings.Split("abc", ""))
	fmt.Printf("%q\n", strings.Split("", ","))
	fmt.Printf("%q\n", strings.SplitN("k=v=w", "=", 2))
	fmt.Printf("%q\n", strings.SplitN("a b c", " ", 0))
	fmt.Printf("%q\n", strings.SplitAfter("1;2;3", ";"))
	fmt.Printf("%q\n", strings.Trim("..!hi!..", ".!"))
	fmt.Printf("%q\n", strings.TrimSpace("\t padded \n"))
	fmt.Printf("%q %q\n", strings.TrimLeft("xxabcxx", "x"), strings.TrimSuffix("file.tar.gz", ".gz"))
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		fmt.Printf("line %d: %d fields, count(\"the\")=%d\n", i+1, len(strings.Fields(l)), strings.Count(strings.ToLower(l), "the"))
	}
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
}
