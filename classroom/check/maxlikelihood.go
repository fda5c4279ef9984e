package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// The checks of problem set 09 ("why flow matching"): the cost of a
// maximum-likelihood step, the Euler-discretised loss of eq. 14 for a
// linear field in 2D and its gradient, and the variance of Hutchinson's
// estimate for a 2×2 Jacobian.

// MLStepCostByHand checks two numbers worked out by hand for one
// maximum-likelihood step (fmlib.TrainMaxLikelihood) with the midpoint
// method, 8 solver steps and the exact divergence in 3 dimensions: the
// network evaluations fmlib counts (every solver stage once in the forward
// solve and once in the reverse sweep), and the cost in forward-pass units
// (a stage moves x with 1 unit; its second-order pass with K = d tangent
// rows per point costs 3(1+K)). The first answer is compared with what
// fmlib.MaxLikelihoodGradient reports for such a step on a small network,
// the second with the pass count of notebook 09. Neither is shown on failure.
func MLStepCostByHand(evaluations, units float64) *Result {
	const name = "cost of one maximum-likelihood step (midpoint × 8, 3D, exact divergence) by hand"
	const solverSteps, stages, dim = 8, 2, 3
	net, err := nn.New(nn.Config{Dim: dim, Hidden: []int{4}, Float64: true, Seed: 1})
	if err != nil {
		panic(fmt.Sprintf("check.MLStepCostByHand: %v", err))
	}
	batch, err := fmlib.MaxLikelihoodGradient(net, randomBatch(fmlib.NewRand(9), 2, dim), nil,
		fmlib.MaxLikelihoodObjective{Method: fmlib.Midpoint, SolverSteps: solverSteps, Divergence: fmlib.DivergenceExact}, 0)
	if err != nil {
		panic(fmt.Sprintf("check.MLStepCostByHand: %v", err))
	}
	wantUnits := float64(solverSteps * stages * (1 + 3*(1+dim)))
	// Both answers are whole numbers: demand them exactly (up to a typed-in rounding).
	evalsRight := math.Abs(evaluations-float64(batch.Evaluations)) < 1e-9
	unitsRight := math.Abs(units-wantUnits) < 1e-9
	switch {
	case evalsRight && unitsRight:
		return pass(name, 1, fmt.Sprintf("%g network evaluations and %g forward-pass units are right (a flow-matching step costs 3 units)", evaluations, units))
	case !evalsRight && !unitsRight:
		return fail(name, 1, fmt.Sprintf("neither %g evaluations nor %g units is the answer (the answers are hidden: they are what you are asked for)", evaluations, units),
			"count stages, not steps: the midpoint method evaluates u twice per solver step. Every stage is evaluated once in the forward solve and once more in the reverse sweep.")
	case !evalsRight:
		hint := "fmlib counts every stage twice: once in the forward solve (u alone) and once in the reverse sweep (recomputed with its tangents, then differentiated)."
		if evaluations == float64(batch.Evaluations)/2 {
			hint = "that counts the forward solve only: every stage is evaluated again in the reverse sweep."
		}
		return fail(name, 1, fmt.Sprintf("%g network evaluations is not the answer (the answer is hidden; your %g units is right)", evaluations, units), hint)
	}
	hint := "per stage: 1 unit to move x forwards, then 3 × (1 + K) for the second-order pass, where K = d tangent rows per point for the exact divergence."
	if units == float64(solverSteps*stages*(1+3*dim)) {
		hint = "the second-order pass carries the point itself as well as its K = d tangents: 1 + K rows per point."
	}
	return fail(name, 1, fmt.Sprintf("%g units is not the answer (the answer is hidden; your %g evaluations is right)", units, evaluations), hint)
}

