package fmlib

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// mlTestNetwork is a small float64 network for exact gradient checks.
func mlTestNetwork(t *testing.T, cfg nn.Config) *nn.Network {
	t.Helper()
	cfg.Float64, cfg.Seed = true, 5
	if cfg.Hidden == nil {
		cfg.Hidden = []int{8, 8}
	}
	net, err := nn.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return net
}

// mlLoss is the objective's value at the network's current weights.
func mlLoss(t *testing.T, net *nn.Network, x *mat.Dense, class []int, o MaxLikelihoodObjective, seed uint64) float64 {
	t.Helper()
	b, err := MaxLikelihoodGradient(net, x, class, o, seed)
	if err != nil {
		t.Fatal(err)
	}
	return b.Loss
}

// TestMaxLikelihoodGradientFiniteDifferences checks the gradient of the
// discretised loss of eq. 14 against central differences of the loss in
// every weight, in float64, for every fixed-step solver, the kinetic
// regulariser, a class-conditional network and fixed Hutchinson probes.
// Tolerance: relative error ≤ 1e-6 of the gradient's norm (the issue's
// bound). With step 1e-6 the central difference's truncation error is
// ~1e-12 and its rounding error ~ε·|loss|/h ≈ 1e-9 relative, so an exact
// gradient agrees to ~1e-8; a solver stage or a σ″ term left out is off by
// far more.
func TestMaxLikelihoodGradientFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	x := mat.NewDense(6, 2, nil)
	for i := range x.RawMatrix().Data {
		x.RawMatrix().Data[i] = 1.5 * rng.NormFloat64()
	}
	for _, c := range []struct {
		name  string
		cfg   nn.Config
		obj   MaxLikelihoodObjective
		class []int
	}{
		{"Euler exact", nn.Config{Dim: 2}, MaxLikelihoodObjective{Method: Euler, SolverSteps: 5, Divergence: DivergenceExact}, nil},
		{"midpoint exact", nn.Config{Dim: 2}, MaxLikelihoodObjective{Method: Midpoint, SolverSteps: 4, Divergence: DivergenceExact}, nil},
		{"Heun exact", nn.Config{Dim: 2, Activation: nn.Tanh}, MaxLikelihoodObjective{Method: Heun, SolverSteps: 4, Divergence: DivergenceExact}, nil},
		{"RK4 exact", nn.Config{Dim: 2}, MaxLikelihoodObjective{Method: RK4, SolverSteps: 3, Divergence: DivergenceExact}, nil},
		{"RK4 exact kinetic", nn.Config{Dim: 2, Activation: nn.GELU}, MaxLikelihoodObjective{SolverSteps: 3, Divergence: DivergenceExact, Kinetic: 0.3}, nil},
		{"RK4 Hutchinson", nn.Config{Dim: 2}, MaxLikelihoodObjective{SolverSteps: 3, Divergence: DivergenceHutchinson, Probes: 2}, nil},
		{"midpoint Gaussian probes", nn.Config{Dim: 2}, MaxLikelihoodObjective{Method: Midpoint, SolverSteps: 3, Divergence: DivergenceHutchinson, Probes: 1, Probe: GaussianProbe}, nil},
		{"RK4 class-conditional", nn.Config{Dim: 2, Classes: 2, EmbedDim: 3, Time: nn.TimeFourier, Frequencies: 2}, MaxLikelihoodObjective{SolverSteps: 3, Divergence: DivergenceExact}, []int{0, 1, 2, 1, 0, 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			net := mlTestNetwork(t, c.cfg)
			b, err := MaxLikelihoodGradient(net, x, c.class, c.obj, 9)
			if err != nil {
				t.Fatal(err)
			}
			p := net.Params()
			want := make([]float64, len(p))
			const h = 1e-6
			for i := range p {
				q := append([]float64(nil), p...)
				q[i] += h
				if err := net.SetParams(q); err != nil {
					t.Fatal(err)
				}
				fp := mlLoss(t, net, x, c.class, c.obj, 9)
				q[i] = p[i] - h
				_ = net.SetParams(q)
				fm := mlLoss(t, net, x, c.class, c.obj, 9)
				want[i] = (fp - fm) / (2 * h)
			}
			diff := append([]float64(nil), b.Gradient...)
			floats.Sub(diff, want)
			rel := floats.Norm(diff, 2) / floats.Norm(want, 2)
			t.Logf("loss %.4f, NLL %.4f, relative error of the gradient %.2g", b.Loss, b.NLL, rel)
			if !(rel <= 1e-6) {
				t.Errorf("relative error %.3g, want ≤ 1e-6", rel)
			}
		})
	}
}

