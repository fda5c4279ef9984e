package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
)

// Local types that share a name. yaegi confuses a type declared in a block
// with another type of the same name (an outer local type, a package
// type): employee{7} is checked against the outer employee. Each local type
// whose name another type of the unit also has gets a name of its own, in
// its declaration and its uses; printing still shows the name as written,
// since the shapes come from the checker's types.

// renameLocalTypes records and writes the new names.
func (u *unit) renameLocalTypes() {
	count := map[string]int{}
	var locals []*types.TypeName
	for _, obj := range u.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		if _, param := tn.Type().(*types.TypeParam); param {
			continue
		}
		count[tn.Name()]++
		if tn.Parent() != u.pkg.Scope() {
			locals = append(locals, tn)
		}
	}
	for _, tn := range locals {
		if count[tn.Name()] > 1 {
			_, off := u.locate(tn.Pos())
			u.localNames[tn] = fmt.Sprintf("gophlow%s%d", tn.Name(), off)
		}
	}
	if len(u.localNames) == 0 {
		return
	}
	for _, uses := range []map[*ast.Ident]types.Object{u.info.Defs, u.info.Uses} {
		for id, obj := range uses {
			tn, ok := obj.(*types.TypeName)
			if !ok || u.localNames[tn] == "" {
				continue
			}
			if k, off := u.locate(id.Pos()); k >= 0 && !u.templatePart[k] {
				u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: off, End: off + len(id.Name), Text: u.localNames[tn]})
			}
		}
	}
}
