package jsonshape

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// The differential test: values of real compiled types, encoded and
// decoded by encoding/json, against the same values as the interpreter
// represents them (underlying types, unexported fields renamed Xx,
// embedded fields not marked, no methods) through Value and Target with
// the types' shapes and method functions. The types of this file stand
// for the cells' types.

type tLevel int

var levelNames = []string{"debug", "info", "warn"}

func (l tLevel) MarshalJSON() ([]byte, error) {
	if int(l) >= len(levelNames) || l < 0 {
		return nil, errors.New("no such level")
	}
	return json.Marshal(levelNames[l])
}

func (l *tLevel) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for i, n := range levelNames {
		if strings.EqualFold(n, s) {
			*l = tLevel(i)
			return nil
		}
	}
	return fmt.Errorf("unknown level %q", s)
}

type tPoint struct{ X, Y int }

func (p tPoint) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d:%d", p.X, p.Y), nil }

func (p *tPoint) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%d:%d", &p.X, &p.Y)
	return err
}

type tPtrMarshal struct{ N int }

func (p *tPtrMarshal) MarshalJSON() ([]byte, error) { return fmt.Appendf(nil, `"ptr%d"`, p.N), nil }

type tBadJSON struct{ Invalid bool }

func (b tBadJSON) MarshalJSON() ([]byte, error) {
	if b.Invalid {
		return []byte("{oops"), nil
	}
	return nil, errors.New("boom")
}

type tBadText struct{}

func (tBadText) MarshalText() ([]byte, error) { return nil, errors.New("no text") }

type tName string

func (n tName) MarshalText() ([]byte, error) { return []byte(strings.ToUpper(string(n))), nil }

func (n *tName) UnmarshalText(b []byte) error {
	*n = tName(strings.ToLower(string(b)))
	return nil
}

type tZeroer struct{ N int }

func (z tZeroer) IsZero() bool { return z.N <= 1 }

type tZeroerP struct{ N int }

func (z *tZeroerP) IsZero() bool { return z.N == 7 }

type tAudit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version,omitempty"`
}

type Emb struct {
	V int
	W string `json:"w,omitempty"`
}

type tAccount struct {
	ID       int64             `json:"id"`
	Email    string            `json:"email"`
	Nickname string            `json:"nickname,omitempty"`
	Password string            `json:"-"`
	Balance  float64           `json:"balance,string"`
	Roles    []string          `json:"roles"`
	Prefs    map[string]bool   `json:"prefs,omitempty"`
	Parent   *tAudit           `json:"parent,omitempty"`
	Labels   map[string]string `json:"labels"`
	Level    tLevel            `json:"level"`
	Dash     int               `json:"-,"`
	internal string
	tAudit
}

type tInner struct {
	A int
	B string `json:"b"`
	D int    `json:"D"`
}

type tOther struct {
	A int
	C int `json:"c"`
	D int
	E string
}

type tConflict struct {
	tInner
	tOther
}

type tDeep struct {
	A int
	tConflict
	*Emb
}

type tEmbedPtr struct {
	*tInner
	N int
}

type tOmit struct {
	B  bool              `json:",omitempty"`
	I  int               `json:",omitempty"`
	U  uint              `json:",omitempty"`
	F  float64           `json:",omitempty"`
	S  string            `json:",omitempty"`
	P  *int              `json:",omitempty"`
	M  map[string]int    `json:",omitempty"`
	Sl []int             `json:",omitempty"`
	A0 [0]int            `json:",omitempty"`
	A1 [1]int            `json:",omitempty"`
	If any               `json:",omitempty"`
	St tInner            `json:",omitempty"`
	L  tLevel            `json:",omitempty"`
	ZT time.Time         `json:",omitzero"`
	ZS tInner            `json:",omitzero"`
	ZL tZeroer           `json:",omitzero"`
	ZP *tZeroerP         `json:",omitzero"`
	ZV tZeroerP          `json:",omitzero"`
	ZM map[string]tLevel `json:",omitzero"`
}

