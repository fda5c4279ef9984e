package showfmt

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The oracle is fmt itself: each case prints a real compiled type with
// fmt, and the interpreter's representation of the same value (underlying
// types, fields renamed X…, methods as functions) through Show with the
// type's shape. The two must print the same.

type point struct{ x, y int }

// pointRep is how the interpreter represents a point.
type pointRep = struct{ Xx, Xy int }

type color int

func (c color) String() string { return [...]string{"red", "green", "blue"}[c] }

type temp struct{ C float64 }

func (t *temp) String() string { return fmt.Sprintf("%.1f°C", t.C) }

type both struct{}

func (both) String() string { return "as-stringer" }
func (both) Error() string  { return "as-error" }

type boom int

func (boom) String() string { panic("boom") }

type node struct {
	v    int
	next *node
}

type nodeRep struct {
	Xv    int
	Xnext *nodeRep
}

type account struct {
	Owner string
	c     color
	Tags  []string
	meta  map[color]bool
}

type accountRep = struct {
	Owner string
	Xc    int
	Tags  []string
	Xmeta map[int]bool
}

var (
	pointShape = &Shape{Kind: Named, Name: "showfmt.point", Under: &Shape{Kind: Struct, Fields: []Field{
		{Name: "x", Type: &Shape{Kind: Opaque}}, {Name: "y", Type: &Shape{Kind: Opaque}}}}}
	colorShape   = &Shape{Kind: Named, Name: "showfmt.color", Methods: "s", Under: &Shape{Kind: Opaque}}
	colorString  = func(c int) string { return color(c).String() }
	tempShape    = &Shape{Kind: Named, Name: "showfmt.temp", Methods: "S", Under: &Shape{Kind: Struct, Fields: []Field{{Name: "C", Type: &Shape{Kind: Opaque}}}}}
	tempString   = func(t *struct{ C float64 }) string { return (*temp)(t).String() }
	accountShape = &Shape{Kind: Named, Name: "showfmt.account", Under: &Shape{Kind: Struct, Fields: []Field{
		{Name: "Owner", Type: &Shape{Kind: Opaque}}, {Name: "c", Type: colorShape}, {Name: "Tags", Type: &Shape{Kind: Opaque}},
		{Name: "meta", Type: &Shape{Kind: Map, Key: colorShape, Elem: &Shape{Kind: Opaque}}}}}}
)

// show encodes s and shows x with it.
func show(x any, s *Shape, methods ...any) any {
	text, _ := Encode(s)
	return Show(x, text, methods...)
}

