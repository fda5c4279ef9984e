// Package templateview hands text/template and html/template the data of
// a cell's Execute call with the methods of the cells' types in it. The
// interpreter's values have no methods in compiled eyes, so a template's
// {{.Total}} of a method failed ("can't evaluate field Total"). The cells
// register each method a template can call — exported, without
// parameters, one result — of their struct types (Registry.Register); an
// Execute becomes the registry's Execute, which gives the template a view
// of the data: each struct value of a type with registered methods the
// template names becomes a struct of its fields and those methods'
// results, computed before the template runs, and slices, arrays, maps,
// pointers and interfaces holding such values are copied around their
// views. A view prints as the value it shows (through package showfmt),
// and errors name it as the cells' type.
//
// Compared with Go: a method runs once per value (Go runs it wherever
// the template evaluates it), even in a branch the template does not
// take; a method with arguments, or with an error result, is not found.
package templateview

import (
	"fmt"
	htmltemplate "html/template"
	"io"
	"reflect"
	"sort"
	"sync"
	"text/template"
	"text/template/parse"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// Registry holds the cells' methods by the reflect type of their
// receivers.
type Registry struct {
	mu      sync.Mutex
	methods map[reflect.Type]map[string]func(any) any
}

// Register records method name of zero's type: fn calls it on a value of
// that type.
func (r *Registry) Register(zero any, name string, fn func(any) any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.methods == nil {
		r.methods = map[reflect.Type]map[string]func(any) any{}
	}
	t := reflect.TypeOf(zero)
	if r.methods[t] == nil {
		r.methods[t] = map[string]func(any) any{}
	}
	r.methods[t][name] = fn
}

// Execute is tmpl.Execute(w, data) for a *text/template.Template or an
// *html/template.Template, with data viewed as the template needs it.
func (r *Registry) Execute(tmpl any, w io.Writer, data any) error {
	t, names, err := parsed(tmpl)
	if err != nil {
		return err
	}
	return t.Execute(w, r.view(names, data))
}

// ExecuteTemplate is tmpl.ExecuteTemplate(w, name, data), as Execute.
func (r *Registry) ExecuteTemplate(tmpl any, w io.Writer, name string, data any) error {
	t, names, err := parsed(tmpl)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, name, r.view(names, data))
}

// executor is what text/template's and html/template's templates share.
type executor interface {
	Execute(w io.Writer, data any) error
	ExecuteTemplate(w io.Writer, name string, data any) error
}

// parsed returns tmpl as an executor, with the names its templates name.
func parsed(tmpl any) (executor, map[string]bool, error) {
	var trees []*parse.Tree
	var t executor
	switch x := tmpl.(type) {
	case *template.Template:
		for _, d := range x.Templates() {
			trees = append(trees, d.Tree)
		}
		t = x
	case *htmltemplate.Template:
		for _, d := range x.Templates() {
			trees = append(trees, d.Tree)
		}
		t = x
	default:
		return nil, nil, fmt.Errorf("templateview: %T is not a template", tmpl)
	}
	names := map[string]bool{}
	for _, tree := range trees {
		if tree != nil {
			collectNames(tree.Root, names)
		}
	}
	return t, names, nil
}

// collectNames adds the names n's field, chain and variable nodes name.
func collectNames(n parse.Node, names map[string]bool) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			collectNames(c, names)
		}
	case *parse.ActionNode:
		collectNames(n.Pipe, names)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			collectNames(c, names)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			collectNames(a, names)
		}
	case *parse.FieldNode:
		for _, id := range n.Ident {
			names[id] = true
		}
	case *parse.ChainNode:
		collectNames(n.Node, names)
		for _, id := range n.Field {
			names[id] = true
		}
	case *parse.VariableNode:
		for _, id := range n.Ident[1:] {
			names[id] = true
		}
	case *parse.IfNode:
		collectBranch(&n.BranchNode, names)
	case *parse.RangeNode:
		collectBranch(&n.BranchNode, names)
	case *parse.WithNode:
		collectBranch(&n.BranchNode, names)
	case *parse.TemplateNode:
		collectNames(n.Pipe, names)
	}
}

