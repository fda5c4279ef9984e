package cellcheck

import (
	"go/ast"
	"go/types"
)

// errors.As into a variable of a cell's interface (var t Temporary;
// errors.As(err, &t)). The session's errors.As (compiled) cannot tell
// whether a value implements an interface of the interpreter's, and found
// none. Such a call walks the chain itself, asserting each error as
// interfaceassertions.go writes it:
//
//	errors.As(err, &t)  →  func(gophlowe error, gophlowp *Temporary) bool { for _, gophlowc := range rt.ErrorChain(gophlowe) {
//	        if v, ok := <assertion>(gophlowc); ok { *gophlowp = v; return true } }; return false }(err, &t)
//
// (An error's own As method is not consulted for such a target.)

// errorsAsInterface records the rewrite of call when it is such a call.
func (u *unit) errorsAsInterface(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 2 || u.runtime == "" {
		return
	}
	fn, ok := u.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "As" {
		return
	}
	ptr, ok := underlying(u.info.Types[call.Args[1]].Type).(*types.Pointer)
	if !ok || !types.IsInterface(ptr.Elem()) || u.compiledInterface(ptr.Elem()) {
		return
	}
	errType := types.Universe.Lookup("error").Type()
	assertion := u.assertionLiteral(call.Pos(), errType, ptr.Elem(), true)
	te := u.typeExpr(ptr.Elem())
	if assertion == "" || te == "" {
		return
	}
	k, start := u.locate(call.Pos())
	_, lparen := u.locate(call.Lparen)
	if k < 0 || u.templatePart[k] {
		return
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: lparen + 1,
		Text: "func(gophlowe error, gophlowp *" + te + ") bool { for _, gophlowc := range " + u.runtime + "ErrorChain(gophlowe) { if v, ok := " +
			assertion + "(gophlowc); ok { *gophlowp = v; return true } }; return false }("})
}