func TestShowPrintsAsCompiledGo(t *testing.T) {
	verbs := []string{"%v", "%+v", "%#v", "%T", "%s", "%d", "%q", "%x", "%6v", "%-4v|"}
	n2 := &node{v: 2}
	rep2 := &nodeRep{Xv: 2}
	nodeShape := &Shape{Kind: Named, Name: "showfmt.node"}
	nodeShape.Under = &Shape{Kind: Struct, Fields: []Field{{Name: "v", Type: &Shape{Kind: Opaque}}, {Name: "next", Type: &Shape{Kind: Pointer, Elem: nodeShape}}}}
	cases := []struct {
		name    string
		real    any
		rep     any
		shape   *Shape
		methods []any
	}{
		{"struct with unexported fields", point{1, 2}, pointRep{1, 2}, pointShape, nil},
		{"pointer to it", &point{3, 4}, &pointRep{3, 4}, &Shape{Kind: Pointer, Elem: pointShape}, nil},
		{"slice of structs", []point{{1, 2}}, []pointRep{{1, 2}}, &Shape{Kind: Slice, Elem: pointShape}, nil},
		{"nil slice", []point(nil), []pointRep(nil), &Shape{Kind: Slice, Elem: pointShape}, nil},
		{"Stringer", color(1), 1, colorShape, []any{colorString}},
		{"slice of Stringers", []color{2, 0}, []int{2, 0}, &Shape{Kind: Slice, Elem: colorShape}, []any{colorString}},
		{"map keyed by a Stringer", map[color]int{1: 2, 0: 1, 2: 5}, map[int]int{1: 2, 0: 1, 2: 5}, &Shape{Kind: Map, Key: colorShape, Elem: &Shape{Kind: Opaque}}, []any{colorString}},
		{"array", [2]color{1, 2}, [2]int{1, 2}, &Shape{Kind: Array, Len: 2, Elem: colorShape}, []any{colorString}},
		{"pointer method on a value", temp{21.5}, struct{ C float64 }{21.5}, tempShape, nil},
		{"pointer method on a pointer", &temp{21.5}, &struct{ C float64 }{21.5}, &Shape{Kind: Pointer, Elem: &Shape{Kind: Named, Name: "showfmt.temp", Methods: "S", Under: tempShape.Under}}, []any{tempString}},
		{"Error before String", both{}, struct{}{}, &Shape{Kind: Named, Name: "showfmt.both", Methods: "es", Under: &Shape{Kind: Struct}},
			[]any{func(struct{}) string { return "as-error" }, func(struct{}) string { return "as-stringer" }}},
		{"panicking String", boom(0), 0, &Shape{Kind: Named, Name: "showfmt.boom", Methods: "s", Under: &Shape{Kind: Opaque}}, []any{func(int) string { panic("boom") }}},
		{"methods only through exported fields", account{"ann", 2, []string{"a"}, map[color]bool{1: true}},
			accountRep{"ann", 2, []string{"a"}, map[int]bool{1: true}}, accountShape, []any{colorString}},
		{"anonymous struct", struct {
			a int
			B string
		}{1, "x"}, struct {
			Xa int
			B  string
		}{1, "x"}, &Shape{Kind: Struct, Fields: []Field{{Name: "a", Type: &Shape{Kind: Opaque}}, {Name: "B", Type: &Shape{Kind: Opaque}}}}, nil},
		{"nil map", map[color]int(nil), map[int]int(nil), &Shape{Kind: Map, Key: colorShape, Elem: &Shape{Kind: Opaque}}, []any{colorString}},
		{"recursive type", node{1, nil}, nodeRep{1, nil}, nodeShape, nil},
		{"nested pointer is an address", node{1, n2}, nodeRep{1, rep2}, nodeShape, nil},
	}
	for _, c := range cases {
		for _, verb := range verbs {
			if c.name == "nested pointer is an address" && (verb == "%d" || verb == "%x") {
				// The addresses, printed as numbers, differ.
				continue
			}
			want := fmt.Sprintf(verb, c.real)
			got := Sprintf(verb, show(c.rep, c.shape, c.methods...))
			if strings.Contains(want, "0x") { // an address: the two values live apart
				want, got = blankHex(want), blankHex(got)
			}
			if got != want {
				t.Errorf("%s, %s: got %q, want %q", c.name, verb, got, want)
			}
		}
	}
}

// blankHex blanks the hexadecimal numbers of s.
func blankHex(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "0x") {
			b.WriteString("0x…")
			i += 2
			for i < len(s) && strings.IndexByte("0123456789abcdef", s[i]) >= 0 {
				i++
			}
			i--
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestPrintfFamilyPutsTypeNamesIn(t *testing.T) {
	p := show(pointRep{1, 2}, pointShape)
	c := show(1, colorShape, colorString)
	cases := []struct{ got, want string }{
		{Sprintf("%T %v %[1]T %5T|%-8T|%d%%", p, c, c, 4), fmt.Sprintf("%T %v %[1]T %5T|%-8T|%d%%", point{1, 2}, color(1), color(1), 4)},
		{Sprintf("%*d %T", 3, 7, p), fmt.Sprintf("%*d %T", 3, 7, point{})},
		{fmt.Sprint(p, c), fmt.Sprint(point{1, 2}, color(1))},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	inner := errors.New("inner")
	if err := Errorf("wrap %v: %w", p, inner); !errors.Is(err, inner) || err.Error() != "wrap {1 2}: inner" {
		t.Errorf("Errorf: %v, Is(inner) %v", err, errors.Is(err, inner))
	}
}

func TestShapesSurviveEncoding(t *testing.T) {
	n := &Shape{Kind: Named, Name: "main.list[main.T]", Methods: "sS"}
	n.Under = &Shape{Kind: Struct, Fields: []Field{{Name: "next", Type: &Shape{Kind: Pointer, Elem: n}}, {Name: "m", Embedded: true,
		Type: &Shape{Kind: Map, Key: &Shape{Kind: Array, Len: 3, Elem: &Shape{Kind: Opaque}}, Elem: &Shape{Kind: Other, Name: "func(int) string"}}}}}
	text, order := Encode(n)
	back, err := decode(text)
	if err != nil {
		t.Fatal(err)
	}
	again, order2 := Encode(back)
	if again != text || len(order) != 1 || len(order2) != 1 || back.Under.Fields[0].Type.Elem != back {
		t.Errorf("round trip: %q became %q", text, again)
	}
	if x := Show(7, "n3 "); x != 7 {
		t.Errorf("a bad shape should leave the value as it is, got %v", x)
	}
}
