package fmlib

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// gaussianData is q1 = N(m, s² I) in 2D as a one-component mixture.
func gaussianData(t *testing.T, m []float64, s float64) *GaussianMixture {
	g, err := NewIsotropicMixture([]float64{1}, mat.NewDense(1, len(m), m), []float64{s})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestGaussianMarginalClosedForm compares the OT(σ_min = 0) marginal of
// Gaussian data with its closed form: p_t = N(t m, σ̃_t² I) with
// σ̃_t² = (1−t)² + t² s², field u_t(x) = m + (σ̃'_t/σ̃_t)(x − t m) and
// divergence d σ̃'_t/σ̃_t. Both sides are a few floating-point operations on
// O(1) values, so 1e-12 is round-off.
func TestGaussianMarginalClosedForm(t *testing.T) {
	m, s := []float64{1.5, -0.5}, 0.3
	marg, err := gaussianData(t, m, s).Marginal(OTPath(0))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(21, 22))
	x := randDense(rng, 5, 2)
	for _, tt := range []float64{0, 0.2, 0.5, 0.9, 1} {
		st2 := (1-tt)*(1-tt) + tt*tt*s*s
		st := math.Sqrt(st2)
		dst := (-(1 - tt) + tt*s*s) / st
		logp, err := marg.LogDensity(tt, x)
		if err != nil {
			t.Fatal(err)
		}
		out := mat.NewDense(5, 2, nil)
		div := make([]float64, 5)
		marg.VelocityDivergence(tt, x, out, div)
		for i := 0; i < 5; i++ {
			var sq float64
			for j := 0; j < 2; j++ {
				dx := x.At(i, j) - tt*m[j]
				sq += dx * dx
				if u := m[j] + dst/st*dx; math.Abs(out.At(i, j)-u) > 1e-12 {
					t.Errorf("t=%v row %d: u = %v, closed form %v", tt, i, out.At(i, j), u)
				}
			}
			want := -math.Log(2*math.Pi*st2) - 0.5*sq/st2
			if math.Abs(logp[i]-want) > 1e-12 {
				t.Errorf("t=%v row %d: log p = %v, closed form %v", tt, i, logp[i], want)
			}
			if math.Abs(div[i]-2*dst/st) > 1e-12 {
				t.Errorf("t=%v row %d: div = %v, closed form %v", tt, i, div[i], 2*dst/st)
			}
		}
	}
}

// TestGaussianMarginalFlowMapsOntoData integrates the exact marginal field
// with Dopri5 (rtol 1e-10): x0 must land on the closed-form image m + s x0
// within 1e-6 (the criterion).
func TestGaussianMarginalFlowMapsOntoData(t *testing.T) {
	m, s := []float64{1.5, -0.5}, 0.3
	marg, _ := gaussianData(t, m, s).Marginal(OTPath(0))
	x0 := randDense(rand.New(rand.NewPCG(23, 24)), 50, 2)
	sol, err := Solve(marg, x0, SolveOptions{Method: Dopri5, RTol: 1e-10, ATol: 1e-10})
	if err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(50, 2, nil)
	want.Apply(func(i, j int, v float64) float64 { return m[j] + s*v }, x0)
	if e := maxAbsDiff(sol.X, want); e > 1e-6 {
		t.Errorf("flow of the exact marginal field misses m + s·x0 by %g", e)
	}
}

// threePoints is the 3-point data set of the transport-equation check.
var threePoints = mat.NewDense(3, 2, []float64{-1, 0.5, 1.2, 1, 0.3, -1.1})

