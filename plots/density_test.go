package plots

import (
	"image/color"
	"math"
	"strings"
	"testing"
)

// gauss is the log-density of N((mx, my), s²I).
func gauss(mx, my, s float64) func(x, y float64) float64 {
	return func(x, y float64) float64 {
		return -((x-mx)*(x-mx)+(y-my)*(y-my))/(2*s*s) - math.Log(2*math.Pi*s*s)
	}
}

// The brightest colour of a density heatmap sits at the mode, the darkest
// far from it, and the colour bar runs from dark to bright.
func TestDensityColoursFollowTheDensity(t *testing.T) {
	lp := gauss(1, -1, 0.7)
	f := Density(func(x, y float64) float64 { return math.Exp(lp(x, y)) },
		&DensityOptions{Resolution: 60, Width: 300, Height: 350, Contours: -1})
	img := render(t, f)
	h := img.Bounds().Dy()
	mx, my := toPixel(f, 0, 1, -1, pngDPI, h)
	top := Viridis(1)
	// The cell containing the mode has the top colour up to the half-cell
	// offset of the grid (cell centres are 0.067 from the mode: a change
	// of under 1% of the density, well inside one colour step).
	if c := img.At(int(mx), int(my)); colorDistance(c, top) > 12 {
		t.Errorf("colour at the mode is %v, want the top of viridis %v", c, top)
	}
	fx, fy := toPixel(f, 0, -3.5, 3.5, pngDPI, h)
	if c := img.At(int(fx), int(fy)); colorDistance(c, Viridis(0)) > 12 {
		t.Errorf("colour far from the mode is %v, want the bottom of viridis %v", c, Viridis(0))
	}
	// The colour bar lies below the data area: left end dark, right end
	// bright.
	r := f.panels[0].barData
	y := float64(h) - (r.Min.Y+r.Max.Y).Dots(pngDPI)/2
	left := img.At(int(r.Min.X.Dots(pngDPI))+12, int(y))
	right := img.At(int(r.Max.X.Dots(pngDPI))-12, int(y))
	if colorDistance(left, Viridis(0)) > 40 || colorDistance(right, Viridis(1)) > 40 {
		t.Errorf("colour bar runs from %v to %v, want %v to %v", left, right, Viridis(0), Viridis(1))
	}
}

// On a log scale a log-density is coloured linearly in log p, down to the
// floor: the closed form of the Gaussian gives the range.
func TestLogDensityScaleIsTheLogDensity(t *testing.T) {
	o := &DensityOptions{Resolution: 41, Floor: 1e-3}
	f := LogDensity(gauss(0, 0, 1), o)
	// The grid has a cell centred at the mode (41 cells over [-4, 4]), so
	// the maximum is exactly -log(2π); the floor is log(1e-3) below it.
	wantMax := -math.Log(2 * math.Pi)
	bar := f.panels[0].bar
	if math.Abs(bar.X.Max-wantMax) > 1e-12 || math.Abs(bar.X.Min-(wantMax+math.Log(1e-3))) > 1e-12 {
		t.Errorf("colour bar spans [%g, %g], want [%g, %g]", bar.X.Min, bar.X.Max, wantMax+math.Log(1e-3), wantMax)
	}
	if bar.X.Label.Text != "log p(x)" {
		t.Errorf("colour bar label %q, want %q", bar.X.Label.Text, "log p(x)")
	}
	// The same values given as a grid draw the same figure.
	pts := GridPoints(o)
	vals := make([]float64, pts.RawMatrix().Rows)
	for i := range vals {
		vals[i] = gauss(0, 0, 1)(pts.At(i, 0), pts.At(i, 1))
	}
	g := DensityGrid(vals, &DensityOptions{Resolution: 41, Floor: 1e-3, LogValues: true})
	if g.panels[0].bar.X.Min != bar.X.Min || g.panels[0].bar.X.Max != bar.X.Max {
		t.Errorf("DensityGrid colour range [%g, %g] differs from LogDensity's [%g, %g]",
			g.panels[0].bar.X.Min, g.panels[0].bar.X.Max, bar.X.Min, bar.X.Max)
	}
}

