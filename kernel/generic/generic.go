// Package generic instantiates the kernel's own implementations of the
// standard library's generic packages (cmp, slices, maps: the packages of
// that name below this one) for the type arguments of a call, as plain
// functions that the interpreter runs without its generics:
//
//	slices.SortFunc(people, byAge)
//	→ gophlowslices_SortFunc_1a2b3c4d(people, byAge)
//	  with func gophlowslices_SortFunc_1a2b3c4d(x ([]person), cmp func(a, b (person)) int) { … }
//
// Each type parameter is replaced by its argument (in parentheses if it
// starts with * or a keyword), each
// call of another template function (written with explicit type
// arguments) by that function's instance, and iter.Seq and iter.Seq2 by
// the func types they stand for. The templates are also what go/types
// sees for these packages (Importer), so that the kernel's checker knows
// the type arguments of every call.
package generic

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"hash/fnv"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// modulePath is the import path prefix of the templates.
const modulePath = "github.com/gophlow/gophlow/kernel/generic/"

// Packages are the standard packages the templates implement, in the order
// they import each other.
var Packages = []string{"cmp", "slices", "maps"}

// Supplements are the standard packages whose generic functions alone the
// templates implement (the interpreter's tables hold the rest): errors'
// AsType, sync's OnceValue and OnceValues, iter's Pull and Pull2. The
// checker sees the standard package with these functions declared
// (package symtypes).
var Supplements = []string{"errors", "sync", "iter"}

// coroPath is the import path of package coro, which the iter templates
// call: compiled code the session provides to the cells as its runtime.
const coroPath = modulePath + "coro"

// Library is the parsed and type-checked templates.
type Library struct {
	fset  *token.FileSet
	pkgs  map[string]*template // by standard import path
	extra map[string]*template // the supplements, by standard import path
}

// template is one template package.
type template struct {
	path  string
	types *types.Package
	info  *types.Info
	funcs map[string]*ast.FuncDecl
	src   map[*ast.FuncDecl][]byte // the source of the file declaring each
	base  map[*ast.FuncDecl]int    // the file's offset in fset
}

// Load parses and type-checks the templates in fsys (a directory per
// package of Packages); next imports everything else (iter).
func Load(fsys fs.FS, next types.Importer) (*Library, error) {
	l := &Library{fset: token.NewFileSet(), pkgs: map[string]*template{}, extra: map[string]*template{}}
	coro, err := l.checkCoro(fsys, next)
	if err != nil {
		return nil, err
	}
	imp := l.Importer(importerFunc(func(p string) (*types.Package, error) {
		if p == coroPath && coro != nil {
			return coro, nil
		}
		return next.Import(p)
	}))
	for _, p := range append(Packages, Supplements...) {
		names, err := fs.Glob(fsys, p+"/*.go")
		if err != nil {
			return nil, err
		}
		t := &template{path: p, funcs: map[string]*ast.FuncDecl{}, src: map[*ast.FuncDecl][]byte{}, base: map[*ast.FuncDecl]int{}}
		var files []*ast.File
		for _, n := range names {
			if strings.HasSuffix(n, "_test.go") {
				continue
			}
			src, err := fs.ReadFile(fsys, n)
			if err != nil {
				return nil, err
			}
			f, err := parser.ParseFile(l.fset, path.Base(n), src, parser.SkipObjectResolution)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
			base := l.fset.File(f.Pos()).Base()
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
					t.funcs[fd.Name.Name], t.src[fd], t.base[fd] = fd, src, base
				}
			}
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("generic: no templates for %s", p)
		}
		t.info = &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: imp}
		supplement := !slices.Contains(Packages, p)
		checkPath := p
		if supplement {
			checkPath = modulePath + p // the standard package p keeps its path
		}
		pkg, err := conf.Check(checkPath, l.fset, files, t.info)
		if err != nil {
			return nil, fmt.Errorf("generic: the %s templates: %v", p, err)
		}
		t.types = pkg
		if supplement {
			l.extra[p] = t
		} else {
			l.pkgs[p] = t
		}
	}
	return l, nil
}

