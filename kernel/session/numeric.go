package session

import (
	"go/ast"
	"go/constant"
	"go/token"
	"reflect"
)

// Some rewrites need to know whether an expression is an integer or a
// float64 (range over an integer, min and max). The session has no type
// checker, so numericKind infers the kind syntactically, asking the session
// for the values of globals.

// numKind is the inferred numeric kind of an expression.
type numKind int

const (
	kindUnknown      numKind = iota
	kindInt                  // int
	kindInteger              // another integer type (int64, uint8, …)
	kindFloat64              // float64
	kindUntypedInt           // an untyped integer constant
	kindUntypedFloat         // an untyped floating-point constant
)

// integer reports whether k is an integer kind.
func (k numKind) integer() bool {
	return k == kindInt || k == kindInteger || k == kindUntypedInt
}

var integerTypes = map[string]numKind{"int": kindInt, "int8": kindInteger, "int16": kindInteger,
	"int32": kindInteger, "int64": kindInteger, "uint": kindInteger, "uint8": kindInteger,
	"uint16": kindInteger, "uint32": kindInteger, "uint64": kindInteger, "uintptr": kindInteger,
	"byte": kindInteger, "rune": kindInteger, "float64": kindFloat64}

// typeKind is the kind of values of the type named by e.
func typeKind(e ast.Expr) numKind {
	if id, ok := e.(*ast.Ident); ok {
		return integerTypes[id.Name]
	}
	return kindUnknown
}

// intExpr reports whether e is an integer.
func (r *rewriter) intExpr(e ast.Expr) bool { return r.numericKind(e).integer() }

// numericKind infers the kind of e: literals, len and cap, conversions,
// functions of package math, arithmetic, variables and parameters declared
// with one of those, and globals (asked to the session).
func (r *rewriter) numericKind(e ast.Expr) numKind {
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case token.INT:
			return kindUntypedInt
		case token.FLOAT:
			return kindUntypedFloat
		}
	case *ast.ParenExpr:
		return r.numericKind(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.SUB || e.Op == token.ADD || e.Op == token.XOR {
			return r.numericKind(e.X)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.SHL, token.SHR:
			return r.numericKind(e.X)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			return combineKinds(r.numericKind(e.X), r.numericKind(e.Y))
		}
	case *ast.SelectorExpr:
		// global.field.field or pkg.Const: ask the session's values.
		if path, ok := r.globalPath(e); ok {
			return r.sess.pathKind(path)
		}
	case *ast.CallExpr:
		switch f := e.Fun.(type) {
		case *ast.Ident:
			if !r.builtin(f) {
				return kindUnknown
			}
			switch f.Name {
			case "len", "cap":
				return kindInt
			case "min", "max":
				return r.minMaxKind(e.Args)
			}
			return typeKind(f)
		case *ast.SelectorExpr:
			if pkg, ok := f.X.(*ast.Ident); ok && r.global(pkg) && r.sess.pkgPath(pkg.Name) == "math" {
				if !nonFloatMath[f.Sel.Name] {
					return kindFloat64
				}
			}
		}
	case *ast.Ident:
		if r.global(e) {
			if r.cell != nil && r.cell.defs[e.Name] != nil && r.cell.depth < 8 {
				r.cell.depth++
				defer func() { r.cell.depth-- }()
				return defaultKind(r.numericKind(r.cell.defs[e.Name]))
			}
			return r.sess.pathKind([]string{e.Name})
		}
		if e.Obj == nil {
			return kindUnknown
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.Field:
			return typeKind(d.Type)
		case *ast.ValueSpec:
			if d.Type != nil {
				return typeKind(d.Type)
			}
			for k, n := range d.Names {
				if n.Name == e.Name && k < len(d.Values) {
					if e.Obj.Kind == ast.Con {
						return r.numericKind(d.Values[k])
					}
					return defaultKind(r.numericKind(d.Values[k]))
				}
			}
		case *ast.AssignStmt:
			for k, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Lhs) == len(d.Rhs) {
					return defaultKind(r.numericKind(d.Rhs[k]))
				}
			}
		}
	}
	return kindUnknown
}

// nonFloatMath are the functions of package math that do not return a
// single float64.
var nonFloatMath = map[string]bool{"Float32bits": true, "Float64bits": true, "Float32frombits": true,
	"Frexp": true, "Ilogb": true, "IsInf": true, "IsNaN": true, "Lgamma": true, "Modf": true,
	"Signbit": true, "Sincos": true}

