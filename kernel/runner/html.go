package runner

import (
	"encoding/base64"
	"fmt"
	"html"
	"regexp"
	"strings"
)

// ansi matches the colour escapes of tracebacks.
var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// writeHTML renders the executed notebook as one HTML page with images
// inline (no external files, no scripts): Markdown cells as text with
// headings, code cells with their outputs.
func writeHTML(nb *notebook, path string) error {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>gophlow notebook</title><style>
body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}
pre{background:#f6f8fa;padding:.6em;overflow-x:auto}
pre.out{background:#fff;border-left:3px solid #00add8}
pre.err{background:#fff0f0;border-left:3px solid #c00}
img{max-width:100%}
</style></head><body>
`)
	for _, cell := range nb.cells {
		src := source(cell)
		switch cell["cell_type"] {
		case "markdown":
			writeMarkdown(&b, src)
		case "code":
			fmt.Fprintf(&b, "<pre><code>%s</code></pre>\n", html.EscapeString(src))
			outs, _ := cell["outputs"].([]any)
			for _, o := range outs {
				if out, ok := o.(map[string]any); ok {
					writeOutput(&b, out)
				}
			}
		}
	}
	b.WriteString("</body></html>\n")
	return writeAtomic(path, []byte(b.String()))
}

// writeMarkdown renders heading lines and paragraphs; everything else
// stays text.
func writeMarkdown(b *strings.Builder, src string) {
	var para []string
	flush := func() {
		if len(para) > 0 {
			fmt.Fprintf(b, "<p>%s</p>\n", html.EscapeString(strings.Join(para, "\n")))
			para = nil
		}
	}
	for _, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
		switch {
		case trimmed == "":
			flush()
		case level > 0 && level <= 6 && strings.HasPrefix(trimmed[level:], " "):
			flush()
			fmt.Fprintf(b, "<h%d>%s</h%d>\n", level, html.EscapeString(strings.TrimSpace(trimmed[level:])), level)
		default:
			para = append(para, line)
		}
	}
	flush()
}

func writeOutput(b *strings.Builder, out map[string]any) {
	switch out["output_type"] {
	case "stream":
		text, _ := out["text"].(string)
		fmt.Fprintf(b, "<pre class=out>%s</pre>\n", html.EscapeString(text))
	case "error":
		tb, _ := out["traceback"].([]any)
		var lines []string
		for _, l := range tb {
			if s, ok := l.(string); ok {
				lines = append(lines, ansi.ReplaceAllString(s, ""))
			}
		}
		fmt.Fprintf(b, "<pre class=err>%s</pre>\n", html.EscapeString(strings.Join(lines, "\n")))
	case "display_data", "execute_result":
		data, _ := out["data"].(map[string]any)
		writeBundle(b, data)
	}
}

// writeBundle shows the richest representation a static page can carry.
func writeBundle(b *strings.Builder, data map[string]any) {
	for _, mime := range []string{"image/png", "image/jpeg", "image/gif"} {
		if v, ok := data[mime]; ok {
			fmt.Fprintf(b, "<p><img src=\"data:%s;base64,%s\"></p>\n", mime, base64Of(v))
			return
		}
	}
	if svg, ok := data["image/svg+xml"].(string); ok {
		b.WriteString(svg + "\n")
		return
	}
	if h, ok := data["text/html"].(string); ok {
		b.WriteString("<div>" + h + "</div>\n")
		return
	}
	for _, mime := range []string{"text/markdown", "text/latex", "text/plain"} {
		if s, ok := data[mime].(string); ok {
			fmt.Fprintf(b, "<pre class=out>%s</pre>\n", html.EscapeString(s))
			return
		}
	}
}

// base64Of returns image data as base64: []byte from this run, or the
// base64 string already stored in a notebook read from disk.
func base64Of(v any) string {
	switch x := v.(type) {
	case []byte:
		return base64.StdEncoding.EncodeToString(x)
	case string:
		return strings.ReplaceAll(x, "\n", "")
	}
	return ""
}
