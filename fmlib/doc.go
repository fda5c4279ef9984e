// Package fmlib is a flow-matching library: probability paths, exact
// marginal densities and vector fields for known data, ODE solvers,
// likelihoods, discrete and residual normalizing flows, 2D data and metrics.
// Equation numbers refer to the course's reference notes
// (shared/reference/flow-matching-notes.md).
//
// # Conventions
//
// Time runs from t = 0 (noise, p_0 = N(0, I)) to t = 1 (data, q_1). A batch
// of points is a *mat.Dense with one point per row, in float64. A vector
// field is a Field (or a FieldFunc, so a func literal works):
// dx/dt = u_t(x) (eq. 8) moves noise onto data.
//
// # Paths
//
// A conditional path p_t(x|x1) = N(α_t x1, σ_t² I) (eq. 25) is sampled by
// ψ_t(x0|x1) = σ_t x0 + α_t x1 (eq. 26) and moves with the conditional field
// u_t(x|x1) = (σ'_t/σ_t)(x − α_t x1) + α'_t x1 (eq. 31). OTPath(σ_min) is
// eq. 34–35; VEPath and VPPath are the diffusion paths of eq. 32–33. Training
// regresses a field onto u_t(x_t|x1) (eq. 20, CFMLoss); its minimiser is the
// marginal field of eq. 19.
//
// # Exact marginals
//
// For data that is a finite point set (Empirical) or a Gaussian mixture
// (GaussianMixture), the marginal density p_t(x) = ∫ p_t(x|x1) q(x1) dx1
// (eq. 16) and marginal field u_t(x) = E[u_t(x|x1) | x_t = x] (eq. 19) are
// available in closed form, with their divergence, computed in log space.
//
// # Solving and likelihood
//
// Solve integrates dx/dt = u_t(x) with Euler, midpoint, Heun, RK4 or adaptive
// Dormand–Prince 5(4), forwards or backwards, never evaluating the field
// outside the interval. LogLikelihood integrates eq. 14,
// log p_1(x1) = log p_0(x0) − ∫_0^1 ∇·u_t(x_t) dt, backwards from the data,
// with an exact, finite-difference or Hutchinson divergence.
//
// # Maximum likelihood
//
// TrainMaxLikelihood trains a network as a continuous normalizing flow on
// eq. 14 itself: −log p_1 of a data batch, integrated from the data back to
// the noise with a fixed-step solver and differentiated exactly through its
// steps (second-order terms written out in nn); MaxLikelihoodGradient gives
// one batch's loss and gradient. Notebook 09 sets it against flow matching.
//
// # Normalizing flows
//
// Sections 1–2 of the notes: Layer values (AffineLayer, PlanarLayer,
// RadialLayer, ResidualLayer) with forward maps, inverses and exact
// log|det J|, composed by Compose into a Flow whose LogDensity is eq. 5.
// A ResidualLayer is the step x + δu(x) of eq. 6 with its Lipschitz bound
// certified by spectral norms and its inverse by fixed-point iteration.
//
// # Data and metrics
//
// Seeded 2D samplers (Moons, EightGaussians, Checkerboard, Circles,
// Spirals, and DataSampler values for training loops), Gaussian mixtures
// with exact densities, and sample-set comparisons: W2 by the exact
// Assignment solver (reused for minibatch OT couplings), EnergyDistance,
// MMD2 and the path energy of trajectories.
//
// Long computations check github.com/gophlow/gophlow/interrupt so a notebook
// kernel can stop them.
package fmlib
