package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"hash/fnv"
	"sort"
	"strings"
)

// The cells' own generic functions and types. yaegi's generics fail on
// generic types (a method of Pair[K, V], a function returning one) and on
// several inferences, so the session does not give the interpreter the
// cells' generic declarations (templates) at all: the checker writes out
// an instance for each combination of type arguments the cells use, as
// plain Go, and replaces each use by the instance's name:
//
//	type Pair[K comparable, V any] struct{ Key K; Val V }
//	func (p Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }
//	p := Pair[string, int]{"a", 1}.Swap()
//	→ type gophlowPair_1a2b3c4d struct{ Key string; Val int }
//	  func (p gophlowPair_1a2b3c4d) Swap() gophlowPair_5e6f7a8b { return gophlowPair_5e6f7a8b{p.Val, p.Key} }
//	  (and the instance for [int, string])
//	  p := gophlowPair_1a2b3c4d{"a", 1}.Swap()
//
// Inside a template, each type parameter becomes its argument and each
// use of another template (inferred or written out) that template's
// instance, recursively. An instance's name carries a hash of its
// template's text and its arguments, so that the same use gives the same
// instance and a redefined template new ones. Instances are ordinary
// declarations for the session, checked and rewritten like the user's;
// Context.Display gives the name reflect would print for an instance type
// (main.Pair[string,int]).

// MonoFailure starts the message of an instance the checker cannot write.
const MonoFailure = "the kernel cannot instantiate "

// Mono is an instance of a template.
type Mono struct {
	Name    string // the instance's name
	Display string // the type's name as reflect writes it, for a type instance
	Written string // the type as the cells write it (Pair[string, int]), for a type instance
	Text    string // the declaration (a type's with its methods)
}

// IsTemplate reports whether d is a generic declaration: a function or
// type with type parameters, or a method of a generic type.
func IsTemplate(d ast.Decl) bool {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Type.TypeParams != nil {
			return true
		}
		return d.Recv != nil && len(d.Recv.List) == 1 && genericReceiver(d.Recv.List[0].Type)
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return false
		}
		for _, sp := range d.Specs {
			if ts, ok := sp.(*ast.TypeSpec); ok && ts.TypeParams != nil {
				return true
			}
		}
	}
	return false
}

// genericReceiver reports whether a receiver type is written with type
// parameters (T[K, V] or *T[K]).
func genericReceiver(e ast.Expr) bool {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	switch ast.Unparen(e).(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}

// template reports whether obj is a generic function or type of the cells.
func (u *unit) template(obj types.Object) bool {
	if obj != nil && u.libraryTemplate(obj) != nil {
		return true // written out as the kernel's template (library.go)
	}
	if obj == nil || obj.Pkg() != u.pkg || obj.Parent() != u.pkg.Scope() {
		return false
	}
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Type().(*types.Signature).TypeParams().Len() > 0
	case *types.TypeName:
		switch t := obj.Type().(type) {
		case *types.Named:
			return t.TypeParams().Len() > 0
		case *types.Alias:
			return t.TypeParams().Len() > 0
		}
	}
	return false
}

// monoUse replaces x, a use of a template with type arguments known here,
// by the instance's name; it reports whether x was one.
func (u *unit) monoUse(x ast.Expr) bool {
	base := indexedBase(x)
	if sel, ok := base.(*ast.SelectorExpr); ok && base != x {
		base = sel.Sel // atomic.Pointer[T] (library.go)
	}
	ident, ok := base.(*ast.Ident)
	if !ok || !u.template(u.info.Uses[ident]) {
		return false
	}
	k, start := u.locate(x.Pos())
	_, end := u.locate(x.End())
	if k < 0 || u.templatePart[k] {
		return false
	}
	name, err := u.instanceOf(ident, nil)
	if err != nil {
		u.res.Errors = append(u.res.Errors, Error{Part: k, Offset: start, Msg: MonoFailure + ident.Name + " here: " + err.Error()})
		return true
	}
	u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end, Text: name})
	return true
}

// instanceOf names the instance id's use stands for, with the type
// parameters of an enclosing template replaced per subst.
func (u *unit) instanceOf(id *ast.Ident, subst map[*types.TypeParam]typeText) (string, error) {
	inst, ok := u.info.Instances[id]
	if !ok {
		return "", fmt.Errorf("its type arguments are not known")
	}
	args := make([]typeText, inst.TypeArgs.Len())
	for i := range args {
		a, err := u.monoType(inst.TypeArgs.At(i), subst)
		if err != nil {
			return "", err
		}
		args[i] = a
	}
	return u.mono(u.info.Uses[id], args)
}

// typeText is a type written three ways: as Go source valid in a cell
// (with the instances' names), as the cells write it (with the templates'
// names: what later checks see) and as reflect names it.
type typeText struct{ src, written, display string }

