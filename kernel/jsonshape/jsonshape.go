// Package jsonshape encodes and decodes values of a cell's types as
// encoding/json does for the compiled program's values. The interpreter
// hands compiled code such a value as its underlying type: unexported
// struct fields renamed (x becomes Xx, so json encodes them), embedded
// fields not marked as embedded (so their fields are not promoted), the
// type's methods invisible (MarshalJSON, UnmarshalJSON, MarshalText,
// UnmarshalText and IsZero are not called) and its name lost (errors say
// "Go struct field .id"). The session rewrites each json call whose value
// involves the cells' types so that encoding/json gets the value wrapped
// with its static type written out as a shape (package showfmt) and
// functions calling the type's methods:
//
//	json.Marshal(x)        →  rt.JSONMarshal(rt.JSONValue(x, shape, fns...))
//	json.Unmarshal(b, &x)  →  json.Unmarshal(b, rt.JSONTarget(&x, shape, fns...))
//	enc.Encode(x)          →  rt.JSONEncode(enc, rt.JSONValue(x, shape, fns...))
//	dec.Decode(&x)         →  rt.JSONDecode(dec, rt.JSONTarget(&x, shape, fns...))
//
// Value's wrapper is a json.Marshaler and Target's a json.Unmarshaler, so
// encoding/json itself indents, escapes HTML, checks the syntax of what it
// reads and splits a Decoder's stream; the wrappers follow json's rules
// for the value inside: field names from tags, omitempty, omitzero and the
// string option, embedded structs' fields promoted by Go's rules as json
// amends them, methods on values and pointers as json finds them, map
// keys, errors of json's types with json's messages. Marshal, MarshalIndent
// and Encode are json's functions that report a wrapped value's error as
// json reports it for the compiled value (json wraps what a Marshaler
// returns into a MarshalerError naming the wrapper's type); Encode and
// Decode hand the wrappers the Encoder's and Decoder's settings (HTML
// escaping inside a string-option field, UseNumber,
// DisallowUnknownFields), which a Marshaler or Unmarshaler cannot see.
//
// A reflect.Type in an error (UnmarshalTypeError.Type, MarshalerError.Type,
// UnsupportedTypeError.Type) for a type of the cells is the interpreter's
// type with the name the shape gives: its String is "main.Level" or
// "[]main.Level", its Kind and the rest are the interpreter's.
//
// Parts of a value whose types hold no cell types (Opaque in the shape)
// are encoded by encoding/json itself and decoded by this package from
// their reflect types, with their real names, tags and methods. A cell's
// value held in an interface (an any field) is what the interpreter made
// of it: its shape is not known.
package jsonshape

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// MethodLetters are the methods a named type's shape can list, lower case
// for the value's method set and upper case for the pointer's: MarshalJSON,
// MarshalText, UnmarshalJSON, UnmarshalText (read) and IsZero.
const MethodLetters = "jturz"

// codec is a decoded shape with the method functions of its named types.
type codec struct {
	root  *showfmt.Shape
	first map[*showfmt.Shape]int // index in fns of each named type's first method
	fns   []reflect.Value
}

// parsed is a shape text decoded, with the index of each named type's
// first method function.
type parsed struct {
	root  *showfmt.Shape
	first map[*showfmt.Shape]int
}

// shapes caches parsed by text: a call site passes the same constant
// each time it runs.
var shapes sync.Map // string → *parsed

// newCodec decodes shape and takes methods as the functions of its
// named types, in the order showfmt.Encode lists them.
func newCodec(shape string, methods []any) (*codec, error) {
	p, ok := shapes.Load(shape)
	if !ok {
		root, err := showfmt.Decode(shape)
		if err != nil {
			return nil, err
		}
		_, named := showfmt.Encode(root)
		first, at := map[*showfmt.Shape]int{}, 0
		for _, n := range named {
			first[n] = at
			at += len(n.Methods)
		}
		p, _ = shapes.LoadOrStore(shape, &parsed{root: root, first: first})
	}
	c := &codec{root: p.(*parsed).root, first: p.(*parsed).first, fns: make([]reflect.Value, len(methods))}
	for k, m := range methods {
		c.fns[k] = reflect.ValueOf(m)
	}
	return c, nil
}

// method returns the function of letter l of the named shape s.
func (c *codec) method(s *showfmt.Shape, l byte) (reflect.Value, bool) {
	if s.Kind != showfmt.Named {
		return reflect.Value{}, false
	}
	k := strings.IndexByte(s.Methods, l)
	if k < 0 || c.first[s]+k >= len(c.fns) {
		return reflect.Value{}, false
	}
	return c.fns[c.first[s]+k], true
}

// pointerMethod returns the function of letter l (upper case: the
// pointer's method set) for a value of shape s that is a pointer to a
// named type of the cells.
func (c *codec) pointerMethod(s *showfmt.Shape, l byte) (reflect.Value, bool) {
	if s.Kind != showfmt.Pointer {
		return reflect.Value{}, false
	}
	return c.method(s.Elem, l)
}

// call calls a method function with the receiver v and args, converting
// v when the interpreter handed over a constant in another basic type.
func call(f, v reflect.Value, args ...reflect.Value) []reflect.Value {
	if t := f.Type().In(0); v.Type() != t && v.Type().ConvertibleTo(t) {
		v = v.Convert(t)
	}
	return f.Call(append([]reflect.Value{v}, args...))
}

// errorOf returns the error a method function returned.
func errorOf(v reflect.Value) error {
	err, _ := v.Interface().(error)
	return err
}

