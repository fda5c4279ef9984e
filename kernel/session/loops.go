package session

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
)

// rangeOverInt rewrites `for i := range n` with an integer n (which makes
// yaegi's compiler panic) into a classic loop with a fresh i per iteration:
//
//	{N := n; for I := N - N; I < N; I++ { i := I; … } }
func (r *rewriter) rangeOverInt(rs *ast.RangeStmt) {
	if rs.Value != nil || !(r.intExpr(rs.X) || r.retry && r.maybeInt(rs.X)) {
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

// rangeOverIterator rewrites ranging over the standard iterators of a map
// or slice (Go 1.23), which yaegi cannot run, into ranging over the map or
// slice itself:
//
//	for k := range maps.Keys(m)       →  for k := range m
//	for v := range maps.Values(m)     →  for _, v := range m
//	for v := range slices.Values(s)   →  for _, v := range s
//	for k, v := range maps.All(m)     →  for k, v := range m (slices.All too)
func (r *rewriter) rangeOverIterator(rs *ast.RangeStmt) {
	call, ok := rs.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || !r.global(pkg) {
		return
	}
	switch r.sess.pkgPath(pkg.Name) + "." + sel.Sel.Name {
	case "maps.Keys", "maps.All", "slices.All":
	case "maps.Values", "slices.Values":
		if rs.Value != nil {
			return
		}
		if rs.Key != nil {
			r.replace(rs.Key.Pos(), rs.Key.Pos(), "_, ")
		}
	default:
		return
	}
	arg := call.Args[0]
	r.replace(call.Pos(), arg.Pos(), "")
	r.replace(arg.End(), call.End(), "")
}

// maybeInt reports whether e could be an integer whose kind numericKind
// cannot infer: a name, a field, a call or arithmetic of unknown kind —
// not a literal, a slice expression or a conversion to a non-integer.
func (r *rewriter) maybeInt(e ast.Expr) bool {
	if r.numericKind(e) != kindUnknown || r.elemKind(e) != kindUnknown {
		return false
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.BinaryExpr:
		return true
	case *ast.ParenExpr:
		return r.maybeInt(e.X)
	case *ast.CallExpr:
		id, ok := e.Fun.(*ast.Ident)
		return !ok || !r.builtin(id) // not make, append, a conversion…
	}
	return false
}

// collectMap rewrites slices.Collect(maps.Keys(m)) (or maps.Values, or
// slices.Sorted) over a map whose key and value types the session can
// name into a loop filling a slice:
//
//	func() []K { M := m; S := make([]K, 0, len(M)); for k := range M { S = append(S, k) }; return S }()
func (r *rewriter) collectMap(call *ast.CallExpr, sorted bool) {
	if len(call.Args) != 1 {
		return
	}
	inner, ok := call.Args[0].(*ast.CallExpr)
	if !ok || len(inner.Args) != 1 {
		return
	}
	sel, ok := inner.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok || !r.global(pkg) || r.sess.pkgPath(pkg.Name) != "maps" || (sel.Sel.Name != "Keys" && sel.Sel.Name != "Values") {
		return
	}
	key, val := r.mapTypes(inner.Args[0])
	if key == "" || val == "" {
		return
	}
	m, sl := r.fresh("M"), r.fresh("S")
	elem, loop := key, fmt.Sprintf("for k := range %s { %s = append(%s, k) }", m, sl, sl)
	if sel.Sel.Name == "Values" {
		elem, loop = val, fmt.Sprintf("for _, v := range %s { %s = append(%s, v) }", m, sl, sl)
	}
	sortCall := ""
	if sorted {
		sortCall = rtName + ".SortSlice(" + sl + "); "
	}
	r.replace(call.Pos(), inner.Args[0].Pos(), fmt.Sprintf("func() []%s { %s := ", elem, m))
	r.replace(inner.Args[0].End(), call.End(),
		fmt.Sprintf("; %s := make([]%s, 0, len(%s)); %s; %sreturn %s }()", sl, elem, m, loop, sortCall, sl))
}

// basicTypes are the types whose names mean the same everywhere.
var basicTypes = map[string]bool{"string": true, "bool": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "float32": true, "float64": true, "byte": true, "rune": true}

// mapTypes returns the key and value type names of a map expression whose
// types are basic: declared (literal, make, typed variable) or, for a
// global, read from its value. Empty strings when unknown.
func (r *rewriter) mapTypes(e ast.Expr) (key, val string) {
	if mt, ok := r.declaredType(e, 0).(*ast.MapType); ok {
		k, kok := mt.Key.(*ast.Ident)
		v, vok := mt.Value.(*ast.Ident)
		if kok && vok && basicTypes[k.Name] && basicTypes[v.Name] {
			return k.Name, v.Name
		}
		return "", ""
	}
	id, ok := e.(*ast.Ident)
	if !ok || !r.global(id) {
		return "", ""
	}
	t := r.sess.globalType([]string{id.Name})
	if t == nil || t.Kind() != reflect.Map || t.Key().PkgPath() != "" || t.Elem().PkgPath() != "" ||
		!basicTypes[t.Key().String()] || !basicTypes[t.Elem().String()] {
		return "", ""
	}
	return t.Key().String(), t.Elem().String()
}

// declaredType returns the type expression e was written or declared
// with, when the source says it: a composite literal, make, a typed
// variable or parameter, or a variable initialised with one of those.
func (r *rewriter) declaredType(e ast.Expr, depth int) ast.Expr {
	if depth > 8 {
		return nil
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.declaredType(e.X, depth+1)
	case *ast.CompositeLit:
		return e.Type
	case *ast.CallExpr:
		if f, ok := e.Fun.(*ast.Ident); ok && r.builtin(f) && f.Name == "make" && len(e.Args) > 0 {
			return e.Args[0]
		}
	case *ast.Ident:
		if r.global(e) {
			if r.cell != nil && r.cell.defs[e.Name] != nil {
				return r.declaredType(r.cell.defs[e.Name], depth+1)
			}
			return nil
		}
		if e.Obj == nil {
			return nil
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.Field:
			return d.Type
		case *ast.ValueSpec:
			if d.Type != nil {
				return d.Type
			}
			for k, n := range d.Names {
				if n.Name == e.Name && k < len(d.Values) {
					return r.declaredType(d.Values[k], depth+1)
				}
			}
		case *ast.AssignStmt:
			for k, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Lhs) == len(d.Rhs) {
					return r.declaredType(d.Rhs[k], depth+1)
				}
			}
		}
	}
	return nil
}