// prefixed puts the same prefix before each way of writing t.
func (t typeText) prefixed(p string) typeText {
	return typeText{p + t.src, p + t.written, p + t.display}
}

// monoType writes t with type parameters replaced per subst and the
// cells' generic types by their instances.
func (u *unit) monoType(t types.Type, subst map[*types.TypeParam]typeText) (typeText, error) {
	if !hasTypeParam(t, map[types.Type]bool{}) && !u.hasTemplateInstance(t, map[types.Type]bool{}) {
		src := u.typeExpr(t)
		if src == "" {
			return typeText{}, fmt.Errorf("%s cannot be written in a cell", t)
		}
		return typeText{src, src, u.reflectName(t)}, nil
	}
	each := func(list ...types.Type) ([]typeText, error) {
		out := make([]typeText, len(list))
		for i, e := range list {
			x, err := u.monoType(e, subst)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	}
	wrap := func(prefix string, elem types.Type) (typeText, error) {
		e, err := each(elem)
		if err != nil {
			return typeText{}, err
		}
		return e[0].prefixed(prefix), nil
	}
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		if a, ok := subst[t]; ok {
			return a, nil
		}
		return typeText{}, fmt.Errorf("type parameter %s has no argument", t)
	case *types.Named:
		list := make([]types.Type, t.TypeArgs().Len())
		for i := range list {
			list[i] = t.TypeArgs().At(i)
		}
		args, err := each(list...)
		if err != nil {
			return typeText{}, err
		}
		if p := t.Obj().Pkg(); p != nil && p.Path() == "iter" && len(args) <= 2 {
			// iter.Seq and Seq2, which the interpreter knows as the func
			// types they stand for (package symtypes)
			src, written := "func(yield func("+args[0].src, "func(yield func("+args[0].written
			if len(args) == 2 {
				src, written = src+", "+args[1].src, written+", "+args[1].written
			}
			return typeText{src + ") bool)", written + ") bool)", "iter." + t.Obj().Name() + strings.TrimPrefix(displayOf("", args), "main.")}, nil
		}
		if !u.template(t.Origin().Obj()) {
			return typeText{}, fmt.Errorf("%s cannot be written in a cell", t)
		}
		name, err := u.mono(t.Origin().Obj(), args)
		if written, display, ok := u.libraryWritten(t.Origin().Obj(), args); ok {
			return typeText{name, written, display}, err
		}
		return typeText{name, writtenOf(t.Obj().Name(), args), displayOf(t.Obj().Name(), args)}, err
	case *types.Pointer:
		return wrap("*", t.Elem())
	case *types.Slice:
		return wrap("[]", t.Elem())
	case *types.Array:
		return wrap(fmt.Sprintf("[%d]", t.Len()), t.Elem())
	case *types.Chan:
		dir := map[types.ChanDir]string{types.SendRecv: "chan ", types.SendOnly: "chan<- ", types.RecvOnly: "<-chan "}[t.Dir()]
		return wrap(dir, t.Elem())
	case *types.Map:
		kv, err := each(t.Key(), t.Elem())
		if err != nil {
			return typeText{}, err
		}
		return typeText{"map[" + kv[0].src + "]" + kv[1].src, "map[" + kv[0].written + "]" + kv[1].written,
			"map[" + kv[0].display + "]" + kv[1].display}, nil
	case *types.Signature:
		return u.monoSignature(t, subst)
	}
	return typeText{}, fmt.Errorf("the kernel cannot write %s with its type arguments", t)
}

// monoSignature writes a function type with type parameters replaced.
func (u *unit) monoSignature(sig *types.Signature, subst map[*types.TypeParam]typeText) (typeText, error) {
	list := func(tuple *types.Tuple, variadic bool) (typeText, error) {
		var ways [3][]string
		for i := 0; i < tuple.Len(); i++ {
			t := tuple.At(i).Type()
			dots := variadic && i == tuple.Len()-1
			if dots {
				t = t.(*types.Slice).Elem()
			}
			x, err := u.monoType(t, subst)
			if err != nil {
				return typeText{}, err
			}
			if dots {
				x = x.prefixed("...")
			}
			ways[0], ways[1], ways[2] = append(ways[0], x.src), append(ways[1], x.written), append(ways[2], x.display)
		}
		return typeText{strings.Join(ways[0], ", "), strings.Join(ways[1], ", "), strings.Join(ways[2], ", ")}, nil
	}
	ps, err := list(sig.Params(), sig.Variadic())
	if err != nil {
		return typeText{}, err
	}
	rs, err := list(sig.Results(), false)
	if err != nil {
		return typeText{}, err
	}
	if sig.Results().Len() > 1 {
		rs = typeText{"(" + rs.src + ")", "(" + rs.written + ")", "(" + rs.display + ")"}
	}
	join := func(p, r string) string { return strings.TrimSpace("func(" + p + ") " + r) }
	return typeText{join(ps.src, rs.src), join(ps.written, rs.written), join(ps.display, rs.display)}, nil
}

