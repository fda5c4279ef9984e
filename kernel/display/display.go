// Package display shows rich output in a gophlow notebook: HTML, Markdown,
// LaTeX, images, JSON and any value that renders itself.
//
// Each function publishes a display_data message while the cell runs. A
// cell's trailing expression is rendered the same way (see Render) and
// published as the cell's result. Outside a kernel the functions print a
// plain-text form to standard output, so code using them still runs.
package display

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"strings"

	"github.com/gophlow/gophlow/hooks"
)

// Bundle maps MIME types to data: a string for text types, []byte for
// binary ones (PNG, JPEG), any JSON-encodable value for application/json.
type Bundle map[string]any

// Renderer is a value that knows how to show itself: a figure, a table.
// MIMEBundle returns its representations, e.g. {"image/png": pngBytes,
// "text/plain": "figure 600×400"}.
type Renderer interface {
	MIMEBundle() map[string]any
}

// MetadataRenderer is a Renderer that also gives per-MIME-type display
// metadata, e.g. {"image/png": {"width": 600}} to show a 2× PNG crisply.
type MetadataRenderer interface {
	Renderer
	MIMEMetadata() map[string]any
}

// HTML shows an HTML fragment.
func HTML(html string) { publish(Bundle{"text/html": html, "text/plain": "[HTML]"}, nil) }

// Markdown shows Markdown text.
func Markdown(md string) { publish(Bundle{"text/markdown": md, "text/plain": md}, nil) }

// LaTeX shows a formula. Text without $ delimiters is wrapped in $$…$$ so
// that the notebook typesets it as display maths.
func LaTeX(tex string) {
	if !strings.Contains(tex, "$") {
		tex = "$$" + tex + "$$"
	}
	publish(Bundle{"text/latex": tex, "text/plain": tex}, nil)
}

// SVG shows an SVG document.
func SVG(svg string) { publish(Bundle{"image/svg+xml": svg, "text/plain": "[SVG image]"}, nil) }

// PNG shows PNG-encoded image bytes.
func PNG(data []byte) {
	publish(Bundle{"image/png": data, "text/plain": fmt.Sprintf("[PNG image, %d bytes]", len(data))}, nil)
}

// JPEG shows JPEG-encoded image bytes.
func JPEG(data []byte) {
	publish(Bundle{"image/jpeg": data, "text/plain": fmt.Sprintf("[JPEG image, %d bytes]", len(data))}, nil)
}

// JSON shows v as an interactive JSON tree (in frontends that have one).
func JSON(v any) {
	publish(Bundle{"application/json": v, "text/plain": fmt.Sprintf("%v", v)}, nil)
}

// Text shows plain text as a display (unlike fmt.Print, it can be updated
// through a Handle).
func Text(s string) { publish(Bundle{"text/plain": s}, nil) }

// Image shows img as a PNG.
func Image(img image.Image) {
	b, md := Render(img)
	publish(b, md)
}

// Show renders any value as the trailing expression of a cell would be
// rendered, and shows it.
func Show(v any) {
	b, md := Render(v)
	publish(b, md)
}

// Result publishes v as the cell's execute_result. The kernel rewrites a
// cell's trailing expression into a call of Result; notebooks rarely call
// it themselves.
func Result(v any) {
	b, md := Render(v)
	if s := hooks.CurrentSink(); s != nil {
		s.Result(hooks.Bundle(b), md)
		return
	}
	fmt.Fprintln(os.Stdout, b["text/plain"])
}

// ClearOutput clears the cell's output. With wait, the frontend clears only
// when the next output arrives, which avoids flicker in animations.
func ClearOutput(wait bool) {
	if s := hooks.CurrentSink(); s != nil {
		s.ClearOutput(wait)
	}
}

func publish(b Bundle, md map[string]any) {
	if s := hooks.CurrentSink(); s != nil {
		s.Display(hooks.Bundle(b), md, "", false)
		return
	}
	fmt.Fprintln(os.Stdout, b["text/plain"])
}

func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
