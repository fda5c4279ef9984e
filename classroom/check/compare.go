package check

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// tolerance is the relative accuracy demanded of a student's result: the
// formulas are exact, so only rounding (~1e-15) separates a correct answer
// from the reference; 1e-9 leaves room for a different order of operations.
const tolerance = 1e-9

// complaint is what a check objects to in an answer that is not a number
// to compare (a matrix of the wrong shape, an input changed in place), with
// its hint. A check panics with it inside call.
type complaint struct{ msg, hint string }

func (c complaint) Error() string { return c.msg }

// call runs f and turns a panic into an error quoting it, so a student's
// panicking function fails its check instead of stopping the notebook; a
// complaint is returned as it is.
func call(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			if c, ok := p.(complaint); ok {
				err = c
				return
			}
			err = fmt.Errorf("your function panicked: %v", p)
		}
	}()
	f()
	return nil
}

// panicHint is the hint for a function that panicked (or a complaint's own).
func panicHint(err error) string {
	if c, ok := err.(complaint); ok {
		return c.hint
	}
	if strings.Contains(err.Error(), "exercise:") {
		return "the function still holds the exercise's placeholder panic: replace it with your code."
	}
	return "read the panic message above: an index out of range usually means a slice was not allocated with make([]float64, len(x))."
}

// close reports whether got equals want within tolerance, elementwise.
func close(got, want []float64) bool {
	return closeTol(got, want, tolerance)
}

// closeScalar reports whether got equals want within tolerance.
func closeScalar(got, want float64) bool {
	return close([]float64{got}, []float64{want})
}

// vec formats a vector compactly.
func vec(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprintf("%.6g", x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// randomVector draws dim coordinates from N(0, scale²).
func randomVector(rng *rand.Rand, dim int, scale float64) []float64 {
	v := make([]float64, dim)
	for i := range v {
		v[i] = scale * rng.NormFloat64()
	}
	return v
}

// randomBatch draws an n×dim batch from N(0, I).
func randomBatch(rng *rand.Rand, n, dim int) *mat.Dense {
	m := mat.NewDense(n, dim, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < dim; j++ {
			m.Set(i, j, rng.NormFloat64())
		}
	}
	return m
}

// row wraps a vector as a 1×len(v) batch.
func row(v []float64) *mat.Dense {
	return mat.NewDense(1, len(v), append([]float64(nil), v...))
}

// equalSlices reports whether a and b are identical (used to detect inputs changed in place).
func equalSlices(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