type tQuoted struct {
	I  int         `json:",string"`
	F  float64     `json:",string"`
	S  string      `json:",string"`
	B  bool        `json:",string"`
	P  *int        `json:",string"`
	L  tLevel      `json:",string"`
	N  json.Number `json:",string"`
	In tInner      `json:",string"`
}

type tMaps struct {
	ByPoint map[tPoint]string
	ByInt   map[int]tLevel
	ByU     map[uint8]bool
	ByName  map[tName]int
	Levels  map[string]tLevel
}

type tBlob []byte

type tBytes struct {
	B  []byte
	A  [3]byte
	R  json.RawMessage
	N  json.Number
	Bs tBlob
	Ls []tLevel
}

type tIface struct {
	V any
	E error
	T time.Time
	D time.Duration
}

type tText struct {
	T  tPoint
	PT *tPoint
	Ts []tPoint
	PM tPtrMarshal
	PP *tPtrMarshal
	Ps []tPtrMarshal
}

type tUnsupported struct {
	C chan tInner
}

type tFuncField struct {
	F func()
}

type tNested struct {
	Name  string
	Inner *tInner `json:"inner"`
	List  []tAudit
	ByKey map[string]tAudit
}

// cellPkg is the package whose named types play the cells' types.
var cellPkg = reflect.TypeFor[tLevel]().PkgPath()

// model is a type's shape as the checker writes it, and the
// interpreter's representation of it.
type model struct {
	text  string
	shape *showfmt.Shape
	fns   []any
	types map[*showfmt.Shape]reflect.Type // the real type of each named shape
}

// owned reports whether t involves the cells' types (as cellcheck's).
func owned(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if t.Name() != "" {
		return t.PkgPath() == cellPkg
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Chan:
		return owned(t.Elem(), seen)
	case reflect.Map:
		return owned(t.Key(), seen) || owned(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); !f.IsExported() || f.Anonymous || owned(f.Type, seen) {
				return true
			}
		}
	}
	return false
}

func newModel(t reflect.Type) *model {
	m := &model{types: map[*showfmt.Shape]reflect.Type{}}
	named := map[reflect.Type]*showfmt.Shape{}
	var shape func(t reflect.Type, top bool) *showfmt.Shape
	spell := func(t reflect.Type) *showfmt.Shape {
		switch t.Kind() {
		case reflect.Pointer:
			return &showfmt.Shape{Kind: showfmt.Pointer, Elem: shape(t.Elem(), false)}
		case reflect.Slice:
			return &showfmt.Shape{Kind: showfmt.Slice, Elem: shape(t.Elem(), false)}
		case reflect.Array:
			return &showfmt.Shape{Kind: showfmt.Array, Len: t.Len(), Elem: shape(t.Elem(), false)}
		case reflect.Map:
			return &showfmt.Shape{Kind: showfmt.Map, Key: shape(t.Key(), false), Elem: shape(t.Elem(), false)}
		case reflect.Struct:
			s := &showfmt.Shape{Kind: showfmt.Struct}
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				s.Fields = append(s.Fields, showfmt.Field{Name: f.Name, Embedded: f.Anonymous, Type: shape(f.Type, false)})
			}
			return s
		case reflect.Interface:
			return &showfmt.Shape{Kind: showfmt.Iface, Name: t.String()}
		case reflect.Func, reflect.Chan:
			return &showfmt.Shape{Kind: showfmt.Other, Name: t.String()}
		}
		return &showfmt.Shape{Kind: showfmt.Opaque}
	}
	shape = func(t reflect.Type, top bool) *showfmt.Shape {
		if !top && !owned(t, map[reflect.Type]bool{}) {
			return &showfmt.Shape{Kind: showfmt.Opaque}
		}
		if t.Name() == "" {
			return spell(t)
		}
		if t.PkgPath() != cellPkg {
			return &showfmt.Shape{Kind: showfmt.Opaque}
		}
		if s := named[t]; s != nil {
			return s
		}
		s := &showfmt.Shape{Kind: showfmt.Named, Name: t.String()}
		named[t] = s
		m.types[s] = t
		for _, l := range MethodLetters {
			if _, ok := t.MethodByName(methodNames[byte(l)]); ok {
				s.Methods += string(l)
			}
		}
		for _, l := range MethodLetters {
			if _, ok := reflect.PointerTo(t).MethodByName(methodNames[byte(l)]); ok {
				s.Methods += strings.ToUpper(string(l))
			}
		}
		s.Under = spell(t)
		return s
	}
	m.shape = shape(t, true)
	var order []*showfmt.Shape
	m.text, order = showfmt.Encode(m.shape)
	for _, s := range order {
		for _, l := range s.Methods {
			m.fns = append(m.fns, m.method(s, byte(l)))
		}
	}
	return m
}

