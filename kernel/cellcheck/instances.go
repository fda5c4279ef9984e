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
	sel, ok := indexedBase(x).(*ast.SelectorExpr)
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

// indexedBase is what x instantiates (F in F[int], F[K, V]), or x.
func indexedBase(x ast.Expr) ast.Expr {
	switch ix := x.(type) {
	case *ast.IndexExpr:
		return ix.X
	case *ast.IndexListExpr:
		return ix.X
	}
	return x
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type, seen map[types.Type]bool) bool {
	return mentions(t, seen, func(t types.Type) bool {
		_, ok := t.(*types.TypeParam)
		return ok
	})
}

// mentions reports whether match holds for t or a type t is made of:
// elements, keys, fields, parameters and results, type arguments.
func mentions(t types.Type, seen map[types.Type]bool, match func(types.Type) bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false
	}
	seen[t] = true
	if match(t) {
		return true
	}
	var parts []types.Type
	switch t := t.(type) {
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			parts = append(parts, t.TypeArgs().At(i))
		}
	case *types.Pointer:
		parts = append(parts, t.Elem())
	case *types.Slice:
		parts = append(parts, t.Elem())
	case *types.Array:
		parts = append(parts, t.Elem())
	case *types.Chan:
		parts = append(parts, t.Elem())
	case *types.Map:
		parts = append(parts, t.Key(), t.Elem())
	case *types.Signature:
		parts = append(parts, t.Params(), t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			parts = append(parts, t.At(i).Type())
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			parts = append(parts, t.Field(i).Type())
		}
	}
	for _, p := range parts {
		if mentions(p, seen, match) {
			return true
		}
	}
	return false
}
