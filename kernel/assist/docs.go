package assist

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// docPackage is the parsed documentation of one package.
type docPackage struct {
	fset   *token.FileSet
	pkg    *doc.Package
	funcs  map[string]*doc.Func // package functions, constructors included
	types  map[string]*doc.Type
	values map[string]docValue
	// bodyEnd records where each function's body ended: go/doc drops the
	// bodies, and detail 1 shows the whole source.
	bodyEnd map[*ast.FuncDecl]token.Pos
}

// docValue is one exported variable or constant and its declaration.
type docValue struct {
	decl *ast.GenDecl
	spec *ast.ValueSpec
	doc  string
}

// docs caches parsed packages by import path; a nil entry records that the
// sources could not be found or parsed.
var docs struct {
	sync.Mutex
	m map[string]*docPackage
}

// forgetDocs drops the cached packages under the import path prefix.
func forgetDocs(prefix string) {
	docs.Lock()
	defer docs.Unlock()
	for p := range docs.m {
		if p == prefix || strings.HasPrefix(p, prefix+"/") {
			delete(docs.m, p)
		}
	}
}

// loadDoc returns the documentation of importPath, parsing its sources on
// first use, or nil when they are not available.
func loadDoc(importPath string) *docPackage {
	docs.Lock()
	if dp, ok := docs.m[importPath]; ok {
		docs.Unlock()
		return dp
	}
	docs.Unlock()
	dp := parseDoc(importPath)
	docs.Lock()
	defer docs.Unlock()
	if docs.m == nil {
		docs.m = map[string]*docPackage{}
	}
	docs.m[importPath] = dp
	return dp
}

// Preload parses the documentation of the given import paths now, so that
// the first Inspect of them is fast. The kernel may call it in the
// background at start-up.
func Preload(importPaths ...string) {
	for _, p := range importPaths {
		loadDoc(p)
	}
}

// parseDoc parses the documentation of importPath from its sources: the
// Go files the default build context selects (builtin.go alone for the
// pseudo-package builtin, which its build constraint excludes).
func parseDoc(importPath string) *docPackage {
	dir := sourceDir(importPath)
	if dir == "" {
		return nil
	}
	names := []string{"builtin.go"}
	if importPath != "builtin" {
		bp, err := build.Default.ImportDir(dir, 0)
		if err != nil && bp == nil {
			return nil
		}
		names = append(bp.GoFiles, bp.CgoFiles...)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range names {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err == nil {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil
	}
	bodyEnd := map[*ast.FuncDecl]token.Pos{}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				bodyEnd[fd] = fd.Body.End()
			}
		}
	}
	var mode doc.Mode
	if importPath == "builtin" {
		mode = doc.AllDecls // its declarations are lower-case
	}
	pkg, err := doc.NewFromFiles(fset, files, importPath, mode)
	if err != nil {
		return nil
	}
	dp := &docPackage{fset: fset, pkg: pkg, funcs: map[string]*doc.Func{}, types: map[string]*doc.Type{}, values: map[string]docValue{}, bodyEnd: bodyEnd}
	addValues := func(vs []*doc.Value) {
		for _, v := range vs {
			for _, spec := range v.Decl.Specs {
				vspec := spec.(*ast.ValueSpec)
				// The spec's own comments first, then the group's.
				var parts []string
				for _, cg := range []*ast.CommentGroup{vspec.Doc, vspec.Comment} {
					if cg != nil {
						parts = append(parts, cg.Text())
					}
				}
				text := strings.Join(append(parts, v.Doc), "\n")
				for _, n := range vspec.Names {
					dp.values[n.Name] = docValue{decl: v.Decl, spec: vspec, doc: text}
				}
			}
		}
	}
	for _, f := range pkg.Funcs {
		dp.funcs[f.Name] = f
	}
	addValues(pkg.Consts)
	addValues(pkg.Vars)
	for _, t := range pkg.Types {
		dp.types[t.Name] = t
		for _, f := range t.Funcs {
			dp.funcs[f.Name] = f
		}
		addValues(t.Consts)
		addValues(t.Vars)
	}
	return dp
}

