package cellcheck

import (
	"go/ast"
	"go/token"
	"go/types"
)

// registrations writes, for each struct type the unit's declarations
// declare, a statement registering it with the runtime's printer (package
// showfmt's registry), so that a value of it held in an interface prints
// as compiled Go prints it, for each Error method, statements registering
// its type's conversion to error (errorassertions.go), and for each method
// a template can call, a statement registering it (templates.go):
//
//	type contact struct{ kind string }  →  rt.Register(rt.Show(*new(contact), "n0 ;…"))
func (u *unit) registrations() {
	if u.runtime == "" {
		return
	}
	for _, d := range u.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			if k, _ := u.locate(fd.Pos()); k >= 0 && u.parts[k].Decl {
				u.res.Registrations = append(u.res.Registrations, u.errorRegistrations(fd)...)
				u.res.Registrations = append(u.res.Registrations, u.templateMethodRegistrations(fd)...)
			}
			continue
		}
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		if k, _ := u.locate(g.Pos()); k < 0 || !u.parts[k].Decl {
			continue
		}
		for _, sp := range g.Specs {
			ts := sp.(*ast.TypeSpec)
			obj := u.info.Defs[ts.Name]
			if obj == nil || ts.TypeParams != nil || ts.Assign.IsValid() {
				continue
			}
			named, ok := obj.Type().(*types.Named)
			if !ok {
				continue
			}
			if _, ok := named.Underlying().(*types.Struct); !ok {
				continue
			}
			u.res.Registrations = append(u.res.Registrations,
				u.runtime+"Register("+u.runtime+"Show(*new("+ts.Name.Name+")"+u.showCall(named, ts.Pos())+"))")
		}
	}
}
