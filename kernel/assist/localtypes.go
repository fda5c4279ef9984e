package assist

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Types declared in the cell itself have no reflect.Type; their fields and
// methods are read from the cell's source instead. All cells are one
// package, so unexported members count.

// localTypeName is the name of the cell-declared type of the value of e,
// or "" when e's type is not one.
func (t *typer) localTypeName(e ast.Expr) string {
	if t.depth > 32 {
		return ""
	}
	t.depth++
	defer func() { t.depth-- }()
	switch e := e.(type) {
	case *ast.ParenExpr:
		return t.localTypeName(e.X)
	case *ast.StarExpr:
		return t.localTypeName(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return t.localTypeName(e.X)
		}
	case *ast.CompositeLit:
		return t.localNamed(e.Type)
	case *ast.Ident:
		d, ok := t.cell.lookup(e.Name)
		switch {
		case !ok || d.kind != "variable":
		case d.typ != nil:
			return t.localNamed(d.typ)
		case d.value != nil && d.index == 0 && !d.rang:
			return t.localTypeName(d.value)
		}
	case *ast.CallExpr:
		id, ok := e.Fun.(*ast.Ident)
		if !ok {
			return ""
		}
		if id.Name == "new" && len(e.Args) == 1 {
			return t.localNamed(e.Args[0])
		}
		d, ok := t.cell.lookup(id.Name)
		if ok && d.kind == "type" {
			return id.Name
		}
		if ft, isFunc := d.typ.(*ast.FuncType); ok && isFunc && d.kind == "function" && ft.Results != nil && len(ft.Results.List) > 0 {
			return t.localNamed(ft.Results.List[0].Type)
		}
	}
	return ""
}

// localNamed is the name of the cell-declared type that typ denotes,
// through one pointer, or "".
func (t *typer) localNamed(typ ast.Expr) string {
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		if d, ok := t.cell.lookup(id.Name); ok && d.kind == "type" {
			return id.Name
		}
	}
	return ""
}

// localField is a field of a cell-declared struct type: its name and the
// spelling of its type.
type localField struct{ name, typ string }

// localFields lists the fields of the cell-declared type name; an embedded
// field is named after its type.
func (t *typer) localFields(name string) []localField {
	d, _ := t.cell.lookup(name)
	st, ok := d.typ.(*ast.StructType)
	if !ok {
		return nil
	}
	var out []localField
	for _, f := range st.Fields.List {
		typ := types.ExprString(f.Type)
		if len(f.Names) == 0 {
			embedded := strings.TrimPrefix(typ, "*")
			out = append(out, localField{name: embedded[strings.LastIndexByte(embedded, '.')+1:], typ: typ})
		}
		for _, n := range f.Names {
			out = append(out, localField{name: n.Name, typ: typ})
		}
	}
	return out
}

// localMembers lists the fields and methods of the cell-declared type name.
func (t *typer) localMembers(name string) []candidate {
	var cands []candidate
	for _, f := range t.localFields(name) {
		cands = append(cands, candidate{text: f.name, kind: "field", signature: f.typ})
	}
	for _, m := range t.cell.methods {
		if m.receiver == name {
			cands = append(cands, candidate{text: m.name, kind: "method", signature: m.text})
		}
	}
	return cands
}

// describeLocalMember is the help text of the field or method member of
// the cell-declared type name, or "".
func (t *typer) describeLocalMember(name, member string) string {
	for i := len(t.cell.methods) - 1; i >= 0; i-- {
		if m := t.cell.methods[i]; m.receiver == name && m.name == member {
			return m.text
		}
	}
	for _, f := range t.localFields(name) {
		if f.name == member {
			return "field " + member + " " + f.typ + " // in " + name
		}
	}
	return ""
}
