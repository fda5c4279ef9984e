package nn

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// engine holds the parameters and work buffers of an MLP in precision T.
// Parameters, gradients and optimizer state are flat slices; the per-layer
// weights and biases are views into them, so optimizers, clipping, the EMA
// and save/load work on one array.
type engine[T float] struct {
	cfg   Config
	sizes []int // sizes[0] is the input width, sizes[l+1] the output width of layer l
	tdim  int   // time-feature columns

	params, grads []T
	w, b, gw, gb  [][]T // layer l: w[l] is sizes[l+1]×sizes[l] (PyTorch layout), b[l] has sizes[l+1]
	emb, gemb     []T   // (Classes+1)×EmbedDim, the last row is the null class Φ

	m, v, ema []T // optimizer moments (SGD uses m as its momentum buffer) and EMA weights

	grads2   []T   // the dense layers' gradients from the helper's half of a split batch
	gw2, gb2 [][]T // views into grads2 laid out as gw and gb

	good, goodEMA []T // the weights and moving average before the last update (keepGood)

	capIO, capRows int   // the rows the input and output, and the per-layer buffers, hold
	in, din        []T   // rows×sizes[0] input and its gradient
	z              [][]T // z[l]: rows×sizes[l+1] pre-activations (z[L-1] is the output)
	h              [][]T // h[l]: rows×sizes[l+1] activations of hidden layer l
	deriv          [][]T // σ'(z[l]) of hidden layer l
	dz             [][]T // ∂loss/∂z[l]
	ones           []T
	class          []int         // the class of each loaded row
	feat           []T           // the time features of a shared t
	done           chan struct{} // completion of the helper's half of a split pass
	pass           pass          // the pass split over the rows (see split)
	second         rowHalf[T]    // the helper's half of it

	fused inference      // the fused kernel's buffers (infer.go)
	tiles tilePlan       // the training passes' tile kernels (tiles.go)
	so    secondOrder[T] // the second-order passes' buffers (secondorder.go)

	capTan     int
	tanIn      []T // R×Dim input tangents
	tanA, tanB []T // R×max width tangent ping-pong buffers
}

// newEngine lays out the parameters of cfg (already validated) and
// initialises them as PyTorch does: nn.Linear draws weights and biases from
// U(−1/√fan_in, 1/√fan_in); nn.Embedding from N(0, 1).
func newEngine[T float](cfg Config) *engine[T] {
	e := &engine[T]{cfg: cfg, tdim: cfg.timeFeatures()}
	e.feat = make([]T, e.tdim)
	e.done = make(chan struct{})
	e.sizes = append([]int{cfg.inputs()}, cfg.Hidden...)
	e.sizes = append(e.sizes, cfg.Dim)
	n := 0
	for l := 0; l+1 < len(e.sizes); l++ {
		n += e.sizes[l+1]*e.sizes[l] + e.sizes[l+1]
	}
	e.grads2 = make([]T, n)
	n += (cfg.Classes + 1) * cfg.EmbedDim
	if cfg.Classes == 0 {
		n -= cfg.EmbedDim
	}
	e.params, e.grads = make([]T, n), make([]T, n)
	off := 0
	take := func(k int) (p, g []T) {
		p, g = e.params[off:off+k:off+k], e.grads[off:off+k:off+k]
		off += k
		return p, g
	}
	for l := 0; l+1 < len(e.sizes); l++ {
		w, gw := take(e.sizes[l+1] * e.sizes[l])
		e.w, e.gw, e.gw2 = append(e.w, w), append(e.gw, gw), append(e.gw2, e.grads2[off-len(w):off])
		b, gb := take(e.sizes[l+1])
		e.b, e.gb, e.gb2 = append(e.b, b), append(e.gb, gb), append(e.gb2, e.grads2[off-len(b):off])
	}
	if cfg.Classes > 0 {
		e.emb, e.gemb = take((cfg.Classes + 1) * cfg.EmbedDim)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e6e696e6974))
	for l := range e.w {
		bound := 1 / math.Sqrt(float64(e.sizes[l]))
		for i := range e.w[l] {
			e.w[l][i] = T(bound * (2*rng.Float64() - 1))
		}
		for i := range e.b[l] {
			e.b[l][i] = T(bound * (2*rng.Float64() - 1))
		}
	}
	for i := range e.emb {
		e.emb[i] = T(rng.NormFloat64())
	}
	e.planTiles()
	return e
}

