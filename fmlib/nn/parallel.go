package nn

import (
	"runtime"
	"sync"
)

// Large elementwise passes (activations, the backward σ' product) run on
// two cores: the caller does the first half and a helper goroutine the
// second, like the two BLAS threads around them. The helper is one
// goroutine for the whole package, fed through a channel, so a split
// allocates nothing.

// splitMin is the element count from which an elementwise pass is split.
const splitMin = 1 << 16

// halfJob is the second half of an elementwise pass.
type halfJob struct {
	mul     bool // a[i] *= b[i] instead of an activation
	act     Activation
	z, h, d []float32
	done    chan struct{}
}

var helper struct {
	once sync.Once
	jobs chan halfJob
}

// runHelper executes half jobs forever.
func runHelper() {
	for j := range helper.jobs {
		if j.mul {
			mul32(j.z, j.h)
		} else {
			activate32(j.act, j.z, j.h, j.d)
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
	helper.once.Do(func() { helper.jobs = make(chan halfJob); go runHelper() })
	mid := len(z) / 2
	z0, z1 := halves(z, mid)
	h0, h1 := halves(h, mid)
	d0, d1 := halves(d, mid)
	helper.jobs <- halfJob{act: a, z: z1, h: h1, d: d1, done: done}
	activate32(a, z0, h0, d0)
	<-done
	return true
}

// mul32Split is mul32 on two cores for large slices.
func mul32Split(a, b []float32, done chan struct{}) bool {
	if !splits(len(a)) || !nativeKernels {
		return mul32(a, b)
	}
	helper.once.Do(func() { helper.jobs = make(chan halfJob); go runHelper() })
	mid := len(a) / 2
	helper.jobs <- halfJob{mul: true, z: a[mid:], h: b[mid:], done: done}
	mul32(a[:mid], b[:mid])
	<-done
	return true
}
