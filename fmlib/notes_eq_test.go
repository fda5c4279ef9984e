package fmlib

// Checks of equations of the reference notes against oracles that share no
// code with what they check: hand computations, closed forms, finite
// differences, the moment recursion of the noising SDE, and Monte Carlo with
// its standard error or a concentration bound. docs/course.md lists, for
// every equation, the notebook cell and the test here that check it.

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// notesNormalCDF is Φ(z).
func notesNormalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// TestEq7ResidualForwardByHand recomputes φ(x) = x + δ u(x) with
// u(x) = W2 tanh(W1 x + b1) + b2 (eq. 6–7) in plain loops from the layer's
// weights and compares (φ(x) − x)/δ with u(x). Both sides are O(10)
// floating-point operations on O(1) values: 1e-13 is round-off. The
// log-determinant is checked against a central-difference Jacobian: with
// h = 1e-5 the truncation is ~h²·|φ”'| ≈ 1e-10 and the rounding ~ε/h ≈ 1e-11,
// so 1e-7 leaves room.
func TestEq7ResidualForwardByHand(t *testing.T) {
	layer, err := NewRandomResidualLayer(2, 16, 0.5, 0.7, 3)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	x := randDense(rng, 50, 2)
	y, logDet := mat.NewDense(50, 2, nil), make([]float64, 50)
	if err := layer.Forward(x, y, logDet); err != nil {
		t.Fatal(err)
	}
	hidden, _ := layer.W1.Dims()
	byHand := func(p []float64) []float64 {
		u := []float64{layer.B2[0], layer.B2[1]}
		for k := 0; k < hidden; k++ {
			a := layer.B1[k] + layer.W1.At(k, 0)*p[0] + layer.W1.At(k, 1)*p[1]
			u[0] += layer.W2.At(0, k) * math.Tanh(a)
			u[1] += layer.W2.At(1, k) * math.Tanh(a)
		}
		return u
	}
	phi := func(p []float64) []float64 {
		u := byHand(p)
		return []float64{p[0] + layer.Delta*u[0], p[1] + layer.Delta*u[1]}
	}
	const h = 1e-5
	for i := 0; i < 50; i++ {
		p := x.RawRowView(i)
		u := byHand(p)
		for j := 0; j < 2; j++ {
			if got := (y.At(i, j) - p[j]) / layer.Delta; math.Abs(got-u[j]) > 1e-13 {
				t.Fatalf("row %d: (φ(x)−x)/δ = %v, u(x) by hand %v", i, got, u[j])
			}
		}
		var jac [2][2]float64
		for j := 0; j < 2; j++ {
			plus, minus := []float64{p[0], p[1]}, []float64{p[0], p[1]}
			plus[j] += h
			minus[j] -= h
			fp, fm := phi(plus), phi(minus)
			jac[0][j] = (fp[0] - fm[0]) / (2 * h)
			jac[1][j] = (fp[1] - fm[1]) / (2 * h)
		}
		want := math.Log(math.Abs(jac[0][0]*jac[1][1] - jac[0][1]*jac[1][0]))
		if math.Abs(logDet[i]-want) > 1e-7 {
			t.Fatalf("row %d: log|det J| = %v, finite differences %v", i, logDet[i], want)
		}
	}
}

