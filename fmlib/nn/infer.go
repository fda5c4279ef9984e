package nn

import "runtime"

// Inference (Velocity, VelocityDivergence and their class forms) in float32
// with the C kernels runs fused (infer_openblas.go): the two cores take
// chunks of inferChunk rows from a shared counter and push each through
// every layer, so the activations, σ' and tangents of a chunk stay in the
// core's cache instead of streaming the whole batch through memory once per
// layer and pass. The divergence (eq. 13–14) is the forward-mode trace of
// engine.divergence, with layer 0's tangents formed without a product and
// only the diagonal of the last layer's product computed.

// inferChunk is the number of rows a core carries through all layers at
// once: 128 rows of width 128 with their tangents fit in a 512 KiB L2 cache.
const inferChunk = 128

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
