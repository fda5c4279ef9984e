package session

import (
	"fmt"
	"go/ast"
	"go/token"
)

// rangeOverInt rewrites `for i := range n` with an integer n (which makes
// yaegi's compiler panic) into a classic loop with a fresh i per iteration:
//
//	{N := n; for I := N - N; I < N; I++ { i := I; … } }
func (r *rewriter) rangeOverInt(rs *ast.RangeStmt) {
	if rs.Value != nil || !(r.intExpr(rs.X) || r.assumeInt && r.maybeInt(rs.X)) {
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
	if !ok || !r.global(pkg) || r.pkgPath == nil {
		return
	}
	switch r.pkgPath(pkg.Name) + "." + sel.Sel.Name {
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
