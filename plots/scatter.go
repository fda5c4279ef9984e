package plots

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"
)

// ScatterOptions adjusts Scatter and Compare. The zero value (or a nil
// pointer) gives the defaults.
type ScatterOptions struct {
	// Title is drawn above the plot.
	Title string
	// Labels gives the class of each row; points are coloured by class
	// (Okabe–Ito palette) and a legend is drawn. Nil: one colour.
	Labels []int
	// ClassNames names the classes in the legend; default "class k".
	ClassNames []string
	// Color of the points when there are no labels; default blue.
	Color color.Color
	// Radius of a point in typographic points and its opacity in (0, 1];
	// zero chooses by the number of points so that dense clouds stay
	// readable.
	Radius, Alpha float64
	// XMin, XMax, YMin, YMax fix the view; all zero chooses robust limits
	// from the data with equal aspect.
	XMin, XMax, YMin, YMax float64
	// Dims are the two columns of the data to plot; zero value: 0 and 1.
	Dims [2]int
	// Width and Height are the display size in CSS pixels; zero: 440×440.
	Width, Height int
	// Background points (e.g. the data when drawing model samples) are
	// drawn faintly in grey under the points. Nil: none.
	Background *mat.Dense
	// VectorLimit is the largest number of points drawn as separate
	// circles in SVG and PDF; larger clouds are embedded as one raster
	// image. Zero: 5000.
	VectorLimit int
}

func (o *ScatterOptions) orDefault() ScatterOptions {
	if o == nil {
		return ScatterOptions{}
	}
	return *o
}

func (o ScatterOptions) dims() (int, int) {
	if o.Dims == [2]int{} {
		return 0, 1
	}
	return o.Dims[0], o.Dims[1]
}

func (o ScatterOptions) fixedView() bool {
	return o.XMin != 0 || o.XMax != 0 || o.YMin != 0 || o.YMax != 0
}

// pointStyle returns the default radius (points) and opacity for n points.
func pointStyle(n int) (radius, alpha float64) {
	switch {
	case n <= 300:
		return 3, 0.85
	case n <= 3000:
		return 2, 0.6
	case n <= 30000:
		return 1.2, 0.35
	}
	return 0.8, 0.18
}

// columns extracts two columns of x, panicking with a message naming fn
// and arg when x cannot be plotted.
func columns(fn, arg string, x *mat.Dense, i, j int) (xs, ys []float64) {
	if x == nil {
		panic(fmt.Sprintf("plots.%s: %s is nil", fn, arg))
	}
	r, c := x.Dims()
	if i < 0 || j < 0 || i >= c || j >= c {
		panic(fmt.Sprintf("plots.%s: %s has %d columns, cannot plot columns %d and %d", fn, arg, c, i, j))
	}
	xs, ys = make([]float64, r), make([]float64, r)
	for k := range r {
		xs[k], ys[k] = x.At(k, i), x.At(k, j)
	}
	return xs, ys
}

// countOutside counts the finite points outside the view and the points
// with a NaN or infinite coordinate.
func countOutside(xs, ys []float64, vx, vy span) (outside, invalid int) {
	for k := range xs {
		switch {
		case bad(xs[k]) || bad(ys[k]):
			invalid++
		case !vx.contains(xs[k]) || !vy.contains(ys[k]):
			outside++
		}
	}
	return outside, invalid
}

// viewOf returns the view of a scatter: the fixed limits of o, or robust
// limits of the data.
func viewOf(o ScatterOptions, xs, ys []float64) (span, span) {
	if o.fixedView() {
		return span{o.XMin, o.XMax}, span{o.YMin, o.YMax}
	}
	vx, okx := robustSpan(xs)
	vy, oky := robustSpan(ys)
	if !okx {
		vx = span{-1, 1}
	}
	if !oky {
		vy = span{-1, 1}
	}
	return vx, vy
}

// Scatter draws the rows of x (columns 0 and 1 by default) as translucent
// points, coloured by class when o.Labels is set. It panics if x is nil or
// has fewer than two columns, or if Labels does not have one entry per row.
func Scatter(x *mat.Dense, o *ScatterOptions) *Figure {
	opt := o.orDefault()
	i, j := opt.dims()
	xs, ys := columns("Scatter", "x", x, i, j)
	vx, vy := viewOf(opt, xs, ys)
	return scatterFigure("Scatter", xs, ys, vx, vy, opt)
}

