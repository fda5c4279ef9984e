package assist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
)

// literalType returns the type expression of the composite literal whose
// key position the byte offset off is at — just after the literal's "{" or
// a "," inside it, as in `distuv.Normal{Mu: 0, S` — or nil.
func literalType(code string, toks []tok, off int) ast.Expr {
	var open []int
	prev := -1 // the last token before off, comments and line ends aside
	for k, t := range toks {
		if t.off >= off {
			break
		}
		if t.t == token.COMMENT || t.t == token.SEMICOLON && t.lit == "\n" {
			continue
		}
		switch t.t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			open = append(open, k)
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
		prev = k
	}
	if len(open) == 0 || prev < 0 || toks[open[len(open)-1]].t != token.LBRACE || toks[prev].t != token.LBRACE && toks[prev].t != token.COMMA {
		return nil
	}
	brace := open[len(open)-1]
	operand := operandBefore(code, toks[brace].off)
	if operand == "" {
		return nil
	}
	// A block after a function's result type or a statement's header is not
	// a literal: `func f() T {`, `if x {`, `for range xs {`.
	for k := brace - 1; k >= 0; k-- {
		if toks[k].off < toks[brace].off-len(operand) {
			switch toks[k].t {
			case token.RPAREN, token.IF, token.FOR, token.SWITCH, token.RANGE, token.SELECT, token.ELSE:
				return nil
			}
			break
		}
	}
	x, err := parser.ParseExpr(operand)
	if err != nil {
		return nil
	}
	return x
}

// literalKeys lists the field names a composite literal of type lit takes
// as keys: the direct fields of a compiled or cell-declared struct.
func (t *typer) literalKeys(lit ast.Expr) []candidate {
	if typ := t.typeExpr(lit); typ != nil {
		if typ.Kind() != reflect.Struct {
			return nil
		}
		var cands []candidate
		for i := 0; i < typ.NumField(); i++ {
			if f := typ.Field(i); f.IsExported() {
				cands = append(cands, candidate{text: f.Name, kind: "field", signature: f.Type.String()})
			}
		}
		return cands
	}
	if name := t.localNamed(lit); name != "" {
		var cands []candidate
		for _, f := range t.localFields(name) {
			cands = append(cands, candidate{text: f.name, kind: "field", signature: f.typ})
		}
		return cands
	}
	return nil
}

// describeLiteralKey is the help text of the field key of a composite
// literal of type lit, or "".
func (t *typer) describeLiteralKey(lit ast.Expr, key string) string {
	if typ := t.typeExpr(lit); typ != nil {
		if typ.Kind() != reflect.Struct {
			return ""
		}
		return describeMember(typ, key, 0)
	}
	if name := t.localNamed(lit); name != "" {
		return t.describeLocalMember(name, key)
	}
	return ""
}
