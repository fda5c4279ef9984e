package stdsyms

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
)

// needTables skips a test when the build fell back to yaegi's tables.
func needTables(t *testing.T) {
	t.Helper()
	if GoVersion == "" {
		t.Skipf("this toolchain (%s) is older than the tables (%s): Symbols holds yaegi's own tables", runtime.Version(), generatedWith)
	}
}

// release returns the "go1.N" of a Go version ("go1.26.8" → "go1.26").
func release(v string) string {
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 {
		return v
	}
	minor := parts[1]
	if i := strings.IndexAny(minor, "br"); i > 0 { // go1.27rc1, go1.27beta1
		minor = minor[:i]
	}
	return parts[0] + "." + minor
}

// TestToolchainRelease fails when the tests run on a newer release than the
// tables were generated with: the tables then miss its new API.
func TestToolchainRelease(t *testing.T) {
	needTables(t)
	if got, want := release(runtime.Version()), release(generatedWith); got != want {
		t.Errorf("tables were generated with %s, this is %s: run go generate ./kernel/stdsyms", generatedWith, runtime.Version())
	}
	if GoVersion != release(generatedWith) {
		t.Errorf("release.go says %s, generated_test.go %s: regenerate", GoVersion, generatedWith)
	}
}

// TestStdPackagesCovered checks that every package of the installed
// toolchain's `go list std` has a table or a recorded reason to have none.
func TestStdPackagesCovered(t *testing.T) {
	needTables(t)
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	listed := map[string]bool{}
	for _, path := range strings.Fields(string(out)) {
		if path == "internal" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal") || strings.HasPrefix(path, "vendor/") {
			continue
		}
		listed[path] = true
		_, isExcluded := excluded[path]
		if !isExcluded && !slices.Contains(generatedPackages, path) {
			t.Errorf("%s is new in the standard library: run go generate ./kernel/stdsyms", path)
		}
	}
	for _, path := range generatedPackages {
		if !listed[path] {
			t.Errorf("%s has a table but is not in go list std", path)
		}
		// Elsewhere, tables constrained to a platform (syscall) are missing.
		if _, ok := Symbols[path+"/"+packageName(t, path)]; !ok && runtime.GOOS+"/"+runtime.GOARCH == generatedOn {
			t.Errorf("%s: no table in Symbols", path)
		}
	}
	for path := range excluded {
		if _, ok := Symbols[path+"/"+filepath.Base(path)]; ok {
			t.Errorf("%s is excluded but has a table", path)
		}
	}
}

// TestDocListsExclusions checks that the package doc names every excluded
// package.
func TestDocListsExclusions(t *testing.T) {
	src, err := os.ReadFile("stdsyms.go")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := strings.Cut(string(src), "\npackage stdsyms")
	for path := range excluded {
		if !strings.Contains(doc, path) {
			t.Errorf("the package doc does not mention the excluded package %s (%s)", path, excluded[path])
		}
	}
}

func packageName(t *testing.T, path string) string {
	t.Helper()
	pkg, err := build.Default.Import(path, ".", 0)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return pkg.Name
}

