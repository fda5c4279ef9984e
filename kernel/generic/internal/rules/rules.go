// Package rules checks that the template packages kernel/generic/cmp,
// slices and maps keep to the restrictions the monomorphiser and the
// interpreter need, and that their API matches the standard library's.
// It is only used by tests.
package rules

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ModulePath is the import path prefix of the template packages.
const ModulePath = "github.com/gophlow/gophlow/kernel/generic/"

// Package is a parsed and type-checked package.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	Types *types.Package
	Info  *types.Info
}

// loader type-checks template packages from source and standard packages
// with the source importer.
type loader struct {
	fset *token.FileSet
	root string // the directory holding cmp, slices, maps
	std  types.Importer
	done map[string]*Package
}

func (l *loader) Import(path string) (*types.Package, error) {
	if name, ok := strings.CutPrefix(path, ModulePath); ok {
		p, err := l.load(filepath.Join(l.root, name), path, nil)
		if err != nil {
			return nil, err
		}
		return p.Types, nil
	}
	return l.std.Import(path)
}

// load parses the non-test .go files of dir (or the given sources, by file
// name, when srcs is not nil) and type-checks them.
func (l *loader) load(dir, path string, srcs map[string]string) (*Package, error) {
	if p, ok := l.done[path]; ok && srcs == nil {
		return p, nil
	}
	p := &Package{Fset: l.fset}
	if srcs == nil {
		srcs = map[string]string{}
		names, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			b, err := os.ReadFile(n)
			if err != nil {
				return nil, err
			}
			srcs[n] = string(b)
		}
	}
	var names []string
	for n := range srcs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, err := parser.ParseFile(l.fset, n, srcs[n], parser.ParseComments)
		if err != nil {
			return nil, err
		}
		p.Files = append(p.Files, f)
	}
	p.Info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Uses:       map[*ast.Ident]types.Object{},
		Defs:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: l}
	tp, err := conf.Check(path, l.fset, p.Files, p.Info)
	if err != nil {
		return nil, err
	}
	p.Types = tp
	l.done[path] = p
	return p, nil
}

// Load type-checks the template package in dir (named like its standard
// counterpart, e.g. ".../kernel/generic/slices"); srcs, if not nil, replaces
// the files of the directory (file name → source).
func Load(dir string, srcs map[string]string) (*Package, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	l := &loader{fset: fset, root: filepath.Dir(dir), std: importer.ForCompiler(fset, "source", nil), done: map[string]*Package{}}
	return l.load(dir, ModulePath+filepath.Base(dir), srcs)
}

