package session

import (
	"go/ast"
)

// check reports constructs yaegi lacks, with what to write instead.
func (r *rewriter) check() *posError {
	var err *posError
	if d, ok := r.seg.stmt.(*ast.DeferStmt); ok {
		line, col := r.seg.position(r.seg.offset(d.Pos()))
		return &posError{line: line, col: col, name: "CompileError",
			msg: "defer at the top level of a cell is not supported (the interpreter would run it again after every later cell): put the code in a function, e.g. func() { defer …; … }()"}
	}
	ast.Inspect(r.root(), func(n ast.Node) bool {
		if err != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		id, ok := call.Fun.(*ast.Ident)
		if !ok || !r.builtin(id) {
			return true
		}
		if advice, ok := builtinAdvice[id.Name]; ok {
			line, col := r.seg.position(r.seg.offset(id.Pos()))
			err = &posError{line: line, col: col, name: "CompileError", msg: advice}
		}
		return true
	})
	return err
}

var builtinAdvice = map[string]string{
	"min": "min (a Go 1.21 builtin) is not available in the interpreter: write math.Min(a, b) for float64 values, or compare with an if",
	"max": "max (a Go 1.21 builtin) is not available in the interpreter: write math.Max(a, b) for float64 values, or compare with an if",
}

// firstRange returns the cell position of the first range statement in
// segs, to point at when yaegi's compiler fails on one.
func firstRange(segs []*segment) (location, bool) {
	for _, sg := range segs {
		var found *ast.RangeStmt
		var root ast.Node = sg.stmt
		if sg.decl != nil {
			root = sg.decl
		}
		ast.Inspect(root, func(n ast.Node) bool {
			if rs, ok := n.(*ast.RangeStmt); ok && found == nil {
				found = rs
			}
			return found == nil
		})
		if found != nil {
			line, col := sg.position(sg.offset(found.Pos()))
			return location{line: line, col: col}, true
		}
	}
	return location{}, false
}
