package check

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/fmlib"
)

// AffineLogDensity checks the student's change of variables (eq. 2–3) for
// the elementwise affine flow x1 = ψ(x0) = exp(s) ⊙ x0 + b with x0 ~ N(0, I):
//
//	log p_1(x1) = log N(ψ⁻¹(x1); 0, I) + log|det J_{ψ⁻¹}(x1)|,  ψ⁻¹(x1) = (x1 − b) ⊙ exp(−s),  log|det J_{ψ⁻¹}| = −Σ_j s_j.
//
// The reference is fmlib.Flow.LogDensity of an fmlib.AffineLayer.
func AffineLogDensity(logDensity func(x1, logScale, shift []float64) float64) *Result {
	const name = "change of variables for an affine flow (eq. 2–3)"
	if logDensity == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.AffineLogDensity(affineLogDensity).")
	}
	rng := fmlib.NewRand(2)
	const trials = 20
	for trial := 1; trial <= trials; trial++ {
		dim := 1 + rng.IntN(3)
		s, b, x1 := randomVector(rng, dim, 0.7), randomVector(rng, dim, 1), randomVector(rng, dim, 2)
		layer, err := fmlib.NewAffineLayer(s, b)
		if err != nil {
			panic(fmt.Sprintf("check.AffineLogDensity: %v", err))
		}
		flow, err := fmlib.Compose(layer)
		if err != nil {
			panic(fmt.Sprintf("check.AffineLogDensity: %v", err))
		}
		logp, err := flow.LogDensity(row(x1))
		if err != nil {
			panic(fmt.Sprintf("check.AffineLogDensity: %v", err))
		}
		want := logp[0]
		var got float64
		input := fmt.Sprintf("x1 = %s, log-scales s = %s, shifts b = %s", vec(x1), vec(s), vec(b))
		if err := call(func() {
			got = logDensity(append([]float64(nil), x1...), append([]float64(nil), s...), append([]float64(nil), b...))
		}); err != nil {
			return fail(name, trial, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		if !closeScalar(got, want) {
			return fail(name, trial, fmt.Sprintf("for %s expected log p_1 = %.10g, got %.10g", input, want, got), affineHint(x1, s, b, got, want))
		}
	}
	return pass(name, trials, fmt.Sprintf("matches fmlib.Flow.LogDensity on %d random points and affine layers in dimension 1 to 3", trials))
}

// affineHint guesses the mistake behind a wrong log-density.
func affineHint(x1, s, b []float64, got, want float64) string {
	sumS, sq := 0.0, 0.0
	for j := range x1 {
		sumS += s[j]
		z := (x1[j] - b[j]) * math.Exp(-s[j])
		sq += z * z
	}
	d := float64(len(x1))
	logNormal := -0.5*sq - 0.5*d*math.Log(2*math.Pi)
	switch {
	case closeScalar(got, logNormal):
		return "the Jacobian term is missing: add log|det J_{ψ⁻¹}(x1)| = −Σ_j s_j, the volume change of the inverse map."
	case closeScalar(got, logNormal+sumS):
		return "the Jacobian term has the wrong sign: ψ stretches by exp(s), so the density of x1 is divided by exp(Σ s): subtract Σ_j s_j."
	case closeScalar(got, want+0.5*d*math.Log(2*math.Pi)):
		return "the normalising constant of N(0, I) is missing: log N(z; 0, I) = −‖z‖²/2 − (d/2)·log(2π)."
	}
	return "invert the flow first: x0 = (x1 − b)·exp(−s), coordinate by coordinate; then log p_1 = −‖x0‖²/2 − (d/2) log 2π − Σ_j s_j."
}
