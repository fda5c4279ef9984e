package session

import (
	"go/ast"
	"go/token"
	"strings"
)

// Go 1.22 gives each iteration of a loop its own loop variables; yaegi
// shares one across iterations. The difference shows only when the body
// captures a variable (a func literal, &v), so only such loops are
// rewritten, by a copy at the top of the body:
//
//	for i := 0; i < n; i++ { fs = append(fs, func() { use(i) }) }
//	→ for i := 0; i < n; i++ { i := i; fs = append(fs, func() { use(i) }) }
//
// A three-clause loop whose body also assigns the variable copies it back
// at the end of the body, the header using a fresh name:
//
//	for I := 0; I < n; I++ { i := I; …; I = i }
//
// (left shared when such a body has a continue statement, which would
// skip the copy back).

// perIterationFor rewrites a three-clause loop that captures its variables.
func (r *rewriter) perIterationFor(fs *ast.ForStmt) {
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	vars := loopObjects(init.Lhs)
	if len(vars) == 0 || !captures(fs.Body, vars) {
		return
	}
	names := objectNames(init.Lhs, vars)
	if !assigns(fs.Body, vars) {
		r.copyAtTop(fs.Body, names)
		return
	}
	if hasContinue(fs.Body) {
		return
	}
	outer := make(map[*ast.Object]string, len(vars))
	var fresh, back []string
	for _, n := range names {
		f := r.fresh("L")
		fresh = append(fresh, f)
		back = append(back, f+" = "+n)
	}
	for _, id := range init.Lhs {
		if id, ok := id.(*ast.Ident); ok && vars[id.Obj] {
			outer[id.Obj] = fresh[indexOf(names, id.Name)]
		}
	}
	for _, part := range []ast.Node{fs.Init, fs.Cond, fs.Post} {
		if part == nil {
			continue
		}
		ast.Inspect(part, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && outer[id.Obj] != "" {
				r.replace(id.Pos(), id.End(), outer[id.Obj])
			}
			return true
		})
	}
	r.replace(fs.Body.Lbrace+1, fs.Body.Lbrace+1, " "+strings.Join(names, ", ")+" := "+strings.Join(fresh, ", ")+";")
	r.replace(fs.Body.Rbrace, fs.Body.Rbrace, "; "+strings.Join(back, "; ")+"\n")
}

// perIterationRange rewrites a range loop that captures its variables.
func (r *rewriter) perIterationRange(rs *ast.RangeStmt) {
	if rs.Tok != token.DEFINE {
		return
	}
	var lhs []ast.Expr
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e != nil {
			lhs = append(lhs, e)
		}
	}
	vars := loopObjects(lhs)
	if len(vars) > 0 && captures(rs.Body, vars) {
		r.copyAtTop(rs.Body, objectNames(lhs, vars))
	}
}

// copyAtTop declares fresh copies of names at the top of body.
func (r *rewriter) copyAtTop(body *ast.BlockStmt, names []string) {
	list := strings.Join(names, ", ")
	r.replace(body.Lbrace+1, body.Lbrace+1, " "+list+" := "+list+";")
}

// loopObjects returns the objects of the named (not _) loop variables.
func loopObjects(lhs []ast.Expr) map[*ast.Object]bool {
	vars := map[*ast.Object]bool{}
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" && id.Obj != nil {
			vars[id.Obj] = true
		}
	}
	return vars
}

// objectNames returns the names of lhs that are in vars, in order.
func objectNames(lhs []ast.Expr, vars map[*ast.Object]bool) []string {
	var names []string
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); ok && vars[id.Obj] {
			names = append(names, id.Name)
		}
	}
	return names
}

// captures reports whether body refers to one of vars inside a func
// literal or takes its address.
func captures(body ast.Node, vars map[*ast.Object]bool) bool {
	found := false
	var walk func(n ast.Node, inFunc bool)
	walk = func(n ast.Node, inFunc bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if !inFunc {
					walk(n.Body, true)
					return false
				}
			case *ast.UnaryExpr:
				if id, ok := n.X.(*ast.Ident); ok && n.Op == token.AND && vars[id.Obj] {
					found = true
				}
			case *ast.Ident:
				if inFunc && vars[n.Obj] {
					found = true
				}
			}
			return !found
		})
	}
	walk(body, false)
	return found
}

// assigns reports whether body assigns one of vars.
func assigns(body ast.Node, vars map[*ast.Object]bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && vars[id.Obj] && n.Tok != token.DEFINE {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := n.X.(*ast.Ident); ok && vars[id.Obj] {
				found = true
			}
		}
		return !found
	})
	return found
}

// hasContinue reports whether body has a continue statement.
func hasContinue(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.CONTINUE {
			found = true
		}
		return !found
	})
	return found
}

// indexOf returns the index of s in list, or -1.
func indexOf(list []string, s string) int {
	for k, v := range list {
		if v == s {
			return k
		}
	}
	return -1
}
