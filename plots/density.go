package plots

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// DensityOptions adjusts Density, LogDensity, DensityGrid and GridPoints.
// The zero value (or nil) gives the defaults.
type DensityOptions struct {
	// Title is drawn above the plot.
	Title string
	// XMin, XMax, YMin, YMax are the region drawn; all zero: [-4, 4]².
	XMin, XMax, YMin, YMax float64
	// Resolution is the number of grid cells per side; zero: 120.
	Resolution int
	// Scale of the colours: ScaleLinear colours p(x); ScaleLog colours
	// log p(x). ScaleAuto: log for log-densities, linear otherwise.
	Scale Scale
	// Floor is the lowest density shown on a log scale, relative to the
	// highest (lower values get the lowest colour); zero: 1e-4.
	Floor float64
	// VMin and VMax fix the colour range (in the units of the colour bar),
	// so that several panels share one scale; both zero: from the values.
	VMin, VMax float64
	// Contours is the number of contour lines; zero: 6; negative: none.
	Contours int
	// Label names the quantity on the colour bar; default "p(x)".
	Label string
	// LogValues says that the values given to DensityGrid are
	// log-densities, e.g. the model log-likelihood of eq. 14.
	LogValues bool
	// Width and Height are the display size in CSS pixels; zero: 440×512.
	Width, Height int
}

func (o *DensityOptions) orDefault() DensityOptions {
	var d DensityOptions
	if o != nil {
		d = *o
	}
	if d.XMin == 0 && d.XMax == 0 && d.YMin == 0 && d.YMax == 0 {
		d.XMin, d.XMax, d.YMin, d.YMax = -4, 4, -4, 4
	}
	if d.Resolution == 0 {
		d.Resolution = 120
	}
	if d.Floor == 0 {
		d.Floor = 1e-4
	}
	if d.Contours == 0 {
		d.Contours = 6
	}
	if d.Label == "" {
		d.Label = "p(x)"
	}
	return d
}

// check panics with a message naming fn when the options cannot describe
// a grid.
func (d DensityOptions) check(fn string) {
	if !(d.XMax > d.XMin) || !(d.YMax > d.YMin) {
		panic(fmt.Sprintf("plots.%s: the region [%g, %g]×[%g, %g] is empty: want XMin < XMax and YMin < YMax",
			fn, d.XMin, d.XMax, d.YMin, d.YMax))
	}
	if d.Resolution < 2 {
		panic(fmt.Sprintf("plots.%s: Resolution is %d, want at least 2", fn, d.Resolution))
	}
	if !(d.Floor > 0 && d.Floor < 1) {
		panic(fmt.Sprintf("plots.%s: Floor is %g, want it in (0, 1)", fn, d.Floor))
	}
}

func (d DensityOptions) emptyGrid() *grid {
	n := d.Resolution
	return &grid{nx: n, ny: n, xs: span{d.XMin, d.XMax}, ys: span{d.YMin, d.YMax}, z: make([]float64, n*n)}
}

// GridPoints returns the centres of the grid cells of a density figure
// with options o, one point per row, in the order DensityGrid expects its
// values: x varies fastest, y from bottom to top. Evaluate a batched
// density (an exact p_t, a model's eq. 14 log-likelihood) on these points
// and pass the results to DensityGrid.
func GridPoints(o *DensityOptions) *mat.Dense {
	d := o.orDefault()
	d.check("GridPoints")
	g := d.emptyGrid()
	x := mat.NewDense(g.nx*g.ny, 2, nil)
	for j := range g.ny {
		for i := range g.nx {
			x.Set(j*g.nx+i, 0, g.cellX(i))
			x.Set(j*g.nx+i, 1, g.cellY(j))
		}
	}
	return x
}

// Density draws the density p(x, y) (e.g. p_t of eq. 16) as a heatmap with
// contour lines and a colour bar.
func Density(p func(x, y float64) float64, o *DensityOptions) *Figure {
	if p == nil {
		panic("plots.Density: p is nil")
	}
	d := o.orDefault()
	d.check("Density")
	return densityFigure("Density", evalGrid(d, p), false, d)
}

// LogDensity draws a density given by its logarithm log p(x, y), such as a
// model's log-likelihood (eq. 14), on a log colour scale unless o.Scale
// says otherwise.
func LogDensity(logp func(x, y float64) float64, o *DensityOptions) *Figure {
	if logp == nil {
		panic("plots.LogDensity: logp is nil")
	}
	d := o.orDefault()
	d.check("LogDensity")
	return densityFigure("LogDensity", evalGrid(d, logp), true, d)
}

