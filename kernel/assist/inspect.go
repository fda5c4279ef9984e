package assist

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
)

// Inspect returns plain-text help for the name under or just before the
// cursor (in code points) — or, when the cursor is between the parentheses
// of a call, for the function called:
//   - pkg.Name: the declaration (a function's signature, a type's definition
//     with its constructors and method set, a variable's or constant's spec)
//     and its doc comment, from the package's sources when they can be found
//     (GOROOT, RegisterSource, the module cache), else the signature reflect
//     gives;
//   - pkg.Type.Method, x.Method, x.Field: the same for a method or field, x
//     being any expression whose compiled type is known, and a field used as
//     a key of a struct literal;
//   - a package name: its import path and synopsis (whole doc at detail 1);
//   - a builtin: its entry in GOROOT's package builtin;
//   - a name declared in the cell or in Scope: its declaration and type.
//
// At detail ≥ 1 functions show their whole source and types the doc of each
// method. found is false when the name is unknown.
func (e Env) Inspect(code string, cursor int, detail int) (text string, found bool) {
	off := byteOffset(code, cursor)
	toks, _ := scanCell(code)
	if tokenAround(toks, off) >= 0 {
		return "", false
	}
	start, end := identBounds(code, off)
	// The names in scope at the end of the name, itself included.
	t := &typer{env: e, cell: readCell(code, end+1)}
	describeBefore := func(end int) string {
		x, err := parser.ParseExpr(operandBefore(code, end))
		if err != nil {
			return ""
		}
		return t.describe(x, detail)
	}
	if start < end {
		if lit := literalType(code, toks, start); lit != nil {
			text = t.describeLiteralKey(lit, code[start:end])
		}
		if text == "" {
			text = describeBefore(end)
		}
	}
	if text == "" {
		if call := openCallBefore(toks, off); call >= 0 {
			text = describeBefore(call)
		}
	}
	return text, text != ""
}

// openCallBefore returns the byte offset of the "(" of the innermost call
// still open at off, or -1.
func openCallBefore(toks []tok, off int) int {
	var open []int
	for k, t := range toks {
		if t.off >= off {
			break
		}
		switch t.t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, k)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if n := len(open); n > 0 {
		k := open[n-1]
		if toks[k].t == token.LPAREN && k > 0 {
			switch toks[k-1].t {
			case token.IDENT, token.RPAREN, token.RBRACK:
				return toks[k].off
			}
		}
	}
	return -1
}

// describe is the help text of expression x, or "".
func (t *typer) describe(x ast.Expr, detail int) string {
	switch x := x.(type) {
	case *ast.Ident:
		return t.describeName(x.Name, detail)
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if p, ok := t.packageNamed(id.Name); ok {
				return describeSymbol(p, x.Sel.Name, detail)
			}
		}
		if typ := t.conversionType(x.X); typ != nil {
			return describeMember(typ, x.Sel.Name, detail)
		}
		if typ := t.typeOf(x.X); typ != nil {
			return describeMember(typ, x.Sel.Name, detail)
		}
		if name := t.localTypeName(x.X); name != "" {
			return t.describeLocalMember(name, x.Sel.Name)
		}
	}
	return ""
}

// describeName is the help text of a bare identifier.
func (t *typer) describeName(name string, detail int) string {
	if d, ok := t.cell.lookup(name); ok {
		if d.kind == "package" {
			return describePackage(d.path, detail)
		}
		text := d.text
		if typ := t.declType(d); typ != nil && d.kind != "function" {
			text = joinParts(text, "var "+name+" "+typ.String(), typeHelp(typ, detail))
		}
		return text
	}
	for _, n := range t.env.Scope {
		if n.Name != name {
			continue
		}
		if n.Kind == "package" {
			break
		}
		if t.env.Value != nil {
			if v, ok := t.env.Value(name); ok && v.IsValid() {
				if n.Kind == "func" && v.Kind() == reflect.Func {
					return "func " + name + funcTail(v.Type())
				}
				return joinParts(n.Kind+" "+name+" "+v.Type().String(), typeHelp(v.Type(), detail))
			}
		}
		return n.Kind + " " + name + " (declared in an earlier cell)"
	}
	if p, ok := t.packageNamed(name); ok {
		return describePackage(p.path, detail)
	}
	return describeBuiltin(name, detail)
}

// typeHelp is the documentation of the compiled named type typ (or of what
// it points to): its doc comment, and at detail ≥ 1 its whole description.
func typeHelp(typ reflect.Type, detail int) string {
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if typ.PkgPath() == "" || typ.Name() == "" {
		return ""
	}
	dp := loadDoc(typ.PkgPath())
	if dp == nil {
		return ""
	}
	dt, ok := dp.types[typ.Name()]
	if !ok {
		return ""
	}
	if detail >= 1 {
		return dp.describeType(dt, detail)
	}
	return dp.text(dt.Doc)
}

