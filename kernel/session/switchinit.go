package session

import (
	"go/ast"
	"go/token"
)

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

// ifInit moves an if statement's init into a block around it when the init
// is a comma-ok assignment, which commaOkEdits writes as a block of its own
// (not a statement an if header may hold):
//
//	if v, ok = m[k]; ok {…}   →   { { V, OK := m[k]; v, ok = V, OK }; if ok {…} }
//
// In an else branch the block is the else's.
func (r *rewriter) ifInit(n *ast.IfStmt) {
	a, ok := n.Init.(*ast.AssignStmt)
	if !ok || a.Tok != token.ASSIGN || !isCommaOk(a) {
		return
	}
	r.replace(n.Pos(), a.Pos(), "{ ")
	r.replace(a.End(), n.Cond.Pos(), "; if ")
	r.replace(n.End(), n.End(), " }")
}