var methodNames = map[byte]string{'j': "MarshalJSON", 't': "MarshalText", 'u': "UnmarshalJSON", 'r': "UnmarshalText", 'z': "IsZero"}

// method makes the function of letter l of the named shape s as the
// checker writes it: its receiver is the interpreter's representation.
func (m *model) method(s *showfmt.Shape, l byte) any {
	rt := m.types[s]
	it := m.itype(s, rt)
	pointer := l >= 'A' && l <= 'Z'
	name := methodNames[byte(strings.ToLower(string(l))[0])]
	var in, out []reflect.Type
	if pointer {
		in = []reflect.Type{reflect.PointerTo(it)}
	} else {
		in = []reflect.Type{it}
	}
	switch name {
	case "MarshalJSON", "MarshalText":
		out = []reflect.Type{reflect.TypeFor[[]byte](), reflect.TypeFor[error]()}
	case "IsZero":
		out = []reflect.Type{reflect.TypeFor[bool]()}
	default:
		in = append(in, reflect.TypeFor[[]byte]())
		out = []reflect.Type{reflect.TypeFor[error]()}
	}
	return reflect.MakeFunc(reflect.FuncOf(in, out, false), func(args []reflect.Value) []reflect.Value {
		recv := reflect.New(rt)
		if pointer {
			recv.Elem().Set(m.fromI(args[0].Elem(), s, rt))
		} else {
			recv.Elem().Set(m.fromI(args[0], s, rt))
		}
		r := recv
		if !pointer {
			r = recv.Elem()
		}
		res := r.MethodByName(name).Call(args[1:])
		if pointer && len(args) > 1 {
			args[0].Elem().Set(m.toI(recv.Elem(), s))
		}
		return res
	}).Interface()
}

// itype is the interpreter's type for a value of real type t, shape s.
func (m *model) itype(s *showfmt.Shape, t reflect.Type) reflect.Type {
	switch s.Kind {
	case showfmt.Named:
		if s.Under.Kind == showfmt.Opaque {
			return basic(t.Kind())
		}
		return m.itype(s.Under, t)
	case showfmt.Pointer:
		return reflect.PointerTo(m.itype(s.Elem, t.Elem()))
	case showfmt.Slice:
		return reflect.SliceOf(m.itype(s.Elem, t.Elem()))
	case showfmt.Array:
		return reflect.ArrayOf(t.Len(), m.itype(s.Elem, t.Elem()))
	case showfmt.Map:
		return reflect.MapOf(m.itype(s.Key, t.Key()), m.itype(s.Elem, t.Elem()))
	case showfmt.Other:
		if t.Kind() == reflect.Chan {
			return reflect.ChanOf(t.ChanDir(), m.itype(&showfmt.Shape{Kind: showfmt.Opaque}, t.Elem()))
		}
	case showfmt.Struct:
		var fs []reflect.StructField
		for i, f := range s.Fields {
			sf := t.Field(i)
			name := f.Name
			if !sf.IsExported() {
				name = "X" + name
			}
			fs = append(fs, reflect.StructField{Name: name, Type: m.itype(f.Type, sf.Type), Tag: sf.Tag})
		}
		return reflect.StructOf(fs)
	}
	return t
}

// basic is the unnamed type of a basic kind.
func basic(k reflect.Kind) reflect.Type {
	for _, x := range []any{false, 0, int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0),
		uint32(0), uint64(0), uintptr(0), float32(0), 0.0, complex64(0), complex128(0), ""} {
		if t := reflect.TypeOf(x); t.Kind() == k {
			return t
		}
	}
	panic(k)
}

