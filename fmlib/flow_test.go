package fmlib

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// testLayers returns one layer of each kind in 2D.
func testLayers(t *testing.T) []Layer {
	aff, err := NewAffineLayer([]float64{0.3, -0.5}, []float64{1, -0.2})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := NewPlanarLayer([]float64{1.2, -0.7}, []float64{0.8, 0.9}, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	rad, err := NewRadialLayer([]float64{0.5, -0.5}, 0.7, 1.5)
	if err != nil {
		t.Fatal(err)
	}
	shrink, err := NewRadialLayer([]float64{-0.2, 0.1}, 1.0, -0.6)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewRandomResidualLayer(2, 16, 0.5, 0.6, 1)
	if err != nil {
		t.Fatal(err)
	}
	return []Layer{aff, pl, rad, shrink, res}
}

// TestLayerLogDetMatchesFiniteDifferenceJacobian checks every layer's
// log|det J| against the log-determinant of a central-difference Jacobian
// (h = 1e-6: entries accurate to ~1e-9, so 1e-6 on the log-determinant),
// and that Inverse undoes Forward (within 1e-10) with the opposite log-det.
func TestLayerLogDetMatchesFiniteDifferenceJacobian(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	x := randDense(rng, 8, 2)
	for _, l := range testLayers(t) {
		y := mat.NewDense(8, 2, nil)
		ld := make([]float64, 8)
		if err := l.Forward(x, y, ld); err != nil {
			t.Fatal(err)
		}
		const h = 1e-6
		for i := 0; i < 8; i++ {
			jac := mat.NewDense(2, 2, nil)
			for c := 0; c < 2; c++ {
				xp := mat.NewDense(1, 2, append([]float64(nil), x.RawRowView(i)...))
				xm := mat.DenseCopyOf(xp)
				xp.Set(0, c, xp.At(0, c)+h)
				xm.Set(0, c, xm.At(0, c)-h)
				yp, ym, tmp := mat.NewDense(1, 2, nil), mat.NewDense(1, 2, nil), make([]float64, 1)
				_ = l.Forward(xp, yp, tmp)
				_ = l.Forward(xm, ym, tmp)
				for r := 0; r < 2; r++ {
					jac.Set(r, c, (yp.At(0, r)-ym.At(0, r))/(2*h))
				}
			}
			want := math.Log(math.Abs(mat.Det(jac)))
			if math.Abs(ld[i]-want) > 1e-6 {
				t.Errorf("%T row %d: log|det J| = %v, finite differences %v", l, i, ld[i], want)
			}
		}
		back, ldInv := mat.NewDense(8, 2, nil), make([]float64, 8)
		if err := l.Inverse(y, back, ldInv); err != nil {
			t.Fatal(err)
		}
		if e := maxAbsDiff(back, x); e > 1e-10 {
			t.Errorf("%T: Inverse(Forward(x)) misses x by %g", l, e)
		}
		for i := range ld {
			if math.Abs(ld[i]+ldInv[i]) > 1e-10 {
				t.Errorf("%T row %d: forward log-det %v, inverse %v", l, i, ld[i], ldInv[i])
			}
		}
	}
}

// TestFlowDensityIntegratesToOne composes all layers and integrates the
// density of eq. 5 on a 200×200 grid over [−9, 9]² (midpoint rule). The
// density is smooth and its mass outside the box is below 1e-6, so the sum
// must be 1 within 1e-3. Samples from the flow must also have the density
// LogDensity gives to Forward's output (log-dets agree within 1e-9).
func TestFlowDensityIntegratesToOne(t *testing.T) {
	f, err := Compose(testLayers(t)...)
	if err != nil {
		t.Fatal(err)
	}
	const n, lo, hi = 200, -9.0, 9.0
	step := (hi - lo) / n
	x := mat.NewDense(n*n, 2, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x.Set(i*n+j, 0, lo+(float64(i)+0.5)*step)
			x.Set(i*n+j, 1, lo+(float64(j)+0.5)*step)
		}
	}
	logp, err := f.LogDensity(x)
	if err != nil {
		t.Fatal(err)
	}
	var mass float64
	for _, v := range logp {
		mass += math.Exp(v) * step * step
	}
	t.Logf("mass %v", mass)
	if math.Abs(mass-1) > 1e-3 {
		t.Errorf("the flow density integrates to %v on the grid, want 1", mass)
	}
	x0 := StandardNormal(50, 2, 63)
	x1, ld, err := f.Forward(x0)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.LogDensity(x1)
	base := StandardNormalLogDensity(x0)
	for i := range got {
		if want := base[i] - ld[i]; math.Abs(got[i]-want) > 1e-9 {
			t.Errorf("sample %d: log p_1 = %v, log p_0 − log|det J| = %v (eq. 2)", i, got[i], want)
		}
	}
}

// TestResidualInversion checks the fixed-point inverse recovers x within
// 1e-8 (the criterion) for contractions up to 0.95, reports a
// residual below 1e-10 and more iterations for stronger contraction, and
// that weights breaking δ·Lip < 1 are refused.
func TestResidualInversion(t *testing.T) {
	x := randDense(rand.New(rand.NewPCG(65, 66)), 20, 3)
	var iters []int
	for _, c := range []float64{0.3, 0.95} {
		l, err := NewRandomResidualLayer(3, 32, 0.25, c, 7)
		if err != nil {
			t.Fatal(err)
		}
		y, back := mat.NewDense(20, 3, nil), mat.NewDense(20, 3, nil)
		ld := make([]float64, 20)
		if err := l.Forward(x, y, ld); err != nil {
			t.Fatal(err)
		}
		stats, err := l.InverseWithStats(y, back, ld)
		if err != nil {
			t.Fatal(err)
		}
		if e := maxAbsDiff(back, x); e > 1e-8 || stats.Residual > 1e-10 {
			t.Errorf("contraction %v: error %g, residual %g", c, e, stats.Residual)
		}
		iters = append(iters, stats.Iterations)
	}
	if iters[1] <= iters[0] {
		t.Errorf("iterations %v: a stronger contraction should need more", iters)
	}
	w := mat.NewDense(2, 2, []float64{2, 0, 0, 1})
	_, err := NewResidualLayer(w, []float64{0, 0}, w, []float64{0, 0}, 0.3)
	if err == nil || !strings.Contains(err.Error(), "≥ 1") {
		t.Errorf("δ‖W1‖‖W2‖ = 1.2: error %v", err)
	}
	if s := SpectralNorm(SpectralNormalize(w, 0.5)); math.Abs(s-0.5) > 1e-12 {
		t.Errorf("SpectralNormalize to 0.5 gave norm %v", s)
	}
}

// TestFlowMisuse checks the constructors' invertibility conditions.
func TestFlowMisuse(t *testing.T) {
	if _, err := NewPlanarLayer([]float64{1, 0}, []float64{-2, 0}, 0); err == nil {
		t.Error("planar layer with wᵀu = −2 accepted")
	}
	if _, err := NewRadialLayer([]float64{0, 0}, 1, -1.5); err == nil {
		t.Error("radial layer with β < −α accepted")
	}
	a, _ := NewAffineLayer([]float64{0}, []float64{0})
	b, _ := NewAffineLayer([]float64{0, 0}, []float64{0, 0})
	if _, err := Compose(a, b); err == nil {
		t.Error("layers of different dimensions composed")
	}
	if err := b.Forward(mat.NewDense(2, 3, nil), mat.NewDense(2, 3, nil), make([]float64, 2)); err == nil {
		t.Error("3-column input accepted by a 2D layer")
	}
}
