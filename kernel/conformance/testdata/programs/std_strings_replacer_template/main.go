// Covers: strings, Replace/ReplaceAll with counts, NewReplacer (ordering, WriteString), Index/LastIndex/IndexAny/IndexByte/IndexRune.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	msg := "Dear {name}, your order {id} ships {when}. Thanks, {name}!"
	r := strings.NewReplacer("{name}", "Ana", "{id}", "#4521", "{when}", "tomorrow")
	fmt.Println(r.Replace(msg))

	escaper := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	fmt.Println(escaper.Replace("a < b && c > d"))
	n, err := escaper.WriteString(os.Stdout, "<tag>&\n")
	fmt.Println(n, err)

	first := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(first.Replace("aaaa"))
	swap := strings.NewReplacer("cat", "dog", "dog", "cat")
	fmt.Println(swap.Replace("cat chases dog"))

	s := "banana bandana"
	fmt.Println(strings.Replace(s, "an", "AN", 2))
	fmt.Println(strings.Replace(s, "an", "AN", -1))
	fmt.Println(strings.ReplaceAll(s, "a", ""))
	fmt.Println(strings.Replace("abc", "", "-", -1))

	fmt.Println(strings.Index(s, "ban"), strings.LastIndex(s, "ban"), strings.Index(s, "xyz"))
	fmt.Println(strings.IndexAny(s, "dn"), strings.LastIndexAny(s, "b"), strings.IndexByte(s, ' '))
	fmt.Println(strings.IndexRune("naïve", 'v'), strings.IndexFunc("abc123", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Println(strings.Contains(s, "dan"), strings.ContainsAny(s, "xyz"), strings.ContainsRune(s, 'd'))
	fmt.Println(strings.HasPrefix(s, "bana"), strings.HasSuffix(s, "ana"))
}