// collectBranch adds the names of an if, range or with.
func collectBranch(b *parse.BranchNode, names map[string]bool) {
	collectNames(b.Pipe, names)
	collectNames(b.List, names)
	collectNames(b.ElseList, names)
}

// view returns data as the template sees it.
func (r *Registry) view(names map[string]bool, data any) any {
	r.mu.Lock()
	empty := len(r.methods) == 0
	r.mu.Unlock()
	if empty || data == nil {
		return data
	}
	v := viewer{r: r, names: names, types: map[reflect.Type]reflect.Type{}, building: map[reflect.Type]bool{}}
	return v.value(reflect.ValueOf(data)).Interface()
}

// viewer makes the views of one Execute.
type viewer struct {
	r        *Registry
	names    map[string]bool
	types    map[reflect.Type]reflect.Type // type → its view's type (itself when it has none)
	building map[reflect.Type]bool         // struct types whose view is being made
}

// Printed is a view's first field, embedded: its Format prints the value
// the view shows (the original, as the compiled program prints it).
type Printed struct{ value any }

// Format prints the value the view shows.
func (p Printed) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), showfmt.Registered(p.value))
}

var (
	anyType     = reflect.TypeFor[any]()
	printedType = reflect.TypeFor[Printed]()
)

// methodsOf returns the registered methods of t the template names, by
// name (sorted).
func (v *viewer) methodsOf(t reflect.Type) []string {
	v.r.mu.Lock()
	defer v.r.mu.Unlock()
	var found []string
	for name := range v.r.methods[t] {
		if v.names[name] {
			found = append(found, name)
		}
	}
	for name := range v.r.methods[reflect.PointerTo(t)] {
		if v.names[name] && !contains(found, name) {
			found = append(found, name)
		}
	}
	sort.Strings(found)
	return found
}

// contains reports whether names holds name.
func contains(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// typeOf returns the type of t's view, or t when its values need none.
// A struct type met again while its view is made (a recursive type) is
// viewed as any: its values go in as interfaces.
func (v *viewer) typeOf(t reflect.Type) reflect.Type {
	if vt, ok := v.types[t]; ok {
		return vt
	}
	if v.building[t] {
		return anyType
	}
	vt := t
	switch t.Kind() {
	case reflect.Struct:
		v.building[t] = true
		vt = v.structView(t)
		delete(v.building, t)
	case reflect.Pointer:
		if e := v.typeOf(t.Elem()); e != t.Elem() {
			vt = reflect.PointerTo(e)
		}
	case reflect.Slice:
		if e := v.typeOf(t.Elem()); e != t.Elem() {
			vt = reflect.SliceOf(e)
		}
	case reflect.Array:
		if e := v.typeOf(t.Elem()); e != t.Elem() {
			vt = reflect.ArrayOf(t.Len(), e)
		}
	case reflect.Map:
		if e := v.typeOf(t.Elem()); e != t.Elem() {
			vt = reflect.MapOf(t.Key(), e)
		}
	}
	v.types[t] = vt
	return vt
}

// structView returns the view type of struct type t: Printed, t's
// fields with their views' types, then the methods the template names as
// fields of type any; t itself when nothing changes.
func (v *viewer) structView(t reflect.Type) reflect.Type {
	methods := v.methodsOf(t)
	fields := []reflect.StructField{{Name: "Printed", Type: printedType, Anonymous: true}}
	changed := len(methods) > 0
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Name == "Printed" || contains(methods, f.Name) {
			return t // a compiled struct, or a name the view needs
		}
		ft := v.typeOf(f.Type)
		changed = changed || ft != f.Type
		// Embedded as in t (the interpreter embeds a struct's only field),
		// unless the type has methods, which reflect embeds only first.
		embedded := f.Anonymous && ft.NumMethod() == 0 && (ft.Kind() != reflect.Pointer || ft.Elem().NumMethod() == 0)
		fields = append(fields, reflect.StructField{Name: f.Name, Type: ft, Tag: f.Tag, Anonymous: embedded})
	}
	if !changed {
		return t
	}
	for _, m := range methods {
		fields = append(fields, reflect.StructField{Name: m, Type: anyType})
	}
	vt := reflect.StructOf(fields)
	if name := showfmt.NameTypes(t.String()); name != t.String() {
		showfmt.RegisterName(vt, name)
	}
	return vt
}

