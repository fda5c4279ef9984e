package fmlib

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randDense returns an r×c matrix of standard normal entries.
func randDense(rng *rand.Rand, r, c int) *mat.Dense {
	m := mat.NewDense(r, c, nil)
	for i := range m.RawMatrix().Data {
		m.RawMatrix().Data[i] = rng.NormFloat64()
	}
	return m
}

// allPaths lists every named affine path with typical parameters.
func allPaths() []*AffinePath {
	return []*AffinePath{
		OTPath(0), OTPath(1e-2), VEPath(0.01, 50), VPPath(0.1, 20),
		CosinePath(), PolynomialPath(2), PolynomialPath(3), LinearVPPath(),
	}
}

// TestScheduleDerivatives checks α'_t and σ'_t of every schedule against
// central finite differences. Step h = 1e-6 gives truncation O(h²)·|f”'| and
// rounding O(ε/h) ≈ 1e-10 relative; 1e-6 relative leaves a wide margin.
func TestScheduleDerivatives(t *testing.T) {
	const h, tol = 1e-6, 1e-6
	for _, p := range allPaths() {
		for _, tt := range []float64{0.05, 0.2, 0.5, 0.8, 0.95} {
			_, da, _, ds := p.Coefficients(tt)
			ap, _, sp, _ := p.Coefficients(tt + h)
			am, _, sm, _ := p.Coefficients(tt - h)
			fda, fds := (ap-am)/(2*h), (sp-sm)/(2*h)
			if math.Abs(fda-da) > tol*math.Max(1, math.Abs(da)) {
				t.Errorf("%v t=%v: dα = %v, finite difference %v", p, tt, da, fda)
			}
			if math.Abs(fds-ds) > tol*math.Max(1, math.Abs(ds)) {
				t.Errorf("%v t=%v: dσ = %v, finite difference %v", p, tt, ds, fds)
			}
		}
	}
}

// TestConditionalFieldIsDerivativeOfFlow checks, for every path, that the
// target u_t returned by SampleInto equals dψ_t(x0|x1)/dt by central finite
// differences of x_t (eq. 27–29), and equals eq. 31 evaluated at x_t.
// Tolerance: h = 1e-6 central differences of values O(1) leave errors ~1e-9.
func TestConditionalFieldIsDerivativeOfFlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n, d, h = 7, 3, 1e-6
	x0, x1 := randDense(rng, n, d), randDense(rng, n, d)
	for _, p := range allPaths() {
		ts := []float64{0.1, 0.3, 0.5, 0.7, 0.9, 0.33, 0.61}
		xt, ut, err := SampleAt(p, ts, x0, x1)
		if err != nil {
			t.Fatal(err)
		}
		plus, minus := make([]float64, n), make([]float64, n)
		for i := range ts {
			plus[i], minus[i] = ts[i]+h, ts[i]-h
		}
		xp, _, _ := SampleAt(p, plus, x0, x1)
		xm, _, _ := SampleAt(p, minus, x0, x1)
		for i := 0; i < n; i++ {
			for j := 0; j < d; j++ {
				fd := (xp.At(i, j) - xm.At(i, j)) / (2 * h)
				if math.Abs(fd-ut.At(i, j)) > 1e-6*math.Max(1, math.Abs(fd)) {
					t.Errorf("%v row %d: u = %v, dψ/dt by finite differences = %v", p, i, ut.At(i, j), fd)
				}
			}
			cond := mat.NewDense(1, d, nil)
			row := func(m *mat.Dense) *mat.Dense { return mat.NewDense(1, d, append([]float64(nil), m.RawRowView(i)...)) }
			if err := p.ConditionalVelocity(ts[i], row(xt), row(x1), cond); err != nil {
				t.Fatal(err)
			}
			for j := 0; j < d; j++ {
				if math.Abs(cond.At(0, j)-ut.At(i, j)) > 1e-9*math.Max(1, math.Abs(ut.At(i, j))) {
					t.Errorf("%v row %d: eq. 31 gives %v, eq. 29 gives %v", p, i, cond.At(0, j), ut.At(i, j))
				}
			}
		}
	}
}

