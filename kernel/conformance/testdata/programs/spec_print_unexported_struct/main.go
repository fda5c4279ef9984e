// Covers: printing user-defined struct types with unexported lowercase fields via %v, %+v, %#v and %T, and in slices/maps.
package main

import "fmt"

type point struct{ x, y int }

type user struct {
	name  string
	age   int
	admin bool
	tags  []string
	score float64
}

type Pixel struct {
	pos   point
	color string
	Alpha uint8
}

func main() {
	p := point{1, 2}
	fmt.Printf("%v\n", p)
	fmt.Printf("%+v\n", p)
	fmt.Printf("%#v\n", p)
	fmt.Printf("%T\n", p)
	fmt.Println(p, "|", fmt.Sprint(p), "|", fmt.Sprintf("%d", p))

	u := user{name: "ann", age: 30, tags: []string{"a", "b"}, score: 9.5}
	fmt.Printf("%v\n%+v\n%#v\n", u, u, u)

	var zero user
	fmt.Printf("%v\n%+v\n%#v\n", zero, zero, zero)

	px := Pixel{pos: point{3, 4}, color: "red", Alpha: 255}
	fmt.Printf("%v\n%+v\n%#v\n%T\n", px, px, px, px)

	pts := []point{{0, 0}, {5, -5}}
	fmt.Printf("%v %+v %#v\n", pts, pts, pts)

	byName := map[string]point{"b": {2, 2}, "a": {1, 1}}
	fmt.Printf("%v\n%+v\n%#v\n", byName, byName, byName)

	arr := [2]point{{1, 1}}
	fmt.Printf("%v %#v %T\n", arr, arr, arr)
}
