package generic

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
	"testing/fstest"
)

// templates is a small library in the form the real one takes.
var templates = fstest.MapFS{
	"cmp/cmp.go": {Data: []byte(`package cmp

type Ordered interface{ ~int | ~float64 | ~string }

func Compare[T Ordered](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
`)},
	"slices/slices.go": {Data: []byte(`package slices

import (
	"iter"

	"github.com/gophlow/gophlow/kernel/generic/cmp"
)

func Sort[S ~[]E, E cmp.Ordered](x S) {
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && cmp.Compare[E](x[j], x[j-1]) < 0; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

func Collect[E any](seq iter.Seq[E]) []E {
	var s []E
	seq(func(v E) bool { s = append(s, v); return true })
	return s
}

func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := Collect[E](seq)
	Sort[[]E, E](s)
	return s
}

func Bad[E any](seq iter.Seq[E]) []E { return Collect(seq) }
`)},
	"maps/maps.go": {Data: []byte(`package maps

import "iter"

func Keys[M ~map[K]V, K comparable, V any](m M) iter.Seq[K] {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
`)},
	"errors/errors.go": {Data: []byte(`package errors

func AsType[E error](err error) (E, bool) { var e E; return e, false }
`)},
	"sync/sync.go": {Data: []byte(`package sync

func OnceValue[T any](f func() T) func() T { return f }
`)},
	"iter/iter.go": {Data: []byte(`package iter

import (
	"iter"

	gophlowrt "github.com/gophlow/gophlow/kernel/generic/coro"
)

func Pull[V any](seq iter.Seq[V]) (func() (V, bool), func()) {
	next, stop := gophlowrt.PullAny(func(yield func(any) bool) { seq(func(v V) bool { return yield(v) }) })
	return func() (V, bool) { v, ok := next(); typed, _ := v.(V); return typed, ok }, stop
}
`)},
	"coro/coro.go": {Data: []byte(`package coro

import "iter"

func PullAny(seq func(yield func(any) bool)) (func() (any, bool), func()) { return iter.Pull(iter.Seq[any](seq)) }
`)},
}

func TestInstancesAreValidGo(t *testing.T) {
	l, err := Load(templates, importer.Default())
	if err != nil {
		t.Fatal(err)
	}
	fn, decls, err := l.Instantiate("slices", "Sorted", []string{"name"})
	if err != nil {
		t.Fatal(err)
	}
	if len(decls) != 4 { // Sorted, Collect, Sort, cmp.Compare
		t.Fatalf("want 4 declarations, got %d:\n%s", len(decls), strings.Join(decls, "\n"))
	}
	keys, kdecls, err := l.Instantiate("maps", "Keys", []string{"map[name]int", "name", "int"})
	if err != nil {
		t.Fatal(err)
	}
	src := "package main\ntype name string\n" + strings.Join(append(decls, kdecls...), "\n") +
		"\nfunc main() { var s []name = " + fn + "(" + keys + "(map[name]int{\"b\": 1, \"a\": 2})); _ = s }\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if _, err := (&types.Config{}).Check("main", fset, []*ast.File{f}, nil); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	for _, d := range decls {
		if strings.Contains(d, "[E") || strings.Contains(d, "iter.") || strings.Contains(d, "cmp.") {
			t.Errorf("a declaration still names the template's generics:\n%s", d)
		}
	}
	// A supplement is instantiated as the packages are, from its own path.
	if once, odecls, err := l.Instantiate("sync", "OnceValue", []string{"name"}); err != nil || len(odecls) != 1 ||
		!strings.HasPrefix(odecls[0], "func "+once+"(f func() name) func() name") {
		t.Errorf("sync.OnceValue[name]: %s %q %v", once, odecls, err)
	}
	// iter.Pull's instance calls package coro under the session's runtime
	// name, with the sequence's types written out.
	if pull, pdecls, err := l.Instantiate("iter", "Pull", []string{"name"}); err != nil || len(pdecls) != 1 ||
		!strings.HasPrefix(pdecls[0], "func "+pull+"(seq func(yield func(name) bool)) (func() (name, bool), func())") ||
		!strings.Contains(pdecls[0], "gophlowrt.PullAny(") {
		t.Errorf("iter.Pull[name]: %s %q %v", pull, pdecls, err)
	}
	again, _, _ := l.Instantiate("slices", "Sorted", []string{"name"})
	other, _, _ := l.Instantiate("slices", "Sorted", []string{"string"})
	if again != fn || other == fn {
		t.Errorf("instance names: %s, %s, %s", fn, again, other)
	}
}

func TestInferenceInATemplateIsRefused(t *testing.T) {
	l, err := Load(templates, importer.Default())
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := l.Instantiate("slices", "Bad", []string{"int"}); err == nil || !strings.Contains(err.Error(), "type arguments") {
		t.Errorf("got %v", err)
	}
	if _, _, err := l.Instantiate("slices", "Sort", []string{"int"}); err == nil {
		t.Error("a wrong number of type arguments is accepted")
	}
}

func TestImporterServesTheTemplates(t *testing.T) {
	l, err := Load(templates, importer.Default())
	if err != nil {
		t.Fatal(err)
	}
	imp := l.Importer(importer.Default())
	for _, p := range []string{"slices", "github.com/gophlow/gophlow/kernel/generic/cmp"} {
		pkg, err := imp.Import(p)
		if err != nil || pkg.Scope().Lookup("Sort") == nil && pkg.Scope().Lookup("Compare") == nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if pkg, err := imp.Import("strings"); err != nil || pkg.Scope().Lookup("Cut") == nil {
		t.Errorf("strings: %v", err)
	}
}