// TestBoundaryConditions checks eq. 17–18: ψ_0(x0|x1) = x0 (source N(0,I))
// and ψ_1(x0|x1) = x1 + σ_min x0. Exact for OT, cosine, polynomial and linear
// VP; VP and VE meet them only approximately by construction (documented
// tolerances below).
func TestBoundaryConditions(t *testing.T) {
	cases := []struct {
		p            *AffinePath
		tol0, sigma1 float64
	}{
		{OTPath(0), 0, 0},
		{OTPath(0.05), 0, 0.05},
		{CosinePath(), 1e-15, 0},
		{PolynomialPath(2), 0, 0},
		{LinearVPPath(), 0, 0},
		// VP: α_0 = exp(−(0.1+20)/4) ≈ 6.6e-3 and σ_0 = √(1−α_0²): off by < 1e-2.
		{VPPath(0.1, 20), 1e-2, 0},
	}
	for _, c := range cases {
		a0, _, s0, _ := c.p.Coefficients(0)
		a1, _, s1, _ := c.p.Coefficients(1)
		if math.Abs(a0) > c.tol0 || math.Abs(s0-1) > c.tol0 {
			t.Errorf("%v: α_0 = %v, σ_0 = %v, want 0 and 1 (eq. 17)", c.p, a0, s0)
		}
		if math.Abs(a1-1) > 1e-15 || math.Abs(s1-c.sigma1) > 1e-15 {
			t.Errorf("%v: α_1 = %v, σ_1 = %v, want 1 and %v (eq. 18)", c.p, a1, s1, c.sigma1)
		}
	}
	// VE: μ_t = x1 throughout; σ runs from σ_max at t = 0 to σ_min at t = 1.
	ve := VEPath(0.01, 50)
	a0, _, s0, _ := ve.Coefficients(0)
	_, _, s1, _ := ve.Coefficients(1)
	if a0 != 1 || math.Abs(s0-50) > 1e-12 || math.Abs(s1-0.01) > 1e-15 {
		t.Errorf("VE boundaries: α_0 = %v, σ_0 = %v, σ_1 = %v", a0, s0, s1)
	}
}

// TestOTPathMatchesEq37 checks the σ_min = 0 OT path against the formula of
// eq. 37 typed out directly: x_t = (1−t)x0 + t x1, u = x1 − x0 (exact in
// floating point up to one rounding).
func TestOTPathMatchesEq37(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x0, x1 := randDense(rng, 5, 2), randDense(rng, 5, 2)
	ts := []float64{0, 0.25, 0.5, 0.75, 1}
	for _, p := range []Path{OTPath(0), IndependentCouplingPath()} {
		xt, ut, err := SampleAt(p, ts, x0, x1)
		if err != nil {
			t.Fatal(err)
		}
		for i, tt := range ts {
			for j := 0; j < 2; j++ {
				wantX := (1-tt)*x0.At(i, j) + tt*x1.At(i, j)
				wantU := x1.At(i, j) - x0.At(i, j)
				if math.Abs(xt.At(i, j)-wantX) > 1e-15 || math.Abs(ut.At(i, j)-wantU) > 1e-15 {
					t.Errorf("%v row %d: (%v, %v), want (%v, %v)", p, i, xt.At(i, j), ut.At(i, j), wantX, wantU)
				}
			}
		}
	}
}

