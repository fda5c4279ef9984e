package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
)

// DivergenceFD checks the student's divergence ∇·u(x) = Σ_j ∂u_j/∂x_j by
// central finite differences with step h (the integrand of eq. 14), against
// the exact divergence of a smooth test field.
func DivergenceFD(divergence func(u func(x []float64) []float64, x []float64, h float64) float64) *Result {
	s := spec{name: "divergence by finite differences (eq. 13–14)", trials: 10, seed: 13, tol: 1e-6,
		hint:    "∇·u = Σ_j (u_j(x + h e_j) − u_j(x − h e_j)) / 2h: only the diagonal of the Jacobian, coordinate j of u moved along e_j.",
		summary: "matches the exact divergence of a smooth field at 10 random points in dimension 1 to 4"}
	if divergence == nil {
		return nilFunction(s.name, "check.DivergenceFD(divergenceFD)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim := 1 + rng.IntN(4)
		x := randomVector(rng, dim, 1)
		// u_j(x) = sin(x_j)·(1 + ‖x‖²): ∂u_j/∂x_j = cos(x_j)(1 + ‖x‖²) + 2 x_j sin(x_j).
		u := func(p []float64) []float64 {
			norm2 := 0.0
			for _, v := range p {
				norm2 += v * v
			}
			out := make([]float64, dim)
			for j := range out {
				out[j] = math.Sin(p[j]) * (1 + norm2)
			}
			return out
		}
		norm2, want := 0.0, 0.0
		for _, v := range x {
			norm2 += v * v
		}
		sumSin, sumX := 0.0, 0.0
		for _, v := range x {
			want += math.Cos(v)*(1+norm2) + 2*v*math.Sin(v)
			sumSin += math.Sin(v)
			sumX += v
		}
		// Every entry of the Jacobian: ∂u_i/∂x_j = 2 x_j sin(x_i) off the diagonal.
		everyEntry := want + 2*sumSin*sumX
		for _, v := range x {
			everyEntry -= 2 * v * math.Sin(v)
		}
		return trial{
			input:    fmt.Sprintf("x = %s, h = 1e-5", vec(x)),
			want:     one(want),
			call:     func() []float64 { return one(divergence(u, clone(x), 1e-5)) },
			mistakes: []mistake{{one(everyEntry), "that adds every entry of the Jacobian: the divergence is its trace, Σ_j ∂u_j/∂x_j, coordinate j moved along e_j only."}},
		}
	})
}

// LinearFlowLogDensity checks the student's exact log-density of the flow of
// the constant linear field u(x) = a ⊙ x started from N(0, I): the ODE gives
// x1 = x0 ⊙ exp(a) and the divergence is Σ_j a_j at every point, so eq. 14
// gives log p_1(x1) = log N(x1 ⊙ exp(−a); 0, I) − Σ_j a_j, the reference.
func LinearFlowLogDensity(logDensity func(a, x1 []float64) float64) *Result {
	s := spec{name: "log-density of a linear flow by eq. 14", trials: 10, seed: 141, tol: 1e-7,
		hint:    "solve dx/dt = a ⊙ x backwards: x0 = x1 ⊙ exp(−a); the divergence Σ a_j is constant, so its integral over [0, 1] is Σ a_j; log p_1 = log p_0(x0) − Σ a_j.",
		summary: "matches the closed form on 10 random linear fields and points"}
	if logDensity == nil {
		return nilFunction(s.name, "check.LinearFlowLogDensity(linearFlowLogDensity)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		dim := 1 + rng.IntN(3)
		a, x1 := randomVector(rng, dim, 0.7), randomVector(rng, dim, 1.5)
		x0 := make([]float64, dim)
		sum := 0.0
		for j := range a {
			x0[j] = x1[j] * math.Exp(-a[j])
			sum += a[j]
		}
		logp0 := fmlib.StandardNormalLogDensity(row(x0))[0]
		return trial{
			input:    fmt.Sprintf("a = %s, x1 = %s", vec(a), vec(x1)),
			want:     one(logp0 - sum),
			call:     func() []float64 { return one(logDensity(clone(a), clone(x1))) },
			mistakes: []mistake{{one(logp0 + sum), "the divergence term has the wrong sign (eq. 14: minus the integral)."}, {one(fmlib.StandardNormalLogDensity(row(x1))[0] - sum), "evaluate p_0 at x0 = x1 ⊙ exp(−a), where the path started, not at x1."}},
		}
	})
}

// DivergenceByHand checks ∇·u at (1, 2) for u(x, y) = (x² − y, x·y), worked out by hand.
func DivergenceByHand(div float64) *Result {
	return byHand("∇·u at (1, 2) for u = (x² − y, xy) by hand", div, 3,
		"∇·u = ∂u_1/∂x + ∂u_2/∂y: the off-diagonal derivatives (∂u_1/∂y, ∂u_2/∂x) do not enter.")
}
