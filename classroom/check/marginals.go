package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// MixtureField checks the student's marginal field (eq. 19) of data from an
// isotropic Gaussian mixture q = Σ_k π_k N(m_k, s_k² I) on the OT path with
// σ_min: component k at time t is N(t m_k, (t² s_k² + σ_t²) I), the posterior
// weights r_k(x) are proportional to π_k times that density, and
// u_t(x) = Σ_k r_k(x) (E[x1|x, k] − (1 − σ_min) x)/σ_t with
// E[x1|x, k] = m_k + t s_k² (x − t m_k)/(t² s_k² + σ_t²). The reference is
// fmlib.GaussianMixture.Marginal.
func MixtureField(field func(t float64, x []float64, weights []float64, means [][]float64, stds []float64, sigmaMin float64) []float64) *Result {
	s := spec{name: "marginal field of a Gaussian mixture (eq. 19)", trials: 12, seed: 191,
		hint:    "per component: the variance of x_t is v_k = t² s_k² + σ_t²; weight r_k ∝ π_k N(x; t m_k, v_k I) (normalise, in log space); E[x1|x,k] = m_k + t s_k²(x − t m_k)/v_k; u = Σ r_k (E[x1|x,k] − (1−σ_min)x)/σ_t.",
		summary: "matches fmlib's exact mixture marginal on 12 random mixtures (1 to 4 components, t up to 0.95)"}
	if field == nil {
		return nilFunction(s.name, "check.MixtureField(mixtureField)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		k, dim := 1+rng.IntN(4), 1+rng.IntN(2)
		sigmaMin, t := []float64{0, 0.05, 0.2}[n%3], 0.05+0.9*rng.Float64()
		weights, stds := make([]float64, k), make([]float64, k)
		means := make([][]float64, k)
		total := 0.0
		for i := range weights {
			weights[i], stds[i], means[i] = 0.2+rng.Float64(), 0.1+0.6*rng.Float64(), randomVector(rng, dim, 2)
			total += weights[i]
		}
		for i := range weights {
			weights[i] /= total
		}
		m, err := fmlib.FromRows(means)
		if err != nil {
			panic(fmt.Sprintf("check.MixtureField: %v", err))
		}
		mix, err := fmlib.NewIsotropicMixture(weights, m, stds)
		if err != nil {
			panic(fmt.Sprintf("check.MixtureField: %v", err))
		}
		marginal, err := mix.Marginal(fmlib.OTPath(sigmaMin))
		if err != nil {
			panic(fmt.Sprintf("check.MixtureField: %v", err))
		}
		x := randomVector(rng, dim, 1.5)
		out := mat.NewDense(1, dim, nil)
		marginal.Velocity(t, row(x), out)
		return trial{
			input: fmt.Sprintf("t = %.4g, x = %s, σ_min = %g, %d components with weights %s, stds %s, first mean %s", t, vec(x), sigmaMin, k, vec(weights), vec(stds), vec(means[0])),
			want:  out.RawRowView(0),
			call: func() []float64 {
				copies := make([][]float64, k)
				for i := range means {
					copies[i] = clone(means[i])
				}
				return field(t, clone(x), clone(weights), copies, clone(stds), sigmaMin)
			},
		}
	})
}

// gradientModel is the data and model of GradientEstimates: data ±1 with
// equal probability (1-D), the OT path with σ_min = gradientSigmaMin, and the
// linear model u_θ(t, x) = θ·x.
const gradientSigmaMin = 0.1

// exactGradient returns dL/dθ at θ, the same for L_FM and L_CFM (eq. 21–24):
// 2θ·E[x_t²] − 2·E[x_t·(x1 − (1 − σ_min) x0)] averaged over t ~ U(0, 1), with
// E[x_t²] = σ_t² + t² and E[x_t·target] = t − (1 − σ_min)σ_t.
func exactGradient(theta float64) float64 {
	c := 1 - gradientSigmaMin
	square := 1 - c + c*c/3 + 1.0/3
	cross := 0.5 - c*(1-c/2)
	return 2*theta*square - 2*cross
}

