package cellcheck

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/gophlow/gophlow/kernel/showfmt"
)

// Printing the cell's types. The interpreter hands compiled fmt a cell
// type's value as its underlying type with renamed fields and without its
// methods, so each argument of a print call whose static type involves the
// cell's types is wrapped into the runtime's Show (package showfmt) with
// its type written out as a shape and functions calling its printing
// methods:
//
//	fmt.Println(p)  →  fmt.Println(rt.Show(p, "n0 ;\"main.point\"\"\"t2 …"))
//
// An argument of an interface type is wrapped by type assertions to the
// cell's types that implement it, so that the dynamic type is the one
// shown. The formatted functions (Printf, Sprintf, Fprintf, Errorf,
// Appendf, log.Printf and log.Panicf) become the runtime's, which put the
// type names in for %T.

// printFuncs are the printing functions of fmt and log (and the methods
// of *log.Logger) by name.
var printFuncs = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Sprint": true, "Sprintf": true, "Sprintln": true,
	"Fprint": true, "Fprintf": true, "Fprintln": true,
	"Append": true, "Appendf": true, "Appendln": true, "Errorf": true,
	"Fatal": true, "Fatalf": true, "Fatalln": true,
	"Panic": true, "Panicf": true, "Panicln": true,
}

// PrintFunc reports whether name is that of a printing function of fmt or
// log, whose arguments the checker may wrap.
func PrintFunc(name string) bool { return printFuncs[name] }

// formatTwins are the runtime's versions of the formatted functions.
var formatTwins = map[string]string{
	"fmt.Printf": "Printf", "fmt.Sprintf": "Sprintf", "fmt.Fprintf": "Fprintf",
	"fmt.Errorf": "Errorf", "fmt.Appendf": "Appendf",
	"log.Printf": "LogPrintf", "log.Panicf": "LogPanicf",
}

// maxCases bounds the type assertions of an interface argument.
const maxCases = 24

// showArgs wraps the arguments of a print call that need showing.
func (u *unit) showArgs(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if u.runtime == "" || !ok || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := u.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || (fn.Pkg().Path() != "fmt" && fn.Pkg().Path() != "log") || !printFuncs[fn.Name()] {
		return
	}
	sig := fn.Type().(*types.Signature)
	if !sig.Variadic() {
		return
	}
	first := sig.Params().Len() - 1
	wrapped := false
	for k := first; k < len(call.Args); k++ {
		if u.wrapsErrorVerb(call, sig, k) {
			u.asError(call.Args[k])
			continue
		}
		if u.showArg(call.Args[k]) {
			wrapped = true
		}
	}
	if twin, ok := formatTwins[fn.Pkg().Path()+"."+fn.Name()]; ok && wrapped && sig.Recv() == nil {
		k, start := u.locate(call.Fun.Pos())
		_, end := u.locate(call.Fun.End())
		if k >= 0 {
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end, Text: u.runtime + twin})
		}
	}
}

// wrapsErrorVerb reports whether argument k of a formatted call is the
// operand of %w in a constant format (it stays as it is: Errorf keeps it
// as the wrapped error).
func (u *unit) wrapsErrorVerb(call *ast.CallExpr, sig *types.Signature, k int) bool {
	if sig.Params().Len() < 2 {
		return false
	}
	fk := sig.Params().Len() - 2
	if fk >= len(call.Args) {
		return false
	}
	tv := u.info.Types[call.Args[fk]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	format := constant.StringVal(tv.Value)
	if !strings.Contains(format, "%w") {
		return false
	}
	// Count verbs up to the argument (formats with %w rarely use indexes
	// or * widths; those are left unwrapped).
	if strings.ContainsAny(format, "[*") {
		return true
	}
	n := k - (sig.Params().Len() - 1)
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return false
		}
		if format[j] == '%' {
			i = j
			continue
		}
		if n == 0 {
			return format[j] == 'w'
		}
		n--
		i = j
	}
	return false
}

