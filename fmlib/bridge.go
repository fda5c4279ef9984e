package fmlib

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// BridgePath is a path conditioned on both ends (x0, x1) of a coupling, as
// used by independent and minibatch-OT couplings:
// x_t = (1−t) x0 + t x1 + σ √(t(1−t)) ε with ε ~ N(0, I), whose conditional
// field is u_t = x1 − x0 + σ (1−2t) / (2√(t(1−t))) ε. σ = 0 is the
// independent-coupling path (target x1 − x0); σ > 0 is the Schrödinger-bridge
// (Brownian-bridge) path. x0 may come from any source, not only N(0, I).
//
// A BridgePath with σ > 0 owns a random source and a scratch buffer; it is not
// safe for concurrent use.
type BridgePath struct {
	Sigma float64
	rng   *rand.Rand
	noise *mat.Dense // reused buffer for ε
}

// IndependentCouplingPath is the straight path between the two samples of a
// coupling, x_t = (1−t) x0 + t x1 with target x1 − x0.
func IndependentCouplingPath() *BridgePath { return &BridgePath{} }

// SchrodingerBridgePath is the Brownian-bridge path with noise σ√(t(1−t));
// its noise is drawn from a source seeded with seed.
func SchrodingerBridgePath(sigma float64, seed uint64) *BridgePath {
	panicUnless(sigma >= 0 && !math.IsInf(sigma, 0), "SchrodingerBridgePath: sigma = %v, want a finite σ ≥ 0", sigma)
	return &BridgePath{Sigma: sigma, rng: rand.New(rand.NewPCG(seed, 0x5eed))}
}

// String names the path.
func (p *BridgePath) String() string {
	if p.Sigma == 0 {
		return "independent-coupling path"
	}
	return fmt.Sprintf("Schrödinger-bridge path(σ=%g)", p.Sigma)
}

// SampleInto implements Path, drawing fresh bridge noise ε when σ > 0.
// With σ > 0 every t[i] must lie in the open interval (0,1), where the
// conditional field is finite.
func (p *BridgePath) SampleInto(t []float64, x0, x1, xt, ut *mat.Dense) error {
	if p.Sigma == 0 {
		return p.SampleNoiseInto(t, x0, x1, nil, xt, ut)
	}
	if err := checkSampleArgs(t, x0, x1, xt, ut); err != nil {
		return err
	}
	r, c := x0.Dims()
	if p.noise == nil || p.noise.RawMatrix().Rows != r || p.noise.RawMatrix().Cols != c {
		p.noise = mat.NewDense(r, c, nil)
	}
	if p.rng == nil {
		p.rng = rand.New(rand.NewPCG(0, 0x5eed))
	}
	eps := p.noise.RawMatrix().Data
	for i := range eps {
		eps[i] = p.rng.NormFloat64()
	}
	return p.SampleNoiseInto(t, x0, x1, p.noise, xt, ut)
}

// SampleNoiseInto is SampleInto with the bridge noise ε given (nil when
// σ = 0), so x_t is a deterministic function of (t, x0, x1, ε).
func (p *BridgePath) SampleNoiseInto(t []float64, x0, x1, eps, xt, ut *mat.Dense) error {
	if err := checkSampleArgs(t, x0, x1, xt, ut); err != nil {
		return err
	}
	r, c := x0.Dims()
	d0, s0, _, _ := rowsOf(x0)
	d1, s1, _, _ := rowsOf(x1)
	dx, sx, _, _ := rowsOf(xt)
	du, su, _, _ := rowsOf(ut)
	var de []float64
	var se int
	if p.Sigma != 0 {
		if err := checkShape("eps", eps, r, c); err != nil {
			return err
		}
		de, se, _, _ = rowsOf(eps)
	}
	for i := 0; i < r; i++ {
		ti := t[i]
		var noise, dNoise float64
		if p.Sigma != 0 {
			if ti <= 0 || ti >= 1 {
				return fmt.Errorf("fmlib: %v: t[%d] = %v, the bridge field needs 0 < t < 1", p, i, ti)
			}
			root := math.Sqrt(ti * (1 - ti))
			noise = p.Sigma * root
			dNoise = p.Sigma * (1 - 2*ti) / (2 * root)
		}
		r0, r1 := rowSlice(d0, s0, i, c), rowSlice(d1, s1, i, c)
		rx, ru := rowSlice(dx, sx, i, c), rowSlice(du, su, i, c)
		for j := range r0 {
			rx[j] = (1-ti)*r0[j] + ti*r1[j]
			ru[j] = r1[j] - r0[j]
		}
		if p.Sigma != 0 {
			re := rowSlice(de, se, i, c)
			for j := range re {
				rx[j] += noise * re[j]
				ru[j] += dNoise * re[j]
			}
		}
	}
	return nil
}

// Sample implements Path with the same t for every row.
func (p *BridgePath) Sample(t float64, x0, x1 *mat.Dense) (xt, ut *mat.Dense, err error) {
	return sampleWith(p, t, x0, x1)
}
