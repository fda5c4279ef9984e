// Package stdsyms holds yaegi symbol tables of the standard library of the
// Go toolchain that generated them, to use in place of yaegi's
// stdlib.Symbols (Go 1.22's API, without os/exec). Keys are
// "import/path/name" ("math/rand/v2/rand"); each exported interface has its
// "_Name" wrapper, and Symbols["."] holds the MapTypes that make compiled
// fmt and encoding functions see the methods of interpreted values.
//
// Regenerate with go generate ./kernel/stdsyms (go run ./internal/gen, a
// few minutes). It extracts each package of `go list std` with yaegi's
// extract package into <import-path-with-dashes>.go, constrained to the
// generating release (//go:build go1.26), and syscall's table also to the
// generating GOOS/GOARCH. A later toolchain compiles the tables and sees the
// generating release's API; an earlier one builds fallback.go instead, which
// copies yaegi's own tables (and its unrestricted os/exec, os.Exit and
// log.New) and sets GoVersion to "". The tests fail when the installed
// toolchain's packages or API differ from the tables.
//
// The tables are unrestricted (os.Exit exits, log.New returns a real
// *log.Logger), as the kernel runs on the user's own machine. Untyped
// constants are baked in with the generating platform's values
// (os.PathSeparator, strconv.IntSize).
//
// Left out:
//   - internal and vendored packages; unsafe (the interpreter implements it);
//     C and syscall/js (not packages on linux/amd64).
//   - cmp, crypto/hkdf, crypto/pbkdf2, iter, maps, slices, unique, weak,
//     runtime/race (without -race) and time/tzdata: no exported non-generic
//     API. The interpreter itself still provides cmp, maps and slices, from
//     its own Go 1.22 sources.
//   - runtime/cgo: for cgo-generated code; importing it breaks
//     CGO_ENABLED=0 builds at link time.
//   - plugin: importing it makes the linker keep every exported method of
//     the kernel.
//
// Generic functions and types are left out of the other packages too
// (errors.AsType, reflect.TypeFor, sync.OnceValue, atomic.Pointer, …).
// Non-generic functions whose results are generic types are kept
// (strings.Lines returns an iter.Seq[string]): yaegi v0.16.1 cannot range
// over them, but can call the result with a yield function.
package stdsyms

import "reflect"

// Symbols maps "import/path/name" to the package's exported symbols, in the
// shape of yaegi's interp.Exports; pass it to (*interp.Interpreter).Use.
var Symbols = map[string]map[string]reflect.Value{}

//go:generate go run ./internal/gen