// anisotropicMixture is a 3-component 2D mixture with full covariances.
func anisotropicMixture(t *testing.T) *GaussianMixture {
	covs := []*mat.SymDense{
		mat.NewSymDense(2, []float64{0.5, 0.2, 0.2, 0.3}),
		mat.NewSymDense(2, []float64{0.1, -0.05, -0.05, 0.4}),
		mat.NewSymDense(2, []float64{0.2, 0, 0, 0.2}),
	}
	g, err := NewGaussianMixture([]float64{0.5, 0.3, 0.2}, mat.NewDense(3, 2, []float64{-1, 1, 2, 0, 0, -2}), covs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestTransportEquation checks eq. 11, ∂p_t/∂t = −∇·(u_t p_t), for the exact
// p_t and u_t of a 3-point empirical distribution (and of a full-covariance
// mixture) at random (t, x), by central finite differences with h = 1e-5.
// Truncation O(h²) and rounding O(ε/h) are both below 1e-9 relative to the
// terms' size, so the 1e-5 relative bound is safe.
func TestTransportEquation(t *testing.T) {
	emp, err := NewEmpirical(threePoints, OTPath(0.05))
	if err != nil {
		t.Fatal(err)
	}
	mix, _ := anisotropicMixture(t).Marginal(CosinePath())
	rng := rand.New(rand.NewPCG(25, 26))
	for _, marg := range []Marginal{emp, mix} {
		for trial := 0; trial < 20; trial++ {
			tt := 0.1 + 0.8*rng.Float64()
			x := mat.NewDense(1, 2, []float64{2 * rng.NormFloat64(), 2 * rng.NormFloat64()})
			dens := func(tt float64, x *mat.Dense) float64 {
				lp, err := marg.LogDensity(tt, x)
				if err != nil {
					t.Fatal(err)
				}
				return math.Exp(lp[0])
			}
			const h = 1e-5
			dpdt := (dens(tt+h, x) - dens(tt-h, x)) / (2 * h)
			var divFlux, scale float64
			for j := 0; j < 2; j++ {
				flux := func(sign float64) float64 {
					xs := mat.DenseCopyOf(x)
					xs.Set(0, j, x.At(0, j)+sign*h)
					u := mat.NewDense(1, 2, nil)
					marg.Velocity(tt, xs, u)
					return u.At(0, j) * dens(tt, xs)
				}
				fp, fm := flux(1), flux(-1)
				divFlux += (fp - fm) / (2 * h)
				scale = math.Max(scale, math.Abs(fp-fm)/(2*h))
			}
			scale = math.Max(scale, math.Abs(dpdt))
			if rel := math.Abs(dpdt+divFlux) / scale; rel > 1e-5 {
				t.Errorf("%T t=%.3f x=%v: ∂p/∂t = %g, −∇·(up) = %g, relative error %g", marg, tt, x.RawRowView(0), dpdt, -divFlux, rel)
			}
		}
	}
}

// TestMarginalDivergenceMatchesFiniteDifferences checks the exact divergence
// of both marginals against central differences of the velocity (h = 1e-6,
// error ~1e-8 on divergences of size O(1–100); tolerance 1e-6 relative).
func TestMarginalDivergenceMatchesFiniteDifferences(t *testing.T) {
	emp, _ := NewEmpirical(threePoints, OTPath(0.05))
	mix, _ := anisotropicMixture(t).Marginal(VPPath(0.1, 20))
	rng := rand.New(rand.NewPCG(27, 28))
	x := randDense(rng, 10, 2)
	for _, marg := range []Marginal{emp, mix} {
		for _, tt := range []float64{0.1, 0.5, 0.85} {
			out := mat.NewDense(10, 2, nil)
			div := make([]float64, 10)
			marg.VelocityDivergence(tt, x, out, div)
			fd := finiteDifferenceDivergence(marg, tt, x, 1e-6)
			for i := range div {
				if math.Abs(div[i]-fd[i]) > 1e-6*math.Max(1, math.Abs(fd[i])) {
					t.Errorf("%T t=%v row %d: div %v, finite differences %v", marg, tt, i, div[i], fd[i])
				}
			}
		}
	}
}

// finiteDifferenceDivergence is a plain reference implementation for tests.
func finiteDifferenceDivergence(f Field, tt float64, x *mat.Dense, h float64) []float64 {
	r, c := x.Dims()
	div := make([]float64, r)
	up, um := mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)
	for j := 0; j < c; j++ {
		xp, xm := mat.DenseCopyOf(x), mat.DenseCopyOf(x)
		for i := 0; i < r; i++ {
			xp.Set(i, j, x.At(i, j)+h)
			xm.Set(i, j, x.At(i, j)-h)
		}
		f.Velocity(tt, xp, up)
		f.Velocity(tt, xm, um)
		for i := 0; i < r; i++ {
			div[i] += (up.At(i, j) - um.At(i, j)) / (2 * h)
		}
	}
	return div
}

// TestMarginalFieldIsPosteriorAverage checks eq. 19 against a Monte-Carlo
// average: with x1_i ~ q (n = 200000) the self-normalised estimate
// Σ_i p_t(x|x1_i) u_t(x|x1_i) / Σ_i p_t(x|x1_i) must be within 3 standard
// errors (delta-method) of the exact marginal field.
func TestMarginalFieldIsPosteriorAverage(t *testing.T) {
	g := anisotropicMixture(t)
	path := OTPath(0)
	marg, _ := g.Marginal(path)
	const n = 200000
	x1 := g.Sample(n, 29)
	const tt = 0.5
	alpha, _, sigma, _ := path.Coefficients(tt)
	for _, pt := range [][]float64{{0.2, 0.4}, {-0.5, -0.3}, {1, 0}} {
		x := mat.NewDense(n, 2, nil)
		for i := 0; i < n; i++ {
			x.SetRow(i, pt)
		}
		cond := mat.NewDense(n, 2, nil)
		if err := path.ConditionalVelocity(tt, x, x1, cond); err != nil {
			t.Fatal(err)
		}
		w := make([]float64, n)
		var sw float64
		for i := 0; i < n; i++ {
			dx, dy := pt[0]-alpha*x1.At(i, 0), pt[1]-alpha*x1.At(i, 1)
			w[i] = math.Exp(-0.5 * (dx*dx + dy*dy) / (sigma * sigma))
			sw += w[i]
		}
		exact := mat.NewDense(1, 2, nil)
		marg.Velocity(tt, mat.NewDense(1, 2, append([]float64(nil), pt...)), exact)
		for j := 0; j < 2; j++ {
			var est float64
			for i := 0; i < n; i++ {
				est += w[i] * cond.At(i, j)
			}
			est /= sw
			var v float64
			for i := 0; i < n; i++ {
				d := w[i] * (cond.At(i, j) - est)
				v += d * d
			}
			se := math.Sqrt(v) / sw
			if math.Abs(est-exact.At(0, j)) > 3*se {
				t.Errorf("x=%v coord %d: Monte Carlo %v ± %v, eq. 19 %v", pt, j, est, se, exact.At(0, j))
			}
		}
	}
}

// TestEmpiricalStableAtSmallSigma evaluates the empirical marginal at t = 1
// with σ_min = 1e-4 next to a data point: the log-density must equal that of
// the nearest component, N(x; x1, σ²I)/3 (the others are e^{−10⁸} smaller),
// and the field and divergence must be finite.
func TestEmpiricalStableAtSmallSigma(t *testing.T) {
	emp, err := NewEmpirical(threePoints, OTPath(1e-4))
	if err != nil {
		t.Fatal(err)
	}
	x := mat.NewDense(1, 2, []float64{-1 + 1e-4, 0.5 - 5e-5})
	lp, err := emp.LogDensity(1, x)
	if err != nil {
		t.Fatal(err)
	}
	s2 := 1e-8
	sq := 1e-8 + 25e-10
	want := -math.Log(3) - math.Log(2*math.Pi*s2) - 0.5*sq/s2
	if math.Abs(lp[0]-want) > 1e-9 {
		t.Errorf("log p_1 = %v, want %v", lp[0], want)
	}
	out := mat.NewDense(1, 2, nil)
	div := make([]float64, 1)
	emp.VelocityDivergence(0.999, x, out, div)
	if err := checkFinite("velocity", out); err != nil || math.IsNaN(div[0]) || math.IsInf(div[0], 0) {
		t.Errorf("non-finite field at small σ: %v, div %v", out.RawRowView(0), div[0])
	}
	mean := mat.NewDense(1, 2, nil)
	if err := emp.ExpectedData(1, x, mean); err != nil {
		t.Fatal(err)
	}
	if mean.At(0, 0) != -1 || mean.At(0, 1) != 0.5 {
		t.Errorf("posterior mean %v, want the nearest point (-1, 0.5)", mean.RawRowView(0))
	}
}

// TestMixtureSampleMoments checks the sampler: with n = 40000 the sample mean
// is within 4 standard errors of Σ w_k m_k in each coordinate.
func TestMixtureSampleMoments(t *testing.T) {
	g := anisotropicMixture(t)
	const n = 40000
	x := g.Sample(n, 31)
	want := []float64{0.5*-1 + 0.3*2, 0.5*1 - 0.2*2}
	for j := 0; j < 2; j++ {
		col := mat.Col(nil, j, x)
		var m, v float64
		for _, c := range col {
			m += c
		}
		m /= n
		for _, c := range col {
			v += (c - m) * (c - m)
		}
		se := math.Sqrt(v/(n-1)) / math.Sqrt(n)
		if math.Abs(m-want[j]) > 4*se {
			t.Errorf("coord %d: sample mean %v ± %v, want %v", j, m, se, want[j])
		}
	}
}

// TestMarginalMisuse checks constructor and method errors.
func TestMarginalMisuse(t *testing.T) {
	if _, err := NewEmpirical(threePoints, OTPath(0)); err == nil || !strings.Contains(err.Error(), "sigmaMin > 0") {
		t.Errorf("NewEmpirical on a path with σ_1 = 0: error %v", err)
	}
	emp, _ := NewEmpirical(threePoints, OTPath(0.1))
	if _, err := emp.LogDensity(1.2, threePoints); err == nil || !strings.Contains(err.Error(), "t = 1.2") {
		t.Errorf("t = 1.2: error %v", err)
	}
	if _, err := emp.LogDensity(0.5, mat.NewDense(2, 3, nil)); err == nil || !strings.Contains(err.Error(), "3 columns") {
		t.Errorf("3-column x: error %v", err)
	}
	if _, err := emp.LogDensity(0.5, mat.NewDense(1, 2, []float64{math.Inf(1), 0})); err == nil || !strings.Contains(err.Error(), "x[0][0] = +Inf") {
		t.Errorf("infinite x: error %v", err)
	}
	if _, err := NewIsotropicMixture([]float64{1, -1}, mat.NewDense(2, 2, nil), []float64{1, 1}); err == nil {
		t.Error("negative weight accepted")
	}
	if _, err := NewGaussianMixture([]float64{1}, mat.NewDense(1, 2, nil), []*mat.SymDense{mat.NewSymDense(2, []float64{1, 2, 2, 1})}); err == nil {
		t.Error("indefinite covariance accepted")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "out is 1×2") {
			t.Errorf("Velocity with a wrong out: panic %v", r)
		}
	}()
	emp.Velocity(0.5, threePoints, mat.NewDense(1, 2, nil))
}

