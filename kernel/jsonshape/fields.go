package jsonshape

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// field is a struct field as json encodes and decodes it: reached by
// index from the struct, embedded structs included.
type field struct {
	name                       string
	tag                        bool // the name came from a tag
	index                      []int
	omitEmpty, omitZero, quote bool
}

// structType is a struct type as json sees it: a Struct shape with the
// interpreter's reflect type of its values, or, where the shape is
// Opaque, a compiled struct type read from reflect alone.
type structType struct {
	s *showfmt.Shape
	t reflect.Type
}

// fieldAt reads field i of the struct: its Go name, whether it is
// embedded, its shape, and its reflect field (for the tag and the
// interpreter's type).
func (st structType) fieldAt(i int) (name string, embedded bool, s *showfmt.Shape, sf reflect.StructField) {
	sf = st.t.Field(i)
	if st.s.Kind != showfmt.Struct {
		return sf.Name, sf.Anonymous, st.s, sf
	}
	f := st.s.Fields[i]
	return f.Name, f.Embedded, f.Type, sf
}

// key identifies the struct type for json's rules on embedded types
// reached twice: its shape where the cells declared it (a named type's
// underlying shape is decoded once), else its reflect type.
func (st structType) key() any {
	if st.s.Kind == showfmt.Opaque {
		return st.t
	}
	return st.s
}

// fieldsKey caches fields: the struct's shape (nil where it is Opaque)
// and type.
type fieldsKey struct {
	s *showfmt.Shape
	t reflect.Type
}

// opaque is the shape of the parts without cell types.
var opaque = &showfmt.Shape{Kind: showfmt.Opaque}

var fieldCache sync.Map // fieldsKey → []field

// fields lists the fields json encodes of the struct st, in index order,
// with Go's rules for embedded fields as json amends them (a tagged name
// dominates an untagged one at the same depth; fields hidden by a
// conflict are dropped).
func fields(st structType) []field {
	key := fieldsKey{t: st.t}
	if st.s.Kind != showfmt.Opaque {
		key.s = st.s
	}
	if fs, ok := fieldCache.Load(key); ok {
		return fs.([]field)
	}
	type queued struct {
		st    structType
		index []int
	}
	var found []field
	next := []queued{{st: st}}
	visited := map[any]bool{}
	var count map[any]int
	nextCount := map[any]int{}
	for len(next) > 0 {
		current := next
		next = nil
		count, nextCount = nextCount, map[any]int{}
		for _, q := range current {
			if visited[q.st.key()] {
				continue
			}
			visited[q.st.key()] = true
			for i := 0; i < q.st.t.NumField(); i++ {
				name, embedded, fs, sf := q.st.fieldAt(i)
				ft, fshape := sf.Type, fs
				if fshape.Kind == showfmt.Pointer || fshape.Kind == showfmt.Opaque && ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
					if fshape.Kind == showfmt.Pointer {
						fshape = fshape.Elem
					}
				}
				if embedded {
					if !exported(name) && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !exported(name) {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				tagName, opts, _ := strings.Cut(tag, ",")
				if !validTag(tagName) {
					tagName = ""
				}
				index := append(slices.Clip(q.index), i)
				if tagName != "" || !embedded || ft.Kind() != reflect.Struct {
					f := field{name: tagName, tag: tagName != "", index: index,
						omitEmpty: hasOption(opts, "omitempty"), omitZero: hasOption(opts, "omitzero"),
						quote: hasOption(opts, "string") && quotable(ft.Kind())}
					if f.name == "" {
						f.name = name
					}
					found = append(found, f)
					if count[q.st.key()] > 1 {
						found = append(found, f) // reached twice: annihilated below
					}
					continue
				}
				sub := structType{s: base(fshape), t: ft}
				nextCount[sub.key()]++
				if nextCount[sub.key()] == 1 {
					next = append(next, queued{st: sub, index: index})
				}
			}
		}
	}
	slices.SortFunc(found, func(a, b field) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(a.index), len(b.index)); c != 0 {
			return c
		}
		if a.tag != b.tag {
			if a.tag {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	var out []field
	for i := 0; i < len(found); {
		j := i + 1
		for j < len(found) && found[j].name == found[i].name {
			j++
		}
		// The first is the dominant field unless the next is as deep
		// and as tagged: then Go's rules make the name ambiguous.
		if j == i+1 || len(found[i].index) < len(found[i+1].index) || found[i].tag != found[i+1].tag {
			out = append(out, found[i])
		}
		i = j
	}
	slices.SortFunc(out, func(a, b field) int { return slices.Compare(a.index, b.index) })
	fieldCache.Store(key, out)
	return out
}

// base is the shape of s's underlying type.
func base(s *showfmt.Shape) *showfmt.Shape {
	if s.Kind == showfmt.Named {
		return s.Under
	}
	return s
}

// elemShape is the shape of what a pointer of shape s points to.
func elemShape(s *showfmt.Shape) *showfmt.Shape {
	if b := base(s); b.Kind == showfmt.Pointer {
		return b.Elem
	}
	return opaque
}

// structOf is the struct type of a value v of shape s.
func structOf(v reflect.Value, s *showfmt.Shape) structType {
	b := base(s)
	if b.Kind != showfmt.Struct || !showfmt.Fits(v, b) {
		b = opaque
	}
	return structType{s: b, t: v.Type()}
}

// exported reports whether a Go name is exported.
func exported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// hasOption reports whether the comma-separated options of a tag
// include name.
func hasOption(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// quotable reports whether the string option applies to a field of kind
// k: booleans, numbers and strings.
func quotable(k reflect.Kind) bool {
	switch k {
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	}
	return false
}

// validTag reports whether a tag's name is one json accepts: letters,
// digits and punctuation other than quotes and backslashes.
func validTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// foldName is a field name with case folded as json matches keys to
// names when no name matches exactly.
func foldName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			continue
		}
		for {
			r2 := unicode.SimpleFold(r)
			if r2 <= r {
				r = r2
				break
			}
			r = r2
		}
		b.WriteRune(r)
	}
	return b.String()
}
