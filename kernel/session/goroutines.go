package session

import (
	"fmt"
	"go/ast"
	"strings"
)

// goStmt rewrites `go f(a, b)` so that a panic in the goroutine is
// recovered and reported instead of killing the process (an unrecovered
// panic in an interpreted goroutine ends the kernel). The function value
// (unless it is a plain name, which is repeated in the closure) and the
// non-constant arguments are evaluated before the goroutine starts, as Go
// specifies:
//
//	{F := f; A := a; go func() { defer <report>; F(A, 1) }()}
//	go func() { body }()  →  go func() { defer <report>; func() { body }() }()
func (r *rewriter) goStmt(g *ast.GoStmt) {
	call := g.Call
	line, _ := r.seg.position(r.seg.offset(g.Pos()))
	guard := fmt.Sprintf("defer func() { if r := recover(); r != nil { %s.GoroutinePanic(r, %d) } }(); ", rtName, line)
	type part struct {
		expr ast.Expr
		name string
	}
	var parts []part // evaluated now, into fresh variables
	if lit, ok := call.Fun.(*ast.FuncLit); ok {
		// go func(…) { … }(…): the arguments are evaluated by the go
		// statement itself; the guard goes first in the body, and the
		// body runs as a function of its own, so that the guard also
		// recovers a panic of the body's deferred calls (yaegi leaves a
		// function's deferred calls at the first that panics: the
		// guard, deferred first, would never run).
		if lit.Type.Results != nil {
			r.replace(lit.Body.Lbrace+1, lit.Body.Lbrace+1, " "+guard)
			return
		}
		r.replace(lit.Body.Lbrace+1, lit.Body.Lbrace+1, " "+guard+"func() {")
		r.replace(lit.Body.Rbrace, lit.Body.Rbrace, "}() ")
		return
	}
	_, funInline := call.Fun.(*ast.Ident)
	if !funInline {
		parts = append(parts, part{call.Fun, r.fresh("F")})
	}
	args := make([]string, len(call.Args))
	for k, a := range call.Args {
		if constantExpr(a) {
			args[k] = r.text(a)
			continue
		}
		p := part{a, r.fresh("A")}
		parts = append(parts, p)
		args[k] = p.name
	}
	if len(parts) == 0 {
		r.replace(g.Pos(), call.Pos(), "go func() { "+guard)
		r.replace(call.End(), call.End(), " }()")
		return
	}
	names := make([]string, len(parts))
	for k, p := range parts {
		names[k] = p.name
	}
	callee := r.text(call.Fun)
	if !funInline {
		callee = parts[0].name
	}
	ellipsis := ""
	if call.Ellipsis.IsValid() {
		ellipsis = "..."
	}
	r.replace(g.Pos(), parts[0].expr.Pos(), "{"+names[0]+" := ")
	for k := 1; k < len(parts); k++ {
		r.replace(parts[k-1].expr.End(), parts[k].expr.Pos(), "; "+names[k]+" := ")
	}
	r.replace(parts[len(parts)-1].expr.End(), call.End(),
		"; go func() { "+guard+callee+"("+strings.Join(args, ", ")+ellipsis+") }() }")
}

// constantExpr reports whether e is built from literals only (an untyped
// constant must stay inline: a variable would give it a default type).
func constantExpr(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return constantExpr(e.X)
	case *ast.UnaryExpr:
		return constantExpr(e.X)
	case *ast.BinaryExpr:
		return constantExpr(e.X) && constantExpr(e.Y)
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "true" || e.Name == "false"
	}
	return false
}
