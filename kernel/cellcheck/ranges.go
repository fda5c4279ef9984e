package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Ranging over an integer or a string, with the operand's type known.
//
// yaegi's compiler fails on `for i := range n` when it cannot type n (a
// field, a parameter's field, a call), and it steps over an invalid UTF-8
// byte as if it were a three-byte rune. Both loops are written out as
// classic loops with a fresh variable per iteration (Go 1.22):
//
//	for i := range n    →  for I, N := T(0), n; I < N; I++ { i := I; … }
//	for i, r := range s →  for I, S := 0, string(s); I < len(S); { R, W := rt.DecodeRune(S[I:]); i, r := I, R; I += W; … }
//
// The operand is evaluated once, as in Go. A loop assigning with = keeps
// that form (i = I). The session's own untyped rewrite (session/loops.go)
// stands back from a loop the checker wrote out.

// rangeOverBasic writes out rs when it ranges over an integer or a string.
func (u *unit) rangeOverBasic(rs *ast.RangeStmt) {
	t := u.info.Types[rs.X].Type
	if t == nil || u.runtime == "" {
		return
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return
	}
	switch {
	case b.Info()&types.IsInteger != 0:
		u.rangeOverInt(rs, t)
	case b.Info()&types.IsString != 0:
		u.rangeOverString(rs)
	}
}

// rangeOverInt writes out a range over an integer of type t.
func (u *unit) rangeOverInt(rs *ast.RangeStmt, t types.Type) {
	b, ok := types.Default(t).(*types.Basic)
	if !ok {
		return // a named type: its name may be renamed by the session
	}
	te := b.Name()
	id := u.loopID(rs)
	i, n := "gophlowI"+id, "gophlowN"+id
	u.writeRange(rs, fmt.Sprintf("for %s, %s := %s(0), ", i, n, te),
		fmt.Sprintf("; %s < %s; %s++ {", i, n, i), []string{i})
}

// rangeOverString writes out a range over a string.
func (u *unit) rangeOverString(rs *ast.RangeStmt) {
	id := u.loopID(rs)
	i, s, r, w := "gophlowI"+id, "gophlowS"+id, "gophlowR"+id, "gophlowW"+id
	u.writeRange(rs, fmt.Sprintf("for %s, %s := 0, string(", i, s),
		fmt.Sprintf("); %s < len(%s); { %s, %s := %sDecodeRune(%s[%s:]); %s += %s;", i, s, r, w, u.runtime, s, i, i, w),
		[]string{i + " - " + w, r})
}

// loopID numbers the variables of rs's rewrite by its position.
func (u *unit) loopID(rs *ast.RangeStmt) string {
	_, off := u.locate(rs.Pos())
	return fmt.Sprint(off)
}

// writeRange replaces rs's header by head + operand + open and binds the
// range's variables to vals at the start of the body.
func (u *unit) writeRange(rs *ast.RangeStmt, head, open string, vals []string) {
	k, start := u.locate(rs.Pos())
	_, xStart := u.locate(rs.X.Pos())
	_, xEnd := u.locate(rs.X.End())
	_, lbrace := u.locate(rs.Body.Lbrace)
	if k < 0 {
		return
	}
	var lhs, rhs []string
	for j, v := range []ast.Expr{rs.Key, rs.Value} {
		if v == nil || j >= len(vals) {
			continue
		}
		if id, ok := v.(*ast.Ident); ok && id.Name == "_" {
			continue
		}
		_, vs := u.locate(v.Pos())
		_, ve := u.locate(v.End())
		lhs = append(lhs, u.parts[k].Text[vs:ve])
		rhs = append(rhs, vals[j])
	}
	bind := ""
	if len(lhs) > 0 {
		op := " = "
		if rs.Tok == token.DEFINE {
			op = " := "
		}
		bind = " " + strings.Join(lhs, ", ") + op + strings.Join(rhs, ", ") + ";"
	}
	u.res.Edits = append(u.res.Edits,
		Edit{Part: k, Start: start, End: xStart, Text: head},
		Edit{Part: k, Start: xEnd, End: lbrace + 1, Text: open + bind})
}
