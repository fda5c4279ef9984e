// Package check tests a student's implementation of a step of flow matching
// against fmlib's reference, for the course's classroom exercises
// (notebooks/exercises).
//
// Each function takes the student's Go function, calls it on seeded random
// inputs, compares what comes back with the reference computation and
// returns a *Result. A notebook shows a Result as a green or red box (it
// renders itself); on failure it says which input failed, what was expected,
// what came back and a hint about the usual mistake. A student function that
// panics — for example the stub panic("exercise: write your solution here")
// of a stripped notebook — fails the check with the panic's message; it never
// takes the notebook down.
//
// The checks and the equations of the reference notes they cover:
//
//   - AffineLogDensity: the change of variables of an affine flow (eq. 2–3)
//   - OTSample: ψ_t(x0|x1) = (1 − (1 − σ_min) t) x0 + t x1 (eq. 26, 34)
//   - OTTarget: u_t(x|x1) = x1 − (1 − σ_min) x0 (eq. 35)
//   - MarginalField: u_t(x) for a finite data set (eq. 19)
//   - CFMLoss: the conditional flow-matching loss of eq. 37 on a batch
//   - EulerSampler: Algorithm 2, x_{t+δ} = x_t + δ u_t(x_t)
//   - Hutchinson: tr J ≈ (1/K) Σ_k ε_kᵀ J ε_k, the divergence estimator used
//     for eq. 14
//
// Inputs are drawn from fixed seeds, so a check gives the same verdict every
// time it runs. Functions take plain Go types ([]float64 per point, or
// *mat.Dense batches with one point per row, as in fmlib) so that a function
// typed in a notebook cell can be passed directly.
package check
