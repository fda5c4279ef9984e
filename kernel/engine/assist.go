package engine

import (
	"reflect"

	"github.com/gophlow/gophlow/kernel/assist"
	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/gophlow/gophlow/kernel/symbols"
)

// Assist describes the session to the assistant (completion, inspection,
// help): the names and imports of earlier cells and a way to read
// variables' values (for the members of x after "x."), all answered
// without running user code.
func (e *Engine) Assist() assist.Env {
	s := e.cfg.Session
	names := s.Names()
	scope := make([]assist.Name, len(names))
	for i, n := range names {
		scope[i] = assist.Name{Name: n.Name, Kind: n.Kind}
	}
	return assist.Env{Scope: scope, Packages: e.cfg.Packages, Imports: s.Imports(), Value: s.Value}
}

// allPackages merges the standard library's and the preloaded packages'
// symbol tables.
func allPackages() map[string]map[string]reflect.Value {
	all := map[string]map[string]reflect.Value{}
	for _, table := range []map[string]map[string]reflect.Value{stdsyms.Symbols, symbols.Symbols} {
		for k, v := range table {
			all[k] = v
		}
	}
	return all
}
