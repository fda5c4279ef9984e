package session

import "go/ast"

// selectContinue rewrites a continue inside a select's case, which yaegi
// takes for a jump to the statement after the select (so a loop's break
// after the select ends the loop). The case sets a flag before its
// continue, and the flag is tested right after the select, where continue
// works:
//
//	select {                        gophlowcontN := false; select {
//	case j := <-jobs:               case j := <-jobs:
//		use(j); continue     →          use(j); { gophlowcontN = true; continue }
//	}                               }; if gophlowcontN { continue }
//
// (Were yaegi's continue to work, the test is never reached.) Only
// continues nested in blocks and ifs of the case are rewritten, and only in
// an unlabelled select.
func (r *rewriter) selectContinue(s *ast.SelectStmt) {
	if _, labelled := r.parents[s].(*ast.LabeledStmt); labelled {
		return
	}
	var found []*ast.BranchStmt
	var walk func(list []ast.Stmt)
	walk = func(list []ast.Stmt) {
		for _, st := range list {
			switch st := st.(type) {
			case *ast.BranchStmt:
				if st.Tok.String() == "continue" && st.Label == nil {
					found = append(found, st)
				}
			case *ast.BlockStmt:
				walk(st.List)
			case *ast.IfStmt:
				walk(st.Body.List)
				if st.Else != nil {
					walk([]ast.Stmt{st.Else})
				}
			}
		}
	}
	for _, c := range s.Body.List {
		walk(c.(*ast.CommClause).Body)
	}
	if len(found) == 0 {
		return
	}
	flag := r.fresh("cont")
	r.replace(s.Pos(), s.Pos(), flag+" := false; ")
	for _, b := range found {
		r.replace(b.Pos(), b.End(), "{ "+flag+" = true; continue }")
	}
	r.replace(s.End(), s.End(), "; if "+flag+" { continue }")
}

// selectLabeledBranches puts each labeled break or continue written
// directly in a select's case into a block of its own: yaegi takes it
// there for a jump past the select (break L then leaves the select alone
// and the loop spins), but not from inside a block.
//
//	case <-quit:          case <-quit:
//		break loop    →       { break loop }
func (r *rewriter) selectLabeledBranches(s *ast.SelectStmt) {
	for _, c := range s.Body.List {
		for _, st := range c.(*ast.CommClause).Body {
			if b, ok := st.(*ast.BranchStmt); ok && b.Label != nil {
				r.replace(b.Pos(), b.Pos(), "{ ")
				r.replace(b.End(), b.End(), " }")
			}
		}
	}
}