// TestEq12DensityAlongTrajectory checks eq. 12 in its non-log form,
// d/dt p_t(x_t) = −p_t(x_t) ∇·u_t(x_t), on the exact marginal of a Gaussian
// mixture: each point is carried from t to t ± h by Dopri5 (tolerance 1e-12)
// and the density read at both ends. The central difference in t has
// truncation error h²/6·|d³p/dt³|: with h = 1e-3 that was measured at up to
// 4e-6 here (|d³p/dt³| ~ 20 along these paths), so h = 1e-4 brings it to
// ~4e-8; the solver's error (~1e-12 over a step this short) divided by h
// adds ~1e-8. 1e-6 relative to max(1, |rhs|) is therefore safe, and a
// missing factor p_t or a sign error would be off by O(|rhs|) ~ 0.1. The
// right side uses the field's analytic divergence.
func TestEq12DensityAlongTrajectory(t *testing.T) {
	g, err := NewIsotropicMixture([]float64{0.3, 0.4, 0.3}, mat.NewDense(3, 2, []float64{-2, 0, 2, 1, 0.5, -2}), []float64{0.4, 0.5, 0.3})
	if err != nil {
		t.Fatal(err)
	}
	marg, err := g.Marginal(OTPath(0))
	if err != nil {
		t.Fatal(err)
	}
	const h = 1e-4
	for k, tt := range []float64{0.2, 0.5, 0.8} {
		x := StandardNormal(30, 2, uint64(40+k))
		move := func(to float64) []float64 {
			sol, err := Solve(marg, x, SolveOptions{Method: Dopri5, From: tt, To: to, RTol: 1e-12, ATol: 1e-12})
			if err != nil {
				t.Fatal(err)
			}
			lp, err := marg.LogDensity(to, sol.X)
			if err != nil {
				t.Fatal(err)
			}
			return lp
		}
		plus, minus := move(tt+h), move(tt-h)
		lp, err := marg.LogDensity(tt, x)
		if err != nil {
			t.Fatal(err)
		}
		u, div := mat.NewDense(30, 2, nil), make([]float64, 30)
		marg.VelocityDivergence(tt, x, u, div)
		for i := range div {
			lhs := (math.Exp(plus[i]) - math.Exp(minus[i])) / (2 * h)
			rhs := -math.Exp(lp[i]) * div[i]
			if math.Abs(lhs-rhs) > 1e-6*math.Max(1, math.Abs(rhs)) {
				t.Errorf("t=%v row %d: d/dt p_t(x_t) = %.10g by differences, −p ∇·u = %.10g", tt, i, lhs, rhs)
			}
		}
	}
}

// notesFivePoints is the 1D data of notebook 3.
var notesFivePoints = []float64{-2.2, -1.6, 0.3, 1.4, 2.4}

// notesMarginalCDF is F_t(x) = (1/n) Σ_j Φ((x − α_t x1_j)/σ_t), the CDF of
// eq. 16 for equally weighted 1D points, written out by hand.
func notesMarginalCDF(path *AffinePath, points []float64, tt, x float64) float64 {
	a, _, s, _ := path.Coefficients(tt)
	var f float64
	for _, p := range points {
		f += notesNormalCDF((x - a*p) / s)
	}
	return f / float64(len(points))
}

// TestEq16PathSamplesHaveDensityPt draws x_t = ψ_t(x0|x1) with x1 from five
// 1D points and x0 ~ N(0, 1) (the sampling behind eq. 20 and eq. 23) and
// compares the empirical CDF of n = 20000 draws with the CDF of eq. 16
// written out by hand. By the Dvoretzky–Kiefer–Wolfowitz inequality
// P(sup|F_n − F| > ε) ≤ 2 exp(−2nε²); ε = √(ln(2/α)/(2n)) with α = 1e-6 is
// the bound (0.019), so a correct sampler fails it with probability 1e-6 per
// time. It also checks that Empirical.LogDensity is the derivative of that
// CDF (central difference, h = 1e-4: error ~h²·|p”| ≈ 1e-8, bound 1e-6).
func TestEq16PathSamplesHaveDensityPt(t *testing.T) {
	const n = 20000
	path := OTPath(0.05)
	data := mat.NewDense(5, 1, append([]float64(nil), notesFivePoints...))
	emp, err := NewEmpirical(data, path)
	if err != nil {
		t.Fatal(err)
	}
	pick, err := PointsSampler(data)
	if err != nil {
		t.Fatal(err)
	}
	eps := math.Sqrt(math.Log(2/1e-6) / (2 * n))
	for k, tt := range []float64{0.1, 0.5, 0.8, 0.95} {
		x1 := pick(n, NewRand(uint64(60+k)))
		x0 := StandardNormal(n, 1, uint64(70+k))
		xt, _, err := path.Sample(tt, x0, x1)
		if err != nil {
			t.Fatal(err)
		}
		v := append([]float64(nil), xt.RawMatrix().Data...)
		sort.Float64s(v)
		worst := 0.0
		for i, xi := range v {
			f := notesMarginalCDF(path, notesFivePoints, tt, xi)
			worst = math.Max(worst, math.Max(math.Abs(float64(i+1)/n-f), math.Abs(float64(i)/n-f)))
		}
		if worst > eps {
			t.Errorf("t=%v: KS distance %.4f between samples of the path and eq. 16, DKW bound %.4f", tt, worst, eps)
		}
		const h = 1e-4
		grid := mat.NewDense(41, 1, nil)
		for i := 0; i < 41; i++ {
			grid.Set(i, 0, -4+0.2*float64(i))
		}
		lp, err := emp.LogDensity(tt, grid)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 41; i++ {
			x := grid.At(i, 0)
			d := (notesMarginalCDF(path, notesFivePoints, tt, x+h) - notesMarginalCDF(path, notesFivePoints, tt, x-h)) / (2 * h)
			if math.Abs(math.Exp(lp[i])-d) > 1e-6 {
				t.Errorf("t=%v x=%v: p_t = %v, derivative of the CDF %v", tt, x, math.Exp(lp[i]), d)
			}
		}
	}
}

