package cellcheck

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Assertions to interfaces of a value in an empty or a compiled
// interface. yaegi's assertion v.(Shape), to a cell's interface, of an
// any holding a Rect crashed the cell (reflect.Set: value of type
// interface {} is not assignable to type interp.valueInterface) or said
// false, depending on how the any was filled; v.(fmt.Stringer) of a nil
// any crashed it too; and a Rect it did assert to fmt.Stringer held the
// struct's last field, so its String method saw nothing. Such an assertion
// becomes a function literal trying the cells' struct types that
// implement the interface (assertions to concrete types hold), converting
// the value as conversions.go does for a compiled interface, then, for a
// compiled interface, the assertion itself (compiled values):
//
//	s, ok := v.(Shape)  →  s, ok := func(gophlowx any) (Shape, bool) { if gophlowx != nil {
//	        if v, ok := gophlowx.(Rect); ok { return v, true }; if v, ok := gophlowx.(*Rect); ok { return v, true }; }
//	        return nil, false }(v)
//
// Without ok, the literal ends in the assertion to a compiled interface,
// whose failure is yaegi's, or in the runtime's NotInterface for a cell's
// interface, which makes the error Go reports from the interface's name
// and the method each of the cells' struct types lacks (the interpreter's
// values have no methods in compiled eyes). A type switch's case Shape
// asserts the same way (typeswitch.go). yaegi's own type switch is no
// fallback: its case Named matches a Rect without a Name method. So types
// declared after the assertion and non-struct types (the interpreter holds
// a Celsius in an any as a float64, which a Celsius case would match) are
// not found in a cell's interface, nor compiled values, but for the method
// sets of the runtime's compiled interfaces (compiledmethodsets.go).
// Assertions to error are errorassertions.go's.

// interfaceAssertions records the rewrites of the unit's assertions to
// interfaces.
func (u *unit) interfaceAssertions(commaOk map[ast.Expr]bool) {
	ast.Inspect(u.file, func(n ast.Node) bool {
		ta, ok := n.(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil {
			return true
		}
		literal := u.assertionLiteral(ta.Pos(), u.info.Types[ta.X].Type, u.info.Types[ta.Type].Type, commaOk[ta])
		k, start := u.locate(ta.Pos())
		_, xEnd := u.locate(ta.X.End())
		_, end := u.locate(ta.End())
		if literal != "" && k >= 0 && !u.templatePart[k] {
			u.res.Edits = append(u.res.Edits,
				Edit{Part: k, Start: start, End: start, Text: literal + "("},
				Edit{Part: k, Start: xEnd, End: end, Text: ")"})
		}
		return true
	})
}

// assertionLiteral returns the function literal asserting a value of type
// x to iface (with ok, or panicking as Go does), or "" when yaegi asserts
// it itself: x is one of the cells' interfaces, iface is error, or iface
// is compiled, no struct type of the cells implements it, and the
// assertion has no ok (which a nil operand would crash).
func (u *unit) assertionLiteral(pos token.Pos, x, iface types.Type, withOk bool) string {
	if x == nil || iface == nil || u.runtime == "" || types.Identical(iface, types.Universe.Lookup("error").Type()) {
		return ""
	}
	target, ok := iface.Underlying().(*types.Interface)
	if !ok || target.Empty() {
		return ""
	}
	operand, ok := x.Underlying().(*types.Interface)
	if !ok || !operand.Empty() && !u.compiledInterface(x) {
		return ""
	}
	compiled := u.compiledInterface(iface)
	implementers := u.implementers(pos, target)
	if compiled && len(implementers) == 0 && !withOk {
		return ""
	}
	xe, ie := u.typeExpr(x), u.typeExpr(iface)
	if xe == "" || ie == "" {
		return ""
	}
	found, miss := ", true", "return nil, false"
	results := "(" + ie + ", bool)"
	if !withOk {
		found, results = "", ie
		miss = "panic(" + u.runtime + "NotInterface(gophlowx, " + u.missingMethods(iface, target) + "))"
		if compiled {
			miss = "return gophlowx.(" + ie + ")"
		}
	}
	var b strings.Builder
	b.WriteString("func(gophlowx " + xe + ") " + results + " { if gophlowx != nil { ")
	for _, te := range implementers {
		v := "v"
		if compiled {
			v = "func(gophlowv " + te + ") " + ie + " { return gophlowv }(v)"
		}
		b.WriteString("if v, ok := gophlowx.(" + te + "); ok { return " + v + found + " }; ")
	}
	switch name := compiledMethodSet(target); {
	case compiled:
		b.WriteString("if v, ok := gophlowx.(" + ie + "); ok { return v" + found + " }; ")
	case name != "":
		b.WriteString("if v, ok := gophlowx.(" + u.runtime + name + "); ok { return v" + found + " }; ")
	}
	b.WriteString("}; " + miss + " }")
	return b.String()
}

// implementers are the struct types in scope at pos, and pointers to
// them, that implement iface, as type expressions.
func (u *unit) implementers(pos token.Pos, iface *types.Interface) []string {
	var names []string
	for _, c := range u.candidates(pos, iface) {
		t := c
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if _, ok := t.Underlying().(*types.Struct); ok {
			names = append(names, u.localTypeExpr(c, pos))
		}
	}
	return names
}

// missingMethods writes the arguments of NotInterface after the value:
// iface's name as Go's run-time errors write it, its methods (sorted, for
// compiled values), then for each of the cells' struct types and pointers to them
// that do not implement it, the type's name and the method it lacks.
func (u *unit) missingMethods(iface types.Type, target *types.Interface) string {
	qualify := func(p *types.Package) string { return p.Name() }
	methods := make([]string, target.NumMethods())
	for i := range methods {
		methods[i] = target.Method(i).Name()
	}
	sort.Strings(methods)
	args := []string{strconv.Quote(types.TypeString(iface, qualify)), strconv.Quote(strings.Join(methods, " "))}
	for _, n := range u.cellTypes().structs {
		for _, t := range []types.Type{n, types.NewPointer(n)} {
			if m, _ := types.MissingMethod(t, target, true); m != nil {
				args = append(args, strconv.Quote(types.TypeString(t, qualify)), strconv.Quote(m.Name()))
			}
		}
	}
	return strings.Join(args, ", ")
}
