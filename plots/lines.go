package plots

import (
	"image"
	"image/color"
	stddraw "image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
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
	// Columns of the output's pixels: the device pixels of a raster
	// canvas, those of the high-DPI PNG on a vector one.
	dpi, raster := float64(pngDPI), false
	vc, ok := baseCanvas(c.Canvas).(*vgimg.Canvas)
	if ok {
		dpi, raster = vc.DPI(), true
	}
	for _, l := range ls {
		var pieces [][]vg.Point
		var cur []vg.Point
		for i := range l.xs {
			x, y := l.xs[i], l.ys[i]
			if bad(x) || bad(y) || (logX && x <= 0) || (logY && y <= 0) {
				if len(cur) > 0 {
					pieces = append(pieces, columnEnvelope(cur, dpi))
				}
				cur = nil
				continue
			}
			cur = append(cur, vg.Point{X: trX(x), Y: trY(y)})
		}
		if len(cur) > 0 {
			pieces = append(pieces, columnEnvelope(cur, dpi))
		}
		pieces = c.ClipLinesXY(pieces...)
		if !raster {
			c.StrokeLines(l.sty, pieces...)
			continue
		}
		chunks := strokeChunks(pieces)
		if _, _, _, a := l.sty.Color.RGBA(); a < 0xffff && len(chunks) > len(pieces) {
			strokeTranslucent(vc, l.sty, chunks)
			continue
		}
		c.StrokeLines(l.sty, chunks...)
	}
}

// columnEnvelope reduces a line whose x never decreases to at most four
// points per pixel column (at dpi): the first and last points in the
// column and its lowest and highest, in their original order. The line
// through them covers the same pixels as the full line — the vertical
// extent of each column and the segments joining neighbouring columns — so
// a loss curve of 10⁶ steps draws as fast as one of a few thousand and
// still shows every spike. A line whose x goes back is returned as it is.
func columnEnvelope(pts []vg.Point, dpi float64) []vg.Point {
	for i := 1; i < len(pts); i++ {
		if pts[i].X < pts[i-1].X {
			return pts
		}
	}
	col := func(p vg.Point) float64 { return math.Floor(p.X.Dots(dpi)) }
	out := make([]vg.Point, 0, min(len(pts), 1024))
	for a := 0; a < len(pts); {
		b, lo, hi := a, a, a
		for b+1 < len(pts) && col(pts[b+1]) == col(pts[a]) {
			b++
			if pts[b].Y < pts[lo].Y {
				lo = b
			}
			if pts[b].Y > pts[hi].Y {
				hi = b
			}
		}
		keep := []int{a, min(lo, hi), max(lo, hi), b}
		for k, i := range keep {
			if k == 0 || i != keep[k-1] {
				out = append(out, pts[i])
			}
		}
		a = b + 1
	}
	return out
}

// strokeChunk is the number of points stroked at once on a raster canvas:
// lines up to this length (e.g. the pieces of trajectories) are stroked
// whole, as before; a 10⁴-point loss curve takes ~0.3 s.
const strokeChunk = 128

// strokeChunks splits lines into runs of strokeChunk points, consecutive
// runs sharing one point. The rasteriser behind vgimg keeps the edges it
// has crossed on each scanline in a sorted list and walks it for every new
// edge, so one long zig-zag line (a noisy loss) costs the square of its
// length; short runs keep those lists short. Where two runs meet, the join
// is drawn as two butt ends: on a sharp turn an opaque line loses its
// round corner, over a fraction of the line's width. Translucent runs
// would also be darker where they overlap; strokeTranslucent avoids that.
func strokeChunks(lines [][]vg.Point) [][]vg.Point {
	var out [][]vg.Point
	for _, l := range lines {
		for len(l) > strokeChunk {
			out = append(out, l[:strokeChunk])
			l = l[strokeChunk-1:]
		}
		out = append(out, l)
	}
	return out
}

// strokeTranslucent strokes the runs of one translucent line so that the
// line has one opacity everywhere, as a single path would: the runs are
// drawn opaque onto a transparent layer the size of their bounding box,
// which is then composited onto the image with the line's opacity.
func strokeTranslucent(vc *vgimg.Canvas, sty draw.LineStyle, runs [][]vg.Point) {
	img := vc.Image().(*image.RGBA) // gg draws on RGBA images only
	dpi := vc.DPI()
	// Bounding box of the runs in image pixels (y down), widened by the
	// line's width.
	pad := sty.Width.Dots(dpi) + 2
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	H := float64(img.Bounds().Dy())
	for _, r := range runs {
		for _, p := range r {
			x, y := p.X.Dots(dpi), H-p.Y.Dots(dpi)
			x0, x1 = math.Min(x0, x), math.Max(x1, x)
			y0, y1 = math.Min(y0, y), math.Max(y1, y)
		}
	}
	box := image.Rect(int(math.Floor(x0-pad)), int(math.Floor(y0-pad)), int(math.Ceil(x1+pad)), int(math.Ceil(y1+pad))).
		Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	inch := func(px int) vg.Length { return vg.Length(px) * vg.Inch / vg.Length(dpi) }
	layer := vgimg.NewWith(vgimg.UseWH(inch(box.Dx()), inch(box.Dy())), vgimg.UseDPI(int(math.Round(dpi))),
		vgimg.UseBackgroundColor(color.Transparent))
	// Canvas coordinates have their origin at the bottom left of the image.
	layer.Translate(vg.Point{X: -inch(box.Min.X), Y: -inch(img.Bounds().Dy() - box.Max.Y)})
	opaque := sty
	col := color.NRGBAModel.Convert(sty.Color).(color.NRGBA)
	alpha := col.A
	col.A = 0xff
	opaque.Color = col
	dc := draw.New(layer)
	dc.StrokeLines(opaque, runs...)
	src := layer.Image().(*image.RGBA)
	stddraw.DrawMask(img, box, src, src.Bounds().Min, image.NewUniform(color.Alpha{A: alpha}), image.Point{}, stddraw.Over)
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
