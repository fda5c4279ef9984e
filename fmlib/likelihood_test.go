package fmlib

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

var tightDopri = SolveOptions{Method: Dopri5, RTol: 1e-10, ATol: 1e-10}

// gaussianLogDensity is log N(x; m, s² I) for every row.
func gaussianLogDensity(x *mat.Dense, m []float64, s float64) []float64 {
	r, d := x.Dims()
	out := make([]float64, r)
	for i := range out {
		var sq float64
		for j := 0; j < d; j++ {
			dx := x.At(i, j) - m[j]
			sq += dx * dx
		}
		out[i] = -0.5*float64(d)*math.Log(2*math.Pi*s*s) - 0.5*sq/(s*s)
	}
	return out
}

// TestLogLikelihoodGaussianClosedForm checks eq. 14 on q1 = N(m, s² I) with
// the OT path: the exact marginal field integrated backwards with Dopri5
// (rtol 1e-10) must reproduce log N(x1; m, s² I) within 1e-6 (the issue's
// criterion), both with the exact divergence and with central finite
// differences (whose O(h²) error is ~1e-11 here), and map x1 to (x1 − m)/s.
func TestLogLikelihoodGaussianClosedForm(t *testing.T) {
	m, s := []float64{1.5, -0.5}, 0.3
	marg, _ := gaussianData(t, m, s).Marginal(OTPath(0))
	x1 := gaussianData(t, m, s).Sample(40, 41)
	want := gaussianLogDensity(x1, m, s)
	for _, div := range []DivergenceMethod{DivergenceExact, DivergenceFiniteDifference} {
		res, err := LogLikelihood(marg, x1, LikelihoodOptions{Solve: tightDopri, Divergence: div})
		if err != nil {
			t.Fatal(err)
		}
		for i := range want {
			if math.Abs(res.LogP[i]-want[i]) > 1e-6 {
				t.Errorf("%v row %d: log p_1 = %v, closed form %v", div, i, res.LogP[i], want[i])
			}
			for j := 0; j < 2; j++ {
				if z := (x1.At(i, j) - m[j]) / s; math.Abs(res.X.At(i, j)-z) > 1e-6 {
					t.Errorf("%v row %d: x0 = %v, want %v", div, i, res.X.At(i, j), z)
				}
			}
		}
	}
}

// TestLogLikelihoodHutchinson checks the Hutchinson estimator on Gaussian
// data, where the Jacobian of the marginal field is c(t)·I: Rademacher
// probes give εᵀ(cI)ε = c·d exactly (error < 1e-6 as for the exact
// divergence), and Gaussian probes give an unbiased but noisy estimate whose
// mean error over 400 points must be within 3 standard errors of zero.
func TestLogLikelihoodHutchinson(t *testing.T) {
	m, s := []float64{1.5, -0.5}, 0.3
	g := gaussianData(t, m, s)
	marg, _ := g.Marginal(OTPath(0))
	x1 := g.Sample(400, 43)
	want := gaussianLogDensity(x1, m, s)
	opts := LikelihoodOptions{Solve: tightDopri, Divergence: DivergenceHutchinson, Probes: 1, Seed: 7}
	res, err := LogLikelihood(marg, x1, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if math.Abs(res.LogP[i]-want[i]) > 1e-6 {
			t.Fatalf("Rademacher row %d: %v, closed form %v", i, res.LogP[i], want[i])
		}
	}
	opts.Probe = GaussianProbe
	opts.Solve = SolveOptions{Method: RK4, Steps: 50}
	res, err = LogLikelihood(marg, x1, opts)
	if err != nil {
		t.Fatal(err)
	}
	mean, se := meanAndStdErr(res.LogP, want)
	if se == 0 || math.Abs(mean) > 3*se {
		t.Errorf("Gaussian probes: mean error %v, standard error %v", mean, se)
	}
}

// meanAndStdErr returns the mean of a−b and its standard error.
func meanAndStdErr(a, b []float64) (mean, se float64) {
	n := float64(len(a))
	for i := range a {
		mean += a[i] - b[i]
	}
	mean /= n
	var v float64
	for i := range a {
		d := a[i] - b[i] - mean
		v += d * d
	}
	return mean, math.Sqrt(v / (n - 1) / n)
}

