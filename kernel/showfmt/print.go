package showfmt

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Show returns x, of the static type shape describes (see Encode), as a
// value that fmt prints as the compiled program prints x. methods are
// functions calling the printing methods of the shape's named types: for
// each named type in Encode's order, one per letter of its Methods, taking
// the receiver first (Format's also take the fmt.State and the verb).
func Show(x any, shape string, methods ...any) any {
	s, err := decode(shape)
	if err != nil {
		return x
	}
	fns := make([]reflect.Value, len(methods))
	for k, m := range methods {
		fns[k] = reflect.ValueOf(m)
	}
	return &shown{x: x, shape: s, fns: fns}
}

// shown is a value with what Show knows of its type.
type shown struct {
	x     any
	shape *Shape
	fns   []reflect.Value
}

// TypeName is the value's type as %T prints it.
func (v *shown) TypeName() string {
	return typeName(v.shape, reflect.TypeOf(v.x))
}

// Format prints the value by fmt's rules (fmt.Printf's printArg and
// printValue): methods first, at the top and wherever the path to a value
// goes through exported fields only; then by kind.
func (v *shown) Format(f fmt.State, verb rune) {
	p := &printer{w: f, verb: verb, fns: v.fns}
	p.sharpV = verb == 'v' && f.Flag('#')
	p.plusV = verb == 'v' && f.Flag('+')
	switch verb {
	case 'T':
		fmt.Fprintf(f, fmt.FormatString(f, 's'), v.TypeName())
	case 'p':
		fmt.Fprintf(f, fmt.FormatString(f, 'p'), v.x)
	default:
		p.print(reflect.ValueOf(v.x), v.shape, 0, true)
	}
}

// printer prints one argument.
type printer struct {
	w             fmt.State
	verb          rune
	sharpV, plusV bool
	fns           []reflect.Value
	directive     string
}

func (p *printer) write(s string) { _, _ = p.w.Write([]byte(s)) }

// leaf prints x as fmt prints it with the argument's directive.
func (p *printer) leaf(x any) {
	if p.directive == "" {
		p.directive = fmt.FormatString(p.w, p.verb)
	}
	fmt.Fprintf(p.w, p.directive, x)
}

// str prints s as fmt prints a string with the directive's flags and verb
// (fmtString and fmtS).
func (p *printer) str(s string, verb rune) {
	fmt.Fprintf(p.w, fmt.FormatString(p.w, verb), s)
}

// print prints v, of shape s, at depth (0 for the argument itself);
// exported says whether the path to v goes through exported fields only,
// the condition under which fmt calls a nested value's methods.
func (p *printer) print(v reflect.Value, s *Shape, depth int, exported bool) {
	if s.Kind == Opaque {
		p.opaque(v, depth)
		return
	}
	if v.IsValid() && (depth == 0 || exported) && p.methods(v, s) {
		return
	}
	base := s
	if s.Kind == Named {
		base = s.Under
	}
	if !fits(v, base) {
		p.opaque(v, depth)
		return
	}
	switch base.Kind {
	case Struct:
		p.structValue(v, s, base, depth, exported)
	case Slice, Array:
		p.list(v, s, base, depth, exported)
	case Map:
		p.mapValue(v, s, base, depth, exported)
	case Pointer:
		if depth == 0 && v.Pointer() != 0 {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.write("&")
				p.print(v.Elem(), base.Elem, depth+1, exported)
				return
			}
		}
		p.pointer(v, s)
	case Iface:
		inner := concrete(v)
		switch {
		case inner.IsValid():
			p.opaque(inner, depth+1)
		case p.sharpV:
			p.write(typeName(s, v.Type()) + "(nil)")
		default:
			p.write("<nil>")
		}
	case Other:
		p.pointer(v, s)
	default: // a named type of a basic kind
		if badVerb(v.Kind(), p.verb) {
			p.badVerb(v, s)
			return
		}
		p.leaf(v.Interface())
	}
}

