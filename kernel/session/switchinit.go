package session

import "go/ast"

// switchInit moves a switch's init statement into a block around it: yaegi
// gets some switches with an init statement wrong (in a loop, the cases of
// switch parts := f(c); parts[0] never match). The block keeps the init's
// variables scoped to the switch:
//
//	switch x := f(); x {…}   →   { x := f(); switch x {…} }
//
// A labelled switch is left alone (break L must name the switch).
func (r *rewriter) switchInit(n ast.Stmt) {
	var init ast.Stmt
	var body *ast.BlockStmt
	var tag ast.Node
	switch s := n.(type) {
	case *ast.SwitchStmt:
		init, body = s.Init, s.Body
		if s.Tag != nil {
			tag = s.Tag
		}
	case *ast.TypeSwitchStmt:
		init, body, tag = s.Init, s.Body, s.Assign
	}
	if init == nil {
		return
	}
	if _, labelled := r.parents[n].(*ast.LabeledStmt); labelled {
		return
	}
	next := body.Lbrace
	if tag != nil {
		next = tag.Pos()
	}
	r.replace(n.Pos(), init.Pos(), "{ ")
	r.replace(init.End(), next, "; switch ")
	r.replace(body.End(), body.End(), " }")
}
