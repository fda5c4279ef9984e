package cellcheck

import (
	"go/ast"
	"go/types"
	"strconv"
)

// Templates. A value of a cell's type is, to text/template and
// html/template, the interpreter's struct (struct { Name string; … })
// without methods: {{.Total}} of a method failed, and errors named the
// struct ("can't evaluate field Missing in type struct { … }"). A
// template's Execute or ExecuteTemplate call goes through the runtime's
// (package templateview), which gives the template the methods the cells
// registered (templateMethodRegistrations), and is wrapped in the
// runtime's TemplateError, which writes the cells' struct types by their
// names:
//
//	err := t.Execute(os.Stdout, u)          →  err := rt.TemplateError(rt.TemplateExecute(t, os.Stdout, u))
//	t.ExecuteTemplate(w, "row", u)          →  rt.TemplateError(rt.TemplateExecuteNamed(t, w, "row", u))
//	func (l Line) Total() float64 { … }     →  rt.RegisterTemplateMethod(*new(Line), "Total", func(gophlowa any) any { return gophlowa.(Line).Total() })

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
	k, start := u.locate(call.Pos())
	_, recvEnd := u.locate(sel.X.End())
	_, lparen := u.locate(call.Lparen)
	_, end := u.locate(call.End())
	if k < 0 || call.Ellipsis.IsValid() {
		return
	}
	execute := "TemplateExecute("
	if sel.Sel.Name == "ExecuteTemplate" {
		execute = "TemplateExecuteNamed("
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: u.runtime + "TemplateError(" + u.runtime + execute},
		Edit{Part: k, Start: recvEnd, End: lparen + 1, Text: ", "},
		Edit{Part: k, Start: end, End: end, Text: ")"})
}

// templateMethodRegistrations returns, for fd when it declares a method a
// template can call (exported, without parameters, with one result that
// is not a function or a channel) of a struct type of the cells, the
// statement registering it with the runtime.
func (u *unit) templateMethodRegistrations(fd *ast.FuncDecl) []string {
	if fd.Recv == nil || len(fd.Recv.List) != 1 || !fd.Name.IsExported() {
		return nil
	}
	fn, ok := u.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return nil
	}
	switch sig.Results().At(0).Type().Underlying().(type) {
	case *types.Signature, *types.Chan:
		return nil // a template cannot use it (and yaegi fails on an iter.Seq returned as any)
	}
	recv := sig.Recv().Type()
	te, zero := "", ""
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
		te, zero = "*", "new("
	}
	n, ok := recv.(*types.Named)
	if !ok || n.TypeParams().Len() > 0 || n.Obj().Pkg() != u.pkg {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	name := n.Obj().Name()
	te += name
	if zero == "" {
		zero = "*new(" + name + ")"
	} else {
		zero += name + ")"
	}
	return []string{u.runtime + "RegisterTemplateMethod(" + zero + ", " + strconv.Quote(fd.Name.Name) +
		", func(gophlowa any) any { return gophlowa.(" + te + ")." + fd.Name.Name + "() })"}
}
