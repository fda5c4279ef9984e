package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Closures called while their function's deferred calls run. yaegi runs a
// function's deferred calls holding a lock on the function's frame, and a
// closure made in that frame takes the same lock when it returns: calling
// one from a deferred call (defer fn(), defer func() { cleanup() }())
// hangs the interpreter. In a function that defers, each function literal
// not called where it is written is therefore made by a function of its
// own, whose frame it then belongs to:
//
//	fn := func() { … }  →  fn := func() func() { return func() { … } }()
//
// A literal calling recover stays as it is: its recover must see the
// panic of the frame it is made in.

// deferredClosures records the rewrite of the literals of each function
// body that defers.
func (u *unit) deferredClosures() {
	called := map[*ast.FuncLit]bool{}
	ast.Inspect(u.file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok {
				called[lit] = true
			}
		}
		return true
	})
	ast.Inspect(u.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				u.closuresIn(n.Body, called)
			}
		case *ast.FuncLit:
			u.closuresIn(n.Body, called)
		}
		return true
	})
}

// closuresIn wraps the literals made in body, if body defers.
func (u *unit) closuresIn(body *ast.BlockStmt, called map[*ast.FuncLit]bool) {
	var lits []*ast.FuncLit
	defers := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			defers = true
		case *ast.FuncLit:
			if !called[n] {
				lits = append(lits, n)
			}
			return false // what it makes belongs to its own frame
		}
		return true
	})
	if !defers {
		return
	}
	for _, lit := range lits {
		if len(u.recoverCalls(&ast.CallExpr{Fun: lit})) > 0 {
			continue
		}
		k, start := u.locate(lit.Pos())
		_, end := u.locate(lit.End())
		te := u.typeExpr(u.info.Types[lit].Type)
		if k < 0 || te == "" {
			continue
		}
		u.res.Edits = append(u.res.Edits,
			Edit{Part: k, Start: start, End: start, Text: fmt.Sprintf("func() %s { return ", te)},
			Edit{Part: k, Start: end, End: end, Text: " }()"})
	}
}

// deferredFuncVar reports whether call calls a function held in a
// variable, which deferredCall then takes when the defer runs, as Go does
// (deferredClosures made that safe).
func (u *unit) deferredFuncVar(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, isVar := u.info.Uses[id].(*types.Var)
	return isVar
}

// Deferred literals in loops. A function literal deferred in a loop sees
// the variables of the iteration it was deferred in (each iteration's y
// := … is a variable of its own); yaegi makes a deferred literal when the
// function returns, so every one sees the last iteration's. Such
// variables become parameters of the literal, their values taken when the
// defer runs:
//
//	for _, name := range names { f := open(name); defer func() { f.Close() }() }
//	→ … { gophlowc1 := f; defer func(f *File) { f.Close() }(gophlowc1) } …
//
// A literal that assigns to such a variable, or takes its address, is
// left as it is (its assignment must reach the variable).

// deferredLoopClosures records the rewrite of each deferred literal in a
// loop.
func (u *unit) deferredLoopClosures() {
	var stack []ast.Node
	ast.Inspect(u.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if d, ok := n.(*ast.DeferStmt); ok {
			if loop := enclosingLoop(stack); loop != nil {
				u.deferredLoopClosure(d, loop)
			}
		}
		stack = append(stack, n)
		return true
	})
}

// enclosingLoop returns the outermost loop of the function at the top of
// stack, or nil.
func enclosingLoop(stack []ast.Node) ast.Node {
	var loop ast.Node
	for k := len(stack) - 1; k >= 0; k-- {
		switch n := stack[k].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return loop
		case *ast.ForStmt, *ast.RangeStmt:
			loop = n
		}
	}
	return loop
}

// deferredLoopClosure rewrites d when it defers a call of a literal that
// uses variables declared in loop.
func (u *unit) deferredLoopClosure(d *ast.DeferStmt, loop ast.Node) {
	lit, ok := d.Call.Fun.(*ast.FuncLit)
	if !ok || d.Call.Ellipsis.IsValid() {
		return
	}
	if ps := lit.Type.Params.List; len(ps) > 0 {
		if _, variadic := ps[len(ps)-1].Type.(*ast.Ellipsis); variadic {
			return
		}
	}
	var vars []*types.Var
	seen := map[*types.Var]bool{}
	changed := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			v, ok := u.info.Uses[n].(*types.Var)
			inLoop := ok && !v.IsField() && v.Pos() >= loop.Pos() && v.Pos() < loop.End()
			if inLoop && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) && !seen[v] {
				seen[v] = true
				vars = append(vars, v)
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				changed = changed || u.isLoopVar(l, loop, lit)
			}
		case *ast.IncDecStmt:
			changed = changed || u.isLoopVar(n.X, loop, lit)
		case *ast.UnaryExpr:
			changed = changed || n.Op == token.AND && u.isLoopVar(n.X, loop, lit)
		}
		return true
	})
	k, start := u.locate(d.Pos())
	_, end := u.locate(d.End())
	_, closing := u.locate(lit.Type.Params.Closing)
	_, rparen := u.locate(d.Call.Rparen)
	if len(vars) == 0 || changed || k < 0 {
		return
	}
	var names, params, values []string
	for _, v := range vars {
		te := u.typeExpr(v.Type())
		if te == "" {
			return
		}
		u.deferred++
		names = append(names, fmt.Sprintf("gophlowc%d", u.deferred))
		params = append(params, v.Name()+" "+te)
		values = append(values, v.Name())
	}
	sep := func(list []ast.Expr) string {
		if len(list) > 0 {
			return ", "
		}
		return ""
	}
	var existing []ast.Expr
	for _, f := range lit.Type.Params.List {
		existing = append(existing, f.Type)
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: "{ " + strings.Join(names, ", ") + " := " + strings.Join(values, ", ") + "; "},
		Edit{Part: k, Start: closing, End: closing, Text: sep(existing) + strings.Join(params, ", ")},
		Edit{Part: k, Start: rparen, End: rparen, Text: sep(d.Call.Args) + strings.Join(names, ", ")},
		Edit{Part: k, Start: end, End: end, Text: " }"})
}

// isLoopVar reports whether e is a variable declared in loop, outside lit.
func (u *unit) isLoopVar(e ast.Expr, loop ast.Node, lit *ast.FuncLit) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := u.info.Uses[id].(*types.Var)
	return ok && v.Pos() >= loop.Pos() && v.Pos() < loop.End() && (v.Pos() < lit.Pos() || v.Pos() >= lit.End())
}