// checkCoro type-checks package coro from fsys, if it holds it.
func (l *Library) checkCoro(fsys fs.FS, next types.Importer) (*types.Package, error) {
	src, err := fs.ReadFile(fsys, "coro/coro.go")
	if err != nil {
		return nil, nil // templates without it
	}
	f, err := parser.ParseFile(l.fset, "coro.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	pkg, err := (&types.Config{Importer: next}).Check(coroPath, l.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, fmt.Errorf("generic: package coro: %v", err)
	}
	return pkg, nil
}

// Has reports whether the library implements the package at path.
func (l *Library) Has(path string) bool { return l.pkgs[path] != nil }

// Importer returns an importer giving the templates for their packages
// (under their standard paths and their own) and next's packages otherwise.
func (l *Library) Importer(next types.Importer) types.Importer {
	return importerFunc(func(p string) (*types.Package, error) {
		if t := l.pkgs[strings.TrimPrefix(p, modulePath)]; t != nil && t.types != nil {
			return t.types, nil
		}
		return next.Import(p)
	})
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(p string) (*types.Package, error) { return f(p) }

// Instantiate returns the name of the instance of function name of the
// package at path for the type arguments (Go source, valid where the
// instance is declared), and the declarations of it and of every instance
// it calls, sorted by name.
func (l *Library) Instantiate(path, name string, typeArgs []string) (string, []string, error) {
	t := l.pkgs[path]
	if t == nil {
		t = l.extra[path]
	}
	if t == nil {
		return "", nil, fmt.Errorf("generic: no package %s", path)
	}
	m := &mono{l: l, decls: map[string]string{}, names: map[string]string{}}
	fn, err := m.instance(t, name, typeArgs)
	if err != nil {
		return "", nil, err
	}
	names := make([]string, 0, len(m.decls))
	for n := range m.decls {
		names = append(names, n)
	}
	sort.Strings(names)
	decls := make([]string, len(names))
	for k, n := range names {
		decls[k] = m.decls[n]
	}
	return fn, decls, nil
}

// mono is one instantiation in progress.
type mono struct {
	l     *Library
	decls map[string]string // instance name → declaration
	names map[string]string // instance key → instance name
}

// instance declares the instance of t's function name for args.
func (m *mono) instance(t *template, name string, args []string) (string, error) {
	args = append([]string(nil), args...)
	for k, a := range args {
		args[k] = bare(a)
	}
	key := t.path + "." + name + "[" + strings.Join(args, "; ") + "]"
	if fn, ok := m.names[key]; ok {
		return fn, nil
	}
	fd := t.funcs[name]
	if fd == nil {
		return "", fmt.Errorf("generic: %s.%s has no template", t.path, name)
	}
	var params []*ast.Ident
	if fd.Type.TypeParams != nil {
		for _, f := range fd.Type.TypeParams.List {
			params = append(params, f.Names...)
		}
	}
	if len(params) != len(args) {
		return "", fmt.Errorf("generic: %s.%s takes %d type arguments, not %d", t.path, name, len(params), len(args))
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	fn := fmt.Sprintf("gophlow%s_%s_%08x", t.path, name, h.Sum32())
	m.names[key] = fn
	subst := map[types.Object]string{}
	for k, p := range params {
		subst[t.info.Defs[p]] = enclosed(args[k])
	}
	r := &renderer{m: m, t: t, fd: fd, subst: subst}
	r.edit(fd.Name, fn)
	if fd.Type.TypeParams != nil {
		r.editSpan(fd.Type.TypeParams.Pos(), fd.Type.TypeParams.End(), "")
	}
	r.walk(fd)
	if r.err != nil {
		return "", r.err
	}
	m.decls[fn] = r.text(fd.Pos(), fd.End())
	return fn, nil
}

// bare returns a type without the parentheses around it.
func bare(t string) string {
	t = strings.TrimSpace(t)
	for strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		depth := 0
		for k, c := range t {
			switch c {
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth == 0 && k < len(t)-1 {
				return t // "(a) (b)": the parentheses are not around all
			}
		}
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	return t
}

// enclosed returns a type as it can replace a type parameter anywhere:
// in parentheses when it starts with an operator or keyword that would
// bind differently (*T(x) is a dereference).
func enclosed(t string) string {
	for _, p := range []string{"*", "func", "chan", "<-"} {
		if strings.HasPrefix(t, p) {
			return "(" + t + ")"
		}
	}
	return t
}

// renderer writes one instance.
type renderer struct {
	m     *mono
	t     *template
	fd    *ast.FuncDecl
	subst map[types.Object]string
	edits []span
	err   error
}

type span struct {
	start, end int
	text       string
}

func (r *renderer) offset(p token.Pos) int { return int(p) - r.t.base[r.fd] }

func (r *renderer) edit(n ast.Node, text string) { r.editSpan(n.Pos(), n.End(), text) }

func (r *renderer) editSpan(start, end token.Pos, text string) {
	r.edits = append(r.edits, span{r.offset(start), r.offset(end), text})
}

func (r *renderer) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("generic: %s.%s: %s", r.t.path, r.fd.Name.Name, fmt.Sprintf(format, args...))
	}
}

// text returns the source from start to end with the edits inside it.
func (r *renderer) text(start, end token.Pos) string {
	src := r.t.src[r.fd]
	s, e := r.offset(start), r.offset(end)
	var mine []span
	for _, x := range r.edits {
		if x.start >= s && x.end <= e {
			mine = append(mine, x)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool { return mine[i].start < mine[j].start })
	var b strings.Builder
	at := s
	for _, x := range mine {
		if x.start < at {
			continue // inside an edit already made
		}
		b.Write(src[at:x.start])
		b.WriteString(x.text)
		at = x.end
	}
	b.Write(src[at:e])
	return b.String()
}

// walk records the edits of the instance below n.
func (r *renderer) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if r.err != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.IndexExpr:
			return r.indexed(n, n.X, []ast.Expr{n.Index})
		case *ast.IndexListExpr:
			return r.indexed(n, n.X, n.Indices)
		case *ast.SelectorExpr:
			if obj, ok := r.templateFunc(n.Sel); ok {
				r.call(n, obj, nil)
				return false
			}
		case *ast.Ident:
			if s, ok := r.subst[r.t.info.Uses[n]]; ok {
				r.edit(n, s)
			} else if obj, ok := r.templateFunc(n); ok {
				r.call(n, obj, nil)
			}
		}
		return true
	})
}

