package assist

import (
	"go/ast"
	"go/constant"
	"go/token"
	"reflect"
	"strconv"
)

// builtinTypes are the predeclared types that reflect can represent.
var builtinTypes = map[string]reflect.Type{
	"bool": reflect.TypeOf(false), "string": reflect.TypeOf(""), "error": reflect.TypeOf((*error)(nil)).Elem(),
	"any": reflect.TypeOf((*any)(nil)).Elem(),
	"int": reflect.TypeOf(0), "int8": reflect.TypeOf(int8(0)), "int16": reflect.TypeOf(int16(0)),
	"int32": reflect.TypeOf(int32(0)), "rune": reflect.TypeOf(rune(0)), "int64": reflect.TypeOf(int64(0)),
	"uint": reflect.TypeOf(uint(0)), "uint8": reflect.TypeOf(uint8(0)), "byte": reflect.TypeOf(byte(0)),
	"uint16": reflect.TypeOf(uint16(0)), "uint32": reflect.TypeOf(uint32(0)), "uint64": reflect.TypeOf(uint64(0)),
	"uintptr": reflect.TypeOf(uintptr(0)), "float32": reflect.TypeOf(float32(0)), "float64": reflect.TypeOf(0.0),
	"complex64": reflect.TypeOf(complex64(0)), "complex128": reflect.TypeOf(complex128(0)),
}

// typer gives Go expressions of a cell a reflect.Type, as far as compiled
// types allow: types declared by interpreted code are unknown (nil).
type typer struct {
	env   Env
	cell  *cell
	depth int // guards against cyclic declarations
}

// packageNamed resolves name to a package: through the cell's imports, then
// the earlier cells' imports, then the default package names, unless a
// non-package declaration shadows it.
func (t *typer) packageNamed(name string) (pkgRef, bool) {
	if d, ok := t.cell.lookup(name); ok {
		if d.kind != "package" {
			return pkgRef{}, false
		}
		if p, ok := packageByPath(t.env.Packages, d.path); ok {
			return p, true
		}
		return pkgRef{path: d.path, name: name}, true
	}
	for _, n := range t.env.Scope {
		if n.Name == name && n.Kind != "package" {
			return pkgRef{}, false
		}
	}
	if path, ok := t.env.Imports[name]; ok {
		if p, ok := packageByPath(t.env.Packages, path); ok {
			return p, true
		}
	}
	return packageByName(t.env.Packages, name)
}

// typeOf is the type of the value of e, or nil.
func (t *typer) typeOf(e ast.Expr) reflect.Type {
	if t.depth > 32 {
		return nil
	}
	t.depth++
	defer func() { t.depth-- }()
	switch e := e.(type) {
	case *ast.Ident:
		return t.identType(e.Name)
	case *ast.BasicLit:
		return basicLitType(e.Kind)
	case *ast.ParenExpr:
		return t.typeOf(e.X)
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if p, ok := t.packageNamed(x.Name); ok {
				v, ok := p.symbols[e.Sel.Name]
				if !ok || symbolKind(v) == "type" {
					return nil
				}
				return valueType(v)
			}
		}
		return memberType(t.typeOf(e.X), e.Sel.Name)
	case *ast.CallExpr:
		return t.callType(e, 0)
	case *ast.StarExpr:
		if x := t.typeOf(e.X); x != nil && x.Kind() == reflect.Pointer {
			return x.Elem()
		}
	case *ast.UnaryExpr:
		x := t.typeOf(e.X)
		switch {
		case x == nil:
		case e.Op == token.AND:
			return reflect.PointerTo(x)
		case e.Op == token.ARROW:
			if x.Kind() == reflect.Chan {
				return x.Elem()
			}
		case e.Op == token.NOT:
			return builtinTypes["bool"]
		default:
			return x
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return builtinTypes["bool"]
		}
		// An untyped literal takes the other operand's type (2 * x), except
		// as a shift's left operand.
		x, y := t.typeOf(e.X), t.typeOf(e.Y)
		if _, untyped := e.X.(*ast.BasicLit); untyped && y != nil && e.Op != token.SHL && e.Op != token.SHR {
			return y
		}
		if x != nil {
			return x
		}
		return y
	case *ast.CompositeLit:
		return t.typeExpr(e.Type)
	case *ast.IndexExpr:
		return elemType(t.typeOf(e.X), false)
	case *ast.SliceExpr:
		x := t.typeOf(e.X)
		if x != nil && x.Kind() == reflect.Pointer && x.Elem().Kind() == reflect.Array {
			return reflect.SliceOf(x.Elem().Elem())
		}
		if x != nil && x.Kind() == reflect.Array {
			return reflect.SliceOf(x.Elem())
		}
		return x
	case *ast.TypeAssertExpr:
		return t.typeExpr(e.Type)
	case *ast.FuncLit:
		return t.typeExpr(e.Type)
	}
	return nil
}

