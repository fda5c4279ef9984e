// Package symtypes gives go/types a view of the packages the interpreter
// has: it builds a *types.Package from a yaegi symbol table (import path →
// name → reflect.Value), so that a cell can be type-checked against exactly
// the API the kernel can call.
//
// A table holds functions, variables (addressable values), types (nil
// pointers to the type), typed constants (values) and untyped constants
// (go/constant values). Types are converted from reflect: named types with
// their exported methods (unexported ones are not visible to a cell
// anyway), struct fields including unexported ones (so that struct
// identity holds), interfaces with all their methods. Generic functions and
// types are not in the tables, so they are undefined here as they are in
// the interpreter; an instantiated generic type met through reflect is
// opaque (types.Invalid). Packages of generic types only (iter) come from
// small stub sources instead (see stubs).
package symtypes

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"strings"
)

// Importer implements types.Importer over symbol tables. It is not safe
// for concurrent use.
type Importer struct {
	tables []map[string]map[string]reflect.Value // keyed "import/path/name"
	pkgs   map[string]*types.Package             // by path, filled or not
	filled map[string]bool
	named  map[reflect.Type]types.Type
}

// New returns an importer of the packages in tables (the first table that
// has a path wins).
func New(tables ...map[string]map[string]reflect.Value) *Importer {
	return &Importer{tables: tables, pkgs: map[string]*types.Package{}, filled: map[string]bool{}, named: map[reflect.Type]types.Type{}}
}

// Import returns the package at path with every symbol of its table.
func (im *Importer) Import(p string) (*types.Package, error) {
	if p == "unsafe" {
		return types.Unsafe, nil
	}
	if src, ok := stubs[p]; ok {
		return im.stub(p, src)
	}
	symbols, name, ok := im.table(p)
	if !ok {
		return nil, fmt.Errorf("package %q is not available in this kernel", p)
	}
	pkg := im.pkg(p, name)
	if im.filled[p] {
		return pkg, nil
	}
	im.filled[p] = true
	scope := pkg.Scope()
	for sym, v := range symbols {
		if strings.HasPrefix(sym, "_") || !token.IsExported(sym) {
			continue
		}
		if obj := im.object(pkg, sym, v); obj != nil {
			scope.Insert(obj)
		}
	}
	if src, ok := generics[p]; ok {
		if err := im.declareGenerics(pkg, src); err != nil {
			return nil, err
		}
	}
	pkg.MarkComplete()
	return pkg, nil
}

// declareGenerics adds the functions src declares to pkg's scope.
func (im *Importer) declareGenerics(pkg *types.Package, src string) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, pkg.Path()+".go", "package "+pkg.Name()+"\n"+src, 0)
	if err != nil {
		return err
	}
	decls, err := (&types.Config{Importer: im}).Check(pkg.Path(), fset, []*ast.File{f}, nil)
	if err != nil {
		return err
	}
	for _, name := range decls.Scope().Names() {
		if pkg.Scope().Lookup(name) == nil {
			pkg.Scope().Insert(decls.Scope().Lookup(name))
		}
	}
	return nil
}

// table finds path's symbols and package name.
func (im *Importer) table(p string) (map[string]reflect.Value, string, bool) {
	for _, t := range im.tables {
		for key, symbols := range t {
			if path.Dir(key) == p {
				return symbols, path.Base(key), true
			}
		}
	}
	return nil, "", false
}

// pkg returns the one package object of path p.
func (im *Importer) pkg(p, name string) *types.Package {
	if pkg, ok := im.pkgs[p]; ok {
		return pkg
	}
	if name == "" {
		if _, n, ok := im.table(p); ok {
			name = n
		} else {
			name = path.Base(p)
		}
	}
	pkg := types.NewPackage(p, name)
	im.pkgs[p] = pkg
	return pkg
}

var constantValue = reflect.TypeOf((*constant.Value)(nil)).Elem()