// MaxLikelihoodLoss checks the student's Euler-discretised loss of eq. 14
// for the linear field u(x, t) = A x + b in 2D: for each row x1 of the
// batch, integrate backwards from t = 1 to 0 with steps Euler steps of
// size h = 1/steps, x ← x − h (A x + b), adding h ∇·u = h tr A at every
// step, and return the mean over rows of
//
//	−log p_1(x1) = −log N(x0; 0, I) + Σ_steps h tr A.
//
// The reference is a plain Go computation written for this check; on every
// trial it is also compared with fmlib.LogLikelihood of the same field
// (fmlib.Euler, the same steps, exact divergence), which integrates the
// same discretisation. Both are exact arithmetic on the same numbers, so the
// usual relative tolerance of 1e-9 applies.
func MaxLikelihoodLoss(loss func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64) *Result {
	const name = "maximum-likelihood loss of eq. 14, Euler, linear field"
	if loss == nil {
		return nilFunction(name, "check.MaxLikelihoodLoss(mlLoss)")
	}
	rng := fmlib.NewRand(1409)
	const trials = 10
	for n := 1; n <= trials; n++ {
		p := randomLinearProblem(rng, n)
		want := linearMLLoss(p, mlExact)
		fm := fmlibLinearLoss(p)
		// fmlib and the reference differ by rounding only (~1e-15); a gap past 1e-10
		// means the check itself is wrong, not the student.
		if !closeTol(one(fm), one(want), 1e-10) {
			panic(fmt.Sprintf("check.MaxLikelihoodLoss: the reference %.15g and fmlib.LogLikelihood %.15g disagree on %s", want, fm, p))
		}
		a, b, x1 := p.inputs()
		var got float64
		if err := call(func() { got = loss(a, b, x1, p.steps) }); err != nil {
			return fail(name, n, fmt.Sprintf("for %s: %v", p, err), panicHint(err))
		}
		if !mat.Equal(a, p.aDense()) || !mat.Equal(x1, p.x1Dense()) || !equalSlices(b, p.b[:]) {
			return fail(name, n, fmt.Sprintf("for %s your function changed its inputs A, b or x1", p), "work on a copy (mat.DenseCopyOf(x1)): the caller still needs the data and the field.")
		}
		if closeTol(one(got), one(want), tolerance) {
			continue
		}
		hint := "go backwards from x1: x ← x − h(A x + b) for h = 1/steps, steps times; add h·tr A per step; the loss is the batch mean of −log N(x0; 0, I) plus that sum."
		for _, m := range []struct {
			v    mlVariant
			hint string
		}{
			{mlForwards, "that integrates forwards (x ← x + h u): eq. 14 needs the latent x0 the data point came from, so go from t = 1 back to t = 0, x ← x − h u."},
			{mlDivergenceSign, "the divergence term has the wrong sign: −log p_1 = −log p_0(x0) + ∫_0^1 ∇·u dt."},
			{mlNoDivergence, "the divergence term is missing: −log p_1 = −log p_0(x0) + ∫_0^1 ∇·u dt, and ∇·u = tr A for this field."},
			{mlDivergenceOnce, "the divergence h·tr A enters at every one of the steps, not once: over [0, 1] they add up to tr A."},
			{mlAtData, "p_0 is evaluated at x0, the end of the backward solve, not at the data point x1."},
			{mlSum, "take the mean over the batch's rows, not the sum."},
			{mlNoConstant, "the standard normal's normalisation is missing: −log N(x; 0, I) = ‖x‖²/2 + (d/2) log 2π, with d = 2."},
			{mlFrobenius, "the divergence is the trace of the Jacobian A (A₁₁ + A₂₂), not the sum of all its entries."},
		} {
			if closeTol(one(got), one(linearMLLoss(p, m.v)), tolerance) {
				hint = m.hint
				break
			}
		}
		return fail(name, n, fmt.Sprintf("for %s expected %.10g, got %.10g", p, want, got), hint)
	}
	return pass(name, trials, "matches a plain reference and fmlib.LogLikelihood (Euler, exact divergence) on 10 random fields, batches and step counts")
}

