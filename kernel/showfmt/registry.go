package showfmt

import (
	"reflect"
	"sort"
	"strings"
	"sync"
)

// The cells' struct types by the interpreter's reflect type. A value of a
// cell's type held in an interface (an `any` field, an element of []any)
// reaches Show without its static type: the interpreter's reflect type is
// all there is. The session registers each struct type a cell declares;
// Show prints a dynamic value of a registered type with its shape and
// methods, unless two of the cells' types share the reflect type (the same
// fields), when it cannot know which one the value is.

// registered is what Register recorded of a type.
type registered struct {
	shape *Shape
	fns   []reflect.Value
}

var (
	registryMu sync.Mutex
	registry   = map[reflect.Type]*registered{} // nil: ambiguous
	// names are other types to name in messages: compiled stand-ins
	// for the cells' types (package templateview's views).
	names = map[reflect.Type]string{}
)

// RegisterName records that NameTypes writes t, a stand-in for one of
// the cells' types, as name.
func RegisterName(t reflect.Type, name string) {
	registryMu.Lock()
	defer registryMu.Unlock()
	names[t] = name
}

// Registered returns x as Show returns a value of its registered type, or
// x when its type is not registered.
func Registered(x any) any {
	r := registeredFor(reflect.ValueOf(x))
	if r == nil {
		return x
	}
	return &shown{x: x, shape: r.shape, fns: r.fns}
}

// Register records the type of x, the value Show returned for a zero
// value of a cell's struct type.
func Register(x any) {
	v, ok := x.(*shown)
	if !ok || v.shape.Kind != Named {
		return
	}
	t := reflect.TypeOf(v.x)
	if t == nil || t.Kind() != reflect.Struct {
		return
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	if old, ok := registry[t]; ok && (old == nil || old.shape.Name != v.shape.Name) {
		registry[t] = nil
		return
	}
	registry[t] = &registered{shape: v.shape, fns: v.fns}
}

// registeredFor returns the registration of v's type, or nil.
func registeredFor(v reflect.Value) *registered {
	if !v.IsValid() || v.Kind() != reflect.Struct {
		return nil
	}
	registryMu.Lock()
	defer registryMu.Unlock()
	return registry[v.Type()]
}

// NameTypes returns msg with each registered type written as the
// interpreter's reflect type (struct { Name string; … }) replaced by its
// name (main.User), and each stand-in RegisterName recorded, longest
// first, so that a type nested in another is named inside it after the
// outer one was (ambiguous types stay).
func NameTypes(msg string) string {
	registryMu.Lock()
	var olds []string
	named := map[string]string{}
	for t, r := range registry {
		if r != nil && strings.Contains(msg, t.String()) {
			olds = append(olds, t.String())
			named[t.String()] = r.shape.Name
		}
	}
	for t, name := range names {
		if strings.Contains(msg, t.String()) {
			olds = append(olds, t.String())
			named[t.String()] = name
		}
	}
	registryMu.Unlock()
	sort.Slice(olds, func(i, j int) bool { return len(olds[i]) > len(olds[j]) })
	for _, old := range olds {
		msg = strings.ReplaceAll(msg, old, named[old])
	}
	return msg
}