// TestMaxLikelihoodNLLMatchesLogLikelihood checks that the training loss
// integrates eq. 14 exactly as LogLikelihood does with the same solver and
// steps: the same arithmetic in another order, so equal to 1e-12.
func TestMaxLikelihoodNLLMatchesLogLikelihood(t *testing.T) {
	net := mlTestNetwork(t, nn.Config{Dim: 2})
	x := StandardNormal(10, 2, 3)
	for _, m := range []Method{Euler, Midpoint, Heun, RK4} {
		b, err := MaxLikelihoodGradient(net, x, nil, MaxLikelihoodObjective{Method: m, SolverSteps: 7, Divergence: DivergenceExact}, 0)
		if err != nil {
			t.Fatal(err)
		}
		ll, err := LogLikelihood(net, x, LikelihoodOptions{Solve: SolveOptions{Method: m, Steps: 7}, Divergence: DivergenceExact})
		if err != nil {
			t.Fatal(err)
		}
		if want := -floats.Sum(ll.LogP) / 10; math.Abs(b.NLL-want) > 1e-12 {
			t.Errorf("%v: NLL %.15g, LogLikelihood gives %.15g", m, b.NLL, want)
		}
	}
}

// TestMaxLikelihoodHutchinsonUnbiased checks that the Hutchinson gradient
// is unbiased: the state's path does not depend on the probes and every
// stage's estimate is unbiased, so its mean over probe draws is the exact
// divergence's gradient. Along 4 random directions, the mean of 400 draws
// must lie within 3 standard errors of the exact directional derivative
// (3σ: a 0.3% chance per direction of a false alarm for a correct
// estimator; the seeds are fixed, so the test is deterministic).
func TestMaxLikelihoodHutchinsonUnbiased(t *testing.T) {
	net := mlTestNetwork(t, nn.Config{Dim: 3, Hidden: []int{8, 8}})
	x := StandardNormal(4, 3, 4)
	obj := MaxLikelihoodObjective{Method: Midpoint, SolverSteps: 3, Divergence: DivergenceExact}
	exact, err := MaxLikelihoodGradient(net, x, nil, obj, 0)
	if err != nil {
		t.Fatal(err)
	}
	obj.Divergence, obj.Probes = DivergenceHutchinson, 1
	rng := rand.New(rand.NewPCG(5, 6))
	dirs := make([][]float64, 4)
	for k := range dirs {
		dirs[k] = make([]float64, len(exact.Gradient))
		for i := range dirs[k] {
			dirs[k][i] = rng.NormFloat64()
		}
	}
	const draws = 400
	sum, sumSq := make([]float64, len(dirs)), make([]float64, len(dirs))
	for s := uint64(0); s < draws; s++ {
		b, err := MaxLikelihoodGradient(net, x, nil, obj, 100+s)
		if err != nil {
			t.Fatal(err)
		}
		for k, dir := range dirs {
			v := floats.Dot(b.Gradient, dir)
			sum[k] += v
			sumSq[k] += v * v
		}
	}
	for k, dir := range dirs {
		mean := sum[k] / draws
		se := math.Sqrt((sumSq[k]/draws - mean*mean) / (draws - 1))
		want := floats.Dot(exact.Gradient, dir)
		t.Logf("direction %d: Hutchinson mean %.5f ± %.5f, exact %.5f", k, mean, se, want)
		if math.Abs(mean-want) > 3*se {
			t.Errorf("direction %d: Hutchinson mean %.5f, exact %.5f, more than 3 standard errors (%.5f) apart", k, mean, want, se)
		}
	}
}
