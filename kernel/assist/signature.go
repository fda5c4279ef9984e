package assist

import (
	"fmt"
	"go/constant"
	"reflect"
	"strings"
)

// funcTail is a function type without its "func" keyword: "(float64) float64".
// It is spelled out from the parameters, so a named function type shows its
// literal form.
func funcTail(t reflect.Type) string {
	params := make([]string, t.NumIn())
	for i := range params {
		params[i] = t.In(i).String()
		if t.IsVariadic() && i == len(params)-1 {
			params[i] = "..." + t.In(i).Elem().String()
		}
	}
	results := make([]string, t.NumOut())
	for i := range results {
		results[i] = t.Out(i).String()
	}
	tail := "(" + strings.Join(params, ", ") + ")"
	switch len(results) {
	case 0:
		return tail
	case 1:
		return tail + " " + results[0]
	}
	return tail + " (" + strings.Join(results, ", ") + ")"
}

// reflectSignature describes a symbol-table value from reflect alone, for
// packages whose sources are not at hand.
func reflectSignature(name string, v reflect.Value) string {
	switch symbolKind(v) {
	case "function":
		return "func " + name + funcTail(v.Type())
	case "variable":
		return "var " + name + " " + v.Type().String()
	case "type":
		return reflectTypeDecl(v.Type().Elem())
	case "constant":
		if isUntypedConstant(v) {
			return "const " + name + " = " + v.Interface().(constant.Value).String()
		}
		return fmt.Sprintf("const %s %s = %v", name, v.Type(), v.Interface())
	}
	return name
}

// reflectTypeDecl writes a type's declaration and method set as reflect
// sees them: exported fields, exported methods of *T.
func reflectTypeDecl(t reflect.Type) string {
	var b strings.Builder
	fmt.Fprintf(&b, "type %s ", t.Name())
	switch t.Kind() {
	case reflect.Struct:
		b.WriteString("struct {\n")
		hidden := false
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			switch {
			case !f.IsExported():
				hidden = true
			case f.Anonymous:
				fmt.Fprintf(&b, "\t%s\n", f.Type)
			default:
				fmt.Fprintf(&b, "\t%s %s\n", f.Name, f.Type)
			}
		}
		if hidden {
			b.WriteString("\t// contains filtered or unexported fields\n")
		}
		b.WriteString("}")
	case reflect.Interface:
		b.WriteString("interface {\n")
		for i := 0; i < t.NumMethod(); i++ {
			if m := t.Method(i); m.IsExported() {
				fmt.Fprintf(&b, "\t%s%s\n", m.Name, funcTail(m.Type))
			}
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Chan, reflect.Func, reflect.Pointer:
		b.WriteString(typeLiteral(t))
	default:
		b.WriteString(t.Kind().String())
	}
	if t.Kind() != reflect.Interface {
		for _, recv := range []reflect.Type{t, reflect.PointerTo(t)} {
			for i := 0; i < recv.NumMethod(); i++ {
				m := recv.Method(i)
				if recv.Kind() == reflect.Pointer {
					if _, onValue := t.MethodByName(m.Name); onValue {
						continue
					}
				}
				fmt.Fprintf(&b, "\nfunc (%s) %s%s", recv, m.Name, funcTail(methodValueType(recv, m)))
			}
		}
	}
	return b.String()
}

// typeLiteral spells the underlying composite type of a named type.
func typeLiteral(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "[]" + t.Elem().String()
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), t.Elem())
	case reflect.Map:
		return fmt.Sprintf("map[%s]%s", t.Key(), t.Elem())
	case reflect.Chan:
		return "chan " + t.Elem().String()
	case reflect.Pointer:
		return "*" + t.Elem().String()
	case reflect.Func:
		return "func" + funcTail(t)
	}
	return t.Kind().String()
}