// defaultKind is the kind of a variable initialised with a value of kind
// k: untyped constants take their default type.
func defaultKind(k numKind) numKind {
	switch k {
	case kindUntypedInt:
		return kindInt
	case kindUntypedFloat:
		return kindFloat64
	}
	return k
}

// combineKinds is the kind of an arithmetic operation on kinds a and b.
func combineKinds(a, b numKind) numKind {
	switch {
	case a == b:
		return a
	case a == kindUnknown || b == kindUnknown:
		if a == kindFloat64 || b == kindFloat64 || a == kindUntypedFloat || b == kindUntypedFloat {
			return kindFloat64 // x*0.5 cannot be an integer
		}
		return kindUnknown
	case a == kindUntypedInt || (a == kindUntypedFloat && b != kindUntypedInt):
		return b
	case b == kindUntypedInt || b == kindUntypedFloat:
		return a
	}
	return kindUnknown
}

// valueKind is the kind of a session value (a global or a package member).
func valueKind(v reflect.Value) numKind {
	if !v.IsValid() {
		return kindUnknown
	}
	if c, ok := v.Interface().(constant.Value); ok {
		switch c.Kind() {
		case constant.Int:
			return kindUntypedInt
		case constant.Float:
			return kindUntypedFloat
		}
		return kindUnknown
	}
	switch v.Kind() {
	case reflect.Int:
		return kindInt
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return kindInteger
	case reflect.Float64:
		return kindFloat64
	}
	return kindUnknown
}

// fieldPath follows the fields path from v (through pointers and
// interfaces); yaegi stores an unexported field f of an interpreted struct
// as Xf.
func fieldPath(v reflect.Value, path []string) reflect.Value {
	for _, f := range path {
		for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
			if v.IsNil() {
				return reflect.Value{}
			}
			v = v.Elem()
		}
		if !v.IsValid() || v.Kind() != reflect.Struct {
			return reflect.Value{}
		}
		fv := v.FieldByName(f)
		if !fv.IsValid() {
			fv = v.FieldByName("X" + f)
		}
		v = fv
	}
	return v
}

// elemKind infers the element kind of a slice expression: a slice literal
// or make of []int or []float64, a variable declared with one, or a global
// slice (asked to the session).
func (r *rewriter) elemKind(e ast.Expr) numKind {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return r.elemKind(e.X)
	case *ast.CompositeLit:
		return sliceTypeKind(e.Type)
	case *ast.CallExpr:
		if f, ok := e.Fun.(*ast.Ident); ok && r.builtin(f) && f.Name == "make" && len(e.Args) > 0 {
			return sliceTypeKind(e.Args[0])
		}
	case *ast.SelectorExpr:
		if path, ok := r.globalPath(e); ok {
			return r.sess.elemKind(path)
		}
	case *ast.Ident:
		if r.global(e) {
			if r.cell != nil && r.cell.defs[e.Name] != nil && r.cell.depth < 8 {
				r.cell.depth++
				defer func() { r.cell.depth-- }()
				return r.elemKind(r.cell.defs[e.Name])
			}
			return r.sess.elemKind([]string{e.Name})
		}
		if e.Obj == nil {
			return kindUnknown
		}
		switch d := e.Obj.Decl.(type) {
		case *ast.Field:
			return sliceTypeKind(d.Type)
		case *ast.ValueSpec:
			if d.Type != nil {
				return sliceTypeKind(d.Type)
			}
			for k, n := range d.Names {
				if n.Name == e.Name && k < len(d.Values) {
					return r.elemKind(d.Values[k])
				}
			}
		case *ast.AssignStmt:
			for k, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Name == e.Name && len(d.Lhs) == len(d.Rhs) {
					return r.elemKind(d.Rhs[k])
				}
			}
		}
	}
	return kindUnknown
}

// sliceTypeKind is the element kind of a slice type expression []T.
func sliceTypeKind(t ast.Expr) numKind {
	if a, ok := t.(*ast.ArrayType); ok && a.Len == nil {
		return typeKind(a.Elt)
	}
	return kindUnknown
}

// globalPath returns the names of a selector chain rooted at a session
// global (x.a.b → [x a b]), or false when its root is not one.
func (r *rewriter) globalPath(e *ast.SelectorExpr) ([]string, bool) {
	path := []string{e.Sel.Name}
	x := e.X
	for {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		path = append([]string{sel.Sel.Name}, path...)
		x = sel.X
	}
	root, ok := x.(*ast.Ident)
	if !ok || !r.global(root) {
		return nil, false
	}
	return append([]string{root.Name}, path...), true
}
