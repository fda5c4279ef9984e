package assist

import "testing"

func TestIsComplete(t *testing.T) {
	cases := []struct {
		code, status, indent string
	}{
		// Complete cells, including imports, declarations and statements mixed.
		{"", "complete", ""},
		{"x := 1", "complete", ""},
		{"import \"fmt\"\nfmt.Println(1)", "complete", ""},
		{"import \"math\"\nfunc half(x float64) float64 { return x / 2 }\ntype T struct{ A int }\nfmt.Println(half(math.Pi), T{1})", "complete", ""},
		{"func (t T) M() int { return 1 }\nx := T{}\nx.M()", "complete", ""},
		{"for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}\n", "complete", ""},
		{"x := 1 // a comment +", "complete", ""},
		{"func() { fmt.Println(1) }()", "complete", ""},
		// An open bracket: the indentation of its line plus one unit.
		{"func f() {", "incomplete", "    "},
		{"func f() {\n\tif x {", "incomplete", "\t\t"},
		{"func f() {\n    if x {\n        y()\n    }", "incomplete", "    "},
		{"fmt.Println(\"a\",\n", "incomplete", "    "},
		{"xs := []int{1, 2,", "incomplete", "    "},
		{"m := map[string]int{\n    \"a\": 1,", "incomplete", "    "},
		{"var (\n\ta = 1", "incomplete", "\t"},
		// A trailing operator, separator or keyword.
		{"x := 1 +", "incomplete", "    "},
		{"    y := a &&", "incomplete", "        "},
		{"x :=", "incomplete", "    "},
		{"v := m.", "incomplete", "    "},
		{"if x {\n} else", "incomplete", "    "},
		{"import", "incomplete", "    "},
		// An open raw string (no indent: it would become content) or comment.
		{"s := `abc", "incomplete", ""},
		{"/* notes", "incomplete", ""},
		{"func f() {\n\tx := `a", "incomplete", ""},
		{"  x := 1 /* notes", "incomplete", "  "},
		// A syntax error only at the end: more lines may finish it.
		{"if x", "incomplete", "    "},
		// Errors no further line can fix.
		{")", "invalid", ""},
		{"f(]", "invalid", ""},
		{"x := \"abc", "invalid", ""},
		{"x := 1 2", "invalid", ""},
		{"x := 1 + / 2\ny := (", "invalid", ""},
		{"func f() {\n\tx := 1 + / 2", "invalid", ""},
		{"x := 'ab'", "invalid", ""},
		{"x := 1 #", "invalid", ""},
		{"x := )\ns := `abc", "invalid", ""},
		{"f(]\n/* notes", "invalid", ""},
	}
	for _, tc := range cases {
		status, indent := IsComplete(tc.code)
		if status != tc.status || indent != tc.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tc.code, status, indent, tc.status, tc.indent)
		}
	}
}
