package nn

import (
	"runtime"
	"sync"

	"gonum.org/v1/gonum/blas/blas64"
)

// Large batches run on two cores: the caller does the first half and a
// helper goroutine the second. A forward or backward pass of the network is
// split by rows as a whole (every row's activations depend on that row
// only), so the two cores meet once per pass rather than once per product
// and elementwise pass, and each half's weight gradient is a sum over its own
// rows, added together at the end. The tangent passes split each product
// and σ' product. The helper is one goroutine for the whole package, fed
// through a channel, so a split allocates nothing; OpenBLAS itself runs
// single-threaded, so no BLAS threads spin between products.

// splitMin is the element count from which an elementwise pass is split.
const splitMin = 1 << 16

// halfJob is the helper's half of a pass over the rows, an elementwise
// pass or a product.
type halfJob struct {
	kind jobKind
	z, h []float32
	rows runner
	g32  gemmArgs[float32]
	g64  gemmArgs[float64]
	inf  inferArgs
	done chan struct{}
}

// jobKind says what a halfJob computes.
type jobKind int

const (
	jobRows   jobKind = iota // rows.run()
	jobMul                   // mul32(z, h)
	jobGemm32                // g32.run()
	jobGemm64                // g64.run()
	jobInfer                 // inf.run()
)

var helper struct {
	once sync.Once
	jobs chan halfJob
}

// startHelper starts the helper goroutine once.
func startHelper() {
	helper.once.Do(func() { helper.jobs = make(chan halfJob); go runHelper() })
}

// sendGemm hands one half of a product to the helper, which signals done.
func sendGemm[T float](g gemmArgs[T], done chan struct{}) {
	startHelper()
	if is32[T]() {
		var j halfJob
		j.kind, j.done = jobGemm32, done
		j.g32 = gemmArgs[float32]{tA: g.tA, tB: g.tB, m: g.m, n: g.n, k: g.k, alpha: float32(g.alpha), beta: float32(g.beta),
			a: as32(g.a), b: as32(g.b), c: as32(g.c), lda: g.lda, ldb: g.ldb, ldc: g.ldc}
		helper.jobs <- j
		return
	}
	var j halfJob
	j.kind, j.done = jobGemm64, done
	j.g64 = gemmArgs[float64]{tA: g.tA, tB: g.tB, m: g.m, n: g.n, k: g.k, alpha: float64(g.alpha), beta: float64(g.beta),
		a: as64(g.a), b: as64(g.b), c: as64(g.c), lda: g.lda, ldb: g.ldb, ldc: g.ldc}
	helper.jobs <- j
}

// sendInfer hands the helper a share of a fused evaluation (it takes
// chunks until none is left) and the helper signals done.
func sendInfer(a inferArgs, done chan struct{}) {
	startHelper()
	helper.jobs <- halfJob{kind: jobInfer, inf: a, done: done}
}

// runHelper executes half jobs forever.
func runHelper() {
	for j := range helper.jobs {
		switch j.kind {
		case jobRows:
			j.rows.run()
		case jobMul:
			mul32(j.z, j.h)
		case jobGemm32:
			j.g32.run()
		case jobGemm64:
			j.g64.run()
		case jobInfer:
			j.inf.run()
		}
		j.done <- struct{}{}
	}
}

// runner is a job the helper runs.
type runner interface{ run() }

// passKind names a pass over the rows of a batch.
type passKind int

const (
	passForward     passKind = iota // engine.forward
	passBackward                    // engine.backward
	passLoss                        // engine.mseGradient: forward, loss and backward
	passTangents                    // engine.divProbes: forward and tangents
	passSecondOrder                 // engine.divGradient: forward, tangents and the second-order reverse pass
)

// pass holds the arguments of the pass that engine.split runs, and the
// results of its halves.
type pass struct {
	kind                  passKind
	rows                  int
	withDeriv             bool           // forward: keep σ'
	paramGrads, inputGrad bool           // backward: what to compute
	target                blas64.General // passLoss: the targets
	loss                  [2]float64     // passLoss: each half's sum of squared errors
}

// rowHalf is the helper's half of a split pass: the rows [lo, hi).
type rowHalf[T float] struct {
	e      *engine[T]
	lo, hi int
}

// run runs the helper's half.
func (r *rowHalf[T]) run() { r.e.passRows(r.lo, r.hi, 1) }

// split runs the pass e.pass over the rows [0, rows), after growing the
// buffers to hold them and packing the weights the pass's tile kernels
// read (tiles.go): in two halves on two cores when the pass is large
// enough (the helper taking [rows/2, rows)), else on the caller alone. It
// reports whether it split.
func (e *engine[T]) split(rows int) bool {
	e.ensure(rows)
	e.pass.rows = rows
	e.packTiles(e.pass.kind)
	work := rows
	if k := e.pass.kind; k == passTangents || k == passSecondOrder {
		work *= 1 + e.so.k // the tangent rows, each as costly as a row
	}
	if !e.splitsRows(work) {
		e.passRows(0, rows, 0)
		return false
	}
	startHelper()
	mid := rows / 2
	e.second = rowHalf[T]{e: e, lo: mid, hi: rows}
	helper.jobs <- halfJob{kind: jobRows, rows: &e.second, done: e.done}
	e.passRows(0, mid, 0)
	<-e.done
	return true
}

// splitsRows reports whether a pass over rows rows is worth splitting: its
// dense layers hold at least splitGEMM multiply-adds.
func (e *engine[T]) splitsRows(rows int) bool {
	macs := 0
	for l := 0; l < e.layers(); l++ {
		macs += e.sizes[l] * e.sizes[l+1]
	}
	return nativeKernels && rows >= 32 && rows*macs >= splitGEMM && runtime.GOMAXPROCS(0) > 1
}

// passRows runs half h (0 for the caller, 1 for the helper) of the pass
// e.pass, on the rows [lo, hi).
func (e *engine[T]) passRows(lo, hi, h int) {
	p := &e.pass
	switch p.kind {
	case passForward:
		e.forwardRows(lo, hi, p.withDeriv)
	case passBackward:
		e.backwardRows(lo, hi, h, p.paramGrads, p.inputGrad)
	case passLoss:
		e.forwardRows(lo, hi, true)
		p.loss[h] = e.lossRows(lo, hi, p.rows)
		e.backwardRows(lo, hi, h, p.paramGrads, p.inputGrad)
	case passTangents:
		e.tangentRows(lo, hi, false)
	case passSecondOrder:
		e.tangentRows(lo, hi, true)
		e.secondOrderRows(lo, hi, h)
	}
}

// hasNative reports whether activate32 has a C kernel for a.
func hasNative(a Activation) bool {
	return nativeKernels && (a == SiLU || a == Tanh || a == ELU || a == SELU)
}

// splits reports whether an elementwise pass of n elements is worth splitting.
func splits(n int) bool { return n >= splitMin && runtime.GOMAXPROCS(0) > 1 }

// halves returns s[:mid] and s[mid:] (nil halves for a nil s).
func halves(s []float32, mid int) ([]float32, []float32) {
	if s == nil {
		return nil, nil
	}
	return s[:mid], s[mid:]
}

// mul32Split is mul32 on two cores for large slices.
func mul32Split(a, b []float32, done chan struct{}) bool {
	if !splits(len(a)) || !nativeKernels {
		return mul32(a, b)
	}
	startHelper()
	mid := len(a) / 2
	helper.jobs <- halfJob{kind: jobMul, z: a[mid:], h: b[mid:], done: done}
	mul32(a[:mid], b[:mid])
	<-done
	return true
}
