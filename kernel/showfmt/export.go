package showfmt

import "reflect"

// Decode reads a shape Encode wrote. The named types of the result come
// in the order Encode returns them, which is the order of their method
// functions.
func Decode(text string) (*Shape, error) { return decode(text) }

// TypeName writes the type s describes as reflect writes it (main.T for
// the cells' types); t is the value's reflect type, which names the parts
// without cell types.
func TypeName(s *Shape, t reflect.Type) string { return typeName(s, t) }

// Concrete returns the value inside an interface, looking through the
// interpreter's representations of interface values, or the invalid Value
// for nil.
func Concrete(v reflect.Value) reflect.Value { return concrete(v) }

// Fits reports whether v has the reflect kind the shape s (of an
// underlying type, not Named) describes: when it does not, the shape
// cannot be trusted for v.
func Fits(v reflect.Value, s *Shape) bool { return fits(v, s) }
