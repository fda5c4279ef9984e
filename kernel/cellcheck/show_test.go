package cellcheck

import "testing"

// TestPrintCallsShowTheCellsTypes checks which print arguments are
// wrapped: values whose types involve the cell's types, through type
// assertions when the static type is an interface, but not compiled types,
// constants of basic types, nor the operand of %w. (An error from
// fmt.Errorf goes through the switch too: its static type is error.)
func TestPrintCallsShowTheCellsTypes(t *testing.T) {
	ctx := Context{
		Imports: map[string]string{"fmt": "fmt", "time": "time", "errors": "errors"},
		Decls: []string{
			"type point struct{ x, y int }",
			"type Color int",
			"func (c Color) String() string { return \"c\" }",
			"type oops struct{}",
			"func (*oops) Error() string { return \"oops\" }",
		},
	}
	parts := stmts(
		`fmt.Println(point{1, 2}, 3, time.Second)`,
		`fmt.Printf("%T %v\n", []Color{1}, "s")`,
		`var err error = &oops{}`,
		`fmt.Println(err)`,
		`e := fmt.Errorf("%v: %w", Color(1), err)`,
		`fmt.Println(e)`,
		`e2 := fmt.Errorf("wrapped: %w", &oops{})`,
	)
	c := newChecker()
	c.Runtime = "rt."
	res, err := c.Check(ctx, parts)
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	want := []string{
		`fmt.Println(rt.Show(point{1, 2}, "n0 ;\"main.point\"\"\"t2 \"x\"fo\"y\"fo"), 3, time.Second)`,
		`rt.Printf("%T %v\n", rt.Show([]Color{1}, "sn0 ;\"main.Color\"\"s\"o", func(gophlowv Color) string { return gophlowv.String() }), "s")`,
		`var err error = func(gophlowv *oops) error { return rt.HoldingError(gophlowv, gophlowv, func() string { return gophlowv.Error() }) }(&oops{})`,
		`fmt.Println(func(gophlowx error) any { if gophlowv, ok := gophlowx.(*oops); ok { return rt.Show(gophlowv, "pn0 ;\"main.oops\"\"E\"t0 ", func(gophlowv *oops) string { return gophlowv.Error() }) }; return gophlowx }(err))`,
		`e := rt.Errorf("%v: %w", rt.Show(Color(1), "n0 ;\"main.Color\"\"s\"o", func(gophlowv Color) string { return gophlowv.String() }), err)`,
		`fmt.Println(func(gophlowx error) any { if gophlowv, ok := gophlowx.(*oops); ok { return rt.Show(gophlowv, "pn0 ;\"main.oops\"\"E\"t0 ", func(gophlowv *oops) string { return gophlowv.Error() }) }; return gophlowx }(e))`,
		`e2 := fmt.Errorf("wrapped: %w", func(gophlowv *oops) error { return rt.HoldingError(gophlowv, gophlowv, func() string { return gophlowv.Error() }) }(&oops{}))`,
	}
	for k, p := range parts {
		if got := apply(p.Text, k, res.Edits); got != want[k] {
			t.Errorf("part %d:\n got %s\nwant %s", k, got, want[k])
		}
	}
}
