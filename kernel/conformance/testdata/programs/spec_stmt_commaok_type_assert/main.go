// Covers: type assertions, comma-ok `s, ok := x.(T)` at top level and nested, to concrete and interface types.
package main

import "fmt"

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Named interface{ Name() string }

type Circle struct{ R float64 }

func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

func main() {
	var x any = "hello"
	s, ok := x.(string)
	fmt.Println("string:", s, ok)
	n, ok := x.(int)
	fmt.Println("int:", n, ok)

	var sh Shape = Rect{2, 3}
	r, ok := sh.(Rect)
	fmt.Println("rect:", r, ok)
	_, isNamed := sh.(Named)
	fmt.Println("rect named?", isNamed)

	shapes := []Shape{Rect{1, 1}, Circle{2}, Rect{4, 5}}
	for i, s := range shapes {
		if nm, ok := s.(Named); ok {
			fmt.Println(i, "named", nm.Name(), s.Area())
		} else {
			if rc, ok := s.(Rect); ok {
				fmt.Println(i, "rect", rc.W, rc.H, s.Area())
			}
		}
	}

	var empty any
	e, ok := empty.(string)
	fmt.Printf("nil iface: %q %v\n", e, ok)

	values := []any{1, "two", 3.0, []int{4}}
	sum := 0
	for _, v := range values {
		if i, ok := v.(int); ok {
			sum += i
		}
		if f, ok := v.(float64); ok {
			sum += int(f)
		}
	}
	fmt.Println("sum of numbers:", sum)
}