// TestHutchinsonUnbiasedOnMixture compares Hutchinson estimates (Rademacher,
// 2 probes, fixed along the path, and fresh per evaluation) with the exact
// divergence on a full-covariance mixture, whose Jacobian is not diagonal:
// the mean difference over 300 points is within 3 standard errors of 0.
func TestHutchinsonUnbiasedOnMixture(t *testing.T) {
	g := anisotropicMixture(t)
	marg, _ := g.Marginal(OTPath(0))
	x1 := g.Sample(300, 45)
	solve := SolveOptions{Method: RK4, Steps: 40}
	exact, err := LogLikelihood(marg, x1, LikelihoodOptions{Solve: solve, Divergence: DivergenceExact})
	if err != nil {
		t.Fatal(err)
	}
	for _, fresh := range []bool{false, true} {
		est, err := LogLikelihood(marg, x1, LikelihoodOptions{Solve: solve, Divergence: DivergenceHutchinson, Probes: 2, FreshProbes: fresh, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		mean, se := meanAndStdErr(est.LogP, exact.LogP)
		if se == 0 || math.Abs(mean) > 3*se {
			t.Errorf("fresh=%v: mean difference %v, standard error %v", fresh, mean, se)
		}
		if want := 40 * 4 * (1 + 2*2); est.NFE != want {
			t.Errorf("fresh=%v: NFE %d, want %d (4 stages × (1 + 2 per probe))", fresh, est.NFE, want)
		}
	}
}

// TestLogDensityAlongPath checks log p_t at intermediate times against the
// exact marginal density of a full-covariance mixture (eq. 16): backwards
// from t = 0.6 with recorded times, and forwards with SampleWithLogDensity,
// where each recorded log p_τ(x_τ) must match p_τ at the recorded state.
// Dopri5 at rtol 1e-10 keeps errors below 1e-6.
func TestLogDensityAlongPath(t *testing.T) {
	g := anisotropicMixture(t)
	marg, _ := g.Marginal(OTPath(0))
	x := randDense(rand.New(rand.NewPCG(47, 48)), 30, 2)
	opts := LikelihoodOptions{Solve: tightDopri}
	opts.Solve.Times = []float64{0.2, 0.45}
	back, err := LogDensityAt(marg, 0.6, x, opts)
	if err != nil {
		t.Fatal(err)
	}
	if back.Divergence != DivergenceExact {
		t.Errorf("auto divergence chose %v for a DivergenceField", back.Divergence)
	}
	want, _ := marg.LogDensity(0.6, x)
	compare := func(label string, got, want []float64) {
		for i := range want {
			if math.Abs(got[i]-want[i]) > 1e-6 {
				t.Errorf("%s row %d: %v, exact %v", label, i, got[i], want[i])
			}
		}
	}
	compare("log p_0.6", back.LogP, want)
	fwd, err := SampleWithLogDensity(marg, x, opts)
	if err != nil {
		t.Fatal(err)
	}
	wantSamples, _ := g.LogDensity(fwd.X)
	compare("log p_1 of samples", fwd.LogP, wantSamples)
	for _, res := range []*Likelihood{back, fwd} {
		if len(res.Times) != 2 {
			t.Fatalf("recorded times %v", res.Times)
		}
		for k, tau := range res.Times {
			w, _ := marg.LogDensity(tau, res.States[k])
			compare("recorded", res.LogPs[k], w)
		}
	}
}

// TestLikelihoodMisuse checks the errors of the likelihood functions.
func TestLikelihoodMisuse(t *testing.T) {
	x := mat.NewDense(2, 2, []float64{0, 1, 2, 3})
	plain := FieldFunc(rotationField)
	rk := SolveOptions{Method: RK4, Steps: 4}
	cases := []struct {
		err  error
		want string
	}{
		{func() error {
			_, err := LogLikelihood(plain, x, LikelihoodOptions{Solve: rk, Divergence: DivergenceExact})
			return err
		}(), "no VelocityDivergence"},
		{func() error {
			_, err := LogLikelihood(plain, x, LikelihoodOptions{Solve: rk, Divergence: DivergenceHutchinson})
			return err
		}(), "Probes > 0"},
		{func() error {
			_, err := LogLikelihood(plain, mat.NewDense(1, 2, []float64{math.NaN(), 0}), LikelihoodOptions{Solve: rk})
			return err
		}(), "x1[0][0] = NaN"},
		{func() error {
			_, err := LogLikelihood(plain, x, LikelihoodOptions{Solve: SolveOptions{Method: RK4, Steps: 4, To: 1}})
			return err
		}(), "leave them 0"},
		{func() error {
			_, err := LogDensityAt(plain, -0.5, x, LikelihoodOptions{Solve: rk})
			return err
		}(), "t = -0.5"},
		{func() error {
			_, err := LogLikelihood(plain, x, LikelihoodOptions{})
			return err
		}(), "Method is not set"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", c.err, c.want)
		}
	}
	// Finite differences on a plain field: NFE = steps × stages × (1 + 2d).
	res, err := LogLikelihood(plain, x, LikelihoodOptions{Solve: rk})
	if err != nil {
		t.Fatal(err)
	}
	if res.Divergence != DivergenceFiniteDifference || res.NFE != 4*4*5 {
		t.Errorf("plain field: divergence %v, NFE %d", res.Divergence, res.NFE)
	}
	// The rotation field has divergence −(1+t) exactly, so ∫_0^1 = −1.5.
	for i, v := range res.Integral {
		if math.Abs(v+1.5) > 1e-8 {
			t.Errorf("row %d: ∫ div = %v, want −1.5", i, v)
		}
	}
}