// notesLinear1D is u_θ(t, x) = (θ0 + θ1 t) x + θ2 in one dimension.
func notesLinear1D(theta []float64, tt, x float64) float64 {
	return (theta[0]+theta[1]*tt)*x + theta[2]
}

// TestEq23And24BothWays computes the two θ-dependent terms of L_FM at fixed
// t both ways, for five 1D points on the OT path:
//
//	eq. 23: E_{p_t}[u_θ²] by quadrature against the density p_t of eq. 16,
//	        and by Monte Carlo over x1 ~ q, x ~ p_t(·|x1);
//	eq. 24: E_{p_t}[u_θ u_t(x)] by quadrature with the marginal field of
//	        eq. 19, and by Monte Carlo with the conditional field u_t(x|x1).
//
// The quadrature is a trapezoid rule with spacing 1e-3 on [−12, 12] of a
// smooth integrand that is below 1e-30 at the ends: its error is far below
// 1e-9. The Monte Carlo means carry a standard error from the sample; a
// bound of 5 s.e. fails by chance with probability 6e-7 per comparison
// (normal approximation, n = 200000). The test also confirms it can fail:
// the conditional field's second moment E[u_t(x|x1)²] differs from the
// marginal field's E[u_t(x)²] by far more than 5 s.e. (the θ-free gap).
func TestEq23And24BothWays(t *testing.T) {
	const n = 200000
	path := OTPath(0.05)
	data := mat.NewDense(5, 1, append([]float64(nil), notesFivePoints...))
	emp, err := NewEmpirical(data, path)
	if err != nil {
		t.Fatal(err)
	}
	pick, err := PointsSampler(data)
	if err != nil {
		t.Fatal(err)
	}
	theta := []float64{0.4, -0.7, 0.3}
	const lo, hi, dx = -12.0, 12.0, 1e-3
	m := int((hi-lo)/dx) + 1
	grid := mat.NewDense(m, 1, nil)
	for i := 0; i < m; i++ {
		grid.Set(i, 0, lo+dx*float64(i))
	}
	field := mat.NewDense(m, 1, nil)
	for k, tt := range []float64{0.2, 0.5, 0.85} {
		lp, err := emp.LogDensity(tt, grid)
		if err != nil {
			t.Fatal(err)
		}
		emp.Velocity(tt, grid, field)
		var quadSq, quadCross, quadField float64
		for i := 0; i < m; i++ {
			w := dx * math.Exp(lp[i])
			if i == 0 || i == m-1 {
				w /= 2
			}
			x := grid.At(i, 0)
			u := notesLinear1D(theta, tt, x)
			quadSq += w * u * u
			quadCross += w * u * field.At(i, 0)
			quadField += w * field.At(i, 0) * field.At(i, 0)
		}
		x1 := pick(n, NewRand(uint64(80+k)))
		x0 := StandardNormal(n, 1, uint64(90+k))
		xt, ut, err := path.Sample(tt, x0, x1)
		if err != nil {
			t.Fatal(err)
		}
		sq, cross, cond := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := 0; i < n; i++ {
			u := notesLinear1D(theta, tt, xt.At(i, 0))
			sq[i] = u * u
			cross[i] = u * ut.At(i, 0)
			cond[i] = ut.At(i, 0) * ut.At(i, 0)
		}
		for _, c := range []struct {
			name string
			mc   []float64
			quad float64
			want bool // whether the two must agree
		}{
			{"eq. 23, E[u_θ²]", sq, quadSq, true},
			{"eq. 24, E[u_θ u_t]", cross, quadCross, true},
			{"E[u_t(x|x1)²] vs E[u_t(x)²] (must differ)", cond, quadField, false},
		} {
			mean, se := notesMeanSE(c.mc)
			z := math.Abs(mean-c.quad) / se
			if c.want && z > 5 {
				t.Errorf("t=%v %s: Monte Carlo %.5f ± %.5f, quadrature %.5f (%.1f s.e.)", tt, c.name, mean, se, c.quad, z)
			}
			if !c.want && z < 5 {
				t.Errorf("t=%v %s: only %.1f s.e. apart; the test could not tell the fields apart", tt, c.name, z)
			}
		}
	}
}

