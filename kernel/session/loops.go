package session

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
)

// rangeOverInt rewrites `for i := range n` with an integer n (which makes
// yaegi's compiler panic) into a classic loop with a fresh i per iteration:
//
//	{N := n; for I := N - N; I < N; I++ { i := I; … } }
func (r *rewriter) rangeOverInt(rs *ast.RangeStmt) {
	if rs.Value != nil || !r.intExpr(rs.X) {
		return
	}
	n, i := r.fresh("N"), r.fresh("I")
	start, label := rs.Pos(), ""
	if l, ok := r.parents[rs].(*ast.LabeledStmt); ok {
		start, label = l.Pos(), l.Label.Name+": "
	}
	key := ""
	if id, ok := rs.Key.(*ast.Ident); rs.Key != nil && (!ok || id.Name != "_") {
		op := " = "
		if rs.Tok == token.DEFINE {
			op = " := "
		}
		key = r.text(rs.Key) + op + i + ";"
	}
	r.replace(start, rs.X.Pos(), "{"+n+" := ")
	r.replace(rs.X.End(), rs.Body.Lbrace+1,
		fmt.Sprintf("; %sfor %s := %s - %s; %s < %s; %s++ {%s", label, i, n, n, i, n, i, key))
	r.replace(rs.Body.Rbrace+1, rs.Body.Rbrace+1, "}")
}

// intExpr reports whether e is, syntactically, an integer: a literal,
// len/cap, a conversion to an integer type, arithmetic on one, or a
// variable declared with one.
func (r *rewriter) intExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.INT
	case *ast.ParenExpr:
		return r.intExpr(e.X)
	case *ast.UnaryExpr:
		return r.intExpr(e.X)
	case *ast.BinaryExpr:
		switch e.Op {
		case token.SHL, token.SHR:
			return r.intExpr(e.X)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return r.intExpr(e.X) || r.intExpr(e.Y)
		}
	case *ast.SelectorExpr:
		// global.field.field or pkg.Const: ask the session's values.
		path := []string{e.Sel.Name}
		x := e.X
		for {
			if sel, ok := x.(*ast.SelectorExpr); ok {
				path = append([]string{sel.Sel.Name}, path...)
				x = sel.X
				continue
			}
			break
		}
		root, ok := x.(*ast.Ident)
		return ok && r.global(root) && r.intPath != nil && r.intPath(append([]string{root.Name}, path...))
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && r.global(id) {
			return id.Name == "len" || id.Name == "cap" || intTypes[id.Name]
		}
	case *ast.Ident:
		if r.global(e) {
			if r.cell != nil && r.cell.defs[e.Name] != nil && r.cell.depth < 8 {
				r.cell.depth++
				defer func() { r.cell.depth-- }()
				return r.intExpr(r.cell.defs[e.Name])
			}
			return r.intPath != nil && r.intPath([]string{e.Name})
		}
		if e.Obj == nil {
			return false
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.Field:
			t, ok := d.Type.(*ast.Ident)
			return ok && intTypes[t.Name]
		case *ast.ValueSpec:
			if t, ok := d.Type.(*ast.Ident); ok {
				return intTypes[t.Name]
			}
			for k, n := range d.Names {
				if n.Name == e.Name && k < len(d.Values) {
					return r.intExpr(d.Values[k])
				}
			}
		case *ast.AssignStmt:
			for k, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Lhs) == len(d.Rhs) {
					return r.intExpr(d.Rhs[k])
				}
			}
		}
	}
	return false
}

var intTypes = map[string]bool{"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true, "byte": true, "rune": true}

// fieldPath follows the fields path from v (through pointers and
// interfaces); yaegi stores an unexported field f of an interpreted struct
// as Xf.
func fieldPath(v reflect.Value, path []string) reflect.Value {
	for _, f := range path {
		for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		if !v.IsValid() || v.Kind() != reflect.Struct {
			return reflect.Value{}
		}
		fv := v.FieldByName(f)
		if !fv.IsValid() {
			fv = v.FieldByName("X" + f)
		}
		v = fv
	}
	return v
}

// isIntValue reports whether a global's value is an integer.
func isIntValue(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	if c, ok := v.Interface().(interface{ ExactString() string }); ok {
		s := c.ExactString()
		return s != "" && !strings.ContainsAny(s, ".e/\"'") && s != "true" && s != "false"
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}
