package jsonshape

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// encoder encodes one value; an error ends it through a panic of
// encodeError, recovered by marshal.
type encoder struct {
	*codec
	buf        bytes.Buffer
	escapeHTML bool
	ptrLevel   int
	ptrSeen    map[any]bool
}

type encodeError struct{ err error }

// startDetectingCycles is the depth of pointers, maps and slices from
// which json checks for a cycle.
const startDetectingCycles = 1000

func (e *encoder) fail(err error) { panic(encodeError{err}) }

// marshal encodes v of shape s.
func (e *encoder) marshal(v reflect.Value, s *showfmt.Shape) (b []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			ee, ok := r.(encodeError)
			if !ok {
				panic(r)
			}
			b, err = nil, ee.err
		}
	}()
	e.value(v, s, false)
	return e.buf.Bytes(), nil
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	numberType        = reflect.TypeFor[json.Number]()
)

// value encodes v of shape s; quoted says the field has the string option.
func (e *encoder) value(v reflect.Value, s *showfmt.Shape, quoted bool) {
	if !v.IsValid() {
		e.buf.WriteString("null")
		return
	}
	if s.Kind == showfmt.Opaque {
		e.compiled(v, quoted)
		return
	}
	if e.methods(v, s) {
		return
	}
	b := base(s)
	if !showfmt.Fits(v, b) {
		e.compiled(v, quoted)
		return
	}
	switch b.Kind {
	case showfmt.Opaque: // a named type of a basic kind
		e.compiled(v, quoted)
	case showfmt.Pointer:
		if v.IsNil() {
			e.buf.WriteString("null")
			return
		}
		defer e.cycle(v, s, v.UnsafePointer())()
		e.value(v.Elem(), b.Elem, quoted)
	case showfmt.Struct:
		e.structValue(v, b)
	case showfmt.Map:
		e.mapValue(v, s, b)
	case showfmt.Slice:
		if v.IsNil() {
			e.buf.WriteString("null")
			return
		}
		if et := v.Type().Elem(); et.Kind() == reflect.Uint8 && !e.marshals(b.Elem, et) {
			e.string(base64.StdEncoding.EncodeToString(v.Bytes()))
			return
		}
		defer e.cycle(v, s, struct {
			p any
			n int
		}{v.UnsafePointer(), v.Len()})()
		e.list(v, b)
	case showfmt.Array:
		e.list(v, b)
	case showfmt.Iface:
		inner := showfmt.Concrete(v)
		if !inner.IsValid() || !inner.CanInterface() {
			e.buf.WriteString("null")
			return
		}
		e.compiled(inner, false)
	default: // a func or chan
		e.fail(&json.UnsupportedTypeError{Type: typeOf(v, s)})
	}
}

// cycle counts one more level of pointers, maps and slices, failing as
// json does when a deep value comes back to where it was; the function
// returned leaves the level.
func (e *encoder) cycle(v reflect.Value, s *showfmt.Shape, at any) func() {
	e.ptrLevel++
	if e.ptrLevel <= startDetectingCycles {
		return func() { e.ptrLevel-- }
	}
	if e.ptrSeen == nil {
		e.ptrSeen = map[any]bool{}
	}
	if e.ptrSeen[at] {
		e.fail(&json.UnsupportedValueError{Value: v, Str: fmt.Sprintf("encountered a cycle via %s", typeOf(v, s))})
	}
	e.ptrSeen[at] = true
	return func() {
		e.ptrLevel--
		delete(e.ptrSeen, at)
	}
}

// marshals reports whether a pointer to a value of shape s and type t
// has a MarshalJSON or MarshalText method (json then encodes a []byte of
// them as an array, not in base64).
func (e *encoder) marshals(s *showfmt.Shape, t reflect.Type) bool {
	if s.Kind == showfmt.Opaque {
		pt := reflect.PointerTo(t)
		return pt.Implements(marshalerType) || pt.Implements(textMarshalerType)
	}
	_, j := e.method(s, 'J')
	_, text := e.method(s, 'T')
	return j || text
}

