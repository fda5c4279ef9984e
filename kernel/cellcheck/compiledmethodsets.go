package cellcheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"sync"
)

// CompiledMethodSets are interfaces the runtime declares as compiled types
// (by these names), for the method sets package errors looks for without
// naming a type (an error's Unwrap, Is and As). yaegi never matches a
// compiled value against an interface the cells declare or write, so an
// assertion of one to interface{ Unwrap() []error } (errors.Join's error)
// tries the compiled type of the same method set (interfaceassertions.go).
var CompiledMethodSets = map[string]string{
	"Unwrapper":      "interface{ Unwrap() error }",
	"MultiUnwrapper": "interface{ Unwrap() []error }",
	"ErrorMatcher":   "interface{ Is(error) bool }",
	"ErrorTarget":    "interface{ As(any) bool }",
}

// methodSets are CompiledMethodSets as go/types interfaces, by name.
var methodSets = sync.OnceValue(func() map[string]*types.Interface {
	src := "package p\n"
	for name, iface := range CompiledMethodSets {
		src += "type " + name + " " + iface + "\n"
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "methodsets.go", src, 0)
	if err != nil {
		panic(err)
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		panic(err)
	}
	sets := map[string]*types.Interface{}
	for name := range CompiledMethodSets {
		sets[name] = pkg.Scope().Lookup(name).Type().Underlying().(*types.Interface)
	}
	return sets
})

// compiledMethodSet returns the runtime's name of the compiled interface
// with iface's method set, or "".
func compiledMethodSet(iface *types.Interface) string {
	names := make([]string, 0, len(CompiledMethodSets))
	for name := range CompiledMethodSets {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if types.Identical(methodSets()[name], iface) {
			return name
		}
	}
	return ""
}
