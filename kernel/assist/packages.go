package assist

import (
	"go/constant"
	"reflect"
	"sort"
	"strings"
)

// pkgRef is one package of the symbol table.
type pkgRef struct {
	path    string // import path, "gonum.org/v1/gonum/mat"
	name    string // package name, "mat"
	symbols map[string]reflect.Value
}

// splitKey splits an interp.Exports key "import/path/pkgname" into the
// import path and the package name.
func splitKey(key string) (path, name string) {
	i := strings.LastIndexByte(key, '/')
	if i < 0 {
		return key, key
	}
	return key[:i], key[i+1:]
}

// packageByPath finds the package with the given import path.
func packageByPath(packages map[string]map[string]reflect.Value, path string) (pkgRef, bool) {
	for key, syms := range packages {
		if p, n := splitKey(key); p == path {
			return pkgRef{path: p, name: n, symbols: syms}, true
		}
	}
	return pkgRef{}, false
}

// packageByName finds the package a bare name most plausibly refers to when
// nothing says which import it came from: among the packages called name, the
// one with the fewest path elements, then the shortest path, then the first
// in lexical order ("rand" is math/rand, not crypto/rand or math/rand/v2).
func packageByName(packages map[string]map[string]reflect.Value, name string) (pkgRef, bool) {
	var best pkgRef
	found := false
	for key, syms := range packages {
		p, n := splitKey(key)
		if n != name {
			continue
		}
		if !found || pathBefore(p, best.path) {
			best, found = pkgRef{path: p, name: n, symbols: syms}, true
		}
	}
	return best, found
}

func pathBefore(a, b string) bool {
	ea, eb := strings.Count(a, "/"), strings.Count(b, "/")
	if ea != eb {
		return ea < eb
	}
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// packageNames lists the distinct package names of the symbol table.
func packageNames(packages map[string]map[string]reflect.Value) []string {
	seen := map[string]bool{}
	var names []string
	for key := range packages {
		_, n := splitKey(key)
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// importPaths lists the import paths of the symbol table, sorted.
func importPaths(packages map[string]map[string]reflect.Value) []string {
	var paths []string
	for key := range packages {
		p, _ := splitKey(key)
		paths = append(paths, p)
	}
	sort.Strings(paths)
	return paths
}

var constantValueType = reflect.TypeOf((*constant.Value)(nil)).Elem()

// symbolKind classifies an exported symbol of the table the way yaegi
// stores it: "function", "variable" (addressable), "type" (nil *T) or
// "constant" (a typed value or a go/constant.Value).
func symbolKind(v reflect.Value) string {
	switch {
	case !v.IsValid():
		return ""
	case v.CanAddr():
		return "variable"
	case v.Kind() == reflect.Func:
		return "function"
	case v.Kind() == reflect.Pointer && v.IsNil():
		return "type"
	default:
		return "constant"
	}
}

// isUntypedConstant reports whether v holds a go/constant.Value, yaegi's
// form of an untyped constant.
func isUntypedConstant(v reflect.Value) bool {
	return v.IsValid() && v.Type().Implements(constantValueType) && !v.CanAddr()
}
