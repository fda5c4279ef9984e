package session

import (
	"go/ast"
)

// check reports constructs yaegi lacks, with what to write instead.
func (r *rewriter) check() *posError {
	var err *posError
	if d, ok := r.seg.stmt.(*ast.DeferStmt); ok && !r.lifted {
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
		if advice, ok := builtinAdvice[id.Name]; ok && !r.seg.typedAt(call.Pos()) && r.minMaxKind(call.Args) == kindUnknown {
			line, col := r.seg.position(r.seg.offset(id.Pos()))
			err = &posError{line: line, col: col, name: "CompileError", msg: advice}
		}
		return true
	})
	return err
}

var builtinAdvice = map[string]string{
	"min": "the interpreter has min (a Go 1.21 builtin) only for int and float64 arguments it can recognise: convert them (min(int(a), b), min(float64(a), b)), write math.Min(a, b), or compare with an if",
	"max": "the interpreter has max (a Go 1.21 builtin) only for int and float64 arguments it can recognise: convert them (max(int(a), b), max(float64(a), b)), write math.Max(a, b), or compare with an if",
}

// minMaxKind is the kind min or max would be computed in for args: int,
// float64, or unknown (the interpreter has no generic min).
func (r *rewriter) minMaxKind(args []ast.Expr) numKind {
	if len(args) == 0 {
		return kindUnknown
	}
	ints, floats := 0, 0
	for _, a := range args {
		switch r.numericKind(a) {
		case kindInt:
			ints++
		case kindUntypedInt:
		case kindFloat64, kindUntypedFloat:
			floats++
		default:
			return kindUnknown
		}
	}
	switch {
	case ints > 0 && floats > 0:
		return kindUnknown
	case floats > 0:
		return kindFloat64
	}
	return kindInt
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
