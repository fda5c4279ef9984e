package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// coefficients checks a schedule's α_t, α'_t, σ_t, σ'_t against a reference
// at random times in [0.02, 0.98].
func coefficients(s spec, params func(rng *rand.Rand) (a, b float64, ref fmlib.Schedule), student func(t, a, b float64) (alpha, dAlpha, sigma, dSigma float64), names string) *Result {
	return s.run(func(rng *rand.Rand, n int) trial {
		a, b, ref := params(rng)
		t := 0.02 + 0.96*rng.Float64()
		alpha, dAlpha, sigma, dSigma := ref.Coefficients(t)
		return trial{
			input: fmt.Sprintf("t = %.4g, %s = %g, %g (answers: α_t, α'_t, σ_t, σ'_t)", t, names, a, b),
			want:  []float64{alpha, dAlpha, sigma, dSigma},
			call: func() []float64 {
				al, da, si, ds := student(t, a, b)
				return []float64{al, da, si, ds}
			},
			mistakes: []mistake{{[]float64{alpha, -dAlpha, sigma, -dSigma}, "the derivatives have the wrong sign: the notes' t runs from noise to data, so the diffusion scale is read at 1 − t and d/dt brings a factor −1."}},
		}
	})
}

// VECoefficients checks the student's variance-exploding schedule (eq. 32):
// μ_t = x1, so α_t = 1 and α'_t = 0, and σ_t = σ_{1−t} with the geometric
// noise scale σ_s = σ_min (σ_max/σ_min)^s. The reference is fmlib.VESchedule.
func VECoefficients(schedule func(t, sigmaMin, sigmaMax float64) (alpha, dAlpha, sigma, dSigma float64)) *Result {
	s := spec{name: "the variance-exploding schedule (eq. 32)", trials: 12, seed: 32,
		hint:    "σ_t = σ_min·(σ_max/σ_min)^(1−t), so σ'_t = −log(σ_max/σ_min)·σ_t; α_t = 1 and α'_t = 0.",
		summary: "matches fmlib.VESchedule at 12 random times and noise ranges"}
	if schedule == nil {
		return nilFunction(s.name, "check.VECoefficients(veCoefficients)")
	}
	return coefficients(s, func(rng *rand.Rand) (float64, float64, fmlib.Schedule) {
		lo, hi := 0.005+0.05*rng.Float64(), 2+50*rng.Float64()
		return lo, hi, fmlib.VESchedule{SigmaMin: lo, SigmaMax: hi}
	}, schedule, "σ_min, σ_max")
}

// VPCoefficients checks the student's variance-preserving schedule (eq. 33):
// α_t = a_{1−t} with a_s = exp(−½∫_0^s β(r) dr), β(r) = β_min + r(β_max − β_min),
// and σ_t = √(1 − α_t²). The reference is fmlib.VPSchedule.
func VPCoefficients(schedule func(t, betaMin, betaMax float64) (alpha, dAlpha, sigma, dSigma float64)) *Result {
	s := spec{name: "the variance-preserving schedule (eq. 33)", trials: 12, seed: 33, tol: 1e-8,
		hint:    "with s = 1 − t: ∫_0^s β = β_min s + ½ s²(β_max − β_min); α_t = exp(−½ of that); α'_t = ½ β(s) α_t; σ_t = √(1 − α_t²) and σ'_t = −α_t α'_t/σ_t.",
		summary: "matches fmlib.VPSchedule at 12 random times and noise rates"}
	if schedule == nil {
		return nilFunction(s.name, "check.VPCoefficients(vpCoefficients)")
	}
	return coefficients(s, func(rng *rand.Rand) (float64, float64, fmlib.Schedule) {
		lo, hi := 0.05+0.2*rng.Float64(), 5+20*rng.Float64()
		return lo, hi, fmlib.VPSchedule{BetaMin: lo, BetaMax: hi}
	}, schedule, "β_min, β_max")
}

