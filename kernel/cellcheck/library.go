package cellcheck

import (
	"fmt"
	"go/types"
)

// Generic types of the standard library. The interpreter's symbol tables
// cannot hold a generic type; package symtypes declares sync/atomic's
// Pointer[T] for the checker, and a unit whose cells import sync/atomic is
// checked with a template of the kernel's own standing for it. A use of
// atomic.Pointer[T] is a use of that template: its instance is written out
// as the cells' own templates' are (mono.go), a struct holding an
// atomic.Value of a box around the pointer.

// atomicPointer is the template for sync/atomic's Pointer; %[1]s is the
// name the cells import sync/atomic by.
const atomicPointer = `type gophlowatomicPointer[T any] struct{ v %[1]s.Value }

type gophlowatomicBox[T any] struct{ p *T }

func (x *gophlowatomicPointer[T]) Load() *T {
	b, _ := x.v.Load().(gophlowatomicBox[T])
	return b.p
}

func (x *gophlowatomicPointer[T]) Store(val *T) { x.v.Store(gophlowatomicBox[T]{val}) }

func (x *gophlowatomicPointer[T]) Swap(new *T) (old *T) {
	b, _ := x.v.Swap(gophlowatomicBox[T]{new}).(gophlowatomicBox[T])
	return b.p
}

func (x *gophlowatomicPointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	if x.v.CompareAndSwap(gophlowatomicBox[T]{old}, gophlowatomicBox[T]{new}) {
		return true
	}
	return old == nil && x.v.CompareAndSwap(nil, gophlowatomicBox[T]{new})
}
`

// libraryTemplates returns the templates a unit with imports is checked
// with.
func libraryTemplates(imports map[string]string) string {
	for name, path := range imports {
		if path == "sync/atomic" && name != "_" && name != "." {
			return fmt.Sprintf(atomicPointer, name)
		}
	}
	return ""
}

// LibraryType reports whether name of the package at path is a generic
// type the kernel provides a template for.
func LibraryType(path, name string) bool { return path == "sync/atomic" && name == "Pointer" }

// libraryTemplate returns the template standing for obj, a generic type of
// the standard library, or nil.
func (u *unit) libraryTemplate(obj types.Object) types.Object {
	if _, ok := obj.(*types.TypeName); !ok || obj.Pkg() == nil || !LibraryType(obj.Pkg().Path(), obj.Name()) || u.pkg == nil {
		return nil
	}
	return u.pkg.Scope().Lookup("gophlowatomicPointer")
}

// libraryWritten returns how the cells write obj's instance for args and
// how reflect names it (atomic.Pointer[string]), when obj is a generic type
// of the standard library.
func (u *unit) libraryWritten(obj types.Object, args []typeText) (written, display string, ok bool) {
	if u.libraryTemplate(obj) == nil {
		return "", "", false
	}
	pkg := obj.Pkg().Name()
	for name, path := range u.ctx.Imports {
		if path == obj.Pkg().Path() {
			pkg = name
		}
	}
	return pkg + "." + writtenOf(obj.Name(), args), obj.Pkg().Name() + "." + displayOf(obj.Name(), args)[len("main."):], true
}