// TestBridgeFieldIsDerivative checks the Schrödinger-bridge target against
// d/dt of x_t with the noise ε held fixed (finite differences, h = 1e-6).
func TestBridgeFieldIsDerivative(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const n, d, h = 4, 2, 1e-6
	x0, x1, eps := randDense(rng, n, d), randDense(rng, n, d), randDense(rng, n, d)
	p := SchrodingerBridgePath(0.7, 1)
	ts := []float64{0.1, 0.4, 0.6, 0.9}
	at := func(shift float64) (*mat.Dense, *mat.Dense) {
		tt := make([]float64, n)
		for i := range tt {
			tt[i] = ts[i] + shift
		}
		xt, ut := mat.NewDense(n, d, nil), mat.NewDense(n, d, nil)
		if err := p.SampleNoiseInto(tt, x0, x1, eps, xt, ut); err != nil {
			t.Fatal(err)
		}
		return xt, ut
	}
	_, ut := at(0)
	xp, _ := at(h)
	xm, _ := at(-h)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			fd := (xp.At(i, j) - xm.At(i, j)) / (2 * h)
			if math.Abs(fd-ut.At(i, j)) > 1e-6*math.Max(1, math.Abs(fd)) {
				t.Errorf("row %d: u = %v, finite difference %v", i, ut.At(i, j), fd)
			}
		}
	}
	// The noisy sampler with a fixed seed is reproducible and its noise has
	// the Brownian-bridge variance σ² t(1−t): with n = 20000 draws at t = ½
	// the sample variance of x_t − μ_t has relative standard error √(2/n) ≈ 1%;
	// 5% is five standard errors.
	const big = 20000
	z := mat.NewDense(big, 1, nil)
	xt, ut2 := mat.NewDense(big, 1, nil), mat.NewDense(big, 1, nil)
	if err := SchrodingerBridgePath(0.7, 9).SampleInto(filled(big, 0.5), z, z, xt, ut2); err != nil {
		t.Fatal(err)
	}
	var ss float64
	for _, v := range xt.RawMatrix().Data {
		ss += v * v
	}
	if v, want := ss/big, 0.49*0.25; math.Abs(v-want) > 0.05*want {
		t.Errorf("bridge noise variance %v, want σ²t(1−t) = %v", v, want)
	}
}

// TestPredictionConversions checks that converting velocity → data → noise →
// velocity returns the start, and that the data prediction of the exact
// target u = σ' x0 + α' x1 at x_t is x1 (round-off tolerance 1e-10).
func TestPredictionConversions(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n, d = 6, 2
	x0, x1 := randDense(rng, n, d), randDense(rng, n, d)
	for _, p := range allPaths() {
		const tt = 0.4
		xt, ut, err := p.Sample(tt, x0, x1)
		if err != nil {
			t.Fatal(err)
		}
		data, noise, back := mat.NewDense(n, d, nil), mat.NewDense(n, d, nil), mat.NewDense(n, d, nil)
		if err := p.ConvertPrediction(tt, xt, ut, VelocityPrediction, DataPrediction, data); err != nil {
			t.Fatal(err)
		}
		if err := p.ConvertPrediction(tt, xt, data, DataPrediction, NoisePrediction, noise); err != nil {
			t.Fatal(err)
		}
		if err := p.ConvertPrediction(tt, xt, noise, NoisePrediction, VelocityPrediction, back); err != nil {
			t.Fatal(err)
		}
		if !mat.EqualApprox(data, x1, 1e-10) || !mat.EqualApprox(noise, x0, 1e-10) || !mat.EqualApprox(back, ut, 1e-10) {
			t.Errorf("%v: conversions do not recover x1, x0 and u", p)
		}
	}
}

