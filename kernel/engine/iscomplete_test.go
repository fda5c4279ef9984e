package engine

import "testing"

func TestIsComplete(t *testing.T) {
	cases := []struct {
		code, status, indent string
	}{
		// Go alone: assist decides.
		{"x := 1", "complete", ""},
		{"func f() {", "incomplete", "    "},
		{"x := )", "invalid", ""},
		// Magic lines alone run at once; %time alone times nothing, as in IPython.
		{"%time", "complete", ""},
		{"%who", "complete", ""},
		{"!ls -l", "complete", ""},
		{"%cd /tmp\n%env", "complete", ""},
		{"%nonsense", "complete", ""},
		// Help, exit and quit.
		{"math.Sqrt?", "complete", ""},
		{"?math.Sqrt", "complete", ""},
		{"math.Sqrt??", "complete", ""},
		{"%help", "complete", ""},
		{"exit", "complete", ""},
		{"quit()", "complete", ""},
		// The Go code after magic lines decides.
		{"%time\nfor i := 0; i < 3; i++ {", "incomplete", "    "},
		{"%time\nfor i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}", "complete", ""},
		{"!ls\nx := (", "incomplete", "    "},
		{"%who\nx := )", "invalid", ""},
		// %time CODE: CODE and the lines after it decide.
		{"%time for i := 0; i < 3; i++ {", "incomplete", "    "},
		{"%time for i := 0; i < 3; i++ {\n    fmt.Println(i)", "incomplete", "    "},
		{"%time for i := 0; i < 3; i++ {\n    fmt.Println(i)\n}", "complete", ""},
		{"%time x := 1\nfunc f() {", "incomplete", "    "},
		{"%time x := 1\n%who", "complete", ""},
		// A cell magic waits for a blank line, keeping the last indentation.
		{"%%writefile f.txt", "incomplete", ""},
		{"%%writefile f.txt\nline", "incomplete", ""},
		{"%%writefile f.go\nfunc f() {\n\tx := 1", "incomplete", "\t"},
		{"%%writefile f.txt\nline\n", "complete", ""},
		{"%%writefile f.txt\n", "complete", ""},
	}
	for _, tc := range cases {
		status, indent := IsComplete(tc.code)
		if status != tc.status || indent != tc.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tc.code, status, indent, tc.status, tc.indent)
		}
	}
}
