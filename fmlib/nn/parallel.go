package nn

import (
	"runtime"
	"sync"
)

// Large matrix products and elementwise passes (activations, the backward
// σ' product) run on two cores: the caller does the first half and a helper
// goroutine the second. The helper is one goroutine for the whole package,
// fed through a channel, so a split allocates nothing; OpenBLAS itself runs
// single-threaded, so no BLAS threads spin between products.

// splitMin is the element count from which an elementwise pass is split.
const splitMin = 1 << 16

// halfJob is the second half of an elementwise pass or of a product.
type halfJob struct {
	kind    jobKind
	act     Activation
	z, h, d []float32
	g32     gemmArgs[float32]
	g64     gemmArgs[float64]
	inf     inferArgs
	done    chan struct{}
}

// jobKind says what a halfJob computes.
type jobKind int

const (
	jobActivate jobKind = iota // activate32(act, z, h, d)
	jobMul                     // mul32(z, h)
	jobGemm32                  // g32.run()
	jobGemm64                  // g64.run()
	jobInfer                   // inf.run()
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
		case jobActivate:
			activate32(j.act, j.z, j.h, j.d)
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

// activate32Split is activate32 on two cores for large slices; done is the
// caller's completion channel (one per engine, which is single-threaded).
func activate32Split(a Activation, z, h, d []float32, done chan struct{}) bool {
	if !splits(len(z)) || !hasNative(a) {
		return activate32(a, z, h, d)
	}
	startHelper()
	mid := len(z) / 2
	z0, z1 := halves(z, mid)
	h0, h1 := halves(h, mid)
	d0, d1 := halves(d, mid)
	helper.jobs <- halfJob{kind: jobActivate, act: a, z: z1, h: h1, d: d1, done: done}
	activate32(a, z0, h0, d0)
	<-done
	return true
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