// MaxLikelihoodGradient checks the student's gradient of the loss of
// MaxLikelihoodLoss with respect to A and b. It is compared with a plain Go
// reverse sweep written for this check, and with central finite differences
// of the student's own loss function (the one checked by MaxLikelihoodLoss),
// so the gradient must be that of a loss that is right. (fmlib's
// MaxLikelihoodGradient differentiates nn networks, which cannot be exactly
// linear, so it does not serve as a reference here.)
func MaxLikelihoodGradient(gradient func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64), loss func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64) *Result {
	const name = "gradient of the maximum-likelihood loss with respect to A and b"
	if gradient == nil || loss == nil {
		return nilFunction(name, "check.MaxLikelihoodGradient(mlGradient, mlLoss)")
	}
	rng := fmlib.NewRand(1410)
	const trials = 8
	for n := 1; n <= trials; n++ {
		p := randomLinearProblem(rng, n)
		want := linearMLGradient(p, gradExact)
		a, b, x1 := p.inputs()
		var got []float64
		if err := call(func() {
			ga, gb := gradient(a, b, x1, p.steps)
			got = flattenGradient(ga, gb)
		}); err != nil {
			return fail(name, n, fmt.Sprintf("for %s: %v", p, err), panicHint(err))
		}
		if !mat.Equal(a, p.aDense()) || !mat.Equal(x1, p.x1Dense()) || !equalSlices(b, p.b[:]) {
			return fail(name, n, fmt.Sprintf("for %s your function changed its inputs A, b or x1", p), "work on copies: the caller still needs the data and the field.")
		}
		fd, fdErr := finiteDifferenceGradient(loss, p)
		if !closeTol(got, want, tolerance) {
			hint := "run the Euler steps forwards in your head and back: with x_{k+1} = M x_k − h b, M = I − hA, the cotangent starts at x0/N, each step adds −h x̄ x_kᵀ to ∂A and −h x̄ to ∂b, then x̄ ← Mᵀ x̄; tr A adds the identity to ∂A."
			for _, m := range []struct {
				v    gradVariant
				hint string
			}{
				{gradNoIdentity, "∂(tr A)/∂A = I is missing: the divergence term of the loss depends on A too."},
				{gradNoTranspose, "pass the cotangent back through a step with the transpose: x̄_k = (I − hA)ᵀ x̄_{k+1}."},
				{gradNewState, "∂A of a step is −h x̄_{k+1} x_kᵀ: the state the step started from, not the one it produced."},
				{gradSum, "the loss is a mean over the batch: divide by the number of rows."},
				{gradSignB, "x ← x − h(A x + b): b enters each step with −h, so its gradient is −h Σ x̄ over the steps."},
			} {
				if closeTol(got, linearMLGradient(p, m.v), tolerance) {
					hint = m.hint
					break
				}
			}
			if fdErr == nil && closeTol(got, fd, fdTolerance) {
				hint = "your gradient is that of your mlLoss, but the reference differs: the loss itself is not right yet (exercise 09.2)."
			}
			return fail(name, n, fmt.Sprintf("for %s expected [∂A₁₁, ∂A₁₂, ∂A₂₁, ∂A₂₂, ∂b₁, ∂b₂] = %s, got %s", p, vec(want), vec(got)), hint)
		}
		if fdErr != nil {
			return fail(name, n, fmt.Sprintf("for %s the gradient is right, but your loss function failed when the check differentiated it numerically: %v", p, fdErr),
				"the check also compares with central differences of your mlLoss: finish exercise 09.2 first.")
		}
		if !closeTol(got, fd, fdTolerance) {
			return fail(name, n, fmt.Sprintf("for %s the gradient is right, but central differences of your mlLoss give %s", p, vec(fd)),
				"your mlLoss is not the loss this gradient belongs to: fix exercise 09.2 first.")
		}
	}
	return pass(name, trials, "matches a plain reverse sweep (to 1e-9) and central differences of your own loss (to 1e-6) on 8 random fields, batches and step counts")
}

