package assist

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
)

// tok is one token of a cell with its byte span. Semicolons inserted by the
// scanner at line ends have lit "\n" and an empty span.
type tok struct {
	t        token.Token
	lit      string
	off, end int
}

// scanError is a complaint of the scanner at byte offset off.
type scanError struct {
	off int
	msg string
}

// scanCell splits code into tokens, comments included, never failing.
func scanCell(code string) ([]tok, []scanError) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(code))
	var errs []scanError
	var s scanner.Scanner
	s.Init(file, []byte(code), func(pos token.Position, msg string) {
		errs = append(errs, scanError{off: pos.Offset, msg: msg})
	}, scanner.ScanComments)
	var toks []tok
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			break
		}
		off := file.Offset(pos)
		end := off
		switch {
		case t == token.SEMICOLON && lit == "\n":
		case lit != "":
			end = off + len(lit)
		default:
			end = off + len(t.String())
		}
		if end > len(code) {
			end = len(code)
		}
		toks = append(toks, tok{t: t, lit: lit, off: off, end: end})
	}
	return toks, errs
}

// decl is an identifier declared in the cell.
type decl struct {
	name  string
	kind  string // completion type: "variable", "constant", "type", "function" or "package"
	off   int    // byte offset of the name
	typ   ast.Expr
	value ast.Expr
	index int  // which result of value the name receives
	rang  bool // value is the operand of a range clause
	path  string
	text  string // the declaring source, for Inspect
	// scopeEnd is the byte offset of the "}" closing the block the name is
	// declared in (a function's body for its parameters), -1 when the block
	// is not closed or the name is at top level, 0 until add fills it in.
	scopeEnd int
}

// cell is the lenient reading of a cell: its tokens, the matching bracket of
// each bracket token, and its declarations in source order.
type cell struct {
	code    string
	toks    []tok
	match   []int // index of the matching bracket, -1 if none
	decls   []decl
	methods []method
}

// method is a method declared in the cell.
type method struct {
	receiver string // the receiver's type name, without "*"
	name     string
	text     string // the declaration without its body
}

// readCell reads code leniently. Only the declarations in scope at limit (a
// byte offset, normally the cursor) are kept: those whose name ends before
// it — so a name being typed does not complete to itself — and whose block
// is still open there.
func readCell(code string, limit int) *cell {
	toks, _ := scanCell(code)
	c := &cell{code: code, toks: toks, match: matchBrackets(toks)}
	for i := 0; i < len(toks); i++ {
		switch toks[i].t {
		case token.DEFINE:
			c.readDefine(i)
		case token.VAR, token.CONST:
			for _, sp := range c.specs(i) {
				c.readValueSpec(sp[0], sp[1], toks[i].t)
			}
		case token.TYPE:
			for _, sp := range c.specs(i) {
				if toks[sp[0]].t == token.IDENT {
					from := sp[0] + 1
					if from < sp[1] && toks[from].t == token.ASSIGN {
						from++
					}
					c.add(decl{name: toks[sp[0]].lit, kind: "type", off: toks[sp[0]].off, typ: c.parse(from, sp[1]), text: "type " + c.text(sp[0], sp[1])})
				}
			}
		case token.IMPORT:
			for _, sp := range c.specs(i) {
				c.readImportSpec(sp[0], sp[1])
			}
		case token.FUNC:
			c.readFunc(i)
		}
	}
	kept := c.decls[:0]
	for _, d := range c.decls {
		if d.off+len(d.name) < limit && (d.scopeEnd < 0 || limit <= d.scopeEnd) {
			kept = append(kept, d)
		}
	}
	c.decls = kept
	return c
}

// lookup returns the last declaration of name in the cell.
func (c *cell) lookup(name string) (decl, bool) {
	for i := len(c.decls) - 1; i >= 0; i-- {
		if c.decls[i].name == name {
			return c.decls[i], true
		}
	}
	return decl{}, false
}

