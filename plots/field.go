package plots

import "gonum.org/v1/gonum/mat"

// Field is a time-dependent vector field u_t(x) evaluated on a batch of
// points (one per row), the same contract as fmlib.Field: exact marginal
// fields, conditional fields and trained networks all satisfy it.
type Field interface {
	// Velocity writes u_t(x) for every row of x into out (same shape as
	// x). t is in [0, 1].
	Velocity(t float64, x, out *mat.Dense)
}

// FieldFunc lets a plain func be a Field.
type FieldFunc func(t float64, x, out *mat.Dense)

// Velocity calls f.
func (f FieldFunc) Velocity(t float64, x, out *mat.Dense) { f(t, x, out) }