// identType is the type of a variable or constant called name.
func (t *typer) identType(name string) reflect.Type {
	if d, ok := t.cell.lookup(name); ok {
		return t.declType(d)
	}
	if t.env.Value != nil {
		if v, ok := t.env.Value(name); ok && v.IsValid() {
			return v.Type()
		}
	}
	switch name {
	case "true", "false":
		return builtinTypes["bool"]
	}
	return nil
}

// declType is the type of a declared variable, constant or function.
func (t *typer) declType(d decl) reflect.Type {
	switch d.kind {
	case "function":
		if d.typ == nil {
			return nil
		}
		return t.typeExpr(d.typ)
	case "variable", "constant":
	default:
		return nil
	}
	if d.typ != nil {
		return t.typeExpr(d.typ)
	}
	if d.value == nil {
		return nil
	}
	if d.rang {
		return rangeType(t.typeOf(d.value), d.index)
	}
	if call, ok := d.value.(*ast.CallExpr); ok {
		return t.callType(call, d.index)
	}
	if d.index == 0 {
		return t.typeOf(d.value)
	}
	// The comma-ok forms: v, ok := x.(T), m[k] or <-ch.
	switch d.value.(type) {
	case *ast.TypeAssertExpr, *ast.IndexExpr, *ast.UnaryExpr:
		if d.index == 1 {
			return builtinTypes["bool"]
		}
	}
	return nil
}

// callType is the type of result number index of a call (or conversion).
func (t *typer) callType(call *ast.CallExpr, index int) reflect.Type {
	if id, ok := call.Fun.(*ast.Ident); ok {
		if _, local := t.cell.lookup(id.Name); !local {
			switch id.Name {
			case "make":
				if len(call.Args) > 0 {
					return t.typeExpr(call.Args[0])
				}
				return nil
			case "new":
				if len(call.Args) > 0 {
					if x := t.typeExpr(call.Args[0]); x != nil {
						return reflect.PointerTo(x)
					}
				}
				return nil
			case "len", "cap", "copy":
				return builtinTypes["int"]
			case "append", "min", "max":
				if len(call.Args) > 0 {
					return t.typeOf(call.Args[0])
				}
				return nil
			}
			if bt, ok := builtinTypes[id.Name]; ok {
				return bt
			}
		}
	}
	if conv := t.conversionType(call.Fun); conv != nil {
		return conv
	}
	f := t.typeOf(call.Fun)
	if f == nil || f.Kind() != reflect.Func || index >= f.NumOut() {
		return nil
	}
	return f.Out(index)
}

// conversionType is the type named by fun when fun denotes a compiled type.
func (t *typer) conversionType(fun ast.Expr) reflect.Type {
	switch f := fun.(type) {
	case *ast.ParenExpr:
		return t.typeExpr(f.X)
	case *ast.ArrayType, *ast.MapType, *ast.StarExpr:
		return t.typeExpr(f)
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok {
			if p, ok := t.packageNamed(x.Name); ok {
				if v, ok := p.symbols[f.Sel.Name]; ok && symbolKind(v) == "type" {
					return v.Type().Elem()
				}
			}
		}
	}
	return nil
}

// typeExpr is the type denoted by the type expression e, or nil.
func (t *typer) typeExpr(e ast.Expr) (typ reflect.Type) {
	// reflect panics on types Go rejects (a map keyed by a slice, an array
	// beyond the address space, a bad variadic list): they are unknown.
	defer func() {
		if recover() != nil {
			typ = nil
		}
	}()
	switch e := e.(type) {
	case *ast.Ident:
		if _, local := t.cell.lookup(e.Name); local {
			return nil
		}
		return builtinTypes[e.Name]
	case *ast.ParenExpr:
		return t.typeExpr(e.X)
	case *ast.SelectorExpr:
		return t.conversionType(e)
	case *ast.StarExpr:
		if x := t.typeExpr(e.X); x != nil {
			return reflect.PointerTo(x)
		}
	case *ast.ArrayType:
		el := t.typeExpr(e.Elt)
		if el == nil {
			return nil
		}
		if e.Len == nil {
			return reflect.SliceOf(el)
		}
		if lit, ok := e.Len.(*ast.BasicLit); ok && lit.Kind == token.INT {
			if n, err := strconv.Atoi(lit.Value); err == nil {
				return reflect.ArrayOf(n, el)
			}
		}
	case *ast.MapType:
		k, v := t.typeExpr(e.Key), t.typeExpr(e.Value)
		if k != nil && v != nil {
			return reflect.MapOf(k, v)
		}
	case *ast.ChanType:
		if el := t.typeExpr(e.Value); el != nil {
			dir := reflect.BothDir
			switch e.Dir {
			case ast.SEND:
				dir = reflect.SendDir
			case ast.RECV:
				dir = reflect.RecvDir
			}
			return reflect.ChanOf(dir, el)
		}
	case *ast.InterfaceType:
		if len(e.Methods.List) == 0 {
			return builtinTypes["any"]
		}
	case *ast.FuncType:
		return t.funcType(e)
	}
	return nil
}

