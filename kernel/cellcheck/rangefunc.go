package cellcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Range over a function (Go 1.23) makes the interpreter's compiler fail.
// Where the loop body allows, the loop becomes a call of the function with
// the body as its yield function:
//
//	for k, v := range seq { … continue … break … }
//	→ seq(func(k K, v V) bool { … return true … return false …; return true })
//
// Each iteration gets its own k and v, as in Go 1.22. A body that returns
// from the enclosing function, defers, uses goto or a labeled branch
// is left as it is (the interpreter then says it cannot run it).

// rangeOverFunc writes out rs when it ranges over a function.
func (u *unit) rangeOverFunc(rs *ast.RangeStmt) {
	t := u.info.Types[rs.X].Type
	if t == nil {
		return
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || rs.Tok == token.ASSIGN || !u.convertibleBody(rs.Body) {
		return
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		return
	}
	vars := []ast.Expr{rs.Key, rs.Value}
	params := make([]string, yield.Params().Len())
	for i := range params {
		te := u.typeExpr(yield.Params().At(i).Type())
		if te == "" {
			return
		}
		name := "_"
		if i < len(vars) && vars[i] != nil {
			name = vars[i].(*ast.Ident).Name
		}
		params[i] = name + " " + te
	}
	k, start := u.locate(rs.Pos())
	_, xStart := u.locate(rs.X.Pos())
	_, xEnd := u.locate(rs.X.End())
	_, lbrace := u.locate(rs.Body.Lbrace)
	_, rbrace := u.locate(rs.Body.Rbrace)
	if k < 0 {
		return
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: xStart, Text: ""},
		Edit{Part: k, Start: xEnd, End: lbrace + 1, Text: "(func(" + strings.Join(params, ", ") + ") bool {"},
		Edit{Part: k, Start: rbrace, End: rbrace + 1, Text: "; return true })"})
	u.branches(k, rs.Body.List, false, false)
}

// convertibleBody reports whether body can become a yield function: no
// return, defer, goto or labeled branch outside nested function literals.
func (u *unit) convertibleBody(body *ast.BlockStmt) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.DeferStmt, *ast.LabeledStmt:
			ok = false
		case *ast.BranchStmt:
			if n.Label != nil || n.Tok == token.GOTO {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// branches rewrites the break and continue statements of a converted
// loop's body that belong to the loop: continue returns true, break false.
// inLoop and inBreakable say whether an enclosing statement inside the
// body takes them instead.
func (u *unit) branches(part int, list []ast.Stmt, inLoop, inBreakable bool) {
	for _, st := range list {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				u.branches(part, n.Body.List, true, true)
				return false
			case *ast.RangeStmt:
				u.branches(part, n.Body.List, true, true)
				return false
			case *ast.SwitchStmt:
				u.branches(part, n.Body.List, inLoop, true)
				return false
			case *ast.TypeSwitchStmt:
				u.branches(part, n.Body.List, inLoop, true)
				return false
			case *ast.SelectStmt:
				u.branches(part, n.Body.List, inLoop, true)
				return false
			case *ast.BranchStmt:
				text := ""
				switch {
				case n.Tok == token.CONTINUE && !inLoop:
					text = "return true"
				case n.Tok == token.BREAK && !inBreakable:
					text = "return false"
				default:
					return false
				}
				_, start := u.locate(n.Pos())
				_, end := u.locate(n.End())
				u.res.Edits = append(u.res.Edits, Edit{Part: part, Start: start, End: end, Text: text})
			}
			return true
		})
	}
}
