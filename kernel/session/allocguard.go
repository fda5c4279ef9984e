package session

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"runtime/debug"
	"syscall"

	"github.com/traefik/yaegi/interp"
)

// Allocations larger than the memory limit. The Go runtime ends the
// process when the operating system refuses an allocation (a fatal error,
// not a panic), so a cell asking for 80 GB would take the kernel and every
// variable with it. The session checks the sizes a cell asks for before
// the allocation happens, where it can: make (rewritten to call
// gophlowrt.MakeLen, see cellcheck) and gonum's matrix constructors. An
// allocation above the limit panics with an *allocationError, which the
// session reports as a MemoryError; the cell stops and state is kept.
// Allocations inside other compiled code are not seen.

// allocationError is a refused allocation.
type allocationError struct {
	what         string
	bytes, limit float64
}

func (e *allocationError) Error() string {
	return fmt.Sprintf("%s needs %s, more than the kernel's memory limit of %s: the cell is stopped before allocating it; variables defined before it are kept",
		e.what, sizeText(e.bytes), sizeText(e.limit))
}

// sizeText writes a byte count in GiB or MiB.
func sizeText(n float64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.1f GiB", n/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", n/(1<<20))
}

// allocationLimit is the Go memory limit the kernel set (GOPHLOW_MEMORY_LIMIT
// or a share of the machine), or the machine's memory when none is set.
func allocationLimit() float64 {
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		return float64(l)
	}
	var info syscall.Sysinfo_t
	if syscall.Sysinfo(&info) == nil && info.Totalram > 0 {
		return float64(info.Totalram) * float64(info.Unit)
	}
	return math.Inf(1)
}

// checkAllocation panics with an *allocationError when count elements of
// size bytes exceed the limit.
func checkAllocation(what string, count, size float64) {
	if limit := allocationLimit(); count*size > limit {
		panic(&allocationError{what: what, bytes: count * size, limit: limit})
	}
}

// makeLen checks the length or capacity n of a make of elements of size
// bytes and returns it; negative lengths are left to make.
func makeLen(n int64, size int64) int {
	checkAllocation("make", float64(n), float64(size))
	return int(n)
}

// matrixConstructors are gonum's dense constructors by name, each with the
// number of float64 elements it allocates for its size arguments.
var matrixConstructors = map[string]func(args []reflect.Value) float64{
	"NewDense":     func(a []reflect.Value) float64 { return float64(a[0].Int()) * float64(a[1].Int()) },
	"NewSymDense":  func(a []reflect.Value) float64 { return float64(a[0].Int()) * float64(a[0].Int()) },
	"NewTriDense":  func(a []reflect.Value) float64 { return float64(a[0].Int()) * float64(a[0].Int()) },
	"NewVecDense":  func(a []reflect.Value) float64 { return float64(a[0].Int()) },
	"NewDiagDense": func(a []reflect.Value) float64 { return float64(a[0].Int()) },
}

// allocationGuards returns exports with gonum's matrix constructors
// checking their size first (when the data argument is nil, they
// allocate).
func allocationGuards(exports interp.Exports) interp.Exports {
	const key = "gonum.org/v1/gonum/mat/mat"
	symbols, ok := exports[key]
	if !ok {
		return exports
	}
	out := maps.Clone(exports)
	guarded := maps.Clone(symbols)
	for name, elements := range matrixConstructors {
		f, ok := symbols[name]
		if !ok {
			continue
		}
		guarded[name] = reflect.MakeFunc(f.Type(), func(args []reflect.Value) []reflect.Value {
			if data := args[len(args)-1]; data.IsNil() {
				checkAllocation("mat."+name, elements(args), 8)
			}
			return f.Call(args)
		})
	}
	out[key] = guarded
	return out
}