// fdTolerance is the relative accuracy (absolute near 0) demanded of a
// gradient against central differences of the loss with step fdStep. The
// truncation error is fdStep²/6 times the loss's third derivative and the
// rounding error about 1e-16·|L|/fdStep ≈ 1e-11: on the reference loss the
// differences are within 5e-10 of the exact gradient over 120 random
// inputs (TestLinearMLReferences keeps them within 1e-8), while the usual
// mistakes move some entry by 0.009 or more. 1e-6 sits between, with a
// factor of a thousand on either side.
const (
	fdTolerance = 1e-6
	fdStep      = 1e-5
)

// HutchinsonVariance checks the student's variance of Hutchinson's
// one-probe estimate εᵀJε of tr J for a 2×2 matrix J, with Rademacher
// (±1) or standard normal probes. The references share no formula with the
// closed form a student derives: for Rademacher probes an exact average
// over the four sign patterns, for Gaussian ones the fourth moments of
// N(0, I) written out entry by entry (Isserlis: E[ε_iε_jε_kε_l] =
// δ_ijδ_kl + δ_ikδ_jl + δ_ilδ_jk).
func HutchinsonVariance(variance func(j *mat.Dense, gaussian bool) float64) *Result {
	s := spec{name: "variance of Hutchinson's estimate for a 2×2 Jacobian", trials: 10, seed: 1411,
		hint:    "write εᵀJε = J₁₁ε₁² + J₂₂ε₂² + (J₁₂ + J₂₁)ε₁ε₂ and take the variance: for ±1 probes ε_i² = 1; for Gaussian ones Var(ε²) = 2 and the three terms are uncorrelated.",
		summary: "matches the exact variance on 10 random 2×2 matrices, Rademacher and Gaussian probes"}
	if variance == nil {
		return nilFunction(s.name, "check.HutchinsonVariance(hutchinsonVariance)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		j := mat.NewDense(2, 2, randomVector(rng, 4, 1))
		gaussian := n%2 == 0
		kind := "Rademacher"
		if gaussian {
			kind = "Gaussian"
		}
		want := rademacherVariance(j)
		if gaussian {
			want = gaussianVariance(j)
		}
		j11, j12, j21, j22 := j.At(0, 0), j.At(0, 1), j.At(1, 0), j.At(1, 1)
		symmetricRule := 2 * (j12*j12 + j21*j21) // 2 Σ_{i≠j} J_ij², right only for symmetric J
		if gaussian {
			symmetricRule = 2 * (j11*j11 + j12*j12 + j21*j21 + j22*j22)
		}
		return trial{
			input: fmt.Sprintf("J = [[%.6g, %.6g], [%.6g, %.6g]] with %s probes", j11, j12, j21, j22, kind),
			want:  one(want),
			call: func() []float64 {
				return one(variance(mat.DenseCopyOf(j), gaussian))
			},
			mistakes: []mistake{
				{one(symmetricRule), "that rule holds for a symmetric J only: εᵀJε = εᵀ((J + Jᵀ)/2)ε, so the off-diagonal entries enter as (J₁₂ + J₂₁)², not J₁₂² + J₂₁²."},
				{one(math.Sqrt(want)), "that is the standard deviation: return the variance, its square."},
				{one(rademacherVariance(j)), "Gaussian probes also make the diagonal random: Var(ε_i²) = 2 for ε_i ~ N(0, 1), so J₁₁ and J₂₂ add 2J₁₁² + 2J₂₂²."},
				{one(gaussianVariance(j)), "for ±1 probes ε_i² = 1 exactly: the diagonal adds no variance, only the term (J₁₂ + J₂₁)ε₁ε₂ is random."},
			},
		}
	})
}