// asError converts the operand of %w to error (conversions.go) when its
// static type is a concrete type of the cells: yaegi hands compiled
// fmt.Errorf such a value bare, which does not implement error there, and
// the result then wraps nothing.
func (u *unit) asError(arg ast.Expr) {
	u.convertTo(arg, types.Universe.Lookup("error").Type())
}

// showArg wraps arg if its type involves the cell's types, and reports
// whether it did.
func (u *unit) showArg(arg ast.Expr) bool {
	tv := u.info.Types[arg]
	if tv.Type == nil || tv.IsType() {
		return false
	}
	k, start := u.locate(arg.Pos())
	_, end := u.locate(arg.End())
	if k < 0 {
		return false
	}
	t := types.Unalias(tv.Type)
	if _, param := t.(*types.TypeParam); param {
		return false
	}
	if iface, ok := t.Underlying().(*types.Interface); ok {
		return u.showDynamic(arg, t, iface, k, start, end, func(c types.Type) string {
			return u.runtime + "Show(gophlowv" + u.showCall(c, arg.Pos()) + ")"
		})
	}
	if !u.owned(t, map[types.Type]bool{}) {
		return false
	}
	call := u.showCall(t, arg.Pos())
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: u.runtime + "Show("},
		Edit{Part: k, Start: end, End: end, Text: call + ")"})
	return true
}

// showDynamic wraps an argument of an interface type in a type switch
// over the cell's types that implement it, or type assertions to them for
// error and other compiled interfaces; wrap writes the wrapping of
// gophlowv, of type c.
func (u *unit) showDynamic(arg ast.Expr, t types.Type, iface *types.Interface, k, start, end int, wrap func(c types.Type) string) bool {
	// Values of error (or another compiled interface) may come back from
	// compiled code in yaegi's wrappers, which its type switch does not
	// look inside and its assertions do; its assertions, in turn, reject
	// some types its switch accepts (methods promoted from an embedded
	// interface field). A nil interface of the cells' is returned as a
	// nil any: yaegi's conversion of one crashes.
	named, _ := types.Unalias(t).(*types.Named)
	asserts := named != nil && named.Obj().Pkg() != u.pkg
	var cases []string
	for _, c := range u.candidates(arg.Pos(), iface) {
		name := u.localTypeExpr(c, arg.Pos())
		format := "case %s: return %s"
		if asserts {
			format = "if gophlowv, ok := gophlowx.(%s); ok { return %s }"
		}
		cases = append(cases, fmt.Sprintf(format, name, wrap(c)))
		if len(cases) > maxCases {
			return false
		}
	}
	if len(cases) == 0 {
		return false
	}
	te := u.typeExpr(t) // after the cases: it may import a package
	if te == "" {
		return false
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: start, Text: fmt.Sprintf(map[bool]string{
			true:  "func(gophlowx %s) any { %s; return gophlowx }(",
			false: "func(gophlowx %s) any { if gophlowx == nil { return nil }; switch gophlowv := gophlowx.(type) { %s }; return gophlowx }(",
		}[asserts], te, strings.Join(cases, "; "))},
		Edit{Part: k, Start: end, End: end, Text: ")"})
	return true
}

// candidates are the cell's non-generic named types in scope at pos, and
// pointers to them, that implement iface.
func (u *unit) candidates(pos token.Pos, iface *types.Interface) []types.Type {
	var out []types.Type
	seen := map[types.Object]bool{}
	for s := u.pkg.Scope().Innermost(pos); s != nil && s != types.Universe; s = s.Parent() {
		for _, name := range s.Names() {
			tn, ok := s.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || seen[tn] || (s != u.pkg.Scope() && tn.Pos() > pos) {
				continue
			}
			seen[tn] = true
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			if types.Implements(named, iface) {
				out = append(out, named)
			}
			if p := types.NewPointer(named); types.Implements(p, iface) {
				out = append(out, p)
			}
		}
	}
	return out
}

