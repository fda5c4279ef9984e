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
