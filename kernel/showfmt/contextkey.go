package showfmt

import "reflect"

// ContextKey is a context key of a cell's type: the interpreter hands
// compiled code the key as its underlying value (a ctxKey(0) as the int
// 0), so context.Context.Value(0) would find it. The session passes each
// key whose static type is a cell's through ContextKey, at WithValue and
// at Value alike, so that keys match only when their types do; the key
// prints as context prints a key without a String method: by its type.
func ContextKey(key any, typeName string) any {
	return contextKey{typeName: typeName, key: canonical(key)}
}

// canonical is a key's value in one representation for each kind: the
// interpreter hands over a value of a cell's integer type as int or as
// its own representation, depending on where it comes from.
func canonical(key any) any {
	v := concrete(reflect.ValueOf(key))
	switch {
	case !v.IsValid():
		return nil
	case v.CanInt():
		return v.Int()
	case v.CanUint():
		return v.Uint()
	case v.CanFloat():
		return v.Float()
	case v.Kind() == reflect.String:
		return v.String()
	case v.Kind() == reflect.Bool:
		return v.Bool()
	case v.CanInterface():
		return v.Interface()
	}
	return key
}

// contextKey is a key with the name of its type.
type contextKey struct {
	typeName string
	key      any
}

// String is the key's type, as context's String methods print a key.
func (k contextKey) String() string { return k.typeName }
