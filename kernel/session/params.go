package session

import "go/ast"

// nameParams names the unnamed parameters (and receiver) of a function
// literal or declaration "_": func(int, int) bool becomes
// func(_ int, _ int) bool. yaegi allocates no frame slot to an unnamed
// parameter, and when compiled code calls the function (sort.Slice's less,
// fmlib.TrainOptions.Callback) it copies the arguments into the first
// slots anyway, over the function's local variables: "reflect.Set: value of
// type int is not assignable to type []int". A blank name gets its slot.
func (r *rewriter) nameParams(recv *ast.FieldList, typ *ast.FuncType) {
	for _, list := range []*ast.FieldList{recv, typ.Params} {
		if list == nil {
			continue
		}
		for _, f := range list.List {
			if len(f.Names) == 0 {
				r.replace(f.Type.Pos(), f.Type.Pos(), "_ ")
			}
		}
	}
}