// badVerb reports whether fmt rejects verb for a value of basic kind k.
func badVerb(k reflect.Kind, verb rune) bool {
	var ok string
	switch k {
	case reflect.Bool:
		ok = "tv"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		ok = "vdboOxXcqU"
	case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		ok = "vbgGxXfFeE"
	case reflect.String:
		ok = "vsxXq"
	default:
		return false
	}
	return !strings.ContainsRune(ok, verb)
}

// badVerb prints v as fmt prints a value a verb does not apply to:
// %!verb(type=value), the value as %v prints it.
func (p *printer) badVerb(v reflect.Value, s *Shape) {
	fmt.Fprintf(p.w, "%%!%c(%s=%v)", p.verb, typeName(s, v.Type()), v.Interface())
}

// baseOf is the shape of s's underlying type.
func baseOf(s *Shape) *Shape {
	if s.Kind == Named {
		return s.Under
	}
	return s
}

// fits reports whether v has the reflect kind base describes (the shape
// comes from go/types, v from the interpreter: a mismatch means the shape
// cannot be trusted for v).
func fits(v reflect.Value, base *Shape) bool {
	if !v.IsValid() {
		return base.Kind == Iface
	}
	switch base.Kind {
	case Struct:
		return v.Kind() == reflect.Struct && v.NumField() == len(base.Fields)
	case Slice:
		return v.Kind() == reflect.Slice
	case Array:
		return v.Kind() == reflect.Array && v.Len() == base.Len
	case Map:
		return v.Kind() == reflect.Map
	case Pointer:
		return v.Kind() == reflect.Pointer
	case Other:
		switch v.Kind() {
		case reflect.Func, reflect.Chan:
			return true
		}
		return false
	}
	return true
}

// methods calls the printing method fmt would call on v (handleMethods),
// if its shape lists one, and reports whether it did.
func (p *printer) methods(v reflect.Value, s *Shape) (handled bool) {
	named, upper := s, false
	if s.Kind == Pointer && s.Elem.Kind == Named {
		named, upper = s.Elem, true
	}
	if named.Kind != Named || named.Methods == "" {
		return false
	}
	fn := func(letter byte) (reflect.Value, bool) {
		if upper {
			letter = byte(unicode.ToUpper(rune(letter)))
		}
		if k := strings.IndexByte(named.Methods, letter); k >= 0 && named.first+k < len(p.fns) {
			return p.fns[named.first+k], true
		}
		return reflect.Value{}, false
	}
	if f, ok := fn('f'); ok {
		handled = true
		defer p.catchPanic(v, "Format")
		f.Call([]reflect.Value{receiver(v, f), reflect.ValueOf(p.w), reflect.ValueOf(p.verb)})
		return true
	}
	if p.sharpV {
		if f, ok := fn('g'); ok {
			handled = true
			defer p.catchPanic(v, "GoString")
			p.str(f.Call([]reflect.Value{receiver(v, f)})[0].String(), 's')
			return true
		}
		return false
	}
	switch p.verb {
	case 'v', 's', 'x', 'X', 'q':
		for _, letter := range []byte{'e', 's'} {
			if f, ok := fn(letter); ok {
				handled = true
				defer p.catchPanic(v, map[byte]string{'e': "Error", 's': "String"}[letter])
				p.str(f.Call([]reflect.Value{receiver(v, f)})[0].String(), p.verb)
				return true
			}
		}
	}
	return false
}

// receiver returns v as f's first parameter: the interpreter sometimes
// hands over a constant of a named type in another basic type (int for a
// uint8), which is converted.
func receiver(v reflect.Value, f reflect.Value) reflect.Value {
	if t := f.Type().In(0); v.Type() != t && v.Type().ConvertibleTo(t) {
		return v.Convert(t)
	}
	return v
}

// catchPanic prints a method's panic as fmt does: "<nil>" for a nil
// pointer receiver, otherwise %!v(PANIC=String method: …).
func (p *printer) catchPanic(v reflect.Value, method string) {
	r := recover()
	if r == nil {
		return
	}
	if v.Kind() == reflect.Pointer && v.IsNil() {
		p.str("<nil>", 's')
		return
	}
	fmt.Fprintf(p.w, "%%!%c(PANIC=%s method: %v)", p.verb, method, r)
}