// notesMeanSE returns the sample mean of v and its standard error.
func notesMeanSE(v []float64) (float64, float64) {
	var s, s2 float64
	for _, x := range v {
		s += x
	}
	mean := s / float64(len(v))
	for _, x := range v {
		s2 += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(s2/float64(len(v)-1)) / math.Sqrt(float64(len(v)))
}

// TestEq32And33InteriorT compares the VE and VP schedules at interior times
// with the notes' definitions. VE (eq. 32): μ_t = x1 and σ_t = σ_{1−t} with
// the geometric scale σ_s = σ_min (σ_max/σ_min)^s, evaluated by hand with
// math.Pow (1e-13 relative is round-off). VP (eq. 33): μ_t = a_{1−t} x1 and
// σ_t = √(1 − a_{1−t}²), where a_s and 1 − a_s² are the mean factor and the
// variance of the noising SDE dX = −½β(s) X ds + √β(s) dW started at a point.
// The oracle integrates the SDE's exact moment recursions under Euler–
// Maruyama, m ← (1 − ½βΔ) m and v ← (1 − ½βΔ)² v + βΔ, with Δ = 1e-6; the
// scheme is first order with local error ≤ (βΔ)²/8 per step, so the global
// error is ≤ Δ ∫β²/8 ds ≈ 2e-5 for β ≤ 20. The bound is 1e-4.
func TestEq32And33InteriorT(t *testing.T) {
	ve := VEPath(0.01, 10)
	for _, tt := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		a, _, s, _ := ve.Coefficients(tt)
		want := 0.01 * math.Pow(10/0.01, 1-tt)
		if a != 1 || math.Abs(s-want) > 1e-13*want {
			t.Errorf("VE t=%v: α = %v, σ = %v; eq. 32 gives 1 and %v", tt, a, s, want)
		}
	}
	const betaMin, betaMax, delta = 0.1, 20.0, 1e-6
	vp := VPPath(betaMin, betaMax)
	checkAt := map[int]float64{} // step index → t = 1 − s
	for _, tt := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
		checkAt[int(math.Round((1-tt)/delta))] = tt
	}
	m, v := 1.0, 0.0
	steps := int(math.Round(1 / delta))
	for k := 1; k <= steps; k++ {
		sMid := (float64(k) - 0.5) * delta
		beta := betaMin + sMid*(betaMax-betaMin)
		f := 1 - 0.5*beta*delta
		m, v = f*m, f*f*v+beta*delta
		if tt, ok := checkAt[k]; ok {
			a, _, s, _ := vp.Coefficients(tt)
			if math.Abs(a-m) > 1e-4 || math.Abs(s*s-v) > 1e-4 || math.Abs(a*a+s*s-1) > 1e-12 {
				t.Errorf("VP t=%v: α = %.6f, σ² = %.6f; the SDE gives mean factor %.6f, variance %.6f", tt, a, s*s, m, v)
			}
		}
	}
}

// notesLinearField is u_θ(t, x) = (θ0 + θ1 t) x + (θ2, θ3), a TimeBatchField.
type notesLinearField struct{ theta []float64 }

