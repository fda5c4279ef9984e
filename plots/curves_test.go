package plots

import (
	"image/color"
	"math"
	"strings"
	"testing"
)

// On a log y axis equal ratios are equal distances: y = 10^-x is a
// straight line, and its midpoint lands at the pixel a log mapping gives.
func TestCurvesLogYMapping(t *testing.T) {
	x := []float64{0, 1, 2, 3}
	y := []float64{1, 0.1, 0.01, 0.001}
	f := Curves([]Curve{{Name: "decay", X: x, Y: y}}, &CurveOptions{YScale: ScaleLog, Width: 400, Height: 300})
	img := render(t, f)
	h := img.Bounds().Dy()
	blue := okabeIto[0]
	for _, xv := range []float64{0.5, 1.5, 2.5} {
		px, py := toPixel(f, 0, xv, math.Pow(10, -xv), pngDPI, h)
		// The line is 1.6pt ≈ 4 px wide; its centre is at the mapped pixel.
		_, cy, n := centroid(img, px, py, 8, func(c color.Color) bool { return colorDistance(c, blue) < 60 })
		if n == 0 || math.Abs(cy-py) > 1 {
			t.Errorf("x=%.1f: line at y pixel %.1f (%d px), want %.1f", xv, cy, n, py)
		}
	}
}

// ErrorVsNFE is log-log with markers; values ≤ 0 are reported.
func TestErrorVsNFE(t *testing.T) {
	f := ErrorVsNFE([]Curve{
		{Name: "Euler", X: []float64{10, 20, 40}, Y: []float64{0.1, 0.05, 0.025}},
		{Name: "midpoint", X: []float64{20, 40, 80}, Y: []float64{0.01, 0.0025, 0}},
	}, nil)
	p := f.Plots()[0]
	if p.X.Scale == nil || p.Y.Scale == nil {
		t.Fatal("no scales")
	}
	if !strings.Contains(f.String(), "log-log") {
		t.Errorf("description %q: want log-log axes", f)
	}
	// The exact zero error cannot be drawn on log axes: it is counted.
	if !strings.Contains(f.String(), "1 values ≤ 0 not drawn on the log axis") {
		t.Errorf("description %q does not report the zero", f)
	}
	svg, err := f.SVG()
	if err != nil {
		t.Fatal(err)
	}
	// Markers are circles, written as two SVG arcs each; the legend shows
	// lines. Five of the six points can be drawn.
	if n := strings.Count(svg, " 0 1 1 "); n != 2*5 {
		t.Errorf("%d arc segments, want 10 (5 drawable markers, two arcs each)", n)
	}
}

// The moving average of a line is the line inside the window's reach,
// NaN values are skipped, and a constant stays constant.
func TestMovingAverage(t *testing.T) {
	y := make([]float64, 50)
	for i := range y {
		y[i] = 3 + 0.5*float64(i)
	}
	y[20] = math.NaN()
	m := movingAverage(y, 5)
	for i := 2; i < 48; i++ {
		if i >= 18 && i <= 22 {
			continue // windows holding the NaN average an asymmetric set
		}
		if math.Abs(m[i]-y[i]) > 1e-12 {
			t.Errorf("m[%d] = %g, want %g", i, m[i], y[i])
		}
	}
	// Window around 20 without it: (y18+y19+y21+y22)/4 = y20 by symmetry.
	if want := 3 + 0.5*20; math.Abs(m[20]-want) > 1e-12 {
		t.Errorf("m[20] = %g, want %g (the NaN is skipped)", m[20], want)
	}
	if m[0] != (y[0]+y[1]+y[2])/3 {
		t.Errorf("m[0] = %g, want the mean of the first three", m[0])
	}
}

// Loss defaults to log y and smoothing, and numbers steps from 1.
func TestLossDefaults(t *testing.T) {
	loss := make([]float64, 500)
	for i := range loss {
		loss[i] = 1 / float64(i+1)
	}
	f := Loss(loss, nil)
	if !strings.Contains(f.String(), "log y") || !strings.Contains(f.String(), "500 points, last 0.002") {
		t.Errorf("description %q", f)
	}
	if p := f.Plots()[0]; p.X.Min > 1 || p.X.Max < 500 {
		t.Errorf("x range [%g, %g] does not cover steps 1…500", p.X.Min, p.X.Max)
	}
	if fr := drawnFraction(render(t, f)); fr < 0.02 || fr > 0.3 {
		t.Errorf("drawn fraction %.3f of a loss curve, want 0.02–0.3", fr)
	}
}

// logTicks labels every view, including one inside a single decade.
func TestLogTicksLabelNarrowRanges(t *testing.T) {
	for _, r := range [][2]float64{{0.3, 0.9}, {12, 160}, {1e-6, 1}, {2, 3}} {
		labelled := 0
		for _, tk := range (logTicks{}).Ticks(r[0], r[1]) {
			if tk.Value < r[0] || tk.Value > r[1] {
				t.Errorf("range %v: tick %g outside", r, tk.Value)
			}
			if tk.Label != "" {
				labelled++
			}
		}
		if labelled < 1 {
			t.Errorf("range %v has no labelled tick", r)
		}
	}
}