// object converts one symbol.
func (im *Importer) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	t := v.Type()
	switch {
	case t.Implements(constantValue) && (t.PkgPath() == "go/constant" || t.Kind() == reflect.Pointer && t.Elem().PkgPath() == "go/constant"):
		c := v.Interface().(constant.Value)
		kinds := map[constant.Kind]types.BasicKind{constant.Bool: types.UntypedBool, constant.String: types.UntypedString,
			constant.Int: types.UntypedInt, constant.Float: types.UntypedFloat, constant.Complex: types.UntypedComplex}
		return types.NewConst(token.NoPos, pkg, name, types.Typ[kinds[c.Kind()]], c)
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, im.typeOf(t))
	case t.Kind() == reflect.Pointer && v.IsNil():
		target := t.Elem()
		tt := im.typeOf(target)
		if n, ok := tt.(*types.Named); ok && n.Obj().Pkg() == pkg && n.Obj().Name() == name {
			return n.Obj()
		}
		// Another name for a type (os.FileMode = fs.FileMode).
		tn := types.NewTypeName(token.NoPos, pkg, name, nil)
		types.NewAlias(tn, tt)
		return tn
	case t.Kind() == reflect.Func:
		return types.NewFunc(token.NoPos, pkg, name, im.signature(t, nil))
	}
	if c := constantOf(v); c != nil {
		return types.NewConst(token.NoPos, pkg, name, im.typeOf(t), c)
	}
	return nil
}

// stubs are packages that have only generic types and functions, which
// the tables cannot hold: their declarations, for type-checking (the
// session writes their types out and calls its own instances of their
// functions, so the interpreter never imports them).
var stubs = map[string]string{
	"iter": `package iter

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)

func Pull[V any](seq Seq[V]) (func() (V, bool), func()) { panic(0) }

func Pull2[K, V any](seq Seq2[K, V]) (func() (K, V, bool), func()) { panic(0) }
`,
}

// generics declares the generic functions and types of packages whose
// tables lack them (extraction skips them), for type-checking; the session
// runs its own instances of them (package generic's supplements, and
// cellcheck's templates for the types).
var generics = map[string]string{
	"errors": `func AsType[E error](err error) (E, bool) { panic(0) }
`,
	"sync": `func OnceValue[T any](f func() T) func() T { panic(0) }

func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) { panic(0) }
`,
	"sync/atomic": `type Pointer[T any] struct{ _ [0]*T }

func (x *Pointer[T]) Load() *T { panic(0) }

func (x *Pointer[T]) Store(val *T) {}

func (x *Pointer[T]) Swap(new *T) (old *T) { panic(0) }

func (x *Pointer[T]) CompareAndSwap(old, new *T) (swapped bool) { panic(0) }
`,
}

// IsStub reports whether the package at path exists only for the type
// checker (see stubs).
func IsStub(path string) bool { _, ok := stubs[path]; return ok }

// stub type-checks a stub package.
func (im *Importer) stub(p, src string) (*types.Package, error) {
	if pkg, ok := im.pkgs[p]; ok && im.filled[p] {
		return pkg, nil
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p+".go", src, 0)
	if err != nil {
		return nil, err
	}
	pkg, err := (&types.Config{Importer: im}).Check(p, fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[p], im.filled[p] = pkg, true
	return pkg, nil
}

// constantOf returns the value of a typed constant, or nil.
func constantOf(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.String:
		return constant.MakeString(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(c)), token.ADD, constant.MakeImag(constant.MakeFloat64(imag(c))))
	}
	return nil
}

var basicKinds = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.String: types.String, reflect.Int: types.Int, reflect.Int8: types.Int8,
	reflect.Int16: types.Int16, reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint,
	reflect.Uint8: types.Uint8, reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.UnsafePointer: types.UnsafePointer,
}

