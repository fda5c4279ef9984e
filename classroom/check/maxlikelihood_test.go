package check

import (
	"math"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// goodMLLoss is the Euler-discretised loss of eq. 14 for u = A x + b, as a
// student would write it with gonum.
func goodMLLoss(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
	n, _ := x1.Dims()
	h := 1 / float64(steps)
	x := mat.DenseCopyOf(x1)
	u := mat.NewDense(n, 2, nil)
	for k := 0; k < steps; k++ {
		u.Mul(x, a.T())
		for i := 0; i < n; i++ {
			for j := 0; j < 2; j++ {
				x.Set(i, j, x.At(i, j)-h*(u.At(i, j)+b[j]))
			}
		}
	}
	loss := float64(steps) * h * mat.Trace(a)
	for i := 0; i < n; i++ {
		loss += (0.5*(x.At(i, 0)*x.At(i, 0)+x.At(i, 1)*x.At(i, 1)) + math.Log(2*math.Pi)) / float64(n)
	}
	return loss
}

// goodMLGradient is its gradient by a reverse sweep over stored states.
func goodMLGradient(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
	n, _ := x1.Dims()
	h := 1 / float64(steps)
	states := []*mat.Dense{mat.DenseCopyOf(x1)}
	for k := 0; k < steps; k++ {
		x := mat.DenseCopyOf(states[k])
		u := mat.NewDense(n, 2, nil)
		u.Mul(states[k], a.T())
		for i := 0; i < n; i++ {
			for j := 0; j < 2; j++ {
				x.Set(i, j, x.At(i, j)-h*(u.At(i, j)+b[j]))
			}
		}
		states = append(states, x)
	}
	bar := mat.DenseCopyOf(states[steps])
	bar.Scale(1/float64(n), bar)
	ga, gb := mat.NewDense(2, 2, nil), make([]float64, 2)
	m := mat.NewDense(2, 2, []float64{1 - h*a.At(0, 0), -h * a.At(0, 1), -h * a.At(1, 0), 1 - h*a.At(1, 1)})
	for k := steps - 1; k >= 0; k-- {
		var outer mat.Dense
		outer.Mul(bar.T(), states[k])
		outer.Scale(-h, &outer)
		ga.Add(ga, &outer)
		for i := 0; i < n; i++ {
			gb[0] -= h * bar.At(i, 0)
			gb[1] -= h * bar.At(i, 1)
		}
		var next mat.Dense
		next.Mul(bar, m) // row form of x̄ ← Mᵀ x̄
		bar = &next
	}
	ga.Set(0, 0, ga.At(0, 0)+1)
	ga.Set(1, 1, ga.At(1, 1)+1)
	return ga, gb
}

func goodHutchinsonVariance(j *mat.Dense, gaussian bool) float64 {
	off := j.At(0, 1) + j.At(1, 0)
	v := off * off
	if gaussian {
		v += 2 * (j.At(0, 0)*j.At(0, 0) + j.At(1, 1)*j.At(1, 1))
	}
	return v
}

// The references agree with independent computations: the loss with
// fmlib.LogLikelihood (checked inside the check too) and, as the steps grow,
// with the exact log-likelihood of the linear flow, x0 = e^{−A}(x1 + A⁻¹b) −
// A⁻¹b and ∫ tr A = tr A; the gradient with central differences of the
// reference loss.
func TestLinearMLReferences(t *testing.T) {
	rng := fmlib.NewRand(5)
	for n := 1; n <= 30; n++ {
		p := randomLinearProblem(rng, n)
		if ref, fm := linearMLLoss(p, mlExact), fmlibLinearLoss(p); math.Abs(ref-fm) > 1e-12*(1+math.Abs(ref)) {
			t.Errorf("%s: reference %.15g, fmlib %.15g", p, ref, fm)
		}
		fd, err := finiteDifferenceGradient(func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
			return linearMLLoss(linearProblemOf(a, b, x1, steps), mlExact)
		}, p)
		if err != nil {
			t.Fatal(err)
		}
		want := linearMLGradient(p, gradExact)
		worst := 0.0
		for k := range fd {
			worst = math.Max(worst, math.Abs(fd[k]-want[k])/(1+math.Abs(want[k])))
		}
		// The check demands fdTolerance = 1e-6 of a student's gradient against
		// these differences; the reference itself must be far inside it.
		if worst > fdTolerance/100 {
			t.Errorf("%s: reference gradient %s, central differences %s (relative %.2g)", p, vec(want), vec(fd), worst)
		}
	}
	// Euler's error in log p_1 is O(h): with 4000 steps the loss is within
	// ~1e-3 of the exact one, and halving h halves the gap.
	p := randomLinearProblem(fmlib.NewRand(6), 1)
	exact := exactLinearLoss(p)
	p.steps = 2000
	gap2000 := linearMLLoss(p, mlExact) - exact
	p.steps = 4000
	gap4000 := linearMLLoss(p, mlExact) - exact
	if math.Abs(gap4000) > 1e-2 || math.Abs(gap2000/gap4000-2) > 0.05 {
		t.Errorf("Euler against the exact loss: gaps %.3g (2000 steps), %.3g (4000 steps)", gap2000, gap4000)
	}
}

