package assist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Completion is the answer to a complete_request. Matches replace the code
// points [CursorStart, CursorEnd) of the cell: the whole identifier around
// the cursor (or the whole import path inside an import string), so
// completing in the middle of a word does not leave its tail behind.
type Completion struct {
	Matches     []string         `json:"matches"`
	CursorStart int              `json:"cursor_start"`
	CursorEnd   int              `json:"cursor_end"`
	Types       []CompletionType `json:"types"`
}

// CompletionType describes one match for the reply's
// _jupyter_types_experimental metadata. Type is one of "function",
// "variable", "type", "constant", "package", "keyword", "field" or "method".
type CompletionType struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Signature string `json:"signature,omitempty"`
}

// candidate is a possible completion before filtering by the prefix.
type candidate struct {
	text, kind, signature string
}

// keywords are Go's 25 keywords.
var keywords = []string{
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
	"go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
	"switch", "type", "var",
}

// builtinFuncs are the predeclared functions.
var builtinFuncs = []string{
	"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min",
	"new", "panic", "print", "println", "real", "recover",
}

// scopeKinds maps the kernel's Name.Kind to a completion type.
var scopeKinds = map[string]string{
	"func": "function", "var": "variable", "const": "constant", "type": "type", "package": "package",
}

// Complete lists the completions of the token at cursor (in code points):
//   - after "pkg.", the exported members of the package pkg resolves to
//     (through the cell's imports, Env.Imports or the default names);
//   - after "x.", the fields and methods of x's type, when the cell's
//     declarations or Env.Value tell it;
//   - inside an import path string, the importable paths;
//   - at a key of a struct literal (`distuv.Normal{Mu: 0, S`), the
//     struct's fields, besides the names below;
//   - otherwise the identifiers declared in the cell before the cursor,
//     the session's Scope, package names, builtins and keywords.
//
// Matches are sorted and distinct, and never nil (nor Types), so they
// marshal as JSON arrays. Prefixes match case-sensitively; when
// nothing does, case-insensitively. Inside other strings and comments
// there is nothing to complete.
func (e Env) Complete(code string, cursor int) Completion {
	off := byteOffset(code, cursor)
	toks, _ := scanCell(code)
	if k := tokenAround(toks, off); k >= 0 {
		if toks[k].t == token.STRING && inImport(toks, k) {
			return e.completeImportPath(code, toks[k], off)
		}
		return Completion{CursorStart: codePoints(code, off), CursorEnd: codePoints(code, off), Matches: []string{}, Types: []CompletionType{}}
	}
	start, end := identBounds(code, off)
	prefix := code[start:off]
	out := Completion{CursorStart: codePoints(code, start), CursorEnd: codePoints(code, end), Matches: []string{}, Types: []CompletionType{}}
	if r, _ := utf8.DecodeRuneInString(prefix); unicode.IsDigit(r) {
		return out
	}
	t := &typer{env: e, cell: readCell(code, off)}
	var cands []candidate
	if start > 0 && code[start-1] == '.' {
		cands = t.memberCandidates(operandBefore(code, start-1))
	} else {
		if lit := literalType(code, toks, start); lit != nil {
			cands = t.literalKeys(lit)
		}
		cands = append(cands, t.nameCandidates()...)
	}
	matches := filterCandidates(cands, prefix)
	for _, m := range matches {
		out.Matches = append(out.Matches, m.text)
		out.Types = append(out.Types, CompletionType{Start: out.CursorStart, End: out.CursorEnd, Text: m.text, Type: m.kind, Signature: m.signature})
	}
	return out
}

// filterCandidates keeps the first candidate of each text that starts with
// prefix (or, failing any, starts with it ignoring case), sorted by text.
func filterCandidates(cands []candidate, prefix string) []candidate {
	pick := func(match func(string) bool) []candidate {
		seen := map[string]bool{}
		var out []candidate
		for _, c := range cands {
			if !seen[c.text] && match(c.text) {
				seen[c.text] = true
				out = append(out, c)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].text < out[j].text })
		return out
	}
	out := pick(func(s string) bool { return strings.HasPrefix(s, prefix) })
	if len(out) == 0 && prefix != "" {
		lower := strings.ToLower(prefix)
		out = pick(func(s string) bool { return strings.HasPrefix(strings.ToLower(s), lower) })
	}
	return out
}

