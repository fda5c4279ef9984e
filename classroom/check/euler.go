package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// EulerSampler checks the student's Algorithm 2: from a batch x0 at t = 0,
// take steps Euler steps of size δ = 1/steps, x_{t+δ} = x_t + δ u_t(x_t),
// and return x_1. The field given to the student's function records the
// times it is evaluated at, so the check can tell a wrong time grid from a
// wrong update. The reference is fmlib.Solve with fmlib.Euler.
func EulerSampler(sample func(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense) *Result {
	const name = "Euler sampling (Algorithm 2)"
	if sample == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.EulerSampler(eulerSample).")
	}
	rng := fmlib.NewRand(2)
	stepCounts := []int{1, 4, 10}
	for trial, steps := range stepCounts {
		x0 := randomBatch(rng, 5+rng.IntN(20), 2)
		ref, err := fmlib.SolveFunc(testField, x0, fmlib.SolveOptions{Method: fmlib.Euler, Steps: steps})
		if err != nil {
			panic(fmt.Sprintf("check.EulerSampler: reference failed: %v", err))
		}
		var times []float64
		recording := func(t float64, x, out *mat.Dense) {
			times = append(times, t)
			testField(t, x, out)
		}
		in := mat.DenseCopyOf(x0)
		var got *mat.Dense
		input := fmt.Sprintf("steps = %d on a batch of %d points", steps, rowsOf(x0))
		if err := call(func() { got = sample(recording, in, steps) }); err != nil {
			return fail(name, trial+1, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		want := make([]float64, steps)
		for k := range want {
			want[k] = float64(k) / float64(steps)
		}
		if !close(times, want) {
			return fail(name, trial+1, fmt.Sprintf("for %s the field was evaluated at t = %s, expected t = %s", input, shortList(times), shortList(want)), timesHint(times, steps))
		}
		if got == nil {
			return fail(name, trial+1, fmt.Sprintf("for %s your function returned nil", input), "return the batch x_1 after the last step.")
		}
		if r, c := got.Dims(); r != rowsOf(x0) || c != 2 {
			return fail(name, trial+1, fmt.Sprintf("for %s the result is %d×%d, expected %d×2", input, r, c, rowsOf(x0)), "return one row per starting point, with the same number of columns.")
		}
		if !mat.EqualApprox(got, ref.X, tolerance) {
			hint := "the update is x ← x + δ·u_t(x) with δ = 1/steps, using the field's value at the current x and t."
			if mat.Equal(got, in) && !mat.Equal(in, x0) {
				hint = "you returned the input matrix after changing it: that works, but check the update x ← x + δ·u_t(x)."
			}
			return fail(name, trial+1, fmt.Sprintf("for %s the first point ended at %s, expected %s", input, vec(got.RawRowView(0)), vec(ref.X.RawRowView(0))), hint)
		}
	}
	return pass(name, len(stepCounts), "matches fmlib.Solve(Euler) for 1, 4 and 10 steps, with the field evaluated at t = 0, δ, …, 1 − δ")
}

// rowsOf is the number of rows of m.
func rowsOf(m *mat.Dense) int {
	r, _ := m.Dims()
	return r
}

// timesHint explains a wrong time grid.
func timesHint(times []float64, steps int) string {
	switch {
	case len(times) == steps+1:
		return "one evaluation too many: Algorithm 2 evaluates at t = 0, δ, …, 1 − δ, never at t = 1."
	case len(times) != steps:
		return fmt.Sprintf("Algorithm 2 evaluates the field once per step: %d times for %d steps, here %d.", steps, steps, len(times))
	case len(times) > 0 && math.Abs(times[0]-1.0/float64(steps)) < 1e-12:
		return "each step uses the field at the start of the step: the first evaluation is at t = 0."
	}
	return "evaluate the field at t = k·δ for step k = 0, …, steps − 1, with δ = 1/steps."
}

// shortList formats at most six times.
func shortList(v []float64) string {
	if len(v) <= 6 {
		return vec(v)
	}
	parts := make([]string, 0, 7)
	for _, x := range v[:3] {
		parts = append(parts, fmt.Sprintf("%.4g", x))
	}
	parts = append(parts, "…")
	for _, x := range v[len(v)-2:] {
		parts = append(parts, fmt.Sprintf("%.4g", x))
	}
	return fmt.Sprintf("[%s] (%d values)", strings.Join(parts, ", "), len(v))
}
