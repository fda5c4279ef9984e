// Covers: printing pointers to structs (&{...}) at top level with %v/%+v, nested pointers printed as addresses avoided, nil pointers and %T.
package main

import "fmt"

type node struct {
	val  int
	name string
}

type wrapper struct {
	label string
	inner *node
}

type list struct {
	items []*node
}

func main() {
	n := &node{1, "one"}
	fmt.Println(n)
	fmt.Printf("%v\n%+v\n%T\n", n, n, n)
	fmt.Printf("%#v\n", n)
	fmt.Printf("%v %+v\n", *n, *n)

	var nilNode *node
	fmt.Println(nilNode)
	fmt.Printf("%v %+v %T\n", nilNode, nilNode, nilNode)

	w := wrapper{label: "w"}
	fmt.Printf("%v %+v\n", w, w) // nil inner pointer prints <nil>
	fmt.Printf("%#v\n", w)

	pw := &w
	fmt.Printf("%+v\n", *pw)
	fmt.Println("inner is nil:", pw.inner == nil)

	pp := &n
	fmt.Printf("%T %v\n", pp, (*pp).name)

	l := list{items: []*node{{2, "two"}, {3, "three"}}}
	for _, it := range l.items {
		fmt.Printf("%v %+v\n", it, it)
	}
	fmt.Println("len items:", len(l.items), "first via pointer:", *l.items[0])

	pi := new(int)
	*pi = 7
	fmt.Printf("%T %v\n", pi, *pi)

	anon := &struct {
		A int
		b string
	}{1, "x"}
	fmt.Printf("%v %+v\n", anon, anon)
	pa := &[2]string{"p", "q"}
	ps := &[]int{1, 2}
	pm := &map[string]int{"k": 1}
	fmt.Println(pa, ps, pm)
}
