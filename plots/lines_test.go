package plots

import (
	"image/color"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"
)

// A long noisy curve (a loss of 10⁴ steps) renders fast, and the drawn
// line still covers, column by column, the range of the data in that
// column: nothing is averaged away and nothing is invented.
func TestLongCurveIsFastAndFaithful(t *testing.T) {
	const n = 10000
	rng := rand.New(rand.NewPCG(5, 9))
	y := make([]float64, n)
	for i := range y {
		y[i] = rng.Float64()
	}
	// Two spikes at known steps, inside the robust view.
	const iLow, iHigh = 2500, 7000
	y[iLow], y[iHigh] = -0.15, 1.15
	f := Curves([]Curve{{Y: y}}, &CurveOptions{Width: 576, Height: 360})
	start := time.Now()
	img := render(t, f)
	// Stroked as one path, this line took 95 s on the loaded 2-core
	// machine (the rasteriser's work grows with the square of the line's
	// length); in chunks it takes ~0.3 s. 5 s leaves room for a loaded CI
	// machine and still fails the quadratic version by a factor of ten.
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("10⁴-point curve took %v to render, want < 5 s", d)
	}
	h := img.Bounds().Dy()
	blue := okabeIto[0]
	bh, _ := hue(blue)
	isLine := func(c color.Color) bool {
		hc, ch := hue(c)
		return ch > 0.25 && hueDistance(hc, bh) < 20
	}
	// Pixel column and row of every data point (steps are numbered from 1).
	px := make([]float64, n)
	py := make([]float64, n)
	for i := range y {
		px[i], py[i] = toPixel(f, 0, float64(i+1), y[i], pngDPI, h)
	}
	halfWidth := vg16Dots / 2 // half the 1.6 pt line width, in pixels
	// extent returns the lowest and highest row (image y grows down) of
	// the data points whose column is within d of col.
	extent := func(col, d int) (top, bottom float64) {
		top, bottom = math.Inf(1), math.Inf(-1)
		for i := range y {
			if c := int(math.Floor(px[i])); c >= col-d && c <= col+d {
				top, bottom = math.Min(top, py[i]), math.Max(bottom, py[i])
			}
		}
		return top, bottom
	}
	checked := 0
	for _, i := range []int{iLow, iHigh, 10, 1234, 3333, 5000, 6001, 8765, 9990} {
		col := int(math.Floor(px[i]))
		top, bottom := math.Inf(1), math.Inf(-1)
		for r := 0; r < h; r++ {
			if isLine(img.At(col, r)) {
				top, bottom = math.Min(top, float64(r)), math.Max(bottom, float64(r))
			}
		}
		inTop, inBottom := extent(col, 0)
		// A column's pixels can also be reached by the line's width from
		// points up to ~3 columns away, and by the segments to them.
		outTop, outBottom := extent(col, 4)
		// Anti-aliased edges are not counted as line: 1.5 px slack.
		if top > inTop+1.5 || bottom < inBottom-1.5 {
			t.Errorf("column %d (step %d): line covers rows %.0f…%.0f, misses the data's %.1f…%.1f", col, i+1, top, bottom, inTop, inBottom)
		}
		if top < outTop-halfWidth-1.5 || bottom > outBottom+halfWidth+1.5 {
			t.Errorf("column %d (step %d): line covers rows %.0f…%.0f, beyond the data near it %.1f…%.1f", col, i+1, top, bottom, outTop, outBottom)
		}
		checked++
	}
	// The spikes are the extremes of the whole drawing.
	_, lowRow := toPixel(f, 0, iLow+1, y[iLow], pngDPI, h)
	_, highRow := toPixel(f, 0, iHigh+1, y[iHigh], pngDPI, h)
	b := img.Bounds()
	minRow, maxRow := math.Inf(1), math.Inf(-1)
	for r := b.Min.Y; r < b.Max.Y; r++ {
		for c := b.Min.X; c < b.Max.X; c++ {
			if isLine(img.At(c, r)) {
				minRow, maxRow = math.Min(minRow, float64(r)), math.Max(maxRow, float64(r))
			}
		}
	}
	if math.Abs(minRow-(highRow-halfWidth)) > 2 || math.Abs(maxRow-(lowRow+halfWidth)) > 2 {
		t.Errorf("line spans rows %.0f…%.0f, want the spikes' %.1f…%.1f (±2 px)", minRow, maxRow, highRow-halfWidth, lowRow+halfWidth)
	}
}