// methods calls the MarshalJSON or MarshalText method json would call on
// v (its newTypeEncoder: the pointer's methods for an addressable value,
// then the value's), if the shape lists one, and reports whether it did.
func (e *encoder) methods(v reflect.Value, s *showfmt.Shape) bool {
	for _, lower := range []byte{'j', 't'} {
		text, upper := lower == 't', lower-'a'+'A'
		var f, recv reflect.Value
		var ok bool
		switch {
		case s.Kind == showfmt.Pointer:
			if f, ok = e.pointerMethod(s, upper); ok && v.IsNil() {
				e.buf.WriteString("null")
				return true
			}
			recv = v
		case base(s).Kind != showfmt.Pointer && v.CanAddr():
			if f, ok = e.method(s, upper); ok {
				recv = v.Addr()
				break
			}
			fallthrough
		default:
			f, ok = e.method(s, lower)
			recv = v
		}
		if !ok {
			continue
		}
		out := call(f, recv)
		b, err := out[0].Bytes(), errorOf(out[1])
		if text {
			if err != nil {
				e.fail(marshalerError(typeOf(v, s), err, "MarshalText"))
			}
			e.string(string(b))
			return true
		}
		if err == nil {
			var c bytes.Buffer
			if err = json.Compact(&c, b); err == nil {
				e.buf.Write(c.Bytes())
				return true
			}
		}
		e.fail(marshalerError(typeOf(v, s), err, "MarshalJSON"))
	}
	return false
}