// TestMixtureGeneralDimension exercises the general-d code path (2D has its
// own unrolled one) on a 3D full-covariance mixture: the exact divergence
// matches finite differences (h = 1e-6, tolerance 1e-5 relative) and the
// transport equation holds at random (t, x) (relative 1e-5, as above).
func TestMixtureGeneralDimension(t *testing.T) {
	covs := []*mat.SymDense{
		mat.NewSymDense(3, []float64{0.5, 0.1, 0, 0.1, 0.3, 0.05, 0, 0.05, 0.4}),
		mat.NewSymDense(3, []float64{0.2, 0, 0.02, 0, 0.2, 0, 0.02, 0, 0.6}),
	}
	g, err := NewGaussianMixture([]float64{0.6, 0.4}, mat.NewDense(2, 3, []float64{1, 0, -1, -1, 1, 0.5}), covs)
	if err != nil {
		t.Fatal(err)
	}
	marg, _ := g.Marginal(OTPath(0.01))
	rng := rand.New(rand.NewPCG(49, 50))
	x := randDense(rng, 6, 3)
	for _, tt := range []float64{0.2, 0.7, 1} {
		out := mat.NewDense(6, 3, nil)
		div := make([]float64, 6)
		marg.VelocityDivergence(tt, x, out, div)
		fd := finiteDifferenceDivergence(marg, tt, x, 1e-6)
		for i := range div {
			if math.Abs(div[i]-fd[i]) > 1e-5*math.Max(1, math.Abs(fd[i])) {
				t.Errorf("t=%v row %d: div %v, finite differences %v", tt, i, div[i], fd[i])
			}
		}
	}
	// Transport equation at a few points, as in TestTransportEquation.
	for trial := 0; trial < 5; trial++ {
		tt := 0.1 + 0.8*rng.Float64()
		x := randDense(rng, 1, 3)
		dens := func(tt float64, x *mat.Dense) float64 {
			lp, _ := marg.LogDensity(tt, x)
			return math.Exp(lp[0])
		}
		const h = 1e-5
		dpdt := (dens(tt+h, x) - dens(tt-h, x)) / (2 * h)
		var divFlux float64
		for j := 0; j < 3; j++ {
			var f [2]float64
			for s, sign := range []float64{1, -1} {
				xs := mat.DenseCopyOf(x)
				xs.Set(0, j, x.At(0, j)+sign*h)
				u := mat.NewDense(1, 3, nil)
				marg.Velocity(tt, xs, u)
				f[s] = u.At(0, j) * dens(tt, xs)
			}
			divFlux += (f[0] - f[1]) / (2 * h)
		}
		if rel := math.Abs(dpdt+divFlux) / math.Abs(dpdt); rel > 1e-5 {
			t.Errorf("3D t=%.3f: ∂p/∂t = %g, −∇·(up) = %g", tt, dpdt, -divFlux)
		}
	}
}

