// Covers: comparison operators on structs and arrays, structs and arrays as map keys, interface values as keys, grid visit counting.
package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

type Edge struct{ From, To Point }

func main() {
	p1 := Point{1, 2}
	p2 := Point{1, 2}
	p3 := Point{2, 1}
	fmt.Println("p1==p2:", p1 == p2, "p1==p3:", p1 == p3, "p1!=p3:", p1 != p3)

	visits := map[Point]int{}
	path := []Point{{0, 0}, {0, 1}, {1, 1}, {0, 1}, {0, 0}, {0, 1}}
	for _, p := range path {
		visits[p]++
	}
	keys := make([]Point, 0, len(visits))
	for k := range visits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].X != keys[j].X {
			return keys[i].X < keys[j].X
		}
		return keys[i].Y < keys[j].Y
	})
	for _, k := range keys {
		fmt.Printf("%v visited %d times\n", k, visits[k])
	}

	edges := map[Edge]bool{{Point{0, 0}, Point{0, 1}}: true}
	fmt.Println("edge lookup:", edges[Edge{Point{0, 0}, Point{0, 1}}], edges[Edge{Point{0, 1}, Point{0, 0}}])

	seen := map[[3]int]string{{1, 2, 3}: "abc"}
	fmt.Println("array key:", seen[[3]int{1, 2, 3}])

	mixed := map[any]string{1: "int one", "1": "string one", Point{1, 1}: "point", 1.0: "float one"}
	fmt.Println(mixed[1], "|", mixed["1"], "|", mixed[Point{1, 1}], "|", mixed[1.0])

	anon1 := struct {
		A int
		B string
	}{1, "x"}
	anon2 := struct {
		A int
		B string
	}{1, "x"}
	fmt.Println("anonymous structs equal:", anon1 == anon2)

	var i1, i2 any = Point{3, 4}, Point{3, 4}
	fmt.Println("interfaces holding equal structs:", i1 == i2)
}
