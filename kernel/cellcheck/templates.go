package cellcheck

import (
	"go/ast"
	"go/types"
)

// Template errors. text/template and html/template name the type of the
// data in their errors ("can't evaluate field Missing in type main.User"),
// and a value of a cell's type is, to them, the interpreter's struct
// (struct { Name string; … }). A template's Execute or ExecuteTemplate
// call is wrapped in the runtime's TemplateError, which writes the cells'
// struct types by their names:
//
//	err := t.Execute(os.Stdout, u)  →  err := rt.TemplateError(t.Execute(os.Stdout, u))

// templateCall records the rewrite of call when it executes a template.
func (u *unit) templateCall(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if u.runtime == "" || !ok || (sel.Sel.Name != "Execute" && sel.Sel.Name != "ExecuteTemplate") {
		return
	}
	fn, ok := u.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || (fn.Pkg().Path() != "text/template" && fn.Pkg().Path() != "html/template") {
		return
	}
	if s := u.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
		return
	}
	u.wrap(call, u.runtime+"TemplateError(", ")")
}
