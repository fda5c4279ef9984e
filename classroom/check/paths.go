package check

import (
	"fmt"

	"github.com/gophlow/gophlow/fmlib"
)

// pathTrials is the number of random inputs per path check.
const pathTrials = 20

// sigmaMins are the σ_min values the path checks cycle through (0 is eq. 37).
var sigmaMins = []float64{0.1, 0, 0.01, 0.3}

// OTSample checks the student's sample of the optimal-transport conditional
// path, x_t = ψ_t(x0|x1) = (1 − (1 − σ_min) t) x0 + t x1 (eq. 26 with eq. 34),
// on random points of dimension 1 to 3, at t = 0, t = 1 and random times.
func OTSample(sample func(t float64, x0, x1 []float64, sigmaMin float64) []float64) *Result {
	const name = "OT conditional path x_t = ψ_t(x0|x1) (eq. 34)"
	if sample == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.OTSample(otSample).")
	}
	rng := fmlib.NewRand(34)
	for trial := 1; trial <= pathTrials; trial++ {
		t := trialTime(trial, rng.Float64())
		sigmaMin := sigmaMins[trial%len(sigmaMins)]
		x0 := randomVector(rng, 1+rng.IntN(3), 1)
		x1 := randomVector(rng, len(x0), 2)
		xt, _, err := fmlib.OTPath(sigmaMin).Sample(t, row(x0), row(x1))
		if err != nil {
			panic(fmt.Sprintf("check.OTSample: reference failed: %v", err))
		}
		want := xt.RawRowView(0)
		in0, in1 := append([]float64(nil), x0...), append([]float64(nil), x1...)
		var got []float64
		input := fmt.Sprintf("t = %.4g, x0 = %s, x1 = %s, σ_min = %g", t, vec(x0), vec(x1), sigmaMin)
		if err := call(func() { got = sample(t, in0, in1, sigmaMin) }); err != nil {
			return fail(name, trial, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		if !equalSlices(in0, x0) || !equalSlices(in1, x1) {
			return fail(name, trial, fmt.Sprintf("for %s your function changed its inputs x0 or x1", input), "allocate a new slice for x_t (make([]float64, len(x0))) instead of writing into x0 or x1.")
		}
		if !close(got, want) {
			return fail(name, trial, fmt.Sprintf("for %s expected %s, got %s", input, vec(want), vec(got)), sampleHint(t, x0, x1, sigmaMin, got))
		}
	}
	return pass(name, pathTrials, fmt.Sprintf("matches fmlib.OTPath on %d random inputs (t = 0, t = 1 and random t; σ_min = 0, 0.01, 0.1, 0.3)", pathTrials))
}

// sampleHint guesses the mistake behind a wrong x_t.
func sampleHint(t float64, x0, x1 []float64, sigmaMin float64, got []float64) string {
	if len(got) != len(x0) {
		return fmt.Sprintf("return one coordinate per coordinate of x0 (%d), not %d.", len(x0), len(got))
	}
	noSigma, swapped := make([]float64, len(x0)), make([]float64, len(x0))
	for i := range x0 {
		noSigma[i] = (1-t)*x0[i] + t*x1[i]
		swapped[i] = t*x0[i] + (1-t)*x1[i]
	}
	switch {
	case sigmaMin != 0 && close(got, noSigma):
		return "that is (1 − t) x0 + t x1, the σ_min = 0 path: the width is σ_t = 1 − (1 − σ_min) t, so x0 is multiplied by σ_t."
	case close(got, swapped):
		return "time runs from noise (t = 0) to data (t = 1): x1 is multiplied by t and x0 by σ_t = 1 − (1 − σ_min) t."
	}
	return "x_t = σ_t x0 + t x1 with σ_t = 1 − (1 − σ_min) t (eq. 26 with μ_t = t x1 of eq. 34)."
}

// trialTime makes the first two trials probe the ends t = 0 and t = 1.
func trialTime(trial int, random float64) float64 {
	switch trial {
	case 1:
		return 0
	case 2:
		return 1
	}
	return random
}

// OTTarget checks the student's conditional vector field of the
// optimal-transport path along the path, u_t(x_t|x1) = x1 − (1 − σ_min) x0
// (eq. 35; x1 − x0 when σ_min = 0, eq. 37), the regression target of the
// flow-matching loss.
func OTTarget(target func(x0, x1 []float64, sigmaMin float64) []float64) *Result {
	const name = "OT conditional target u_t(x_t|x1) (eq. 35)"
	if target == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.OTTarget(otTarget).")
	}
	rng := fmlib.NewRand(35)
	for trial := 1; trial <= pathTrials; trial++ {
		sigmaMin := sigmaMins[trial%len(sigmaMins)]
		x0 := randomVector(rng, 1+rng.IntN(3), 1)
		x1 := randomVector(rng, len(x0), 2)
		_, ut, err := fmlib.OTPath(sigmaMin).Sample(rng.Float64(), row(x0), row(x1))
		if err != nil {
			panic(fmt.Sprintf("check.OTTarget: reference failed: %v", err))
		}
		want := ut.RawRowView(0)
		in0, in1 := append([]float64(nil), x0...), append([]float64(nil), x1...)
		var got []float64
		input := fmt.Sprintf("x0 = %s, x1 = %s, σ_min = %g", vec(x0), vec(x1), sigmaMin)
		if err := call(func() { got = target(in0, in1, sigmaMin) }); err != nil {
			return fail(name, trial, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		if !equalSlices(in0, x0) || !equalSlices(in1, x1) {
			return fail(name, trial, fmt.Sprintf("for %s your function changed its inputs x0 or x1", input), "allocate a new slice for the target instead of writing into x0 or x1.")
		}
		if !close(got, want) {
			return fail(name, trial, fmt.Sprintf("for %s expected %s, got %s", input, vec(want), vec(got)), targetHint(x0, x1, sigmaMin, got))
		}
	}
	return pass(name, pathTrials, fmt.Sprintf("matches fmlib.OTPath's target on %d random inputs (σ_min = 0, 0.01, 0.1, 0.3)", pathTrials))
}

// targetHint guesses the mistake behind a wrong target.
func targetHint(x0, x1 []float64, sigmaMin float64, got []float64) string {
	if len(got) != len(x0) {
		return fmt.Sprintf("return one coordinate per coordinate of x0 (%d), not %d.", len(x0), len(got))
	}
	plain, reversed := make([]float64, len(x0)), make([]float64, len(x0))
	for i := range x0 {
		plain[i] = x1[i] - x0[i]
		reversed[i] = -(x1[i] - (1-sigmaMin)*x0[i])
	}
	switch {
	case sigmaMin != 0 && close(got, plain):
		return "that is x1 − x0, the σ_min = 0 target: differentiate ψ_t = (1 − (1 − σ_min) t) x0 + t x1 in t."
	case close(got, reversed):
		return "the sign is reversed: the field carries noise (x0) towards data (x1)."
	}
	return "differentiate x_t = (1 − (1 − σ_min) t) x0 + t x1 with respect to t (eq. 35): the result does not depend on t."
}
