package session

import (
	"go/ast"
	"go/constant"
	"reflect"
	"sort"
	"strings"

	"github.com/gophlow/gophlow/kernel/stdsyms"
	"github.com/gophlow/gophlow/kernel/symbols"
)

// Names lists the identifiers defined so far (for completion), sorted. It
// does not wait for a running cell: it answers as of the last cell that
// ended.
func (s *Session) Names() []Name {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	return append([]Name(nil), s.names...)
}

// Imports maps the local name of each package imported by a cell, and of
// each preloaded package usable without an import (display, fmlib, nn,
// plots), to its import path, as of the last cell that ended.
func (s *Session) Imports() map[string]string {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	m := make(map[string]string, len(s.importsSnap))
	for k, v := range s.importsSnap {
		m[k] = v
	}
	return m
}

// snapshot records what Names and Imports report; s.mu is held.
func (s *Session) snapshot() {
	var names []Name
	globals := s.globals()
	for n, d := range s.store.byName {
		if d.kind == "method" || strings.HasPrefix(n, internalPrefix) {
			continue
		}
		typ := ""
		if v, ok := globals[n]; ok && v.IsValid() && (d.kind == "var" || d.kind == "const") {
			typ = typeName(v)
		}
		names = append(names, Name{Name: n, Kind: d.kind, Type: typ})
	}
	imports := make(map[string]string, len(s.imports))
	for n, p := range autoImports {
		// Usable without an import (see autoImport).
		if _, ok := symbols.Symbols[p+"/"+n]; ok && !s.defined(n) {
			imports[n] = p
		}
	}
	for n, p := range s.imports {
		if _, shadowed := s.store.byName[n]; !shadowed {
			imports[n] = p
			names = append(names, Name{Name: n, Kind: "package"})
		}
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name < names[j].Name })
	s.snapMu.Lock()
	s.names, s.importsSnap = names, imports
	s.snapMu.Unlock()
}

// Value returns the current value of a global variable or constant, without
// running code. While a cell runs it returns false rather than wait.
func (s *Session) Value(name string) (reflect.Value, bool) {
	if strings.HasPrefix(name, internalPrefix) || !s.mu.TryLock() {
		return reflect.Value{}, false
	}
	defer s.mu.Unlock()
	v, ok := s.globals()[name]
	return v, ok && v.IsValid()
}

// globals returns the interpreter's global variables and constants. yaegi's
// Globals panics when a failed compilation left a symbol without a slot;
// then nothing is known.
func (s *Session) globals() (g map[string]reflect.Value) {
	defer func() {
		if recover() != nil {
			g = nil
		}
	}()
	return s.interp.Globals()
}

// pkgPath returns the import path of the package imported as name, or "".
func (s *Session) pkgPath(name string) string { return s.imports[name] }

// pathKind is the numeric kind of the global path[0] followed through the
// fields path[1:], or, when path[0] is an imported package, of its member
// path[1].
func (s *Session) pathKind(path []string) numKind {
	if p, ok := s.imports[path[0]]; ok {
		if len(path) != 2 {
			return kindUnknown
		}
		for _, table := range []map[string]map[string]reflect.Value{stdsyms.Symbols, symbols.Symbols} {
			if v, ok := table[p+"/"+packageName(p)][path[1]]; ok {
				return valueKind(v)
			}
		}
		return kindUnknown
	}
	v, ok := s.globals()[path[0]]
	if !ok {
		return kindUnknown
	}
	return valueKind(fieldPath(v, path[1:]))
}

// typeName is the Go type of a global's value as a user would write it.
func typeName(v reflect.Value) string {
	if v.CanInterface() {
		if c, ok := v.Interface().(constant.Value); ok {
			return "untyped " + strings.ToLower(c.Kind().String())
		}
	}
	return userNames(v.Type().String())
}

// elemKind is the element kind of the global slice path[0] followed
// through the fields path[1:].
func (s *Session) elemKind(path []string) numKind {
	v, ok := s.globals()[path[0]]
	if !ok {
		return kindUnknown
	}
	v = fieldPath(v, path[1:])
	if !v.IsValid() || v.Kind() != reflect.Slice {
		return kindUnknown
	}
	return valueKind(reflect.Zero(v.Type().Elem()))
}

// globalType is the type of the value of global path[0] followed through
// the fields path[1:], or nil.
func (s *Session) globalType(path []string) reflect.Type {
	v, ok := s.globals()[path[0]]
	if !ok {
		return nil
	}
	if v = fieldPath(v, path[1:]); !v.IsValid() {
		return nil
	}
	return v.Type()
}

// funcDecl returns the declaration of the function name, if a cell
// declared one, and its segment.
func (s *Session) funcDecl(name string) (*ast.FuncDecl, *segment) {
	d, ok := s.store.byName[name]
	if !ok || d.kind != "func" {
		return nil, nil
	}
	return d.seg.decl.(*ast.FuncDecl), d.seg
}
