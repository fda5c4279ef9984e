package plots

import (
	"image/color"
	"math"
	"regexp"
	"strconv"
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

// logTicks labels every view with at least two values, including views
// inside a single decade that hold one 1-2-5 value (0.3…0.9) or none
// (0.12…0.18), and each label names its tick's value.
func TestLogTicksLabelNarrowRanges(t *testing.T) {
	for _, r := range [][2]float64{{0.3, 0.9}, {12, 160}, {1e-6, 1}, {2, 3}, {0.3, 0.45}, {0.12, 0.18}, {0.295, 0.457}} {
		labelled := 0
		for _, tk := range (logTicks{}).Ticks(r[0], r[1]) {
			if tk.Value < r[0] || tk.Value > r[1] {
				t.Errorf("range %v: tick %g outside", r, tk.Value)
			}
			if tk.Label == "" {
				continue
			}
			labelled++
			// Labels are rounded to the step's decimals (or 2–4
			// significant digits): 1e-9 relative is float rounding.
			if v, err := strconv.ParseFloat(tk.Label, 64); err != nil || math.Abs(v-tk.Value) > 1e-9*tk.Value {
				t.Errorf("range %v: tick %g labelled %q", r, tk.Value, tk.Label)
			}
		}
		if labelled < 2 {
			t.Errorf("range %v has %d labelled ticks, want at least 2", r, labelled)
		}
	}
}

// Linear ticks carry only the decimals their step needs.
func TestLinearTickLabels(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   []string
	}{
		{995, 1505, []string{"1000", "1250", "1500"}},
		{0.29, 0.46, []string{"0.3", "0.35", "0.4", "0.45"}},
	} {
		var got []string
		for _, tk := range (linearTicks{}).Ticks(c.lo, c.hi) {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("[%g, %g]: labels %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// svgTexts returns the text of every <text> element of an SVG document.
func svgTexts(svg string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		out = append(out, m[1])
	}
	return out
}

// A loss that stays within one decade (0.45 → 0.30, as late in training)
// still gets labelled values on its log axis, in the live view and in
// Loss: the SVG holds at least two numeric labels inside the loss range
// (the steps, ≥ 1000, are the only other numbers).
func TestLogAxisWithinADecadeHasLabels(t *testing.T) {
	lv := NewLiveView(nil)
	loss := make([]float64, 500)
	for i := range loss {
		loss[i] = 0.45 - 0.15*float64(i)/float64(len(loss))
		lv.Add(1000+i, loss[i], nil)
	}
	for name, f := range map[string]*Figure{"LiveView": lv.Figure(), "Loss": Loss(loss, nil)} {
		svg, err := f.SVG()
		if err != nil {
			t.Fatal(err)
		}
		var ys []float64
		for _, s := range svgTexts(svg) {
			if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0.28 && v < 0.47 {
				ys = append(ys, v)
			}
		}
		if len(ys) < 2 {
			t.Errorf("%s: y tick labels %v (texts %q), want at least 2", name, ys, svgTexts(svg))
		}
	}
}
