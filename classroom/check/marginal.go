package check

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// marginalTrials is the number of random inputs of MarginalField.
const marginalTrials = 12

// MarginalField checks the student's marginal vector field of eq. 19 for
// data that is a finite set of points with equal weights, on the OT path
// with σ_min:
//
//	u_t(x) = Σ_j w_j(x) u_t(x|x1_j),  w_j ∝ N(x; t x1_j, σ_t² I),  σ_t = 1 − (1 − σ_min) t,
//
// where u_t(x|x1) = (x1 − (1 − σ_min) x)/σ_t is the conditional field of eq.
// 31. The reference is fmlib.Empirical. Times go up to 0.8, where the
// Gaussian weights of far points underflow unless computed in log space.
func MarginalField(field func(t float64, x []float64, points [][]float64, sigmaMin float64) []float64) *Result {
	const name = "marginal field u_t(x) of a finite data set (eq. 19)"
	if field == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.MarginalField(marginalField).")
	}
	rng := fmlib.NewRand(19)
	for trial := 1; trial <= marginalTrials; trial++ {
		sigmaMin := []float64{0.05, 0.1, 0.3}[trial%3]
		t := 0.05 + 0.75*rng.Float64()
		if trial == marginalTrials {
			t = 0.8
		}
		n, dim := 2+rng.IntN(5), 1+rng.IntN(2)
		points := make([][]float64, n)
		for j := range points {
			points[j] = randomVector(rng, dim, 2)
		}
		x := randomVector(rng, dim, 1.5)
		data, err := fmlib.FromRows(points)
		if err != nil {
			panic(fmt.Sprintf("check.MarginalField: %v", err))
		}
		ref, err := fmlib.NewEmpirical(data, fmlib.OTPath(sigmaMin))
		if err != nil {
			panic(fmt.Sprintf("check.MarginalField: %v", err))
		}
		out := mat.NewDense(1, dim, nil)
		ref.Velocity(t, row(x), out)
		want := out.RawRowView(0)
		copies := make([][]float64, n)
		for j := range points {
			copies[j] = append([]float64(nil), points[j]...)
		}
		var got []float64
		input := fmt.Sprintf("t = %.4g, x = %s, σ_min = %g, %d data points starting %s", t, vec(x), sigmaMin, n, vec(points[0]))
		if err := call(func() { got = field(t, append([]float64(nil), x...), copies, sigmaMin) }); err != nil {
			return fail(name, trial, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		if !close(got, want) {
			return fail(name, trial, fmt.Sprintf("for %s expected %s, got %s", input, vec(want), vec(got)), marginalHint(t, x, points, sigmaMin, got))
		}
	}
	return pass(name, marginalTrials, fmt.Sprintf("matches fmlib.Empirical on %d random data sets and points (t up to 0.8)", marginalTrials))
}

// marginalHint guesses the mistake behind a wrong marginal field.
func marginalHint(t float64, x []float64, points [][]float64, sigmaMin float64, got []float64) string {
	if len(got) != len(x) {
		return fmt.Sprintf("return one coordinate per coordinate of x (%d), not %d.", len(x), len(got))
	}
	for _, g := range got {
		if math.IsNaN(g) || math.IsInf(g, 0) {
			return "the weights underflowed (0/0): compute the log-weights −‖x − t x1_j‖²/(2σ_t²), subtract their maximum, then exponentiate (log-sum-exp)."
		}
	}
	sigma := 1 - (1-sigmaMin)*t
	unweighted := make([]float64, len(x))
	for _, p := range points {
		for k := range x {
			unweighted[k] += (p[k] - (1-sigmaMin)*x[k]) / sigma / float64(len(points))
		}
	}
	if close(got, unweighted) {
		return "that is the plain average of the conditional fields: weight each by p_t(x|x1_j) / Σ_k p_t(x|x1_k), the posterior probability of data point j given x."
	}
	return "u_t(x|x1) = (x1 − (1 − σ_min) x)/σ_t with σ_t = 1 − (1 − σ_min) t; the weights are softmax_j(−‖x − t x1_j‖²/(2σ_t²))."
}