// TestCFMLoss checks eq. 20 for a field that returns 0 (loss = mean ‖u‖²) and
// for a field that evaluates per row at its own time (the loss uses t[i]).
func TestCFMLoss(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n, d = 8, 2
	x0, x1 := randDense(rng, n, d), randDense(rng, n, d)
	ts := []float64{0.1, 0.5, 0.1, 0.9, 0.5, 0.2, 0.3, 0.1}
	zero := FieldFunc(func(_ float64, x, out *mat.Dense) { out.Zero() })
	loss, err := CFMLoss(zero, OTPath(0), ts, x0, x1)
	if err != nil {
		t.Fatal(err)
	}
	var want float64
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			u := x1.At(i, j) - x0.At(i, j)
			want += u * u
		}
	}
	want /= n
	if math.Abs(loss-want) > 1e-12*want {
		t.Errorf("loss of the zero field = %v, want mean ‖x1−x0‖² = %v", loss, want)
	}
	// A "field" that knows x0 and x1 by the row's time reproduces the target
	// exactly, so the loss is zero only if each row saw its own t.
	p := OTPath(0.1)
	_, ut, _ := SampleAt(p, ts, x0, x1)
	cheat := FieldFunc(func(tt float64, x, out *mat.Dense) {
		r, _ := x.Dims()
		k := 0
		for i := range ts {
			if ts[i] == tt {
				out.SetRow(k, ut.RawRowView(i))
				k++
			}
		}
		if k != r {
			panic("wrong grouping")
		}
	})
	if loss, err := CFMLoss(cheat, p, ts, x0, x1); err != nil || loss > 1e-24 {
		t.Errorf("loss of the exact per-row target = %v (err %v), want 0", loss, err)
	}
}

// TestPathMisuse checks that wrong shapes, times outside [0,1] and bridge
// endpoints give errors naming the argument.
func TestPathMisuse(t *testing.T) {
	x := mat.NewDense(3, 2, nil)
	p := OTPath(0)
	cases := []struct {
		name, want string
		err        error
	}{
		{"short t", "t has 2 entries", p.SampleInto([]float64{0, 1}, x, x, x, x)},
		{"t > 1", "t[1] = 1.5", p.SampleInto([]float64{0, 1.5, 0}, x, x, x, x)},
		{"NaN t", "t[0] = NaN", p.SampleInto([]float64{math.NaN(), 0, 0}, x, x, x, x)},
		{"x1 shape", "x1 is 2×2", p.SampleInto([]float64{0, 0, 0}, x, mat.NewDense(2, 2, nil), x, x)},
		{"nil xt", "xt is nil", p.SampleInto([]float64{0, 0, 0}, x, x, nil, x)},
		{"NaN x1", "x1[2][1] = NaN", p.SampleInto([]float64{0, 0, 0}, x, mat.NewDense(3, 2, []float64{0, 0, 0, 0, 0, math.NaN()}), x, x)},
		{"bridge t=0", "needs 0 < t < 1", SchrodingerBridgePath(1, 1).SampleInto([]float64{0, 0.5, 0.5}, x, x, x, x)},
		{"VP at t=1", "not finite", VPPath(0.1, 20).SampleInto([]float64{1, 0.5, 0.5}, x, x, x, x)},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, c.err, c.want)
		}
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "sigmaMin") {
			t.Errorf("OTPath(-1) panic = %v, want a message naming sigmaMin", r)
		}
	}()
	OTPath(-1)
}

// TestSampleIntoAllocatesNothing checks the training-loop contract: with
// pre-allocated outputs, SampleInto of an affine path and of a bridge path
// (after its first call sized the noise buffer) makes no allocation.
func TestSampleIntoAllocatesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	x0, x1 := randDense(rng, 64, 2), randDense(rng, 64, 2)
	xt, ut := mat.NewDense(64, 2, nil), mat.NewDense(64, 2, nil)
	ts := make([]float64, 64)
	for i := range ts {
		ts[i] = 0.01 + 0.98*rng.Float64()
	}
	for _, p := range []Path{OTPath(0.01), VPPath(0.1, 20), SchrodingerBridgePath(0.5, 1)} {
		if err := p.SampleInto(ts, x0, x1, xt, ut); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(20, func() { _ = p.SampleInto(ts, x0, x1, xt, ut) }); n != 0 {
			t.Errorf("%v: %v allocations per SampleInto", p, n)
		}
	}
}