// DensityGrid draws density values computed elsewhere at the points of
// GridPoints(o) (log-densities when o.LogValues is set). It panics if
// values does not have one entry per grid point.
func DensityGrid(values []float64, o *DensityOptions) *Figure {
	d := o.orDefault()
	d.check("DensityGrid")
	g := d.emptyGrid()
	if len(values) != len(g.z) {
		panic(fmt.Sprintf("plots.DensityGrid: values has %d entries, want %d (Resolution² = %d²)",
			len(values), len(g.z), d.Resolution))
	}
	copy(g.z, values)
	return densityFigure("DensityGrid", g, d.LogValues, d)
}

func evalGrid(d DensityOptions, f func(x, y float64) float64) *grid {
	g := d.emptyGrid()
	for j := range g.ny {
		y := g.cellY(j)
		for i := range g.nx {
			g.set(i, j, f(g.cellX(i), y))
		}
	}
	return g
}

// densityFigure colours the grid g of densities (log-densities when isLog)
// following the options: a log scale of a log-density colours log p
// linearly, down to log(max) + log(Floor); a log scale of a density
// colours p on a logarithmic axis down to max·Floor.
func densityFigure(fn string, g *grid, isLog bool, d DensityOptions) *Figure {
	logScale := d.Scale == ScaleLog || (d.Scale == ScaleAuto && isLog)
	label := d.Label
	var nan, negative int
	for _, v := range g.z {
		switch {
		case math.IsNaN(v):
			nan++
		case !isLog && v < 0:
			negative++
		}
	}
	var scale colorScale
	var err error
	switch {
	case isLog && logScale:
		label = "log " + label
		scale, err = newColorScale(g.z, false, d.VMin, d.VMax, 0)
		if err == nil && d.VMin == 0 && d.VMax == 0 {
			scale.min = math.Max(scale.min, scale.max+math.Log(d.Floor))
		}
	case isLog:
		for k, v := range g.z {
			g.z[k] = math.Exp(v)
		}
		scale, err = newColorScale(g.z, false, d.VMin, d.VMax, 0)
	default:
		scale, err = newColorScale(g.z, logScale, d.VMin, d.VMax, d.Floor)
	}
	if err != nil {
		panic(fmt.Sprintf("plots.%s: %v", fn, err))
	}

	p := newPlot(d.Title, "", "")
	p.Add(heatmap{g: g, scale: scale})
	if d.Contours > 0 {
		p.Add(contours(g, scale, d.Contours))
	}
	w, h := d.Width, d.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(squareFig), cssPixels(squareFig+colorBarH)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(g.xs, g.ys, aspectBox)
	f.panels[0].bar = colorBarPlot(scale, label)

	var b strings.Builder
	fmt.Fprintf(&b, "heatmap of %s on a %d×%d grid over [%g, %g]×[%g, %g]", label, g.nx, g.ny,
		g.xs.lo, g.xs.hi, g.ys.lo, g.ys.hi)
	if d.Title != "" {
		fmt.Fprintf(&b, " (%s)", d.Title)
	}
	fmt.Fprintf(&b, ", colours from %.4g to %.4g", scale.min, scale.max)
	if scale.log {
		b.WriteString(" (log scale)")
	}
	if nan > 0 {
		fmt.Fprintf(&b, "; %d NaN cells left blank", nan)
	}
	if negative > 0 {
		fmt.Fprintf(&b, "; %d negative values (not a density)", negative)
	}
	f.desc = b.String()
	return f
}

// contours returns n contour lines evenly spaced on the colour scale
// (geometrically on a log scale), drawn thin and dark over the heatmap.
func contours(g *grid, s colorScale, n int) *plotter.Contour {
	// Contour a copy clamped to the colour range: NaN and values below the
	// floor would otherwise produce lines nobody can read.
	c := &grid{nx: g.nx, ny: g.ny, xs: g.xs, ys: g.ys, z: make([]float64, len(g.z))}
	for k, v := range g.z {
		if math.IsNaN(v) || v < s.min {
			v = s.min
		}
		c.z[k] = math.Min(v, s.max)
	}
	levels := make([]float64, n)
	for k := range levels {
		u := (float64(k) + 1) / float64(n+1)
		if s.log {
			levels[k] = s.min * math.Pow(s.max/s.min, u)
		} else {
			levels[k] = s.min + u*(s.max-s.min)
		}
	}
	return &plotter.Contour{GridXYZ: c, Levels: levels, Min: s.min, Max: s.max,
		LineStyles: []draw.LineStyle{{Color: withAlpha(faintGrey, 0.9), Width: vg.Points(0.7)}}}
}
