// Covers: fmt, Printf verbs %v %+v %#v %T %q %x %X %t %% on strings, structs, slices and bools; bad-verb and missing/extra arg markers.
package main

import "fmt"

type Book struct {
	Title  string
	Pages  int
	Tags   []string
	OnLoan bool
}

func main() {
	b := Book{Title: "Go in Practice", Pages: 312, Tags: []string{"go", "prog"}}
	fmt.Printf("%v\n", b)
	fmt.Printf("%+v\n", b)
	fmt.Printf("%#v\n", b)
	fmt.Printf("%T | %T | %T\n", b, &b, b.Tags)

	title := "héllo \"world\"\n"
	fmt.Printf("%q\n", title)
	fmt.Printf("%+q\n", title)
	fmt.Printf("%#q\n", "back`tick")
	fmt.Printf("%#q\n", "raw string")
	fmt.Printf("%x\n", "Go!")
	fmt.Printf("% x\n", "Go!")
	fmt.Printf("%X\n", []byte{1, 171, 255})
	fmt.Printf("%q\n", []string{"a b", "c"})
	fmt.Printf("%t %v\n", b.OnLoan, !b.OnLoan)
	fmt.Printf("100%% done\n")

	values := []any{42, 3.5, "str", 'x', nil, []int{1, 2}, map[string]int{"z": 1, "a": 2}}
	for _, v := range values {
		fmt.Printf("%-8T %v\n", v, v)
	}
	bad := "%d %s|%d\n"
	fmt.Printf(bad, "oops", 7)
	fmt.Printf(bad+"%s\n", 1, "two", 3, "four", 5)
	fmt.Println()
}
