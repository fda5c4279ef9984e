// Covers: address operators on loop variables, `&i` taken in 3-clause and range loops yields distinct per-iteration variables.
package main

import "fmt"

type item struct {
	name  string
	price int
}

func main() {
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	for _, p := range ptrs {
		fmt.Print(*p, ";")
	}
	fmt.Println("end")
	fmt.Println("distinct pointers:", ptrs[0] != ptrs[1], ptrs[1] != ptrs[2])

	items := []item{{"pen", 2}, {"book", 12}, {"lamp", 30}}
	var cheap []*item
	for _, it := range items {
		if it.price < 20 {
			cheap = append(cheap, &it)
		}
	}
	for _, c := range cheap {
		c.price *= 10 // modifies the copy, not items
		fmt.Println("copy:", c.name, c.price)
	}
	fmt.Println("original items:", items)

	var refs []*item
	for i := range items {
		refs = append(refs, &items[i])
	}
	refs[2].price = 25
	fmt.Println("after edit via element pointer:", items[2])

	byName := map[string]*int{}
	for _, n := range []int{7, 8, 9} {
		byName[fmt.Sprint("n", n)] = &n
	}
	fmt.Println(*byName["n7"], *byName["n8"], *byName["n9"])
}
