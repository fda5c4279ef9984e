package symbols

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/traefik/yaegi/extract"
)

// generatedPackages returns the import paths named on the go:generate lines
// of symbols.go that run the extract command.
func generatedPackages(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("symbols.go")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, line := range strings.Split(string(src), "\n") {
		if rest, ok := strings.CutPrefix(line, "//go:generate extract "); ok {
			paths = append(paths, strings.Fields(rest)...)
		}
	}
	if len(paths) == 0 {
		t.Fatal("symbols.go has no //go:generate extract lines")
	}
	return paths
}

// exportedAPI parses the package's Go files (those the build would use) and
// returns the exported names yaegi extract keeps — functions, types, vars
// and consts that are not generic — and the subset that are interfaces.
func exportedAPI(t *testing.T, importPath string) (pkgName string, names, interfaces map[string]bool) {
	t.Helper()
	pkg, err := build.Default.Import(importPath, ".", 0)
	if err != nil {
		t.Fatalf("%s: %v", importPath, err)
	}
	names, interfaces = map[string]bool{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() && d.Type.TypeParams == nil {
					names[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() && s.TypeParams == nil {
							names[s.Name.Name] = true
							if _, ok := s.Type.(*ast.InterfaceType); ok && s.Assign == 0 {
								interfaces[s.Name.Name] = true
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								names[n.Name] = true
							}
						}
					}
				}
			}
		}
	}
	return pkg.Name, names, interfaces
}

// TestTablesMatchPackages checks, quickly, that each committed table lists
// exactly the exported names of its package and has a working wrapper for
// each exported interface: a name added to or removed from a package
// without running go generate ./kernel/symbols fails here.
func TestTablesMatchPackages(t *testing.T) {
	for _, path := range generatedPackages(t) {
		pkgName, want, interfaces := exportedAPI(t, path)
		table, ok := Symbols[path+"/"+pkgName]
		if !ok {
			t.Errorf("%s: no table (run go generate ./kernel/symbols)", path)
			continue
		}
		var missing, extra []string
		for name := range want {
			if _, ok := table[name]; !ok {
				missing = append(missing, name)
			}
		}
		for name := range table {
			if !strings.HasPrefix(name, "_") && !want[name] {
				extra = append(extra, name)
			}
		}
		sort.Strings(missing)
		sort.Strings(extra)
		if len(missing) > 0 || len(extra) > 0 {
			t.Errorf("%s: table is stale (run go generate ./kernel/symbols): missing %v, no longer exported %v", path, missing, extra)
		}
		for name := range interfaces {
			wrapper, ok := table["_"+name]
			if !ok {
				t.Errorf("%s: interface %s has no wrapper _%s", path, name, name)
				continue
			}
			iface := table[name].Type().Elem()
			if w := wrapper.Type().Elem(); !w.Implements(iface) {
				t.Errorf("%s: wrapper %v does not implement %s: the table is stale", path, w, name)
			}
			if got := iface.PkgPath(); got != path {
				t.Errorf("%s: wrapper _%s registered under %s, the interface lives in %s", path, name, path, got)
			}
		}
	}
}

// TestTablesAreRegenerated regenerates every table with the extractor that
// go generate runs and compares it byte for byte with the committed file.
// It type-checks gonum and gonum/plot from source, which takes more than a
// minute on a busy machine, so it runs only with GOPHLOW_CHECK_GENERATED=1;
// TestTablesMatchPackages is the fast check that always runs.
func TestTablesAreRegenerated(t *testing.T) {
	if os.Getenv("GOPHLOW_CHECK_GENERATED") != "1" {
		t.Skip("set GOPHLOW_CHECK_GENERATED=1 to regenerate and compare every table (over a minute)")
	}
	want := map[string]bool{}
	for _, p := range generatedPackages(t) {
		file := strings.NewReplacer("/", "-", ".", "_", "~", "_").Replace(p) + ".go"
		want[file] = true
		committed, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: no committed table: %v", p, err)
			continue
		}
		var buf bytes.Buffer
		ext := extract.Extractor{Dest: "symbols"}
		if _, err := ext.Extract(p, "", &buf); err != nil {
			t.Errorf("%s: extract: %v", p, err)
			continue
		}
		if !bytes.Equal(buf.Bytes(), committed) {
			t.Errorf("%s: committed table %s is stale: run go generate ./kernel/symbols", p, file)
		}
	}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(src, []byte("// Code generated by 'yaegi extract")) && !want[f] {
			t.Errorf("%s is a table for a package no longer listed in symbols.go: delete it", f)
		}
	}
}

// The tables are usable as interp.Exports: keys are "path/name" and every
// value is valid.
func TestTableShape(t *testing.T) {
	for key, table := range Symbols {
		if strings.Count(key, "/") < 1 {
			t.Errorf("key %q is not import/path/name", key)
		}
		for name, v := range table {
			if !v.IsValid() || v.Kind() == reflect.Invalid {
				t.Errorf("%s.%s is not a valid reflect.Value", key, name)
			}
		}
	}
}