// rademacherVariance is Var(εᵀJε) for ε uniform on {±1}², averaged exactly
// over the four sign patterns.
func rademacherVariance(j *mat.Dense) float64 {
	var values []float64
	for _, e1 := range []float64{-1, 1} {
		for _, e2 := range []float64{-1, 1} {
			e := []float64{e1, e2}
			q := 0.0
			for r := 0; r < 2; r++ {
				for c := 0; c < 2; c++ {
					q += e[r] * j.At(r, c) * e[c]
				}
			}
			values = append(values, q)
		}
	}
	mean, sq := 0.0, 0.0
	for _, v := range values {
		mean += v / 4
		sq += v * v / 4
	}
	return sq - mean*mean
}

// gaussianVariance is Var(εᵀJε) for ε ~ N(0, I_2) from the fourth moments:
// E[(εᵀJε)²] = Σ_{ijkl} J_ij J_kl E[ε_iε_jε_kε_l], minus (tr J)².
func gaussianVariance(j *mat.Dense) float64 {
	delta := func(a, b int) float64 {
		if a == b {
			return 1
		}
		return 0
	}
	second, trace := 0.0, j.At(0, 0)+j.At(1, 1)
	for a := 0; a < 2; a++ {
		for b := 0; b < 2; b++ {
			for c := 0; c < 2; c++ {
				for d := 0; d < 2; d++ {
					moment := delta(a, b)*delta(c, d) + delta(a, c)*delta(b, d) + delta(a, d)*delta(b, c)
					second += j.At(a, b) * j.At(c, d) * moment
				}
			}
		}
	}
	return second - trace*trace
}

// linearProblem is one input of the linear-field checks: u(x) = A x + b in
// 2D, a batch of data points and a number of Euler steps.
type linearProblem struct {
	a     [2][2]float64
	b     [2]float64
	x1    [][2]float64
	steps int
}

// randomLinearProblem draws the n-th input: entries of A of scale 0.6 (so
// that I − hA stays well conditioned for every step count drawn), b of
// scale 0.5, between 1 and 6 data points of scale 1.5, and 1 to 20 steps.
func randomLinearProblem(rng *rand.Rand, n int) linearProblem {
	stepCounts := []int{1, 2, 3, 5, 8, 20}
	p := linearProblem{steps: stepCounts[(n-1)%len(stepCounts)]}
	for r := 0; r < 2; r++ {
		for c := 0; c < 2; c++ {
			p.a[r][c] = 0.6 * rng.NormFloat64()
		}
		p.b[r] = 0.5 * rng.NormFloat64()
	}
	for i := 0; i < 1+rng.IntN(6); i++ {
		p.x1 = append(p.x1, [2]float64{1.5 * rng.NormFloat64(), 1.5 * rng.NormFloat64()})
	}
	return p
}

// String describes the input as a failing check shows it.
func (p linearProblem) String() string {
	return fmt.Sprintf("A = [[%.6g, %.6g], [%.6g, %.6g]], b = [%.6g, %.6g], steps = %d, %d data point(s), the first x1 = [%.6g, %.6g]",
		p.a[0][0], p.a[0][1], p.a[1][0], p.a[1][1], p.b[0], p.b[1], p.steps, len(p.x1), p.x1[0][0], p.x1[0][1])
}

func (p linearProblem) aDense() *mat.Dense {
	return mat.NewDense(2, 2, []float64{p.a[0][0], p.a[0][1], p.a[1][0], p.a[1][1]})
}

func (p linearProblem) x1Dense() *mat.Dense {
	m := mat.NewDense(len(p.x1), 2, nil)
	for i, x := range p.x1 {
		m.Set(i, 0, x[0])
		m.Set(i, 1, x[1])
	}
	return m
}

// inputs returns fresh copies of A, b and the batch for the student's function.
func (p linearProblem) inputs() (*mat.Dense, []float64, *mat.Dense) {
	return p.aDense(), []float64{p.b[0], p.b[1]}, p.x1Dense()
}

