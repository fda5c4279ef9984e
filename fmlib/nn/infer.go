package nn

import (
	"runtime"
	"unsafe"
)

// Inference (Velocity, VelocityDivergence and their class forms) in float32
// with the C kernels runs fused (infer_openblas.go): the two cores take
// chunks of inferChunk rows from a shared counter and push each through
// every layer, so the activations, σ' and tangents of a chunk stay in the
// core's cache instead of streaming the whole batch through memory once per
// layer and pass. The divergence (eq. 13–14) is the forward-mode trace of
// engine.divergence, with layer 0's tangents formed without a product and
// only the diagonal of the last layer's product computed. On a processor
// with AVX-512 the kernel's products and activations use its sixteen-lane
// registers (twice AVX2's FMA peak on the Zen 5 of issue 15), with the
// same results bit for bit.

// inferChunk is the number of rows a core carries through all layers at
// once: 128 rows of width 128 with their tangents fit in a 512 KiB L2 cache.
const inferChunk = 128

// Inference calls hand the engine at most blockRows rows at a time (the rows
// are independent), so that their memory is the points' own plus a work
// space that does not grow with the batch: the fused kernel needs only the
// block's input and output, and the layer-by-layer passes keep every
// layer's values for the block alone.

// inferBlock is the block of the fused kernel, a multiple of inferChunk so
// that a row falls in the same chunk as in one call on the whole batch, and
// long enough (128 chunks) that the two cores' last chunks, which meet at
// the end of each block, cost under 1% of its time.
const inferBlock = 128 * inferChunk

// blockBytes bounds the per-layer buffers of a block of the layer-by-layer
// passes.
const blockBytes = 32 << 20

// blockRows is the number of rows an inference call evaluates at once when
// each row carries k tangents (0 for the velocity, Dim for the exact
// divergence, one for a JVP or VJP, one per probe for Hutchinson's):
// inferBlock when the call is an evaluate the fused kernel runs, else as
// many as fit blockBytes (at least inferChunk, at most inferBlock).
func (e *engine[T]) blockRows(k int, evaluate bool) int {
	if evaluate && e.fusable() {
		return inferBlock
	}
	sum, widest := 0, 0
	for _, s := range e.sizes[1:] {
		sum, widest = sum+s, max(widest, s)
	}
	// The input and its gradient; z, h, σ' and ∂z of every layer; each
	// tangent's values and cotangents through every layer, and the
	// ping-pong buffers.
	floats := 2*e.sizes[0] + 4*sum + k*(2*sum+4*widest+e.cfg.Dim)
	var zero T
	rows := blockBytes / (floats * int(unsafe.Sizeof(zero))) / inferChunk * inferChunk
	return min(inferBlock, max(inferChunk, rows))
}

// inference holds the fused kernel's buffers between calls.
type inference struct {
	sizes []int32      // the layer widths, as the C kernel reads them
	work  [2][]float32 // one work space per core
	div   []float32    // the divergence of each row
	claim [1]int64     // the next chunk to take, shared by the two cores
}

// fusable reports whether the fused kernel can evaluate the network (its
// per-layer tables hold up to 64 hidden layers).
func (e *engine[T]) fusable() bool {
	return nativeKernels && is32[T]() && hasNative(e.cfg.Activation) && e.layers() >= 2 && e.layers() <= 65
}

// evaluate runs the loaded rows through the network, leaving the output in
// z[L-1], and writes the exact divergence of each row into div unless div
// is nil.
func (e *engine[T]) evaluate(rows int, div []float64) {
	if e.fusable() && rows > 0 {
		e.infer(rows, div)
		return
	}
	e.forward(rows, div != nil)
	if div != nil {
		e.divergence(rows, div)
	}
}

// infer is evaluate by the fused kernel, on two cores when there are rows
// enough for both.
func (e *engine[T]) infer(rows int, div []float64) {
	f := &e.fused
	withDiv := div != nil
	if f.sizes == nil {
		for _, s := range e.sizes {
			f.sizes = append(f.sizes, int32(s))
		}
	}
	if n := inferWork(f.sizes, inferChunk, withDiv); len(f.work[0]) < n {
		f.work[0], f.work[1] = make([]float32, n), make([]float32, n)
	}
	var div32 []float32
	if withDiv {
		if len(f.div) < rows {
			f.div = make([]float32, rows)
		}
		div32 = f.div[:rows]
	}
	params, in, out := as32(e.params), as32(e.in), as32(e.z[e.layers()-1])
	act := e.cfg.Activation
	if rows < 2*inferChunk || runtime.GOMAXPROCS(0) < 2 {
		inferNative(params, f.sizes, act, in, rows, out, div32, f.work[0], inferChunk, nil)
	} else {
		// Both cores take chunks from one counter until none is left, so a
		// core slowed by other work does less of it. A row is computed in
		// the same chunk whichever core takes it: the results do not depend
		// on the split.
		f.claim[0] = 0
		sendInfer(inferArgs{params: params, sizes: f.sizes, act: act, in: in, rows: rows, out: out, div: div32,
			work: f.work[1], claim: f.claim[:]}, e.done)
		inferNative(params, f.sizes, act, in, rows, out, div32, f.work[0], inferChunk, f.claim[:])
		<-e.done
	}
	for i, v := range f.div[:len(div)] {
		div[i] = float64(v)
	}
}

// inferArgs are the arguments of one inferNative call.
type inferArgs struct {
	params, in, out, div, work []float32
	sizes                      []int32
	act                        Activation
	rows                       int
	claim                      []int64
}

// run calls inferNative with the arguments.
func (a *inferArgs) run() {
	inferNative(a.params, a.sizes, a.act, a.in, a.rows, a.out, a.div, a.work, inferChunk, a.claim)
}
