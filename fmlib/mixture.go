package fmlib

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// GaussianMixture is a data distribution q(x) = Σ_k w_k N(x; m_k, C_k) with
// an exact density, an exact sampler and, through Marginal, the exact
// marginal path of eq. 16 and field of eq. 19.
type GaussianMixture struct {
	weights []float64
	means   *mat.Dense // K×d
	covs    []*mat.SymDense
	chols   []*mat.Cholesky
}

// NewGaussianMixture returns the mixture with the given weights (positive,
// normalised here), means (one per row) and positive-definite covariances.
func NewGaussianMixture(weights []float64, means *mat.Dense, covs []*mat.SymDense) (*GaussianMixture, error) {
	if err := checkDense("means", means); err != nil {
		return nil, err
	}
	if err := checkFinite("means", means); err != nil {
		return nil, err
	}
	k, d := means.Dims()
	if len(weights) != k {
		return nil, fmt.Errorf("fmlib: NewGaussianMixture: %d weights for %d means", len(weights), k)
	}
	if len(covs) != k {
		return nil, fmt.Errorf("fmlib: NewGaussianMixture: %d covariances for %d means", len(covs), k)
	}
	var total float64
	for i, w := range weights {
		if !(w > 0) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("fmlib: NewGaussianMixture: weights[%d] = %v, want a finite positive weight", i, w)
		}
		total += w
	}
	g := &GaussianMixture{means: mat.DenseCopyOf(means)}
	for _, w := range weights {
		g.weights = append(g.weights, w/total)
	}
	for i, c := range covs {
		if c == nil || c.SymmetricDim() != d {
			return nil, fmt.Errorf("fmlib: NewGaussianMixture: covs[%d] is not a %d×%d matrix", i, d, d)
		}
		var ch mat.Cholesky
		if !ch.Factorize(c) {
			return nil, fmt.Errorf("fmlib: NewGaussianMixture: covs[%d] is not positive definite", i)
		}
		g.covs = append(g.covs, mat.NewSymDense(d, nil))
		g.covs[i].CopySym(c)
		g.chols = append(g.chols, &ch)
	}
	return g, nil
}

// NewIsotropicMixture returns the mixture with covariances stds[k]² I.
func NewIsotropicMixture(weights []float64, means *mat.Dense, stds []float64) (*GaussianMixture, error) {
	if err := checkDense("means", means); err != nil {
		return nil, err
	}
	k, d := means.Dims()
	if len(stds) != k {
		return nil, fmt.Errorf("fmlib: NewIsotropicMixture: %d stds for %d means", len(stds), k)
	}
	covs := make([]*mat.SymDense, k)
	for i, s := range stds {
		if !(s > 0) || math.IsInf(s, 0) {
			return nil, fmt.Errorf("fmlib: NewIsotropicMixture: stds[%d] = %v, want a finite positive std", i, s)
		}
		covs[i] = mat.NewSymDense(d, nil)
		for j := 0; j < d; j++ {
			covs[i].SetSym(j, j, s*s)
		}
	}
	return NewGaussianMixture(weights, means, covs)
}

// Dim returns the dimension of the data.
func (g *GaussianMixture) Dim() int { _, d := g.means.Dims(); return d }

// Components returns the number of components.
func (g *GaussianMixture) Components() int { return len(g.weights) }

// Sample draws n points (one per row) with a source seeded by seed.
func (g *GaussianMixture) Sample(n int, seed uint64) *mat.Dense {
	return g.SampleRand(n, rand.New(rand.NewPCG(seed, 0x6d6978)))
}

// SampleRand draws n points (one per row) from rng: a component by its
// weight, then m_k + L_k z with C_k = L_k L_kᵀ and z ~ N(0, I).
func (g *GaussianMixture) SampleRand(n int, rng *rand.Rand) *mat.Dense {
	panicUnless(n > 0, "GaussianMixture.Sample: n = %d, want n > 0", n)
	d := g.Dim()
	out := mat.NewDense(n, d, nil)
	lowers := make([]*mat.TriDense, len(g.chols))
	for k, ch := range g.chols {
		lowers[k] = &mat.TriDense{}
		ch.LTo(lowers[k])
	}
	z := make([]float64, d)
	for i := 0; i < n; i++ {
		u, k := rng.Float64(), 0
		for k < len(g.weights)-1 && u >= g.weights[k] {
			u -= g.weights[k]
			k++
		}
		for j := range z {
			z[j] = rng.NormFloat64()
		}
		row := out.RawRowView(i)
		l := lowers[k].RawTriangular()
		for a := 0; a < d; a++ {
			s := g.means.At(k, a)
			for b := 0; b <= a; b++ {
				s += l.Data[a*l.Stride+b] * z[b]
			}
			row[a] = s
		}
	}
	return out
}