// GradientEstimates checks the student's Monte Carlo estimates, with standard
// errors, of the gradients of L_FM (eq. 15, with the exact marginal field)
// and L_CFM (eq. 20) with respect to θ for the model u_θ(t, x) = θ·x, data
// ±1 with equal probability and the OT path with σ_min = 0.1, from n draws of
// (t, x0, x1) taken from rng. Eq. 21–24 say both have the same expectation;
// the check knows it in closed form and asks each estimate to be within four
// standard errors of it, with standard errors of the size n draws give.
func GradientEstimates(estimate func(theta float64, n int, rng *rand.Rand) (fm, fmErr, cfm, cfmErr float64)) *Result {
	const name = "∇L_FM = ∇L_CFM with error bars (eq. 21–24)"
	if estimate == nil {
		return nilFunction(name, "check.GradientEstimates(gradientEstimates)")
	}
	const n = 4000
	thetas := []float64{0, 0.7, -1.3}
	var fm, fmErr, cfm, cfmErr float64
	for i, theta := range thetas {
		want := exactGradient(theta)
		rng := fmlib.NewRand(uint64(24 + i))
		input := fmt.Sprintf("θ = %g, n = %d (the exact gradient is %.5g)", theta, n, want)
		if err := call(func() { fm, fmErr, cfm, cfmErr = estimate(theta, n, rng) }); err != nil {
			return fail(name, i+1, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		// The standard deviation of one draw of the CFM gradient is about 1.6 to 3.6 over these θ, of FM a little less.
		for _, e := range []struct {
			what     string
			mean, se float64
		}{{"FM", fm, fmErr}, {"CFM", cfm, cfmErr}} {
			switch {
			case !(e.se > 0.1/math.Sqrt(n) && e.se < 10/math.Sqrt(n)):
				hint := "the standard error of a mean of n draws is their standard deviation divided by √n."
				if e.se > 10/math.Sqrt(n) && e.se < 10 {
					hint = "that looks like the standard deviation of one draw: divide by √n for the standard error of the mean."
				}
				return fail(name, i+1, fmt.Sprintf("for %s the %s standard error is %.4g, expected about %.2g", input, e.what, e.se, 2/math.Sqrt(n)), hint)
			case math.Abs(e.mean-want) > 4*e.se:
				return fail(name, i+1, fmt.Sprintf("for %s the %s estimate %.5g ± %.2g is %.1f standard errors from %.5g", input, e.what, e.mean, e.se, math.Abs(e.mean-want)/e.se, want),
					"per draw the gradient of ‖θx − target‖² is 2(θx − target)·x, at x = x_t = σ_t x0 + t x1; the FM target is the marginal field u_t(x_t), the CFM target x1 − (1 − σ_min)x0.")
			}
		}
	}
	return pass(name, len(thetas), fmt.Sprintf("at θ = 0, 0.7 and −1.3 both estimates are within 4 standard errors of the exact gradient (at θ = −1.3: FM %.4g ± %.2g, CFM %.4g ± %.2g, exact %.4g)", fm, fmErr, cfm, cfmErr, exactGradient(-1.3)))
}

// MarginalFieldByHand checks u_t(x) at t = 1/2, x = 1/2 for the data set
// {−1, +1} on the OT path with σ_min = 0 (eq. 19), worked out by hand.
func MarginalFieldByHand(u float64) *Result {
	e := math.Exp(-2)
	return byHand("u_{1/2}(1/2) for the data {−1, +1} by hand (eq. 19)", u, (1-3*e)/(1+e),
		"σ_t = 1/2; the weights are proportional to exp(−(x − t x1)²/(2σ_t²)) for x1 = ±1, and u_t(x|x1) = (x1 − x)/σ_t.")
}
