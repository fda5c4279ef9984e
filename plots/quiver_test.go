package plots

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// shear is u_t(x) = (x₀, 0): zero on the y axis, growing to the right.
func shear(_ float64, x, out *mat.Dense) {
	r, _ := x.Dims()
	for i := range r {
		out.Set(i, 0, x.At(i, 0))
		out.Set(i, 1, 0)
	}
}

// Arrow colour encodes magnitude: bright where the field is strong, dark
// where it is weak; every non-zero arrow has a head in SVG.
func TestQuiverColourEncodesMagnitude(t *testing.T) {
	f := QuiverFunc(shear, 0.3, &QuiverOptions{Arrows: 8, Width: 300, Height: 350})
	img := render(t, f)
	h := img.Bounds().Dy()
	// Grid cells are 1 wide over [-4, 4]: an arrow starts at (3.5, 0.5)
	// with |u| = 3.5 = the maximum (top colour), and at (0.5, 0.5) with
	// |u| = 0.5 (1/7 of the way up the colour scale).
	strong, weak := Viridis(timeTop), Viridis(timeTop/7)
	// Sample the shaft just right of the start point.
	sx, sy := toPixel(f, 0, 3.5+0.15, 0.5, pngDPI, h)
	if c := img.At(int(sx), int(sy)); colorDistance(c, strong) > 30 {
		t.Errorf("strong arrow colour %v, want %v", c, strong)
	}
	wx, wy := toPixel(f, 0, 0.5+0.05, 0.5, pngDPI, h)
	if c := img.At(int(wx), int(wy)); colorDistance(c, weak) > 40 {
		t.Errorf("weak arrow colour %v, want %v", c, weak)
	}
	svg, err := f.SVG()
	if err != nil {
		t.Fatal(err)
	}
	// Heads are filled triangles: paths "M…L…L…Z" filled with a colour.
	heads := 0
	for _, l := range strings.Split(svg, "\n") {
		if strings.HasPrefix(l, "<path") && strings.Count(l, "L") == 2 && strings.Contains(l, "Z\" style=\"fill:#") {
			heads++
		}
	}
	// The outer columns (x = ±3.5, |u| = 3.5) have arrows 0.9 cells long
	// pointing out of the region [-4, 4]: their heads are clipped away.
	if heads != 48 {
		t.Errorf("%d arrow heads in SVG, want 48 (8×8 minus the two outer columns)", heads)
	}
}

// A field given as a Field, with NaN at some points, is drawn without them
// and the text says so; streamlines follow circles of a rotation.
func TestQuiverNaNAndStreamlines(t *testing.T) {
	rot := FieldFunc(func(_ float64, x, out *mat.Dense) {
		r, _ := x.Dims()
		for i := range r {
			out.Set(i, 0, -x.At(i, 1))
			out.Set(i, 1, x.At(i, 0))
			if x.At(i, 0) > 3 {
				out.Set(i, 0, math.NaN())
			}
		}
	})
	f := Quiver(rot, 0, &QuiverOptions{Arrows: 8, Streamlines: true})
	if !strings.Contains(f.String(), "NaN or infinite at 8 grid points") {
		t.Errorf("description %q does not report the 8 NaN arrows", f)
	}
	// Streamlines of a rotation stay on circles: each traced point keeps
	// the radius of its seed to the midpoint rule's accuracy (relative
	// error ~ (ds/r)² per step, ≤ 1e-2 over 30 steps of ds = 8/120 for
	// r ≥ 0.44).
	sl := streamlines(FieldFunc(func(_ float64, x, out *mat.Dense) {
		r, _ := x.Dims()
		for i := range r {
			out.Set(i, 0, -x.At(i, 1))
			out.Set(i, 1, x.At(i, 0))
		}
	}), 0, span{-4, 4}, span{-4, 4}, 9)
	// The centre seed sits on the fixed point (0, 0) and traces nothing.
	if len(sl) != 2*80 {
		t.Fatalf("%d streamlines, want 160 (80 moving seeds, both directions)", len(sl))
	}
	for _, l := range sl {
		r0 := math.Hypot(l.xs[0], l.ys[0])
		for k := range l.xs {
			if r := math.Hypot(l.xs[k], l.ys[k]); math.Abs(r-r0) > 1e-2*r0 && (math.Abs(l.xs[k]) < 4 && math.Abs(l.ys[k]) < 4) {
				t.Fatalf("streamline from radius %.3f drifts to %.3f", r0, r)
			}
		}
	}
}