// scatterFigure builds the one-panel scatter figure of xs, ys in view
// vx × vy.
func scatterFigure(fn string, xs, ys []float64, vx, vy span, opt ScatterOptions) *Figure {
	n := len(xs)
	if opt.Labels != nil && len(opt.Labels) != n {
		panic(fmt.Sprintf("plots.%s: Labels has %d entries, the data has %d rows", fn, len(opt.Labels), n))
	}
	p := newPlot(opt.Title, "", "")
	p.Add(gridLines())
	if opt.Background != nil {
		bx, by := columns(fn, "Background", opt.Background, 0, 1)
		br, ba := pointStyle(len(bx))
		p.Add(&points{xs: bx, ys: by, col: color.NRGBA{0xaa, 0xaa, 0xaa, 0xff}, radius: vg.Points(br),
			alpha: ba * 0.6, vectorLimit: 5000})
	}
	r, a := pointStyle(n)
	if opt.Radius > 0 {
		r = opt.Radius
	}
	if opt.Alpha > 0 {
		a = math.Min(opt.Alpha, 1)
	}
	pts := &points{xs: xs, ys: ys, radius: vg.Points(r), alpha: a, vectorLimit: opt.VectorLimit}
	if pts.vectorLimit == 0 {
		pts.vectorLimit = 5000
	}
	pts.col = okabeIto[0]
	if opt.Color != nil {
		pts.col = color.NRGBAModel.Convert(opt.Color).(color.NRGBA)
		pts.col.A = 0xff
	}
	var classes []int
	if opt.Labels != nil {
		pts.colors = make([]color.NRGBA, n)
		seen := map[int]bool{}
		for k, l := range opt.Labels {
			pts.colors[k] = okabeIto[((l%8)+8)%8]
			if !seen[l] {
				seen[l] = true
				classes = append(classes, l)
			}
		}
		slices.Sort(classes)
		for _, l := range classes {
			name := fmt.Sprintf("class %d", l)
			if l >= 0 && l < len(opt.ClassNames) {
				name = opt.ClassNames[l]
			}
			p.Legend.Add(name, dotThumb{ClassColor(l)})
		}
	}
	p.Add(pts)
	if len(classes) > 0 {
		p.Add(legendBackdrop{})
	}
	w, h := opt.Width, opt.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(squareFig), cssPixels(squareFig)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(vx, vy, viewAspect(opt.fixedView()))
	outside, invalid := countOutside(xs, ys, vx, vy)
	var b strings.Builder
	fmt.Fprintf(&b, "scatter of %d points", n)
	if len(classes) > 0 {
		fmt.Fprintf(&b, " in %d classes", len(classes))
	}
	if opt.Title != "" {
		fmt.Fprintf(&b, " (%s)", opt.Title)
	}
	fmt.Fprintf(&b, ", view x ∈ [%.3g, %.3g], y ∈ [%.3g, %.3g]", vx.lo, vx.hi, vy.lo, vy.hi)
	if outside > 0 {
		fmt.Fprintf(&b, "; %d points outside the view", outside)
	}
	if invalid > 0 {
		fmt.Fprintf(&b, "; %d rows with NaN or Inf not drawn", invalid)
	}
	f.desc = b.String()
	return f
}

// Compare draws data and model samples side by side with the same axes:
// the picture to judge a trained flow by. Options apply to both panels;
// o.Title becomes the overall title. It panics like Scatter.
func Compare(data, model *mat.Dense, o *ScatterOptions) *Figure {
	opt := o.orDefault()
	i, j := opt.dims()
	dx, dy := columns("Compare", "data", data, i, j)
	mx, my := columns("Compare", "model", model, i, j)
	var vx, vy span
	if opt.fixedView() {
		vx, vy = span{opt.XMin, opt.XMax}, span{opt.YMin, opt.YMax}
	} else {
		// The view is the data's: model samples far from it are counted as
		// outside, which is what a reader should learn.
		vx, vy = viewOf(opt, dx, dy)
	}
	title := opt.Title
	opt.Title = "data"
	left := scatterFigure("Compare", dx, dy, vx, vy, opt)
	opt.Title = "model"
	if opt.Labels != nil && len(opt.Labels) != len(mx) {
		opt.Labels = nil // labels describe the data rows
	}
	right := scatterFigure("Compare", mx, my, vx, vy, opt)
	f := Panels([]*Figure{left, right}, &PanelOptions{Title: title})
	f.desc = "data vs model: " + left.desc + " | " + right.desc
	return f
}