// fieldOf returns field i of the struct v, unexported or not, settable.
func fieldOf(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// toI converts a real value to the interpreter's representation.
func (m *model) toI(v reflect.Value, s *showfmt.Shape) reflect.Value {
	it := m.itype(s, v.Type())
	b := s
	if s.Kind == showfmt.Named {
		b = s.Under
	}
	out := reflect.New(it).Elem()
	switch b.Kind {
	case showfmt.Opaque, showfmt.Iface, showfmt.Other:
		if v.Kind() == reflect.Chan || b.Kind == showfmt.Other {
			return out // a nil channel
		}
		out.Set(v.Convert(it))
	case showfmt.Pointer:
		if !v.IsNil() {
			p := reflect.New(it.Elem())
			p.Elem().Set(m.toI(v.Elem(), b.Elem))
			out.Set(p)
		}
	case showfmt.Slice:
		if !v.IsNil() {
			out.Set(reflect.MakeSlice(it, v.Len(), v.Len()))
			for i := 0; i < v.Len(); i++ {
				out.Index(i).Set(m.toI(v.Index(i), b.Elem))
			}
		}
	case showfmt.Array:
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(m.toI(v.Index(i), b.Elem))
		}
	case showfmt.Map:
		if !v.IsNil() {
			out.Set(reflect.MakeMap(it))
			for it := v.MapRange(); it.Next(); {
				out.SetMapIndex(m.toI(it.Key(), b.Key), m.toI(it.Value(), b.Elem))
			}
		}
	case showfmt.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i, f := range b.Fields {
			out.Field(i).Set(m.toI(fieldOf(c, i), f.Type))
		}
	}
	return out
}

// fromI converts the interpreter's representation back to type t.
func (m *model) fromI(v reflect.Value, s *showfmt.Shape, t reflect.Type) reflect.Value {
	b := s
	if s.Kind == showfmt.Named {
		b = s.Under
	}
	out := reflect.New(t).Elem()
	switch b.Kind {
	case showfmt.Opaque, showfmt.Iface, showfmt.Other:
		if b.Kind != showfmt.Other {
			out.Set(v.Convert(t))
		}
	case showfmt.Pointer:
		if !v.IsNil() {
			p := reflect.New(t.Elem())
			p.Elem().Set(m.fromI(v.Elem(), b.Elem, t.Elem()))
			out.Set(p)
		}
	case showfmt.Slice:
		if !v.IsNil() {
			out.Set(reflect.MakeSlice(t, v.Len(), v.Len()))
			for i := 0; i < v.Len(); i++ {
				out.Index(i).Set(m.fromI(v.Index(i), b.Elem, t.Elem()))
			}
		}
	case showfmt.Array:
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(m.fromI(v.Index(i), b.Elem, t.Elem()))
		}
	case showfmt.Map:
		if !v.IsNil() {
			out.Set(reflect.MakeMap(t))
			for it := v.MapRange(); it.Next(); {
				out.SetMapIndex(m.fromI(it.Key(), b.Key, t.Key()), m.fromI(it.Value(), b.Elem, t.Elem()))
			}
		}
	case showfmt.Struct:
		for i, f := range b.Fields {
			fieldOf(out, i).Set(m.fromI(v.Field(i), f.Type, t.Field(i).Type))
		}
	}
	return out
}

// errText describes an error for comparison: its message and, for a type
// error, its fields.
func errText(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%v [value %q type %v offset %d struct %q field %q]", err, te.Value, te.Type, te.Offset, te.Struct, te.Field)
	}
	if err == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%T %v", err, err)
}

