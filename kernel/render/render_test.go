package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMarkdownBlocksAndInlines(t *testing.T) {
	src := "# Title\n\nSome **bold**, *italic* and `code` with a [link](https://go.dev).\n\n" +
		"- one\n- two\n\n1. first\n2. second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```go\nx := 1\n```\n\n## Sub\n"
	out := Markdown(src)
	for _, want := range []string{
		"<h1", ">Title</h1>", "<strong>bold</strong>", "<em>italic</em>", "<code>code</code>",
		`<a href="https://go.dev">link</a>`, "<ul>\n<li>one</li>", "<ol>\n<li>first</li>",
		"<table>", "<th>a</th>", "<td>2</td>", `<pre><code class="language-go">`, "<h2", ">Sub</h2>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestMarkdownMathsBecomesMathML(t *testing.T) {
	out := Markdown("The noise $\\sigma_{min}$ and $a*b*c$ stay maths, `$x$` stays code:\n\n$$\\int_0^1 f(t)\\,dt$$\n")
	for _, want := range []string{
		"<msub><mi>σ</mi><mrow><mi>m</mi><mi>i</mi><mi>n</mi></mrow></msub>",
		"<mi>a</mi><mo>∗</mo><mi>b</mi>", // not emphasis
		"<code>$x$</code>",
		`<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">`,
		`<msubsup><mo largeop="true" movablelimits="true">∫</mo><mrow><mn>0</mn></mrow><mrow><mn>1</mn></mrow></msubsup>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "<p><math") && strings.Contains(out, `display="block"></p>`) {
		t.Errorf("display maths left inside its own paragraph:\n%s", out)
	}
	if p := Markdown("around $x_0$. Then"); !strings.Contains(p, `<span style="white-space:nowrap"><math`) || !strings.Contains(p, "</math>.</span> Then") {
		t.Errorf("punctuation may wrap away from its formula: %s", p)
	}
	if strings.Contains(out, "<em>") || strings.Contains(out, "GOPHLOWMATH") {
		t.Errorf("maths mangled:\n%s", out)
	}
}

func TestTeXConstructs(t *testing.T) {
	cases := []struct{ tex, want string }{
		{`\frac{a}{b}`, "<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"},
		{`x^2_i`, "<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>"},
		{`\mathbb{R}^d`, "<msup><mi>ℝ</mi><mrow><mi>d</mi></mrow></msup>"},
		{`\mathbb{E}`, "<mi>𝔼</mi>"},
		{`\mathcal{N}`, "<mi>𝒩</mi>"},
		{`\nabla\cdot u`, `<mi mathvariant="normal">∇</mi><mo>⋅</mo><mi>u</mi>`},
		{`\lVert x \rVert`, `<mo stretchy="false">‖</mo><mi>x</mi><mo stretchy="false">‖</mo>`},
		{`\sqrt{2}`, "<msqrt><mn>2</mn></msqrt>"},
		{`\log p`, "<mi>log</mi>" + applyFn + "<mi>p</mi>"},
		{`\text{if } t`, "<mtext>if </mtext><mi>t</mi>"},
		{`\hat{x}`, `<mover accent="true"><mrow><mi>x</mi></mrow><mo stretchy="true">^</mo></mover>`},
		{`\big(`, `maxsize="1.2em">(</mo>`},
		{`\Sigma`, `<mi mathvariant="normal">Σ</mi>`},
		{`a - b`, "<mi>a</mi><mo>−</mo><mi>b</mi>"},
		{`0.5`, "<mn>0.5</mn>"},
		{`\tfrac12 x`, "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac></mstyle><mi>x</mi>"},
		{`2^{64}`, "<msup><mn>2</mn><mrow><mn>64</mn></mrow></msup>"},
		{`2^64`, "<msup><mn>2</mn><mrow><mn>6</mn></mrow></msup><mn>4</mn>"},
	}
	for _, c := range cases {
		if got := TeX(c.tex, false); !strings.Contains(got, c.want) {
			t.Errorf("TeX(%q) = %s\nwant it to contain %s", c.tex, got, c.want)
		}
	}
	if got := TeX(`\sum_{i=1}^n x_i`, true); !strings.Contains(got, "<munderover><mo") {
		t.Errorf("display sum without limits below and above: %s", got)
	}
	if u := Unknown(`\frobnicate{x} + \alpha`); len(u) != 1 || u[0] != `\frobnicate` {
		t.Errorf("Unknown = %q", u)
	}
	if got := TeX(`\frobnicate`, false); !strings.Contains(got, `mathcolor="red"`) {
		t.Errorf("an unknown command is not shown: %s", got)
	}
	if got := TeX(`a<b`, false); strings.Contains(got, "<b") && !strings.Contains(got, "&lt;") {
		t.Errorf("not escaped: %s", got)
	}
}

var mathsRE = regexp.MustCompile(`(?s)\$\$(.+?)\$\$|\$([^$\n]+?)\$`)

// Every formula of the course translates with known commands only, and a
// notebook's notes come out with MathML elements.
func TestCourseMathsTranslates(t *testing.T) {
	paths, _ := filepath.Glob("../../notebooks/*.ipynb")
	ex, _ := filepath.Glob("../../notebooks/exercises/*.ipynb")
	paths = append(paths, ex...)
	if len(paths) < 10 {
		t.Fatalf("found %d notebooks", len(paths))
	}
	formulas := 0
	for _, p := range paths {
		for _, src := range markdownCells(t, p) {
			_, found := cutMaths(src)
			for _, m := range found {
				formulas++
				if u := Unknown(m.tex); len(u) > 0 {
					t.Errorf("%s: %q: unknown %q", filepath.Base(p), m.tex, u)
				}
			}
		}
	}
	if formulas < 500 {
		t.Errorf("only %d formulas found in the course", formulas)
	}
	var page strings.Builder
	for _, src := range markdownCells(t, "../../notebooks/05-likelihood.ipynb") {
		page.WriteString(Markdown(src))
	}
	out := page.String()
	for _, want := range []string{`display="block"`, "<mfrac>", "<msub>", `<mi mathvariant="normal">∇</mi>`, "<mi>θ</mi>", "<mo largeop=\"true\" movablelimits=\"true\">∫</mo>"} {
		if !strings.Contains(out, want) {
			t.Errorf("notebook 05's notes have no %s", want)
		}
	}
	if strings.Contains(out, "$") && mathsRE.MatchString(stripCode(out)) {
		t.Errorf("notebook 05 still has TeX between dollars: %s", mathsRE.FindString(stripCode(out)))
	}
}

func stripCode(s string) string {
	return regexp.MustCompile(`(?s)<code>.*?</code>|<annotation.*?</annotation>`).ReplaceAllString(s, "")
}

func markdownCells(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			CellType string          `json:"cell_type"`
			Source   json.RawMessage `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range nb.Cells {
		if c.CellType != "markdown" {
			continue
		}
		var lines []string
		if json.Unmarshal(c.Source, &lines) != nil {
			var s string
			json.Unmarshal(c.Source, &s)
			lines = []string{s}
		}
		out = append(out, strings.Join(lines, ""))
	}
	return out
}

func TestHighlightGo(t *testing.T) {
	src := "%time\nfunc f(x int) string { // note <b>\n\treturn \"a\\\"<\" + `raw` + string('x') /* c */ + fmt.Sprint(0x1F, 1.5e-3, nil)\n}"
	out := HighlightGo(src)
	for _, want := range []string{
		`<span class="mag">%time</span>`, `<span class="kw">func</span>`, `<span class="bi">int</span>`,
		`<span class="com">// note &lt;b&gt;</span>`, `<span class="kw">return</span>`,
		`<span class="str">&#34;a\&#34;&lt;&#34;</span>`, "<span class=\"str\">`raw`</span>",
		`<span class="str">&#39;x&#39;</span>`, `<span class="com">/* c */</span>`,
		`<span class="num">0x1F</span>`, `<span class="num">1.5e-3</span>`, `<span class="bi">nil</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, `<span class="bi">Sprint`) || strings.Contains(out, "<b>") {
		t.Errorf("bad output:\n%s", out)
	}
	// The text is kept: stripping the spans and unescaping gives the source.
	plain := regexp.MustCompile(`</?span[^>]*>`).ReplaceAllString(out, "")
	plain = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(plain)
	if plain != src {
		t.Errorf("text changed:\n%s", plain)
	}
}

func TestPageAndTitle(t *testing.T) {
	page := Page("a <b> & c", "<p>body</p>\n")
	for _, want := range []string{"<title>a &lt;b&gt; &amp; c</title>", Style, "<p>body</p>\n</body></html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if got := Title("Intro without a heading", "## Two\n# The *first* [flow](x.md) with `code` and $\\sigma$ ##\n# Later"); got != "The first flow with code and sigma" {
		t.Errorf("Title = %q", got)
	}
	if got := Title("## only level two"); got != "" {
		t.Errorf("Title without a level-1 heading = %q", got)
	}
}
