package cellcheck

import "testing"

// TestJSONCallsWrapTheCellsTypes checks which values of json calls are
// wrapped and how: values whose types involve the cell's types, with the
// shape listing both method sets, values of interfaces by a type switch
// over the cell's types, and such values in composite literals of
// compiled types, but not compiled types.
func TestJSONCallsWrapTheCellsTypes(t *testing.T) {
	ctx := Context{
		Imports: map[string]string{"json": "encoding/json", "os": "os"},
		Decls: []string{
			"type level int",
			"func (l *level) UnmarshalJSON(b []byte) error { return nil }",
			"func (l level) MarshalText() ([]byte, error) { return nil, nil }",
		},
	}
	parts := stmts(
		`b, err := json.Marshal([]level{1})`,
		`err = json.Unmarshal(b, &[]level{})`,
		`json.NewEncoder(os.Stdout).Encode(level(2))`,
		`dec := json.NewDecoder(os.Stdin)`,
		`var l level`,
		`dec.Decode(&l)`,
		`b, err = json.MarshalIndent(map[string]int{}, "", " ")`,
		`var x any = l`,
		`b, err = json.Marshal(x)`,
		`b, err = json.Marshal(map[string]any{"l": l, "n": 1, "s": []any{&l, struct{ A any }{l}}})`,
	)
	c := newChecker()
	c.Runtime = "rt."
	res, err := c.Check(ctx, parts)
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	const shape = `"n0 ;\"main.level\"\"tTU\"o"`
	const fns = `func(gophlowv level) ([]byte, error) { return gophlowv.MarshalText() }, ` +
		`func(gophlowv *level) ([]byte, error) { return gophlowv.MarshalText() }, ` +
		`func(gophlowv *level, gophlowp []byte) error { return gophlowv.UnmarshalJSON(gophlowp) }`
	want := []string{
		`b, err := rt.JSONMarshal(rt.JSONValue([]level{1}, "s` + shape[1:] + `, ` + fns + `))`,
		`err = json.Unmarshal(b, rt.JSONTarget(&[]level{}, "ps` + shape[1:] + `, ` + fns + `))`,
		`rt.JSONEncode(json.NewEncoder(os.Stdout), rt.JSONValue(level(2), ` + shape + `, ` + fns + `))`,
		`dec := json.NewDecoder(os.Stdin)`,
		`var l level`,
		`rt.JSONDecode(dec, rt.JSONTarget(&l, "p` + shape[1:] + `, ` + fns + `))`,
		`b, err = json.MarshalIndent(map[string]int{}, "", " ")`,
		`var x any = l`,
		"b, err = rt.JSONMarshal(func(gophlowx any) any { if gophlowx == nil { return nil }; switch gophlowv := gophlowx.(type) { " +
			`case level: return rt.JSONValue(gophlowv, ` + shape + `, ` + fns + `); ` +
			`case *level: return rt.JSONValue(gophlowv, "p` + shape[1:] + `, ` + fns + `) }; return gophlowx }(x))`,
		`b, err = rt.JSONMarshal(map[string]any{"l": rt.JSONValue(l, ` + shape + `, ` + fns + `), "n": 1, ` +
			`"s": []any{rt.JSONValue(&l, "p` + shape[1:] + `, ` + fns + `), struct{ A any }{rt.JSONValue(l, ` + shape + `, ` + fns + `)}}})`,
	}
	for k, p := range parts {
		if got := apply(p.Text, k, res.Edits); got != want[k] {
			t.Errorf("part %d:\n got %s\nwant %s", k, got, want[k])
		}
	}
}
