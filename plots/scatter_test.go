package plots

import (
	"image/color"
	"math"
	"regexp"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// A point lands where its data coordinates say, in PNG (raster) drawing.
func TestScatterPointsLandAtTheirPixels(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{2, 3, 5, 5, 8, 1})
	f := Scatter(x, &ScatterOptions{XMin: 0, XMax: 10, YMin: 0, YMax: 10, Radius: 4, Alpha: 1,
		Width: 300, Height: 300})
	img := render(t, f)
	blue := okabeIto[0]
	for k := range 3 {
		ex, ey := toPixel(f, 0, x.At(k, 0), x.At(k, 1), pngDPI, img.Bounds().Dy())
		cx, cy, n := centroid(img, ex, ey, 20, func(c color.Color) bool { return colorDistance(c, blue) < 40 })
		// A disc of radius 4pt is ~10.7 px at 192 dpi: ~360 px of its colour.
		if n < 200 {
			t.Fatalf("point %d: only %d blue pixels near the expected pixel (%.1f, %.1f)", k, n, ex, ey)
		}
		// Anti-aliasing is symmetric, so the centroid is the centre to well
		// under a pixel.
		if math.Hypot(cx-ex, cy-ey) > 0.75 {
			t.Errorf("point %d: drawn at (%.2f, %.2f), want (%.2f, %.2f)", k, cx, cy, ex, ey)
		}
	}
}

// Classes get colours of clearly different hue, each its palette colour.
func TestScatterClassesDifferInHue(t *testing.T) {
	a := gaussianCloud(400, -3, 0, 1)
	b := gaussianCloud(400, 3, 0, 2)
	var x mat.Dense
	x.Stack(a, b)
	labels := make([]int, 800)
	for i := 400; i < 800; i++ {
		labels[i] = 1
	}
	f := Scatter(&x, &ScatterOptions{Labels: labels, XMin: -6, XMax: 6, YMin: -6, YMax: 6, Width: 300, Height: 300})
	img := render(t, f)
	var hues [2]float64
	for k, cx := range []float64{-3, 3} {
		px, py := toPixel(f, 0, cx, 0, pngDPI, img.Bounds().Dy())
		c := img.At(int(px), int(py))
		h, chroma := hue(c)
		want, _ := hue(ClassColor(k))
		if chroma < 0.3 || hueDistance(h, want) > 15 {
			t.Errorf("class %d centre colour %v: hue %.0f chroma %.2f, want hue %.0f of %v", k, c, h, chroma, want, ClassColor(k))
		}
		hues[k] = h
	}
	if hueDistance(hues[0], hues[1]) < 60 {
		t.Errorf("class hues %.0f and %.0f are too close to tell apart", hues[0], hues[1])
	}
	if !strings.Contains(f.String(), "2 classes") {
		t.Errorf("description %q does not mention the classes", f)
	}
}

// A Gaussian cloud covers a plausible part of the canvas: not blank, not
// saturated.
func TestScatterDrawnFraction(t *testing.T) {
	f := Scatter(gaussianCloud(2000, 0, 0, 3), &ScatterOptions{Width: 320, Height: 320})
	fr := drawnFraction(render(t, f))
	// Axes and labels alone are ~3%; the cloud covers a disc of radius ~2σ
	// in a view of about ±3.5σ, i.e. roughly a quarter of the data area.
	if fr < 0.1 || fr > 0.5 {
		t.Errorf("drawn fraction %.3f, want between 0.1 and 0.5", fr)
	}
}

// fillRe matches a translucent blue circle; vgsvg rounds the colour of a
// translucent fill down by one unit, hence 71/72 and B1/B2.
var fillRe = regexp.MustCompile(`<path d="M[^"]*A[^"]*" style="fill:#007[12]B[12];fill-opacity:0\.\d+"`)

