package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// randDense returns an r×c matrix of N(0, scale²) entries.
func randDense(rng *rand.Rand, r, c int, scale float64) *mat.Dense {
	m := mat.NewDense(r, c, nil)
	for i := range m.RawMatrix().Data {
		m.RawMatrix().Data[i] = scale * rng.NormFloat64()
	}
	return m
}

// secondOrderObjective is Σ_i gu_iᵀ u_i + gdiv_i s_i, the scalar whose
// gradient AddDivergenceGradient computes.
func secondOrderObjective(net *Network, t float64, x *mat.Dense, class []int, probes []*mat.Dense, gu *mat.Dense, gdiv []float64) float64 {
	rows, d := x.Dims()
	u, div := mat.NewDense(rows, d, nil), make([]float64, rows)
	net.VelocityDivergenceProbes(t, x, class, probes, u, div)
	return mat.Sum(mulElem(u, gu)) + floats.Dot(div, gdiv)
}

func mulElem(a, b *mat.Dense) *mat.Dense {
	var m mat.Dense
	m.MulElem(a, b)
	return &m
}

// TestAddDivergenceGradientFiniteDifferences checks the hand-written
// second-order reverse pass against central differences of the objective,
// in float64, with respect to every weight and every input coordinate.
// Tolerance: relative error ≤ 1e-7 of the gradient's norm. A central
// difference with step 1e-6 has truncation error ~h²·f‴ ≈ 1e-12 and
// rounding error ~ε·|f|/h ≈ 1e-10 against gradients of order 0.1–1, so a
// correct gradient agrees to ~1e-9; a missing σ″ term is off by percents.
func TestAddDivergenceGradientFiniteDifferences(t *testing.T) {
	for _, c := range []struct {
		name   string
		cfg    Config
		probes int
		class  bool
	}{
		{"SiLU exact", Config{Dim: 2, Hidden: []int{6, 5}, Activation: SiLU}, 0, false},
		{"tanh exact 3D Fourier", Config{Dim: 3, Hidden: []int{5, 4, 4}, Activation: Tanh, Time: TimeFourier, Frequencies: 2}, 0, false},
		{"GELU Hutchinson", Config{Dim: 3, Hidden: []int{6, 5}, Activation: GELU}, 2, false},
		{"ELU exact", Config{Dim: 2, Hidden: []int{5, 5}, Activation: ELU}, 0, false},
		{"SELU Hutchinson", Config{Dim: 2, Hidden: []int{5, 5}, Activation: SELU}, 3, false},
		{"SiLU class-conditional", Config{Dim: 2, Hidden: []int{6, 5}, Activation: SiLU, Classes: 3, EmbedDim: 2}, 0, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.cfg.Float64, c.cfg.Seed = true, 3
			net, err := New(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(7, 8))
			const rows, tt = 5, 0.3
			d := c.cfg.Dim
			x, gu := randDense(rng, rows, d, 1), randDense(rng, rows, d, 1)
			gdiv := []float64{0.7, -0.4, 1.1, 0.2, -0.9}
			var class []int
			if c.class {
				class = []int{0, 2, 1, 3, 0} // 3 is Φ
			}
			var probes []*mat.Dense
			for k := 0; k < c.probes; k++ {
				probes = append(probes, randDense(rng, rows, d, 1))
			}
			gx := mat.NewDense(rows, d, nil)
			net.ZeroGradient()
			div := make([]float64, rows)
			net.AddDivergenceGradient(tt, x, class, probes, gu, gdiv, gx, div)
			// A second call accumulates: the gradient must double.
			net.AddDivergenceGradient(tt, x, class, probes, gu, gdiv, gx, nil)
			// The divergence it reports is VelocityDivergenceProbes' (the same
			// arithmetic: equal to float64 rounding).
			wantDiv := make([]float64, rows)
			net.VelocityDivergenceProbes(tt, x, class, probes, mat.NewDense(rows, d, nil), wantDiv)
			if !floats.EqualApprox(div, wantDiv, 1e-12) {
				t.Errorf("divergence %v, VelocityDivergenceProbes gives %v", div, wantDiv)
			}
			got := net.AccumulatedGradient()
			floats.Scale(0.5, got)

			p := net.Params()
			want := make([]float64, len(p))
			const h = 1e-6
			for i := range p {
				q := append([]float64(nil), p...)
				q[i] = p[i] + h
				if err := net.SetParams(q); err != nil {
					t.Fatal(err)
				}
				fp := secondOrderObjective(net, tt, x, class, probes, gu, gdiv)
				q[i] = p[i] - h
				_ = net.SetParams(q)
				fm := secondOrderObjective(net, tt, x, class, probes, gu, gdiv)
				want[i] = (fp - fm) / (2 * h)
			}
			_ = net.SetParams(p)
			diff := append([]float64(nil), got...)
			floats.Sub(diff, want)
			rel := floats.Norm(diff, 2) / floats.Norm(want, 2)
			if !(rel <= 1e-7) {
				t.Errorf("weight gradient: relative error %.3g (norm %.3g)", rel, floats.Norm(want, 2))
			}
			wantX := mat.NewDense(rows, d, nil)
			for i := 0; i < rows; i++ {
				for j := 0; j < d; j++ {
					v := x.At(i, j)
					x.Set(i, j, v+h)
					fp := secondOrderObjective(net, tt, x, class, probes, gu, gdiv)
					x.Set(i, j, v-h)
					fm := secondOrderObjective(net, tt, x, class, probes, gu, gdiv)
					x.Set(i, j, v)
					wantX.Set(i, j, (fp-fm)/(2*h))
				}
			}
			var dx mat.Dense
			dx.Sub(gx, wantX)
			relX := mat.Norm(&dx, 2) / mat.Norm(wantX, 2)
			if !(relX <= 1e-7) {
				t.Errorf("input gradient: relative error %.3g", relX)
			}
			t.Logf("relative errors: weights %.2g, inputs %.2g", rel, relX)
		})
	}
}