func TestEncodingAgreesWithJSON(t *testing.T) {
	seven, zero := 7, 0
	level := tLevel(1)
	cases := []any{
		tLevel(2), &level, []tLevel{0, 1, 2}, tLevel(5), map[string]tLevel{"b": 1, "a": 2},
		tAccount{ID: 7, Email: "kim@example.com", Password: "hunter2", Balance: 12.5, Level: 2, Dash: 3,
			Prefs: map[string]bool{"dark": true, "beta": false}, internal: "hidden", tAudit: tAudit{CreatedBy: "admin"}},
		tAccount{Parent: &tAudit{CreatedBy: "root", Version: 3}, Roles: []string{}, Labels: map[string]string{}},
		tDeep{A: 1, tConflict: tConflict{tInner{A: 2, B: "b", D: 4}, tOther{A: 3, C: 5, D: 6, E: "e"}}, Emb: &Emb{V: 9}},
		tDeep{}, tConflict{tInner{A: 2, B: "b", D: 4}, tOther{A: 3, C: 5, D: 6, E: "e"}},
		tEmbedPtr{N: 1}, tEmbedPtr{tInner: &tInner{A: 1}, N: 2},
		tOmit{}, tOmit{B: true, I: -1, U: 1, F: 0.5, S: "s", P: &zero, M: map[string]int{}, Sl: []int{}, If: 0,
			ZT: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), ZS: tInner{A: 1}, ZL: tZeroer{2}, ZP: &tZeroerP{7}, ZV: tZeroerP{7},
			ZM: map[string]tLevel{}},
		&tOmit{ZV: tZeroerP{7}, ZP: &tZeroerP{8}, ZL: tZeroer{1}},
		tQuoted{I: 12, F: 1.5, S: `a"<b>&`, B: true, P: &seven, L: 2, N: "3.25", In: tInner{A: 1}},
		tMaps{ByPoint: map[tPoint]string{{1, 2}: "tree", {0, 0}: "home", {10, 3}: "lake"},
			ByInt: map[int]tLevel{10: 1, 9: 2, -1: 0}, ByU: map[uint8]bool{3: true},
			ByName: map[tName]int{"b": 1, "a": 2}, Levels: map[string]tLevel{"x": 1}},
		map[tPoint]tLevel{{1, 1}: 2}, map[tLevel]tName{2: "x", 10: "y"}, map[*tName]int{}, map[tInner]int{},
		tBytes{B: []byte("hi <you>"), A: [3]byte{1, 2, 3}, R: json.RawMessage(`{"a" : [1, 2]}`), N: "12", Bs: tBlob("blob"), Ls: []tLevel{1}},
		tBytes{},
		tIface{V: map[string]any{"k": []any{1, "x"}}, E: errors.New("e"), T: time.Date(2024, 7, 1, 12, 0, 0, 0, time.FixedZone("", 7200)), D: time.Second},
		tText{T: tPoint{1, 2}, PT: &tPoint{3, 4}, Ts: []tPoint{{5, 6}}, PM: tPtrMarshal{1}, PP: &tPtrMarshal{2}, Ps: []tPtrMarshal{{3}}},
		&tText{PM: tPtrMarshal{7}},
		[]tText{{PM: tPtrMarshal{8}}},
		[1]tText{{PM: tPtrMarshal{9}}},
		tNested{Name: "<&>\u2028", Inner: &tInner{A: 1}, List: []tAudit{{CreatedBy: "x"}}, ByKey: map[string]tAudit{"k": {Version: 1}}},
		tBadJSON{}, tBadJSON{Invalid: true}, []tBadText{{}}, map[tBadText]int{{}: 1},
		tUnsupported{}, tFuncField{}, struct{ F float64 }{math.NaN()},
		struct {
			x int
			Y tLevel `json:"y"`
		}{1, 2},
	}
	for _, x := range cases {
		m := newModel(reflect.TypeOf(x))
		iv := m.toI(reflect.ValueOf(x), m.shape).Interface()
		name := fmt.Sprintf("%T", x)
		check := func(how string, want []byte, wantErr error, got []byte, gotErr error) {
			t.Helper()
			if !bytes.Equal(want, got) || errText(wantErr) != errText(gotErr) {
				t.Errorf("%s %s:\n got %s %v\nwant %s %v", how, name, got, errText(gotErr), want, errText(wantErr))
			}
		}
		want, wantErr := json.Marshal(x)
		got, gotErr := Marshal(Value(iv, m.text, m.fns...))
		check("Marshal", want, wantErr, got, gotErr)
		want, wantErr = json.MarshalIndent(x, "> ", "  ")
		got, gotErr = MarshalIndent(Value(iv, m.text, m.fns...), "> ", "  ")
		check("MarshalIndent", want, wantErr, got, gotErr)
		var wb, gb bytes.Buffer
		we, ge := json.NewEncoder(&wb), json.NewEncoder(&gb)
		we.SetEscapeHTML(false)
		ge.SetEscapeHTML(false)
		wantErr, gotErr = we.Encode(x), Encode(ge, Value(iv, m.text, m.fns...))
		check("Encode", wb.Bytes(), wantErr, gb.Bytes(), gotErr)
	}
}