// Contour lines are SVG paths in their own stroke; their number grows with
// the levels asked for (a unimodal density has one closed line per level).
func TestDensityContoursInSVG(t *testing.T) {
	for _, levels := range []int{3, 6} {
		f := Density(func(x, y float64) float64 { return math.Exp(gauss(0, 0, 1)(x, y)) },
			&DensityOptions{Resolution: 50, Contours: levels})
		svg, err := f.SVG()
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(svg, "stroke:#999999"); n != levels {
			t.Errorf("%d levels: %d contour paths in SVG, want %d", levels, n, levels)
		}
		if n := strings.Count(svg, "<image"); n != 2 {
			t.Errorf("%d <image> elements, want 2 (heatmap and colour bar)", n)
		}
	}
}

func TestDensityMisuseAndNaN(t *testing.T) {
	if msg := panicMessage(func() { DensityGrid([]float64{1, 2}, nil) }); !strings.Contains(msg, "values has 2 entries") {
		t.Errorf("wrong-length grid: panic %q", msg)
	}
	if msg := panicMessage(func() { Density(nil, nil) }); !strings.HasPrefix(msg, "plots.Density") {
		t.Errorf("nil func: panic %q", msg)
	}
	if msg := panicMessage(func() { GridPoints(&DensityOptions{XMin: 1, XMax: 1, YMax: 1}) }); !strings.Contains(msg, "empty") {
		t.Errorf("empty region: panic %q", msg)
	}
	f := Density(func(x, y float64) float64 {
		if x > 3 {
			return math.NaN()
		}
		return 1 + x
	}, &DensityOptions{Resolution: 8})
	// Cells are 1 wide over [-4, 4]: the column centred at 3.5 is NaN.
	if !strings.Contains(f.String(), "8 NaN cells left blank") {
		t.Errorf("description %q does not report the 8 NaN cells", f)
	}
}

// Histogram counts add up, a density histogram integrates to one, and
// the densest bin is drawn brightest where the samples are.
func TestHistogram2D(t *testing.T) {
	x := gaussianCloud(5000, 2, 1, 11)
	f := Histogram2D(x, &HistogramOptions{Bins: 30, XMin: -3, XMax: 7, YMin: -4, YMax: 6, Density: true})
	xs, ys := columns("test", "x", x, 0, 1)
	g, outsideGrid, _ := histogramGrid(xs, ys, span{-3, 7}, span{-4, 6}, 30, true)
	sum := 0.0
	for _, v := range g.z {
		sum += v
	}
	area := (10.0 / 30) * (10.0 / 30)
	// All but the points beyond 5σ lie in the bins: the integral is 1 to
	// rounding (1e-12) minus the share outside the view.
	outside := 0
	for i := range 5000 {
		if a, b := x.At(i, 0), x.At(i, 1); a < -3 || a > 7 || b < -4 || b > 6 {
			outside++
		}
	}
	if outside != outsideGrid {
		t.Errorf("histogramGrid counts %d points outside, want %d", outsideGrid, outside)
	}
	if want := 1 - float64(outside)/5000; math.Abs(sum*area-want) > 1e-12 {
		t.Errorf("density histogram integrates to %.15g, want %.15g", sum*area, want)
	}
	img := render(t, f)
	px, py := toPixel(f, 0, 2, 1, pngDPI, img.Bounds().Dy())
	c := img.At(int(px), int(py))
	if h, _ := hue(c); colorDistance(c, color.White) < 50 || h < 40 || h > 110 {
		t.Errorf("colour at the centre of the samples is %v (hue %.0f), want a bright viridis yellow-green", c, h)
	}
}