// layers is the number of dense layers.
func (e *engine[T]) layers() int { return len(e.w) }

// ensureIO grows the input, output and class buffers to hold rows rows:
// all that the fused inference kernel needs besides its fixed work space.
func (e *engine[T]) ensureIO(rows int) {
	if rows <= e.capIO {
		return
	}
	if e.z == nil {
		e.z = make([][]T, e.layers())
	}
	e.in = make([]T, rows*e.sizes[0])
	e.z[e.layers()-1] = make([]T, rows*e.cfg.Dim)
	e.class = make([]int, rows)
	e.capIO = rows
}

// ensure grows, beyond ensureIO, the buffers that passes keeping every
// layer's values need (activations, σ', gradients) to hold rows rows.
// Inference reaches it with at most blockRows rows, training with its batch.
func (e *engine[T]) ensure(rows int) {
	e.ensureIO(rows)
	if rows <= e.capRows {
		return
	}
	L := e.layers()
	e.din = make([]T, rows*e.sizes[0])
	e.h, e.deriv, e.dz = make([][]T, L), make([][]T, L), make([][]T, L)
	for l := 0; l < L; l++ {
		k := rows * e.sizes[l+1]
		e.dz[l] = make([]T, k)
		if l < L-1 {
			e.z[l], e.h[l], e.deriv[l] = make([]T, k), make([]T, k), make([]T, k)
		}
	}
	e.ones = make([]T, rows)
	for i := range e.ones {
		e.ones[i] = 1
	}
	e.capRows = rows
}

// ensureTangents grows the tangent buffers to R rows.
func (e *engine[T]) ensureTangents(R int) {
	if R <= e.capTan {
		return
	}
	width := 0
	for _, s := range e.sizes[1:] {
		width = max(width, s)
	}
	e.tanIn = make([]T, R*e.cfg.Dim)
	e.tanA, e.tanB = make([]T, R*width), make([]T, R*width)
	e.capTan = R
}

// load fills the input rows: x, the time features of t (or of ts[i] per
// row when ts is not nil), and the embedding of class[i] (or of classAll
// for every row when class is nil). It returns the number of rows.
func (e *engine[T]) load(x *mat.Dense, t float64, ts []float64, class []int, classAll int) int {
	raw := x.RawMatrix()
	rows, d, in := raw.Rows, e.cfg.Dim, e.sizes[0]
	e.ensureIO(rows)
	if ts == nil {
		e.timeFeatures(t, e.feat)
	}
	for i := 0; i < rows; i++ {
		dst := e.in[i*in : (i+1)*in]
		for j, v := range raw.Data[i*raw.Stride : i*raw.Stride+d] {
			dst[j] = T(v)
		}
		if ts != nil {
			e.timeFeatures(ts[i], dst[d:d+e.tdim])
		} else {
			copy(dst[d:d+e.tdim], e.feat)
		}
		if e.cfg.Classes > 0 {
			c := classAll
			if class != nil {
				c = class[i]
			}
			e.class[i] = c
			E := e.cfg.EmbedDim
			copy(dst[d+e.tdim:], e.emb[c*E:(c+1)*E])
		}
	}
	return rows
}