// decodeCase is an input decoded into a value of a type, starting from
// init (a pointer).
type decodeCase struct {
	init  any
	input string
}

func TestDecodingAgreesWithJSON(t *testing.T) {
	level := tLevel(2)
	cases := []decodeCase{
		{new(tLevel), `"WARN"`}, {new(tLevel), `"fatal"`}, {new(tLevel), `5`}, {new(*tLevel), `"info"`}, {new(*tLevel), `null`},
		{&level, `null`}, {new([]tLevel), `["info", "debug"]`}, {new(map[string]tLevel), `{"a": "warn", "b": 7}`},
		{new(tAccount), `{"id": 99, "email": "x@y.z", "balance": "3.75", "roles": ["admin","dev"], "level": "Info",
			"parent": {"created_by": "root", "version": 2}, "created_by": "import", "version": 3, "extra": "ignored",
			"Password": "nope", "internal": "no", "Xinternal": "no", "tAudit": {"created_by": "no"}}`},
		{new(tAccount), `{"id": "seven", "email": 5, "level": "info"}`},
		{new(tAccount), `{"parent": {"created_by": 5}, "version": "x"}`},
		{new(tAccount), `{"balance": 3.5}`}, {new(tAccount), `{"balance": "x"}`}, {new(tAccount), `{"balance": null}`},
		{new(tAccount), `{"level": 5, "id": 1}`}, {new(tAccount), `{"id": 1, "level": "fatal", "email": "e"}`},
		{new(tAccount), `{"ID": 1, "EMAIL": "E", "Email": "e", "CREATED_BY": "c"}`},
		{new(tAccount), `null`}, {new(tAccount), `[1]`}, {new(tAccount), `"s"`},
		{&tAccount{ID: 1, Roles: []string{"a", "b", "c"}, Prefs: map[string]bool{"x": true}, internal: "kept"}, `{"roles": ["z"], "prefs": {"y": false}}`},
		{new(tDeep), `{"A": 1, "b": "bee", "D": 4, "E": "e", "V": 7, "w": "dub"}`},
		{new(tDeep), `{"V": "x"}`}, {new(tConflict), `{"A": 1, "D": 2, "E": "e", "b": "b"}`},
		{new(tEmbedPtr), `{"A": 1, "N": 2}`},
		{new(tQuoted), `{"I": "12", "F": "1.5", "S": "\"x\"", "B": "true", "P": "7", "L": "warn", "N": "3.5", "In": {"A": 1}}`},
		{new(tQuoted), `{"I": 12}`}, {new(tQuoted), `{"I": "x"}`}, {new(tQuoted), `{"S": "x"}`}, {new(tQuoted), `{"B": "1"}`},
		{new(tQuoted), `{"I": null, "P": null}`}, {new(tQuoted), `{"I": "12abc"}`}, {new(tQuoted), `{"N": "1x"}`}, {new(tQuoted), `{"I": ""}`},
		{new(tMaps), `{"ByPoint": {"1:2": "a", "3:4": "b"}, "ByInt": {"-3": "info", "x": "warn"}, "ByU": {"300": true, "3": false}, "ByName": {"AB": 1}, "Levels": null}`},
		{new(tMaps), `{"ByPoint": {"zz": "a"}}`},
		{new(map[tPoint]tLevel), `{"1:1": "warn"}`}, {new(map[tInner]int), `{"a": 1}`}, {new(map[tLevel]tName), `{"2": "X", "-1": "y"}`},
		{new(tBytes), `{"B": "aGk=", "A": [1, 2, 3, 4], "R": {"x" : 1}, "N": 12.5, "Bs": "YmxvYg==", "Ls": ["warn"]}`},
		{new(tBytes), `{"B": "!!", "A": [1]}`}, {new(tBytes), `{"N": "12"}`}, {new(tBytes), `{"N": "x"}`}, {new(tBytes), `{"B": [1, 2]}`},
		{new(tIface), `{"V": {"a": [1, 2.5, "x", null, true]}, "T": "2024-07-01T12:00:00+02:00", "D": 5}`},
		{new(tIface), `{"E": "x"}`}, {new(tIface), `{"T": 5, "D": 1}`}, {new(tIface), `{"V": 1e400}`},
		{&tIface{V: &tInner{A: 5}}, `{"V": {"b": "kept pointer"}}`},
		{new(tText), `{"T": "1:2", "PT": "3:4", "Ts": ["5:6", "7:8"], "PM": {"N": 1}}`},
		{new(tText), `{"T": 5}`}, {new(tText), `{"T": {"X": 1}}`}, {new(tText), `{"PT": null, "T": null}`},
		{new(tNested), `{"Name": "n", "inner": {"A": "x"}, "List": [{"version": "y"}, {"created_by": "z"}], "ByKey": {"k": {"version": true}}}`},
		{new(tNested), `{"List": {}, "ByKey": []}`},
		{new([2]tLevel), `["warn"]`}, {new([]tAudit), `[]`}, {new([]tAudit), `null`},
		{new(struct {
			x int
			Y tLevel `json:"y"`
		}), `{"x": 1, "y": "warn"}`},
	}
	for _, c := range cases {
		m := newModel(reflect.TypeOf(c.init))
		name := fmt.Sprintf("%T %s", c.init, c.input)
		want := reflect.New(reflect.TypeOf(c.init).Elem())
		want.Elem().Set(reflect.ValueOf(c.init).Elem())
		start := m.toI(reflect.ValueOf(c.init), m.shape)
		got := reflect.New(start.Type().Elem())
		got.Elem().Set(start.Elem())
		wantErr := json.Unmarshal([]byte(c.input), want.Interface())
		gotErr := json.Unmarshal([]byte(c.input), Target(got.Interface(), m.text, m.fns...))
		back := m.fromI(got, m.shape, want.Type())
		if errText(wantErr) != errText(gotErr) || !reflect.DeepEqual(want.Elem().Interface(), back.Elem().Interface()) {
			t.Errorf("Unmarshal %s:\n got %+v %s\nwant %+v %s", name, back.Elem(), errText(gotErr), want.Elem(), errText(wantErr))
		}
	}
}