func (p *printer) separator() {
	if p.sharpV {
		p.write(", ")
	} else {
		p.write(" ")
	}
}

func (p *printer) structValue(v reflect.Value, s, base *Shape, depth int, exported bool) {
	if p.sharpV {
		p.write(typeName(s, v.Type()))
	}
	p.write("{")
	for k, f := range base.Fields {
		if k > 0 {
			p.separator()
		}
		if p.plusV || p.sharpV {
			p.write(f.Name + ":")
		}
		fv := v.Field(k)
		if fv.Kind() == reflect.Interface && !fv.IsNil() {
			fv = fv.Elem()
		}
		p.print(fv, f.Type, depth+1, exported && isExported(f.Name))
	}
	p.write("}")
}

func (p *printer) list(v reflect.Value, s, base *Shape, depth int, exported bool) {
	switch p.verb {
	case 's', 'q', 'x', 'X':
		if v.Type().Elem().Kind() == reflect.Uint8 {
			b := make([]byte, v.Len())
			for k := range b {
				b[k] = byte(v.Index(k).Uint())
			}
			p.leaf(b)
			return
		}
	}
	if p.sharpV {
		p.write(typeName(s, v.Type()))
		if v.Kind() == reflect.Slice && v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
	} else {
		p.write("[")
	}
	for k := 0; k < v.Len(); k++ {
		if k > 0 {
			p.separator()
		}
		p.print(v.Index(k), base.Elem, depth+1, exported)
	}
	if p.sharpV {
		p.write("}")
	} else {
		p.write("]")
	}
}

func (p *printer) mapValue(v reflect.Value, s, base *Shape, depth int, exported bool) {
	if p.sharpV {
		p.write(typeName(s, v.Type()))
		if v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
	} else {
		p.write("map[")
	}
	for k, key := range sortedKeys(v) {
		if k > 0 {
			p.separator()
		}
		p.print(key, base.Key, depth+1, exported)
		p.write(":")
		p.print(v.MapIndex(key), base.Elem, depth+1, exported)
	}
	if p.sharpV {
		p.write("}")
	} else {
		p.write("]")
	}
}

// pointer prints a pointer, func or chan as fmt does (fmtPointer).
func (p *printer) pointer(v reflect.Value, s *Shape) {
	ptr := v.UnsafePointer()
	u := uintptr(ptr)
	switch p.verb {
	case 'v':
		switch {
		case p.sharpV && u == 0:
			p.write("(" + typeName(s, v.Type()) + ")(nil)")
		case p.sharpV:
			fmt.Fprintf(p.w, "(%s)(%#x)", typeName(s, v.Type()), u)
		case u == 0:
			p.str("<nil>", 's')
		default:
			p.padded(fmt.Sprintf("%#x", u))
		}
	case 'p':
		p.padded(fmt.Sprintf("%#x", u))
	case 'b', 'o', 'd', 'x', 'X':
		p.leaf(u)
	default: // as %v at the top, without the pointer's methods
		fmt.Fprintf(p.w, "%%!%c(%s=", p.verb, typeName(s, v.Type()))
		q := &printer{w: p.w, verb: 'v', fns: p.fns, directive: "%v"}
		elem := s
		if elem.Kind == Named {
			elem = elem.Under
		}
		switch {
		case u == 0:
			p.write("<nil>")
		case elem.Kind == Pointer && fits(v.Elem(), baseOf(elem.Elem)) && v.Elem().Kind() != reflect.Pointer:
			p.write("&")
			q.print(v.Elem(), elem.Elem, 1, true)
		default:
			fmt.Fprintf(p.w, "%#x", u)
		}
		p.write(")")
	}
}

// padded writes text padded to the directive's width.
func (p *printer) padded(text string) {
	dir := "%"
	if p.w.Flag('-') {
		dir += "-"
	}
	if w, ok := p.w.Width(); ok {
		dir += fmt.Sprint(w)
	}
	fmt.Fprintf(p.w, dir+"s", text)
}

