//go:build cgo && !purego

package nn

/*
#cgo CFLAGS: -O3

#pragma GCC optimize("no-trapping-math", "no-math-errno")

#include "tiles.h"

// The training passes' products on the register tiles of tiles.h (see
// tiles.go): each has an AVX2 and SSE2 form (CLONES) and an AVX-512 one
// (_wide) that uses sixteen-lane tiles where the output width is a multiple
// of 32 and gives the same sums in the same order.

// gophlow_train_pack writes the panels of the nout×nin W that the forward
// product X·Wᵀ reads into fwd (pack32's when wide and nout is a multiple of
// 32, else pack16's) and those the backward product dZ·W reads into back
// (packt32's or packt16's by nin), each unless NULL.
void gophlow_train_pack(int wide, const float *w, int nout, int nin, float *fwd, float *back) {
	if (fwd) {
		if (wide && nout % 32 == 0) pack32(w, nout, nin, fwd); else pack16(w, nout, nin, fwd);
	}
	if (back) {
		if (wide && nin % 32 == 0) packt32(w, nout, nin, back); else packt16(w, nout, nin, back);
	}
}

// train_dense sets h = σ(x·Wᵀ + b) and d = σ'(x·Wᵀ + b) unless d is NULL,
// for the m×k x and the W packed into bp (n outputs).
static inline __attribute__((always_inline)) void train_dense(int wide, const float *x, long m, int k, const float *bp, int n,
		const float *b, int act, float *h, float *d) {
	mul(wide && n % 32 == 0, x, m, k, bp, n, h, b, NULL, 0, act, d, NULL);
}

// train_first is train_dense for a first layer of nin ≤ NARROW inputs (nout
// a multiple of 16), from its weights transposed into wt.
static inline __attribute__((always_inline)) void train_first(int wide, const float *x, long m, int nin, const float *wt,
		const float *b, int nout, int act, float *h, float *d) {
	first_layer(wide, x, m, nin, wt, b, nout, act, h, d);
}

// train_back sets prev = (dz·W) ⊙ deriv for the m×k dz and the k×n W packed
// into bp, and sums, unless NULL, to the column sums of prev (the bias
// gradient of the layer below).
static inline __attribute__((always_inline)) void train_back(int wide, const float *dz, long m, int k, const float *bp, int n,
		const float *deriv, float *prev, float *sums) {
	mul(wide && n % 32 == 0, dz, m, k, bp, n, prev, NULL, deriv, m, -1, NULL, sums);
}

// train_gradw sets the no×ni gw to dzᵀ·x for the m×no dz and m×ni x.
static inline __attribute__((always_inline)) void train_gradw(int wide, const float *dz, long m, int no, const float *x, int ni,
		float *gw) {
	gradw(wide && ni % 32 == 0, dz, m, no, x, ni, gw);
}

CLONES void gophlow_train_dense(const float *x, long m, int k, const float *bp, int n, const float *b, int act, float *h, float *d) {
	train_dense(0, x, m, k, bp, n, b, act, h, d);
}
__attribute__((target("arch=x86-64-v4"))) void gophlow_train_dense_wide(const float *x, long m, int k, const float *bp, int n,
		const float *b, int act, float *h, float *d) {
	train_dense(1, x, m, k, bp, n, b, act, h, d);
}
CLONES void gophlow_train_first(const float *x, long m, int nin, const float *wt, const float *b, int nout, int act, float *h, float *d) {
	train_first(0, x, m, nin, wt, b, nout, act, h, d);
}
__attribute__((target("arch=x86-64-v4"))) void gophlow_train_first_wide(const float *x, long m, int nin, const float *wt,
		const float *b, int nout, int act, float *h, float *d) {
	train_first(1, x, m, nin, wt, b, nout, act, h, d);
}
CLONES void gophlow_train_back(const float *dz, long m, int k, const float *bp, int n, const float *deriv, float *prev, float *sums) {
	train_back(0, dz, m, k, bp, n, deriv, prev, sums);
}
__attribute__((target("arch=x86-64-v4"))) void gophlow_train_back_wide(const float *dz, long m, int k, const float *bp, int n,
		const float *deriv, float *prev, float *sums) {
	train_back(1, dz, m, k, bp, n, deriv, prev, sums);
}
CLONES void gophlow_train_gradw(const float *dz, long m, int no, const float *x, int ni, float *gw) {
	train_gradw(0, dz, m, no, x, ni, gw);
}
__attribute__((target("arch=x86-64-v4"))) void gophlow_train_gradw_wide(const float *dz, long m, int no, const float *x, int ni,
		float *gw) {
	train_gradw(1, dz, m, no, x, ni, gw);
}
*/
import "C"

