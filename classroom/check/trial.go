package check

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
)

// trial is one seeded input of a check: a description of the input, the
// reference answer, a call of the student's function, and the answers the
// usual mistakes give, each with its hint.
type trial struct {
	input    string
	want     []float64
	call     func() []float64
	mistakes []mistake
}

// mistake is the answer a known mistake gives on a trial, and its hint.
type mistake struct {
	value []float64
	hint  string
}

// spec describes a check built from trials.
type spec struct {
	name    string  // what is checked, with its equation
	trials  int     // how many inputs
	seed    uint64  // the inputs' seed
	tol     float64 // relative accuracy demanded (0 means tolerance)
	hint    string  // the hint when no known mistake matches
	summary string  // what a pass says was compared
}

// run calls make for each trial and compares the student's answers with the
// reference, stopping at the first mismatch.
func (s spec) run(make func(rng *rand.Rand, trial int) trial) *Result {
	rng := fmlib.NewRand(s.seed)
	tol := s.tol
	if tol == 0 {
		tol = tolerance
	}
	for n := 1; n <= s.trials; n++ {
		tr := make(rng, n)
		var got []float64
		if err := call(func() { got = tr.call() }); err != nil {
			return fail(s.name, n, fmt.Sprintf("for %s: %v", tr.input, err), panicHint(err))
		}
		if closeTol(got, tr.want, tol) {
			continue
		}
		hint := s.hint
		for _, m := range tr.mistakes {
			if closeTol(got, m.value, tol) {
				hint = m.hint
				break
			}
		}
		if len(got) != len(tr.want) {
			hint = fmt.Sprintf("return %d numbers, not %d.", len(tr.want), len(got))
		}
		return fail(s.name, n, fmt.Sprintf("for %s expected %s, got %s", tr.input, vec(tr.want), vec(got)), hint)
	}
	return pass(s.name, s.trials, s.summary)
}

// nilFunction is the verdict for a nil function.
func nilFunction(name, usage string) *Result {
	return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. "+usage+".")
}

// byHand checks a number worked out by hand. The expected value is not
// shown: it is the answer.
func byHand(name string, got, want float64, hint string) *Result {
	if math.Abs(got-want) <= 1e-6*(1+math.Abs(want)) {
		return pass(name, 1, fmt.Sprintf("%.10g is right", got))
	}
	return fail(name, 1, fmt.Sprintf("%.10g is not the answer (the answer is hidden: it is what you are asked for)", got), hint)
}

// closeTol reports whether got equals want within the relative tolerance tol, elementwise.
func closeTol(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range want {
		if math.IsNaN(got[i]) || math.Abs(got[i]-want[i]) > tol*(1+math.Abs(want[i])) {
			return false
		}
	}
	return true
}

// clone copies a vector, so a student's function cannot change the check's copy.
func clone(v []float64) []float64 {
	return append([]float64(nil), v...)
}

// one wraps a scalar as a vector of length one.
func one(x float64) []float64 {
	return []float64{x}
}
