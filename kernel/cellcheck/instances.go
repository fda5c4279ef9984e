package cellcheck

import (
	"go/ast"
	"go/types"
)

// Instance is a use of a generic function of a package the checker's
// Generic reports, with its type arguments written out: the session
// replaces Parts[Part].Text[Start:End] (the function, with any explicit
// type arguments) by a plain function for those arguments (see package
// generic).
type Instance struct {
	Part, Start, End int
	Path, Name       string
	TypeArgs         []string
}

// instance records x, a use of a generic function, if it is one of a
// package Generic reports; it reports whether x was one.
func (u *unit) instance(x ast.Expr) bool {
	fun := x
	switch ix := x.(type) {
	case *ast.IndexExpr:
		fun = ix.X
	case *ast.IndexListExpr:
		fun = ix.X
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || u.generic == nil {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	pkg, ok := u.info.Uses[id].(*types.PkgName)
	if !ok || !u.generic(pkg.Imported().Path()) {
		return false
	}
	inst, ok := u.info.Instances[sel.Sel]
	if !ok {
		return false
	}
	args := make([]string, inst.TypeArgs.Len())
	for i := range args {
		t := inst.TypeArgs.At(i)
		if hasTypeParam(t, map[types.Type]bool{}) {
			return false // the instance would be declared where T is not
		}
		if args[i] = u.typeExpr(t); args[i] == "" {
			return false
		}
	}
	k, start := u.locate(x.Pos())
	_, end := u.locate(x.End())
	if k < 0 {
		return false
	}
	u.res.Instances = append(u.res.Instances, Instance{Part: k, Start: start, End: end,
		Path: pkg.Imported().Path(), Name: sel.Sel.Name, TypeArgs: args})
	return true
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		args := t.TypeArgs()
		for i := 0; i < args.Len(); i++ {
			if hasTypeParam(args.At(i), seen) {
				return true
			}
		}
	case *types.Alias:
		return hasTypeParam(types.Unalias(t), seen)
	case *types.Pointer:
		return hasTypeParam(t.Elem(), seen)
	case *types.Slice:
		return hasTypeParam(t.Elem(), seen)
	case *types.Array:
		return hasTypeParam(t.Elem(), seen)
	case *types.Chan:
		return hasTypeParam(t.Elem(), seen)
	case *types.Map:
		return hasTypeParam(t.Key(), seen) || hasTypeParam(t.Elem(), seen)
	case *types.Signature:
		return hasTypeParam(t.Params(), seen) || hasTypeParam(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if hasTypeParam(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasTypeParam(t.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}