import "unsafe"

// cptr is a C pointer to s's first element, or NULL for an empty s.
func cptr(s []float32) *C.float {
	if len(s) == 0 {
		return nil
	}
	return (*C.float)(unsafe.Pointer(&s[0]))
}

// packTiles32 packs the nout×nin w into the panels the forward product
// reads (into fwd) and those the backward product reads (into back),
// each unless nil.
func packTiles32(w []float32, nout, nin int, fwd, back []float32) {
	C.gophlow_train_pack(C.int(wideInt()), cptr(w), C.int(nout), C.int(nin), cptr(fwd), cptr(back))
}

// wideInt is 1 when the AVX-512 kernels run, else 0.
func wideInt() int {
	if wideKernels {
		return 1
	}
	return 0
}

// denseAct32 sets h = σ(x·Wᵀ + b), and d = σ' unless d is nil, for the m×k
// x and the n×k W packed by packTiles32 into bp.
func denseAct32(x []float32, m, k int, bp []float32, n int, b []float32, act Activation, h, d []float32) {
	if m == 0 {
		return
	}
	if wideKernels {
		C.gophlow_train_dense_wide(cptr(x), C.long(m), C.int(k), cptr(bp), C.int(n), cptr(b), C.int(act), cptr(h), cptr(d))
		return
	}
	C.gophlow_train_dense(cptr(x), C.long(m), C.int(k), cptr(bp), C.int(n), cptr(b), C.int(act), cptr(h), cptr(d))
}

// firstLayer32 is denseAct32 for a layer of at most 16 inputs, from its
// weights transposed into wt (nin×nout).
func firstLayer32(x []float32, m, nin int, wt, b []float32, nout int, act Activation, h, d []float32) {
	if m == 0 {
		return
	}
	if wideKernels {
		C.gophlow_train_first_wide(cptr(x), C.long(m), C.int(nin), cptr(wt), cptr(b), C.int(nout), C.int(act), cptr(h), cptr(d))
		return
	}
	C.gophlow_train_first(cptr(x), C.long(m), C.int(nin), cptr(wt), cptr(b), C.int(nout), C.int(act), cptr(h), cptr(d))
}

// backData32 sets prev = (dz·W) ⊙ deriv for the m×k dz and the k×n W packed
// by packTiles32 into bp, and sums to prev's column sums unless sums is nil.
func backData32(dz []float32, m, k int, bp []float32, n int, deriv, prev, sums []float32) {
	if m == 0 {
		clear(sums)
		return
	}
	if wideKernels {
		C.gophlow_train_back_wide(cptr(dz), C.long(m), C.int(k), cptr(bp), C.int(n), cptr(deriv), cptr(prev), cptr(sums))
		return
	}
	C.gophlow_train_back(cptr(dz), C.long(m), C.int(k), cptr(bp), C.int(n), cptr(deriv), cptr(prev), cptr(sums))
}

// gradW32 sets the no×ni gw to dzᵀ·x for the m×no dz and m×ni x.
func gradW32(dz []float32, m, no int, x []float32, ni int, gw []float32) {
	if m == 0 {
		clear(gw)
		return
	}
	if wideKernels {
		C.gophlow_train_gradw_wide(cptr(dz), C.long(m), C.int(no), cptr(x), C.int(ni), cptr(gw))
		return
	}
	C.gophlow_train_gradw(cptr(dz), C.long(m), C.int(no), cptr(x), C.int(ni), cptr(gw))
}
