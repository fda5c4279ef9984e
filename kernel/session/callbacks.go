package session

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"runtime"
	"strings"

	"github.com/traefik/yaegi/interp"
)

// Panics in callbacks that compiled code runs on goroutines of its own.
//
// A cell may hand a func to compiled code that calls it on a goroutine the
// compiled code started: time.AfterFunc, context.AfterFunc, gonum's
// concurrent finite differences (fd.Settings.Concurrent), …. The session's
// rewrite of go statements (goroutines.go) does not see those goroutines,
// and yaegi offers no hook around the funcs it hands to compiled code, so
// an unrecovered panic there would end the kernel.
//
// The session therefore gives the interpreter symbol tables in which every
// function that takes a func argument is replaced by a wrapper that hands
// the compiled function a guarded func instead: when the callback panics,
// the guard looks at the goroutine it runs on. A goroutine the interpreter
// created (the cell's, or one of a go statement's) has interpreted code
// below that handles the panic as usual, so the guard panics on; on a
// goroutine compiled code created, nothing would, so the guard reports the
// panic on the session's standard error (the running cell's output, or the
// last cell's) and the callback returns zero values.
//
// Not covered: funcs reached other than as an argument of a package-level
// function — methods of compiled types (sync.WaitGroup.Go where the tables
// have it), func fields of structs (optimize.Problem with concurrent
// evaluations, exec.Cmd.Cancel, http.Transport's hooks), funcs passed as
// an interface value (runtime.SetFinalizer) — and net/http, left alone
// because its server recovers its handlers' panics itself.

// guardedExports returns exports with every package-level function that
// takes a func argument replaced by s.guardFunction of it. The packages
// without such functions are shared with exports, which is not modified.
func (s *Session) guardedExports(exports interp.Exports) interp.Exports {
	out := make(interp.Exports, len(exports))
	for pkg, symbols := range exports {
		out[pkg] = symbols
		if unguarded(pkg) {
			continue
		}
		var guarded map[string]reflect.Value
		for name, v := range symbols {
			if !v.IsValid() || v.Kind() != reflect.Func || v.IsNil() || !takesFunc(v.Type()) {
				continue
			}
			if guarded == nil {
				guarded = maps.Clone(symbols)
				out[pkg] = guarded
			}
			guarded[name] = s.guardFunction(v, tablePackage(pkg)+"."+name)
		}
	}
	return out
}

// tablePackage returns the package name of a symbol table key ("time/time"
// → "time", "gonum.org/v1/gonum/diff/fd/fd" → "fd").
func tablePackage(key string) string {
	if i := strings.LastIndexByte(key, '/'); i >= 0 {
		return key[i+1:]
	}
	return key
}

// unguarded reports whether the functions of the package with symbol table
// key are left as they are: net/http recovers its handlers' panics, and the
// session's own runtime is called by rewritten code only.
func unguarded(key string) bool {
	return strings.HasPrefix(key, "net/http") || key == rtName+"/"+rtName
}

// takesFunc reports whether a function type has a parameter of func type.
func takesFunc(t reflect.Type) bool {
	for i := range t.NumIn() {
		if t.In(i).Kind() == reflect.Func {
			return true
		}
	}
	return false
}

// guardFunction returns a function of fn's type that calls fn with its func
// arguments guarded (s.guardCallback); name is fn's name in reports.
func (s *Session) guardFunction(fn reflect.Value, name string) reflect.Value {
	t := fn.Type()
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		for i, a := range args {
			if a.Kind() == reflect.Func && !a.IsNil() {
				args[i] = s.guardCallback(a, name)
			}
		}
		if t.IsVariadic() {
			return fn.CallSlice(args)
		}
		return fn.Call(args)
	})
}

// guardCallback returns a func of cb's type that calls cb and, when cb
// panics on a goroutine compiled code started, reports the panic and
// returns zero values instead of letting it end the process.
func (s *Session) guardCallback(cb reflect.Value, name string) reflect.Value {
	t := cb.Type()
	plain := reflect.FuncOf(ins(t), outs(t), t.IsVariadic())
	if guard := typedGuards[plain]; guard != nil {
		return reflect.ValueOf(guard(s, cb.Convert(plain).Interface(), name)).Convert(t)
	}
	return reflect.MakeFunc(t, func(args []reflect.Value) (results []reflect.Value) {
		defer func() {
			if r := recover(); r != nil {
				s.recovered(r, name)
				results = make([]reflect.Value, t.NumOut())
				for i := range results {
					results[i] = reflect.Zero(t.Out(i))
				}
			}
		}()
		if t.IsVariadic() {
			return cb.CallSlice(args)
		}
		return cb.Call(args)
	})
}