// TestDecoderSettingsReachTheTarget checks that Decode hands a Target the
// Decoder's UseNumber and DisallowUnknownFields.
func TestDecoderSettingsReachTheTarget(t *testing.T) {
	const input = `{"V": 1.5, "E": null} {"V": 2, "unknown": 1}`
	for _, settings := range []func(*json.Decoder){func(*json.Decoder) {}, (*json.Decoder).UseNumber, (*json.Decoder).DisallowUnknownFields} {
		wd, gd := json.NewDecoder(strings.NewReader(input)), json.NewDecoder(strings.NewReader(input))
		settings(wd)
		settings(gd)
		m := newModel(reflect.TypeFor[*tIface]())
		for k := 0; k < 2; k++ {
			var want tIface
			got := reflect.New(m.itype(m.shape.Elem, reflect.TypeFor[tIface]()))
			wantErr := wd.Decode(&want)
			gotErr := Decode(gd, Target(got.Interface(), m.text, m.fns...))
			back := m.fromI(got.Elem(), m.shape.Elem, reflect.TypeFor[tIface]()).Interface()
			if errText(wantErr) != errText(gotErr) || !reflect.DeepEqual(want, back) {
				t.Errorf("value %d: got %#v %s, want %#v %s", k, back, errText(gotErr), want, errText(wantErr))
			}
		}
	}
}
