package plots

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// HistogramOptions adjusts Histogram2D. The zero value (or nil) gives the
// defaults.
type HistogramOptions struct {
	// Title is drawn above the plot.
	Title string
	// Bins is the number of bins per axis; zero: 60.
	Bins int
	// XMin, XMax, YMin, YMax fix the binned region; all zero: robust
	// limits of the data with equal aspect.
	XMin, XMax, YMin, YMax float64
	// Scale of the colours; ScaleAuto is linear. Empty bins stay white.
	Scale Scale
	// Density divides the counts by n·(bin area), giving an estimate of
	// the density comparable with Density figures; otherwise counts.
	Density bool
	// Dims are the two columns of the data to bin; zero value: 0 and 1.
	Dims [2]int
	// Width and Height are the display size in CSS pixels; zero: 440×512.
	Width, Height int
}

// Histogram2D bins the rows of x on a square grid and draws the counts (or
// the density estimate) as a heatmap with a colour bar: a view of where
// 10⁵ samples are that does not saturate like a scatter.
func Histogram2D(x *mat.Dense, o *HistogramOptions) *Figure {
	var opt HistogramOptions
	if o != nil {
		opt = *o
	}
	if opt.Bins == 0 {
		opt.Bins = 60
	}
	if opt.Bins < 1 {
		panic(fmt.Sprintf("plots.Histogram2D: Bins is %d, want at least 1", opt.Bins))
	}
	i, j := 0, 1
	if opt.Dims != [2]int{} {
		i, j = opt.Dims[0], opt.Dims[1]
	}
	xs, ys := columns("Histogram2D", "x", x, i, j)
	sopt := ScatterOptions{XMin: opt.XMin, XMax: opt.XMax, YMin: opt.YMin, YMax: opt.YMax}
	vx, vy := viewOf(sopt, xs, ys)
	if !sopt.fixedView() {
		// Square bins: widen the shorter side to match the longer.
		if wx, wy := vx.hi-vx.lo, vy.hi-vy.lo; wx > wy {
			m := (vy.lo + vy.hi) / 2
			vy = span{m - wx/2, m + wx/2}
		} else {
			m := (vx.lo + vx.hi) / 2
			vx = span{m - wy/2, m + wy/2}
		}
	}
	if !(vx.hi > vx.lo) || !(vy.hi > vy.lo) {
		panic(fmt.Sprintf("plots.Histogram2D: the region [%g, %g]×[%g, %g] is empty", vx.lo, vx.hi, vy.lo, vy.hi))
	}
	g, outside, invalid := histogramGrid(xs, ys, vx, vy, opt.Bins, opt.Density)
	label := "count"
	if opt.Density {
		label = "density"
	}
	scale, err := newColorScale(g.z, opt.Scale == ScaleLog, 0, 0, 0)
	if err != nil {
		panic(fmt.Sprintf("plots.Histogram2D: %v", err))
	}
	if !scale.log {
		scale.min = 0
	}
	p := newPlot(opt.Title, "", "")
	p.Add(heatmap{g: g, scale: scale, blankZero: true, blocky: true})
	w, h := opt.Width, opt.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(squareFig), cssPixels(squareFig+colorBarH)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(vx, vy, aspectBox)
	f.panels[0].bar = colorBarPlot(scale, label)
	f.desc = fmt.Sprintf("2D histogram of %d points in %d×%d bins over [%.3g, %.3g]×[%.3g, %.3g], max %s %.4g",
		len(xs), g.nx, g.ny, vx.lo, vx.hi, vy.lo, vy.hi, label, scale.max)
	if outside > 0 {
		f.desc += fmt.Sprintf("; %d points outside the bins", outside)
	}
	if invalid > 0 {
		f.desc += fmt.Sprintf("; %d rows with NaN or Inf not counted", invalid)
	}
	return f
}

// histogramGrid bins the points (xs, ys) into bins×bins cells over
// vx × vy. With density the counts are divided by n·(cell area), so that
// the grid integrates to the share of points inside. It also returns the
// number of points outside the region and of points with a NaN or
// infinite coordinate.
func histogramGrid(xs, ys []float64, vx, vy span, bins int, density bool) (g *grid, outside, invalid int) {
	g = &grid{nx: bins, ny: bins, xs: vx, ys: vy, z: make([]float64, bins*bins)}
	for k := range xs {
		if bad(xs[k]) || bad(ys[k]) {
			invalid++
			continue
		}
		bi := int(math.Floor((xs[k] - vx.lo) / (vx.hi - vx.lo) * float64(g.nx)))
		bj := int(math.Floor((ys[k] - vy.lo) / (vy.hi - vy.lo) * float64(g.ny)))
		if xs[k] == vx.hi {
			bi = g.nx - 1
		}
		if ys[k] == vy.hi {
			bj = g.ny - 1
		}
		if bi < 0 || bj < 0 || bi >= g.nx || bj >= g.ny {
			outside++
			continue
		}
		g.z[bj*g.nx+bi]++
	}
	if density {
		norm := float64(len(xs)) * (vx.hi - vx.lo) * (vy.hi - vy.lo) / float64(g.nx*g.ny)
		for k := range g.z {
			g.z[k] /= norm
		}
	}
	return g, outside, invalid
}
