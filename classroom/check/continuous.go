package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// residualField returns u(x) = W2·tanh(W1 x + b1) + b2 of a residual layer for one point.
func residualField(l *fmlib.ResidualLayer) func(x []float64) []float64 {
	return func(x []float64) []float64 {
		hidden, dim := l.W1.Dims()
		h := make([]float64, hidden)
		for i := range h {
			h[i] = l.B1[i]
			for j := 0; j < dim; j++ {
				h[i] += l.W1.At(i, j) * x[j]
			}
			h[i] = math.Tanh(h[i])
		}
		u := make([]float64, dim)
		for i := range u {
			u[i] = l.B2[i]
			for j := range h {
				u[i] += l.W2.At(i, j) * h[j]
			}
		}
		return u
	}
}

// ResidualInverse checks the student's inversion of a residual step
// y = x + δ·u(x) (eq. 6) by the fixed-point iteration x ← y − δ·u(x) started
// at x = y, run for the given number of iterations (here 200, on steps whose
// contraction δ·Lip(u) is at most 0.8, so the iteration has converged to
// about 1e-19). The reference is fmlib.ResidualLayer.Inverse.
func ResidualInverse(invert func(u func(x []float64) []float64, delta float64, y []float64, iterations int) []float64) *Result {
	s := spec{name: "inverting a residual step by fixed-point iteration (eq. 6–7)", trials: 10, seed: 6,
		hint:    "start from x = y and repeat x ← y − δ·u(x); each iteration evaluates u at the current x.",
		summary: "matches fmlib.ResidualLayer.Inverse on 10 random steps (contraction up to 0.8, dimension 1 to 4)"}
	if invert == nil {
		return nilFunction(s.name, "check.ResidualInverse(residualInverse)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim, delta, c := 1+rng.IntN(4), 0.1+0.9*rng.Float64(), 0.3+0.5*rng.Float64()
		layer, err := fmlib.NewRandomResidualLayer(dim, 8, delta, c, uint64(n))
		if err != nil {
			panic(fmt.Sprintf("check.ResidualInverse: %v", err))
		}
		y := randomVector(rng, dim, 1.5)
		x := mat.NewDense(1, dim, nil)
		if err := layer.Inverse(row(y), x, make([]float64, 1)); err != nil {
			panic(fmt.Sprintf("check.ResidualInverse: %v", err))
		}
		u := residualField(layer)
		wrong := clone(y)
		for k := 0; k < 200; k++ {
			ux := u(wrong)
			for j := range wrong {
				wrong[j] = y[j] + delta*ux[j]
			}
		}
		return trial{
			input: fmt.Sprintf("δ = %.4g, contraction δ·Lip(u) = %.2f, y = %s, 200 iterations", delta, c, vec(y)),
			want:  x.RawRowView(0),
			call:  func() []float64 { return invert(u, delta, clone(y), 200) },
			mistakes: []mistake{
				{wrong, "the update has the wrong sign: from y = x + δu(x), x = y − δu(x)."},
				{y, "the iteration never moved: update x in every iteration and return it."},
			},
		}
	})
}

// ResidualContraction checks the student's bound δ·‖W1‖₂·‖W2‖₂ on the
// contraction factor of a residual step with u(x) = W2·tanh(W1 x + b1) + b2:
// tanh is 1-Lipschitz, so Lip(u) ≤ ‖W1‖₂‖W2‖₂, and the step is invertible by
// fixed-point iteration when the bound is below 1 (eq. 6–7). ‖·‖₂ is the
// largest singular value; the reference is fmlib.SpectralNorm.
func ResidualContraction(bound func(w1, w2 *mat.Dense, delta float64) float64) *Result {
	s := spec{name: "the contraction bound δ·‖W1‖₂·‖W2‖₂ (eq. 6–7)", trials: 10, seed: 7, tol: 1e-7,
		hint:    "‖W‖₂ is the largest singular value of W: var svd mat.SVD; svd.Factorize(w, mat.SVDNone); svd.Values(nil)[0].",
		summary: "matches fmlib.SpectralNorm on 10 random weight pairs"}
	if bound == nil {
		return nilFunction(s.name, "check.ResidualContraction(residualContraction)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim, hidden, delta := 1+rng.IntN(3), 2+rng.IntN(5), 0.05+rng.Float64()
		w1, w2 := randomBatch(rng, hidden, dim), randomBatch(rng, dim, hidden)
		want := delta * fmlib.SpectralNorm(w1) * fmlib.SpectralNorm(w2)
		frob := delta * mat.Norm(w1, 2) * mat.Norm(w2, 2)
		return trial{
			input: fmt.Sprintf("W1 %d×%d, W2 %d×%d with first rows %s and %s, δ = %.4g", hidden, dim, dim, hidden, vec(w1.RawRowView(0)), vec(w2.RawRowView(0)), delta),
			want:  one(want),
			call:  func() []float64 { return one(bound(mat.DenseCopyOf(w1), mat.DenseCopyOf(w2), delta)) },
			mistakes: []mistake{
				{one(frob), "for a matrix, gonum's mat.Norm(w, 2) is the Frobenius norm, an upper bound of ‖W‖₂ but not ‖W‖₂: use the largest singular value."},
				{one(want / delta), "multiply by the step δ: the bound is on δ·Lip(u)."},
			},
		}
	})
}

// gaussPath is the 1-D OT path from N(0, 1) to N(m, s²) with σ_min = 0:
// p_t = N(t·m, (1−t)² + t²s²) and its exact field, used by TransportResidual.
type gaussPath struct{ m, s float64 }

