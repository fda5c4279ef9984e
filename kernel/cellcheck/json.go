package cellcheck

import (
	"go/ast"
	"go/types"

	"github.com/gophlow/gophlow/kernel/jsonshape"
)

// Encoding the cell's types as JSON. The interpreter hands compiled
// encoding/json a cell type's value as its underlying type, with renamed
// fields, embedded fields not marked as such and without its methods, so
// the value of each json call whose static type involves the cell's types
// is wrapped into the runtime's JSONValue or JSONTarget (package
// jsonshape) with its type written out as a shape and functions calling
// its MarshalJSON, MarshalText, UnmarshalJSON, UnmarshalText and IsZero
// methods:
//
//	json.Marshal(p)        →  rt.JSONMarshal(rt.JSONValue(p, "n0 ;…", …))
//	json.Unmarshal(b, &p)  →  json.Unmarshal(b, rt.JSONTarget(&p, "pn0 ;…", …))
//	enc.Encode(p)          →  rt.JSONEncode(enc, rt.JSONValue(p, …))
//	dec.Decode(&p)         →  rt.JSONDecode(dec, rt.JSONTarget(&p, …))
//
// The runtime's JSONMarshal, JSONMarshalIndent, JSONEncode and JSONDecode
// are json's functions that report a wrapped value's errors as json
// reports them and hand the wrapper the Encoder's or Decoder's settings.
// A value of an interface type is wrapped, as a print argument is, by a
// type switch over the cell's types that implement the interface; in a
// composite literal of compiled types (map[string]any{"a": a}), the
// elements of interface types are wrapped.

// jsonFuncs are the functions and methods of encoding/json whose value
// is wrapped: the index of the value argument, the runtime's twin of the
// function (if any), and whether the value is decoded into.
var jsonFuncs = map[string]struct {
	arg    int
	twin   string
	target bool
}{
	"Marshal":         {0, "JSONMarshal", false},
	"MarshalIndent":   {0, "JSONMarshalIndent", false},
	"Unmarshal":       {1, "", true},
	"*Encoder.Encode": {0, "JSONEncode", false},
	"*Decoder.Decode": {0, "JSONDecode", true},
}

// JSONFunc reports whether name is that of a function or method of
// encoding/json whose value the checker may wrap.
func JSONFunc(name string) bool {
	switch name {
	case "Marshal", "MarshalIndent", "Unmarshal", "Encode", "Decode":
		return true
	}
	return false
}

// jsonCall wraps the value of a call of encoding/json when its type
// involves the cell's types.
func (u *unit) jsonCall(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if u.runtime == "" || !ok || call.Ellipsis.IsValid() {
		return
	}
	fn, ok := u.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return
	}
	name := fn.Name()
	recv := fn.Type().(*types.Signature).Recv()
	if recv != nil {
		name = types.TypeString(recv.Type(), func(*types.Package) string { return "" }) + "." + name
		if s := u.info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return
		}
		if _, ptr := types.Unalias(u.info.Types[sel.X].Type).(*types.Pointer); !ptr {
			return // an addressable Encoder or Decoder: left as it is
		}
	}
	spec, ok := jsonFuncs[name]
	if !ok || spec.arg >= len(call.Args) {
		return
	}
	arg := call.Args[spec.arg]
	tv := u.info.Types[arg]
	if tv.Type == nil || tv.IsType() {
		return
	}
	t := types.Unalias(tv.Type)
	k, start := u.locate(arg.Pos())
	_, end := u.locate(arg.End())
	if _, param := t.(*types.TypeParam); param || k < 0 {
		return
	}
	shapeArgs := func(t types.Type) string {
		return u.shapeArgs(shapeBuilder{u: u, named: map[string]*namedShape{}, letters: jsonshape.MethodLetters, both: true}, t, arg.Pos())
	}
	var edits []Edit
	if iface, ok := t.Underlying().(*types.Interface); ok {
		if spec.target || !u.showDynamic(arg, t, iface, k, start, end, func(c types.Type) string {
			return u.runtime + "JSONValue(gophlowv" + shapeArgs(c) + ")"
		}) {
			return
		}
	} else if !u.owned(t, map[types.Type]bool{}) {
		if spec.target || !u.jsonElements(arg, shapeArgs) {
			return
		}
	} else {
		if _, ptr := t.Underlying().(*types.Pointer); spec.target && !ptr {
			return // json's InvalidUnmarshalError says what is wrong
		}
		wrapper := "JSONValue("
		if spec.target {
			wrapper = "JSONTarget("
		}
		edits = []Edit{
			{Part: k, Start: start, End: start, Text: u.runtime + wrapper},
			{Part: k, Start: end, End: end, Text: shapeArgs(t) + ")"},
		}
	}
	if spec.twin != "" {
		fk, fstart := u.locate(call.Fun.Pos())
		_, fend := u.locate(call.Fun.End())
		_, lparen := u.locate(call.Lparen)
		if fk != k {
			return
		}
		if recv == nil { // json.Marshal( → rt.JSONMarshal(
			edits = append(edits, Edit{Part: k, Start: fstart, End: fend, Text: u.runtime + spec.twin})
		} else { // enc.Encode( → rt.JSONEncode(enc,
			_, xend := u.locate(sel.X.End())
			edits = append(edits,
				Edit{Part: k, Start: fstart, End: fstart, Text: u.runtime + spec.twin + "("},
				Edit{Part: k, Start: xend, End: lparen + 1, Text: ", "})
		}
	}
	u.res.Edits = append(u.res.Edits, edits...)
}

// jsonElements wraps, in a composite literal e of a type without the
// cell's types, each element whose type involves them where the literal
// holds an interface (its values are the interpreter's otherwise), and
// reports whether it wrapped any; nested literals are looked into.
func (u *unit) jsonElements(e ast.Expr, shapeArgs func(types.Type) string) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok || u.info.Types[lit].Type == nil {
		return false
	}
	wrapped := false
	for i, elt := range lit.Elts {
		value, key := elt, ast.Expr(nil)
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			value, key = kv.Value, kv.Key
		}
		var want types.Type
		switch lt := u.info.Types[lit].Type.Underlying().(type) {
		case *types.Map:
			want = lt.Elem()
		case *types.Slice:
			want = lt.Elem()
		case *types.Array:
			want = lt.Elem()
		case *types.Struct:
			for f := 0; f < lt.NumFields(); f++ {
				if id, ok := key.(*ast.Ident); ok && id.Name == lt.Field(f).Name() || key == nil && f == i {
					want = lt.Field(f).Type()
				}
			}
		}
		vt := types.Unalias(u.info.Types[value].Type)
		if want == nil || vt == nil {
			continue
		}
		k, start := u.locate(value.Pos())
		_, end := u.locate(value.End())
		if !types.IsInterface(want) || types.IsInterface(vt) || !u.owned(vt, map[types.Type]bool{}) || k < 0 {
			wrapped = u.jsonElements(value, shapeArgs) || wrapped
			continue
		}
		u.res.Edits = append(u.res.Edits,
			Edit{Part: k, Start: start, End: start, Text: u.runtime + "JSONValue("},
			Edit{Part: k, Start: end, End: end, Text: shapeArgs(vt) + ")"})
		wrapped = true
	}
	return wrapped
}