// nameCandidates lists every name usable at the cursor, most local first so
// that a declaration hides a builtin of the same name.
func (t *typer) nameCandidates() []candidate {
	var cands []candidate
	for i := len(t.cell.decls) - 1; i >= 0; i-- {
		d := t.cell.decls[i]
		cands = append(cands, candidate{text: d.name, kind: d.kind})
	}
	for _, n := range t.env.Scope {
		kind := scopeKinds[n.Kind]
		if kind == "" {
			kind = "variable"
		}
		cands = append(cands, candidate{text: n.Name, kind: kind})
	}
	for name := range t.env.Imports {
		cands = append(cands, candidate{text: name, kind: "package"})
	}
	for _, name := range packageNames(t.env.Packages) {
		cands = append(cands, candidate{text: name, kind: "package"})
	}
	for _, name := range builtinFuncs {
		cands = append(cands, candidate{text: name, kind: "function"})
	}
	for name := range builtinTypes {
		cands = append(cands, candidate{text: name, kind: "type"})
	}
	cands = append(cands, candidate{text: "comparable", kind: "type"})
	for _, name := range []string{"true", "false", "iota", "nil"} {
		cands = append(cands, candidate{text: name, kind: "constant"})
	}
	for _, kw := range keywords {
		cands = append(cands, candidate{text: kw, kind: "keyword"})
	}
	return cands
}

// memberCandidates lists what may follow "operand.": a package's exported
// symbols, a compiled type's methods (method expressions), or the fields and
// methods of a value's type.
func (t *typer) memberCandidates(operand string) []candidate {
	if operand == "" {
		return nil
	}
	x, err := parser.ParseExpr(operand)
	if err != nil {
		return nil
	}
	if id, ok := x.(*ast.Ident); ok {
		if p, ok := t.packageNamed(id.Name); ok {
			return packageMembers(p)
		}
	}
	if sel, ok := x.(*ast.SelectorExpr); ok {
		if typ := t.conversionType(sel); typ != nil {
			return methodCandidates(typ, true)
		}
	}
	if typ := t.typeOf(x); typ != nil {
		return typeMembers(typ)
	}
	if name := t.localTypeName(x); name != "" {
		return t.localMembers(name)
	}
	return nil
}

// packageMembers lists the exported symbols of p.
func packageMembers(p pkgRef) []candidate {
	var cands []candidate
	for name, v := range p.symbols {
		if !token.IsExported(name) {
			continue
		}
		c := candidate{text: name, kind: symbolKind(v)}
		if c.kind == "function" {
			c.signature = v.Type().String()
		}
		cands = append(cands, c)
	}
	return cands
}

// typeMembers lists the exported fields and methods of a value of type x,
// including those of *x (an addressable variable has them).
func typeMembers(x reflect.Type) []candidate {
	if x == nil {
		return nil
	}
	cands := methodCandidates(x, false)
	s := x
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(s) {
			if f.IsExported() {
				cands = append(cands, candidate{text: f.Name, kind: "field", signature: f.Type.String()})
			}
		}
	}
	return cands
}

// methodCandidates lists the exported methods of x and, for a non-pointer,
// non-interface x, of *x. asExpression keeps the receiver in the signature
// (a method expression such as mat.Dense.At).
func methodCandidates(x reflect.Type, asExpression bool) []candidate {
	var cands []candidate
	add := func(typ reflect.Type) {
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			if !m.IsExported() {
				continue
			}
			sig := m.Type
			if !asExpression {
				sig = methodValueType(typ, m)
			}
			cands = append(cands, candidate{text: m.Name, kind: "method", signature: sig.String()})
		}
	}
	add(x)
	if x.Kind() != reflect.Pointer && x.Kind() != reflect.Interface {
		add(reflect.PointerTo(x))
	}
	return cands
}