func (c *cell) add(d decl) {
	if d.name == "_" || d.name == "" {
		return
	}
	if d.scopeEnd == 0 {
		d.scopeEnd = c.blockEnd(d.off)
	}
	c.decls = append(c.decls, d)
}

// blockEnd is the offset of the "}" closing the innermost block around
// byte off, or -1 when there is none or it is not closed.
func (c *cell) blockEnd(off int) int {
	end := -1
	var open []int
	for k, t := range c.toks {
		if t.off >= off {
			break
		}
		switch t.t {
		case token.LBRACE:
			open = append(open, k)
		case token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	if n := len(open); n > 0 {
		if m := c.match[open[n-1]]; m >= 0 {
			end = c.toks[m].off
		}
	}
	return end
}

// text is the source of the tokens [from, to), trimmed.
func (c *cell) text(from, to int) string {
	to = min(to, len(c.toks))
	if from >= to {
		return ""
	}
	return strings.TrimSpace(c.code[c.toks[from].off:c.toks[to-1].end])
}

func matchBrackets(toks []tok) []int {
	match := make([]int, len(toks))
	var stack []int
	for i, t := range toks {
		match[i] = -1
		switch t.t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			stack = append(stack, i)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if n := len(stack); n > 0 {
				match[i], match[stack[n-1]] = stack[n-1], i
				stack = stack[:n-1]
			}
		}
	}
	return match
}

// stmtEnd returns the index of the token ending the statement that contains
// token i: a semicolon at the same bracket depth, a closing bracket of an
// enclosing group, or the end of the cell.
func (c *cell) stmtEnd(i int) int {
	depth := 0
	for k := i; k < len(c.toks); k++ {
		switch c.toks[k].t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth < 0 {
				return k
			}
		case token.SEMICOLON:
			if depth == 0 {
				return k
			}
		}
	}
	return len(c.toks)
}

// specs returns the token ranges [from, to) of the specs of the declaration
// whose keyword is token i, grouped ("var ( … )") or not.
func (c *cell) specs(i int) [][2]int {
	if i+1 >= len(c.toks) {
		return nil
	}
	if c.toks[i+1].t != token.LPAREN {
		return [][2]int{{i + 1, c.stmtEnd(i + 1)}}
	}
	var out [][2]int
	for k := i + 2; k < len(c.toks) && c.toks[k].t != token.RPAREN; {
		if c.toks[k].t == token.SEMICOLON {
			k++
			continue
		}
		end := c.stmtEnd(k)
		out = append(out, [2]int{k, end})
		k = end
	}
	return out
}

// readDefine reads "a, b := rhs" around the := at token d.
func (c *cell) readDefine(d int) {
	var names []int
	for k := d - 1; k >= 0 && c.toks[k].t == token.IDENT; k -= 2 {
		names = append([]int{k}, names...)
		if k-1 < 0 || c.toks[k-1].t != token.COMMA {
			break
		}
	}
	if len(names) == 0 {
		return
	}
	from := d + 1
	rang := from < len(c.toks) && c.toks[from].t == token.RANGE
	if rang {
		from++
	}
	values := c.parseList(from, c.stmtEnd(from))
	text := c.text(names[0], c.stmtEnd(from))
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	scopeEnd := 0
	if k := names[0] - 1; k >= 0 && (c.toks[k].t == token.FOR || c.toks[k].t == token.IF || c.toks[k].t == token.SWITCH) {
		scopeEnd = c.headerScopeEnd(d)
	}
	for i, n := range names {
		d := decl{name: c.toks[n].lit, kind: "variable", off: c.toks[n].off, rang: rang, text: text, scopeEnd: scopeEnd}
		switch {
		case len(values) == len(names):
			d.value = values[i]
		case len(values) == 1:
			d.value, d.index = values[0], i
		}
		c.add(d)
	}
}

