package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Empirical is the exact marginal (eq. 16, 19) of an affine Gaussian path
// when the data distribution is a finite set of points x1_j with equal
// weights: p_t(x) = (1/n) Σ_j N(x; α_t x1_j, σ_t² I) and
// u_t(x) = (σ'_t/σ_t)(x − α_t m(x)) + α'_t m(x) with the posterior mean
// m(x) = Σ_j r_j(x) x1_j, r = softmax_j(−‖x − α_t x1_j‖²/(2σ_t²)). Its
// divergence is d σ'/σ + (α/σ²)(α' − σ'α/σ) Σ_j r_j ‖x1_j − m‖². Everything
// is computed in log space (log-sum-exp), stable down to σ_t ≈ 1e-4. With
// σ_min → 0 its flow memorises the points: Figure 2(b) of the notes.
type Empirical struct {
	points *mat.Dense
	path   *AffinePath
}

// NewEmpirical returns the marginal of path for data given by the rows of
// points (copied). The path must have σ_t > 0 on [0,1], e.g. OTPath(1e-3).
func NewEmpirical(points *mat.Dense, path *AffinePath) (*Empirical, error) {
	if err := checkDense("points", points); err != nil {
		return nil, err
	}
	if err := checkFinite("points", points); err != nil {
		return nil, err
	}
	if path == nil {
		return nil, fmt.Errorf("fmlib: NewEmpirical: path is nil")
	}
	if err := checkPositiveSigma("NewEmpirical", path); err != nil {
		return nil, err
	}
	return &Empirical{points: mat.DenseCopyOf(points), path: path}, nil
}

// Points returns a copy of the data points.
func (e *Empirical) Points() *mat.Dense { return mat.DenseCopyOf(e.points) }

// Path returns the conditional path the marginal is built on.
func (e *Empirical) Path() *AffinePath { return e.path }

// Dim returns the dimension of the data.
func (e *Empirical) Dim() int { _, d := e.points.Dims(); return d }

// LogDensity returns log p_t(x) of eq. 16 for every row of x.
func (e *Empirical) LogDensity(t float64, x *mat.Dense) ([]float64, error) {
	if err := checkFieldArgsErr(t, x, nil, e.Dim()); err != nil {
		return nil, err
	}
	r, _ := x.Dims()
	logp := make([]float64, r)
	e.eval(t, x, nil, nil, logp, nil)
	return logp, nil
}

// ExpectedData writes the posterior mean E[x1 | x_t = x] = Σ_j r_j x1_j.
func (e *Empirical) ExpectedData(t float64, x, out *mat.Dense) error {
	if err := checkFieldArgsErr(t, x, out, e.Dim()); err != nil {
		return err
	}
	e.eval(t, x, nil, nil, nil, out)
	return nil
}

// Velocity writes the marginal field u_t(x) of eq. 19. It panics with a
// message on mismatched shapes or t outside [0,1].
func (e *Empirical) Velocity(t float64, x, out *mat.Dense) {
	checkFieldArgs("Empirical.Velocity", t, x, out, nil, e.Dim())
	e.eval(t, x, out, nil, nil, nil)
}

// VelocityDivergence writes u_t(x) and its exact divergence ∇·u_t(x).
func (e *Empirical) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	checkFieldArgs("Empirical.VelocityDivergence", t, x, out, div, e.Dim())
	e.eval(t, x, out, div, nil, nil)
}

// eval computes whichever of velocity, divergence, log-density and posterior
// mean are requested (non-nil) for every row of x.
func (e *Empirical) eval(t float64, x, out *mat.Dense, div, logp []float64, mean *mat.Dense) {
	alpha, dAlpha, sigma, dSigma := e.path.Coefficients(t)
	n, d := e.points.Dims()
	pts, ps, _, _ := rowsOf(e.points)
	xd, xs, rows, _ := rowsOf(x)
	var od, md []float64
	var os, ms int
	if out != nil {
		od, os, _, _ = rowsOf(out)
	}
	if mean != nil {
		md, ms, _, _ = rowsOf(mean)
	}
	s2 := sigma * sigma
	logNorm := -math.Log(float64(n)) - 0.5*float64(d)*math.Log(2*math.Pi*s2)
	trScore := -float64(d) / s2
	if d == 2 {
		forRows(rows, n*d, func(lo, hi int) {
			e.eval2D(alpha, dAlpha, sigma, dSigma, xd, xs, od, os, div, logp, md, ms, lo, hi)
		})
		return
	}
	need := out != nil || div != nil || mean != nil
	forRows(rows, n*d, func(lo, hi int) {
		c := newComponentTerms(n, d)
		scratch := make([]float64, d)
		for j := 0; j < n; j++ {
			copy(c.mean[j*d:(j+1)*d], rowSlice(pts, ps, j, d))
			c.trScore[j] = trScore
		}
		for i := lo; i < hi; i++ {
			xi := rowSlice(xd, xs, i, d)
			for j := 0; j < n; j++ {
				pj := rowSlice(pts, ps, j, d)
				g := c.score[j*d : (j+1)*d]
				var sq float64
				for k := 0; k < d; k++ {
					diff := xi[k] - alpha*pj[k]
					sq += diff * diff
					g[k] = -diff / s2
				}
				c.logJoint[j] = logNorm - 0.5*sq/s2
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
				ui = scratch // only the posterior mean is wanted
			}
			lp := c.combine(d, dAlpha, sigma*dSigma, ui, dv, logp != nil)
			if logp != nil {
				logp[i] = lp
			}
			if mean != nil {
				copy(rowSlice(md, ms, i, d), c.mBar)
			}
		}
	})
}