// A translucent line drawn in chunks has one opacity everywhere: where
// chunks meet it is not darker. The faint raw line of a smoothed zig-zag
// fills a band of uniform colour.
func TestTranslucentLongLineIsUniform(t *testing.T) {
	y := make([]float64, 10000)
	for i := range y {
		y[i] = float64(i % 2)
	}
	f := Curves([]Curve{{Y: y}}, &CurveOptions{Smooth: 101})
	img := render(t, f)
	h := img.Bounds().Dy()
	counts := map[color.RGBA]int{}
	total := 0
	for _, v := range []float64{0.37, 0.63} { // inside the band, off the smoothed line at 0.5
		for i := 200; i < len(y)-200; i += 7 {
			px, py := toPixel(f, 0, float64(i+1), v, pngDPI, h)
			r, g, b, _ := img.At(int(px), int(py)).RGBA()
			counts[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}]++
			total++
		}
	}
	var mode color.RGBA
	for c, n := range counts {
		if n > counts[mode] {
			mode = c
		}
	}
	near := 0
	for c, n := range counts {
		if colorDistance(c, mode) <= 8 {
			near += n
		}
	}
	// Measured: 99.9% with the layer; chunks composited one by one leave a
	// darker stripe at every join and only 95% of the samples match.
	if frac := float64(near) / float64(total); frac < 0.99 {
		t.Errorf("only %.1f%% of the band is within 8 levels of its colour %v", 100*frac, mode)
	}
	if _, chroma := hue(mode); chroma < 0.1 {
		t.Errorf("band colour %v is not the line's tint", mode)
	}
}

// vg16Dots is the width of a 1.6 pt line at the PNG resolution, in pixels.
const vg16Dots = 1.6 / 72 * pngDPI

// The envelope keeps, per pixel column, the first, lowest, highest and
// last point in their order, and leaves a line whose x goes back alone.
func TestColumnEnvelope(t *testing.T) {
	// At 72 dpi one point is one pixel: columns [0,1), [1,2), [2,3).
	pts := []vg.Point{{X: 0.1, Y: 5}, {X: 0.2, Y: 9}, {X: 0.3, Y: 1}, {X: 0.4, Y: 4}, {X: 0.9, Y: 3},
		{X: 1.5, Y: 7}, {X: 2.0, Y: 2}, {X: 2.5, Y: 8}, {X: 2.6, Y: 2.5}, {X: 2.7, Y: 6}}
	got := columnEnvelope(pts, 72)
	want := []vg.Point{{X: 0.1, Y: 5}, {X: 0.2, Y: 9}, {X: 0.3, Y: 1}, {X: 0.9, Y: 3},
		{X: 1.5, Y: 7}, {X: 2.0, Y: 2}, {X: 2.5, Y: 8}, {X: 2.7, Y: 6}}
	if len(got) != len(want) {
		t.Fatalf("envelope %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("envelope %v, want %v", got, want)
		}
	}
	back := []vg.Point{{X: 0.1, Y: 1}, {X: 0.2, Y: 2}, {X: 0.15, Y: 3}, {X: 0.3, Y: 0}}
	if got := columnEnvelope(back, 72); len(got) != len(back) {
		t.Errorf("a line going back in x was reduced to %v", got)
	}
}

// Chunks share their end points, so that no segment is lost or doubled.
func TestStrokeChunks(t *testing.T) {
	l := make([]vg.Point, 3*strokeChunk)
	for i := range l {
		l[i] = vg.Point{X: vg.Length(i)}
	}
	chunks := strokeChunks([][]vg.Point{l, l[:2]})
	segs := 0
	next := vg.Length(0)
	for _, c := range chunks[:len(chunks)-1] {
		if len(c) > strokeChunk || len(c) < 2 || c[0].X != next {
			t.Fatalf("chunk of %d points from x=%g, want ≤ %d points from x=%g", len(c), c[0].X, strokeChunk, next)
		}
		segs += len(c) - 1
		next = c[len(c)-1].X
	}
	if segs != len(l)-1 || next != l[len(l)-1].X {
		t.Errorf("chunks hold %d segments ending at x=%g, want %d ending at %g", segs, next, len(l)-1, l[len(l)-1].X)
	}
	if last := chunks[len(chunks)-1]; len(last) != 2 {
		t.Errorf("a short line became %v", last)
	}
}