// exportedAPI parses the package's Go files in the installed toolchain
// (those the build would use) and returns the exported names yaegi extract
// keeps: functions, types, vars and consts that are not generic, less
// constraint interfaces.
func exportedAPI(t *testing.T, importPath string) (pkgName string, names map[string]bool) {
	t.Helper()
	pkg, err := build.Default.Import(importPath, ".", 0)
	if err != nil {
		t.Fatalf("%s: %v", importPath, err)
	}
	names = map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range append(pkg.GoFiles, pkg.CgoFiles...) {
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
						if s.Name.IsExported() && s.TypeParams == nil && !isConstraint(s.Type) {
							names[s.Name.Name] = true
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
	return pkg.Name, names
}

// isConstraint reports whether a type expression is an interface usable
// only as a constraint (it has a ~T or a union element).
func isConstraint(e ast.Expr) bool {
	it, ok := e.(*ast.InterfaceType)
	if !ok {
		return false
	}
	for _, m := range it.Methods.List {
		if len(m.Names) == 0 {
			switch m.Type.(type) {
			case *ast.UnaryExpr, *ast.BinaryExpr:
				return true
			}
		}
	}
	return false
}

// TestTablesMatchToolchain checks a sample of the tables against the
// installed toolchain's sources: a Go release that adds to these packages
// fails here until the tables are regenerated.
func TestTablesMatchToolchain(t *testing.T) {
	needTables(t)
	for _, path := range []string{"strings", "bytes", "fmt", "log", "log/slog", "os", "os/exec", "time", "errors", "io", "reflect", "sync", "net/http", "math/rand/v2"} {
		pkgName, want := exportedAPI(t, path)
		table, ok := Symbols[path+"/"+pkgName]
		if !ok {
			t.Errorf("%s: no table", path)
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
			t.Errorf("%s: the tables (%s) do not match %s: missing %v, no longer exported %v: run go generate ./kernel/stdsyms", path, generatedWith, runtime.Version(), missing, extra)
		}
	}
}

// TestTableShape checks every table: valid values, and interface wrappers
// that implement their interface (when it has no unexported methods).
func TestTableShape(t *testing.T) {
	needTables(t)
	if _, ok := Symbols["."]["MapTypes"]; !ok {
		t.Error(`Symbols["."] has no MapTypes`)
	}
	for key, table := range Symbols {
		if key == "." {
			continue
		}
		if strings.Count(key, "/") < 1 {
			t.Errorf("key %q is not import/path/name", key)
		}
		for name, v := range table {
			if !v.IsValid() {
				t.Errorf("%s.%s is not a valid reflect.Value", key, name)
				continue
			}
			if !strings.HasPrefix(name, "_") {
				continue
			}
			iface := table[name[1:]].Type().Elem()
			if iface.Kind() != reflect.Interface {
				t.Errorf("%s: wrapper %s for %v, not an interface", key, name, iface)
				continue
			}
			unexported := false
			for i := range iface.NumMethod() {
				unexported = unexported || !iface.Method(i).IsExported()
			}
			if w := v.Type().Elem(); !unexported && !w.Implements(iface) {
				t.Errorf("%s: wrapper %v does not implement %v", key, w, iface)
			}
			// yaegi looks the wrapper up in the interface's own package
			// (os.FileInfo is an alias of fs.FileInfo: io/fs's _FileInfo).
			if home := iface.PkgPath(); home != filepath.Dir(key) {
				if _, ok := Symbols[home+"/"+filepath.Base(home)][name]; !ok {
					t.Errorf("%s: %s is an alias of %v, whose package has no wrapper %s", key, name[1:], iface, name)
				}
			}
		}
	}
}

// TestTablesAreRegenerated runs the generator into a temporary directory
// and compares its files byte for byte with the committed ones. It
// type-checks the whole standard library from source, several minutes, so
// it runs only with GOPHLOW_CHECK_GENERATED=1.
func TestTablesAreRegenerated(t *testing.T) {
	if os.Getenv("GOPHLOW_CHECK_GENERATED") != "1" {
		t.Skip("set GOPHLOW_CHECK_GENERATED=1 to regenerate and compare every table (minutes)")
	}
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/gen", "-dir", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./internal/gen: %v\n%s", err, out)
	}
	fresh, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	committed, _ := filepath.Glob("*.go")
	isGenerated := map[string]bool{}
	for _, f := range committed {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.HasPrefix(src, []byte("// Code generated ")) {
			isGenerated[f] = true
		}
	}
	for _, f := range fresh {
		name := filepath.Base(f)
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: not committed: run go generate ./kernel/stdsyms", name)
			continue
		}
		delete(isGenerated, name)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./kernel/stdsyms", name)
		}
	}
	for name := range isGenerated {
		t.Errorf("%s is generated but the generator no longer writes it: delete it", name)
	}
}
