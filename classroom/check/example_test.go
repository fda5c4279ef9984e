package check_test

import (
	"fmt"

	"github.com/gophlow/gophlow/classroom/check"
	"gonum.org/v1/gonum/mat"
)

// A student's target of the OT path (eq. 35), checked against fmlib.
func ExampleOTTarget() {
	otTarget := func(x0, x1 []float64, sigmaMin float64) []float64 {
		u := make([]float64, len(x0))
		for i := range x0 {
			u[i] = x1[i] - (1-sigmaMin)*x0[i]
		}
		return u
	}
	r := check.OTTarget(otTarget)
	fmt.Println(r.Passed)
	// Output: true
}

// A sampler that forgets the step size δ fails with the input that showed it and a hint.
func ExampleEulerSampler() {
	eulerSample := func(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense {
		x := mat.DenseCopyOf(x0)
		r, c := x.Dims()
		u := mat.NewDense(r, c, nil)
		for k := 0; k < steps; k++ {
			field(float64(k)/float64(steps), x, u)
			x.Add(x, u) // should be x + u/steps
		}
		return x
	}
	r := check.EulerSampler(eulerSample)
	fmt.Println(r.Passed)
	fmt.Println(r.Hint)
	// Output:
	// false
	// the update is x ← x + δ·u_t(x) with δ = 1/steps, using the field's value at the current x and t.
}
