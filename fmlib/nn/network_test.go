package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randomBatch returns an n×d batch of N(0, 1) values and per-row times in (0, 1).
func randomBatch(n, d int, seed uint64) (*mat.Dense, []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, rng.NormFloat64())
		}
	}
	t := make([]float64, n)
	for i := range t {
		t[i] = rng.Float64()
	}
	return x, t
}

// relErr is |a − b| / max(|a|, |b|, floor), the relative error with a floor
// below which values count as zero.
func relErr(a, b, floor float64) float64 {
	return math.Abs(a-b) / math.Max(floor, math.Max(math.Abs(a), math.Abs(b)))
}

// TestGradientFiniteDifferences checks the full backward pass (every dense
// layer, every activation, the Fourier time features and the class
// embedding) against central differences of the loss in float64. With step
// h = 1e-5 the truncation error is O(h²) times the loss's third derivative, ≈ 1e-10, and the rounding error
// O(ε·L/h) ≈ 1e-11, so 1e-6 relative (issue 4's bound) has a wide margin;
// the floor 1e-8 ignores gradients that are zero up to rounding.
func TestGradientFiniteDifferences(t *testing.T) {
	cases := []Config{
		{Dim: 2, Hidden: []int{7, 5}, Activation: SiLU},
		{Dim: 2, Hidden: []int{6}, Activation: ReLU},
		{Dim: 3, Hidden: []int{5, 4, 6}, Activation: Tanh},
		{Dim: 2, Hidden: []int{5, 5}, Activation: ELU, Time: TimeFourier, Frequencies: 40},
		{Dim: 2, Hidden: []int{6, 4}, Activation: SELU, Classes: 3, EmbedDim: 3},
		{Dim: 2, Hidden: []int{5, 5}, Activation: GELU},
	}
	for ci, cfg := range cases {
		cfg.Float64, cfg.Seed = true, uint64(ci+1)
		net, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		x, ts := randomBatch(9, cfg.Dim, uint64(10+ci))
		target, _ := randomBatch(9, cfg.Dim, uint64(20+ci))
		var class []int
		if cfg.Classes > 0 {
			class = []int{0, 1, 2, 3, 0, 1, 2, 3, 1} // 3 is Φ
		}
		_, grad, err := net.Gradient(ts, x, target, class)
		if err != nil {
			t.Fatal(err)
		}
		p := net.Params()
		const h = 1e-5
		worst := 0.0
		for k := range p {
			orig := p[k]
			p[k] = orig + h
			net.SetParams(p)
			lp, _, _ := net.Gradient(ts, x, target, class)
			p[k] = orig - h
			net.SetParams(p)
			lm, _, _ := net.Gradient(ts, x, target, class)
			p[k] = orig
			fd := (lp - lm) / (2 * h)
			worst = math.Max(worst, relErr(grad[k], fd, 1e-8))
		}
		net.SetParams(p)
		t.Logf("%v: worst relative gradient error %.2g", net, worst)
		if worst > 1e-6 {
			t.Errorf("%v: worst relative gradient error %.3g > 1e-6", net, worst)
		}
	}
}

// TestJacobianFiniteDifferences checks J·v, vᵀ·J and the exact divergence
// against central differences of the output in x (float64, h = 1e-5: error
// ≈ 1e-10, bound 1e-6 relative with floor 1e-6), and that a conditional
// network's divergence at a class equals the trace of its Jacobian there.
func TestJacobianFiniteDifferences(t *testing.T) {
	for ci, cfg := range []Config{
		{Dim: 2, Hidden: []int{8, 8}, Activation: SiLU},
		{Dim: 3, Hidden: []int{6, 7, 5}, Activation: GELU, Time: TimeFourier, Frequencies: 3},
		{Dim: 2, Hidden: []int{8}, Activation: Tanh, Classes: 2},
	} {
		cfg.Float64, cfg.Seed = true, uint64(ci+5)
		net, _ := New(cfg)
		d := cfg.Dim
		x, _ := randomBatch(6, d, uint64(ci+30))
		v, _ := randomBatch(6, d, uint64(ci+40))
		const tt, h = 0.37, 1e-5
		// Full finite-difference Jacobian per row: jac[i][a][b] = ∂u_a/∂x_b.
		out := mat.NewDense(6, d, nil)
		up, um := mat.NewDense(6, d, nil), mat.NewDense(6, d, nil)
		jac := make([][]float64, 6)
		for i := range jac {
			jac[i] = make([]float64, d*d)
		}
		for b := 0; b < d; b++ {
			xp, xm := mat.DenseCopyOf(x), mat.DenseCopyOf(x)
			for i := 0; i < 6; i++ {
				xp.Set(i, b, x.At(i, b)+h)
				xm.Set(i, b, x.At(i, b)-h)
			}
			net.Velocity(tt, xp, up)
			net.Velocity(tt, xm, um)
			for i := 0; i < 6; i++ {
				for a := 0; a < d; a++ {
					jac[i][a*d+b] = (up.At(i, a) - um.At(i, a)) / (2 * h)
				}
			}
		}
		div := make([]float64, 6)
		net.VelocityDivergence(tt, x, out, div)
		jv, vj := mat.NewDense(6, d, nil), mat.NewDense(6, d, nil)
		net.JVP(tt, x, v, jv)
		net.VJP(tt, x, v, vj)
		for i := 0; i < 6; i++ {
			var tr float64
			for a := 0; a < d; a++ {
				tr += jac[i][a*d+a]
				var wantJV, wantVJ float64
				for b := 0; b < d; b++ {
					wantJV += jac[i][a*d+b] * v.At(i, b)
					wantVJ += v.At(i, b) * jac[i][b*d+a]
				}
				if e := relErr(jv.At(i, a), wantJV, 1e-6); e > 1e-6 {
					t.Errorf("%v: row %d: J·v[%d] = %v, finite differences %v", net, i, a, jv.At(i, a), wantJV)
				}
				if e := relErr(vj.At(i, a), wantVJ, 1e-6); e > 1e-6 {
					t.Errorf("%v: row %d: vᵀJ[%d] = %v, finite differences %v", net, i, a, vj.At(i, a), wantVJ)
				}
			}
			if e := relErr(div[i], tr, 1e-6); e > 1e-6 {
				t.Errorf("%v: row %d: divergence %v, finite-difference trace %v", net, i, div[i], tr)
			}
		}
		// The divergence pass also returns the same velocity as Velocity.
		plain := mat.NewDense(6, d, nil)
		net.Velocity(tt, x, plain)
		if !mat.Equal(plain, out) {
			t.Errorf("%v: VelocityDivergence's velocity differs from Velocity's", net)
		}
	}
}

