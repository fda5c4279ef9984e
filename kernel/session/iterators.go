package session

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// rangeOverFunc rewrites a range over an iterator function (Go 1.23),
// which crashes yaegi's compiler, into a call of the iterator with the
// loop body as its yield function:
//
//	for k, v := range seq { …; continue; …; break }
//	→ seq(func(k K, v V) bool { …; return true; …; return false; return true })
//
// It is tried only after such a crash (see Session.runUnit), for an
// iterator the session declared (a function taking a yield function, or
// one returning such a function), and only when the body has no return,
// goto, defer or labelled branch, which a yield function cannot express.
func (r *rewriter) rangeOverFunc(rs *ast.RangeStmt) {
	if rs.Tok == token.ASSIGN {
		return
	}
	if _, labelled := r.parents[rs].(*ast.LabeledStmt); labelled {
		return
	}
	params := r.yieldParams(rs.X)
	if params == nil {
		return
	}
	vars := []ast.Expr{rs.Key, rs.Value}
	var decl []string
	for k, t := range params {
		name := "_"
		if k < len(vars) && vars[k] != nil {
			id, ok := vars[k].(*ast.Ident)
			if !ok {
				return
			}
			name = id.Name
		}
		decl = append(decl, name+" "+t)
	}
	if len(params) < 2 && rs.Value != nil {
		return
	}
	branches, ok := loopBranches(rs.Body)
	if !ok {
		return
	}
	r.replace(rs.Pos(), rs.X.Pos(), "")
	r.replace(rs.X.End(), rs.Body.Lbrace+1, fmt.Sprintf("(func(%s) bool {", strings.Join(decl, ", ")))
	for _, b := range branches {
		repl := "return true"
		if b.Tok == token.BREAK {
			repl = "return false"
		}
		r.replace(b.Pos(), b.End(), repl)
	}
	r.replace(rs.Body.Rbrace, rs.Body.Rbrace+1, "; return true })")
}

// yieldParams returns the parameter types (as written) of the yield
// function of iterator x: a function the session declared as
// func(yield func(T…) bool), or a call of one declared to return such a
// function.
func (r *rewriter) yieldParams(x ast.Expr) []string {
	var fn *ast.Ident
	returns := false
	switch x := x.(type) {
	case *ast.Ident:
		fn = x
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		if !ok {
			return nil
		}
		fn, returns = id, true
	default:
		return nil
	}
	if !r.global(fn) {
		return nil
	}
	fd, seg := r.sess.funcDecl(fn.Name)
	if fd == nil {
		return nil
	}
	var seq *ast.FuncType
	if returns {
		if fd.Type.Results == nil || len(fd.Type.Results.List) != 1 {
			return nil
		}
		seq, _ = fd.Type.Results.List[0].Type.(*ast.FuncType)
	} else {
		seq = fd.Type
	}
	if seq == nil || seq.Params == nil || len(seq.Params.List) != 1 || len(seq.Params.List[0].Names) > 1 {
		return nil
	}
	yield, ok := seq.Params.List[0].Type.(*ast.FuncType)
	if !ok || yield.Results == nil || yield.Results.NumFields() != 1 {
		return nil
	}
	var types []string
	for _, f := range yield.Params.List {
		n := len(f.Names)
		if n == 0 {
			n = 1
		}
		for ; n > 0; n-- {
			types = append(types, seg.text[seg.offset(f.Type.Pos()):seg.offset(f.Type.End())])
		}
	}
	if len(types) == 0 || len(types) > 2 {
		return nil
	}
	return types
}

// loopBranches returns the break and continue statements of a loop body
// that leave or continue that loop, or false if the body holds a return,
// goto, defer or labelled branch.
func loopBranches(body *ast.BlockStmt) ([]*ast.BranchStmt, bool) {
	var found []*ast.BranchStmt
	ok := true
	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			if !ok || c == nil || c == n {
				return ok
			}
			switch c := c.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt, *ast.DeferStmt:
				ok = false
			case *ast.BranchStmt:
				switch {
				case c.Label != nil || c.Tok == token.GOTO:
					ok = false
				case c.Tok == token.CONTINUE && !inLoop, c.Tok == token.BREAK && !inLoop && !inSwitch:
					found = append(found, c)
				}
			case *ast.ForStmt, *ast.RangeStmt:
				walk(c, true, inSwitch)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(c, inLoop, true)
				return false
			}
			return true
		})
	}
	walk(body, false, false)
	return found, ok
}