// linearProblemOf turns the students' argument types back into a problem.
func linearProblemOf(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) linearProblem {
	p := linearProblem{steps: steps}
	for r := 0; r < 2; r++ {
		for c := 0; c < 2; c++ {
			p.a[r][c] = a.At(r, c)
		}
		p.b[r] = b[r]
	}
	n, _ := x1.Dims()
	for i := 0; i < n; i++ {
		p.x1 = append(p.x1, [2]float64{x1.At(i, 0), x1.At(i, 1)})
	}
	return p
}

// exactLinearLoss is −mean log p_1 of the exact flow of u = A x + b.
func exactLinearLoss(p linearProblem) float64 {
	a := p.aDense()
	var inv, expNeg, negA mat.Dense
	if err := inv.Inverse(a); err != nil {
		panic(err)
	}
	negA.Scale(-1, a)
	expNeg.Exp(&negA)
	shift := mat.NewVecDense(2, nil)
	shift.MulVec(&inv, mat.NewVecDense(2, p.b[:]))
	loss := 0.0
	for _, x1 := range p.x1 {
		y := mat.NewVecDense(2, []float64{x1[0], x1[1]})
		y.AddVec(y, shift)
		y.MulVec(&expNeg, y)
		y.SubVec(y, shift)
		loss += (0.5*mat.Dot(y, y) + math.Log(2*math.Pi) + mat.Trace(a)) / float64(len(p.x1))
	}
	return loss
}

// The variance references agree with a Monte Carlo estimate (4 standard
// errors of the sample variance, from its fourth moment).
func TestHutchinsonVarianceReferences(t *testing.T) {
	rng := fmlib.NewRand(7)
	j := mat.NewDense(2, 2, []float64{0.9, -1.3, 0.4, 1.7})
	for _, gaussian := range []bool{false, true} {
		const n = 200000
		var s1, s2, s4 float64
		for i := 0; i < n; i++ {
			e := []float64{float64(rng.IntN(2)*2 - 1), float64(rng.IntN(2)*2 - 1)}
			if gaussian {
				e = []float64{rng.NormFloat64(), rng.NormFloat64()}
			}
			q := e[0]*(j.At(0, 0)*e[0]+j.At(0, 1)*e[1]) + e[1]*(j.At(1, 0)*e[0]+j.At(1, 1)*e[1])
			d := q - mat.Trace(j)
			s1 += d / n
			s2 += d * d / n
			s4 += d * d * d * d / n
		}
		want := rademacherVariance(j)
		if gaussian {
			want = gaussianVariance(j)
		}
		se := math.Sqrt((s4 - s2*s2) / n)
		if math.Abs(s1) > 4*math.Sqrt(s2/n) || math.Abs(s2-want) > 4*se {
			t.Errorf("gaussian=%v: Monte Carlo mean error %.4f, variance %.4f ± %.4f, reference %.4f", gaussian, s1, s2, se, want)
		}
		if got := goodHutchinsonVariance(j, gaussian); math.Abs(got-want) > 1e-12 {
			t.Errorf("gaussian=%v: closed form %.6f, reference %.6f", gaussian, got, want)
		}
	}
}