func (t *typer) funcType(ft *ast.FuncType) reflect.Type {
	var in, out []reflect.Type
	variadic := false
	collect := func(fields *ast.FieldList, into *[]reflect.Type) bool {
		if fields == nil {
			return true
		}
		for _, f := range fields.List {
			typ := f.Type
			if el, ok := typ.(*ast.Ellipsis); ok {
				typ, variadic = &ast.ArrayType{Elt: el.Elt}, true
			}
			x := t.typeExpr(typ)
			if x == nil {
				return false
			}
			for n := max(len(f.Names), 1); n > 0; n-- {
				*into = append(*into, x)
			}
		}
		return true
	}
	if !collect(ft.Params, &in) || !collect(ft.Results, &out) {
		return nil
	}
	return reflect.FuncOf(in, out, variadic)
}

func basicLitType(k token.Token) reflect.Type {
	switch k {
	case token.INT:
		return builtinTypes["int"]
	case token.FLOAT:
		return builtinTypes["float64"]
	case token.IMAG:
		return builtinTypes["complex128"]
	case token.CHAR:
		return builtinTypes["rune"]
	case token.STRING:
		return builtinTypes["string"]
	}
	return nil
}

// valueType is the type of a symbol-table value; an untyped constant gets
// its default type.
func valueType(v reflect.Value) reflect.Type {
	if !isUntypedConstant(v) {
		return v.Type()
	}
	switch v.Interface().(constant.Value).Kind() {
	case constant.Bool:
		return builtinTypes["bool"]
	case constant.String:
		return builtinTypes["string"]
	case constant.Int:
		return builtinTypes["int"]
	case constant.Float:
		return builtinTypes["float64"]
	case constant.Complex:
		return builtinTypes["complex128"]
	}
	return nil
}

// elemType is the element type of indexing x (key=false) or its key type.
func elemType(x reflect.Type, key bool) reflect.Type {
	if x == nil {
		return nil
	}
	if x.Kind() == reflect.Pointer && x.Elem().Kind() == reflect.Array {
		x = x.Elem()
	}
	switch x.Kind() {
	case reflect.Slice, reflect.Array:
		if key {
			return builtinTypes["int"]
		}
		return x.Elem()
	case reflect.Map:
		if key {
			return x.Key()
		}
		return x.Elem()
	case reflect.String:
		if key {
			return builtinTypes["int"]
		}
		return builtinTypes["uint8"]
	}
	return nil
}

// rangeType is the type of iteration variable index (0 key, 1 value) of
// ranging over x.
func rangeType(x reflect.Type, index int) reflect.Type {
	if x == nil {
		return nil
	}
	switch {
	case x.Kind() == reflect.Chan && index == 0:
		return x.Elem()
	case x.Kind() == reflect.String && index == 1:
		return builtinTypes["rune"]
	case x.Kind() >= reflect.Int && x.Kind() <= reflect.Uintptr && index == 0:
		return x
	}
	return elemType(x, index == 0)
}

// memberType is the type of the field or method name of a value of type x
// (a method value has no receiver parameter).
func memberType(x reflect.Type, name string) reflect.Type {
	if x == nil {
		return nil
	}
	if m, ok := x.MethodByName(name); ok {
		return methodValueType(x, m)
	}
	if x.Kind() != reflect.Pointer && x.Kind() != reflect.Interface {
		if m, ok := reflect.PointerTo(x).MethodByName(name); ok {
			return methodValueType(reflect.PointerTo(x), m)
		}
	}
	s := x
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		if f, ok := s.FieldByName(name); ok {
			return f.Type
		}
	}
	return nil
}

// methodValueType drops the receiver from a method's function type;
// methods of interface types have none.
func methodValueType(x reflect.Type, m reflect.Method) reflect.Type {
	if x.Kind() == reflect.Interface {
		return m.Type
	}
	ft := m.Type
	in := make([]reflect.Type, 0, ft.NumIn()-1)
	for i := 1; i < ft.NumIn(); i++ {
		in = append(in, ft.In(i))
	}
	out := make([]reflect.Type, ft.NumOut())
	for i := range out {
		out[i] = ft.Out(i)
	}
	return reflect.FuncOf(in, out, ft.IsVariadic())
}
