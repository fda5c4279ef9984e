package fmlib

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestCheckerboardPattern checks that every point lies in [−2,2)²/0.45 on a
// square whose ⌊x1⌋ + ⌊x2⌋ (before scaling) is even, that all 8 such squares
// are used about equally (each within 5 standard errors of n/8), and that the
// same seed gives the same points.
func TestCheckerboardPattern(t *testing.T) {
	const n = 16000
	x := Checkerboard(n, 1)
	counts := map[[2]float64]int{}
	for i := 0; i < n; i++ {
		a, b := x.At(i, 0)*0.45, x.At(i, 1)*0.45
		if a < -2-1e-12 || a >= 2+1e-12 || b < -2-1e-12 || b >= 2+1e-12 {
			t.Fatalf("point %d (%v, %v) outside [−2,2)²", i, a, b)
		}
		fa, fb := math.Floor(a+1e-12), math.Floor(b+1e-12)
		if math.Mod(fa+fb, 2) != 0 {
			t.Fatalf("point %d (%v, %v) on a white square", i, a, b)
		}
		counts[[2]float64{fa, fb}]++
	}
	if len(counts) != 8 {
		t.Errorf("%d squares used, want 8", len(counts))
	}
	se := math.Sqrt(n * (1.0 / 8) * (7.0 / 8))
	for sq, c := range counts {
		if math.Abs(float64(c)-n/8) > 5*se {
			t.Errorf("square %v has %d points, want %v ± %v", sq, c, n/8, se)
		}
	}
	if !mat.Equal(Checkerboard(50, 9), Checkerboard(50, 9)) || mat.Equal(Checkerboard(50, 9), Checkerboard(50, 10)) {
		t.Error("seeding is not reproducible or ignores the seed")
	}
}

// TestSamplerShapes checks the noise-free samplers exactly: moons on their
// two arcs, 8 Gaussians on their centres, circles on their radii, spirals on
// r = θ/π with the arm's angle.
func TestSamplerShapes(t *testing.T) {
	const n = 500
	const tol = 1e-12
	moons := Moons(n, 0, 2)
	for i := 0; i < n; i++ {
		x, y := moons.At(i, 0), moons.At(i, 1)
		upper := math.Abs(math.Hypot(x, y)-1) < tol && y >= -tol
		lower := math.Abs(math.Hypot(x-1, y-0.5)-1) < tol && y <= 0.5+tol
		if !upper && !lower {
			t.Fatalf("moon point (%v, %v) is on neither arc", x, y)
		}
	}
	g := EightGaussians(n, 4, 0, 3)
	for i := 0; i < n; i++ {
		ang := math.Atan2(g.At(i, 1), g.At(i, 0)) / (math.Pi / 4)
		if math.Abs(math.Hypot(g.At(i, 0), g.At(i, 1))-4) > tol || math.Abs(ang-math.Round(ang)) > tol {
			t.Fatalf("8-Gaussians point %v is not a centre", g.RawRowView(i))
		}
	}
	c := Circles(n, 0.4, 0, 4)
	for i := 0; i < n; i++ {
		r := math.Hypot(c.At(i, 0), c.At(i, 1))
		if math.Abs(r-1) > tol && math.Abs(r-0.4) > tol {
			t.Fatalf("circle point at radius %v", r)
		}
	}
	s := Spirals(n, 0, 5)
	for i := 0; i < n; i++ {
		x, y := s.At(i, 0), s.At(i, 1)
		r := math.Hypot(x, y)
		theta := r * math.Pi
		// Either arm: (x, y) = ±(r cos θ, r sin θ).
		if math.Hypot(x-r*math.Cos(theta), y-r*math.Sin(theta)) > 1e-9 && math.Hypot(x+r*math.Cos(theta), y+r*math.Sin(theta)) > 1e-9 {
			t.Fatalf("spiral point (%v, %v) is off both arms", x, y)
		}
	}
}

// TestPointsSamplerAndFromRows checks resampling draws only given points and
// that FromRows rejects ragged input.
func TestPointsSamplerAndFromRows(t *testing.T) {
	pts, err := FromRows([][]float64{{1, 2}, {3, 4}, {5, 6}})
	if err != nil {
		t.Fatal(err)
	}
	sampler, err := PointsSampler(pts)
	if err != nil {
		t.Fatal(err)
	}
	x := sampler(100, NewRand(6))
	for i := 0; i < 100; i++ {
		a := x.At(i, 0)
		if (a != 1 && a != 3 && a != 5) || x.At(i, 1) != a+1 {
			t.Fatalf("resampled row %v is not a given point", x.RawRowView(i))
		}
	}
	if _, err := FromRows([][]float64{{1, 2}, {3}}); err == nil {
		t.Error("ragged rows accepted")
	}
}