// In SVG small clouds are one circle per point; large ones one embedded
// image.
func TestScatterSVGStructure(t *testing.T) {
	x := gaussianCloud(57, 0, 0, 4)
	svg, err := Scatter(x, &ScatterOptions{XMin: -10, XMax: 10, YMin: -10, YMax: 10}).SVG()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fillRe.FindAllString(svg, -1)); n != 57 {
		t.Errorf("SVG has %d point circles, want 57", n)
	}
	if n := strings.Count(svg, "<image"); n != 0 {
		t.Errorf("SVG of 57 points has %d images, want 0", n)
	}
	svg, err = Scatter(gaussianCloud(200, 0, 0, 5), &ScatterOptions{VectorLimit: 100}).SVG()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(svg, "<image"); n != 1 {
		t.Errorf("SVG of 200 points over VectorLimit 100 has %d images, want 1", n)
	}
	if n := len(fillRe.FindAllString(svg, -1)); n != 0 {
		t.Errorf("rasterised SVG still has %d point circles", n)
	}
}

// Outliers do not set the view, and the text says what was left out.
func TestScatterRobustViewAndHonestText(t *testing.T) {
	x := gaussianCloud(1000, 0, 0, 6)
	x.Set(0, 0, 1e6)
	x.Set(1, 1, math.NaN())
	f := Scatter(x, nil)
	pn := f.panels[0]
	if pn.xs.hi > 10 || pn.xs.lo < -10 {
		t.Errorf("x view %v is stretched by the outlier at 1e6", pn.xs)
	}
	desc := f.String()
	if !strings.Contains(desc, "1 points outside the view") || !strings.Contains(desc, "1 rows with NaN") {
		t.Errorf("description %q does not report the outlier and the NaN row", desc)
	}
}

func TestScatterMisuse(t *testing.T) {
	for name, fn := range map[string]func(){
		"nil":       func() { Scatter(nil, nil) },
		"1 column":  func() { Scatter(mat.NewDense(3, 1, nil), nil) },
		"labels":    func() { Scatter(mat.NewDense(3, 2, nil), &ScatterOptions{Labels: []int{1}}) },
		"panel nil": func() { Panels([]*Figure{nil}, nil) },
	} {
		msg := panicMessage(fn)
		if !strings.HasPrefix(msg, "plots.") {
			t.Errorf("%s: panic %q, want a message naming the function", name, msg)
		}
	}
}

// panicMessage runs fn and returns its panic value as text ("" if none).
func panicMessage(fn func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _ = r.(string)
			if msg == "" {
				msg = "non-string panic"
			}
		}
	}()
	fn()
	return ""
}

// Compare shares one view between data and model.
func TestCompareSharesTheView(t *testing.T) {
	f := Compare(gaussianCloud(500, 0, 0, 7), gaussianCloud(500, 0.5, 0, 8), &ScatterOptions{Title: "moons"})
	if len(f.panels) != 2 {
		t.Fatalf("Compare has %d panels, want 2", len(f.panels))
	}
	a, b := f.panels[0], f.panels[1]
	if a.xs != b.xs || a.ys != b.ys {
		t.Errorf("views differ: %v×%v vs %v×%v", a.xs, a.ys, b.xs, b.ys)
	}
	if a.plot.Title.Text != "data" || b.plot.Title.Text != "model" || f.title != "moons" {
		t.Errorf("titles %q, %q, %q", a.plot.Title.Text, b.plot.Title.Text, f.title)
	}
	img := render(t, f)
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); 10*w < 18*h {
		t.Errorf("side-by-side figure is %d×%d, want about twice as wide as high", w, h)
	}
}

// Drawing order interleaves classes and still draws every point once.
func TestPointOrderIsAPermutation(t *testing.T) {
	for _, n := range []int{1, 2, 3, 10, 1000, 1024, 99991} {
		pt := &points{xs: make([]float64, n), colors: make([]color.NRGBA, n)}
		seen := make([]bool, n)
		for _, i := range pt.order() {
			if seen[i] {
				t.Fatalf("n=%d: row %d drawn twice", n, i)
			}
			seen[i] = true
		}
		for i, s := range seen {
			if !s {
				t.Fatalf("n=%d: row %d never drawn", n, i)
			}
		}
		if n >= 1000 {
			// The first half drawn holds about half of each half of the
			// rows (sorted classes): neither class is all on top.
			first := 0
			for _, i := range pt.order()[:n/2] {
				if i < n/2 {
					first++
				}
			}
			if frac := float64(first) / float64(n/2); frac < 0.4 || frac > 0.6 {
				t.Errorf("n=%d: %.2f of the first half drawn comes from the first half of the rows", n, frac)
			}
		}
	}
}
