package fmlib

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// LikelihoodOptions configures LogLikelihood, LogDensityAt and
// SampleWithLogDensity.
type LikelihoodOptions struct {
	// Solve chooses the ODE method and its steps or tolerances. Its From and
	// To must be left 0: each function sets the interval. Times (in any
	// order) and KeepSteps record the path and log-density along it.
	Solve SolveOptions
	// Divergence chooses exact, finite-difference or Hutchinson divergence.
	Divergence DivergenceMethod
	// Probes is the number K of Hutchinson probes per point (Hutchinson only).
	Probes int
	// Probe is the probe distribution (Rademacher by default).
	Probe ProbeKind
	// FreshProbes draws new probes at every field evaluation; by default one
	// set of probes is drawn per point and held fixed along the whole path
	// (as FFJORD does), which keeps the ODE deterministic for Dopri5.
	FreshProbes bool
	// Seed seeds the Hutchinson probes.
	Seed uint64
	// FiniteDifferenceStep is the relative step of finite differences
	// (0 means ε^(1/3) ≈ 6e-6, scaled by max(1, max_j |x_j|) per point).
	FiniteDifferenceStep float64
}

// Likelihood is the result of a joint integration of a path and of its
// log-density (eq. 13).
type Likelihood struct {
	// X is the state at the far end of the integration: the latent points x0
	// for LogLikelihood and LogDensityAt, the samples for SampleWithLogDensity.
	X *mat.Dense
	// LogP is log p_t at the points given (LogLikelihood, LogDensityAt) or at
	// the samples produced (SampleWithLogDensity).
	LogP []float64
	// LogP0 is log p_0(x0) = log N(x0; 0, I) at the noise end of each path.
	LogP0 []float64
	// Integral is ∫ ∇·u_s(x_s) ds over the path from 0 to t, so
	// LogP = LogP0 − Integral (eq. 14).
	Integral []float64
	// Times, States and LogPs are the recorded points of each path and
	// log p_τ(x_τ) there, in integration order.
	Times  []float64
	States []*mat.Dense
	LogPs  [][]float64
	// NFE counts field evaluations (each on the whole batch), including the
	// extra ones of finite-difference or Hutchinson divergences (a J·v of a
	// JacobianField counts as one).
	NFE int
	// Divergence is the method that was used; for Hutchinson, Probes is K
	// and FreshProbes says whether probes were redrawn at every evaluation
	// (false: one set per point, fixed along the path).
	Divergence  DivergenceMethod
	Probes      int
	FreshProbes bool
}

// LogLikelihood computes log p_1(x1) of eq. 14 for every row of x1:
// log p_1(x1) = log p_0(x0) − ∫_0^1 ∇·u_t(x_t) dt, integrating x and the
// divergence jointly backwards from x1 at t = 1 to x0 at t = 0. It takes
// p_0 = N(0, I), the source of the notes (eq. 17); a field trained on a VE
// path starts from N(x1, σ_max² I) instead, and a VP path meets eq. 17 only
// approximately, so their likelihoods carry that approximation.
func LogLikelihood(field Field, x1 *mat.Dense, opts LikelihoodOptions) (*Likelihood, error) {
	return jointIntegration(field, "x1", x1, 1, 0, opts)
}

// LogDensityAt computes log p_t(x) at any time t in (0,1] for every row of x,
// integrating back to t = 0: log p_t(x) = log p_0(x0) − ∫_0^t ∇·u_s(x_s) ds.
func LogDensityAt(field Field, t float64, x *mat.Dense, opts LikelihoodOptions) (*Likelihood, error) {
	if err := checkTime("t", t); err != nil {
		return nil, err
	}
	if t == 0 {
		return nil, fmt.Errorf("fmlib: LogDensityAt: t = 0 needs no integration, p_0 = N(0, I)")
	}
	return jointIntegration(field, "x", x, t, 0, opts)
}

// SampleWithLogDensity integrates noise x0 forwards from t = 0 to t = 1
// and returns the samples with their log-density log p_1, accumulated along
// the way (eq. 13) with no extra pass.
func SampleWithLogDensity(field Field, x0 *mat.Dense, opts LikelihoodOptions) (*Likelihood, error) {
	return jointIntegration(field, "x0", x0, 0, 1, opts)
}

