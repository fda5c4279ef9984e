package session

import "go/ast"

// loopClosure makes a func literal passed as an argument in a loop body a
// closure of its own on every iteration. yaegi turns a func literal handed
// to compiled code into one function for all iterations, which then sees
// the last iteration's variables (wg.Go(func() { use(i) }) uses the last
// i each time); made by a call, the closure is a new one each time:
//
//	wg.Go(func() { use(i) })  →  wg.Go(func() func() { return func() { use(i) } }())
func (r *rewriter) loopClosure(lit *ast.FuncLit) {
	call, ok := r.parents[lit].(*ast.CallExpr)
	if !ok || call.Fun == ast.Expr(lit) || !r.inLoop(lit) || r.seg.typedAt(lit.Pos()) {
		return // (the checker's closures.go made it by a call already)
	}
	r.replace(lit.Pos(), lit.Pos(), "func() "+r.typedText(lit.Type)+" { return ")
	r.replace(lit.End(), lit.End(), " }()")
}

// inLoop reports whether n is in the body of a loop of its own function.
func (r *rewriter) inLoop(n ast.Node) bool {
	for p := r.parents[n]; p != nil; p = r.parents[p] {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}
