// Covers: composite literals (keyed/positional, nested elided types, indexed array/slice elements, &T{}) and zero values of every kind.
package main

import "fmt"

type Point struct{ X, Y int }

type Line struct {
	From, To Point
	Label    string
}

type Zeroes struct {
	I  int
	F  float64
	S  string
	B  bool
	P  *int
	Sl []int
	M  map[string]int
	Ch chan int
	Fn func()
	E  error
	A  [2]bool
	St Point
}

func main() {
	l1 := Line{Point{0, 0}, Point{3, 4}, "diag"}
	l2 := Line{To: Point{Y: 7}}
	fmt.Printf("%+v\n%+v\n", l1, l2)

	pts := []Point{{1, 2}, {X: 3}, {}}
	fmt.Println(pts)
	ptrs := []*Point{{5, 6}, {}}
	fmt.Println(*ptrs[0], *ptrs[1])
	grid := map[Point]string{{0, 0}: "origin", {1, 0}: "east"}
	fmt.Println(grid[Point{}], grid[Point{1, 0}])
	nested := [][]Point{{{1, 1}}, {{2, 2}, {3, 3}}}
	fmt.Println(nested)

	arr := [5]int{1: 10, 3: 30}
	sl := []string{2: "c", 0: "a"}
	fmt.Println(arr, len(sl), fmt.Sprintf("%q", sl))
	days := [...]string{0: "sun", 6: "sat"}
	fmt.Println(len(days))

	p := &Point{Y: 9}
	p.X = 8
	fmt.Println(*p)

	var z Zeroes
	fmt.Println(z.I, z.F, z.S == "", z.B, z.P == nil, z.Sl == nil, z.M == nil, z.Ch == nil, z.Fn == nil, z.E == nil, z.A, z.St)
	fmt.Printf("%+v\n", Zeroes{I: 1, S: "s", Sl: []int{}})
	fmt.Println(Zeroes{}.St == Point{}, len(z.M), len(z.Sl), cap(z.Sl))
}
