// Package render turns a notebook's cells into static HTML that needs no
// scripts and no network: Markdown (CommonMark and GitHub's tables and
// strikethrough, by goldmark) with the notes' LaTeX maths translated to
// MathML here, and Go source with its tokens highlighted.
package render

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
)

var md = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList),
	// A notebook's Markdown may carry HTML, which Jupyter shows; so do we.
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// Markdown renders a Markdown cell as HTML. Maths between $…$ (inline) and
// $$…$$ (display) becomes MathML (see TeX); it is cut out before the
// Markdown is parsed, as Jupyter does, so that its _ and * are not taken
// for emphasis. Code spans and fenced code keep their dollars.
func Markdown(src string) string {
	text, maths := cutMaths(src)
	var buf bytes.Buffer
	if err := md.Convert([]byte(text), &buf); err != nil {
		return "<pre>" + escape(src) + "</pre>"
	}
	out := buf.String()
	for i, m := range maths {
		key := placeholder(i)
		rendered := TeX(m.tex, m.display)
		if m.display {
			// A display equation alone in its paragraph replaces the paragraph.
			out = strings.Replace(out, "<p>"+key+"</p>", rendered, 1)
		}
		out = strings.Replace(out, key, rendered, 1)
	}
	// Keep punctuation after a formula on its line.
	return mathPunct.ReplaceAllString(out, `<span style="white-space:nowrap">$1$2</span>`)
}

var mathPunct = regexp.MustCompile(`(<math xmlns[^>]*>.*?</math>)([.,;:!?)]+)`)

type maths struct {
	tex     string
	display bool
}

// placeholder stands for the i-th formula while Markdown is parsed: letters
// and digits only, which Markdown leaves alone.
func placeholder(i int) string { return fmt.Sprintf("GOPHLOWMATH%dQ", i) }

// cutMaths replaces each formula of src by a placeholder and returns them.
func cutMaths(src string) (string, []maths) {
	var b strings.Builder
	var found []maths
	inFence := ""
	lines := strings.SplitAfter(src, "\n")
	// Fenced code is copied as it is; the rest is joined into paragraphs so
	// that a formula may span lines (not a blank one).
	var chunk strings.Builder
	flush := func() {
		b.WriteString(cutInline(chunk.String(), &found))
		chunk.Reset()
	}
	for _, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		fence := ""
		if len(line)-len(trimmed) <= 3 {
			for _, f := range []string{"```", "~~~"} {
				if strings.HasPrefix(trimmed, f) {
					fence = f
				}
			}
		}
		switch {
		case inFence != "":
			b.WriteString(line)
			if fence == inFence {
				inFence = ""
			}
		case fence != "":
			flush()
			b.WriteString(line)
			inFence = fence
		default:
			chunk.WriteString(line)
		}
	}
	flush()
	return b.String(), found
}

// cutInline cuts the formulas out of text that has no fenced code.
func cutInline(s string, found *[]maths) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i += 2
			continue
		case c == '`':
			n := 0
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			ticks := s[i : i+n]
			if j := strings.Index(s[i+n:], ticks); j >= 0 {
				end := i + n + j + n
				b.WriteString(s[i:end])
				i = end
				continue
			}
			b.WriteString(ticks)
			i += n
			continue
		case c == '$' && strings.HasPrefix(s[i:], "$$"):
			if j := strings.Index(s[i+2:], "$$"); j >= 0 && strings.TrimSpace(s[i+2:i+2+j]) != "" {
				b.WriteString(placeholder(len(*found)))
				*found = append(*found, maths{tex: strings.TrimSpace(s[i+2 : i+2+j]), display: true})
				i += 2 + j + 2
				continue
			}
		case c == '$':
			if j := closingDollar(s[i+1:]); j > 0 {
				b.WriteString(placeholder(len(*found)))
				*found = append(*found, maths{tex: strings.TrimSpace(s[i+1 : i+1+j])})
				i += 1 + j + 1
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// closingDollar returns the index in s of the $ closing an inline formula,
// or -1: the formula may not be empty nor cross a blank line.
func closingDollar(s string) int {
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '$':
			if j == 0 {
				return -1
			}
			return j
		case '\n':
			if strings.HasPrefix(strings.TrimLeft(s[j+1:], " \t"), "\n") {
				return -1
			}
		}
	}
	return -1
}

func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
