package runner

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/kernel/kernelspec"
)

func renderPage(t *testing.T, nb *notebook, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page.html")
	if err := writeHTML(nb, name, out); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(page)
}

func TestHTMLPageRendersEveryFeature(t *testing.T) {
	png := "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	nb := &notebook{doc: map[string]any{}, cells: []map[string]any{
		{"cell_type": "markdown", "source": []any{"# The *first* flow\n", "\n", "Some **bold**, _italic_, `code`, a [link](https://go.dev) and $\\sigma_{min}$:\n\n",
			"$$\\mathbb{E}\\,\\lVert u \\rVert^2 = \\frac{1}{n}\\sum_i x_i$$\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n```go\nfor i := range 3 {}\n```\n"}},
		{"cell_type": "code", "execution_count": 3.0, "source": "// plot it\nfmt.Println(\"<hi>\", 42)", "outputs": []any{
			map[string]any{"output_type": "stream", "name": "stdout", "text": []any{"<hi> 42\n"}},
			map[string]any{"output_type": "display_data", "data": map[string]any{"image/png": png, "text/plain": "[plot]"},
				"metadata": map[string]any{"image/png": map[string]any{"width": 440.0, "height": 300.0}}},
			map[string]any{"output_type": "display_data", "data": map[string]any{"text/markdown": "**done** in $t$", "text/plain": "done"}, "metadata": map[string]any{}},
			map[string]any{"output_type": "execute_result", "data": map[string]any{"text/latex": "$$x^2$$", "text/plain": "x^2"}, "metadata": map[string]any{}},
		}},
	}}
	page := renderPage(t, nb, "/tmp/nb.ipynb")
	for _, want := range []string{
		"<title>The first flow</title>",
		"<strong>bold</strong>", "<em>italic</em>", "<code>code</code>", `<a href="https://go.dev">link</a>`,
		"<ul>\n<li>a</li>", "<table>", "<td>2</td>",
		`<pre><code class="language-go">for i := range 3 {}`,
		"<msub><mi>σ</mi>", `display="block"`, "<mi>𝔼</mi>", "<mfrac>", "‖",
		`<span class="com">// plot it</span>`, `<span class="str">&#34;&lt;hi&gt;&#34;</span>`, `<span class="num">42</span>`,
		"<div class=prompt>In [3]:</div>",
		"<pre class=out>&lt;hi&gt; 42\n</pre>",
		`width="440" height="300"`,
		"<strong>done</strong> in <math",
		"<msup><mi>x</mi><mrow><mn>2</mn></mrow></msup>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if regexp.MustCompile(`<script|<link|@import|(src|href)="//|src="https?:|url\(`).MatchString(page) {
		t.Error("the page loads something from outside")
	}
}

func TestHTMLPageTitleFallsBackToTheFileName(t *testing.T) {
	nb := &notebook{doc: map[string]any{}, cells: []map[string]any{{"cell_type": "markdown", "source": "## only a section"}}}
	if page := renderPage(t, nb, "/x/03-flow-matching.ipynb"); !strings.Contains(page, "<title>03-flow-matching</title>") {
		t.Errorf("title: %s", regexp.MustCompile(`<title>.*</title>`).FindString(page))
	}
}

// A course notebook as stored: its notes' maths as MathML, its plots at the
// size their metadata gives, the page titled after it.
func TestHTMLPageOfACourseNotebook(t *testing.T) {
	nb, err := readNotebook("../../notebooks/05-likelihood.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	page := renderPage(t, nb, "05-likelihood.ipynb")
	for _, want := range []string{
		"<title>5 · The likelihood of a trained flow</title>",
		`<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">`,
		`<mi mathvariant="normal">∇</mi><mo>⋅</mo>`, "<msub><mi>u</mi><mrow><mi>θ</mi></mrow></msub>",
		`width="576" height="360"`, `<span class="kw">import</span>`,
		"<strong>backwards</strong>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page of notebook 05 lacks %s", want)
		}
	}
	if n := strings.Count(page, "<math "); n < 20 {
		t.Errorf("only %d formulas rendered", n)
	}
	if strings.Contains(page, `mathcolor="red"`) {
		t.Error("a formula has an unknown command")
	}
}

func TestRunRecordsTheKernelInTheMetadata(t *testing.T) {
	path := writeNotebook(t, code("x := 1\n_ = x"))
	if err := Run(path, Options{}); err != nil {
		t.Fatal(err)
	}
	_, md := outputs(t, path)
	li, _ := md["language_info"].(map[string]any)
	if li["version"] != kernelspec.LanguageVersion || li["codemirror_mode"] != "go" || len(li) != len(kernelspec.LanguageInfo()) {
		t.Errorf("language_info = %v", li)
	}
	if ks, _ := md["kernelspec"].(map[string]any); ks["name"] != "gophlow" || ks["display_name"] != kernelspec.DisplayName {
		t.Errorf("kernelspec = %v", ks)
	}
	if md["custom"] != "kept" {
		t.Error("other metadata lost")
	}
}