// typeOf converts t; named types are made once.
func (im *Importer) typeOf(t reflect.Type) types.Type {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			if t.Kind() == reflect.Interface { // error
				return types.Universe.Lookup("error").Type()
			}
			return types.Typ[basicKinds[t.Kind()]]
		}
		if n, ok := im.named[t]; ok {
			return n
		}
		if strings.ContainsAny(t.Name(), "[]") { // an instantiated generic type
			if t.PkgPath() == "iter" && t.Kind() == reflect.Func {
				// iter.Seq[string] (strings.Lines) as the func type it
				// stands for, which inference matches with iter.Seq[T].
				return im.structure(t)
			}
			im.named[t] = types.Typ[types.Invalid]
			return types.Typ[types.Invalid]
		}
		tn := types.NewTypeName(token.NoPos, im.pkg(t.PkgPath(), ""), t.Name(), nil)
		n := types.NewNamed(tn, nil, nil)
		im.named[t] = n
		n.SetUnderlying(im.structure(t))
		if t.Kind() != reflect.Interface {
			im.methods(n, t)
		}
		return n
	}
	return im.structure(t)
}

// methods adds t's exported methods to n: those of T with a value
// receiver, the others of *T with a pointer receiver.
func (im *Importer) methods(n *types.Named, t reflect.Type) {
	value := map[string]bool{}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		value[m.Name] = true
		recv := types.NewVar(token.NoPos, n.Obj().Pkg(), "", n)
		n.AddMethod(types.NewFunc(token.NoPos, n.Obj().Pkg(), m.Name, im.signature(m.Type, recv)))
	}
	pt := reflect.PointerTo(t)
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		if value[m.Name] {
			continue
		}
		recv := types.NewVar(token.NoPos, n.Obj().Pkg(), "", types.NewPointer(n))
		n.AddMethod(types.NewFunc(token.NoPos, n.Obj().Pkg(), m.Name, im.signature(m.Type, recv)))
	}
}

// structure converts the structure of t (its underlying type).
func (im *Importer) structure(t reflect.Type) types.Type {
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(im.typeOf(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(im.typeOf(t.Elem()))
	case reflect.Array:
		return types.NewArray(im.typeOf(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(im.typeOf(t.Key()), im.typeOf(t.Elem()))
	case reflect.Chan:
		dir := map[reflect.ChanDir]types.ChanDir{reflect.BothDir: types.SendRecv, reflect.SendDir: types.SendOnly, reflect.RecvDir: types.RecvOnly}[t.ChanDir()]
		return types.NewChan(dir, im.typeOf(t.Elem()))
	case reflect.Func:
		return im.signature(t, nil)
	case reflect.Struct:
		fields := make([]*types.Var, t.NumField())
		tags := make([]string, t.NumField())
		for i := range fields {
			f := t.Field(i)
			var pkg *types.Package
			if f.PkgPath != "" {
				pkg = im.pkg(f.PkgPath, "")
			}
			fields[i] = types.NewField(token.NoPos, pkg, f.Name, im.typeOf(f.Type), f.Anonymous)
			tags[i] = string(f.Tag)
		}
		return types.NewStruct(fields, tags)
	case reflect.Interface:
		methods := make([]*types.Func, t.NumMethod())
		for i := range methods {
			m := t.Method(i)
			var pkg *types.Package
			if m.PkgPath != "" {
				pkg = im.pkg(m.PkgPath, "")
			}
			methods[i] = types.NewFunc(token.NoPos, pkg, m.Name, im.signature(m.Type, nil))
		}
		return types.NewInterfaceType(methods, nil).Complete()
	}
	if k, ok := basicKinds[t.Kind()]; ok {
		return types.Typ[k]
	}
	return types.Typ[types.Invalid]
}

// signature converts a func type; with recv, t's first parameter is the
// receiver and is left out.
func (im *Importer) signature(t reflect.Type, recv *types.Var) *types.Signature {
	first := 0
	if recv != nil {
		first = 1
	}
	var params, results []*types.Var
	for i := first; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", im.typeOf(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", im.typeOf(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}
