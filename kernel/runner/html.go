package runner

import (
	"encoding/base64"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/gophlow/gophlow/kernel/render"
)

// ansi matches the colour escapes of tracebacks.
var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// writeHTML renders the executed notebook as one HTML page with images
// inline and no scripts: Markdown cells rendered fully (tables, lists,
// code, links and the notes' maths as MathML), code cells highlighted as
// Go, outputs as the notebook shows them (images at the size their
// metadata asks for). The page is titled after the notebook.
func writeHTML(nb *notebook, notebookPath, path string) error {
	var b strings.Builder
	for _, cell := range nb.cells {
		src := source(cell)
		switch cell["cell_type"] {
		case "markdown":
			b.WriteString("<div class=\"cell md\">\n" + render.Markdown(src) + "</div>\n")
		case "code":
			b.WriteString("<div class=\"cell code\">")
			if n, ok := cell["execution_count"].(int); ok {
				fmt.Fprintf(&b, "<div class=prompt>In [%d]:</div>", n)
			} else if n, ok := cell["execution_count"].(float64); ok {
				fmt.Fprintf(&b, "<div class=prompt>In [%d]:</div>", int(n))
			}
			fmt.Fprintf(&b, "<pre><code class=\"language-go\">%s</code></pre>\n", render.HighlightGo(src))
			outs, _ := cell["outputs"].([]any)
			for _, o := range outs {
				if out, ok := o.(map[string]any); ok {
					writeOutput(&b, out)
				}
			}
			b.WriteString("</div>\n")
		case "raw":
			fmt.Fprintf(&b, "<pre>%s</pre>\n", html.EscapeString(src))
		}
	}
	return writeAtomic(path, []byte(render.Page(pageTitle(nb, notebookPath), b.String())))
}

// pageTitle is the notebook's first level-1 heading as plain text, or its
// file name when it has none.
func pageTitle(nb *notebook, notebookPath string) string {
	var markdown []string
	for _, cell := range nb.cells {
		if cell["cell_type"] == "markdown" {
			markdown = append(markdown, source(cell))
		}
	}
	if t := render.Title(markdown...); t != "" {
		return t
	}
	return strings.TrimSuffix(filepath.Base(notebookPath), filepath.Ext(notebookPath))
}

func writeOutput(b *strings.Builder, out map[string]any) {
	switch out["output_type"] {
	case "stream":
		text, _ := out["text"].(string)
		if lines, ok := out["text"].([]any); ok {
			text = joinLines(lines)
		}
		if strings.TrimSpace(text) == "" {
			return
		}
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
		md, _ := out["metadata"].(map[string]any)
		writeBundle(b, data, md)
	}
}

// writeBundle shows the richest representation a static page can carry.
// An image's width and height come from the output's metadata, as in
// Jupyter: a 2× PNG shows at its intended size, crisply.
func writeBundle(b *strings.Builder, data, md map[string]any) {
	for _, mime := range []string{"image/png", "image/jpeg", "image/gif"} {
		if v, ok := data[mime]; ok {
			fmt.Fprintf(b, "<p><img src=\"data:%s;base64,%s\"%s alt=\"\"></p>\n", mime, base64Of(v), imageSize(md, mime))
			return
		}
	}
	if svg, ok := text(data["image/svg+xml"]); ok {
		b.WriteString(svg + "\n")
		return
	}
	if h, ok := text(data["text/html"]); ok {
		b.WriteString("<div class=html>" + h + "</div>\n")
		return
	}
	if m, ok := text(data["text/markdown"]); ok {
		b.WriteString("<div class=md>" + render.Markdown(m) + "</div>\n")
		return
	}
	if l, ok := text(data["text/latex"]); ok {
		l = strings.TrimSpace(l)
		if t, ok := strings.CutPrefix(l, "$$"); ok {
			l = strings.TrimSuffix(t, "$$")
		} else if t, ok := strings.CutPrefix(l, "$"); ok {
			l = strings.TrimSuffix(t, "$")
		}
		b.WriteString(render.TeX(strings.TrimSpace(l), true) + "\n")
		return
	}
	if s, ok := text(data["text/plain"]); ok {
		fmt.Fprintf(b, "<pre class=out>%s</pre>\n", html.EscapeString(s))
	}
}

// imageSize returns width and height attributes from an output's metadata
// for mime ({"image/png": {"width": 440, "height": 300}}).
func imageSize(md map[string]any, mime string) string {
	m, _ := md[mime].(map[string]any)
	var attrs string
	for _, k := range []string{"width", "height"} {
		switch v := m[k].(type) {
		case float64:
			attrs += fmt.Sprintf(" %s=\"%d\"", k, int(v))
		case int:
			attrs += fmt.Sprintf(" %s=\"%d\"", k, v)
		}
	}
	return attrs
}

// text returns a MIME bundle's text, which nbformat allows as a string or a
// list of lines.
func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case []any:
		return joinLines(x), true
	}
	return "", false
}

func joinLines(lines []any) string {
	var s strings.Builder
	for _, l := range lines {
		if t, ok := l.(string); ok {
			s.WriteString(t)
		}
	}
	return s.String()
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