func (g gaussPath) density(t, x float64) float64 {
	v := (1-t)*(1-t) + t*t*g.s*g.s
	return math.Exp(-(x-t*g.m)*(x-t*g.m)/(2*v)) / math.Sqrt(2*math.Pi*v)
}

func (g gaussPath) field(t, x float64) float64 {
	v := (1-t)*(1-t) + t*t*g.s*g.s
	dv := -2*(1-t) + 2*t*g.s*g.s
	return g.m + dv/(2*v)*(x-t*g.m)
}

// TransportResidual checks the student's finite-difference residual of the
// transport equation (eq. 11), ∂p_t/∂t(x) + ∂(u_t p_t)/∂x, in one dimension
// with central differences of step h in t and in x. The check uses a
// Gaussian path with its exact field (the residual is then of order h²) and
// the same path with a wrong field; the reference is the same central
// differences computed by the check.
func TransportResidual(residual func(p, u func(t, x float64) float64, t, x, h float64) float64) *Result {
	s := spec{name: "the transport equation by finite differences (eq. 11)", trials: 12, seed: 11, tol: 1e-6,
		hint:    "(p(t+h, x) − p(t−h, x))/2h + (u(t, x+h)p(t, x+h) − u(t, x−h)p(t, x−h))/2h: the flux u·p is differentiated in x, not u alone.",
		summary: "matches central differences on 12 inputs, with the exact field (residual ≈ 0) and with wrong fields"}
	if residual == nil {
		return nilFunction(s.name, "check.TransportResidual(transportResidual)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		g := gaussPath{m: 2 * rng.NormFloat64(), s: 0.3 + rng.Float64()}
		t, x, h := 0.1+0.8*rng.Float64(), g.m*0.5+rng.NormFloat64(), 1e-4
		u, kind := g.field, "the exact field"
		if n%2 == 0 {
			shift := 0.5 + rng.Float64()
			u, kind = func(t, x float64) float64 { return g.field(t, x) + shift*x }, "a wrong field"
		}
		p := g.density
		dpdt := (p(t+h, x) - p(t-h, x)) / (2 * h)
		flux := (u(t, x+h)*p(t, x+h) - u(t, x-h)*p(t, x-h)) / (2 * h)
		noFlux := p(t, x) * (u(t, x+h) - u(t, x-h)) / (2 * h)
		return trial{
			input: fmt.Sprintf("the Gaussian path to N(%.3g, %.3g²) with %s, t = %.4g, x = %.4g, h = 1e-4", g.m, g.s, kind, t, x),
			want:  one(dpdt + flux),
			call:  func() []float64 { return one(residual(p, u, t, x, h)) },
			mistakes: []mistake{
				{one(dpdt - flux), "the sign of the flux term: the equation is ∂p/∂t = −∂(u p)/∂x, so the residual is ∂p/∂t + ∂(u p)/∂x."},
				{one(dpdt + noFlux), "differentiate the product u·p, not u alone (times p)."},
			},
		}
	})
}

// LogDensityAlongPath checks eq. 14 along one path with Euler steps: from x0
// at t = 0, steps steps of size δ = 1/steps update x ← x + δ·u(t, x) and
// log p ← log p − δ·div u(t, x) (both with t and x at the start of the step),
// starting from log p = log N(x0; 0, I). The student returns x1 followed by
// log p_1(x1). The field is linear, u(t, x) = A(t) x, with div u = tr A(t).
func LogDensityAlongPath(integrate func(u func(t float64, x []float64) []float64, div func(t float64, x []float64) float64, x0 []float64, steps int) ([]float64, float64)) *Result {
	s := spec{name: "log-likelihood along one path (eq. 14)", trials: 8, seed: 14,
		hint:    "start with log p = log N(x0; 0, I) = −‖x0‖²/2 − (d/2) log 2π; in each step subtract δ·div u(t, x) before moving x.",
		summary: "matches Euler integration of eq. 13–14 on 8 random linear fields (1 to 40 steps)"}
	if integrate == nil {
		return nilFunction(s.name, "check.LogDensityAlongPath(logDensityAlongPath)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim := 1 + rng.IntN(3)
		a, b := randomBatch(rng, dim, dim), randomBatch(rng, dim, dim)
		steps := []int{1, 5, 40, 10}[n%4]
		matrix := func(t float64) *mat.Dense {
			m := mat.NewDense(dim, dim, nil)
			m.Scale(t, b)
			m.Add(m, a)
			return m
		}
		u := func(t float64, x []float64) []float64 {
			out := mat.NewVecDense(dim, nil)
			out.MulVec(matrix(t), mat.NewVecDense(dim, clone(x)))
			return out.RawVector().Data
		}
		div := func(t float64, x []float64) float64 { return mat.Trace(matrix(t)) }
		x0 := randomVector(rng, dim, 1)
		run := func(sign float64) []float64 {
			x := clone(x0)
			logp := fmlib.StandardNormalLogDensity(row(x0))[0]
			dt := 1 / float64(steps)
			for k := 0; k < steps; k++ {
				t := float64(k) * dt
				v := u(t, x)
				d := div(t, x)
				for j := range x {
					x[j] += dt * v[j]
				}
				logp -= sign * dt * d
			}
			return append(x, logp)
		}
		return trial{
			input: fmt.Sprintf("x0 = %s, %d steps, u(t, x) = (A + tB) x with tr A = %.4g, tr B = %.4g (the last number is log p_1)", vec(x0), steps, mat.Trace(a), mat.Trace(b)),
			want:  run(1),
			call: func() []float64 {
				x, logp := integrate(u, div, clone(x0), steps)
				return append(clone(x), logp)
			},
			mistakes: []mistake{
				{run(-1), "the divergence term has the wrong sign: where the flow spreads out (div u > 0) the density falls (eq. 13)."},
			},
		}
	})
}