// compiled encodes v, of a type without cell types, with encoding/json;
// the value's address when json would take it for a pointer method.
func (e *encoder) compiled(v reflect.Value, quoted bool) {
	pt := reflect.PointerTo(v.Type())
	if v.Kind() != reflect.Pointer && v.CanAddr() && (pt.Implements(marshalerType) || pt.Implements(textMarshalerType)) {
		v = v.Addr()
	}
	if !v.CanInterface() {
		e.buf.WriteString("null")
		return
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(e.escapeHTML)
	if err := enc.Encode(v.Interface()); err != nil {
		e.fail(err)
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if quoted && primitive(v) {
		e.quote(string(out))
		return
	}
	e.buf.Write(out)
}

// primitive reports whether json encodes v with the encoder of its basic
// kind (the one the string option quotes), through non-nil pointers.
func primitive(v reflect.Value) bool {
	for {
		t := v.Type()
		if t.Implements(marshalerType) || t.Implements(textMarshalerType) {
			return false
		}
		if v.Kind() != reflect.Pointer {
			return quotable(v.Kind())
		}
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
}

// string writes s as a JSON string, escaping HTML as the encoder does.
func (e *encoder) string(s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(e.escapeHTML)
	_ = enc.Encode(s) // a string always encodes
	e.buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

// quote writes the encoding of a value as a JSON string, as the string
// option wants it (already escaped text is not escaped for HTML again).
func (e *encoder) quote(encoded string) {
	escape := e.escapeHTML
	e.escapeHTML = false
	e.string(encoded)
	e.escapeHTML = escape
}

func (e *encoder) structValue(v reflect.Value, s *showfmt.Shape) {
	st := structOf(v, s)
	sep := byte('{')
FieldLoop:
	for _, f := range fields(st) {
		fv, fs := v, st.s
		for _, i := range f.index {
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue FieldLoop
				}
				fv, fs = fv.Elem(), elemShape(fs)
			}
			sub := structOf(fv, fs)
			_, _, fs, _ = sub.fieldAt(i)
			fv = fv.Field(i)
		}
		if f.omitEmpty && empty(fv) || f.omitZero && e.zero(fv, fs) {
			continue
		}
		e.buf.WriteByte(sep)
		sep = ','
		e.string(f.name)
		e.buf.WriteByte(':')
		e.value(fv, fs, f.quote)
	}
	if sep == '{' {
		e.buf.WriteString("{}")
	} else {
		e.buf.WriteByte('}')
	}
}

// empty reports whether omitempty leaves v out: false, 0, a nil pointer
// or interface, an empty array, slice, map or string.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// isZeroer is the method omitzero asks.
type isZeroer interface{ IsZero() bool }

var isZeroerType = reflect.TypeFor[isZeroer]()

// zero reports whether omitzero leaves v, of shape s, out: its IsZero
// method says so (through a pointer, nil is zero), or, without one, it is
// its type's zero value.
func (e *encoder) zero(v reflect.Value, s *showfmt.Shape) bool {
	if s.Kind == showfmt.Opaque {
		t := v.Type()
		switch {
		case (t.Kind() == reflect.Interface || t.Kind() == reflect.Pointer) && t.Implements(isZeroerType):
			if v.IsNil() || t.Kind() == reflect.Interface && v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() {
				return true
			}
			return v.Interface().(isZeroer).IsZero()
		case t.Implements(isZeroerType):
			return v.Interface().(isZeroer).IsZero()
		case reflect.PointerTo(t).Implements(isZeroerType):
			return addressable(v).Addr().Interface().(isZeroer).IsZero()
		}
		return v.IsZero()
	}
	if f, ok := e.pointerMethod(s, 'Z'); ok {
		return v.IsNil() || call(f, v)[0].Bool()
	}
	if f, ok := e.method(s, 'z'); ok {
		return call(f, v)[0].Bool()
	}
	if f, ok := e.method(s, 'Z'); ok {
		return call(f, addressable(v).Addr())[0].Bool()
	}
	return v.IsZero()
}

// addressable returns v, or a copy of it that can be addressed.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

func (e *encoder) list(v reflect.Value, s *showfmt.Shape) {
	e.buf.WriteByte('[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			e.buf.WriteByte(',')
		}
		e.value(v.Index(i), s.Elem, false)
	}
	e.buf.WriteByte(']')
}

// mapValue encodes a map: its keys as strings (strings themselves,
// MarshalText's text, integers in decimal), sorted.
func (e *encoder) mapValue(v reflect.Value, s, b *showfmt.Shape) {
	kt := v.Type().Key()
	switch kt.Kind() {
	case reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
	default:
		if !e.textKey(b.Key, kt) {
			e.fail(&json.UnsupportedTypeError{Type: typeOf(v, s)})
		}
	}
	if v.IsNil() {
		e.buf.WriteString("null")
		return
	}
	defer e.cycle(v, s, v.UnsafePointer())()
	type entry struct {
		key string
		v   reflect.Value
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		key, err := e.keyName(it.Key(), b.Key)
		if err != nil {
			e.fail(fmt.Errorf("json: encoding error for type %q: %q", typeOf(v, s).String(), err.Error()))
		}
		entries = append(entries, entry{key, it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	e.buf.WriteByte('{')
	for i, en := range entries {
		if i > 0 {
			e.buf.WriteByte(',')
		}
		e.string(en.key)
		e.buf.WriteByte(':')
		e.value(en.v, b.Elem, false)
	}
	e.buf.WriteByte('}')
}

// textKey reports whether map keys of shape s and type t have a
// MarshalText method.
func (e *encoder) textKey(s *showfmt.Shape, t reflect.Type) bool {
	switch s.Kind {
	case showfmt.Opaque:
		return t.Implements(textMarshalerType)
	case showfmt.Pointer:
		_, ok := e.pointerMethod(s, 'T')
		return ok
	}
	_, ok := e.method(s, 't')
	return ok
}

// keyName is the name of map key k of shape s.
func (e *encoder) keyName(k reflect.Value, s *showfmt.Shape) (string, error) {
	if k.Kind() == reflect.String {
		return k.String(), nil
	}
	if e.textKey(s, k.Type()) {
		if k.Kind() == reflect.Pointer && k.IsNil() {
			return "", nil
		}
		if s.Kind == showfmt.Opaque {
			b, err := k.Interface().(encoding.TextMarshaler).MarshalText()
			return string(b), err
		}
		f, ok := e.method(s, 't')
		if !ok {
			f, _ = e.pointerMethod(s, 'T')
		}
		out := call(f, k)
		return string(out[0].Bytes()), errorOf(out[1])
	}
	switch k.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	default:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
}
