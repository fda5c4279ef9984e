package render

import (
	"html"
	"regexp"
	"strings"
)

// Style is the only styling of the pages gophlow writes (`gophlow run
// --html`, the feedback pages of `gophlow grade`): no scripts, fonts or
// network. It styles what Markdown, TeX and HighlightGo produce, code cells
// and their outputs (pre.out, pre.err, .prompt) and graded exercises
// (.exercise, .score).
const Style = `body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:62em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1f2328}
pre{background:#f6f8fa;padding:.6em .8em;overflow-x:auto;tab-size:4;-moz-tab-size:4;line-height:1.35;border-radius:4px}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
:not(pre)>code{background:#f0f1f3;padding:.1em .3em;border-radius:3px}
.cell{margin:1.2em 0}
.prompt{color:#6e7781;font-family:ui-monospace,monospace;font-size:.8em;margin-bottom:.2em}
pre.out{background:#fff;border-left:3px solid #00add8;border-radius:0}
pre.err{background:#fff0f0;border-left:3px solid #c00;border-radius:0}
.wrap{white-space:pre-wrap}
img{max-width:100%;height:auto}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #d0d7de;padding:.3em .7em}
th{background:#f6f8fa}
blockquote{margin-left:0;padding-left:1em;border-left:3px solid #d0d7de;color:#57606a}
math{font-size:1.1em;font-family:"Latin Modern Math","STIX Two Math","Cambria Math",math}
math[display=block]{margin:.8em 0}
.kw{color:#008000;font-weight:bold}
.bi{color:#0b6e99}
.str{color:#ba2121}
.com{color:#3d7b7b;font-style:italic}
.num{color:#666600}
.mag{color:#aa22ff}
.exercise{margin:2em 0;padding-top:.5em;border-top:1px solid #d0d7de}
.score{font-weight:bold;margin:.3em 0}
.score.pass{color:#1e8e3e}
.score.fail{color:#d93025}
`

// Page returns a whole HTML page: the title (plain text, escaped here),
// Style, and body, HTML as it is.
func Page(title, body string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title><style>\n" + Style + "</style></head><body>\n")
	b.WriteString(body)
	b.WriteString("</body></html>\n")
	return b.String()
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(^|\W)[*_]([^*_]+)[*_]`)
)

// PlainText returns a line of Markdown (a heading, say) as plain text for a
// page's title: emphasis, code and maths marks stripped, links down to
// their text, a closing run of #s dropped.
func PlainText(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("**", "", "__", "", "`", "", "$", "", `\`, "").Replace(s)
	s = mdEmphasis.ReplaceAllString(s, "$1$2")
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "#"))
}

// Title returns the first level-1 heading ("# …") of the Markdown sources,
// as plain text, or "" when none has one.
func Title(markdown ...string) string {
	for _, src := range markdown {
		for _, line := range strings.Split(src, "\n") {
			if t, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
				if t = PlainText(t); t != "" {
					return t
				}
			}
		}
	}
	return ""
}
