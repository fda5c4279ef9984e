package cellcheck

import "go/types"

// cellTypes are the named types the cells declare at package level, as the
// rewrites that look for the cells' types need them; computed once a unit.
type cellTypes struct {
	structs    []*types.Named // non-generic struct types
	hasMethods bool           // a non-interface type has methods
}

// cellTypes returns the unit's cell types.
func (u *unit) cellTypes() *cellTypes {
	if u.types != nil {
		return u.types
	}
	u.types = &cellTypes{}
	if u.pkg == nil {
		return u.types
	}
	scope := u.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if n.NumMethods() > 0 && !types.IsInterface(n) {
			u.types.hasMethods = true
		}
		if _, ok := n.Underlying().(*types.Struct); ok && n.TypeParams().Len() == 0 {
			u.types.structs = append(u.types.structs, n)
		}
	}
	return u.types
}