// Check returns the violations of the body rules in p, one line each.
func Check(p *Package) []string {
	var bad []string
	report := func(n ast.Node, format string, args ...any) {
		bad = append(bad, fmt.Sprintf("%s: %s", p.Fset.Position(n.Pos()), fmt.Sprintf(format, args...)))
	}
	// genericFunc returns the template function an identifier refers to if
	// it is a generic function of one of the template packages.
	genericFunc := func(id *ast.Ident) *types.Func {
		f, ok := p.Info.Uses[id].(*types.Func)
		if !ok || f.Pkg() == nil || !strings.HasPrefix(f.Pkg().Path(), ModulePath) {
			return nil
		}
		if sig, ok := f.Type().(*types.Signature); !ok || sig.TypeParams().Len() == 0 {
			return nil
		}
		return f
	}
	funcIdent := func(e ast.Expr) *ast.Ident {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return e
		case *ast.SelectorExpr:
			return e.Sel
		}
		return nil
	}
	for _, f := range p.Files {
		for _, imp := range f.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			if path != "iter" && path != ModulePath+"cmp" {
				report(imp, "import of %s", path)
			}
		}
		// Identifiers of generic template functions that are explicitly
		// instantiated with all their type arguments.
		explicit := map[*ast.Ident]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			var x ast.Expr
			var nargs int
			switch n := n.(type) {
			case *ast.IndexExpr:
				x, nargs = n.X, 1
			case *ast.IndexListExpr:
				x, nargs = n.X, len(n.Indices)
			default:
				return true
			}
			if id := funcIdent(x); id != nil {
				if fn := genericFunc(id); fn != nil {
					if fn.Type().(*types.Signature).TypeParams().Len() == nargs {
						explicit[id] = true
					} else {
						report(n, "%s instantiated with %d of its type arguments", fn.Name(), nargs)
						explicit[id] = true
					}
				}
			}
			return true
		})
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if ts, ok := s.(*ast.TypeSpec); ok && ts.TypeParams != nil {
						report(ts, "generic type %s", ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil {
					report(d, "method %s", d.Name.Name)
				}
				if d.Doc == nil || !strings.HasPrefix(d.Doc.Text(), d.Name.Name+" ") {
					report(d, "%s lacks a doc comment starting with its name", d.Name.Name)
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if t := p.Info.TypeOf(n); t != nil {
					if _, ok := t.(*types.TypeParam); ok {
						report(n, "composite literal of type parameter type %s", t)
					}
				}
			case *ast.Ident:
				if fn := genericFunc(n); fn != nil && !explicit[n] {
					report(n, "use of %s without explicit type arguments", fn.Name())
				}
				if b, ok := p.Info.Uses[n].(*types.Builtin); ok {
					switch b.Name() {
					case "min", "max", "clear":
						report(n, "use of builtin %s", b.Name())
					}
				}
			case *ast.TypeAssertExpr:
				report(n, "type assertion")
			case *ast.TypeSwitchStmt:
				report(n, "type switch")
			case *ast.RangeStmt:
				if t := p.Info.TypeOf(n.X); t != nil {
					if _, ok := coreType(t).(*types.Signature); ok {
						report(n, "range over function %s", t)
					}
				}
			case *ast.SelectorExpr:
				if sel, ok := p.Info.Selections[n]; ok {
					if _, ok := sel.Recv().(*types.TypeParam); ok {
						report(n, "selector on a value of type parameter type")
					}
				}
			}
			return true
		})
	}
	return bad
}

// coreType returns the underlying type of t, or for a type parameter the
// single underlying type of its type set if there is one.
func coreType(t types.Type) types.Type {
	tp, ok := t.(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Constraint().Underlying().(*types.Interface)
	if iface == nil {
		return nil
	}
	var core types.Type
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		u, ok := iface.EmbeddedType(i).(*types.Union)
		if !ok {
			core = iface.EmbeddedType(i).Underlying()
			continue
		}
		for j := 0; j < u.Len(); j++ {
			ut := u.Term(j).Type().Underlying()
			if core != nil && !types.Identical(core, ut) {
				return nil
			}
			core = ut
		}
	}
	return core
}

// API compares the exported functions and types of p with those of the
// standard package of the same name and returns the differences, one line
// each; constraints from the template cmp package print as cmp.X just like
// those of the standard one.
func API(p *Package) ([]string, error) {
	std, err := importer.ForCompiler(p.Fset, "source", nil).Import(p.Types.Name())
	if err != nil {
		return nil, err
	}
	qual := func(q *types.Package) string { return q.Name() }
	describe := func(o types.Object) string {
		if tn, ok := o.(*types.TypeName); ok {
			return "type " + types.TypeString(tn.Type().Underlying(), qual)
		}
		return types.ObjectString(o, qual)
	}
	var diff []string
	seen := map[string]bool{}
	for _, name := range std.Scope().Names() {
		o := std.Scope().Lookup(name)
		if !o.Exported() {
			continue
		}
		seen[name] = true
		m := p.Types.Scope().Lookup(name)
		if m == nil {
			diff = append(diff, "missing "+describe(o))
			continue
		}
		if want, got := describe(o), describe(m); want != got {
			diff = append(diff, fmt.Sprintf("%s: have %s, want %s", name, got, want))
		}
	}
	for _, name := range p.Types.Scope().Names() {
		if o := p.Types.Scope().Lookup(name); o.Exported() && !seen[name] {
			diff = append(diff, "extra "+describe(o))
		}
	}
	return diff, nil
}

// Test reports, as errors of t, every rule the package in dir breaks and
// every difference of its API from the standard package's.
func Test(t interface {
	Fatal(...any)
	Error(...any)
}, dir string) {
	p, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range Check(p) {
		t.Error(v)
	}
	diff, err := API(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diff {
		t.Error(d)
	}
}
