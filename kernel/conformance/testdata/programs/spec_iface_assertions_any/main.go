// Covers: interfaces, assertions of any to the program's interfaces and to fmt.Stringer (nil included), embedding, type switches with interface cases, sort.Slice over []Shape, == with a concrete value.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Square struct{ Rect }

func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) Name() string       { return "circle" }
func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (r Rect) String() string       { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }
func NewSquare(s float64) Square    { return Square{Rect{s, s}} }
func (s Square) Name() string       { return "square" }

func describe(v any) string {
	var b strings.Builder
	if s, ok := v.(Shape); ok {
		fmt.Fprintf(&b, "area=%.2f ", s.Area())
	}
	if n, ok := v.(Named); ok {
		fmt.Fprintf(&b, "name=%s ", n.Name())
	}
	if st, ok := v.(fmt.Stringer); ok {
		fmt.Fprintf(&b, "str=%s ", st)
	}
	switch x := v.(type) {
	case Square:
		fmt.Fprintf(&b, "square side %g", x.W)
	case Shape:
		fmt.Fprintf(&b, "some shape %T", x)
	case nil:
		b.WriteString("nothing")
	default:
		fmt.Fprintf(&b, "not a shape: %v", x)
	}
	return b.String()
}

func main() {
	shapes := []Shape{Circle{1}, Rect{2, 3}, NewSquare(2), Circle{0.5}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		fmt.Printf("%-12v %.3f %.3f\n", s, s.Area(), s.Perimeter())
	}
	items := []any{Circle{2}, Rect{1, 1}, NewSquare(3), 42, nil, "hi"}
	for _, it := range items {
		fmt.Println(describe(it))
	}
	var total float64
	for _, s := range shapes {
		if n, ok := s.(Named); ok {
			total += s.Area()
			fmt.Println("named", n.Name())
		}
	}
	fmt.Printf("%.3f\n", total)
	var s Shape = Rect{4, 5}
	r := s.(Rect)
	r.W = 10
	fmt.Println(s, r, s == Rect{4, 5})
}