// jointIntegration solves the augmented ODE d(x, c)/ds = (u_s(x), ∇·u_s(x))
// from `from` to `to` (one of them 0), starting with c = 0. Then
// log p_τ(x_τ) = log p_0(x_0) + c(0) − c(τ) at every recorded τ. name is
// the caller's name for x, used in error messages.
func jointIntegration(field Field, name string, x *mat.Dense, from, to float64, opts LikelihoodOptions) (*Likelihood, error) {
	if field == nil {
		return nil, fmt.Errorf("fmlib: field is nil")
	}
	if err := checkDense(name, x); err != nil {
		return nil, err
	}
	if err := checkFinite(name, x); err != nil {
		return nil, err
	}
	if err := checkFieldDimension(name, field, x); err != nil {
		return nil, err
	}
	if opts.Solve.From != 0 || opts.Solve.To != 0 {
		return nil, fmt.Errorf("fmlib: LikelihoodOptions.Solve.From/To are set by the likelihood functions; leave them 0")
	}
	rows, dim := x.Dims()
	ev, err := newDivergenceEvaluator(field, opts, rows, dim)
	if err != nil {
		return nil, err
	}
	so := opts.Solve
	so.From, so.To = from, to
	so.Times = append([]float64(nil), opts.Solve.Times...)
	if from > to {
		sort.Sort(sort.Reverse(sort.Float64Slice(so.Times)))
	} else {
		sort.Float64s(so.Times)
	}
	nx := rows * dim
	divBuf := make([]float64, rows)
	prob := odeProblem{size: nx + rows, rhs: func(t float64, y, dy []float64) {
		ev.eval(t, mat.NewDense(rows, dim, y[:nx]), mat.NewDense(rows, dim, dy[:nx]), divBuf)
		copy(dy[nx:], divBuf)
	}}
	y0 := make([]float64, nx+rows)
	xd, xs, _, _ := rowsOf(x)
	for i := 0; i < rows; i++ {
		copy(y0[i*dim:(i+1)*dim], rowSlice(xd, xs, i, dim))
	}
	y, rec, _, err := integrate(prob, y0, so)
	if err != nil {
		return nil, err
	}
	res := &Likelihood{X: mat.NewDense(rows, dim, append([]float64(nil), y[:nx]...)), NFE: ev.evaluations, Divergence: ev.method}
	if ev.method == DivergenceHutchinson {
		res.Probes, res.FreshProbes = len(ev.probes), ev.fresh
	}
	// x0 and c(0) sit at whichever end of the integration is t = 0; LogP
	// refers to the other end (the given points, or the samples).
	x0, c0, cP := y[:nx], y[nx:], y0[nx:]
	if from == 0 {
		x0, c0, cP = y0[:nx], y0[nx:], y[nx:]
	}
	res.LogP0 = standardNormalLogDensity(x0, rows, dim)
	res.LogP = make([]float64, rows)
	res.Integral = make([]float64, rows)
	for i := 0; i < rows; i++ {
		res.LogP[i] = res.LogP0[i] + c0[i] - cP[i]
		res.Integral[i] = res.LogP0[i] - res.LogP[i]
		if math.IsNaN(res.LogP[i]) || math.IsInf(res.LogP[i], 0) {
			return nil, fmt.Errorf("fmlib: the log-density of row %d is %v", i, res.LogP[i])
		}
	}
	for k, st := range rec.states {
		res.Times = append(res.Times, rec.times[k])
		res.States = append(res.States, mat.NewDense(rows, dim, st[:nx]))
		lp := make([]float64, rows)
		for i := range lp {
			lp[i] = res.LogP0[i] + c0[i] - st[nx+i]
		}
		res.LogPs = append(res.LogPs, lp)
	}
	return res, nil
}

// standardNormalLogDensity returns log N(x_i; 0, I) for each row of a flat
// row-major array.
func standardNormalLogDensity(x []float64, rows, dim int) []float64 {
	out := make([]float64, rows)
	c := -0.5 * float64(dim) * math.Log(2*math.Pi)
	for i := range out {
		var sq float64
		for _, v := range x[i*dim : (i+1)*dim] {
			sq += v * v
		}
		out[i] = c - 0.5*sq
	}
	return out
}

// StandardNormalLogDensity returns log p_0(x) = log N(x; 0, I) for every row.
func StandardNormalLogDensity(x *mat.Dense) []float64 {
	r, c := x.Dims()
	return standardNormalLogDensity(mat.DenseCopyOf(x).RawMatrix().Data, r, c)
}
