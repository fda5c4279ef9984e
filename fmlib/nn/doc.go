// Package nn is the neural vector field of gophlow's flow matching: a
// multilayer perceptron u_θ(t, x[, c]) written out by hand (forward,
// backward, Jacobian products; no autograd framework), its optimizers and
// its file format.
//
// # The network
//
// The input of a row is the concatenation [x, τ(t), E_c]: the point x ∈ R^d,
// time features τ(t) (t itself, or sin(2πkt), cos(2πkt) for k = 1…F) and,
// for a class-conditional network (eq. 38 of the reference notes), a learned
// embedding E_c of the class c, where the extra class Φ = Config.Classes is
// the "no prompt" class of classifier-free guidance (eq. 40). Dense layers
// z_l = h_{l−1} W_lᵀ + b_l with activation h_l = σ(z_l) follow, and a last
// dense layer gives u ∈ R^d. Weights are initialised as PyTorch's
// nn.Linear (U(±1/√fan_in)) so runs compare with PyTorch scripts.
//
// A batch is a matrix with one point per row, so every dense layer is one
// matrix product, computed by gonum's blas32 (float32, the default) or
// blas64 (Config.Float64) interfaces. Built with cgo, the package plugs
// OpenBLAS into both (link flag -lopenblas, Debian's libopenblas-dev), runs
// it single-threaded and splits a large batch over two cores itself (one
// half of the rows per core through the whole forward and backward pass),
// computes the input and output layers' thin products, activations, σ'
// products, Adam and the weight average with vectorised C loops, and the
// training passes' hidden-to-hidden products of float32 networks whose
// widths are multiples of 16 on its own register tiles, AVX-512 where the
// processor has it (tiles.go); with CGO_ENABLED=0 or the purego tag gonum's pure-Go
// BLAS and Go loops are used. BLASBackend says which is active. Plugging
// OpenBLAS in is process-wide: every gonum blas32/blas64 user (mat.Dense
// products included) then runs on single-threaded OpenBLAS.
//
// # Derivatives
//
// Backward (reverse mode): with δ_L = ∂ℓ/∂u, ∂ℓ/∂W_l = δ_lᵀ h_{l−1},
// ∂ℓ/∂b_l = Σ_rows δ_l and δ_{l−1} = (δ_l W_l) ⊙ σ'(z_{l−1}). The training
// loss is PyTorch's MSELoss of the regression of eq. 36–37: the mean over
// rows and coordinates of (u_θ(t, x_t) − u_t(x_t|x_1))².
//
// Forward mode gives J·v = ∂u/∂x·v by pushing the tangent v through the
// linearised layers, ζ_1 = v W_1[:, :d]ᵀ, ζ_l = (ζ_{l−1} ⊙ σ'(z_{l−1})) W_lᵀ.
// The divergence ∇·u = tr(∂u/∂x), the integrand of the log-likelihood
// (eq. 13–14), is Σ_k (J e_k)_k: the d unit tangents of every row are
// stacked into one batch of d·rows tangent rows, so the exact trace costs
// one extra pass d times as wide as the forward (cheap for small d).
// vᵀ·J is the backward pass stopped at the input.
//
// Maximum-likelihood training of a continuous flow (fmlib.TrainMaxLikelihood,
// eq. 14 as the loss) needs the gradient of the divergence itself, with
// respect to the weights and to x: AddDivergenceGradient runs the forward
// pass keeping σ' and σ″, pushes K tangents per row through it (the Dim unit
// vectors, or K Hutchinson probes), and reverses through both; the σ″ terms
// are where the divergence's dependence on the weights enters. Its cost is
// about 3(1+K) forward passes of the batch.
//
// # Training state
//
// A Network carries its optimizer (Adam, AdamW, SGD with momentum, with
// PyTorch's defaults and update rules), optional gradient clipping and
// learning-rate schedule, the step count and an optional exponential moving
// average of the weights. Save writes all of it atomically with a checksum
// (see Save for the format) and Load restores it exactly, so training can
// stop and resume. The training loop over probability paths and couplings
// is fmlib.Train.
package nn