// showCall returns the rest of a Show call for a value of type t, from the
// comma after the value: the shape and the method functions.
func (u *unit) showCall(t types.Type, pos token.Pos) string {
	return u.shapeArgs(shapeBuilder{u: u, named: map[string]*namedShape{}, letters: showfmt.MethodLetters}, t, pos)
}

// shapeArgs returns the shape of t, as b writes it, and the functions
// calling the methods it lists, as the arguments after a value.
func (u *unit) shapeArgs(b shapeBuilder, t types.Type, pos token.Pos) string {
	shape := b.shape(t, true, false)
	_, order := showfmt.Encode(shape) // the order Show takes the functions in
	var fns []string
	for _, s := range order {
		n := b.byShape[s]
		var letters strings.Builder
		for _, l := range s.Methods {
			fn := u.methodFunc(n.t, byte(l), pos)
			if fn == "" {
				continue
			}
			letters.WriteRune(l)
			fns = append(fns, fn)
		}
		s.Methods = letters.String()
	}
	// Encoded once more: the methods without functions are gone.
	text, _ := showfmt.Encode(shape)
	return ", " + strconv.Quote(text) + strings.Join(append([]string{""}, fns...), ", ")
}

// namedShape is a named type being written as a shape.
type namedShape struct {
	t              *types.Named
	shape          *showfmt.Shape
	value, pointer bool // whether it appears as a value, behind a pointer
}

type shapeBuilder struct {
	u       *unit
	named   map[string]*namedShape
	byShape map[*showfmt.Shape]*namedShape
	letters string // the methods to list (printMethods)
	both    bool   // list both method sets of each named type
}

// shape writes t; top says t is spelled out even when it holds no cell
// types (the underlying type of a named type, the argument itself).
func (b *shapeBuilder) shape(t types.Type, top, viaPointer bool) *showfmt.Shape {
	t = types.Unalias(t)
	if !top && !b.u.owned(t, map[types.Type]bool{}) {
		return &showfmt.Shape{Kind: showfmt.Opaque}
	}
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() != b.u.pkg {
			return &showfmt.Shape{Kind: showfmt.Opaque}
		}
		key := types.TypeString(t, nil) + fmt.Sprint(t.Obj().Pos())
		n := b.named[key]
		if n == nil {
			n = &namedShape{t: t, shape: &showfmt.Shape{Kind: showfmt.Named, Name: b.u.displayName(t)}}
			b.named[key] = n
			if b.byShape == nil {
				b.byShape = map[*showfmt.Shape]*namedShape{}
			}
			b.byShape[n.shape] = n
			n.shape.Under = b.shape(t.Underlying(), true, false)
		}
		if viaPointer {
			n.pointer = true
		} else {
			n.value = true
		}
		n.shape.Methods = b.u.methodLetters(t, n.value || b.both, n.pointer || b.both, b.letters)
		return n.shape
	case *types.Pointer:
		return &showfmt.Shape{Kind: showfmt.Pointer, Elem: b.shape(t.Elem(), false, true)}
	case *types.Slice:
		return &showfmt.Shape{Kind: showfmt.Slice, Elem: b.shape(t.Elem(), false, false)}
	case *types.Array:
		return &showfmt.Shape{Kind: showfmt.Array, Len: int(t.Len()), Elem: b.shape(t.Elem(), false, false)}
	case *types.Map:
		return &showfmt.Shape{Kind: showfmt.Map, Key: b.shape(t.Key(), false, false), Elem: b.shape(t.Elem(), false, false)}
	case *types.Struct:
		s := &showfmt.Shape{Kind: showfmt.Struct}
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			s.Fields = append(s.Fields, showfmt.Field{Name: f.Name(), Embedded: f.Embedded(), Type: b.shape(f.Type(), false, false)})
		}
		return s
	case *types.Interface:
		return &showfmt.Shape{Kind: showfmt.Iface, Name: b.u.reflectName(t)}
	case *types.Signature, *types.Chan:
		return &showfmt.Shape{Kind: showfmt.Other, Name: b.u.reflectName(t)}
	}
	return &showfmt.Shape{Kind: showfmt.Opaque}
}