// TestEmpiricalGeneralDimension exercises the general-d empirical code (2D
// has its own): in 3D the log-density equals the mixture formula typed out
// directly (1e-12) and the divergence matches finite differences (1e-6
// relative, h = 1e-6).
func TestEmpiricalGeneralDimension(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	pts := randDense(rng, 4, 3)
	path := OTPath(0.05)
	emp, err := NewEmpirical(pts, path)
	if err != nil {
		t.Fatal(err)
	}
	x := randDense(rng, 5, 3)
	for _, tt := range []float64{0.3, 0.8} {
		alpha, _, sigma, _ := path.Coefficients(tt)
		lp, _ := emp.LogDensity(tt, x)
		for i := 0; i < 5; i++ {
			var p float64
			for j := 0; j < 4; j++ {
				var sq float64
				for k := 0; k < 3; k++ {
					d := x.At(i, k) - alpha*pts.At(j, k)
					sq += d * d
				}
				p += math.Exp(-0.5*sq/(sigma*sigma)) / math.Pow(2*math.Pi*sigma*sigma, 1.5) / 4
			}
			if math.Abs(lp[i]-math.Log(p)) > 1e-12 {
				t.Errorf("t=%v row %d: log p = %v, direct %v", tt, i, lp[i], math.Log(p))
			}
		}
		out, div := mat.NewDense(5, 3, nil), make([]float64, 5)
		emp.VelocityDivergence(tt, x, out, div)
		fd := finiteDifferenceDivergence(emp, tt, x, 1e-6)
		for i := range div {
			if math.Abs(div[i]-fd[i]) > 1e-6*math.Max(1, math.Abs(fd[i])) {
				t.Errorf("t=%v row %d: div %v, finite differences %v", tt, i, div[i], fd[i])
			}
		}
	}
}