// Right answers pass; each usual mistake fails with its own hint; a stub's
// panic and a nil function fail cleanly.
func TestMaxLikelihoodChecks(t *testing.T) {
	for _, r := range []*Result{
		MLStepCostByHand(32, 208),
		MaxLikelihoodLoss(goodMLLoss),
		MaxLikelihoodGradient(goodMLGradient, goodMLLoss),
		HutchinsonVariance(goodHutchinsonVariance),
	} {
		if !r.Passed {
			t.Errorf("a right answer failed: %s", r)
		}
	}
	stub := func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
		panic("exercise: write your solution here")
	}
	stubGradient := func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
		panic("exercise: write your solution here")
	}
	// lossWith computes the loss by the reference with the usual mistake v.
	lossWith := func(v mlVariant) func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
		return func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
			return linearMLLoss(linearProblemOf(a, b, x1, steps), v)
		}
	}
	gradientWith := func(v gradVariant) func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
		return func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
			g := linearMLGradient(linearProblemOf(a, b, x1, steps), v)
			return mat.NewDense(2, 2, g[:4]), g[4:]
		}
	}
	cases := []struct {
		name string
		r    *Result
		hint string
	}{
		{"cost: forward solve only", MLStepCostByHand(16, 208), "forward solve only"},
		{"cost: steps not stages", MLStepCostByHand(16, 104), "count stages"},
		{"cost: no point row", MLStepCostByHand(32, 160), "1 + K rows"},
		{"cost: other units", MLStepCostByHand(32, 100), "3 × (1 + K)"},
		{"loss stub", MaxLikelihoodLoss(stub), "placeholder"},
		{"loss forwards", MaxLikelihoodLoss(lossWith(mlForwards)), "integrates forwards"},
		{"loss sign", MaxLikelihoodLoss(lossWith(mlDivergenceSign)), "wrong sign"},
		{"loss no divergence", MaxLikelihoodLoss(lossWith(mlNoDivergence)), "divergence term is missing"},
		{"loss divergence once", MaxLikelihoodLoss(lossWith(mlDivergenceOnce)), "every one of the steps"},
		{"loss at the data", MaxLikelihoodLoss(lossWith(mlAtData)), "not at the data point"},
		{"loss sum", MaxLikelihoodLoss(lossWith(mlSum)), "mean over the batch"},
		{"loss constant", MaxLikelihoodLoss(lossWith(mlNoConstant)), "normalisation"},
		{"loss all entries", MaxLikelihoodLoss(lossWith(mlFrobenius)), "trace of the Jacobian"},
		{"loss changes x1", MaxLikelihoodLoss(func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) float64 {
			l := goodMLLoss(a, b, x1, steps)
			x1.Set(0, 0, 0)
			return l
		}), "copy"},
		{"gradient stub", MaxLikelihoodGradient(stubGradient, goodMLLoss), "placeholder"},
		{"gradient with the loss a stub", MaxLikelihoodGradient(goodMLGradient, stub), "finish exercise 09.2"},
		{"gradient of a wrong loss", MaxLikelihoodGradient(gradientWith(gradExact), lossWith(mlFrobenius)), "fix exercise 09.2"},
		{"gradient consistent with a wrong loss", MaxLikelihoodGradient(gradientWith(gradNoIdentity), lossWith(mlNoDivergence)), "the loss itself is not right"},
		{"gradient no identity", MaxLikelihoodGradient(gradientWith(gradNoIdentity), goodMLLoss), "I is missing"},
		{"gradient no transpose", MaxLikelihoodGradient(gradientWith(gradNoTranspose), goodMLLoss), "transpose"},
		{"gradient new state", MaxLikelihoodGradient(gradientWith(gradNewState), goodMLLoss), "the state the step started from"},
		{"gradient sum", MaxLikelihoodGradient(gradientWith(gradSum), goodMLLoss), "divide by the number of rows"},
		{"gradient sign of b", MaxLikelihoodGradient(gradientWith(gradSignB), goodMLLoss), "b enters each step with −h"},
		{"gradient wrong shape", MaxLikelihoodGradient(func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
			return mat.NewDense(1, 4, nil), make([]float64, 2)
		}, goodMLLoss), "shape of A"},
		{"gradient nil", MaxLikelihoodGradient(func(a *mat.Dense, b []float64, x1 *mat.Dense, steps int) (*mat.Dense, []float64) {
			return nil, nil
		}, goodMLLoss), "return a 2×2 matrix"},
		{"variance symmetric rule", HutchinsonVariance(func(j *mat.Dense, gaussian bool) float64 {
			v := 2 * (j.At(0, 1)*j.At(0, 1) + j.At(1, 0)*j.At(1, 0))
			if gaussian {
				v += 2 * (j.At(0, 0)*j.At(0, 0) + j.At(1, 1)*j.At(1, 1))
			}
			return v
		}), "symmetric J only"},
		{"variance as Rademacher", HutchinsonVariance(func(j *mat.Dense, gaussian bool) float64 {
			return goodHutchinsonVariance(j, false)
		}), "Var(ε_i²) = 2"},
		{"variance as Gaussian", HutchinsonVariance(func(j *mat.Dense, gaussian bool) float64 {
			return goodHutchinsonVariance(j, true)
		}), "ε_i² = 1 exactly"},
		{"standard deviation", HutchinsonVariance(func(j *mat.Dense, gaussian bool) float64 {
			return math.Sqrt(goodHutchinsonVariance(j, gaussian))
		}), "standard deviation"},
	}
	for _, c := range cases {
		if c.r.Passed {
			t.Errorf("%s: passed: %s", c.name, c.r)
			continue
		}
		if !strings.Contains(c.r.Hint, c.hint) {
			t.Errorf("%s: hint %q does not contain %q\n%s", c.name, c.r.Hint, c.hint, c.r)
		}
	}
	// The by-hand answers stay hidden: a failed verdict never shows the one
	// that is wrong.
	for _, c := range []struct {
		evaluations, units float64
		hidden             []string
	}{{1, 2, []string{"32", "208"}}, {32, 2, []string{"208"}}, {1, 208, []string{"32"}}} {
		r := MLStepCostByHand(c.evaluations, c.units)
		for _, h := range c.hidden {
			if r.Passed || strings.Contains(r.Detail+r.Hint, h) || !strings.Contains(r.Detail, "hidden") {
				t.Errorf("MLStepCostByHand(%g, %g) shows %s or passes: %s", c.evaluations, c.units, h, r)
			}
		}
	}
	for _, r := range []*Result{MaxLikelihoodLoss(nil), MaxLikelihoodGradient(nil, goodMLLoss), HutchinsonVariance(nil)} {
		if r.Passed || !strings.Contains(r.Detail, "nil") {
			t.Errorf("nil function: %s", r)
		}
	}
}
