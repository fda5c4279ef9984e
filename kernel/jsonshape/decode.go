package jsonshape

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// decoder decodes valid JSON (json checked it) into a value as json
// does: a type error is kept and decoding goes on (the first one kept is
// returned at the end); an error of an UnmarshalJSON or UnmarshalText
// method ends decoding and is returned.
type decoder struct {
	*codec
	data                       []byte
	useNumber, disallowUnknown bool
	saved                      error
	ctx                        errorContext
}

// errorContext is where in the value decoding is, for type errors: the
// struct whose field is being decoded and the path of field names to it.
type errorContext struct {
	inStruct   bool
	structName string
	stack      []string
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// unmarshal decodes the data into what rv, of shape s, points to.
func (d *decoder) unmarshal(rv reflect.Value, s *showfmt.Shape) error {
	if _, err := d.value(skipSpace(d.data, 0), rv, s); err != nil {
		return d.addContext(err)
	}
	return d.saved
}

// save keeps the first error.
func (d *decoder) save(err error) {
	if d.saved == nil {
		d.saved = d.addContext(err)
	}
}

// addContext names the struct field being decoded in a type error.
func (d *decoder) addContext(err error) error {
	te, ok := err.(*json.UnmarshalTypeError)
	if !ok || !d.ctx.inStruct && len(d.ctx.stack) == 0 {
		return err
	}
	te.Struct = d.ctx.structName
	stack := d.ctx.stack
	if te.Field != "" {
		stack = append(stack[:len(stack):len(stack)], te.Field)
	}
	te.Field = strings.Join(stack, ".")
	return err
}

// value decodes the JSON value at data[i:] into v (skipped if v is
// invalid) and returns where the value ends.
func (d *decoder) value(i int, v reflect.Value, s *showfmt.Shape) (int, error) {
	end := valueEnd(d.data, i)
	if !v.IsValid() {
		return end, nil
	}
	switch d.data[i] {
	case '{':
		return end, d.object(i, end, v, s)
	case '[':
		return end, d.array(i, end, v, s)
	}
	return end, d.literal(d.data[i:end], v, s, false, end)
}

// skipSpace returns the index of the first non-space byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) && strings.IndexByte(" \t\r\n", data[i]) >= 0 {
		i++
	}
	return i
}