// TestMixtureMarginalAtVPEnd checks that the mixture marginal stays finite
// at t = 1 on the VP and linear-VP paths, where σ'_t diverges but σσ' does
// not: SigmaDSigma equals σ·σ' inside (0,1) (round-off, 1e-12), and the
// field and divergence at t = 1 continue those at t = 1 − 1e-8 (the field
// is smooth in t there, so 1e-5 is generous).
func TestMixtureMarginalAtVPEnd(t *testing.T) {
	g := anisotropicMixture(t)
	x := randDense(rand.New(rand.NewPCG(53, 54)), 6, 2)
	for _, p := range []*AffinePath{VPPath(0.1, 20), LinearVPPath()} {
		vr := p.Schedule.(VarianceRateSchedule)
		for _, tt := range []float64{0.1, 0.5, 0.99} {
			_, _, s, ds := p.Coefficients(tt)
			if got := vr.SigmaDSigma(tt); math.Abs(got-s*ds) > 1e-12*math.Max(1, math.Abs(got)) {
				t.Errorf("%v t=%v: σσ' = %v, σ·σ' = %v", p, tt, got, s*ds)
			}
		}
		marg, _ := g.Marginal(p)
		end, near := mat.NewDense(6, 2, nil), mat.NewDense(6, 2, nil)
		dEnd, dNear := make([]float64, 6), make([]float64, 6)
		marg.VelocityDivergence(1, x, end, dEnd)
		marg.VelocityDivergence(1-1e-8, x, near, dNear)
		if e := maxAbsDiff(end, near); e > 1e-5 || checkFinite("u_1", end) != nil {
			t.Errorf("%v: u_1 differs from u_{1−1e-8} by %g", p, e)
		}
		for i := range dEnd {
			if math.Abs(dEnd[i]-dNear[i]) > 1e-5*math.Max(1, math.Abs(dEnd[i])) {
				t.Errorf("%v row %d: div at 1 = %v, at 1−1e-8 = %v", p, i, dEnd[i], dNear[i])
			}
		}
	}
}
