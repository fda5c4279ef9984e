// Covers: fmt, Append/Appendf/Appendln building a byte slice, Fprintf into bytes.Buffer and strings.Builder, Sprintf %v of byte slices.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

type Row struct {
	ID    int
	Label string
	Ok    bool
}

func main() {
	rows := []Row{{1, "alpha", true}, {2, "beta", false}, {10, "gamma", true}}

	var out []byte
	out = fmt.Appendf(out, "%d rows\n", len(rows))
	for _, r := range rows {
		out = fmt.Appendf(out, "%03d|%-6s|%t\n", r.ID, r.Label, r.Ok)
	}
	out = fmt.Append(out, "end", 1, 2, "\n")
	out = fmt.Appendln(out, "done", len(rows))
	fmt.Print(string(out))
	fmt.Println("len:", len(out))

	var buf bytes.Buffer
	for i, r := range rows {
		if i > 0 {
			buf.WriteString(", ")
		}
		fmt.Fprintf(&buf, "%s=%d", r.Label, r.ID)
	}
	fmt.Println(buf.String())

	var sb strings.Builder
	fmt.Fprintln(&sb, "header")
	fmt.Fprint(&sb, "x", 1, 2, "y")
	fmt.Printf("%q\n", sb.String())

	raw := []byte("hi!")
	fmt.Println(raw)
	fmt.Printf("%v %s %q %x\n", raw, raw, raw, raw)
	prefix := fmt.Appendf([]byte("id:"), "%05d", 42)
	fmt.Println(string(prefix), cap(prefix) >= len(prefix))
}