// text renders a doc comment as plain text, each line indented by four
// spaces as go doc does.
func (dp *docPackage) text(comment string) string {
	if strings.TrimSpace(comment) == "" {
		return ""
	}
	return indent(string(dp.pkg.Text(comment)), "    ")
}

func indent(s, by string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = by + l
		}
	}
	return strings.Join(lines, "\n")
}

// print formats an AST node of the package.
func (dp *docPackage) print(node any) string {
	var b bytes.Buffer
	cfg := printer.Config{Mode: printer.UseSpaces | printer.TabIndent, Tabwidth: 8}
	if err := cfg.Fprint(&b, dp.fset, node); err != nil {
		return ""
	}
	return b.String()
}

// source is the original text of node, comments included.
func (dp *docPackage) source(node ast.Node) string {
	endPos := node.End()
	if fd, ok := node.(*ast.FuncDecl); ok && dp.bodyEnd[fd].IsValid() {
		endPos = dp.bodyEnd[fd]
	}
	start, end := dp.fset.Position(node.Pos()), dp.fset.Position(endPos)
	data, err := os.ReadFile(start.Filename)
	if err != nil || end.Offset > len(data) || start.Offset > end.Offset {
		return dp.print(node)
	}
	return string(data[start.Offset:end.Offset])
}

// funcSignature prints a function or method declaration without its body
// and doc comment.
func (dp *docPackage) funcSignature(f *doc.Func) string {
	decl := *f.Decl
	decl.Doc, decl.Body = nil, nil
	return dp.print(&decl)
}

// describeFunc is the help text of a function or method: the declaration
// (the whole source at detail ≥ 1) and the doc comment.
func (dp *docPackage) describeFunc(f *doc.Func, detail int) string {
	head := dp.funcSignature(f)
	if detail >= 1 {
		head = dp.source(f.Decl)
	}
	return joinParts(head, dp.text(f.Doc))
}

// typeDecl prints the declaration of a type alone, without its doc comment.
// Unexported fields and methods were dropped by go/doc and show as a
// "contains filtered or unexported fields" comment.
func (dp *docPackage) typeDecl(t *doc.Type) string {
	for _, spec := range t.Decl.Specs {
		if ts, ok := spec.(*ast.TypeSpec); ok && ts.Name.Name == t.Name {
			copied := *ts
			copied.Doc, copied.Comment = nil, nil
			return dp.print(&ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{&copied}})
		}
	}
	return "type " + t.Name
}

// describeType is the help text of a type: its declaration, doc comment,
// constructors and method set (with their doc comments at detail ≥ 1).
func (dp *docPackage) describeType(t *doc.Type, detail int) string {
	parts := []string{dp.typeDecl(t), dp.text(t.Doc)}
	for _, group := range [][]*doc.Func{t.Funcs, t.Methods} {
		var lines []string
		for _, f := range group {
			if detail >= 1 {
				lines = append(lines, dp.describeFunc(f, 0))
			} else {
				lines = append(lines, dp.funcSignature(f))
			}
		}
		sep := "\n"
		if detail >= 1 {
			sep = "\n\n"
		}
		parts = append(parts, strings.Join(lines, sep))
	}
	return joinParts(parts...)
}

// describeValue is the help text of a variable or constant: its spec (the
// whole group at detail ≥ 1) and its doc comment.
func (dp *docPackage) describeValue(v docValue, detail int) string {
	if detail >= 1 {
		return joinParts(dp.source(v.decl), dp.text(v.doc))
	}
	spec := *v.spec
	spec.Doc, spec.Comment = nil, nil
	return joinParts(dp.print(&ast.GenDecl{Tok: v.decl.Tok, Specs: []ast.Spec{&spec}}), dp.text(v.doc))
}

// describePackage is the help text of a package: its clause and doc.
func (dp *docPackage) describePackage(detail int) string {
	clause := "package " + dp.pkg.Name + " // import \"" + dp.pkg.ImportPath + "\""
	body := dp.text(dp.pkg.Doc)
	if detail < 1 {
		if synopsis := dp.pkg.Synopsis(dp.pkg.Doc); synopsis != "" {
			body = indent(synopsis, "    ")
		}
	}
	return joinParts(clause, body)
}

// joinParts joins the non-empty parts with blank lines.
func joinParts(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimRight(p, "\n"); strings.TrimSpace(p) != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