// TestFloat32MatchesFloat64 checks that the default float32 network gives
// the float64 network's outputs to single-precision accuracy (2e-5
// relative: a few hundred float32 roundings of order-one values).
func TestFloat32MatchesFloat64(t *testing.T) {
	for _, act := range []Activation{SiLU, ReLU, Tanh, ELU, SELU, GELU} {
		cfg := Config{Dim: 2, Hidden: []int{32, 32, 32}, Activation: act, Seed: 3}
		n32, _ := New(cfg)
		cfg.Float64 = true
		n64, _ := New(cfg)
		if err := n64.SetParams(n32.Params()); err != nil {
			t.Fatal(err)
		}
		x, _ := randomBatch(50, 2, 4)
		o32, o64 := mat.NewDense(50, 2, nil), mat.NewDense(50, 2, nil)
		n32.Velocity(0.6, x, o32)
		n64.Velocity(0.6, x, o64)
		// The divergence pass (σ' kept) gives the float32 velocity bit for bit.
		again, div := mat.NewDense(50, 2, nil), make([]float64, 50)
		n32.VelocityDivergence(0.6, x, again, div)
		if !mat.Equal(again, o32) {
			t.Fatalf("%v: float32 VelocityDivergence's velocity differs from Velocity's", act)
		}
		for i := 0; i < 50; i++ {
			for j := 0; j < 2; j++ {
				if e := relErr(o32.At(i, j), o64.At(i, j), 1e-2); e > 2e-5 {
					t.Fatalf("%v: row %d: float32 %v, float64 %v", act, i, o32.At(i, j), o64.At(i, j))
				}
			}
		}
	}
}

// TestPyTorchInitialisation checks nn.Linear's rule: weights and biases of
// a layer with fan-in k lie in [−1/√k, 1/√k] with the variance of that
// uniform, 1/(3k), within 10% (standard error of a variance estimate from
// 64·65 draws is about 2.8%).
func TestPyTorchInitialisation(t *testing.T) {
	net, _ := New(Config{Dim: 2, Hidden: []int{64, 64}, Seed: 9})
	p := net.Params()
	w := p[3*64+64 : 3*64+64+64*64] // second layer's weights, fan-in 64
	bound := 1 / math.Sqrt(64)
	var s float64
	for _, v := range w {
		if math.Abs(v) > bound {
			t.Fatalf("weight %v outside ±%v", v, bound)
		}
		s += v * v
	}
	if got, want := s/float64(len(w)), 1/(3*64.0); math.Abs(got-want) > 0.1*want {
		t.Errorf("weight variance %v, want %v", got, want)
	}
}

// TestMisuse checks that bad arguments get messages naming them.
func TestMisuse(t *testing.T) {
	if _, err := New(Config{Dim: 0, Hidden: []int{4}}); err == nil {
		t.Error("Dim = 0 accepted")
	}
	if _, err := New(Config{Dim: 2}); err == nil {
		t.Error("no hidden layers accepted")
	}
	if _, err := New(Config{Dim: 2, Hidden: []int{4}, Time: TimeFourier}); err == nil {
		t.Error("TimeFourier without frequencies accepted")
	}
	net, _ := New(Config{Dim: 2, Hidden: []int{4}})
	x, ts := randomBatch(3, 2, 1)
	if _, err := net.TrainStep(ts[:2], x, x, nil); err == nil {
		t.Error("TrainStep with 2 times for 3 rows accepted")
	}
	if _, err := net.TrainStep(ts, x, x, []int{0, 0, 0}); err == nil {
		t.Error("classes for an unconditional network accepted")
	}
	if err := net.SetOptimizer(Optimizer{Kind: OptimizerAdam, LR: -1}); err == nil {
		t.Error("negative learning rate accepted")
	}
	bad := mat.NewDense(3, 3, nil)
	defer func() {
		if recover() == nil {
			t.Error("Velocity with 3 columns for a 2-D network did not panic")
		}
	}()
	net.Velocity(0.5, bad, bad)
}

// TestNaNPropagates checks that a NaN input gives NaN outputs (never a
// silently finite value) for every activation in float32.
func TestNaNPropagates(t *testing.T) {
	for _, act := range []Activation{SiLU, ReLU, Tanh, ELU, SELU, GELU} {
		net, _ := New(Config{Dim: 2, Hidden: []int{8}, Activation: act, Seed: 1})
		x := mat.NewDense(1, 2, []float64{math.NaN(), 0.5})
		out := mat.NewDense(1, 2, nil)
		net.Velocity(0.5, x, out)
		if !math.IsNaN(out.At(0, 0)) {
			t.Errorf("%v: NaN input gave %v", act, out.At(0, 0))
		}
	}
}
