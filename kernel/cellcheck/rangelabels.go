package cellcheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// Labeled branches around ranges over functions. A converted loop's body
// is a function (rangefunc.go), so a branch to a label outside it cannot
// stay a branch:
//   - a break or continue of a converted loop's own label, directly in its
//     body, becomes return false or return true, and the label goes;
//   - one that leaves a converted loop M for an enclosing statement sets a
//     flag of M's and returns false; after M's call the flag is turned
//     back into the branch (or into M's enclosing yield function's return,
//     when that statement is itself a converted loop):
//
//	Outer: for i, w := range seq { for j, v := range seq { … continue Outer … } }
//	→ seq(func(i int, w string) bool { { var gophlowbr7 int; seq(func(j int, v string) bool {
//	      … { gophlowbr7 = 1; return false } …; return true }); if gophlowbr7 == 1 { return true } }; return true })
//
// A branch that would cross two converted loops leaves the inner one as it
// is (the interpreter then says it cannot run it).

// rangeFuncPlan is which ranges over functions the unit converts, decided
// once for all of them: a loop converts only if every labeled branch
// leaving it can be carried out.
type rangeFuncPlan struct {
	converted map[*ast.RangeStmt]bool
	labels    map[*ast.RangeStmt]*ast.LabeledStmt // the labels of loops
	branches  []labeledBranch
}

// labeledBranch is a break or continue with a label.
type labeledBranch struct {
	stmt    *ast.BranchStmt
	target  ast.Stmt         // the labeled statement it leaves or continues
	between []*ast.RangeStmt // the ranges it crosses to get there, innermost first
}

// crossed returns the converted loops b crosses, innermost first.
func (p *rangeFuncPlan) crossed(b labeledBranch) []*ast.RangeStmt {
	var out []*ast.RangeStmt
	for _, r := range b.between {
		if p.converted[r] {
			out = append(out, r)
		}
	}
	return out
}

// rangeFuncPlan computes the plan on first use.
func (u *unit) rangeFuncPlan() *rangeFuncPlan {
	if u.rangePlan != nil {
		return u.rangePlan
	}
	p := &rangeFuncPlan{converted: map[*ast.RangeStmt]bool{}, labels: map[*ast.RangeStmt]*ast.LabeledStmt{}}
	u.rangePlan = p
	var stack []ast.Node
	ast.Inspect(u.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			if u.convertible(n) {
				p.converted[n] = true
			}
			if l, ok := stack[len(stack)-1].(*ast.LabeledStmt); ok {
				p.labels[n] = l
			}
		case *ast.BranchStmt:
			if n.Label != nil && n.Tok != token.GOTO {
				p.branches = append(p.branches, branchTarget(n, stack))
			}
		}
		stack = append(stack, n)
		return true
	})
	for changed := true; changed; {
		changed = false
		for _, b := range p.branches {
			if c := p.crossed(b); len(c) >= 2 {
				delete(p.converted, c[0])
				changed = true
			}
		}
	}
	return p
}

// branchTarget finds what b leaves among its enclosing nodes (innermost
// last), within its function.
func branchTarget(b *ast.BranchStmt, stack []ast.Node) labeledBranch {
	lb := labeledBranch{stmt: b}
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return lb
		case *ast.LabeledStmt:
			if n.Label.Name == b.Label.Name {
				if k := len(lb.between); k > 0 && ast.Stmt(lb.between[k-1]) == n.Stmt {
					lb.between = lb.between[:k-1] // the label's own loop is the target
				}
				lb.target = n.Stmt
				return lb
			}
		case *ast.RangeStmt:
			if i+1 < len(stack) && stack[i+1] == n.Body {
				lb.between = append(lb.between, n)
			}
		}
	}
	return lb
}

// convertible reports whether rs ranges over a function and its body can
// be that function's yield function.
func (u *unit) convertible(rs *ast.RangeStmt) bool {
	t := u.info.Types[rs.X].Type
	if t == nil || rs.Tok == token.ASSIGN || !convertibleBody(rs.Body) {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return false
	}
	if _, ok := sig.Params().At(0).Type().Underlying().(*types.Signature); !ok {
		return false
	}
	if k, _ := u.locate(rs.Pos()); k < 0 {
		return false
	}
	_, ok = u.returns(rs)
	return ok
}

// labeledBranches writes the labeled branches rs's conversion takes over,
// and returns the flag's declaration to put before rs's call and the
// branches to take after it.
func (u *unit) labeledBranches(rs *ast.RangeStmt) (flag, dispatch string) {
	p := u.rangeFuncPlan()
	_, id := u.locate(rs.Pos())
	name := fmt.Sprintf("gophlowbr%d", id)
	code := 0
	for _, b := range p.branches {
		c := p.crossed(b)
		k, start := u.locate(b.stmt.Pos())
		_, end := u.locate(b.stmt.End())
		switch {
		case len(c) == 0 && b.target == ast.Stmt(rs):
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end, Text: exitYield(b.stmt.Tok)})
		case len(c) == 1 && c[0] == rs:
			code++
			u.res.Edits = append(u.res.Edits, Edit{Part: k, Start: start, End: end,
				Text: fmt.Sprintf("{ %s = %d; return false }", name, code)})
			then := u.parts[k].Text[start:end]
			if r, ok := b.target.(*ast.RangeStmt); ok && p.converted[r] {
				then = exitYield(b.stmt.Tok)
			}
			dispatch += fmt.Sprintf("; if %s == %d { %s }", name, code, then)
		}
	}
	if code == 0 {
		return "", ""
	}
	return "{ var " + name + " int; ", dispatch + " }"
}

// exitYield is how a yield function continues (true) or breaks its loop.
func exitYield(tok token.Token) string {
	if tok == token.CONTINUE {
		return "return true"
	}
	return "return false"
}