// describePackage is the help text of the package with import path path.
func describePackage(path string, detail int) string {
	if dp := loadDoc(path); dp != nil {
		return dp.describePackage(detail)
	}
	return "package " + path[strings.LastIndexByte(path, '/')+1:] + " // import \"" + path + "\""
}

// describeBuiltin is the help text of a predeclared identifier, or "".
func describeBuiltin(name string, detail int) string {
	dp := loadDoc("builtin")
	if dp == nil {
		for _, f := range builtinFuncs {
			if f == name {
				return "func " + name + " (builtin)"
			}
		}
		if _, ok := builtinTypes[name]; ok {
			return "type " + name + " (builtin)"
		}
		return ""
	}
	if f, ok := dp.funcs[name]; ok {
		return dp.describeFunc(f, detail)
	}
	if typ, ok := dp.types[name]; ok && name == strings.ToLower(name) {
		return dp.describeType(typ, detail)
	}
	if v, ok := dp.values[name]; ok {
		return dp.describeValue(v, detail)
	}
	return ""
}

// describeSymbol is the help text of the exported symbol name of package p.
func describeSymbol(p pkgRef, name string, detail int) string {
	v, inTable := p.symbols[name]
	if p.symbols != nil && !inTable || !token.IsExported(name) {
		return ""
	}
	if dp := loadDoc(p.path); dp != nil {
		if f, ok := dp.funcs[name]; ok {
			return dp.describeFunc(f, detail)
		}
		if typ, ok := dp.types[name]; ok {
			return dp.describeType(typ, detail)
		}
		if val, ok := dp.values[name]; ok {
			return dp.describeValue(val, detail)
		}
	}
	if !inTable {
		return ""
	}
	return reflectSignature(name, v)
}

// describeMember is the help text of the method or field name of a value
// of type x.
func describeMember(x reflect.Type, name string, detail int) string {
	if x == nil || !token.IsExported(name) {
		return ""
	}
	recv := x
	m, ok := recv.MethodByName(name)
	if !ok && x.Kind() != reflect.Pointer && x.Kind() != reflect.Interface {
		recv = reflect.PointerTo(x)
		m, ok = recv.MethodByName(name)
	}
	base := x
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	var dp *docPackage
	var dt *doc.Type
	if base.PkgPath() != "" && base.Name() != "" {
		if dp = loadDoc(base.PkgPath()); dp != nil {
			dt = dp.types[base.Name()]
		}
	}
	if ok {
		if dt != nil {
			for _, f := range dt.Methods {
				if f.Name == name {
					return dp.describeFunc(f, detail)
				}
			}
			if f := memberField(dt, name); f != nil {
				// An interface method: its declaration, and its own doc or
				// the interface's.
				doc := fieldDoc(f)
				if doc == "" {
					doc = dt.Doc
				}
				return joinParts("func ("+recv.String()+") "+name+strings.TrimPrefix(dp.print(f.Type), "func"), dp.text(doc))
			}
		}
		return "func (" + recv.String() + ") " + name + funcTail(methodValueType(recv, m))
	}
	if base.Kind() != reflect.Struct {
		return ""
	}
	f, ok := base.FieldByName(name)
	if !ok || !f.IsExported() {
		return ""
	}
	head := "field " + name + " " + f.Type.String() + " // in " + base.String()
	if dt == nil || len(f.Index) != 1 {
		return head
	}
	if field := memberField(dt, name); field != nil {
		head = "field " + name + " " + dp.print(field.Type) + " // in " + base.String()
		return joinParts(head, dp.text(fieldDoc(field)))
	}
	return head
}

// memberField is the field or interface method name in the declaration of
// t, or nil.
func memberField(t *doc.Type, name string) *ast.Field {
	for _, spec := range t.Decl.Specs {
		ts, ok := spec.(*ast.TypeSpec)
		if !ok || ts.Name.Name != t.Name {
			continue
		}
		var fields *ast.FieldList
		switch typ := ts.Type.(type) {
		case *ast.StructType:
			fields = typ.Fields
		case *ast.InterfaceType:
			fields = typ.Methods
		}
		if fields == nil {
			return nil
		}
		for _, f := range fields.List {
			for _, n := range f.Names {
				if n.Name == name {
					return f
				}
			}
		}
	}
	return nil
}

// fieldDoc is the doc or line comment of a field.
func fieldDoc(f *ast.Field) string {
	if f.Doc != nil {
		return f.Doc.Text()
	}
	if f.Comment != nil {
		return f.Comment.Text()
	}
	return ""
}
