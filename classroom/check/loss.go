package check

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// testField is the vector field the CFM-loss check evaluates: a rotation of
// tanh(x) that grows with t, smooth and different at every time.
func testField(t float64, x, out *mat.Dense) {
	r, c := x.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			next := x.At(i, (j+1)%c)
			out.Set(i, j, (1+t)*math.Tanh(next)-0.5*t*x.At(i, j))
		}
	}
}

// CFMLoss checks the student's conditional flow-matching loss with σ_min = 0
// (eq. 37) on a batch: the mean over the rows i of
// ‖v_{t_i}(x_{t_i}) − (x1_i − x0_i)‖² with x_t = (1 − t_i) x0_i + t_i x1_i,
// the squared norm summed over coordinates. The student's function receives
// a field to evaluate (each row at its own time t[i]) and the batch; the
// reference is fmlib.CFMLoss with fmlib.OTPath(0).
func CFMLoss(loss func(field func(t float64, x, out *mat.Dense), t []float64, x0, x1 *mat.Dense) float64) *Result {
	const name = "conditional flow-matching loss (eq. 37)"
	if loss == nil {
		return fail(name, 0, "the function is nil", "pass the function you wrote, e.g. check.CFMLoss(cfmLoss).")
	}
	rng := fmlib.NewRand(37)
	const trials = 4
	for trial := 1; trial <= trials; trial++ {
		n, dim := 8+rng.IntN(25), 2+rng.IntN(2)
		x0, x1 := randomBatch(rng, n, dim), randomBatch(rng, n, dim)
		x1.Scale(2, x1)
		t := make([]float64, n)
		for i := range t {
			t[i] = rng.Float64()
		}
		want, err := fmlib.CFMLoss(fmlib.FieldFunc(testField), fmlib.OTPath(0), t, x0, x1)
		if err != nil {
			panic(fmt.Sprintf("check.CFMLoss: reference failed: %v", err))
		}
		in0, in1 := mat.DenseCopyOf(x0), mat.DenseCopyOf(x1)
		var got float64
		input := fmt.Sprintf("a batch of %d points in dimension %d", n, dim)
		if err := call(func() { got = loss(testField, append([]float64(nil), t...), in0, in1) }); err != nil {
			return fail(name, trial, fmt.Sprintf("for %s: %v", input, err), panicHint(err))
		}
		if !mat.Equal(in0, x0) || !mat.Equal(in1, x1) {
			return fail(name, trial, fmt.Sprintf("for %s your function changed x0 or x1", input), "build x_t and the target in new matrices (mat.NewDense) instead of overwriting x0 or x1.")
		}
		if !closeScalar(got, want) {
			return fail(name, trial, fmt.Sprintf("for %s expected loss %.10g, got %.10g", input, want, got), lossHint(t, x0, x1, got, want))
		}
	}
	return pass(name, trials, fmt.Sprintf("matches fmlib.CFMLoss on %d random batches", trials))
}

// lossVariant computes the loss with one of the usual mistakes: the field
// evaluated at the wrong points or times, or the wrong target.
func lossVariant(t []float64, x0, x1 *mat.Dense, at func(i int) []float64, time func(i int) float64, target func(i int) []float64) float64 {
	n, dim := x0.Dims()
	total := 0.0
	out := mat.NewDense(1, dim, nil)
	for i := 0; i < n; i++ {
		testField(time(i), row(at(i)), out)
		tg := target(i)
		for j := 0; j < dim; j++ {
			d := out.At(0, j) - tg[j]
			total += d * d
		}
	}
	return total / float64(n)
}

// lossHint guesses the mistake behind a wrong loss.
func lossHint(t []float64, x0, x1 *mat.Dense, got, want float64) string {
	n, dim := x0.Dims()
	xt := func(i int) []float64 {
		v := make([]float64, dim)
		for j := range v {
			v[j] = (1-t[i])*x0.At(i, j) + t[i]*x1.At(i, j)
		}
		return v
	}
	ownTime := func(i int) float64 { return t[i] }
	firstTime := func(int) float64 { return t[0] }
	target := func(i int) []float64 {
		v := make([]float64, dim)
		for j := range v {
			v[j] = x1.At(i, j) - x0.At(i, j)
		}
		return v
	}
	reversed := func(i int) []float64 {
		v := target(i)
		for j := range v {
			v[j] = -v[j]
		}
		return v
	}
	switch {
	case math.IsNaN(got):
		return "the loss is NaN: check that every slice and matrix you read was filled."
	case closeScalar(got*float64(dim), want):
		return "you averaged over the coordinates too: ‖·‖² sums the coordinates of each row; only the rows are averaged."
	case closeScalar(got, want*float64(n)):
		return "divide the sum over rows by the number of rows: the loss is a mean."
	case closeScalar(got, lossVariant(t, x0, x1, xt, ownTime, reversed)):
		return "the target has the wrong sign: it is x1 − x0, from noise to data."
	case closeScalar(got, lossVariant(t, x0, x1, xt, firstTime, target)):
		return "every row has its own time: evaluate row i at t[i], not all rows at t[0]."
	case closeScalar(got, lossVariant(t, x0, x1, func(i int) []float64 { return x0.RawRowView(i) }, ownTime, target)),
		closeScalar(got, lossVariant(t, x0, x1, func(i int) []float64 { return x1.RawRowView(i) }, ownTime, target)):
		return "evaluate the field at x_t = (1 − t) x0 + t x1, not at x0 or x1."
	}
	return "for each row: x_t = (1 − t) x0 + t x1, the field's value v at (t, x_t), then ‖v − (x1 − x0)‖²; average over rows."
}