// timeFeatures writes the encoding of t into dst.
func (e *engine[T]) timeFeatures(t float64, dst []T) {
	if e.cfg.Time == TimeRaw {
		dst[0] = T(t)
		return
	}
	for k := 1; k <= e.cfg.Frequencies; k++ {
		s, c := math.Sincos(2 * math.Pi * float64(k) * t)
		dst[2*(k-1)], dst[2*(k-1)+1] = T(s), T(c)
	}
}

// forward runs the loaded rows through the network, keeping σ' for the
// backward and tangent passes when withDeriv.
func (e *engine[T]) forward(rows int, withDeriv bool) {
	e.pass = pass{kind: passForward, withDeriv: withDeriv}
	e.split(rows)
}

// forwardRows is forward on the rows [lo, hi).
func (e *engine[T]) forwardRows(lo, hi int, withDeriv bool) {
	L, n := e.layers(), hi-lo
	inp := e.in[lo*e.sizes[0] : hi*e.sizes[0]]
	for l := 0; l < L; l++ {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		var deriv []T
		if withDeriv && l < L-1 {
			deriv = e.deriv[l][lo*nOut : hi*nOut]
		}
		if p := &e.tiles; l < L-1 && p.forward(l) {
			h := e.h[l][lo*nOut : hi*nOut]
			if l == 0 && p.first != nil {
				firstLayer32(as32(inp), n, nIn, p.first, as32(e.b[0]), nOut, e.cfg.Activation, as32(h), as32(deriv))
			} else {
				denseAct32(as32(inp), n, nIn, p.fwd[l], nOut, as32(e.b[l]), e.cfg.Activation, as32(h), as32(deriv))
			}
			inp = h
			continue
		}
		z := e.z[l][lo*nOut : hi*nOut]
		fillRows(z, e.b[l])
		gemmSerial(false, true, n, nOut, nIn, 1, inp, nIn, e.w[l], nIn, 1, z, nOut)
		if l == L-1 {
			break
		}
		inp = e.h[l][lo*nOut : hi*nOut]
		activate(e.cfg.Activation, z, inp, deriv)
	}
}

// fillRows sets every row of the row-major dst (rows of len(row)) to row,
// doubling the filled part with each copy: log₂(rows) copies instead of
// one per row.
func fillRows[T float](dst, row []T) {
	if len(dst) == 0 {
		return
	}
	n := copy(dst, row)
	for n < len(dst) {
		n += copy(dst[n:], dst[:n])
	}
}

// outputTo copies the network output of the loaded rows into out.
func (e *engine[T]) outputTo(rows int, out *mat.Dense) {
	raw := out.RawMatrix()
	d := e.cfg.Dim
	z := e.z[e.layers()-1]
	for i := 0; i < rows; i++ {
		dst := raw.Data[i*raw.Stride : i*raw.Stride+d]
		for j := range dst {
			dst[j] = float64(z[i*d+j])
		}
	}
}

// backward propagates dz[L-1] (set by the caller) to the parameter
// gradients when paramGrads, and to the input gradient din when inputGrad.
func (e *engine[T]) backward(rows int, paramGrads, inputGrad bool) {
	e.pass = pass{kind: passBackward, paramGrads: paramGrads, inputGrad: inputGrad}
	e.finishBackward(rows, e.split(rows))
}

// finishBackward adds the helper's half of a split batch's parameter
// gradients to the caller's and forms the embedding's gradient from the
// input gradient.
func (e *engine[T]) finishBackward(rows int, split bool) {
	if !e.pass.paramGrads {
		return
	}
	if split {
		axpy(1, e.grads2, e.grads[:len(e.grads2)])
	}
	if e.cfg.Classes > 0 {
		clear(e.gemb)
		E, in, off := e.cfg.EmbedDim, e.sizes[0], e.cfg.Dim+e.tdim
		for i := 0; i < rows; i++ {
			g := e.gemb[e.class[i]*E : (e.class[i]+1)*E]
			for j, v := range e.din[i*in+off : i*in+off+E] {
				g[j] += v
			}
		}
	}
}