// owned reports whether t involves a type the interpreter prints
// differently from the compiler: a named type of the cells, or a struct
// with an unexported field.
func (u *unit) owned(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() == u.pkg {
			return true
		}
		args := t.TypeArgs()
		for i := 0; i < args.Len(); i++ {
			if u.owned(args.At(i), seen) {
				return true
			}
		}
		return false
	case *types.Pointer:
		return u.owned(t.Elem(), seen)
	case *types.Slice:
		return u.owned(t.Elem(), seen)
	case *types.Array:
		return u.owned(t.Elem(), seen)
	case *types.Map:
		return u.owned(t.Key(), seen) || u.owned(t.Elem(), seen)
	case *types.Chan:
		return u.owned(t.Elem(), seen)
	case *types.Signature: // printed as a pointer, but %T names it
		return u.owned(t.Params(), seen) || u.owned(t.Results(), seen)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if u.owned(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); !f.Exported() || f.Embedded() || u.owned(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}

// displayName is a named type's name as reflect writes it: main.T, with
// its type arguments separated by commas alone (main.Pair[string,int]).
func (u *unit) displayName(t *types.Named) string {
	if d, ok := u.ctx.Display[t.Obj().Name()]; ok && t.Obj().Pkg() == u.pkg {
		return d
	}
	args := t.TypeArgs()
	if args.Len() == 0 {
		return u.reflectName(t)
	}
	name := "main." + t.Obj().Name()
	if p := t.Obj().Pkg(); p != u.pkg {
		name = p.Name() + "." + t.Obj().Name()
	}
	texts := make([]string, args.Len())
	for i := range texts {
		if n, ok := types.Unalias(args.At(i)).(*types.Named); ok {
			texts[i] = u.displayName(n)
		} else {
			texts[i] = u.reflectName(args.At(i))
		}
	}
	return name + "[" + strings.Join(texts, ",") + "]"
}

// reflectName writes t as reflect writes types: the cell's package as
// main, others by their names.
func (u *unit) reflectName(t types.Type) string {
	if sig, ok := t.(*types.Signature); ok {
		return u.reflectSignature(sig)
	}
	s := types.TypeString(t, func(p *types.Package) string {
		if p == u.pkg {
			return "main"
		}
		return p.Name()
	})
	return strings.ReplaceAll(s, "interface{}", "interface {}")
}

// reflectSignature writes a function type as reflect does: without
// parameter names.
func (u *unit) reflectSignature(sig *types.Signature) string {
	list := func(tuple *types.Tuple, variadic bool) []string {
		out := make([]string, tuple.Len())
		for i := range out {
			t := tuple.At(i).Type()
			if variadic && i == len(out)-1 {
				out[i] = "..." + u.reflectName(t.(*types.Slice).Elem())
			} else {
				out[i] = u.reflectName(t)
			}
		}
		return out
	}
	s := "func(" + strings.Join(list(sig.Params(), sig.Variadic()), ", ") + ")"
	switch results := list(sig.Results(), false); len(results) {
	case 0:
	case 1:
		s += " " + results[0]
	default:
		s += " (" + strings.Join(results, ", ") + ")"
	}
	return s
}

// methodLetters lists t's methods of letters (printMethods) for the
// method sets used: the value's, the pointer's (upper case).
func (u *unit) methodLetters(t *types.Named, value, pointer bool, letters string) string {
	if types.IsInterface(t) {
		return ""
	}
	var b strings.Builder
	for k, set := range []*types.MethodSet{types.NewMethodSet(t), types.NewMethodSet(types.NewPointer(t))} {
		if (k == 0 && !value) || (k == 1 && !pointer) {
			continue
		}
		for _, l := range letters {
			if hasPrintMethod(set, byte(l)) {
				if k == 1 {
					l -= 'a' - 'A'
				}
				b.WriteRune(l)
			}
		}
	}
	return b.String()
}

// printMethods are the methods fmt (showfmt.MethodLetters) and
// encoding/json (jsonshape.MethodLetters) call, with their parameter and
// result types.
var printMethods = map[byte]struct{ name, params, results string }{
	'f': {"Format", "fmt.State, rune", ""},
	'e': {"Error", "", "string"},
	'g': {"GoString", "", "string"},
	's': {"String", "", "string"},
	'j': {"MarshalJSON", "", "[]byte, error"},
	't': {"MarshalText", "", "[]byte, error"},
	'u': {"UnmarshalJSON", "[]byte", "error"},
	'r': {"UnmarshalText", "[]byte", "error"},
	'z': {"IsZero", "", "bool"},
}

// hasPrintMethod reports whether set has the method of letter l with the
// signature fmt looks for.
func hasPrintMethod(set *types.MethodSet, l byte) bool {
	m := printMethods[l]
	list := func(t *types.Tuple) string {
		parts := make([]string, t.Len())
		for i := range parts {
			parts[i] = types.TypeString(t.At(i).Type(), func(p *types.Package) string { return p.Name() })
		}
		return strings.Join(parts, ", ")
	}
	for i := 0; i < set.Len(); i++ {
		if f := set.At(i).Obj(); f.Name() == m.name {
			sig := f.Type().(*types.Signature)
			return list(sig.Params()) == m.params && list(sig.Results()) == m.results
		}
	}
	return false
}

// methodFunc writes a function literal calling t's method of letter l
// (upper case: on a pointer), or "" when it cannot be written at pos.
func (u *unit) methodFunc(t *types.Named, l byte, pos token.Pos) string {
	te := u.localTypeExpr(t, pos)
	if te == "" {
		return ""
	}
	if l >= 'A' && l <= 'Z' {
		te = "*" + te
		l += 'a' - 'A'
	}
	m := printMethods[l]
	if l == 'f' {
		fmtName := ""
		for name, path := range u.ctx.Imports {
			if path == "fmt" && name != "_" && name != "." {
				fmtName = name
			}
		}
		if fmtName == "" {
			return ""
		}
		return fmt.Sprintf("func(gophlowv %s, f %s.State, c rune) { gophlowv.Format(f, c) }", te, fmtName)
	}
	params, args, results := "", "", m.results
	if m.params != "" { // one parameter, of a predeclared type
		params, args = ", gophlowp "+m.params, "gophlowp"
	}
	if strings.Contains(results, ",") {
		results = "(" + results + ")"
	}
	return fmt.Sprintf("func(gophlowv %s%s) %s { return gophlowv.%s(%s) }", te, params, results, m.name, args)
}

// localTypeExpr writes t as Go source valid at pos: typeExpr, or the name
// of a type declared in the enclosing function if it is in scope there.
func (u *unit) localTypeExpr(t types.Type, pos token.Pos) string {
	if te := u.typeExpr(t); te != "" {
		return te
	}
	base, ptr := t, ""
	if p, ok := t.(*types.Pointer); ok {
		base, ptr = p.Elem(), "*"
	}
	named, ok := base.(*types.Named)
	if !ok || named.TypeArgs().Len() > 0 || named.Obj().Pkg() != u.pkg {
		return ""
	}
	if _, obj := u.pkg.Scope().Innermost(pos).LookupParent(named.Obj().Name(), pos); obj != named.Obj() {
		return ""
	}
	if name := u.localNames[named.Obj()]; name != "" {
		return ptr + name // renamed (localtypes.go)
	}
	return ptr + named.Obj().Name()
}
