package plots

import (
	"image"
	draw2 "image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// grid holds values z on an nx×ny grid of cell centres covering the
// rectangle xs × ys; z[j*nx+i] is the value of column i (x) in row j (y,
// bottom to top).
type grid struct {
	nx, ny int
	xs, ys span
	z      []float64
}

// cellX and cellY return the centre of column i and row j.
func (g *grid) cellX(i int) float64 {
	return g.xs.lo + (float64(i)+0.5)*(g.xs.hi-g.xs.lo)/float64(g.nx)
}
func (g *grid) cellY(j int) float64 {
	return g.ys.lo + (float64(j)+0.5)*(g.ys.hi-g.ys.lo)/float64(g.ny)
}

// Dims, Z, X and Y make a grid a plotter.GridXYZ for contour lines.
func (g *grid) Dims() (c, r int)        { return g.nx, g.ny }
func (g *grid) Z(c, r int) float64      { return g.z[r*g.nx+c] }
func (g *grid) X(c int) float64         { return g.cellX(c) }
func (g *grid) Y(r int) float64         { return g.cellY(r) }
func (g *grid) at(i, j int) float64     { return g.z[j*g.nx+i] }
func (g *grid) set(i, j int, v float64) { g.z[j*g.nx+i] = v }

// heatmap paints each grid cell in the colour of its value; cells that are
// NaN, or zero when blankZero is set, stay blank. With blocky the cells
// are drawn as sharp squares (histograms); otherwise the image is smoothed
// between cell centres (densities).
type heatmap struct {
	g         *grid
	scale     colorScale
	blankZero bool
	blocky    bool
}

// Plot implements plot.Plotter.
func (h heatmap) Plot(c draw.Canvas, p *plot.Plot) {
	k := 1
	if h.blocky {
		k = max(1, min(8, 800/max(h.g.nx, h.g.ny)))
	}
	img := image.NewNRGBA(image.Rect(0, 0, h.g.nx*k, h.g.ny*k))
	for j := range h.g.ny {
		for i := range h.g.nx {
			v := h.g.at(i, j)
			if h.blankZero && v == 0 {
				continue
			}
			col, ok := h.scale.color(v)
			if !ok {
				continue
			}
			for dy := range k {
				for dx := range k {
					img.SetNRGBA(i*k+dx, (h.g.ny-1-j)*k+dy, col)
				}
			}
		}
	}
	trX, trY := p.Transforms(&c)
	rect := vg.Rectangle{
		Min: vg.Point{X: trX(h.g.xs.lo), Y: trY(h.g.ys.lo)},
		Max: vg.Point{X: trX(h.g.xs.hi), Y: trY(h.g.ys.hi)},
	}
	// Draw only what lies in the data area: clip the image to the view.
	view := c.Rectangle
	if rect.Min.X >= view.Max.X || rect.Max.X <= view.Min.X || rect.Min.Y >= view.Max.Y || rect.Max.Y <= view.Min.Y {
		return
	}
	sx := float64(img.Bounds().Dx()) / float64(rect.Max.X-rect.Min.X)
	sy := float64(img.Bounds().Dy()) / float64(rect.Max.Y-rect.Min.Y)
	x0 := math.Max(0, math.Floor(float64(view.Min.X-rect.Min.X)*sx))
	x1 := math.Min(float64(img.Bounds().Dx()), math.Ceil(float64(view.Max.X-rect.Min.X)*sx))
	y0 := math.Max(0, math.Floor(float64(rect.Max.Y-view.Max.Y)*sy))
	y1 := math.Min(float64(img.Bounds().Dy()), math.Ceil(float64(rect.Max.Y-view.Min.Y)*sy))
	if x1 <= x0 || y1 <= y0 {
		return
	}
	// Copy the visible part into an image whose origin is (0, 0), which is
	// what every vg canvas's DrawImage expects.
	sub := image.NewNRGBA(image.Rect(0, 0, int(x1-x0), int(y1-y0)))
	draw2.Draw(sub, sub.Bounds(), img, image.Point{X: int(x0), Y: int(y0)}, draw2.Src)
	c.DrawImage(vg.Rectangle{
		Min: vg.Point{X: rect.Min.X + vg.Length(x0/sx), Y: rect.Max.Y - vg.Length(y1/sy)},
		Max: vg.Point{X: rect.Min.X + vg.Length(x1/sx), Y: rect.Max.Y - vg.Length(y0/sy)},
	}, sub)
}
