package plots

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// viridisStops are eleven evenly spaced samples of the viridis colour map
// (perceptually uniform, readable in grey and by colour-blind readers);
// colours in between are interpolated linearly.
var viridisStops = []color.NRGBA{
	{0x44, 0x01, 0x54, 0xff}, {0x48, 0x24, 0x75, 0xff}, {0x41, 0x44, 0x87, 0xff},
	{0x35, 0x5f, 0x8d, 0xff}, {0x2a, 0x78, 0x8e, 0xff}, {0x21, 0x91, 0x8c, 0xff},
	{0x22, 0xa8, 0x84, 0xff}, {0x44, 0xbf, 0x70, 0xff}, {0x7a, 0xd1, 0x51, 0xff},
	{0xbd, 0xdf, 0x26, 0xff}, {0xfd, 0xe7, 0x25, 0xff},
}

// Viridis returns the viridis colour at u in [0, 1] (clamped).
func Viridis(u float64) color.NRGBA {
	if !(u > 0) { // also catches NaN
		return viridisStops[0]
	}
	if u >= 1 {
		return viridisStops[len(viridisStops)-1]
	}
	f := u * float64(len(viridisStops)-1)
	i := int(f)
	w := f - float64(i)
	a, b := viridisStops[i], viridisStops[i+1]
	mix := func(x, y uint8) uint8 { return uint8(float64(x)*(1-w) + float64(y)*w + 0.5) }
	return color.NRGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

// Scale chooses how values map to colours.
type Scale int

const (
	// ScaleAuto lets the figure choose (log for log-densities, linear
	// otherwise).
	ScaleAuto Scale = iota
	// ScaleLinear maps values linearly to colours.
	ScaleLinear
	// ScaleLog maps the logarithm of (positive) values linearly to colours.
	ScaleLog
)

// colorScale maps values in [min, max] to [0, 1] linearly or
// logarithmically; the colour bar shows the same mapping on its axis.
type colorScale struct {
	min, max float64
	log      bool
	top      float64 // highest position of the colour map used (1 = full viridis)
}

// norm returns the position of v on the scale, clamped to [0, 1], and false
// for NaN (nothing should be drawn).
func (s colorScale) norm(v float64) (float64, bool) {
	if math.IsNaN(v) {
		return 0, false
	}
	var u float64
	if s.log {
		if v <= 0 {
			return 0, true
		}
		u = (math.Log(v) - math.Log(s.min)) / (math.Log(s.max) - math.Log(s.min))
	} else {
		u = (v - s.min) / (s.max - s.min)
	}
	return math.Max(0, math.Min(1, u)), true
}

// color returns the colour of v and whether it should be drawn.
func (s colorScale) color(v float64) (color.NRGBA, bool) {
	u, ok := s.norm(v)
	top := s.top
	if top == 0 {
		top = 1
	}
	return Viridis(u * top), ok
}

// newColorScale returns a scale covering the finite values of vs (of the
// positive ones for a log scale), or [vmin, vmax] when those are set. For a
// log scale the lowest value shown is at least max·floor.
func newColorScale(vs []float64, log bool, vmin, vmax, floor float64) (colorScale, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) || (log && v <= 0) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if vmin != 0 || vmax != 0 {
		lo, hi = vmin, vmax
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return colorScale{}, fmt.Errorf("no finite values to colour")
	}
	if log {
		if hi <= 0 {
			return colorScale{}, fmt.Errorf("log colour scale needs positive values, max is %g", hi)
		}
		if floor > 0 && lo < hi*floor {
			lo = hi * floor
		}
		if lo <= 0 {
			lo = hi * 1e-6
		}
	}
	if hi <= lo {
		// A constant field: give it a visible, honest range around its value.
		if log {
			lo, hi = lo/2, hi*2
		} else {
			d := math.Max(math.Abs(lo)*0.01, 1e-12)
			lo, hi = lo-d, hi+d
		}
	}
	return colorScale{min: lo, max: hi, log: log}, nil
}

// colorBarPlot returns a horizontal colour bar for s labelled label: a
// gradient over the data area with the value axis below it.
func colorBarPlot(s colorScale, label string) *plot.Plot {
	p := newPlot("", label, "")
	p.HideY()
	p.X.Min, p.X.Max = s.min, s.max
	if s.log {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{}
	}
	p.Add(gradient{s})
	return p
}

// gradient fills the data area with the colour map, left to right.
type gradient struct{ s colorScale }

// Plot implements plot.Plotter.
func (g gradient) Plot(c draw.Canvas, _ *plot.Plot) {
	const n = 256
	img := image.NewNRGBA(image.Rect(0, 0, n, 1))
	top := g.s.top
	if top == 0 {
		top = 1
	}
	for i := range n {
		img.SetNRGBA(i, 0, Viridis((float64(i)+0.5)/n*top))
	}
	c.DrawImage(c.Rectangle, img)
}