// TestVelocityDivergenceProbesUnitVectors checks the Hutchinson pass: with
// the probes √d·e_k (k = 1…d) its estimate (1/d) Σ_k d·e_kᵀ J e_k is the
// exact trace, equal to VelocityDivergence's up to float64 rounding (1e-12
// absolute, for values of order 1), and so is the velocity.
func TestVelocityDivergenceProbesUnitVectors(t *testing.T) {
	net, err := New(Config{Dim: 3, Hidden: []int{8, 8}, Float64: true, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x := randDense(rng, 4, 3, 1)
	var probes []*mat.Dense
	for k := 0; k < 3; k++ {
		p := mat.NewDense(4, 3, nil)
		for i := 0; i < 4; i++ {
			p.Set(i, k, math.Sqrt(3))
		}
		probes = append(probes, p)
	}
	u, div := mat.NewDense(4, 3, nil), make([]float64, 4)
	net.VelocityDivergenceProbes(0.4, x, nil, probes, u, div)
	uw, divw := mat.NewDense(4, 3, nil), make([]float64, 4)
	net.VelocityDivergence(0.4, x, uw, divw)
	if !mat.EqualApprox(u, uw, 1e-12) || !floats.EqualApprox(div, divw, 1e-12) {
		t.Errorf("probes √3·e_k: div %v, want %v", div, divw)
	}
}

// TestAddDivergenceGradientSplitBatch checks the two-core path: a batch
// large enough to be split over two cores (half of the rows on the helper,
// its weight gradient in a second buffer) gives the sum of the gradients of
// its two halves computed one at a time, to float64 rounding (1e-10
// relative: the same products summed in another order).
func TestAddDivergenceGradientSplitBatch(t *testing.T) {
	net, err := New(Config{Dim: 2, Hidden: []int{64, 64}, Float64: true, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	const rows = 1024
	x, gu := randDense(rng, rows, 2, 1), randDense(rng, rows, 2, 1)
	gdiv := make([]float64, rows)
	for i := range gdiv {
		gdiv[i] = rng.NormFloat64()
	}
	gx := mat.NewDense(rows, 2, nil)
	net.ZeroGradient()
	net.AddDivergenceGradient(0.6, x, nil, nil, gu, gdiv, gx, nil)
	whole := net.AccumulatedGradient()
	net.ZeroGradient()
	gxHalves := mat.NewDense(rows, 2, nil)
	for _, r := range [][2]int{{0, rows / 2}, {rows / 2, rows}} {
		net.AddDivergenceGradient(0.6, x.Slice(r[0], r[1], 0, 2).(*mat.Dense), nil, nil, gu.Slice(r[0], r[1], 0, 2).(*mat.Dense),
			gdiv[r[0]:r[1]], gxHalves.Slice(r[0], r[1], 0, 2).(*mat.Dense), nil)
	}
	halves := net.AccumulatedGradient()
	diff := append([]float64(nil), whole...)
	floats.Sub(diff, halves)
	if rel := floats.Norm(diff, 2) / floats.Norm(halves, 2); !(rel <= 1e-10) {
		t.Errorf("split batch: relative difference %.3g of the weight gradient", rel)
	}
	if !mat.EqualApprox(gx, gxHalves, 1e-10) {
		t.Errorf("split batch: input gradients differ")
	}
}

// TestAddDivergenceGradientFloat32 checks the float32 path (with the C
// kernels for SiLU's σ″, the tangent scaling and the σ″ chain, when built
// with cgo) against the float64 path on the same weights: relative
// difference ≤ 1e-4 of the gradient's norm (float32 rounds each operation
// to ~6e-8 and sums of a few hundred terms grow that to ~1e-6 at worst:
// measured 3e-7; a wrong kernel is off by order one).
func TestAddDivergenceGradientFloat32(t *testing.T) {
	for _, probes := range []int{0, 3} {
		cfg := Config{Dim: 2, Hidden: []int{32, 32, 32}, Seed: 6}
		net32, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Float64 = true
		net64, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := net64.SetParams(net32.Params()); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(9, 10))
		const rows = 300
		x, gu := randDense(rng, rows, 2, 1), randDense(rng, rows, 2, 1)
		gdiv := make([]float64, rows)
		for i := range gdiv {
			gdiv[i] = rng.NormFloat64()
		}
		var ps []*mat.Dense
		for k := 0; k < probes; k++ {
			ps = append(ps, randDense(rng, rows, 2, 1))
		}
		var grads [2][]float64
		var gxs [2]*mat.Dense
		for i, net := range []*Network{net32, net64} {
			gxs[i] = mat.NewDense(rows, 2, nil)
			net.ZeroGradient()
			net.AddDivergenceGradient(0.4, x, nil, ps, gu, gdiv, gxs[i], nil)
			grads[i] = net.AccumulatedGradient()
		}
		diff := append([]float64(nil), grads[0]...)
		floats.Sub(diff, grads[1])
		rel := floats.Norm(diff, 2) / floats.Norm(grads[1], 2)
		if !(rel <= 1e-4) {
			t.Errorf("%d probes: float32 and float64 weight gradients differ by %.3g relative", probes, rel)
		}
		var dx mat.Dense
		dx.Sub(gxs[0], gxs[1])
		relX := mat.Norm(&dx, 2) / mat.Norm(gxs[1], 2)
		if !(relX <= 1e-4) {
			t.Errorf("%d probes: float32 and float64 input gradients differ by %.3g relative", probes, relX)
		}
		t.Logf("%d probes: relative differences %.2g (weights), %.2g (inputs)", probes, rel, relX)
	}
}