func (f notesLinearField) Velocity(tt float64, x, out *mat.Dense) {
	r, _ := x.Dims()
	f.VelocityBatch(filled(r, tt), x, out)
}

func (f notesLinearField) VelocityBatch(t []float64, x, out *mat.Dense) {
	r, _ := x.Dims()
	for i := 0; i < r; i++ {
		c := f.theta[0] + f.theta[1]*t[i]
		out.Set(i, 0, c*x.At(i, 0)+f.theta[2])
		out.Set(i, 1, c*x.At(i, 1)+f.theta[3])
	}
}

// notesLinearLossClosedForm is eq. 36 for the OT path with σ_min and the linear field
// in 2D, in closed form: with c = θ0 + θ1 t, σ_t = 1 − (1 − σ_min)t and
// b = (θ2, θ3), the residual is A x0 + B x1 + b with A = cσ_t + 1 − σ_min and
// B = ct − 1, so E‖·‖² = 2A² + B² E‖x1‖² + 2B⟨b, E x1⟩ + ‖b‖², a quartic in t,
// integrated over [0, 1] by composite Simpson (2000 intervals: error
// ≤ h⁴/180·max|f””| < 1e-14).
func notesLinearLossClosedForm(theta []float64, sigmaMin, meanSq float64, mean []float64) float64 {
	f := func(tt float64) float64 {
		c := theta[0] + theta[1]*tt
		a := c*(1-(1-sigmaMin)*tt) + 1 - sigmaMin
		b := c*tt - 1
		return 2*a*a + b*b*meanSq + 2*b*(theta[2]*mean[0]+theta[3]*mean[1]) + theta[2]*theta[2] + theta[3]*theta[3]
	}
	const n = 2000
	h := 1.0 / n
	sum := f(0) + f(1)
	for i := 1; i < n; i++ {
		w := 2.0
		if i%2 == 1 {
			w = 4
		}
		sum += w * f(float64(i)*h)
	}
	return sum * h / 3
}

// TestEq36SigmaMinLossMonteCarlo compares fmlib.CFMLoss on the OT path with
// σ_min = 0.2 (eq. 36) with its closed form for a linear field and Gaussian-
// mixture data. CFMLoss is evaluated on 40 independent batches of 5000
// samples (t ~ U(0,1) per row); the batch means give the standard error, and
// 5 s.e. (t distribution with 39 degrees of freedom: two-sided probability
// ~1e-5) is the bound. The σ_min = 0 closed form (eq. 37) differs by more
// than 20 s.e., so a path that ignored σ_min would fail.
func TestEq36SigmaMinLossMonteCarlo(t *testing.T) {
	means := mat.NewDense(2, 2, []float64{1, 0.5, -1.5, 1})
	weights, stds := []float64{0.4, 0.6}, []float64{0.3, 0.5}
	g, err := NewIsotropicMixture(weights, means, stds)
	if err != nil {
		t.Fatal(err)
	}
	mean := []float64{0.4*1 + 0.6*-1.5, 0.4*0.5 + 0.6*1}
	meanSq := 0.4*(1+0.25+2*0.09) + 0.6*(2.25+1+2*0.25)
	theta := []float64{0.3, 0.8, -0.2, 0.4}
	const sigmaMin, batches, size = 0.2, 40, 5000
	rng := NewRand(5)
	losses := make([]float64, batches)
	for b := range losses {
		tt := make([]float64, size)
		for i := range tt {
			tt[i] = rng.Float64()
		}
		l, err := CFMLoss(notesLinearField{theta}, OTPath(sigmaMin), tt, StandardNormal(size, 2, uint64(200+b)), g.SampleRand(size, rng))
		if err != nil {
			t.Fatal(err)
		}
		losses[b] = l
	}
	mc, se := notesMeanSE(losses)
	want := notesLinearLossClosedForm(theta, sigmaMin, meanSq, mean)
	if z := math.Abs(mc-want) / se; z > 5 {
		t.Errorf("eq. 36 with σ_min = %v: Monte Carlo %.4f ± %.4f, closed form %.4f (%.1f s.e.)", sigmaMin, mc, se, want, z)
	}
	if other := notesLinearLossClosedForm(theta, 0, meanSq, mean); math.Abs(other-want) < 20*se {
		t.Errorf("σ_min = 0 gives %.4f, σ_min = %v gives %.4f: within 20 s.e. (%.4f), the test cannot tell them apart", other, sigmaMin, want, se)
	}
}

