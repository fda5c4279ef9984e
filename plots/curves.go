package plots

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Curve is one labelled series, e.g. the loss of one training run.
type Curve struct {
	// Name labels the curve in the legend.
	Name string
	// X holds the abscissae; nil means 1, 2, … len(Y) (training steps).
	X []float64
	// Y holds the values. NaN values leave gaps in the line.
	Y []float64
}

// CurveOptions adjusts Curves, Loss and ErrorVsNFE. The zero value (or nil)
// gives each function's defaults.
type CurveOptions struct {
	// Title, XLabel and YLabel annotate the plot.
	Title, XLabel, YLabel string
	// XScale and YScale choose linear or log axes; ScaleAuto is linear for
	// Curves, log y for Loss (when the values are positive) and log-log
	// for ErrorVsNFE (always). Values ≤ 0 cannot be drawn on a log axis: they leave
	// gaps and are counted in the figure's text.
	XScale, YScale Scale
	// Smooth is the width of a centred moving average; the raw curve is
	// drawn faintly behind the smoothed one. Zero: none for Curves and
	// ErrorVsNFE, len/50 for Loss. Negative: none.
	Smooth int
	// Markers draws a dot at every point.
	Markers bool
	// Width and Height are the display size in CSS pixels; zero: 576×360.
	Width, Height int
}

// Curves draws several labelled curves on one plot, each in its own
// colour-blind-safe colour. It panics if a curve's X and Y differ in length.
func Curves(curves []Curve, o *CurveOptions) *Figure {
	var opt CurveOptions
	if o != nil {
		opt = *o
	}
	return curvesFigure("Curves", curves, opt, false, false)
}

// Loss draws a training loss (eq. 37) against the step: log y and a
// moving average over len/50 steps unless o says otherwise.
func Loss(loss []float64, o *CurveOptions) *Figure {
	var opt CurveOptions
	if o != nil {
		opt = *o
	}
	if opt.Smooth == 0 {
		opt.Smooth = len(loss) / 50
	}
	if opt.XLabel == "" {
		opt.XLabel = "step"
	}
	if opt.YLabel == "" {
		opt.YLabel = "loss"
	}
	return curvesFigure("Loss", []Curve{{Y: loss}}, opt, false, true)
}

// ErrorVsNFE compares ODE solvers: error against the number of function
// (field) evaluations, on log-log axes with a marker per measurement. On
// such axes a solver of order p is a line of slope −p.
func ErrorVsNFE(curves []Curve, o *CurveOptions) *Figure {
	var opt CurveOptions
	if o != nil {
		opt = *o
	}
	opt.Markers = true
	// Log-log even when an error is exactly zero: that point is left out
	// (and counted) rather than flattening every other one.
	if opt.XScale == ScaleAuto {
		opt.XScale = ScaleLog
	}
	if opt.YScale == ScaleAuto {
		opt.YScale = ScaleLog
	}
	if opt.XLabel == "" {
		opt.XLabel = "function evaluations (NFE)"
	}
	if opt.YLabel == "" {
		opt.YLabel = "error"
	}
	return curvesFigure("ErrorVsNFE", curves, opt, true, true)
}