// valueEnd returns where the valid JSON value starting at data[i] ends.
func valueEnd(data []byte, i int) int {
	switch data[i] {
	case '"':
		return stringEnd(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = stringEnd(data, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}
	j := i
	for j < len(data) && strings.IndexByte(" \t\r\n,]}", data[j]) < 0 {
		j++
	}
	return j
}

// stringEnd returns where the string literal starting at data[i] ends.
func stringEnd(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(data)
}

// unquote returns the string a JSON string literal holds, or false if
// item is not one.
func unquote(item []byte) (string, bool) {
	var s string
	if len(item) < 2 || item[0] != '"' || item[len(item)-1] != '"' || json.Unmarshal(item, &s) != nil {
		return "", false
	}
	return s, true
}

// named reports whether v, of shape s, has a defined type (json then
// looks for its pointer methods first).
func named(v reflect.Value, s *showfmt.Shape) bool {
	return s.Kind == showfmt.Named || s.Kind == showfmt.Opaque && v.Type().Name() != ""
}

// pointerTo is the shape of a pointer to a value of shape s.
func pointerTo(s *showfmt.Shape) *showfmt.Shape {
	if s.Kind == showfmt.Opaque {
		return s
	}
	return &showfmt.Shape{Kind: showfmt.Pointer, Elem: s}
}

// indirect walks down v, allocating pointers, as json does (its
// indirect): it stops at an UnmarshalJSON or (unless decoding null)
// UnmarshalText method, returned as functions of the input, or at a value
// that is not a pointer, returned with its shape; decoding null, it stops
// at the first pointer it can set.
func (d *decoder) indirect(v reflect.Value, s *showfmt.Shape, decodingNull bool) (u, ut func([]byte) error, _ reflect.Value, _ *showfmt.Shape) {
	v0, s0 := v, s
	haveAddr := false
	if v.Kind() != reflect.Pointer && named(v, s) && v.CanAddr() {
		haveAddr = true
		v, s = v.Addr(), pointerTo(s)
	}
	for {
		if v.Kind() == reflect.Interface && !v.IsNil() {
			if e := v.Elem(); e.Kind() == reflect.Pointer && !e.IsNil() && (!decodingNull || e.Elem().Kind() == reflect.Pointer) {
				haveAddr = false
				v, s = e, opaque
				continue
			}
		}
		if v.Kind() != reflect.Pointer || decodingNull && v.CanSet() {
			break
		}
		if v.Elem().Kind() == reflect.Interface && v.Elem().Elem().Equal(v) {
			v, s = v.Elem(), elemShape(s)
			break
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if u, ut := d.unmarshalers(v, s, decodingNull); u != nil || ut != nil {
			return u, ut, reflect.Value{}, nil
		}
		if haveAddr {
			v, s = v0, s0
			haveAddr = false
		} else {
			v, s = v.Elem(), elemShape(s)
		}
	}
	return nil, nil, v, s
}

// unmarshalers returns the UnmarshalJSON method of the pointer v, of
// shape s, or (unless decoding null) its UnmarshalText method.
func (d *decoder) unmarshalers(v reflect.Value, s *showfmt.Shape, decodingNull bool) (u, ut func([]byte) error) {
	if s.Kind == showfmt.Opaque {
		if v.Type().NumMethod() == 0 || !v.CanInterface() {
			return nil, nil
		}
		if m, ok := v.Interface().(json.Unmarshaler); ok {
			return m.UnmarshalJSON, nil
		}
		if m, ok := v.Interface().(encoding.TextUnmarshaler); ok && !decodingNull {
			return nil, m.UnmarshalText
		}
		return nil, nil
	}
	method := func(f reflect.Value) func([]byte) error {
		return func(b []byte) error { return errorOf(call(f, v, reflect.ValueOf(b))[0]) }
	}
	if f, ok := d.pointerMethod(s, 'U'); ok {
		return method(f), nil
	}
	if f, ok := d.pointerMethod(s, 'R'); ok && !decodingNull {
		return nil, method(f)
	}
	return nil, nil
}

// emptyInterface reports whether v, of shape s, is of an interface type
// without methods, which json fills with maps, slices, strings, numbers
// and booleans.
func emptyInterface(v reflect.Value, s *showfmt.Shape) bool {
	b := base(s)
	return v.Kind() == reflect.Interface && v.NumMethod() == 0 &&
		(b.Kind == showfmt.Opaque || b.Kind == showfmt.Iface && b.Name == "interface {}")
}

// anyValue sets the empty interface v to the value at data[i:end] as
// json decodes it into an any.
func (d *decoder) anyValue(i, end int, v reflect.Value) {
	var x any
	dec := json.NewDecoder(bytes.NewReader(d.data[i:end]))
	if d.useNumber {
		dec.UseNumber()
	}
	err := dec.Decode(&x)
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		te.Offset += int64(i)
	}
	if err != nil {
		d.save(err)
	}
	v.Set(reflect.ValueOf(x))
}

func (d *decoder) object(i, end int, v reflect.Value, s *showfmt.Shape) error {
	u, ut, pv, ps := d.indirect(v, s, false)
	if u != nil {
		return u(d.data[i:end])
	}
	if ut != nil {
		d.save(&json.UnmarshalTypeError{Value: "object", Type: typeOf(v, s), Offset: int64(i + 1)})
		return nil
	}
	v, s = pv, ps
	if emptyInterface(v, s) {
		d.anyValue(i, end, v)
		return nil
	}
	b := base(s)
	if !showfmt.Fits(v, b) {
		b = opaque
	}
	var st structType
	switch v.Kind() {
	case reflect.Map:
		kt := v.Type().Key()
		if !integerOrString(kt.Kind()) && !d.textKey(keyShape(b), kt) {
			d.save(&json.UnmarshalTypeError{Value: "object", Type: typeOf(v, s), Offset: int64(i + 1)})
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	case reflect.Struct:
		st = structOf(v, b)
	default:
		d.save(&json.UnmarshalTypeError{Value: "object", Type: typeOf(v, s), Offset: int64(i + 1)})
		return nil
	}
	orig := d.ctx
	for j := skipSpace(d.data, i+1); d.data[j] != '}'; {
		keyStart, keyEnd := j, stringEnd(d.data, j)
		item := d.data[keyStart:keyEnd]
		key, _ := unquote(item)
		j = skipSpace(d.data, skipSpace(d.data, keyEnd)+1) // past the colon
		var subv reflect.Value
		subs, quoted := opaque, false
		if v.Kind() == reflect.Map {
			subv = reflect.New(v.Type().Elem()).Elem()
			if b.Kind == showfmt.Map {
				subs = b.Elem
			}
		} else if f := lookup(fields(st), key); f != nil {
			subv, subs, quoted = d.field(v, st, f, shortName(s, v.Type()))
		} else if d.disallowUnknown {
			d.save(fmt.Errorf("json: unknown field %q", key))
		}
		var valueEnd int
		var err error
		if quoted {
			valueEnd, err = d.quoted(j, subv, subs)
		} else {
			valueEnd, err = d.value(j, subv, subs)
		}
		if err != nil {
			return err
		}
		if v.Kind() == reflect.Map {
			kv, err := d.mapKey(item, key, keyStart, v.Type().Key(), keyShape(b))
			if err != nil {
				return err
			}
			if kv.IsValid() {
				v.SetMapIndex(kv, subv)
			}
		}
		d.ctx.inStruct, d.ctx.structName, d.ctx.stack = orig.inStruct, orig.structName, d.ctx.stack[:len(orig.stack)]
		if j = skipSpace(d.data, valueEnd); d.data[j] == ',' {
			j = skipSpace(d.data, j+1)
		}
	}
	return nil
}

// lookup finds the field a key names: exactly, or else with case folded.
func lookup(fs []field, key string) *field {
	for k := range fs {
		if fs[k].name == key {
			return &fs[k]
		}
	}
	folded := foldName(key)
	for k := range fs {
		if foldName(fs[k].name) == folded {
			return &fs[k]
		}
	}
	return nil
}

// field returns the field f of the struct v (of type st, named
// structName) to decode into,
// allocating the embedded structs it is reached through, with its shape
// and whether it has the string option; it records the field in the
// error context. The value is invalid when it cannot be reached (an
// embedded pointer to an unexported struct type is nil).
func (d *decoder) field(v reflect.Value, st structType, f *field, structName string) (reflect.Value, *showfmt.Shape, bool) {
	subv, subs := v, st.s
	reached := true // whether the field last gone through is exported
	for n, i := range f.index {
		if subv.Kind() == reflect.Pointer {
			if subv.IsNil() {
				if !subv.CanSet() || !reached {
					d.save(fmt.Errorf("json: cannot set embedded pointer to unexported struct: %v", showfmt.TypeName(elemShape(subs), subv.Type().Elem())))
					return reflect.Value{}, opaque, false
				}
				subv.Set(reflect.New(subv.Type().Elem()))
			}
			subv, subs = subv.Elem(), elemShape(subs)
		}
		name, _, fs, _ := structOf(subv, subs).fieldAt(i)
		if n < len(f.index)-1 {
			d.ctx.stack = append(d.ctx.stack, name)
		}
		subv, subs, reached = subv.Field(i), fs, exported(name)
	}
	d.ctx.inStruct, d.ctx.structName = true, structName
	d.ctx.stack = append(d.ctx.stack, f.name)
	return subv, subs, f.quote
}

// quoted decodes the value at data[i:] of a field with the string
// option: a string holding the literal, or null.
func (d *decoder) quoted(i int, v reflect.Value, s *showfmt.Shape) (int, error) {
	end := valueEnd(d.data, i)
	switch d.data[i] {
	case 'n':
		return end, d.literal([]byte("null"), v, s, false, end)
	case '"':
		str, _ := unquote(d.data[i:end])
		return end, d.literal([]byte(str), v, s, true, end)
	}
	d.save(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into %v", typeOf(v, s)))
	return end, nil
}

// keyShape is the shape of a map's keys.
func keyShape(b *showfmt.Shape) *showfmt.Shape {
	if b.Kind == showfmt.Map {
		return b.Key
	}
	return opaque
}

// integerOrString reports whether k is a kind json takes map keys of
// as they are.
func integerOrString(k reflect.Kind) bool {
	switch k {
	case reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// textKey reports whether a pointer to a map key of shape s and type t
// has an UnmarshalText method.
func (d *decoder) textKey(s *showfmt.Shape, t reflect.Type) bool {
	if s.Kind == showfmt.Opaque {
		return reflect.PointerTo(t).Implements(textUnmarshalerType)
	}
	_, ok := d.method(s, 'R')
	return ok
}

// mapKey returns the map key of type kt and shape ks an object's key
// (item as written, key unquoted, at data[start:]) decodes to, or the
// invalid Value when it does not fit the type (the error is kept).
func (d *decoder) mapKey(item []byte, key string, start int, kt reflect.Type, ks *showfmt.Shape) (reflect.Value, error) {
	if d.textKey(ks, kt) {
		kv := reflect.New(kt)
		if err := d.literal(item, kv, pointerTo(ks), true, start+len(item)); err != nil {
			return reflect.Value{}, err
		}
		return kv.Elem(), nil
	}
	kv := reflect.New(kt).Elem()
	switch kt.Kind() {
	case reflect.String:
		kv.SetString(key)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(key, 10, 64)
		if err != nil || kt.OverflowInt(n) {
			d.save(&json.UnmarshalTypeError{Value: "number " + key, Type: typeOf(kv, ks), Offset: int64(start + 1)})
			return reflect.Value{}, nil
		}
		kv.SetInt(n)
	default:
		n, err := strconv.ParseUint(key, 10, 64)
		if err != nil || kt.OverflowUint(n) {
			d.save(&json.UnmarshalTypeError{Value: "number " + key, Type: typeOf(kv, ks), Offset: int64(start + 1)})
			return reflect.Value{}, nil
		}
		kv.SetUint(n)
	}
	return kv, nil
}

func (d *decoder) array(i, end int, v reflect.Value, s *showfmt.Shape) error {
	u, ut, pv, ps := d.indirect(v, s, false)
	if u != nil {
		return u(d.data[i:end])
	}
	if ut != nil {
		d.save(&json.UnmarshalTypeError{Value: "array", Type: typeOf(v, s), Offset: int64(i + 1)})
		return nil
	}
	v, s = pv, ps
	if emptyInterface(v, s) {
		d.anyValue(i, end, v)
		return nil
	}
	if v.Kind() != reflect.Array && v.Kind() != reflect.Slice {
		d.save(&json.UnmarshalTypeError{Value: "array", Type: typeOf(v, s), Offset: int64(i + 1)})
		return nil
	}
	es := opaque
	if b := base(s); (b.Kind == showfmt.Slice || b.Kind == showfmt.Array) && showfmt.Fits(v, b) {
		es = b.Elem
	}
	n := 0
	for j := skipSpace(d.data, i+1); d.data[j] != ']'; n++ {
		if v.Kind() == reflect.Slice {
			if n >= v.Cap() {
				v.Grow(1)
			}
			if n >= v.Len() {
				v.SetLen(n + 1)
			}
		}
		elem := reflect.Value{}
		if n < v.Len() {
			elem = v.Index(n)
		}
		valueEnd, err := d.value(j, elem, es)
		if err != nil {
			return err
		}
		if j = skipSpace(d.data, valueEnd); d.data[j] == ',' {
			j = skipSpace(d.data, j+1)
		}
	}
	if n < v.Len() {
		if v.Kind() == reflect.Array {
			for ; n < v.Len(); n++ {
				v.Index(n).SetZero()
			}
		} else {
			v.SetLen(n)
		}
	}
	if n == 0 && v.Kind() == reflect.Slice {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}

// literal decodes the literal item (true, false, null, a number or a
// string) into v of shape s, as json's literalStore; fromQuoted says item
// came out of a string-option field's string; end is where the literal
// ends in the data, the offset of type errors.
func (d *decoder) literal(item []byte, v reflect.Value, s *showfmt.Shape, fromQuoted bool, end int) error {
	misuse := func() error {
		return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, typeOf(v, s))
	}
	typeError := func(what string) {
		d.save(&json.UnmarshalTypeError{Value: what, Type: typeOf(v, s), Offset: int64(end)})
	}
	if len(item) == 0 {
		d.save(misuse())
		return nil
	}
	u, ut, pv, ps := d.indirect(v, s, item[0] == 'n')
	if u != nil {
		return u(item)
	}
	if ut != nil {
		if item[0] != '"' {
			if fromQuoted {
				d.save(misuse())
				return nil
			}
			switch item[0] {
			case 'n':
				typeError("null")
			case 't', 'f':
				typeError("bool")
			default:
				typeError("number")
			}
			return nil
		}
		str, ok := unquote(item)
		if !ok {
			return misuse()
		}
		return ut([]byte(str))
	}
	v, s = pv, ps
	switch c := item[0]; c {
	case 'n':
		if fromQuoted && string(item) != "null" {
			d.save(misuse())
			break
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.SetZero()
		}
	case 't', 'f':
		if fromQuoted && string(item) != "true" && string(item) != "false" {
			d.save(misuse())
			break
		}
		switch {
		case v.Kind() == reflect.Bool:
			v.SetBool(c == 't')
		case emptyInterface(v, s):
			v.Set(reflect.ValueOf(c == 't'))
		case fromQuoted && v.Kind() != reflect.Interface:
			d.save(misuse())
		default:
			typeError("bool")
		}
	case '"':
		str, ok := unquote(item)
		if !ok {
			if fromQuoted {
				return misuse()
			}
			break
		}
		switch {
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
			b := make([]byte, base64.StdEncoding.DecodedLen(len(str)))
			n, err := base64.StdEncoding.Decode(b, []byte(str))
			if err != nil {
				d.save(err)
				break
			}
			v.SetBytes(b[:n])
		case v.Kind() == reflect.String:
			if v.Type() == numberType && !isNumber(str) {
				return fmt.Errorf("json: invalid number literal, trying to unmarshal %q into Number", item)
			}
			v.SetString(str)
		case emptyInterface(v, s):
			v.Set(reflect.ValueOf(str))
		default:
			typeError("string")
		}
	default:
		if c != '-' && (c < '0' || c > '9') {
			if fromQuoted {
				return misuse()
			}
			break
		}
		return d.number(item, v, s, fromQuoted, end)
	}
	return nil
}

// number decodes the number literal item into v of shape s.
func (d *decoder) number(item []byte, v reflect.Value, s *showfmt.Shape, fromQuoted bool, end int) error {
	text := string(item)
	typeError := func(what string) {
		d.save(&json.UnmarshalTypeError{Value: what, Type: typeOf(v, s), Offset: int64(end)})
	}
	switch v.Kind() {
	case reflect.Interface:
		var n any = json.Number(text)
		if !d.useNumber {
			f, err := strconv.ParseFloat(text, 64)
			if err != nil {
				d.save(&json.UnmarshalTypeError{Value: "number " + text, Type: reflect.TypeFor[float64](), Offset: int64(end + 1)})
				return nil
			}
			n = f
		}
		if !emptyInterface(v, s) {
			typeError("number")
			return nil
		}
		v.Set(reflect.ValueOf(n))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, 64)
		if err != nil || v.OverflowInt(n) {
			typeError("number " + text)
			return nil
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(text, 10, 64)
		if err != nil || v.OverflowUint(n) {
			typeError("number " + text)
			return nil
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(text, v.Type().Bits())
		if err != nil || v.OverflowFloat(n) {
			typeError("number " + text)
			return nil
		}
		v.SetFloat(n)
	default:
		if v.Kind() == reflect.String && v.Type() == numberType {
			v.SetString(text)
			return nil
		}
		if fromQuoted {
			return fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %v", item, typeOf(v, s))
		}
		typeError("number")
	}
	return nil
}

// isNumber reports whether s is a JSON number.
func isNumber(s string) bool {
	return s != "" && (s[0] == '-' || '0' <= s[0] && s[0] <= '9') && json.Valid([]byte(s))
}
