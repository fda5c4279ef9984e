package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
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