// opaque prints v, a value without cell types, through fmt, which sees
// its type; a pointer below the top is printed as an address, as fmt
// prints nested pointers.
func (p *printer) opaque(v reflect.Value, depth int) {
	outer := v
	v = concrete(v)
	if r := registeredFor(v); depth > 0 && r != nil && fits(v, r.shape.Under) {
		// a cell's struct type held in an interface (registry.go)
		sub := &printer{w: p.w, verb: p.verb, sharpV: p.sharpV, plusV: p.plusV, fns: r.fns, directive: p.directive}
		sub.print(v, r.shape, depth, true)
		return
	}
	switch {
	case !v.IsValid() && depth == 0:
		p.write("<invalid reflect.Value>")
	case !v.IsValid() && p.sharpV && outer.IsValid() && outer.Kind() == reflect.Interface:
		p.write(outer.Type().String() + "(nil)") // a nil interface{} field
	case !v.IsValid() && p.verb == 'v':
		p.write("<nil>")
	case !v.IsValid():
		fmt.Fprintf(p.w, "%%!%c(<nil>)", p.verb)
	case depth > 0 && v.Kind() == reflect.Pointer && !hasPrintMethods(v.Type()):
		p.pointer(v, &Shape{Kind: Opaque})
	case !v.CanInterface():
		p.write(v.String())
	default:
		p.leaf(v.Interface())
	}
}

// hasPrintMethods reports whether fmt would call a method of a value of t.
func hasPrintMethods(t reflect.Type) bool {
	for _, i := range printInterfaces {
		if t.Implements(i) {
			return true
		}
	}
	return false
}

var printInterfaces = []reflect.Type{
	reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.GoStringer](),
	reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer](),
}

// isExported reports whether a Go field name is exported.
func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// concrete returns the value inside an interface, looking through the
// interpreter's own interface representation (a struct holding the
// value's node and a reflect.Value) and its method wrappers (structs whose
// first field IValue holds the value), or the invalid Value for nil.
func concrete(v reflect.Value) reflect.Value {
	for v.IsValid() {
		switch {
		case v.Kind() == reflect.Interface:
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		case isInterpreterInterface(v.Type()):
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			f := c.FieldByName("value")
			v = *(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr()))
		case v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue" && v.Type().Field(0).Type == reflect.TypeFor[any]():
			v = v.Field(0)
		default:
			return v
		}
	}
	return v
}

// isInterpreterInterface reports whether t is yaegi's representation of a
// value of an interpreted interface type.
func isInterpreterInterface(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.Name() != "valueInterface" || t.PkgPath() != "github.com/traefik/yaegi/interp" {
		return false
	}
	f, ok := t.FieldByName("value")
	return ok && f.Type == reflect.TypeFor[reflect.Value]()
}

// typeName writes the type s describes as reflect (and so %T) writes it;
// t is the value's reflect type, which names the opaque parts.
func typeName(s *Shape, t reflect.Type) string {
	elem := func() reflect.Type {
		if t == nil {
			return nil
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
			return t.Elem()
		}
		return nil
	}
	switch s.Kind {
	case Named:
		return s.Name
	case Pointer:
		return "*" + typeName(s.Elem, elem())
	case Slice:
		return "[]" + typeName(s.Elem, elem())
	case Array:
		return fmt.Sprintf("[%d]%s", s.Len, typeName(s.Elem, elem()))
	case Map:
		var kt reflect.Type
		if t != nil && t.Kind() == reflect.Map {
			kt = t.Key()
		}
		return "map[" + typeName(s.Key, kt) + "]" + typeName(s.Elem, elem())
	case Struct:
		if len(s.Fields) == 0 {
			return "struct {}"
		}
		parts := make([]string, len(s.Fields))
		for k, f := range s.Fields {
			var ft reflect.Type
			if t != nil && t.Kind() == reflect.Struct && k < t.NumField() {
				ft = t.Field(k).Type
			}
			if f.Embedded {
				parts[k] = typeName(f.Type, ft)
			} else {
				parts[k] = f.Name + " " + typeName(f.Type, ft)
			}
		}
		return "struct { " + strings.Join(parts, "; ") + " }"
	case Iface, Other:
		return s.Name
	}
	if t == nil {
		return "<nil>"
	}
	return t.String()
}
