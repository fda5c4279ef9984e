package plots

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// render draws f at the 2× PNG resolution through its MIME bundle, checks
// that the PNG is twice the display size of the metadata, and returns it.
func render(t *testing.T, f *Figure) image.Image {
	t.Helper()
	b := f.MIMEBundle()
	data, ok := b["image/png"].([]byte)
	if !ok {
		t.Fatalf("MIMEBundle has no PNG: %v", b["text/plain"])
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	md := f.MIMEMetadata()["image/png"].(map[string]any)
	w, h := md["width"].(int), md["height"].(int)
	// Size rounds to whole pixels at both resolutions: allow one pixel.
	if dw, dh := img.Bounds().Dx()-2*w, img.Bounds().Dy()-2*h; dw < -1 || dw > 1 || dh < -1 || dh > 1 {
		t.Fatalf("PNG is %v, metadata says %d×%d displayed: want twice that", img.Bounds().Size(), w, h)
	}
	return img
}

// toPixel maps data point (x, y) of panel k to pixel coordinates of an
// image drawn at dpi with height imgH, from the data area recorded at the
// last draw and the axis limits; it handles linear and log axes.
func toPixel(f *Figure, k int, x, y float64, dpi float64, imgH int) (float64, float64) {
	pn := f.panels[k]
	p := pn.plot
	fx := frac(p.X, x)
	fy := frac(p.Y, y)
	r := pn.data
	cx := r.Min.X.Dots(dpi) + fx*(r.Max.X-r.Min.X).Dots(dpi)
	cy := r.Min.Y.Dots(dpi) + fy*(r.Max.Y-r.Min.Y).Dots(dpi)
	return cx, float64(imgH) - cy
}

func frac(a plot.Axis, v float64) float64 {
	if _, ok := a.Scale.(plot.LogScale); ok {
		return (math.Log(v) - math.Log(a.Min)) / (math.Log(a.Max) - math.Log(a.Min))
	}
	return (v - a.Min) / (a.Max - a.Min)
}

// drawnFraction is the fraction of pixels that are not (nearly) white.
func drawnFraction(img image.Image) float64 {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !isWhite(img.At(x, y)) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

func isWhite(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r>>8 > 245 && g>>8 > 245 && b>>8 > 245
}

// hue returns the hue of c in degrees [0, 360) and its chroma in [0, 1].
func hue(c color.Color) (h, chroma float64) {
	r, g, b, _ := c.RGBA()
	R, G, B := float64(r)/65535, float64(g)/65535, float64(b)/65535
	mx, mn := math.Max(R, math.Max(G, B)), math.Min(R, math.Min(G, B))
	chroma = mx - mn
	if chroma == 0 {
		return 0, 0
	}
	switch mx {
	case R:
		h = math.Mod((G-B)/chroma, 6)
	case G:
		h = (B-R)/chroma + 2
	default:
		h = (R-G)/chroma + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h, chroma
}

func hueDistance(a, b float64) float64 {
	d := math.Abs(a - b)
	return math.Min(d, 360-d)
}

// colorDistance is the largest channel difference of a and b, in 0…255.
func colorDistance(a, b color.Color) float64 {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	d := func(x, y uint32) float64 { return math.Abs(float64(x>>8) - float64(y>>8)) }
	return math.Max(d(r1, r2), math.Max(d(g1, g2), d(b1, b2)))
}

// centroid returns the mean position of the pixels within radius rad of
// (cx, cy) that match, and how many matched.
func centroid(img image.Image, cx, cy, rad float64, match func(color.Color) bool) (x, y float64, n int) {
	for py := int(cy - rad); py <= int(cy+rad); py++ {
		for px := int(cx - rad); px <= int(cx+rad); px++ {
			if math.Hypot(float64(px)+0.5-cx, float64(py)+0.5-cy) > rad {
				continue
			}
			if match(img.At(px, py)) {
				x += float64(px) + 0.5
				y += float64(py) + 0.5
				n++
			}
		}
	}
	if n > 0 {
		x, y = x/float64(n), y/float64(n)
	}
	return x, y, n
}

// gaussianCloud returns n standard normal points shifted by (mx, my), from
// a fixed seed.
func gaussianCloud(n int, mx, my float64, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 7))
	x := mat.NewDense(n, 2, nil)
	for i := range n {
		x.Set(i, 0, mx+rng.NormFloat64())
		x.Set(i, 1, my+rng.NormFloat64())
	}
	return x
}