// ConditionalField checks the student's conditional field of an affine
// Gaussian path (eq. 31), u_t(x|x1) = (σ'_t/σ_t)(x − α_t x1) + α'_t x1, given
// the schedule's four coefficients at t. The reference is
// fmlib.AffinePath.ConditionalVelocity.
func ConditionalField(field func(x, x1 []float64, alpha, dAlpha, sigma, dSigma float64) []float64) *Result {
	s := spec{name: "the conditional field of an affine path (eq. 31)", trials: 15, seed: 31,
		hint:    "u_t(x|x1) = (σ'_t/σ_t)·(x − α_t x1) + α'_t x1: the first term scales the distance to the moving mean, the second moves the mean.",
		summary: "matches fmlib.AffinePath.ConditionalVelocity on 15 random coefficient sets"}
	if field == nil {
		return nilFunction(s.name, "check.ConditionalField(conditionalField)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		alpha, dAlpha, sigma, dSigma := rng.Float64(), 2*rng.Float64(), 0.05+rng.Float64(), -2*rng.Float64()
		path := fmlib.NewAffinePath(fmlib.ScheduleFunc(func(float64) (float64, float64, float64, float64) { return alpha, dAlpha, sigma, dSigma }))
		dim := 1 + rng.IntN(3)
		x, x1 := randomVector(rng, dim, 1.5), randomVector(rng, dim, 2)
		out := mat.NewDense(1, dim, nil)
		if err := path.ConditionalVelocity(0.5, row(x), row(x1), out); err != nil {
			panic(fmt.Sprintf("check.ConditionalField: %v", err))
		}
		along := make([]float64, dim)
		for j := range along {
			along[j] = dSigma/sigma*(x[j]-alpha*x1[j]) + dAlpha*x[j]
		}
		return trial{
			input:    fmt.Sprintf("x = %s, x1 = %s, α = %.4g, α' = %.4g, σ = %.4g, σ' = %.4g", vec(x), vec(x1), alpha, dAlpha, sigma, dSigma),
			want:     out.RawRowView(0),
			call:     func() []float64 { return field(clone(x), clone(x1), alpha, dAlpha, sigma, dSigma) },
			mistakes: []mistake{{along, "the mean moves with α'_t x1: the second term multiplies x1, not x."}},
		}
	})
}

// EndpointLogDensity checks the student's log-density of where the exact
// marginal flow of n equally weighted data points ends (eq. 18):
// p_1(x) = (1/n) Σ_j N(x; x1_j, σ_min² I), computed in log space so that it
// stays finite for small σ_min and distant x. The reference is
// fmlib.GaussianMixture.LogDensity.
func EndpointLogDensity(logDensity func(x []float64, points [][]float64, sigmaMin float64) float64) *Result {
	s := spec{name: "the endpoint density with σ_min (eq. 18)", trials: 12, seed: 18,
		hint:    "log p_1(x) = logsumexp_j(−‖x − x1_j‖²/(2σ_min²)) − log n − d·log σ_min − (d/2) log 2π; subtract the largest exponent before math.Exp.",
		summary: "matches fmlib.GaussianMixture.LogDensity on 12 random data sets (σ_min from 0.01 to 0.5)"}
	if logDensity == nil {
		return nilFunction(s.name, "check.EndpointLogDensity(endpointLogDensity)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		sigmaMin := []float64{0.5, 0.1, 0.01}[n%3]
		count, dim := 1+rng.IntN(6), 1+rng.IntN(3)
		points := make([][]float64, count)
		weights, stds := make([]float64, count), make([]float64, count)
		for j := range points {
			points[j], weights[j], stds[j] = randomVector(rng, dim, 2), 1/float64(count), sigmaMin
		}
		data, err := fmlib.FromRows(points)
		if err != nil {
			panic(fmt.Sprintf("check.EndpointLogDensity: %v", err))
		}
		mix, err := fmlib.NewIsotropicMixture(weights, data, stds)
		if err != nil {
			panic(fmt.Sprintf("check.EndpointLogDensity: %v", err))
		}
		x := randomVector(rng, dim, 2)
		want, err := mix.LogDensity(row(x))
		if err != nil {
			panic(fmt.Sprintf("check.EndpointLogDensity: %v", err))
		}
		return trial{
			input: fmt.Sprintf("x = %s, σ_min = %g, %d points starting %s", vec(x), sigmaMin, count, vec(points[0])),
			want:  want,
			call: func() []float64 {
				copies := make([][]float64, count)
				for j := range points {
					copies[j] = clone(points[j])
				}
				return one(logDensity(clone(x), copies, sigmaMin))
			},
			mistakes: []mistake{{one(math.Inf(-1)), "the density underflowed to 0 (log 0 = −Inf): use the log-sum-exp trick."}},
		}
	})
}

// VESigmaByHand checks σ_t at t = 1/2 of the VE path with σ_min = 0.01 and
// σ_max = 10, worked out by hand (eq. 32).
func VESigmaByHand(sigma float64) *Result {
	return byHand("σ_{1/2} of the VE path by hand (eq. 32)", sigma, 0.01*math.Sqrt(1000),
		"σ_t = σ_min (σ_max/σ_min)^(1−t): at t = 1/2 that is σ_min times the square root of 1000.")
}
