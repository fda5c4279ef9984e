package check

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Hutchinson checks the student's Hutchinson estimator of the trace of a
// matrix J known only through products v ↦ J v — in eq. 14, J is the
// Jacobian of the field and its trace the divergence:
//
//	tr J ≈ (1/K) Σ_{k=1..K} ε_kᵀ J ε_k,  with E[ε εᵀ] = I,
//
// drawing the K probes ε_k from rng (Rademacher ±1 or standard normal
// entries). The check calls the estimator many times on a fixed symmetric
// 4×4 matrix and tests, statistically, that it is unbiased (the mean is
// within 5 standard errors of the trace), that its variance is that of
// Rademacher or Gaussian probes, that K probes divide the variance by K, and
// that it calls J v exactly K times per estimate.
func Hutchinson(estimate func(matVec func(v []float64) []float64, dim, probes int, rng *rand.Rand) float64) *Result {
	const name = "Hutchinson trace estimator (divergence of eq. 14)"
	if estimate == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.Hutchinson(hutchinson).")
	}
	const dim = 4
	a := mat.NewSymDense(dim, []float64{
		2.0, 0.8, -0.5, 0.3,
		0.8, -1.0, 0.6, 0.2,
		-0.5, 0.6, 1.5, -0.7,
		0.3, 0.2, -0.7, 0.5,
	})
	trace, offDiag2, all2 := 0.0, 0.0, 0.0
	for i := 0; i < dim; i++ {
		trace += a.At(i, i)
		for j := 0; j < dim; j++ {
			all2 += a.At(i, j) * a.At(i, j)
			if i != j {
				offDiag2 += a.At(i, j) * a.At(i, j)
			}
		}
	}
	// Variance of one probe for a symmetric matrix: 2 Σ_{i≠j} a_ij² (Rademacher), 2 Σ_ij a_ij² (Gaussian).
	varRademacher, varGaussian := 2*offDiag2, 2*all2
	calls := 0
	matVec := func(v []float64) []float64 {
		calls++
		if len(v) != dim {
			panic(fmt.Sprintf("J v called with a vector of length %d, want %d", len(v), dim))
		}
		out := mat.NewVecDense(dim, nil)
		out.MulVec(a, mat.NewVecDense(dim, append([]float64(nil), v...)))
		return out.RawVector().Data
	}
	run := func(probes, repeats int, seed uint64) ([]float64, error) {
		rng := fmlib.NewRand(seed)
		values := make([]float64, repeats)
		for r := range values {
			calls = 0
			var got float64
			if err := call(func() { got = estimate(matVec, dim, probes, rng) }); err != nil {
				return nil, err
			}
			if calls != probes {
				return nil, fmt.Errorf("with K = %d probes your function computed J v %d times", probes, calls)
			}
			if math.IsNaN(got) || math.IsInf(got, 0) {
				return nil, fmt.Errorf("your function returned %v", got)
			}
			values[r] = got
		}
		return values, nil
	}
	const repeats = 2000
	single, err := run(1, repeats, 11)
	if err != nil {
		return fail(name, 1, err.Error(), hutchinsonCallHint(err))
	}
	mean, sd := stat.MeanStdDev(single, nil)
	variance := sd * sd
	se := math.Sqrt(math.Max(variance, varRademacher) / repeats)
	if variance < 1e-12 {
		return fail(name, repeats, fmt.Sprintf("%d estimates with K = 1 are all %.6g (the trace is %.6g): no randomness", repeats, mean, trace),
			"the estimator must use random probes ε drawn from rng (e.g. ±1 entries: rng.IntN(2)*2 - 1); with unit vectors e_i it is the exact trace, which costs dim products instead of K.")
	}
	if math.Abs(mean-trace) > 5*se {
		return fail(name, repeats, fmt.Sprintf("the mean of %d estimates with K = 1 is %.4f ± %.4f, but the trace is %.4f: the estimator is biased", repeats, mean, se, trace),
			"E[εᵀJε] = tr J needs probes with E[εεᵀ] = I: independent entries of mean 0 and variance 1 (±1 or N(0,1)), and the dot product εᵀ(Jε).")
	}
	kind := ""
	switch {
	case math.Abs(variance/varRademacher-1) < 0.15:
		kind = "Rademacher"
	case math.Abs(variance/varGaussian-1) < 0.2:
		kind = "Gaussian"
	default:
		return fail(name, repeats, fmt.Sprintf("the variance of one probe is %.3f; Rademacher probes give %.3f and Gaussian ones %.3f", variance, varRademacher, varGaussian),
			"draw each entry of ε independently, either ±1 with equal probability or from N(0, 1).")
	}
	const probes = 8
	many, err := run(probes, repeats/4, 12)
	if err != nil {
		return fail(name, repeats+1, err.Error(), hutchinsonCallHint(err))
	}
	meanK, sdK := stat.MeanStdDev(many, nil)
	ratio := variance / (sdK * sdK)
	if ratio < probes*0.7 || ratio > probes*1.4 {
		return fail(name, repeats+repeats/4, fmt.Sprintf("with K = %d probes the variance fell by a factor %.2f (mean %.4f), expected about %d", probes, ratio, meanK, probes),
			"average the K single-probe estimates (sum, then divide by K), with a fresh probe for each.")
	}
	return pass(name, repeats+repeats/4, fmt.Sprintf("unbiased (mean %.4f, trace %.4f) with the variance of %s probes (%.3f), falling by %.1f with K = %d", mean, trace, kind, variance, ratio, probes))
}

// hutchinsonCallHint explains a failed call of the estimator.
func hutchinsonCallHint(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "with K"):
		return "each probe needs exactly one product J ε: compute it once and reuse it."
	case strings.Contains(msg, "panicked"):
		return panicHint(err)
	}
	return "return a finite number: the average of εᵀ(Jε) over the probes."
}