// TestEq38ClassWiseMarginal checks that the target of the prompt-conditioned
// loss (eq. 38) is the marginal field of the class alone: for each class p,
// on samples x1 ~ q(·|p), x ~ p_t(·|x1), the residual r = u^p_t(x) − u_t(x|x1)
// of the class-wise exact marginal field must be orthogonal to every function
// of (t, x) — here 1 and the coordinates of x, 4 statistics per (class, t).
// Each mean is compared with 0 in units of its standard error (n = 40000);
// 5 s.e. fails by chance with probability 6e-7 per statistic. The marginal
// field of the whole data set, used in place of u^p, must fail (> 10 s.e.
// somewhere): the check can tell the two fields apart.
func TestEq38ClassWiseMarginal(t *testing.T) {
	classMeans := [][]float64{{-1.2, -0.5}, {1.2, -0.5}, {0, 1.3}}
	all, err := NewIsotropicMixture([]float64{1, 1, 1}, mat.NewDense(3, 2, []float64{-1.2, -0.5, 1.2, -0.5, 0, 1.3}), []float64{0.7, 0.7, 0.7})
	if err != nil {
		t.Fatal(err)
	}
	path := OTPath(0)
	allField, err := all.Marginal(path)
	if err != nil {
		t.Fatal(err)
	}
	const n = 40000
	for p, m := range classMeans {
		class, err := NewIsotropicMixture([]float64{1}, mat.NewDense(1, 2, m), []float64{0.7})
		if err != nil {
			t.Fatal(err)
		}
		classField, err := class.Marginal(path)
		if err != nil {
			t.Fatal(err)
		}
		worstWrong := 0.0
		for k, tt := range []float64{0.2, 0.5, 0.8} {
			x1 := class.Sample(n, uint64(300+10*p+k))
			xt, ut, err := path.Sample(tt, StandardNormal(n, 2, uint64(400+10*p+k)), x1)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []struct {
				field Field
				right bool
			}{{classField, true}, {allField, false}} {
				u := mat.NewDense(n, 2, nil)
				f.field.Velocity(tt, xt, u)
				u.Sub(u, ut)
				stats := make([][]float64, 4)
				for i := 0; i < n; i++ {
					r0, r1 := u.At(i, 0), u.At(i, 1)
					stats[0] = append(stats[0], r0)
					stats[1] = append(stats[1], r1)
					stats[2] = append(stats[2], r0*xt.At(i, 0)+r1*xt.At(i, 1))
					stats[3] = append(stats[3], r0*xt.At(i, 1)-r1*xt.At(i, 0))
				}
				for s, v := range stats {
					mean, se := notesMeanSE(v)
					z := math.Abs(mean) / se
					if f.right && z > 5 {
						t.Errorf("class %d t=%v statistic %d: mean residual %.4g ± %.2g (%.1f s.e.)", p, tt, s, mean, se, z)
					}
					if !f.right {
						worstWrong = math.Max(worstWrong, z)
					}
				}
			}
		}
		if worstWrong < 10 {
			t.Errorf("class %d: the whole data set's field passes too (largest z %.1f): the check cannot fail", p, worstWrong)
		}
	}
}

// notesMixtureCDF is the CDF of eq. 16 for 1D Gaussian-mixture data on an
// affine path, written out by hand: p_t = Σ_k w_k N(α_t m_k, α_t² s_k² + σ_t²).
func notesMixtureCDF(path *AffinePath, w, m, s []float64, tt, x float64) float64 {
	a, _, sig, _ := path.Coefficients(tt)
	var f float64
	for k := range w {
		f += w[k] * notesNormalCDF((x-a*m[k])/math.Sqrt(a*a*s[k]*s[k]+sig*sig))
	}
	return f
}