// hasTemplateInstance reports whether t mentions an instance of a
// template.
func (u *unit) hasTemplateInstance(t types.Type, seen map[types.Type]bool) bool {
	return mentions(t, seen, func(t types.Type) bool {
		n, ok := t.(*types.Named)
		return ok && n.TypeArgs().Len() > 0 && u.template(n.Origin().Obj())
	})
}

// writtenOf is an instance as the cells write it: Pair[string, int].
func writtenOf(name string, args []typeText) string {
	ws := make([]string, len(args))
	for i, a := range args {
		ws[i] = a.written
	}
	return name + "[" + strings.Join(ws, ", ") + "]"
}

// displayOf is reflect's name of an instance: main.Pair[string,int].
func displayOf(name string, args []typeText) string {
	ds := make([]string, len(args))
	for i, a := range args {
		ds[i] = a.display
	}
	return "main." + name + "[" + strings.Join(ds, ",") + "]"
}

// mono returns the name of obj's instance for args, writing it out the
// first time.
func (u *unit) mono(obj types.Object, args []typeText) (string, error) {
	library := obj
	if t := u.libraryTemplate(obj); t != nil {
		obj = t
	}
	srcs := make([]string, len(args))
	for i, a := range args {
		srcs[i] = a.src
	}
	decls := u.templateDecls(obj)
	if len(decls) == 0 {
		return "", fmt.Errorf("the declaration of %s is not known", obj.Name())
	}
	h := fnv.New32a()
	h.Write([]byte(obj.Name() + "[" + strings.Join(srcs, "; ") + "]"))
	for _, d := range decls {
		h.Write([]byte(u.source(d.Pos(), d.End())))
	}
	name := fmt.Sprintf("gophlow%s_%08x", obj.Name(), h.Sum32())
	if u.monos[name] {
		return name, nil
	}
	u.monos[name] = true // before writing: a method may use its own type
	var b strings.Builder
	for _, d := range decls {
		text, err := u.renderInstance(d, name, args)
		if err != nil {
			delete(u.monos, name)
			return "", err
		}
		b.WriteString(text + "\n")
	}
	m := Mono{Name: name, Text: b.String()}
	if tn, ok := obj.(*types.TypeName); ok && !tn.IsAlias() {
		m.Display, m.Written = displayOf(obj.Name(), args), writtenOf(obj.Name(), args)
		if written, display, ok := u.libraryWritten(library, args); ok {
			m.Written, m.Display = written, display
		}
	}
	u.res.Monos = append(u.res.Monos, m)
	return name, nil
}

// templateDecls returns obj's declaration and, for a type, its methods'.
func (u *unit) templateDecls(obj types.Object) []ast.Decl {
	var out []ast.Decl
	for _, d := range u.file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && u.info.Defs[d.Name] == obj {
				out = append(out, d)
			} else if d.Recv != nil && len(d.Recv.List) == 1 && u.info.Uses[receiverBase(d.Recv.List[0].Type)] == obj {
				out = append(out, d)
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if ts, ok := sp.(*ast.TypeSpec); ok && u.info.Defs[ts.Name] == obj {
					out = append([]ast.Decl{d}, out...)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		_, fi := out[i].(*ast.FuncDecl)
		_, fj := out[j].(*ast.FuncDecl)
		return !fi && fj
	})
	return out
}