// LogDensity returns log q(x) for every row of x.
func (g *GaussianMixture) LogDensity(x *mat.Dense) ([]float64, error) {
	m, err := g.Marginal(OTPath(0))
	if err != nil {
		return nil, err
	}
	return m.LogDensity(1, x)
}

// Marginal returns the exact marginal of path for this data (eq. 16, 19):
// p_t(x) = Σ_k w_k N(x; α_t m_k, α_t² C_k + σ_t² I), which stays finite at
// σ_t = 0 because the covariances are positive definite.
func (g *GaussianMixture) Marginal(path *AffinePath) (*MixtureMarginal, error) {
	if path == nil {
		return nil, fmt.Errorf("fmlib: GaussianMixture.Marginal: path is nil")
	}
	return &MixtureMarginal{mix: g, path: path}, nil
}

// MixtureMarginal is the exact marginal path and field (eq. 16, 19) of a
// Gaussian mixture under an affine Gaussian path. Component k at time t is
// N(α m_k, S_k) with S_k = α² C_k + σ² I and precision P_k = S_k⁻¹; given
// x and k, x1 has posterior mean μ_k = m_k + α C_k P_k (x − α m_k). Then
// u_t(x) = −σσ' ḡ + α' μ̄ with the score ḡ = Σ r_k g_k, g_k = −P_k (x − α m_k).
type MixtureMarginal struct {
	mix  *GaussianMixture
	path *AffinePath
}

// Path returns the conditional path the marginal is built on.
func (m *MixtureMarginal) Path() *AffinePath { return m.path }

// Mixture returns the data distribution.
func (m *MixtureMarginal) Mixture() *GaussianMixture { return m.mix }

// mixtureAtTime holds the per-component matrices at one t.
type mixtureAtTime struct {
	alpha, dAlpha, sigmaDSigma float64
	prec                       [][]float64 // K of d×d row-major P_k
	covPrec                    [][]float64 // K of d×d row-major α C_k P_k
	logNorm                    []float64   // log w_k − ½(d log 2π + log det S_k)
	trPrec                     []float64   // tr P_k
	trCP                       []float64   // tr α C_k P_k
}

// at precomputes the per-component matrices at time t, or reports an error
// when some S_k is singular there.
func (m *MixtureMarginal) at(t float64) (*mixtureAtTime, error) {
	a, da, s, ds := m.path.Coefficients(t)
	ssd := s * ds
	if vr, ok := m.path.Schedule.(VarianceRateSchedule); ok && s == 0 {
		ssd = vr.SigmaDSigma(t) // finite where σ' diverges at σ = 0
	}
	if math.IsInf(ssd, 0) || math.IsNaN(ssd) || math.IsInf(da, 0) || math.IsNaN(da) {
		return nil, fmt.Errorf("fmlib: %v: the marginal field is not finite at t = %v", m.path, t)
	}
	d := m.mix.Dim()
	st := &mixtureAtTime{alpha: a, dAlpha: da, sigmaDSigma: ssd}
	sk := mat.NewSymDense(d, nil)
	var ch mat.Cholesky
	var prec, cp mat.Dense
	for k, c := range m.mix.covs {
		for i := 0; i < d; i++ {
			for j := i; j < d; j++ {
				v := a * a * c.At(i, j)
				if i == j {
					v += s * s
				}
				sk.SetSym(i, j, v)
			}
		}
		if !ch.Factorize(sk) {
			return nil, fmt.Errorf("fmlib: mixture component %d has a singular covariance at t = %v", k, t)
		}
		var inv mat.SymDense
		if err := ch.InverseTo(&inv); err != nil {
			return nil, fmt.Errorf("fmlib: mixture component %d: %v", k, err)
		}
		prec.CloneFrom(&inv)
		cp.Mul(c, &prec)
		cp.Scale(a, &cp)
		st.prec = append(st.prec, append([]float64(nil), prec.RawMatrix().Data...))
		st.covPrec = append(st.covPrec, append([]float64(nil), cp.RawMatrix().Data...))
		st.logNorm = append(st.logNorm, math.Log(m.mix.weights[k])-0.5*(float64(d)*math.Log(2*math.Pi)+ch.LogDet()))
		st.trPrec = append(st.trPrec, mat.Trace(&prec))
		st.trCP = append(st.trCP, mat.Trace(&cp))
	}
	return st, nil
}

