package plots

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// points is a plotter of translucent discs. On a raster canvas (PNG) the
// discs are composited straight into the image, which keeps 10⁵ points
// well under a second; on a vector canvas (SVG, PDF) each point is a
// circle element when there are at most vectorLimit of them, and otherwise
// the cloud is rasterised and embedded as one image.
type points struct {
	xs, ys      []float64
	colors      []color.NRGBA // per point; nil means col for every point
	col         color.NRGBA
	radius      vg.Length
	alpha       float64
	vectorLimit int
}

// rasterDPI is the resolution of a point cloud embedded in a vector file.
const rasterDPI = pngDPI

func (pt *points) colorOf(i int) color.NRGBA {
	if pt.colors != nil {
		return pt.colors[i]
	}
	return pt.col
}

// Plot implements plot.Plotter.
func (pt *points) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	if vc, ok := baseCanvas(c.Canvas).(*vgimg.Canvas); ok {
		if img, ok := vc.Image().(*image.RGBA); ok {
			dpi := vc.DPI()
			h := float64(img.Bounds().Dy())
			toPx := func(x, y vg.Length) (float64, float64) { return x.Dots(dpi), h - y.Dots(dpi) }
			x0, y0 := toPx(c.Min.X, c.Max.Y)
			x1, y1 := toPx(c.Max.X, c.Min.Y)
			clip := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1)))
			pt.raster(img, clip.Intersect(img.Bounds()), trX, trY, toPx, dpi)
			return
		}
	}
	if len(pt.xs) > pt.vectorLimit {
		w := int(math.Ceil((c.Max.X - c.Min.X).Dots(rasterDPI)))
		h := int(math.Ceil((c.Max.Y - c.Min.Y).Dots(rasterDPI)))
		if w <= 0 || h <= 0 {
			return
		}
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		toPx := func(x, y vg.Length) (float64, float64) {
			return (x - c.Min.X).Dots(rasterDPI), float64(h) - (y - c.Min.Y).Dots(rasterDPI)
		}
		pt.raster(img, img.Bounds(), trX, trY, toPx, rasterDPI)
		size := vg.Point{X: vg.Length(w) * vg.Inch / rasterDPI, Y: vg.Length(h) * vg.Inch / rasterDPI}
		c.DrawImage(vg.Rectangle{Min: c.Min, Max: c.Min.Add(size)}, img)
		return
	}
	for _, i := range pt.order() {
		if math.IsNaN(pt.xs[i]) || math.IsNaN(pt.ys[i]) {
			continue
		}
		col := pt.colorOf(i)
		col.A = uint8(math.Round(pt.alpha * 255))
		c.DrawGlyph(draw.GlyphStyle{Color: col, Radius: pt.radius, Shape: draw.CircleGlyph{}},
			vg.Point{X: trX(pt.xs[i]), Y: trY(pt.ys[i])})
	}
}

// order returns the order in which to draw the points. Points of one
// colour are drawn as given; points of several colours (classes) are
// interleaved by a fixed stride through the rows, so that when the data are
// sorted by class no class is drawn on top of the others.
func (pt *points) order() []int {
	n := len(pt.xs)
	idx := make([]int, n)
	step := 1
	if pt.colors != nil && n > 2 {
		// A stride near n/φ that shares no factor with n visits every row
		// once and scatters consecutive rows across the whole range.
		step = int(float64(n) / math.Phi)
		for gcd(step, n) != 1 {
			step++
		}
	}
	for k := range idx {
		idx[k] = k * step % n
	}
	return idx
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// baseCanvas returns the canvas that cv draws onto: plots nest draw.Canvas
// values (tiles, crops) around the real backend.
func baseCanvas(cv vg.Canvas) vg.Canvas {
	for {
		switch c := cv.(type) {
		case draw.Canvas:
			cv = c.Canvas
		case *draw.Canvas:
			cv = c.Canvas
		default:
			return cv
		}
	}
}

// raster composites every point as an anti-aliased disc into img, inside
// clip, using toPx to turn canvas lengths into pixel coordinates.
func (pt *points) raster(img *image.RGBA, clip image.Rectangle, trX, trY func(float64) vg.Length,
	toPx func(x, y vg.Length) (float64, float64), dpi float64) {
	r := pt.radius.Dots(dpi)
	for _, i := range pt.order() {
		if math.IsNaN(pt.xs[i]) || math.IsNaN(pt.ys[i]) || math.IsInf(pt.xs[i], 0) || math.IsInf(pt.ys[i], 0) {
			continue
		}
		cx, cy := toPx(trX(pt.xs[i]), trY(pt.ys[i]))
		stampDisc(img, clip, cx, cy, r, pt.colorOf(i), pt.alpha)
	}
}

// stampDisc composites a disc of radius r pixels centred at (cx, cy) with
// colour col and opacity alpha over img (premultiplied RGBA), inside clip.
// A pixel's coverage falls linearly from 1 to 0 across the disc's edge,
// which anti-aliases it.
func stampDisc(img *image.RGBA, clip image.Rectangle, cx, cy, r float64, col color.NRGBA, alpha float64) {
	xa := max(clip.Min.X, int(math.Floor(cx-r-0.5)))
	xb := min(clip.Max.X, int(math.Ceil(cx+r+0.5)))
	ya := max(clip.Min.Y, int(math.Floor(cy-r-0.5)))
	yb := min(clip.Max.Y, int(math.Ceil(cy+r+0.5)))
	sr, sg, sb := float64(col.R), float64(col.G), float64(col.B)
	for y := ya; y < yb; y++ {
		dy := float64(y) + 0.5 - cy
		row := img.Pix[(y-img.Rect.Min.Y)*img.Stride:]
		for x := xa; x < xb; x++ {
			dx := float64(x) + 0.5 - cx
			cov := r + 0.5 - math.Sqrt(dx*dx+dy*dy)
			if cov <= 0 {
				continue
			}
			a := alpha * math.Min(cov, 1)
			px := row[(x-img.Rect.Min.X)*4:]
			px[0] = uint8(sr*a + float64(px[0])*(1-a) + 0.5)
			px[1] = uint8(sg*a + float64(px[1])*(1-a) + 0.5)
			px[2] = uint8(sb*a + float64(px[2])*(1-a) + 0.5)
			px[3] = uint8(255*a + float64(px[3])*(1-a) + 0.5)
		}
	}
}

// dotThumb is the legend entry of a class: a disc of its colour.
type dotThumb struct{ col color.Color }

// Thumbnail implements plot.Thumbnailer.
func (d dotThumb) Thumbnail(c *draw.Canvas) {
	c.DrawGlyph(draw.GlyphStyle{Color: d.col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}, c.Center())
}

// lineThumb is the legend entry of a curve: a short line of its style.
type lineThumb struct{ sty draw.LineStyle }

// Thumbnail implements plot.Thumbnailer.
func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(l.sty, c.Min.X, y, c.Max.X, y)
}