// backwardRows is backward on the rows [lo, hi); the parameter gradients
// of half h = 1 of a split batch go to gw2 and gb2.
func (e *engine[T]) backwardRows(lo, hi, h int, paramGrads, inputGrad bool) {
	L, n := e.layers(), hi-lo
	gw, gb := e.gw, e.gb
	if h == 1 {
		gw, gb = e.gw2, e.gb2
	}
	for l := L - 1; l >= 0; l-- {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		inp := e.in
		if l > 0 {
			inp = e.h[l-1]
		}
		inp = inp[lo*nIn : hi*nIn]
		dz := e.dz[l][lo*nOut : hi*nOut]
		if paramGrads {
			if e.tiles.grad != nil && e.tiles.grad[l] {
				gradW32(as32(dz), n, nOut, as32(inp), nIn, as32(gw[l]))
			} else {
				gemmSerial(true, false, nOut, nIn, n, 1, dz, nOut, inp, nIn, 0, gw[l], nIn)
			}
			if l == L-1 { // the bias gradients of the hidden layers come with their σ' factor, below
				gemvT(n, nOut, 1, dz, nOut, e.ones[:n], 0, gb[l])
			}
		}
		if l > 0 {
			prev := e.dz[l-1][lo*nIn : hi*nIn]
			if e.tiles.back != nil && e.tiles.back[l] != nil {
				var sums []float32
				if paramGrads {
					sums = as32(gb[l-1])
				}
				backData32(as32(dz), n, nOut, e.tiles.back[l], nIn, as32(e.deriv[l-1][lo*nIn:hi*nIn]), as32(prev), sums)
				continue
			}
			gemmSerial(false, false, n, nIn, nOut, 1, dz, nOut, e.w[l], nIn, 0, prev, nIn)
			if paramGrads {
				multiplySums(prev, e.deriv[l-1][lo*nIn:hi*nIn], gb[l-1])
			} else {
				multiply(prev, e.deriv[l-1][lo*nIn:hi*nIn])
			}
		} else if inputGrad {
			gemmSerial(false, false, n, nIn, nOut, 1, dz, nOut, e.w[0], nIn, 0, e.din[lo*nIn:hi*nIn], nIn)
		}
	}
}

// mulInto multiplies a by b elementwise, on two cores when they are long.
func (e *engine[T]) mulInto(a, b []T) {
	if is32[T]() && mul32Split(as32(a), as32(b), e.done) {
		return
	}
	multiply(a, b)
}

// multiply multiplies a by b elementwise on the calling goroutine.
func multiply[T float](a, b []T) {
	if is32[T]() && mul32(as32(a), as32(b)) {
		return
	}
	for i, d := range b {
		a[i] *= d
	}
}

// multiplySums multiplies a by b elementwise and writes the column sums of
// the product (rows of len(sums)) into sums, on the calling goroutine.
func multiplySums[T float](a, b, sums []T) {
	if is32[T]() && mulSums32(as32(a), as32(b), as32(sums)) {
		return
	}
	clear(sums)
	cols := len(sums)
	for i, d := range b {
		a[i] *= d
		sums[i%cols] += a[i]
	}
}

// mseGradient runs the loaded rows forward and computes the mean squared
// error (mean over rows and coordinates, PyTorch's MSELoss) between the
// output and target, and the gradients of the parameters. The loss is
// accumulated in float64.
func (e *engine[T]) mseGradient(rows int, target *mat.Dense) float64 {
	e.pass = pass{kind: passLoss, paramGrads: true, inputGrad: e.cfg.Classes > 0, target: target.RawMatrix()}
	e.finishBackward(rows, e.split(rows))
	e.pass.target = blas64.General{} // not kept past the call
	return (e.pass.loss[0] + e.pass.loss[1]) / float64(rows*e.cfg.Dim)
}