// mlVariant selects the right loss or one of the usual mistakes.
type mlVariant int

const (
	mlExact          mlVariant = iota
	mlForwards                 // x ← x + h u
	mlDivergenceSign           // − tr A
	mlNoDivergence             // no divergence term
	mlDivergenceOnce           // h tr A once instead of at every step
	mlAtData                   // −log p_0 at x1
	mlSum                      // sum over rows
	mlNoConstant               // without log 2π
	mlFrobenius                // the sum of all entries of A for the divergence
)

// linearMLLoss is the reference loss (or a mistake's): Euler from t = 1
// back to t = 0 with h = 1/steps, written out coordinate by coordinate.
func linearMLLoss(p linearProblem, v mlVariant) float64 {
	h := 1 / float64(p.steps)
	dir := -1.0
	if v == mlForwards {
		dir = 1
	}
	total := 0.0
	for _, x1 := range p.x1 {
		x := x1
		divergence := 0.0
		for k := 0; k < p.steps; k++ {
			u0 := p.a[0][0]*x[0] + p.a[0][1]*x[1] + p.b[0]
			u1 := p.a[1][0]*x[0] + p.a[1][1]*x[1] + p.b[1]
			div := p.a[0][0] + p.a[1][1]
			if v == mlFrobenius {
				div += p.a[0][1] + p.a[1][0]
			}
			divergence += h * div
			x = [2]float64{x[0] + dir*h*u0, x[1] + dir*h*u1}
		}
		switch v {
		case mlDivergenceSign:
			divergence = -divergence
		case mlNoDivergence:
			divergence = 0
		case mlDivergenceOnce:
			divergence = h * (p.a[0][0] + p.a[1][1])
		case mlAtData:
			x = x1
		}
		nll := 0.5*(x[0]*x[0]+x[1]*x[1]) + divergence
		if v != mlNoConstant {
			nll += math.Log(2 * math.Pi)
		}
		total += nll
	}
	if v == mlSum {
		return total
	}
	return total / float64(len(p.x1))
}

// fmlibLinearLoss is the same loss computed by fmlib.LogLikelihood on the
// same field, with Euler and the same steps and the exact divergence.
func fmlibLinearLoss(p linearProblem) float64 {
	field := fmlib.DivergenceFunc(func(t float64, x, out *mat.Dense, div []float64) {
		r, _ := x.Dims()
		for i := 0; i < r; i++ {
			x0, x1 := x.At(i, 0), x.At(i, 1)
			out.Set(i, 0, p.a[0][0]*x0+p.a[0][1]*x1+p.b[0])
			out.Set(i, 1, p.a[1][0]*x0+p.a[1][1]*x1+p.b[1])
			div[i] = p.a[0][0] + p.a[1][1]
		}
	})
	ll, err := fmlib.LogLikelihood(field, p.x1Dense(), fmlib.LikelihoodOptions{
		Solve: fmlib.SolveOptions{Method: fmlib.Euler, Steps: p.steps}, Divergence: fmlib.DivergenceExact})
	if err != nil {
		panic(fmt.Sprintf("check: fmlib.LogLikelihood on the linear field: %v", err))
	}
	mean := 0.0
	for _, l := range ll.LogP {
		mean -= l / float64(len(ll.LogP))
	}
	return mean
}

// gradVariant selects the right gradient or one of the usual mistakes.
type gradVariant int

const (
	gradExact       gradVariant = iota
	gradNoIdentity              // without ∂tr A/∂A = I
	gradNoTranspose             // x̄ ← (I − hA) x̄
	gradNewState                // −h x̄ x_{k+1}ᵀ
	gradSum                     // not divided by the batch size
	gradSignB                   // +h x̄ for b
)