// value returns x's view, or x when it needs none.
func (v *viewer) value(x reflect.Value) reflect.Value {
	if !x.IsValid() {
		return x
	}
	if x.Kind() == reflect.Interface {
		if x.IsNil() {
			return x
		}
		e := v.value(x.Elem())
		if e.Type() == x.Elem().Type() {
			return x
		}
		out := reflect.New(x.Type()).Elem()
		out.Set(e)
		return out
	}
	vt := v.typeOf(x.Type())
	if vt == x.Type() {
		return x
	}
	out := reflect.New(vt).Elem()
	switch x.Kind() {
	case reflect.Struct:
		v.fillStruct(out, x)
	case reflect.Pointer:
		if x.IsNil() {
			return out
		}
		p := reflect.New(vt.Elem())
		if x.Elem().Kind() == reflect.Struct {
			v.fillStruct(p.Elem(), x.Elem())
		} else {
			v.set(p.Elem(), x.Elem())
		}
		out.Set(p)
	case reflect.Slice:
		if x.IsNil() {
			return out
		}
		out.Set(reflect.MakeSlice(vt, x.Len(), x.Len()))
		for i := 0; i < x.Len(); i++ {
			v.set(out.Index(i), x.Index(i))
		}
	case reflect.Array:
		for i := 0; i < x.Len(); i++ {
			v.set(out.Index(i), x.Index(i))
		}
	case reflect.Map:
		if x.IsNil() {
			return out
		}
		out.Set(reflect.MakeMapWithSize(vt, x.Len()))
		it := x.MapRange()
		for it.Next() {
			e := reflect.New(vt.Elem()).Elem()
			v.set(e, it.Value())
			out.SetMapIndex(it.Key(), e)
		}
	}
	return out
}

// set stores x's view in dst.
func (v *viewer) set(dst, x reflect.Value) {
	if e := v.value(x); e.IsValid() {
		dst.Set(e)
	}
}

// fillStruct fills out, a view of struct x, calling the methods of x's
// type and of its pointer type (on a copy: Go calls the pointer's only
// on an addressable value, and gives an error elsewhere).
func (v *viewer) fillStruct(out, x reflect.Value) {
	if out.Type() == x.Type() {
		out.Set(x)
		return
	}
	out.Field(0).Set(reflect.ValueOf(Printed{value: x.Interface()}))
	for i := 0; i < x.NumField(); i++ {
		v.set(out.Field(i+1), x.Field(i))
	}
	for i := x.NumField() + 1; i < out.NumField(); i++ {
		name := out.Type().Field(i).Name
		if result, ok := v.call(x, name); ok && result != nil {
			out.Field(i).Set(v.value(reflect.ValueOf(result)))
		}
	}
}

// call calls the registered method name on x.
func (v *viewer) call(x reflect.Value, name string) (any, bool) {
	v.r.mu.Lock()
	fn := v.r.methods[x.Type()][name]
	ptrFn := v.r.methods[reflect.PointerTo(x.Type())][name]
	v.r.mu.Unlock()
	switch {
	case fn != nil:
		return fn(x.Interface()), true
	case ptrFn != nil:
		p := reflect.New(x.Type())
		p.Elem().Set(x)
		return ptrFn(p.Interface()), true
	}
	return nil, false
}
