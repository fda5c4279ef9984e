package plots

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// polyline is a line through data points; NaN or infinite points (and
// non-positive ones on a logarithmic axis) break it into pieces rather than
// being joined over.
type polyline struct {
	xs, ys []float64
	sty    draw.LineStyle
}

// lines is a plotter of polylines, drawn in order and clipped to the data
// area.
type lines []polyline

// Plot implements plot.Plotter.
func (ls lines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	_, logX := p.X.Scale.(plot.LogScale)
	_, logY := p.Y.Scale.(plot.LogScale)
	for _, l := range ls {
		var pieces [][]vg.Point
		var cur []vg.Point
		for i := range l.xs {
			x, y := l.xs[i], l.ys[i]
			if bad(x) || bad(y) || (logX && x <= 0) || (logY && y <= 0) {
				if len(cur) > 0 {
					pieces = append(pieces, cur)
				}
				cur = nil
				continue
			}
			cur = append(cur, vg.Point{X: trX(x), Y: trY(y)})
		}
		if len(cur) > 0 {
			pieces = append(pieces, cur)
		}
		c.StrokeLines(l.sty, c.ClipLinesXY(pieces...)...)
	}
}

func bad(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// markers draws one glyph per data point (e.g. the start and end of
// trajectories, or the measured points of a curve).
type markers struct {
	xs, ys []float64
	sty    draw.GlyphStyle
}

// Plot implements plot.Plotter.
func (m markers) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	_, logX := p.X.Scale.(plot.LogScale)
	_, logY := p.Y.Scale.(plot.LogScale)
	for i := range m.xs {
		x, y := m.xs[i], m.ys[i]
		if bad(x) || bad(y) || (logX && x <= 0) || (logY && y <= 0) {
			continue
		}
		c.DrawGlyph(m.sty, vg.Point{X: trX(x), Y: trY(y)})
	}
}

// withAlpha returns col with opacity a in [0, 1].
func withAlpha(col color.Color, a float64) color.NRGBA {
	n := color.NRGBAModel.Convert(col).(color.NRGBA)
	n.A = uint8(math.Round(math.Max(0, math.Min(1, a)) * 255))
	return n
}