// receiverBase is the type name of a receiver (T in *T[K]).
func receiverBase(e ast.Expr) *ast.Ident {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		e = x.X
	case *ast.IndexListExpr:
		e = x.X
	}
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// renderInstance writes d, a declaration of a template, as the instance
// name for args.
func (u *unit) renderInstance(d ast.Decl, name string, args []typeText) (string, error) {
	r := &instanceWriter{u: u, subst: map[*types.TypeParam]typeText{}}
	bind := func(params *ast.FieldList) error {
		var ids []*ast.Ident
		if params != nil {
			for _, f := range params.List {
				ids = append(ids, f.Names...)
			}
		}
		if len(ids) != len(args) {
			return fmt.Errorf("%d type parameters for %d arguments", len(ids), len(args))
		}
		for i, id := range ids {
			tn, ok := u.info.Defs[id].(*types.TypeName)
			if !ok {
				return fmt.Errorf("type parameter %s is not known", id.Name)
			}
			r.subst[tn.Type().(*types.TypeParam)] = args[i]
		}
		return nil
	}
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			if err := bind(d.Type.TypeParams); err != nil {
				return "", err
			}
			r.replace(d.Name.Pos(), d.Name.End(), name)
			r.replace(d.Type.TypeParams.Pos(), d.Type.TypeParams.End(), "")
		} else {
			recv := d.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			var ids []*ast.Ident
			switch x := ast.Unparen(recv).(type) {
			case *ast.IndexExpr:
				ids = exprIdents([]ast.Expr{x.Index})
			case *ast.IndexListExpr:
				ids = exprIdents(x.Indices)
			}
			if err := bind(&ast.FieldList{List: []*ast.Field{{Names: ids}}}); err != nil {
				return "", err
			}
			r.replace(recv.Pos(), recv.End(), name)
		}
		r.walk(d.Type.Params)
		if d.Type.Results != nil {
			r.walk(d.Type.Results)
		}
		if d.Body != nil {
			r.walk(d.Body)
		}
	case *ast.GenDecl:
		ts := d.Specs[0].(*ast.TypeSpec)
		if len(d.Specs) != 1 {
			return "", fmt.Errorf("a generic type declared in a group")
		}
		if err := bind(ts.TypeParams); err != nil {
			return "", err
		}
		r.replace(ts.Name.Pos(), ts.Name.End(), name)
		r.replace(ts.TypeParams.Pos(), ts.TypeParams.End(), "")
		r.walk(ts.Type)
		if d.Lparen.IsValid() {
			r.replace(d.Lparen, d.Lparen+1, "")
			r.replace(d.Rparen, d.Rparen+1, "")
		}
	}
	if r.err != nil {
		return "", r.err
	}
	return r.text(d.Pos(), d.End()), nil
}

// exprIdents returns the identifiers among es (the type parameters of a
// receiver).
func exprIdents(es []ast.Expr) []*ast.Ident {
	out := make([]*ast.Ident, 0, len(es))
	for _, e := range es {
		if id, ok := e.(*ast.Ident); ok {
			out = append(out, id)
		}
	}
	return out
}

// instanceWriter collects the replacements writing one declaration of an
// instance.
type instanceWriter struct {
	u     *unit
	subst map[*types.TypeParam]typeText
	edits []Edit // Start and End are offsets in the unit's source
	err   error
}

func (r *instanceWriter) replace(from, to token.Pos, text string) {
	r.edits = append(r.edits, Edit{Start: r.u.fset.Position(from).Offset, End: r.u.fset.Position(to).Offset, Text: text})
}

// walk replaces type parameters and uses of templates below n.
func (r *instanceWriter) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		if r.err != nil {
			return false
		}
		switch x := n.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			if ident, ok := indexedBase(x.(ast.Expr)).(*ast.Ident); ok && r.u.template(r.u.info.Uses[ident]) {
				r.instance(x, ident)
				return false
			}
		case *ast.Ident:
			obj := r.u.info.Uses[x]
			if tn, ok := obj.(*types.TypeName); ok {
				if tp, ok := tn.Type().(*types.TypeParam); ok {
					if a, ok := r.subst[tp]; ok {
						r.replace(x.Pos(), x.End(), enclosedType(a.src))
					}
					return false
				}
			}
			if r.u.template(obj) {
				r.instance(x, x)
			}
		}
		return true
	})
}

// instance replaces x, a use of the template ident names, by its instance.
func (r *instanceWriter) instance(x ast.Node, ident *ast.Ident) {
	name, err := r.u.instanceOf(ident, r.subst)
	if err != nil {
		r.err = err
		return
	}
	r.replace(x.Pos(), x.End(), name)
}

// text returns the unit's source from start to end with the replacements.
func (r *instanceWriter) text(start, end token.Pos) string {
	s, e := r.u.fset.Position(start).Offset, r.u.fset.Position(end).Offset
	sort.SliceStable(r.edits, func(i, j int) bool { return r.edits[i].Start < r.edits[j].Start })
	var b strings.Builder
	at := s
	for _, x := range r.edits {
		if x.Start < at || x.End > e {
			continue
		}
		b.WriteString(r.u.src[at:x.Start])
		b.WriteString(x.Text)
		at = x.End
	}
	b.WriteString(r.u.src[at:e])
	return b.String()
}

// source is the unit's source from start to end.
func (u *unit) source(start, end token.Pos) string {
	return u.src[u.fset.Position(start).Offset:u.fset.Position(end).Offset]
}

// enclosedType puts a type that would bind differently where a type
// parameter stood (*T(x) is a dereference) in parentheses.
func enclosedType(t string) string {
	for _, p := range []string{"*", "func", "chan", "<-"} {
		if strings.HasPrefix(t, p) {
			return "(" + t + ")"
		}
	}
	return t
}