// Value returns x, of the static type shape describes (showfmt.Encode),
// as a json.Marshaler encoding it as json encodes the compiled program's
// value. methods are functions calling the methods of the shape's named
// types: for each named type in Encode's order, one per letter of its
// Methods (MethodLetters), taking the receiver first.
func Value(x any, shape string, methods ...any) json.Marshaler {
	c, err := newCodec(shape, methods)
	if err != nil {
		return &value{x: x, escapeHTML: true}
	}
	return &value{x: x, c: c, escapeHTML: true}
}

// value is a value with what Value knows of its type.
type value struct {
	x          any
	c          *codec // nil if the shape could not be read: x as the interpreter has it
	escapeHTML bool   // as the Encoder's SetEscapeHTML (for string-option fields)
}

// valueType is the wrapper's type, which json names in the
// MarshalerError of what MarshalJSON returns.
var valueType = reflect.TypeFor[*value]()

// MarshalJSON encodes the value.
func (v *value) MarshalJSON() ([]byte, error) {
	if v.c == nil {
		return json.Marshal(v.x)
	}
	e := &encoder{codec: v.c, escapeHTML: v.escapeHTML}
	return e.marshal(reflect.ValueOf(v.x), v.c.root)
}

// Target returns p, a pointer of the static type shape describes, as a
// json.Unmarshaler decoding into it as json decodes into the compiled
// program's value; methods are as for Value.
func Target(p any, shape string, methods ...any) json.Unmarshaler {
	c, err := newCodec(shape, methods)
	if err != nil {
		return &target{p: p}
	}
	return &target{p: p, c: c}
}

// target is a pointer with what Target knows of its type.
type target struct {
	p                     any
	c                     *codec
	useNumber, disallowed bool // the Decoder's UseNumber, DisallowUnknownFields
}

// UnmarshalJSON decodes data into the target.
func (t *target) UnmarshalJSON(data []byte) error {
	if t.c == nil {
		return json.Unmarshal(data, t.p)
	}
	rv := reflect.ValueOf(t.p)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: typeOf(rv, t.c.root)}
	}
	if !json.Valid(data) {
		var discard any
		return json.Unmarshal(data, &discard) // the syntax error
	}
	d := &decoder{codec: t.c, data: data, useNumber: t.useNumber, disallowUnknown: t.disallowed}
	return d.unmarshal(rv, t.c.root)
}

// Marshal is json.Marshal, reporting an error of a Value inside v as json
// reports it for the compiled value.
func Marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	return b, unwrap(err)
}

// MarshalIndent is json.MarshalIndent, reporting errors as Marshal does.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := json.MarshalIndent(v, prefix, indent)
	return b, unwrap(err)
}

// Encode is enc.Encode(v), reporting errors as Marshal does, with v, if
// it is a Value, escaping HTML as enc does.
func Encode(enc *json.Encoder, v any) error {
	if w, ok := v.(*value); ok && enc != nil {
		if f := reflect.ValueOf(enc).Elem().FieldByName("escapeHTML"); f.IsValid() && f.Kind() == reflect.Bool {
			w.escapeHTML = f.Bool()
		}
	}
	return unwrap(enc.Encode(v))
}

// Decode is dec.Decode(v), with v, if it is a Target, decoding with
// dec's UseNumber and DisallowUnknownFields settings.
func Decode(dec *json.Decoder, v any) error {
	if t, ok := v.(*target); ok && dec != nil {
		d := reflect.ValueOf(dec).Elem().FieldByName("d")
		flag := func(name string) bool {
			if !d.IsValid() || d.Kind() != reflect.Struct {
				return false
			}
			f := d.FieldByName(name)
			return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
		}
		t.useNumber, t.disallowed = flag("useNumber"), flag("disallowUnknownFields")
	}
	return dec.Decode(v)
}

// unwrap returns the error a Value's MarshalJSON returned, which json
// wrapped into a MarshalerError for the wrapper's type.
func unwrap(err error) error {
	var me *json.MarshalerError
	if errors.As(err, &me) && me == err && me.Type == valueType {
		return me.Err
	}
	return err
}

// namedType is a reflect.Type named as the compiled program names a type
// of the cells (json's errors print their types' String).
type namedType struct {
	reflect.Type
	name, short string
}

// String is the type's name as reflect writes it: main.Level.
func (t namedType) String() string { return t.name }

// Name is the defined type's name without its package, or "".
func (t namedType) Name() string { return t.short }

// typeOf is the reflect.Type json names for a value v of shape s: v's own
// type where s holds no cell types, else v's type named after s.
func typeOf(v reflect.Value, s *showfmt.Shape) reflect.Type {
	if s.Kind == showfmt.Opaque {
		return v.Type()
	}
	return namedType{Type: v.Type(), name: showfmt.TypeName(s, v.Type()), short: shortName(s, v.Type())}
}

// shortName is a type's name without its package, as reflect.Type.Name
// gives it: "Level" for main.Level, "" for unnamed types.
func shortName(s *showfmt.Shape, t reflect.Type) string {
	switch s.Kind {
	case showfmt.Opaque:
		return t.Name()
	case showfmt.Named:
		_, name, _ := strings.Cut(s.Name, ".")
		return name
	}
	return ""
}

// marshalerError is json's error for a failing method of a value of type
// t: source is MarshalJSON or MarshalText (which MarshalerError keeps
// unexported, set here through reflect).
func marshalerError(t reflect.Type, err error, source string) error {
	me := &json.MarshalerError{Type: t, Err: err}
	if f := reflect.ValueOf(me).Elem().FieldByName("sourceFunc"); f.IsValid() && f.Kind() == reflect.String {
		reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().SetString(source)
	}
	return me
}