// headerScopeEnd is the scope end of a name declared in the header of a for,
// if or switch statement, its token at index from or later: the "}" of the
// statement's block, the first top-level block whose "}" ends a statement
// (a composite literal's is followed by the block instead).
func (c *cell) headerScopeEnd(from int) int {
	depth := 0
	for k := from; k < len(c.toks); k++ {
		switch c.toks[k].t {
		case token.LBRACE:
			if m := c.match[k]; depth == 0 && m >= 0 {
				if m+1 >= len(c.toks) || c.toks[m+1].t == token.SEMICOLON || c.toks[m+1].t == token.ELSE || c.toks[m+1].t == token.RBRACE {
					return c.toks[m].off
				}
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth < 0 {
				return -1
			}
		}
	}
	return -1
}

// readValueSpec reads "a, b T = x, y" of a var or const declaration.
func (c *cell) readValueSpec(from, to int, keyword token.Token) {
	kind := "variable"
	if keyword == token.CONST {
		kind = "constant"
	}
	var names []int
	k := from
	for k < to && c.toks[k].t == token.IDENT {
		names = append(names, k)
		k++
		if k < to && c.toks[k].t == token.COMMA {
			k++
			continue
		}
		break
	}
	typeFrom := k
	for k < to && c.toks[k].t != token.ASSIGN {
		k++
	}
	var typ ast.Expr
	if k > typeFrom {
		typ = c.parse(typeFrom, k)
	}
	var values []ast.Expr
	if k < to {
		values = c.parseList(k+1, to)
	}
	text := keyword.String() + " " + c.text(from, to)
	for i, n := range names {
		d := decl{name: c.toks[n].lit, kind: kind, off: c.toks[n].off, typ: typ, text: text}
		switch {
		case len(values) == len(names):
			d.value = values[i]
		case len(values) == 1:
			d.value, d.index = values[0], i
		}
		c.add(d)
	}
}

// readImportSpec reads `name "path"` or `"path"`.
func (c *cell) readImportSpec(from, to int) {
	if from >= to {
		return
	}
	alias := ""
	k := from
	if c.toks[k].t == token.IDENT || c.toks[k].t == token.PERIOD {
		alias = c.toks[k].t.String()
		if c.toks[k].t == token.IDENT {
			alias = c.toks[k].lit
		}
		k++
	}
	if k >= to || c.toks[k].t != token.STRING {
		return
	}
	path, err := strconv.Unquote(c.toks[k].lit)
	if err != nil {
		return
	}
	name := alias
	if name == "" {
		name = defaultPackageName(path)
	}
	if name == "." {
		return
	}
	c.add(decl{name: name, kind: "package", off: c.toks[from].off, path: path, text: "import " + c.text(from, to)})
}

// defaultPackageName is the name a package is imported under by
// convention: the last element of its path, or the one before a major
// version suffix ("math/rand/v2" is rand).
func defaultPackageName(path string) string {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return elems[len(elems)-2]
	}
	return last
}

// readFunc reads the function declaration or literal at token f: its name
// (for a declaration) and its parameters, which are in scope in its body.
func (c *cell) readFunc(f int) {
	k := f + 1
	if k >= len(c.toks) {
		return
	}
	name, receiver := -1, -1
	switch c.toks[k].t {
	case token.IDENT:
		name = k
		k++
	case token.LPAREN:
		// A receiver when "(…) Name(" follows.
		if r := c.match[k]; r > k && r+2 < len(c.toks) && c.toks[r+1].t == token.IDENT && c.toks[r+2].t == token.LPAREN {
			receiver, k = k, r+2
		}
	}
	if k >= len(c.toks) || c.toks[k].t != token.LPAREN {
		return
	}
	r := c.match[k]
	if r < 0 {
		return
	}
	end := c.stmtEnd(r + 1)
	body := -1
	for j := r; j < end; j++ {
		if c.toks[j].t == token.LBRACE {
			body = j
			break
		}
	}
	scopeEnd := -1
	if body >= 0 && c.match[body] >= 0 {
		scopeEnd = c.toks[c.match[body]].off
	}
	if receiver >= 0 {
		c.readParams(receiver, c.match[receiver], scopeEnd)
	}
	c.readParams(k, r, scopeEnd)
	if body >= 0 {
		end = body
	}
	switch {
	case name >= 0:
		c.add(decl{name: c.toks[name].lit, kind: "function", off: c.toks[name].off, typ: c.parseFuncType(k, end), text: c.text(f, end)})
	case receiver >= 0:
		recv, ok := c.parseFuncType(receiver, c.match[receiver]+1).(*ast.FuncType)
		if !ok || len(recv.Params.List) != 1 {
			return
		}
		typ := recv.Params.List[0].Type
		if star, ok := typ.(*ast.StarExpr); ok {
			typ = star.X
		}
		if id, ok := typ.(*ast.Ident); ok {
			c.methods = append(c.methods, method{receiver: id.Name, name: c.toks[c.match[receiver]+1].lit, text: c.text(f, end)})
		}
	}
}