// typedGuards guard callbacks of the commonest types (sort.Slice's less,
// strings.Map's mapping, a timer's func, a function of one or more reals)
// without a second reflect.MakeFunc layer on every call, which would double
// the cost of an interpreted callback. Each takes the callback as its plain
// func type.
var typedGuards = map[reflect.Type]func(s *Session, cb any, name string) any{
	reflect.TypeOf(func() {}): func(s *Session, cb any, name string) any {
		f := cb.(func())
		return func() { defer s.recoverCallback(name); f() }
	},
	reflect.TypeOf(func(int, int) bool { return false }): func(s *Session, cb any, name string) any {
		f := cb.(func(int, int) bool)
		return func(i, j int) (b bool) { defer s.recoverCallback(name); return f(i, j) }
	},
	reflect.TypeOf(func(int) bool { return false }): func(s *Session, cb any, name string) any {
		f := cb.(func(int) bool)
		return func(i int) (b bool) { defer s.recoverCallback(name); return f(i) }
	},
	reflect.TypeOf(func(rune) rune { return 0 }): func(s *Session, cb any, name string) any {
		f := cb.(func(rune) rune)
		return func(r rune) (q rune) { defer s.recoverCallback(name); return f(r) }
	},
	reflect.TypeOf(func(rune) bool { return false }): func(s *Session, cb any, name string) any {
		f := cb.(func(rune) bool)
		return func(r rune) (b bool) { defer s.recoverCallback(name); return f(r) }
	},
	reflect.TypeOf(func(float64) float64 { return 0 }): func(s *Session, cb any, name string) any {
		f := cb.(func(float64) float64)
		return func(x float64) (y float64) { defer s.recoverCallback(name); return f(x) }
	},
	reflect.TypeOf(func([]float64) float64 { return 0 }): func(s *Session, cb any, name string) any {
		f := cb.(func([]float64) float64)
		return func(x []float64) (y float64) { defer s.recoverCallback(name); return f(x) }
	},
}

// recoverCallback, deferred by a guarded callback, handles its panic (see
// recovered); the callback then returns zero values.
func (s *Session) recoverCallback(name string) {
	if r := recover(); r != nil {
		s.recovered(r, name)
	}
}

// recovered handles a panic r recovered from a callback of the compiled
// function name: on a goroutine the interpreter created it panics on, for
// the interpreted code below to handle; on one compiled code created it is
// reported.
func (s *Session) recovered(r any, name string) {
	if interpreterGoroutine() {
		panic(r)
	}
	s.callbackPanic(r, name)
}

// ins and outs list the parameter and result types of a function type.
func ins(t reflect.Type) []reflect.Type {
	in := make([]reflect.Type, t.NumIn())
	for i := range in {
		in[i] = t.In(i)
	}
	return in
}

func outs(t reflect.Type) []reflect.Type {
	out := make([]reflect.Type, t.NumOut())
	for i := range out {
		out[i] = t.Out(i)
	}
	return out
}

// interpreterGoroutine reports whether the calling goroutine was created by
// the interpreter (to run a cell or a go statement), whose code handles a
// panic. It reads the goroutine's "created by" line; a goroutine without
// one (the main goroutine) counts as compiled code's.
func interpreterGoroutine() bool {
	buf := make([]byte, 64<<10)
	n := runtime.Stack(buf, false)
	for n == len(buf) && len(buf) < 64<<20 { // truncated: the line is at the end
		buf = make([]byte, 4*len(buf))
		n = runtime.Stack(buf, false)
	}
	i := bytes.LastIndex(buf[:n], []byte("\ncreated by "))
	return i >= 0 && bytes.HasPrefix(buf[i+len("\ncreated by "):n], []byte("github.com/traefik/yaegi/interp."))
}

// callbackPanic reports on the session's standard error a panic recovered in
// a callback that the compiled function name ran on a goroutine of its own.
func (s *Session) callbackPanic(r any, name string) {
	s.reportPanic(fmt.Sprintf("panic in a func that %s ran on a goroutine of its own", name), r)
}