// templateFunc returns the template function id refers to, if any.
func (r *renderer) templateFunc(id *ast.Ident) (*types.Func, bool) {
	f, ok := r.t.info.Uses[id].(*types.Func)
	if !ok || f.Pkg() == nil || r.m.l.pkgs[f.Pkg().Path()] == nil || f.Parent() != f.Pkg().Scope() {
		return nil, false
	}
	return f, true
}

// indexed handles x[args]: an explicitly instantiated template function
// or iter.Seq/Seq2; it reports whether to look inside.
func (r *renderer) indexed(n ast.Expr, x ast.Expr, args []ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	if sel, isSel := x.(*ast.SelectorExpr); isSel {
		id, ok = sel.Sel, true
	}
	if !ok {
		return true
	}
	f, isFunc := r.templateFunc(id)
	tn, isType := r.t.info.Uses[id].(*types.TypeName)
	isIter := isType && tn.Pkg() != nil && tn.Pkg().Path() == "iter"
	if !isFunc && !isIter {
		return true
	}
	texts := make([]string, len(args))
	for k, a := range args {
		r.walk(a)
		texts[k] = r.text(a.Pos(), a.End())
	}
	if isFunc {
		r.call(n, f, texts)
		return false
	}
	if isIter {
		switch {
		case tn.Name() == "Seq" && len(texts) == 1:
			r.edit(n, "func(yield func("+texts[0]+") bool)")
			return false
		case tn.Name() == "Seq2" && len(texts) == 2:
			r.edit(n, "func(yield func("+texts[0]+", "+texts[1]+") bool)")
			return false
		}
	}
	return true
}

// call replaces n, a use of template function f with type arguments
// args, by its instance's name.
func (r *renderer) call(n ast.Node, f *types.Func, args []string) {
	if sig := f.Type().(*types.Signature); sig.TypeParams().Len() != len(args) {
		r.fail("%s is called without its type arguments written out", f.Name())
		return
	}
	fn, err := r.m.instance(r.m.l.pkgs[f.Pkg().Path()], f.Name(), args)
	if err != nil {
		r.err = err
		return
	}
	r.edit(n, fn)
}