// parseFuncType parses the tokens [from, to), a parameter list and any
// results, as the type "func(…) …", or returns nil.
func (c *cell) parseFuncType(from, to int) ast.Expr {
	if from >= to || to > len(c.toks) {
		return nil
	}
	e, err := parser.ParseExpr("func" + c.code[c.toks[from].off:c.toks[to-1].end])
	if err != nil {
		return nil
	}
	return e
}

// readParams declares the parameters in the parenthesised list from token
// l to its closing token r, in scope up to the byte offset scopeEnd.
func (c *cell) readParams(l, r, scopeEnd int) {
	e, err := parser.ParseExpr("func" + c.code[c.toks[l].off:c.toks[r].end])
	if err != nil {
		return
	}
	ft, ok := e.(*ast.FuncType)
	if !ok {
		return
	}
	// Offsets in the parsed text are shifted by the "func" prefix.
	at := func(p token.Pos) int { return c.toks[l].off + int(p) - 1 - len("func") }
	for _, field := range ft.Params.List {
		typ := field.Type
		typeText := c.code[at(typ.Pos()):at(typ.End())]
		if el, ok := typ.(*ast.Ellipsis); ok {
			typ = &ast.ArrayType{Elt: el.Elt}
		}
		for _, n := range field.Names {
			c.add(decl{name: n.Name, kind: "variable", off: at(n.Pos()), typ: typ, text: n.Name + " " + typeText, scopeEnd: scopeEnd})
		}
	}
}

// parse parses the tokens [from, to) as one expression, or returns nil.
func (c *cell) parse(from, to int) ast.Expr {
	if from >= to || from >= len(c.toks) {
		return nil
	}
	end := c.toks[to-1].end
	e, err := parser.ParseExpr(c.code[c.toks[from].off:end])
	if err != nil {
		return nil
	}
	return e
}

// parseList parses the tokens [from, to) as a comma-separated list of
// expressions. When the whole range does not parse (a block follows, as in
// "for _, v := range xs {"), it is cut before a top-level "{", the last one
// first, until it does.
func (c *cell) parseList(from, to int) []ast.Expr {
	if list := c.splitParse(from, to); list != nil {
		return list
	}
	var cuts []int
	depth := 0
	for k := from; k < to; k++ {
		switch c.toks[k].t {
		case token.LBRACE:
			if depth == 0 {
				cuts = append(cuts, k)
			}
			depth++
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	for i := len(cuts) - 1; i >= 0; i-- {
		if list := c.splitParse(from, cuts[i]); list != nil {
			return list
		}
	}
	return nil
}

// splitParse parses [from, to) split at top-level commas; nil if any part
// fails.
func (c *cell) splitParse(from, to int) []ast.Expr {
	var list []ast.Expr
	depth, start := 0, from
	for k := from; k <= to; k++ {
		if k == to || depth == 0 && c.toks[k].t == token.COMMA {
			e := c.parse(start, k)
			if e == nil {
				return nil
			}
			list = append(list, e)
			start = k + 1
			continue
		}
		switch c.toks[k].t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	return list
}