// LogDensity returns log p_t(x) of eq. 16 for every row of x.
func (m *MixtureMarginal) LogDensity(t float64, x *mat.Dense) ([]float64, error) {
	if err := checkFieldArgsErr(t, x, nil, m.mix.Dim()); err != nil {
		return nil, err
	}
	st, err := m.at(t)
	if err != nil {
		return nil, err
	}
	r, _ := x.Dims()
	logp := make([]float64, r)
	m.eval(st, x, nil, nil, logp, nil)
	return logp, nil
}

// ExpectedData writes the posterior mean E[x1 | x_t = x] = Σ_k r_k μ_k.
func (m *MixtureMarginal) ExpectedData(t float64, x, out *mat.Dense) error {
	if err := checkFieldArgsErr(t, x, out, m.mix.Dim()); err != nil {
		return err
	}
	st, err := m.at(t)
	if err != nil {
		return err
	}
	m.eval(st, x, nil, nil, nil, out)
	return nil
}

// Velocity writes the marginal field u_t(x) of eq. 19. It panics with a
// message on mismatched shapes, t outside [0,1] or a singular path.
func (m *MixtureMarginal) Velocity(t float64, x, out *mat.Dense) {
	m.VelocityDivergence(t, x, out, nil)
}

// VelocityDivergence writes u_t(x) and its exact divergence
// ∇·u = −σσ' (−Σ r_k tr P_k + Σ r_k ‖g_k − ḡ‖²) + α' (Σ r_k tr(α C_k P_k) + Σ r_k (μ_k − μ̄)·(g_k − ḡ)).
func (m *MixtureMarginal) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	checkFieldArgs("MixtureMarginal.VelocityDivergence", t, x, out, div, m.mix.Dim())
	st, err := m.at(t)
	if err != nil {
		panic(err.Error())
	}
	m.eval(st, x, out, div, nil, nil)
}

func (m *MixtureMarginal) eval(st *mixtureAtTime, x, out *mat.Dense, div, logp []float64, mean *mat.Dense) {
	nk := m.mix.Components()
	d := m.mix.Dim()
	means, mstride, _, _ := rowsOf(m.mix.means)
	xd, xs, rows, _ := rowsOf(x)
	var od, md []float64
	var os, ms int
	if out != nil {
		od, os, _, _ = rowsOf(out)
	}
	if mean != nil {
		md, ms, _, _ = rowsOf(mean)
	}
	if d == 2 {
		forRows(rows, nk*d*d, func(lo, hi int) {
			m.eval2D(st, xd, xs, od, os, div, logp, md, ms, lo, hi)
		})
		return
	}
	need := out != nil || div != nil || mean != nil
	a := st.alpha
	forRows(rows, nk*d*d, func(lo, hi int) {
		c := newComponentTerms(nk, d)
		for k := 0; k < nk; k++ {
			c.trScore[k] = -st.trPrec[k]
			c.trMean[k] = st.trCP[k]
		}
		delta := make([]float64, d)
		scratch := make([]float64, d)
		for i := lo; i < hi; i++ {
			xi := rowSlice(xd, xs, i, d)
			for k := 0; k < nk; k++ {
				mk := rowSlice(means, mstride, k, d)
				for j := 0; j < d; j++ {
					delta[j] = xi[j] - a*mk[j]
				}
				p, cp := st.prec[k], st.covPrec[k]
				g, mu := c.score[k*d:(k+1)*d], c.mean[k*d:(k+1)*d]
				var quad float64
				for r := 0; r < d; r++ {
					var pr, cr float64
					for j := 0; j < d; j++ {
						pr += p[r*d+j] * delta[j]
						cr += cp[r*d+j] * delta[j]
					}
					g[r] = -pr
					mu[r] = mk[r] + cr
					quad += delta[r] * pr
				}
				c.logJoint[k] = st.logNorm[k] - 0.5*quad
			}
			var ui []float64
			var dv *float64
			if out != nil {
				ui = rowSlice(od, os, i, d)
			}
			if div != nil {
				dv = &div[i]
			}
			if need && dv == nil && ui == nil {
				ui = scratch
			}
			lp := c.combine(d, st.dAlpha, st.sigmaDSigma, ui, dv, logp != nil)
			if logp != nil {
				logp[i] = lp
			}
			if mean != nil {
				copy(rowSlice(md, ms, i, d), c.mBar)
			}
		}
	})
}
