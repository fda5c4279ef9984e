// Package showfmt prints values of a cell's types as the compiled program's
// fmt prints them. The interpreter represents a named type by its
// underlying type, renames unexported struct fields (x becomes Xx) and
// hides the methods of a value from compiled code, so fmt alone prints
// {Xx:1} and int where Go prints main.point{x:1} and main.Color. The
// session rewrites each argument of a print call whose static type
// involves the cell's types into Show(value, shape, methods...): a value
// whose Format method prints the value by fmt's rules, with the type names,
// field names and String, Error, GoString and Format methods the shape
// gives.
//
// A shape is the argument's static type written out far enough to name
// what the interpreter loses (Encode and decode below); the parts without
// cell types are Opaque, printed by fmt itself from the values, which are
// real compiled values there.
package showfmt

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Kind says what a Shape describes.
type Kind byte

// The kinds of shapes.
const (
	Opaque  Kind = 'o' // a type without cell types: the value says everything
	Named   Kind = 'n' // a named type of the cells, with Name, Methods, Under
	Pointer Kind = 'p'
	Slice   Kind = 's'
	Array   Kind = 'a'
	Map     Kind = 'm'
	Struct  Kind = 't'
	Iface   Kind = 'i' // an interface, printed by its dynamic value
	Other   Kind = 'x' // a func or chan type, printed as a pointer
)

// MethodLetters are the printing methods a named type can list, in order:
// Format, Error, GoString and String of the value; upper case for the
// pointer's method set.
const MethodLetters = "fegs"

// Shape is a static type as Show needs it.
type Shape struct {
	Kind    Kind
	Name    string // Named: "main.Color"; Iface, Other: the type as Go writes it
	Methods string // Named: the letters of the methods Show gets functions for
	Under   *Shape // Named: the underlying type
	Elem    *Shape // Pointer, Slice, Array, Map (the value)
	Key     *Shape // Map
	Len     int    // Array
	Fields  []Field
	first   int // Named: the index of its first method function
}

// Field is a struct field.
type Field struct {
	Name     string
	Embedded bool
	Type     *Shape
}

// Encode writes s as Show's shape argument. It returns the named types in
// the order Show expects their method functions: for each, one function
// per letter of its Methods.
func Encode(s *Shape) (string, []*Shape) {
	e := encoder{ids: map[*Shape]int{}}
	e.shape(s)
	for k := 0; k < len(e.named); k++ { // the list grows as definitions mention more
		n := e.named[k]
		e.b.WriteString(";")
		e.b.WriteString(strconv.Quote(n.Name))
		e.b.WriteString(strconv.Quote(n.Methods))
		e.shape(n.Under)
	}
	return e.b.String(), e.named
}

type encoder struct {
	b     strings.Builder
	ids   map[*Shape]int
	named []*Shape
}

func (e *encoder) shape(s *Shape) {
	e.b.WriteByte(byte(s.Kind))
	switch s.Kind {
	case Named:
		id, ok := e.ids[s]
		if !ok {
			id = len(e.named)
			e.ids[s] = id
			e.named = append(e.named, s)
		}
		fmt.Fprintf(&e.b, "%d ", id)
	case Pointer, Slice:
		e.shape(s.Elem)
	case Array:
		fmt.Fprintf(&e.b, "%d ", s.Len)
		e.shape(s.Elem)
	case Map:
		e.shape(s.Key)
		e.shape(s.Elem)
	case Struct:
		fmt.Fprintf(&e.b, "%d ", len(s.Fields))
		for _, f := range s.Fields {
			e.b.WriteString(strconv.Quote(f.Name))
			e.b.WriteString(map[bool]string{true: "e", false: "f"}[f.Embedded])
			e.shape(f.Type)
		}
	case Iface, Other:
		e.b.WriteString(strconv.Quote(s.Name))
	}
}

// decoded caches decode by shape text: a print call passes the same
// constant each time it runs.
var decoded sync.Map // string → *Shape

// decode reads what Encode wrote.
func decode(text string) (*Shape, error) {
	if s, ok := decoded.Load(text); ok {
		return s.(*Shape), nil
	}
	d := decoder{text: text}
	root := d.shape()
	for k := 0; d.err == nil && d.at < len(d.text); k++ {
		d.expect(';')
		n := d.namedShape(k)
		n.Name, n.Methods = d.quoted(), d.quoted()
		n.Under = d.shape()
	}
	first := 0
	for _, n := range d.named {
		if n.Under == nil && d.err == nil {
			d.err = fmt.Errorf("named type %d has no definition", n.first)
		}
		n.first = first
		first += len(n.Methods)
	}
	if d.err != nil {
		return nil, fmt.Errorf("showfmt: bad shape %q: %v", text, d.err)
	}
	decoded.Store(text, root)
	return root, nil
}

type decoder struct {
	text  string
	at    int
	named []*Shape
	err   error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("at %d: %s", d.at, fmt.Sprintf(format, args...))
	}
	d.at = len(d.text)
}

func (d *decoder) expect(c byte) {
	if d.at >= len(d.text) || d.text[d.at] != c {
		d.fail("want %q", c)
		return
	}
	d.at++
}

func (d *decoder) number() int {
	end := strings.IndexByte(d.text[d.at:], ' ')
	if end < 0 {
		d.fail("want a number")
		return 0
	}
	n, err := strconv.Atoi(d.text[d.at : d.at+end])
	if err != nil {
		d.fail("%v", err)
	}
	d.at += end + 1
	return n
}

func (d *decoder) quoted() string {
	q, err := strconv.QuotedPrefix(d.text[d.at:])
	if err != nil {
		d.fail("want a quoted string")
		return ""
	}
	d.at += len(q)
	s, _ := strconv.Unquote(q)
	return s
}

// namedShape returns the named shape with id k, made on first mention.
func (d *decoder) namedShape(k int) *Shape {
	for len(d.named) <= k {
		d.named = append(d.named, &Shape{Kind: Named})
	}
	return d.named[k]
}

func (d *decoder) shape() *Shape {
	if d.at >= len(d.text) {
		d.fail("want a shape")
		return &Shape{Kind: Opaque}
	}
	s := &Shape{Kind: Kind(d.text[d.at])}
	d.at++
	switch s.Kind {
	case Opaque:
	case Named:
		if k := d.number(); k >= 0 && k < 1<<16 {
			return d.namedShape(k)
		}
		d.fail("bad named type id")
	case Pointer, Slice:
		s.Elem = d.shape()
	case Array:
		s.Len = d.number()
		s.Elem = d.shape()
	case Map:
		s.Key = d.shape()
		s.Elem = d.shape()
	case Struct:
		n := d.number()
		for range n {
			if d.err != nil {
				break
			}
			f := Field{Name: d.quoted()}
			if d.at < len(d.text) {
				f.Embedded = d.text[d.at] == 'e'
				d.at++
			}
			f.Type = d.shape()
			s.Fields = append(s.Fields, f)
		}
	case Iface, Other:
		s.Name = d.quoted()
	default:
		d.fail("unknown kind %q", s.Kind)
	}
	return s
}
