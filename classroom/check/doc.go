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
// The checks, by problem set (notebooks/exercises/NN-…-exercises.ipynb),
// with the equations of the reference notes they cover:
//
//   - 01: AffineDensityByHand, AffineLogDensity (eq. 2–3), PlanarLogDet,
//     JacobianLogDet, FlowLogDensity (eq. 4–5)
//   - 02: ResidualInverse, ResidualContraction (eq. 6–7), TransportResidual
//     (eq. 11), LogDensityAlongPath (eq. 13–14)
//   - 03: MarginalFieldByHand, MarginalField, MixtureField (eq. 19), OTSample
//     (eq. 34), OTTarget (eq. 35), GradientEstimates (eq. 21–24)
//   - 04: TrainingBatch, CFMLoss (eq. 37, Algorithm 1), EulerSampler,
//     MidpointSampler (Algorithm 2), LossFloor
//   - 05: DivergenceByHand, DivergenceFD, Hutchinson, LinearFlowLogDensity
//     (eq. 13–14)
//   - 06: VESigmaByHand, VECoefficients (eq. 32), VPCoefficients (eq. 33),
//     ConditionalField (eq. 31), EndpointLogDensity (σ_min, eq. 18)
//   - 07: GuidedVelocity (eq. 40), ClassDropout (eq. 38), GaussianClassField
//   - 08: SquaredCosts, BestCoupling, SortedCoupling (minibatch OT)
//   - 09: MLStepCostByHand, MaxLikelihoodLoss, MaxLikelihoodGradient (eq. 14
//     as a training loss), HutchinsonVariance
//
// A check of a number worked out by hand (the …ByHand functions) does not
// show the expected value when it fails: that value is the answer.
//
// Inputs are drawn from fixed seeds, so a check gives the same verdict every
// time it runs. Functions take plain Go types ([]float64 per point, or
// *mat.Dense batches with one point per row, as in fmlib) so that a function
// typed in a notebook cell can be passed directly.
package check
