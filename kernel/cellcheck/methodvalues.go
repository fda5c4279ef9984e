package cellcheck

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Method values and method expressions of the cells' types. Go evaluates
// a method value's receiver when the value is made (a value receiver is
// copied then, a pointer receiver of a variable binds its address); yaegi
// reads the receiver when the value is called, and fails on method
// expressions handed around as values. Both become function literals:
//
//	get := c.Get           →  get := func() func() int { gophlowr := c; return func() int { return gophlowr.Get() } }()
//	inc := c.Inc           →  … gophlowr := &(c) …            (pointer receiver, addressable c)
//	add := (*Counter).Add  →  add := func(gophlowr *Counter, p0 int) int { return gophlowr.Add(p0) }

// methodValue writes out sel when it is a method value or expression of a
// cell's type that is not called at once.
func (u *unit) methodValue(sel *ast.SelectorExpr) {
	s, ok := u.info.Selections[sel]
	if !ok || s.Kind() == types.FieldVal || u.called[sel] || len(s.Index()) != 1 || types.IsInterface(s.Recv()) {
		return
	}
	named, _ := types.Unalias(derefType(s.Recv())).(*types.Named)
	if named == nil || named.Obj().Pkg() != u.pkg {
		return
	}
	fn, ok := u.info.Types[sel].Type.(*types.Signature)
	if !ok {
		return
	}
	params, args, ok := u.signatureText(fn, s.Kind() == types.MethodExpr)
	if !ok {
		return
	}
	results := ""
	if r := fn.Results(); r.Len() > 0 {
		var list []string
		for i := 0; i < r.Len(); i++ {
			te := u.typeExpr(r.At(i).Type())
			if te == "" {
				return
			}
			list = append(list, te)
		}
		results = " " + strings.Join(list, ", ")
		if r.Len() > 1 {
			results = " (" + strings.Join(list, ", ") + ")"
		}
	}
	ret := ""
	if results != "" {
		ret = "return "
	}
	k, start := u.locate(sel.Pos())
	_, xStart := u.locate(sel.X.Pos())
	_, xEnd := u.locate(sel.X.End())
	_, end := u.locate(sel.End())
	if k < 0 {
		return
	}
	call := fmt.Sprintf("gophlowr.%s(%s)", sel.Sel.Name, args)
	if s.Kind() == types.MethodExpr {
		u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end,
			Text: fmt.Sprintf("func(%s)%s { %s%s }", params, results, ret, call)})
		return
	}
	recv := s.Obj().Type().(*types.Signature).Recv().Type()
	_, ptrRecv := recv.(*types.Pointer)
	_, ptrX := s.Recv().Underlying().(*types.Pointer)
	bind := "("
	switch {
	case ptrRecv && !ptrX:
		bind = "&("
	case !ptrRecv && ptrX:
		bind = "*("
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: xStart, Text: fmt.Sprintf("func() func(%s)%s { gophlowr := %s", params, results, bind)},
		Edit{Part: k, Start: xEnd, End: end, Text: fmt.Sprintf("); return func(%s)%s { %s%s } }()", params, results, ret, call)})
}

// signatureText writes fn's parameters as a declaration (p0 int, p1
// ...string) and as the arguments passing them on; for a method
// expression, the first parameter is the receiver, named gophlowr.
func (u *unit) signatureText(fn *types.Signature, methodExpr bool) (params, args string, ok bool) {
	var decl, pass []string
	for i := 0; i < fn.Params().Len(); i++ {
		t := fn.Params().At(i).Type()
		name := fmt.Sprintf("p%d", i)
		dots := fn.Variadic() && i == fn.Params().Len()-1
		if dots {
			t = t.(*types.Slice).Elem()
		}
		te := u.typeExpr(t)
		if te == "" {
			return "", "", false
		}
		if methodExpr && i == 0 {
			decl = append(decl, "gophlowr "+te)
			continue
		}
		if dots {
			decl, pass = append(decl, name+" ..."+te), append(pass, name+"...")
		} else {
			decl, pass = append(decl, name+" "+te), append(pass, name)
		}
	}
	return strings.Join(decl, ", "), strings.Join(pass, ", "), true
}

// derefType is t, or what it points to.
func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
