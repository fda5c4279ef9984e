package fmlib

import "gonum.org/v1/gonum/mat"

// Field is a time-dependent vector field u_t(x) evaluated on a batch (one
// point per row), the right-hand side of the ODE dx/dt = u_t(x) (eq. 8).
// Implementations treat rows independently.
type Field interface {
	// Velocity writes u_t(x) for every row of x into out (same shape as x). t is in [0,1].
	Velocity(t float64, x, out *mat.Dense)
}

// FieldFunc lets a plain Go func (e.g. a func literal typed in a notebook) be a Field.
type FieldFunc func(t float64, x, out *mat.Dense)

// Velocity calls f(t, x, out).
func (f FieldFunc) Velocity(t float64, x, out *mat.Dense) { f(t, x, out) }

// DivergenceField is a Field that also gives its exact divergence ∇·u_t(x)
// (trace of the Jacobian), the integrand of eq. 13–14.
type DivergenceField interface {
	Field
	// VelocityDivergence writes u_t(x) into out and ∇·u_t(x) of each row into div (len = rows of x).
	VelocityDivergence(t float64, x, out *mat.Dense, div []float64)
}

// JacobianField is a Field that also gives exact Jacobian-vector products
// (∂u_t/∂x)·v, as the trained network does (nn.Network.JVP, forward mode).
// Hutchinson's estimator of the divergence then uses them instead of
// central differences of the velocity.
type JacobianField interface {
	Field
	// JVP writes (∂u_t(x_i)/∂x)·v_i into row i of out.
	JVP(t float64, x, v, out *mat.Dense)
}

// DivergenceFunc lets a plain Go func that computes a velocity together with
// its exact divergence be a DivergenceField.
type DivergenceFunc func(t float64, x, out *mat.Dense, div []float64)

// Velocity computes u_t(x) by calling f and discarding the divergence.
func (f DivergenceFunc) Velocity(t float64, x, out *mat.Dense) {
	r, _ := x.Dims()
	f(t, x, out, make([]float64, r))
}

// VelocityDivergence calls f(t, x, out, div).
func (f DivergenceFunc) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	f(t, x, out, div)
}