// linearMLGradient is the reference gradient (or a mistake's) of
// linearMLLoss, by a reverse sweep through the stored Euler states,
// returned as [∂A₁₁, ∂A₁₂, ∂A₂₁, ∂A₂₂, ∂b₁, ∂b₂].
func linearMLGradient(p linearProblem, v gradVariant) []float64 {
	h := 1 / float64(p.steps)
	scale := 1 / float64(len(p.x1))
	if v == gradSum {
		scale = 1
	}
	g := make([]float64, 6)
	for _, x1 := range p.x1 {
		states := [][2]float64{x1}
		x := x1
		for k := 0; k < p.steps; k++ {
			x = [2]float64{
				x[0] - h*(p.a[0][0]*x[0]+p.a[0][1]*x[1]+p.b[0]),
				x[1] - h*(p.a[1][0]*x[0]+p.a[1][1]*x[1]+p.b[1]),
			}
			states = append(states, x)
		}
		// ∂(½‖x0‖²)/∂x0 = x0, times the batch mean's weight.
		bar := [2]float64{scale * x[0], scale * x[1]}
		for k := p.steps - 1; k >= 0; k-- {
			from := states[k]
			if v == gradNewState {
				from = states[k+1]
			}
			for r := 0; r < 2; r++ {
				for c := 0; c < 2; c++ {
					g[2*r+c] -= h * bar[r] * from[c]
				}
				if v == gradSignB {
					g[4+r] += h * bar[r]
				} else {
					g[4+r] -= h * bar[r]
				}
			}
			if v == gradNoTranspose {
				bar = [2]float64{
					bar[0] - h*(p.a[0][0]*bar[0]+p.a[0][1]*bar[1]),
					bar[1] - h*(p.a[1][0]*bar[0]+p.a[1][1]*bar[1]),
				}
			} else {
				bar = [2]float64{
					bar[0] - h*(p.a[0][0]*bar[0]+p.a[1][0]*bar[1]),
					bar[1] - h*(p.a[0][1]*bar[0]+p.a[1][1]*bar[1]),
				}
			}
		}
	}
	if v != gradNoIdentity {
		// The divergence term Σ_steps h tr A = tr A: its gradient is I.
		g[0]++
		g[3]++
	}
	return g
}

// flattenGradient turns the student's (∂A, ∂b) into six numbers, objecting
// to wrong shapes.
func flattenGradient(ga *mat.Dense, gb []float64) []float64 {
	if ga == nil {
		panic(complaint{"the gradient with respect to A is nil", "return a 2×2 matrix ∂L/∂A (mat.NewDense(2, 2, nil)) and a slice of 2 numbers ∂L/∂b."})
	}
	if r, c := ga.Dims(); r != 2 || c != 2 {
		panic(complaint{fmt.Sprintf("the gradient with respect to A is %d×%d, expected 2×2", r, c), "∂L/∂A has the shape of A: entry (r, c) is the derivative with respect to A_rc."})
	}
	if len(gb) != 2 {
		panic(complaint{fmt.Sprintf("the gradient with respect to b has %d numbers, expected 2", len(gb)), "∂L/∂b has the shape of b: 2 numbers."})
	}
	return []float64{ga.At(0, 0), ga.At(0, 1), ga.At(1, 0), ga.At(1, 1), gb[0], gb[1]}
}

// finiteDifferenceGradient differentiates the student's loss by central
// differences in each of the six parameters, with step fdStep.
func finiteDifferenceGradient(loss func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64, p linearProblem) ([]float64, error) {
	g := make([]float64, 6)
	for k := range g {
		var plus, minus float64
		for _, s := range []float64{1, -1} {
			q := p
			if k < 4 {
				q.a[k/2][k%2] += s * fdStep
			} else {
				q.b[k-4] += s * fdStep
			}
			a, b, x1 := q.inputs()
			var l float64
			if err := call(func() { l = loss(a, b, x1, q.steps) }); err != nil {
				return nil, err
			}
			if s > 0 {
				plus = l
			} else {
				minus = l
			}
		}
		g[k] = (plus - minus) / (2 * fdStep)
	}
	return g, nil
}
