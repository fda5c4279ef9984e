package cellcheck

import (
	"go/ast"
	"go/types"
	"strconv"
)

// contextKey wraps the key of context.WithValue(parent, key, val) and of
// ctx.Value(key) when its static type is a cell's (not an interface) into
// the runtime's ContextKey with the type's name (see package showfmt).
func (u *unit) contextKey(call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || u.runtime == "" {
		return
	}
	var key ast.Expr
	switch {
	case sel.Sel.Name == "WithValue" && len(call.Args) == 3 && u.fromPackage(sel.Sel, "context"):
		key = call.Args[1]
	case sel.Sel.Name == "Value" && len(call.Args) == 1 && u.contextMethod(sel):
		key = call.Args[0]
	default:
		return
	}
	t := u.info.Types[key].Type
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || types.IsInterface(t) || named.Obj().Pkg() != u.pkg {
		return
	}
	u.wrap(key, u.runtime+"ContextKey(", ", "+strconv.Quote(u.displayName(named))+")")
}

// fromPackage reports whether id names a function of the package at path.
func (u *unit) fromPackage(id *ast.Ident, path string) bool {
	fn, ok := u.info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == path
}

// contextMethod reports whether sel selects a method of a context.Context
// (the receiver's type is context's, or it embeds it).
func (u *unit) contextMethod(sel *ast.SelectorExpr) bool {
	s, ok := u.info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	named, ok := types.Unalias(derefType(s.Recv())).(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == "context"
}