// curvesFigure draws curves with the options; autoLogX and autoLogY say
// what ScaleAuto means for each axis.
func curvesFigure(fn string, curves []Curve, opt CurveOptions, autoLogX, autoLogY bool) *Figure {
	if len(curves) == 0 {
		panic(fmt.Sprintf("plots.%s: no curves", fn))
	}
	xs := make([][]float64, len(curves))
	for k, c := range curves {
		if c.X == nil {
			xs[k] = make([]float64, len(c.Y))
			for i := range xs[k] {
				xs[k][i] = float64(i + 1)
			}
		} else {
			if len(c.X) != len(c.Y) {
				panic(fmt.Sprintf("plots.%s: curves[%d] (%q) has %d X values and %d Y values", fn, k, c.Name, len(c.X), len(c.Y)))
			}
			xs[k] = c.X
		}
	}
	logX := opt.XScale == ScaleLog || (opt.XScale == ScaleAuto && autoLogX && allPositive(xs))
	var ys [][]float64
	for _, c := range curves {
		ys = append(ys, c.Y)
	}
	logY := opt.YScale == ScaleLog || (opt.YScale == ScaleAuto && autoLogY && allPositive(ys))

	p := newPlot(opt.Title, opt.XLabel, opt.YLabel)
	p.Add(gridLines())
	var ls lines
	var ms []plot.Plotter
	var allX, allY []float64
	var desc []string
	dropped := 0
	for k, c := range curves {
		col := ClassColor(k)
		x, y := xs[k], c.Y
		for i := range x {
			if (logX && x[i] <= 0) || (logY && y[i] <= 0) {
				dropped++
				continue
			}
			if !bad(x[i]) && !bad(y[i]) {
				allX, allY = append(allX, x[i]), append(allY, y[i])
			}
		}
		main := draw.LineStyle{Color: col, Width: vg.Points(1.6)}
		if opt.Smooth > 1 {
			ls = append(ls, polyline{xs: x, ys: y, sty: draw.LineStyle{Color: withAlpha(col, 0.3), Width: vg.Points(0.8)}})
			ls = append(ls, polyline{xs: x, ys: movingAverage(y, opt.Smooth), sty: main})
		} else {
			ls = append(ls, polyline{xs: x, ys: y, sty: main})
		}
		if opt.Markers {
			ms = append(ms, markers{xs: x, ys: y, sty: draw.GlyphStyle{Color: col, Radius: vg.Points(2.5), Shape: draw.CircleGlyph{}}})
		}
		if c.Name != "" || len(curves) > 1 {
			name := c.Name
			if name == "" {
				name = fmt.Sprintf("curve %d", k)
			}
			p.Legend.Add(name, lineThumb{main})
		}
		desc = append(desc, curveSummary(c.Name, y))
	}
	p.Add(ls)
	p.Add(ms...)
	if len(curves) > 1 || curves[0].Name != "" {
		p.Add(legendBackdrop{})
	}
	if len(allX) == 0 {
		panic(fmt.Sprintf("plots.%s: no finite values to draw%s", fn, map[bool]string{true: " on a log axis", false: ""}[logX || logY]))
	}
	vx, vy := dataSpan(allX, logX, false), dataSpan(allY, logY, !logY)
	if logX {
		p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, logTicks{}
	}
	if logY {
		p.Y.Scale, p.Y.Tick.Marker = plot.LogScale{}, logTicks{}
	}
	w, h := opt.Width, opt.Height
	if w == 0 || h == 0 {
		w, h = cssPixels(wideFig), cssPixels(curveFigH)
	}
	f := newFigure(p, 1, 1, "")
	f.SetSize(w, h)
	f.setLimits(vx, vy, aspectFree)
	axes := map[[2]bool]string{{false, false}: "linear axes", {false, true}: "log y", {true, false}: "log x", {true, true}: "log-log"}[[2]bool{logX, logY}]
	f.desc = fmt.Sprintf("%d curve(s), %s", len(curves), axes)
	if opt.Title != "" {
		f.desc += " (" + opt.Title + ")"
	}
	f.desc += ": " + strings.Join(desc, "; ")
	if dropped > 0 {
		f.desc += fmt.Sprintf("; %d values ≤ 0 not drawn on the log axis", dropped)
	}
	return f
}

// dataSpan returns the view of vs on a linear or log axis: the full range
// (robust to outliers when robust is set) with a margin.
func dataSpan(vs []float64, log, robust bool) span {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if log {
		if hi <= lo {
			return span{lo / 2, hi * 2}
		}
		r := math.Pow(hi/lo, 0.04)
		return span{lo / r, hi * r}
	}
	if robust {
		s, _ := robustSpan(vs)
		return s
	}
	return padSpan(span{lo, hi}, 0.02)
}

func allPositive(vss [][]float64) bool {
	for _, vs := range vss {
		for _, v := range vs {
			if v <= 0 {
				return false
			}
		}
	}
	return true
}

// movingAverage returns the centred moving average of y over w points
// (fewer at the ends), ignoring NaN values.
func movingAverage(y []float64, w int) []float64 {
	// Prefix sums of the finite values and of their count make every
	// window O(1).
	sum := make([]float64, len(y)+1)
	cnt := make([]int, len(y)+1)
	for i, v := range y {
		sum[i+1], cnt[i+1] = sum[i], cnt[i]
		if !bad(v) {
			sum[i+1] += v
			cnt[i+1]++
		}
	}
	out := make([]float64, len(y))
	half := w / 2
	for i := range y {
		a, b := max(0, i-half), min(len(y), i+half+1)
		out[i] = math.NaN()
		if n := cnt[b] - cnt[a]; n > 0 {
			out[i] = (sum[b] - sum[a]) / float64(n)
		}
	}
	return out
}

// curveSummary describes a curve by its length, last and smallest values.
func curveSummary(name string, y []float64) string {
	if name == "" {
		name = "curve"
	}
	last, least, nan := math.NaN(), math.Inf(1), 0
	for _, v := range y {
		if math.IsNaN(v) {
			nan++
			continue
		}
		last, least = v, math.Min(least, v)
	}
	s := fmt.Sprintf("%s: %d points, last %.4g, min %.4g", name, len(y), last, least)
	if nan > 0 {
		s += fmt.Sprintf(", %d NaN", nan)
	}
	return s
}
