package fmlib

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Solution is the result of Solve.
type Solution struct {
	// X is the state at time T: SolveOptions.To, or where an interrupted
	// solve stopped.
	X *mat.Dense
	T float64
	// Times and States are the recorded states (SolveOptions.Times and KeepSteps).
	Times  []float64
	States []*mat.Dense
	// NFE is the number of field evaluations (each on the whole batch).
	NFE int
	// Steps and Rejected count accepted and rejected steps.
	Steps, Rejected int
}

// Solve integrates dx/dt = u_t(x) (eq. 8–10) for every row of x0 from
// opts.From to opts.To (0 → 1 by default) with opts.Method, and returns the
// final state, the recorded states and the number of field evaluations. The
// field is evaluated only at times inside the interval. x0 is not modified.
// When interrupted (SolveOptions.Context or the kernel) it returns the
// partial solution reached so far together with an error wrapping
// interrupt.ErrInterrupted.
func Solve(field Field, x0 *mat.Dense, opts SolveOptions) (*Solution, error) {
	if field == nil {
		return nil, fmt.Errorf("fmlib: Solve: field is nil")
	}
	if err := checkDense("x0", x0); err != nil {
		return nil, err
	}
	if err := checkFinite("x0", x0); err != nil {
		return nil, err
	}
	if err := checkFieldDimension("x0", field, x0); err != nil {
		return nil, err
	}
	r, c := x0.Dims()
	prob := odeProblem{size: r * c, rhs: func(t float64, y, dy []float64) {
		field.Velocity(t, mat.NewDense(r, c, y), mat.NewDense(r, c, dy))
	}}
	y0 := mat.DenseCopyOf(x0).RawMatrix().Data
	y, rec, stats, err := integrate(prob, y0, opts)
	if y == nil {
		return nil, err
	}
	sol := &Solution{X: mat.NewDense(r, c, y), T: stats.t, Times: rec.times, NFE: stats.nfe, Steps: stats.steps, Rejected: stats.rejected}
	for _, st := range rec.states {
		sol.States = append(sol.States, mat.NewDense(r, c, st))
	}
	return sol, err
}

// SolveFunc is Solve for a field given as a plain func, such as a func
// literal typed in a notebook.
func SolveFunc(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, opts SolveOptions) (*Solution, error) {
	if field == nil {
		return nil, fmt.Errorf("fmlib: SolveFunc: field is nil")
	}
	return Solve(FieldFunc(field), x0, opts)
}
