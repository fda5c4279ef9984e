package cellcheck

import (
	"fmt"
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
// Each iteration gets its own k and v, as in Go 1.22. A body that defers
// or uses goto is left as it is (the interpreter then says it cannot run
// it); a return in the body stores the results, ends the loop and returns
// them after it; labeled branches are rangelabels.go's.

// rangeOverFunc writes out rs when it ranges over a function.
func (u *unit) rangeOverFunc(rs *ast.RangeStmt) {
	t := u.info.Types[rs.X].Type
	if t == nil {
		return
	}
	if !u.rangeFuncPlan().converted[rs] {
		return
	}
	sig := t.Underlying().(*types.Signature)
	ret, _ := u.returns(rs)
	yield := sig.Params().At(0).Type().Underlying().(*types.Signature)
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
	flag, dispatch := u.labeledBranches(rs)
	if l, ok := u.rangeFuncPlan().labels[rs]; ok {
		_, start = u.locate(l.Pos()) // the label goes: nothing branches to it any more
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: xStart, Text: flag + ret.before},
		Edit{Part: k, Start: xEnd, End: lbrace + 1, Text: "(func(" + strings.Join(params, ", ") + ") bool {"},
		Edit{Part: k, Start: rbrace, End: rbrace + 1, Text: "; return true })" + ret.after + dispatch})
	u.branches(k, rs.Body.List, false, false)
	for _, r := range ret.stmts {
		_, rs0 := u.locate(r.Pos())
		_, re := u.locate(r.End())
		u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: rs0, End: re, Text: ret.replace(r)})
	}
}

// loopReturns is how a converted loop's return statements leave the
// enclosing function: they store the results and a flag and end the
// iteration; after the call the function returns what they stored.
type loopReturns struct {
	stmts         []*ast.ReturnStmt
	before, after string
	replace       func(*ast.ReturnStmt) string
}

// returns prepares the rewrite of the return statements in rs's body
// (outside nested function literals). False when it cannot be written.
func (u *unit) returns(rs *ast.RangeStmt) (loopReturns, bool) {
	var lr loopReturns
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			lr.stmts = append(lr.stmts, n)
		}
		return true
	})
	if len(lr.stmts) == 0 {
		return lr, true
	}
	sig := u.enclosingSignature(rs.Pos())
	if sig == nil {
		return lr, false
	}
	_, id := u.locate(rs.Pos())
	done := fmt.Sprintf("gophlowdone%d", id)
	var decls, results, named []string
	for i := 0; i < sig.Results().Len(); i++ {
		v := sig.Results().At(i)
		te := u.typeExpr(v.Type())
		if te == "" || v.Name() == "_" {
			return lr, false
		}
		r := fmt.Sprintf("gophlowr%d_%d", id, i)
		decls = append(decls, fmt.Sprintf("var %s %s;", r, te))
		results = append(results, r)
		named = append(named, v.Name())
	}
	lr.before = "{ var " + done + " bool; " + strings.Join(decls, " ")
	lr.after = "; if " + done + " { return " + strings.Join(results, ", ") + " } }"
	lr.replace = func(r *ast.ReturnStmt) string {
		assign := ""
		switch {
		case len(r.Results) > 0:
			_, s0 := u.locate(r.Results[0].Pos())
			_, e0 := u.locate(r.Results[len(r.Results)-1].End())
			k, _ := u.locate(r.Pos())
			assign = strings.Join(results, ", ") + " = " + u.parts[k].Text[s0:e0] + "; "
		case len(results) > 0: // a bare return of named results
			assign = strings.Join(results, ", ") + " = " + strings.Join(named, ", ") + "; "
		}
		return "{ " + assign + done + " = true; return false }"
	}
	return lr, true
}

// enclosingSignature is the signature of the innermost function around
// pos.
func (u *unit) enclosingSignature(pos token.Pos) *types.Signature {
	var sig *types.Signature
	ast.Inspect(u.file, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos >= n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj := u.info.Defs[n.Name]; obj != nil {
				sig, _ = obj.Type().(*types.Signature)
			}
		case *ast.FuncLit:
			sig, _ = u.info.Types[n].Type.(*types.Signature)
		}
		return true
	})
	return sig
}

// convertibleBody reports whether body can become a yield function: no
// defer or goto outside nested function literals.
func convertibleBody(body *ast.BlockStmt) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			ok = false
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
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
				if n.Label != nil {
					return false // rangelabels.go
				}
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
