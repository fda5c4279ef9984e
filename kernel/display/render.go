package display

import (
	"fmt"
	"image"
	"reflect"
	"strconv"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Size and resolution of plots rendered by Render: 6×4 inches drawn at 2×
// pixel density and shown at half that size, so they are crisp on
// high-DPI screens.
const (
	plotWidth  = 6 * vg.Inch
	plotHeight = 4 * vg.Inch
	plotDPI    = 192
)

// Render returns the MIME bundle and metadata used to show v:
//   - a Renderer: its own bundle (and metadata);
//   - image.Image: PNG;
//   - *plot.Plot (gonum/plot): a high-DPI PNG;
//   - mat.Matrix: the matrix laid out in rows;
//   - a string: Go-quoted, so that "" and " " are visible;
//   - anything else: fmt's %v (errors show their message).
func Render(v any) (Bundle, map[string]any) {
	switch x := v.(type) {
	case MetadataRenderer:
		return Bundle(x.MIMEBundle()), x.MIMEMetadata()
	case Renderer:
		return Bundle(x.MIMEBundle()), nil
	case *plot.Plot:
		return renderPlot(x)
	case image.Image:
		data, err := encodePNG(x)
		if err != nil {
			return Bundle{"text/plain": "display: cannot encode image: " + err.Error()}, nil
		}
		r := x.Bounds()
		return Bundle{"image/png": data, "text/plain": fmt.Sprintf("[image %d×%d]", r.Dx(), r.Dy())}, nil
	case mat.Matrix:
		if isNil(x) {
			return Bundle{"text/plain": "<nil>"}, nil
		}
		r, c := x.Dims()
		text := fmt.Sprintf("%d×%d\n%v", r, c, mat.Formatted(x, mat.Squeeze(), mat.Excerpt(8)))
		return Bundle{"text/plain": text}, nil
	case string:
		return Bundle{"text/plain": strconv.Quote(x)}, nil
	case error:
		return Bundle{"text/plain": x.Error()}, nil
	}
	return Bundle{"text/plain": fmt.Sprintf("%v", v)}, nil
}

func renderPlot(p *plot.Plot) (Bundle, map[string]any) {
	c := vgimg.NewWith(vgimg.UseWH(plotWidth, plotHeight), vgimg.UseDPI(plotDPI))
	p.Draw(draw.New(c))
	data, err := encodePNG(c.Image())
	if err != nil {
		return Bundle{"text/plain": "display: cannot encode plot: " + err.Error()}, nil
	}
	w := int(plotWidth.Points() / vg.Inch.Points() * plotDPI / 2)
	h := int(plotHeight.Points() / vg.Inch.Points() * plotDPI / 2)
	b := Bundle{"image/png": data, "text/plain": "[plot]"}
	md := map[string]any{"image/png": map[string]any{"width": w, "height": h}}
	return b, md
}

// isNil reports whether v holds a nil pointer (a typed nil in an interface).
func isNil(v any) bool {
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}