// completeImportPath completes the import path in the string token s.
func (e Env) completeImportPath(code string, s tok, off int) Completion {
	start, end := s.off+1, off
	if closed(s) {
		end = s.end - 1
	}
	if end < off {
		end = off
	}
	out := Completion{CursorStart: codePoints(code, start), CursorEnd: codePoints(code, end), Matches: []string{}, Types: []CompletionType{}}
	prefix := code[start:off]
	for _, p := range importPaths(e.Packages) {
		if strings.HasPrefix(p, prefix) && (len(out.Matches) == 0 || out.Matches[len(out.Matches)-1] != p) {
			out.Matches = append(out.Matches, p)
			out.Types = append(out.Types, CompletionType{Start: out.CursorStart, End: out.CursorEnd, Text: p, Type: "package"})
		}
	}
	return out
}

// tokenAround returns the index of the string, character or comment token
// that the byte offset off is inside of, or -1.
func tokenAround(toks []tok, off int) int {
	for k, t := range toks {
		if t.off >= off {
			break
		}
		switch t.t {
		case token.STRING, token.CHAR:
			if off < t.end || off == t.end && !closed(t) {
				return k
			}
		case token.COMMENT:
			if off < t.end || off == t.end && (strings.HasPrefix(t.lit, "//") || !strings.HasSuffix(t.lit, "*/")) {
				return k
			}
		}
	}
	return -1
}

// closed reports whether a string or character literal has its closing quote.
func closed(t tok) bool {
	if len(t.lit) < 2 {
		return false
	}
	if t.lit[0] == '`' {
		return t.lit[len(t.lit)-1] == '`'
	}
	_, err := strconv.Unquote(t.lit)
	return err == nil || t.t == token.CHAR && t.lit[len(t.lit)-1] == '\''
}

// inImport reports whether the string token k is an import path.
func inImport(toks []tok, k int) bool {
	switch {
	case k >= 1 && toks[k-1].t == token.IMPORT:
		return true
	case k >= 2 && (toks[k-1].t == token.IDENT || toks[k-1].t == token.PERIOD) && toks[k-2].t == token.IMPORT:
		return true
	}
	depth := 0
	for j := k - 1; j >= 0; j-- {
		switch toks[j].t {
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth++
		case token.LBRACK, token.LBRACE:
			depth--
		case token.LPAREN:
			if depth == 0 {
				return j >= 1 && toks[j-1].t == token.IMPORT
			}
			depth--
		}
		if depth < 0 {
			return false
		}
	}
	return false
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// identBounds returns the byte span of the identifier characters around off.
func identBounds(code string, off int) (start, end int) {
	start, end = off, off
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:start])
		if !isIdentRune(r) {
			break
		}
		start -= size
	}
	for end < len(code) {
		r, size := utf8.DecodeRuneInString(code[end:])
		if !isIdentRune(r) {
			break
		}
		end += size
	}
	return start, end
}

// operandBefore returns the primary expression that ends just before the
// byte offset dot: a chain of identifiers, selectors, calls and index
// expressions such as `m.At(0, 1)` or `xs[2].Field`.
func operandBefore(code string, dot int) string {
	i := dot
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:i])
		switch {
		case r == ')' || r == ']':
			j := openerBefore(code, i-size)
			if j < 0 {
				return ""
			}
			i = j
			continue
		case isIdentRune(r):
			i, _ = identBounds(code, i)
			if i > 0 && code[i-1] == '.' {
				i--
				continue
			}
		}
		break
	}
	return code[i:dot]
}

// openerBefore returns the offset of the bracket that opens the one closing
// at byte offset close, or -1.
func openerBefore(code string, close int) int {
	depth := 0
	for j := close; j >= 0; j-- {
		switch code[j] {
		case ')', ']', '}':
			depth++
		case '(', '[', '{':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}