// TestEq16And19EveryPathIn1D checks, for the VE, VP and OT paths and 1D
// Gaussian-mixture data, the three facts the course leans on, each against
// the CDF of eq. 16 written out by hand:
//
//   - samples ψ_t(x0|x1) of the path have that CDF: KS distance of n = 20000
//     draws below the DKW bound √(ln(2/α)/2n) with α = 1e-6;
//   - MixtureMarginal.LogDensity is its derivative (central difference,
//     h = 1e-4: error ~h²|p”|/6 < 1e-7; bound 1e-6);
//   - the marginal field of eq. 19 transports p_0 onto p_t: in 1D its flow
//     keeps order, so it must be the quantile map, F_t(x_t) = F_0(x_0).
//     Dopri5 at 1e-10 moves x_t by ~1e-9; times a density below 2 that is
//     ~1e-8 in probability; bound 1e-6.
func TestEq16And19EveryPathIn1D(t *testing.T) {
	w, m, s := []float64{0.3, 0.5, 0.2}, []float64{-1.5, 0.4, 2}, []float64{0.3, 0.5, 0.25}
	g, err := NewIsotropicMixture(w, mat.NewDense(3, 1, m), s)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	eps := math.Sqrt(math.Log(2/1e-6) / (2 * n))
	for p, path := range []*AffinePath{VEPath(0.01, 10), VPPath(0.1, 20), OTPath(0.01)} {
		marg, err := g.Marginal(path)
		if err != nil {
			t.Fatal(err)
		}
		for k, tt := range []float64{0.3, 0.7, 0.95} {
			xt, _, err := path.Sample(tt, StandardNormal(n, 1, uint64(1000+10*p+k)), g.Sample(n, uint64(2000+10*p+k)))
			if err != nil {
				t.Fatal(err)
			}
			v := append([]float64(nil), xt.RawMatrix().Data...)
			sort.Float64s(v)
			worst := 0.0
			for i, xi := range v {
				f := notesMixtureCDF(path, w, m, s, tt, xi)
				worst = math.Max(worst, math.Max(math.Abs(float64(i+1)/n-f), math.Abs(float64(i)/n-f)))
			}
			if worst > eps {
				t.Errorf("%v t=%v: KS distance %.4f of path samples from eq. 16, DKW bound %.4f", path, tt, worst, eps)
			}
			grid := mat.NewDense(61, 1, nil)
			for i := 0; i < 61; i++ {
				grid.Set(i, 0, -3+0.1*float64(i))
			}
			lp, err := marg.LogDensity(tt, grid)
			if err != nil {
				t.Fatal(err)
			}
			const h = 1e-4
			for i := 0; i < 61; i++ {
				x := grid.At(i, 0)
				d := (notesMixtureCDF(path, w, m, s, tt, x+h) - notesMixtureCDF(path, w, m, s, tt, x-h)) / (2 * h)
				if math.Abs(math.Exp(lp[i])-d) > 1e-6 {
					t.Errorf("%v t=%v x=%v: p_t = %v, derivative of the CDF %v", path, tt, x, math.Exp(lp[i]), d)
				}
			}
		}
		// The quantile map: start at quantiles of p_0 and follow the field.
		x0 := mat.NewDense(40, 1, nil)
		for i := 0; i < 40; i++ {
			x0.Set(i, 0, -1.2+0.06*float64(i)) // in units of p_0's spread below
		}
		_, _, sig0, _ := path.Coefficients(0)
		a0, _, _, _ := path.Coefficients(0)
		spread := math.Sqrt(a0*a0*4 + sig0*sig0) // p_0 is wide for VE: sample its bulk
		x0.Scale(spread, x0)
		sol, err := Solve(marg, x0, SolveOptions{Method: Dopri5, RTol: 1e-10, ATol: 1e-10, Times: []float64{0.3, 0.7, 0.95}})
		if err != nil {
			t.Fatal(err)
		}
		for k, st := range sol.States {
			for i := 0; i < 40; i++ {
				f0 := notesMixtureCDF(path, w, m, s, 0, x0.At(i, 0))
				ft := notesMixtureCDF(path, w, m, s, sol.Times[k], st.At(i, 0))
				if math.Abs(ft-f0) > 1e-6 {
					t.Errorf("%v t=%v: F_t(x_t) = %.9f but F_0(x_0) = %.9f", path, sol.Times[k], ft, f0)
				}
			}
		}
	}
}
