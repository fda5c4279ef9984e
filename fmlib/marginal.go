package fmlib

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// Marginal is the exact marginal of an affine Gaussian path for known data:
// the density p_t(x) = ∫ p_t(x|x1) q(x1) dx1 of eq. 16 and the field
// u_t(x) = E[u_t(x|x1) | x_t = x] of eq. 19, with its exact divergence. It
// is a DivergenceField, so it can be solved and its likelihood computed like
// a trained network, and compared with one.
type Marginal interface {
	DivergenceField
	// LogDensity returns log p_t(x) for every row of x (eq. 16).
	LogDensity(t float64, x *mat.Dense) ([]float64, error)
	// ExpectedData writes the posterior mean E[x1 | x_t = x] of each row into out.
	ExpectedData(t float64, x, out *mat.Dense) error
}

// componentTerms holds, for one row x and each mixture component k (a data
// point, or a Gaussian of a mixture), the quantities that determine the
// marginal: the log joint ℓ_k = log w_k + log p_t(x|k), the score
// g_k = ∇_x log p_t(x|k), the posterior mean μ_k = E[x1 | x, k], and the
// traces of ∇g_k (= −tr P_k) and ∇μ_k.
type componentTerms struct {
	logJoint []float64 // K
	score    []float64 // K×d
	mean     []float64 // K×d
	trScore  []float64 // K, tr ∇g_k
	trMean   []float64 // K, tr ∇μ_k
	resp     []float64 // K, responsibilities softmax(ℓ)
	gBar     []float64 // d
	mBar     []float64 // d
}

func newComponentTerms(k, d int) *componentTerms {
	return &componentTerms{
		logJoint: make([]float64, k), score: make([]float64, k*d), mean: make([]float64, k*d),
		trScore: make([]float64, k), trMean: make([]float64, k), resp: make([]float64, k),
		gBar: make([]float64, d), mBar: make([]float64, d),
	}
}

// combine turns the component terms of one row into log p_t(x) (when
// wantLog), and, when
// out is not nil, u_t(x) = −σσ' ḡ + α' μ̄ (eq. 19 written without dividing by
// σ: x − α μ_k = σ² P_k (x − α m_k)), and, when div is not nil, its divergence
// ∇·u = −σσ' ∇·ḡ + α' ∇·μ̄ with
// ∇·ḡ = Σ r_k tr∇g_k + Σ r_k ‖g_k − ḡ‖² and
// ∇·μ̄ = Σ r_k tr∇μ_k + Σ r_k (μ_k − μ̄)·(g_k − ḡ).
func (c *componentTerms) combine(d int, dAlpha, sigmaDSigma float64, out []float64, div *float64, wantLog bool) float64 {
	maxL := math.Inf(-1)
	for _, l := range c.logJoint {
		if l > maxL {
			maxL = l
		}
	}
	var z float64
	for k, l := range c.logJoint {
		// Terms below e^−40 ≈ 4e-18 of the largest are under rounding.
		var e float64
		if diff := l - maxL; diff > -40 {
			e = math.Exp(diff)
		}
		c.resp[k] = e
		z += e
	}
	var logp float64
	if wantLog {
		logp = maxL + math.Log(z)
	}
	if out == nil && div == nil {
		return logp
	}
	for j := 0; j < d; j++ {
		c.gBar[j], c.mBar[j] = 0, 0
	}
	invZ := 1 / z
	for k := range c.resp {
		r := c.resp[k] * invZ
		c.resp[k] = r
		if r == 0 {
			continue
		}
		g, m := c.score[k*d:(k+1)*d], c.mean[k*d:(k+1)*d]
		for j := 0; j < d; j++ {
			c.gBar[j] += r * g[j]
			c.mBar[j] += r * m[j]
		}
	}
	if out != nil {
		for j := 0; j < d; j++ {
			out[j] = -sigmaDSigma*c.gBar[j] + dAlpha*c.mBar[j]
		}
	}
	if div != nil {
		var divG, divM float64
		for k, r := range c.resp {
			if r == 0 {
				continue
			}
			g, m := c.score[k*d:(k+1)*d], c.mean[k*d:(k+1)*d]
			var gg, mg float64
			for j := 0; j < d; j++ {
				dg := g[j] - c.gBar[j]
				gg += dg * dg
				mg += (m[j] - c.mBar[j]) * dg
			}
			divG += r * (c.trScore[k] + gg)
			divM += r * (c.trMean[k] + mg)
		}
		*div = -sigmaDSigma*divG + dAlpha*divM
	}
	return logp
}

// forRows runs body over [0, rows) split into contiguous chunks on up to
// GOMAXPROCS goroutines when the work (rows × cost) is large enough to pay.
func forRows(rows, cost int, body func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > rows {
		workers = rows
	}
	if workers <= 1 || rows*cost < 20000 {
		body(0, rows)
		return
	}
	var wg sync.WaitGroup
	chunk := (rows + workers - 1) / workers
	for lo := 0; lo < rows; lo += chunk {
		hi := min(lo+chunk, rows)
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			body(lo, hi)
		}(lo, hi)
	}
	wg.Wait()
}

// checkFieldArgs panics with a clear message on misuse of a Field method,
// which has no error result.
func checkFieldArgs(who string, t float64, x, out *mat.Dense, div []float64, dim int) {
	if err := checkFieldArgsErr(t, x, out, dim); err != nil {
		panic(fmt.Sprintf("%s: %v", who, err))
	}
	if div != nil {
		if r, _ := x.Dims(); len(div) != r {
			panic(fmt.Sprintf("%s: div has %d entries, want one per row of x (%d)", who, len(div), r))
		}
	}
}

func checkFieldArgsErr(t float64, x, out *mat.Dense, dim int) error {
	if err := checkTime("t", t); err != nil {
		return err
	}
	if err := checkDense("x", x); err != nil {
		return err
	}
	r, c := x.Dims()
	if c != dim {
		return fmt.Errorf("fmlib: x has %d columns, the data has dimension %d", c, dim)
	}
	if out != nil {
		if err := checkShape("out", out, r, c); err != nil {
			return err
		}
	}
	return checkFinite("x", x)
}

// checkPositiveSigma reports an error when the path's σ_t vanishes at either
// end of [0,1], where the marginal of a point set is singular.
func checkPositiveSigma(who string, path *AffinePath) error {
	for _, t := range []float64{0, 1} {
		if _, _, s, _ := path.Coefficients(t); !(s > 0) {
			return fmt.Errorf("fmlib: %s: σ_t = %v at t = %v on %v; the marginal of a point set needs σ_t > 0 (use OTPath with sigmaMin > 0)", who, s, t, path)
		}
	}
	return nil
}
