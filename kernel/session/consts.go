package session

import (
	"go/ast"
	"sort"
	"strconv"
	"strings"
)

// expandConsts writes out a const declaration's implicit repetitions and
// its iota as the number of each line. yaegi counts iota per name rather
// than per line (a, b = iota, iota makes the next line's iota 2), and
// fails on some implicit repetitions (_, _):
//
//	const (                      const (
//		a, b = iota, iota * 10       a, b = 0, 0 * 10
//		c, d                  →      c, d = 1, 1 * 10
//	)                            )
func (r *rewriter) expandConsts(g *ast.GenDecl) {
	uses := false
	for _, sp := range g.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) == 0 && vs.Type == nil {
			uses = true // an implicit repetition
		}
		for _, v := range vs.Values {
			uses = uses || mentionsIota(v)
		}
	}
	if !uses {
		return
	}
	var typ ast.Expr
	var values []ast.Expr
	for line, sp := range g.Specs {
		vs := sp.(*ast.ValueSpec)
		if len(vs.Values) > 0 {
			typ, values = vs.Type, vs.Values
			for _, v := range vs.Values {
				for _, id := range iotas(v) {
					r.replace(id.Pos(), id.End(), strconv.Itoa(line))
				}
			}
			continue
		}
		if values == nil {
			continue
		}
		texts := make([]string, len(values))
		for k, v := range values {
			texts[k] = r.withIota(v, line)
		}
		text := " = " + strings.Join(texts, ", ")
		if typ != nil {
			text = " " + renameTypes(r.source(typ), r.renames) + text
		}
		end := vs.Names[len(vs.Names)-1].End()
		r.replace(end, end, text)
	}
}

// mentionsIota reports whether e uses iota.
func mentionsIota(e ast.Expr) bool { return len(iotas(e)) > 0 }

// iotas returns the uses of iota in e.
func iotas(e ast.Expr) []*ast.Ident {
	var ids []*ast.Ident
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "iota" && id.Obj == nil {
			ids = append(ids, id)
		}
		return true
	})
	return ids
}

// source returns the text of e as written.
func (r *rewriter) source(e ast.Expr) string {
	return r.seg.text[r.seg.offset(e.Pos()):r.seg.offset(e.End())]
}

// withIota returns the text of e with iota written as line.
func (r *rewriter) withIota(e ast.Expr, line int) string {
	ids := iotas(e)
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() > ids[j].Pos() })
	text, base := r.source(e), r.seg.offset(e.Pos())
	for _, id := range ids {
		at := r.seg.offset(id.Pos()) - base
		text = text[:at] + strconv.Itoa(line) + text[at+len("iota"):]
	}
	return text
}
