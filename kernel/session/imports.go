package session

import (
	"context"
	"fmt"
	"go/ast"
	"path"
	"reflect"
	"strings"

	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/gophlow/gophlow/kernel/symbols"
	"github.com/gophlow/gophlow/kernel/symtypes"
)

// autoImports are the preloaded packages a cell may use without importing
// them, by name.
var autoImports = map[string]string{
	"display": "github.com/gophlow/gophlow/kernel/display",
	"fmlib":   "github.com/gophlow/gophlow/fmlib",
	"nn":      "github.com/gophlow/gophlow/fmlib/nn",
	"plots":   "github.com/gophlow/gophlow/plots",
}

// autoImport imports the preloaded packages that segs use by their name
// without importing them (or defining the name).
func (s *Session) autoImport(ctx context.Context, cell int, segs []*segment) error {
	var b strings.Builder
	added := map[string]string{}
	for _, sg := range segs {
		for _, id := range sg.file.Unresolved {
			p, ok := autoImports[id.Name]
			if !ok || added[id.Name] != "" || s.scope.names[id.Name] || s.defined(id.Name) {
				continue
			}
			if _, ok := symbols.Symbols[p+"/"+id.Name]; !ok {
				continue
			}
			added[id.Name] = p
			b.WriteString(directive(0, 1, 1, false) + fmt.Sprintf("import %q\n", p))
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := s.run(ctx, cell, b.String(), nil); err != nil {
		return err
	}
	for name, p := range added {
		s.imports[name] = p
	}
	return nil
}

// runImports imports the packages a cell names, skipping those already
// imported under the same name (yaegi refuses a second import, and
// re-running a cell is the most common thing a notebook does).
func (s *Session) runImports(ctx context.Context, cell int, segs []*segment) error {
	var b strings.Builder
	added := map[string]string{}
	for _, sg := range segs {
		for _, sp := range sg.decl.(*ast.GenDecl).Specs {
			is := sp.(*ast.ImportSpec)
			p := strings.Trim(is.Path.Value, "\"`")
			name := packageName(p)
			if is.Name != nil {
				name = is.Name.Name
			}
			if s.imports[name] == p || added[name] == p {
				continue
			}
			if symtypes.IsStub(p) {
				// Only its types exist: the checker writes them out.
				s.imports[name] = p
				continue
			}
			line, col := sg.position(sg.offset(is.Pos()))
			b.WriteString(directive(cell, line, col, false) + "import " + sg.text[sg.offset(is.Pos()):sg.offset(is.End())] + "\n")
			if name != "_" && name != "." {
				added[name] = p
			}
		}
	}
	if b.Len() == 0 {
		return nil
	}
	if err := s.run(ctx, cell, b.String(), segs); err != nil {
		return err
	}
	for name, p := range added {
		s.imports[name] = p
	}
	return nil
}

// packageName returns the name of the package at import path p, as the
// symbol tables know it ("math/rand/v2" → "rand").
func packageName(p string) string {
	for _, table := range []map[string]map[string]reflect.Value{stdsyms.Symbols, symbols.Symbols} {
		for key := range table {
			if path.Dir(key) == p {
				return path.Base(key)
			}
		}
	}
	return path.Base(p)
}
