// Package assist gives the gophlow kernel its editor help: code completion,
// inspection (signature and documentation of the name under the cursor) and
// the is-complete check a console uses to decide between running a cell and
// asking for another line.
//
// Everything here is a pure function of the cell's text, the cursor and the
// session's symbol tables; the kernel wires the results to the Jupyter
// messages complete_request, inspect_request and is_complete_request
// (messaging protocol 5.3).
//
// Positions. Cursors are counted in Unicode code points, as the protocol
// requires since version 5.2, never in bytes: a cell "π := 1; π" has its end at
// cursor 9 although it is 11 bytes long.
//
// Symbol tables. The packages argument has the shape of yaegi's
// interp.Exports: the key "import/path/pkgname" (for example "math/math" or
// "gonum.org/v1/gonum/mat/mat") maps each exported name to a reflect.Value — a
// function, a variable (an addressable value), a type (a nil *T), a typed
// constant, or an untyped constant held as a go/constant.Value. Signatures
// come from these values; doc comments come from the Go sources (GOROOT for
// the standard library, the module cache or a registered directory for the
// rest), parsed once per package with go/doc and cached.
//
// Lenient reading. A cell may be unfinished, may mix imports, declarations
// and statements, and is read only up to the cursor, so the cell is scanned
// token by token (go/scanner) rather than parsed as a whole; small pieces
// such as the right-hand side of "d := mat.NewDense(2, 2, nil)" are parsed
// with go/parser and given a type with reflect, which is how "d." completes
// to the methods of *mat.Dense. Types declared by the cell itself have no
// reflect.Type: their fields and methods are read from the cell's source.
// Names follow Go's block scoping, so a loop's variables are not offered
// after the loop.
package assist

import "reflect"

// Name is an identifier that the session defined in an earlier cell.
// Kind is one of "func", "var", "const", "type" or "package".
type Name struct{ Name, Kind string }

// Env is what the assistant knows about the session besides the cell itself.
// Only Packages is needed; each other field makes the answers richer.
type Env struct {
	// Scope lists identifiers defined by earlier cells.
	Scope []Name
	// Packages is the interpreter's symbol table, in interp.Exports shape.
	Packages map[string]map[string]reflect.Value
	// Imports maps the local name of each package imported by an earlier
	// cell to its import path ("plt" → "gonum.org/v1/plot"). Without it a
	// package name is resolved by its default name.
	Imports map[string]string
	// Value returns the current value of a session variable, or false. With
	// it, "x." completes to the fields and methods of x's dynamic type and
	// inspecting x shows its type. It must not run user code.
	Value func(name string) (reflect.Value, bool)
}

// Complete lists the completions at cursor (in code points) of code; see
// Env.Complete.
func Complete(code string, cursor int, scope []Name, packages map[string]map[string]reflect.Value) Completion {
	return Env{Scope: scope, Packages: packages}.Complete(code, cursor)
}

// Inspect returns the help text for the name under or just before cursor;
// see Env.Inspect.
func Inspect(code string, cursor int, detail int, scope []Name, packages map[string]map[string]reflect.Value) (text string, found bool) {
	return Env{Scope: scope, Packages: packages}.Inspect(code, cursor, detail)
}
