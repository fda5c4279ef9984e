// Covers: map types with struct values, non-addressable map elements (read-modify-write), maps of pointers, nested maps, delete and len.
package main

import (
	"fmt"
	"sort"
)

type Student struct {
	Name   string
	Grades []int
	Avg    float64
}

func main() {
	class := map[string]Student{}
	class["s1"] = Student{Name: "Ann", Grades: []int{90, 80}}
	class["s2"] = Student{Name: "Ben", Grades: []int{70}}

	// cannot assign class["s1"].Avg directly: copy, modify, store back
	for id, st := range class {
		sum := 0
		for _, g := range st.Grades {
			sum += g
		}
		st.Avg = float64(sum) / float64(len(st.Grades))
		class[id] = st
	}

	// slices inside map values are shared even though the struct is copied
	s2 := class["s2"]
	s2.Grades[0] = 75
	fmt.Println("shared slice:", class["s2"].Grades)

	ids := make([]string, 0, len(class))
	for id := range class {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("%s: %+v\n", id, class[id])
	}

	ptrs := map[string]*Student{"x": {Name: "Cy"}}
	ptrs["x"].Avg = 88.5
	fmt.Println("pointer map update:", *ptrs["x"])

	nested := map[string]map[string]int{}
	add := func(dept, person string, hours int) {
		if nested[dept] == nil {
			nested[dept] = map[string]int{}
		}
		nested[dept][person] += hours
	}
	add("eng", "ann", 5)
	add("eng", "ann", 3)
	add("ops", "bob", 2)
	fmt.Println("nested:", nested, len(nested))

	delete(class, "s1")
	delete(class, "missing")
	fmt.Println("after delete:", len(class), class["s1"].Name == "")
}
