package assist

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"
)

// IsComplete tells a console whether Go code is ready to run (the kernel's
// engine.IsComplete deals with magic, help and exit lines first):
//   - "complete": it parses (imports, declarations and statements may be
//     mixed, as the kernel splits them), or it is empty;
//   - "incomplete": more lines can finish it — a bracket is open, the last
//     token is a binary or assignment operator, a comma, a dot, a colon or a
//     keyword that needs more (func, if, else, …), a raw string or a
//     comment is unterminated, or the only syntax error is at its very end;
//   - "invalid": a syntax error that no further line can fix, such as ")"
//     with no opener or an unterminated "…" string.
//
// For "incomplete", indent is the indentation of the next line: that of the
// line holding the innermost open bracket (or starting the unfinished
// statement) plus one unit, and nothing inside a raw string. The unit is a
// tab when the cell already indents a line with a tab (gofmt's style), four
// spaces otherwise (the usual notebook editor default).
func IsComplete(code string) (status string, indent string) {
	if strings.TrimSpace(code) == "" {
		return "complete", ""
	}
	toks, errs := scanCell(code)
	for _, e := range errs {
		if !strings.Contains(e.msg, "raw string literal not terminated") && !strings.Contains(e.msg, "comment not terminated") {
			return "invalid", ""
		}
	}
	if len(errs) > 0 {
		// An open raw string or comment runs to the end, so its error is
		// the only one: closing it tells whether the rest is sound.
		closer, indent := "*/", lineIndent(code, errs[0].off)
		if strings.Contains(errs[0].msg, "raw string") {
			closer, indent = "`", ""
		}
		if status, _ := IsComplete(code + closer); status == "invalid" {
			return "invalid", ""
		}
		return "incomplete", indent
	}
	unit := "    "
	for _, line := range strings.Split(code, "\n") {
		if strings.HasPrefix(line, "\t") {
			unit = "\t"
			break
		}
	}
	var open []int
	for k, t := range toks {
		switch t.t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, k)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			n := len(open)
			if n == 0 || toks[open[n-1]].t != opener(t.t) {
				return "invalid", ""
			}
			open = open[:n-1]
		}
	}
	statements := topLevelStatements(toks)
	if len(statements) == 0 {
		return "complete", ""
	}
	lastStmt := statements[len(statements)-1]
	end := toks[lastStmt[1]-1].end
	// Parse with the open brackets closed, so that an error before the end
	// is found even in an unfinished cell.
	closed := code
	if len(open) > 0 {
		closed += "\n"
		for k := len(open) - 1; k >= 0; k-- {
			closed += closer(toks[open[k]].t)
		}
	}
	result := parseMixed(closed, end)
	switch {
	case result == broken:
		return "invalid", ""
	case len(open) > 0:
		return "incomplete", lineIndent(code, toks[open[len(open)-1]].off) + unit
	case continues(toks[lastStmt[1]-1].t) || result == needsMore:
		return "incomplete", lineIndent(code, toks[lastStmt[0]].off) + unit
	}
	return "complete", ""
}

func closer(opener token.Token) string {
	switch opener {
	case token.LPAREN:
		return ")"
	case token.LBRACK:
		return "]"
	}
	return "}"
}

func opener(closer token.Token) token.Token {
	switch closer {
	case token.RPAREN:
		return token.LPAREN
	case token.RBRACK:
		return token.LBRACK
	}
	return token.LBRACE
}

// continues reports whether a statement ending with t must go on: binary
// and assignment operators, separators and keywords that need an operand.
func continues(t token.Token) bool {
	switch t {
	case token.INC, token.DEC, token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
		return false
	case token.COMMA, token.PERIOD, token.COLON, token.ELLIPSIS:
		return true
	}
	return t.IsOperator() && t != token.RPAREN && t != token.RBRACK && t != token.RBRACE && t != token.SEMICOLON ||
		t.IsKeyword()
}

// lineIndent is the leading white space of the line holding byte off.
func lineIndent(code string, off int) string {
	start := strings.LastIndexByte(code[:off], '\n') + 1
	end := start
	for end < len(code) && (code[end] == ' ' || code[end] == '\t') {
		end++
	}
	return code[start:end]
}

// topLevelStatements splits the tokens, comments left out, into the token
// index ranges [from, to) of the statements at bracket depth zero.
func topLevelStatements(toks []tok) [][2]int {
	var out [][2]int
	depth, from := 0, -1
	for k, t := range toks {
		switch t.t {
		case token.COMMENT:
			continue
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth == 0 {
				if from >= 0 {
					out = append(out, [2]int{from, lastNonComment(toks, k)})
				}
				from = -1
				continue
			}
		}
		if from < 0 {
			from = k
		}
	}
	if from >= 0 {
		out = append(out, [2]int{from, lastNonComment(toks, len(toks))})
	}
	return out
}

// lastNonComment is one past the last non-comment token before index to.
func lastNonComment(toks []tok, to int) int {
	for to > 0 && toks[to-1].t == token.COMMENT {
		to--
	}
	return to
}

type parseResult int

const (
	parsed    parseResult = iota
	needsMore             // the only errors are at the end of the cell
	broken
)

// parseMixed parses a cell the way the kernel splits it: imports and
// function or method declarations as a file, every other statement as the
// body of a function. Each part has the other part's bytes blanked, so error
// offsets are offsets of code; errors at or after the byte offset end mean
// the cell needs more lines.
func parseMixed(code string, end int) parseResult {
	toks, _ := scanCell(code)
	statements := topLevelStatements(toks)
	file, body := blankCopy(code), blankCopy(code)
	for i, st := range statements {
		// A statement runs to the start of the next, separators included.
		from, to := toks[st[0]].off, len(code)
		if i+1 < len(statements) {
			to = toks[statements[i+1][0]].off
		}
		switch first := toks[st[0]].t; {
		case first == token.PACKAGE:
		case first == token.IMPORT || first == token.FUNC && isFuncDecl(toks, st[0]):
			copy(file[from:to], code[from:to])
		default:
			copy(body[from:to], code[from:to])
		}
	}
	result := parsed
	for _, src := range []struct{ prefix, text, suffix string }{
		{"package p;", string(file), ""},
		{"package p; func _() {", string(body), "\n}"},
	} {
		_, err := parser.ParseFile(token.NewFileSet(), "", src.prefix+src.text+src.suffix, 0)
		list, ok := err.(scanner.ErrorList)
		if err == nil || !ok || len(list) == 0 {
			continue
		}
		if list[0].Pos.Offset-len(src.prefix) < end {
			return broken
		}
		result = needsMore
	}
	return result
}

// blankCopy is code with every byte but line feeds replaced by a space.
func blankCopy(code string) []byte {
	b := []byte(code)
	for i := range b {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
	return b
}

// isFuncDecl reports whether the func keyword at token f starts a function
// or method declaration rather than a function literal.
func isFuncDecl(toks []tok, f int) bool {
	if f+1 >= len(toks) {
		return false
	}
	if toks[f+1].t == token.IDENT {
		return true
	}
	if toks[f+1].t != token.LPAREN {
		return false
	}
	depth := 0
	for k := f + 1; k < len(toks); k++ {
		switch toks[k].t {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
			if depth == 0 {
				return k+2 < len(toks) && toks[k+1].t == token.IDENT && toks[k+2].t == token.LPAREN
			}
		}
	}
	return false
}