// lossRows sets dz[L-1] on the rows [lo, hi) to the gradient of the mean
// squared error over all rows and returns their sum of squared errors.
func (e *engine[T]) lossRows(lo, hi, rows int) float64 {
	raw, d := e.pass.target, e.cfg.Dim
	out := e.z[e.layers()-1]
	dz := e.dz[e.layers()-1]
	scale := 2 / float64(rows*d)
	var sum float64
	for i := lo; i < hi; i++ {
		tr := raw.Data[i*raw.Stride : i*raw.Stride+d]
		for j, tv := range tr {
			diff := float64(out[i*d+j]) - tv
			sum += diff * diff
			dz[i*d+j] = T(scale * diff)
		}
	}
	return sum
}

// tangents pushes the R = k·rows input tangents in tanIn through the
// network linearised at the loaded rows (tangent row r uses row r mod rows)
// and leaves the output tangents J·v in tanA (R×Dim).
func (e *engine[T]) tangents(rows, R int) {
	d := e.cfg.Dim
	n1 := e.sizes[1]
	gemm(false, true, R, n1, d, 1, e.tanIn[:R*d], d, e.w[0], e.sizes[0], 0, e.tanA[:R*n1], n1, e.done)
	for l := 1; l < e.layers(); l++ {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		a := e.tanA[:R*nIn]
		deriv := e.deriv[l-1][:rows*nIn]
		for r := 0; r < R; r += rows {
			e.mulInto(a[r*nIn:(r+rows)*nIn], deriv)
		}
		gemm(false, true, R, nOut, nIn, 1, a, nIn, e.w[l], nIn, 0, e.tanB[:R*nOut], nOut, e.done)
		e.tanA, e.tanB = e.tanB, e.tanA
	}
}

// divergence writes the exact trace of ∂u/∂x of every loaded row into div
// (after forward with derivatives): d tangents e_1…e_d per row in one pass.
func (e *engine[T]) divergence(rows int, div []float64) {
	d := e.cfg.Dim
	R := d * rows
	e.ensureTangents(R)
	tan := e.tanIn[:R*d]
	clear(tan)
	for k := 0; k < d; k++ {
		for i := 0; i < rows; i++ {
			tan[(k*rows+i)*d+k] = 1
		}
	}
	e.tangents(rows, R)
	for i := 0; i < rows; i++ {
		var s float64
		for k := 0; k < d; k++ {
			s += float64(e.tanA[(k*rows+i)*d+k])
		}
		div[i] = s
	}
}

// jvp writes J·v of every loaded row into out (after forward with derivatives).
func (e *engine[T]) jvp(rows int, v, out *mat.Dense) {
	d := e.cfg.Dim
	e.ensureTangents(rows)
	rv := v.RawMatrix()
	for i := 0; i < rows; i++ {
		for j, x := range rv.Data[i*rv.Stride : i*rv.Stride+d] {
			e.tanIn[i*d+j] = T(x)
		}
	}
	e.tangents(rows, rows)
	ro := out.RawMatrix()
	for i := 0; i < rows; i++ {
		for j := 0; j < d; j++ {
			ro.Data[i*ro.Stride+j] = float64(e.tanA[i*d+j])
		}
	}
}

// vjp writes vᵀ·J of every loaded row into out (after forward with derivatives).
func (e *engine[T]) vjp(rows int, v, out *mat.Dense) {
	d := e.cfg.Dim
	rv := v.RawMatrix()
	dz := e.dz[e.layers()-1]
	for i := 0; i < rows; i++ {
		for j, x := range rv.Data[i*rv.Stride : i*rv.Stride+d] {
			dz[i*d+j] = T(x)
		}
	}
	e.backward(rows, false, true)
	ro := out.RawMatrix()
	in := e.sizes[0]
	for i := 0; i < rows; i++ {
		for j := 0; j < d; j++ {
			ro.Data[i*ro.Stride+j] = float64(e.din[i*in+j])
		}
	}
}
