//go:build cgo && !purego

package nn

/*
#cgo LDFLAGS: -lopenblas -lm
#cgo CFLAGS: -O3

// Selects between computed values must not count as traps, and sqrtf need not
// set errno, or they block vectorisation. GCC applies this to the functions
// without target clones only, hence the explicit vector code below.
#pragma GCC optimize("no-trapping-math", "no-math-errno")

#include <math.h>

#include "lanes.h"

void openblas_set_num_threads(int);

// Each kernel has a form with the derivative and one without, so every loop
// is straight-line vector code (CLONES: see lanes.h).

// silu_span is the SiLU kernel, eight lanes at a time (lanes.h) and a
// scalar tail, with σ' into d unless d is NULL; inlined into both entry
// points, the NULL test disappears from the loop.
static inline __attribute__((always_inline)) void silu_span(const float *restrict z, float *restrict h, float *restrict d, long n) {
	long i = 0;
	for (; i + 8 <= n; i += 8) {
		v8f v, o, g;
		memcpy(&v, z + i, 32);
		silu_lanes(&v, &o, d ? &g : NULL);
		memcpy(h + i, &o, 32);
		if (d) memcpy(d + i, &g, 32);
	}
	for (; i < n; i++) {
		float v = z[i], s = 1.0f / (1.0f + exp_poly(-v));
		h[i] = v * s;
		if (d) d[i] = s * (1.0f + v * (1.0f - s));
	}
}

CLONES void gophlow_silu_d(const float *restrict z, float *restrict h, float *restrict d, long n) { silu_span(z, h, d, n); }
CLONES void gophlow_silu(const float *restrict z, float *restrict h, long n) { silu_span(z, h, NULL, n); }

// gophlow_scale_tangents sets tangent row i·K+k of ta (width n) to that row
// of tz times row i of d (σ'), for the second-order passes (secondorder.go).
CLONES void gophlow_scale_tangents(float *restrict ta, const float *restrict tz, const float *restrict d, long rows, long K, long n) {
	for (long i = 0; i < rows; i++) {
		const float *dr = d + i * n;
		for (long k = 0; k < K; k++) {
			float *a = ta + (i * K + k) * n;
			const float *z = tz + (i * K + k) * n;
			for (long j = 0; j < n; j++) a[j] = z[j] * dr[j];
		}
	}
}

// gophlow_chain_second carries cotangents through an activation (see
// chainSecond in secondorder.go): dz = dz⊙σ' + Σ_k tdz_k⊙tz_k⊙σ″ and
// tdz_k = tdz_k⊙σ', row i of dz with tangent rows i·K…i·K+K−1.
CLONES void gophlow_chain_second(float *restrict dz, float *restrict tdz, const float *restrict tz, const float *restrict d, const float *restrict d2, long rows, long K, long n) {
	for (long i = 0; i < rows; i++) {
		float *z = dz + i * n;
		const float *dr = d + i * n, *d2r = d2 + i * n;
		for (long j = 0; j < n; j++) z[j] *= dr[j];
		for (long k = 0; k < K; k++) {
			float *a = tdz + (i * K + k) * n;
			const float *t = tz + (i * K + k) * n;
			for (long j = 0; j < n; j++) {
				z[j] += a[j] * t[j] * d2r[j];
				a[j] *= dr[j];
			}
		}
	}
}

// gophlow_silu_d2 is SiLU with σ' into d and σ″ = s(1 − s)(2 + v(1 − 2s))
// into d2 (s the sigmoid), for the second-order passes (secondorder.go).
CLONES void gophlow_silu_d2(const float *restrict z, float *restrict h, float *restrict d, float *restrict d2, long n) {
	long i = 0;
	for (; i + 8 <= n; i += 8) {
		v8f v, s;
		memcpy(&v, z + i, 32);
		s = -v;
		exp_v8(&s);
		s = 1.0f / (1.0f + s);
		v8f o = v * s, g = s * (1.0f + v * (1.0f - s)), g2 = s * (1.0f - s) * (2.0f + v * (1.0f - 2.0f * s));
		memcpy(h + i, &o, 32);
		memcpy(d + i, &g, 32);
		memcpy(d2 + i, &g2, 32);
	}
	for (; i < n; i++) {
		float v = z[i], s = 1.0f / (1.0f + exp_poly(-v));
		h[i] = v * s;
		d[i] = s * (1.0f + v * (1.0f - s));
		d2[i] = s * (1.0f - s) * (2.0f + v * (1.0f - 2.0f * s));
	}
}

// tanh(v) = sign(v)·(1 − 2/(e^{2|v|} + 1)), and NaN for NaN; the loops
// are left to the auto-vectoriser.
static inline __attribute__((always_inline)) float tanh_one(float v) {
	float a = v < 0 ? -v : v;
	float y = 1.0f - 2.0f / (exp_poly(2.0f * a) + 1.0f);
	y = v < 0 ? -y : y;
	return v == v ? y : v;
}

CLONES void gophlow_tanh_d(const float *restrict z, float *restrict h, float *restrict d, long n) {
	for (long i = 0; i < n; i++) {
		float y = tanh_one(z[i]);
		h[i] = y;
		d[i] = 1.0f - y * y;
	}
}

CLONES void gophlow_tanh(const float *restrict z, float *restrict h, long n) {
	for (long i = 0; i < n; i++) h[i] = tanh_one(z[i]);
}

// elu_span is the ELU and SELU kernel (see elu_lanes), eight lanes at a time
// and a scalar tail of the same form, with σ' into d unless d is NULL.
static inline __attribute__((always_inline)) void elu_span(const float *restrict z, float *restrict h, float *restrict d, long n, float scale, float alpha) {
	const float sa = scale * alpha;
	long i = 0;
	for (; i + 8 <= n; i += 8) {
		v8f v, o, g;
		memcpy(&v, z + i, 32);
		elu_lanes(&v, scale, alpha, &o, d ? &g : NULL);
		memcpy(h + i, &o, 32);
		if (d) memcpy(d + i, &g, 32);
	}
	for (; i < n; i++) {
		float v = z[i];
		float e = exp_poly(v < 0 ? v : 0.0f);
		h[i] = v <= 0 ? sa * (e - 1.0f) : scale * v;
		if (d) d[i] = v <= 0 ? sa * e : scale;
	}
}

CLONES void gophlow_elu_d(const float *restrict z, float *restrict h, float *restrict d, long n, float scale, float alpha) {
	elu_span(z, h, d, n, scale, alpha);
}
CLONES void gophlow_elu(const float *restrict z, float *restrict h, long n, float scale, float alpha) {
	elu_span(z, h, NULL, n, scale, alpha);
}

// gophlow_mul multiplies a by b elementwise (the backward pass's σ'(z) factor).
CLONES void gophlow_mul(float *restrict a, const float *restrict b, long n) {
	for (long i = 0; i < n; i++) a[i] *= b[i];
}

// gophlow_mul_sums multiplies the rows×cols a by b elementwise and writes
// the column sums of the product into sums: the σ'(z) factor of the
// backward pass and the bias gradient it gives, in one pass.
CLONES void gophlow_mul_sums(float *restrict a, const float *restrict b, float *restrict sums, long rows, long cols) {
	memset(sums, 0, cols * sizeof(float));
	for (long i = 0; i < rows; i++) {
		float *restrict ai = a + i * cols;
		const float *restrict bi = b + i * cols;
		for (long j = 0; j < cols; j++) {
			ai[j] *= bi[j];
			sums[j] += ai[j];
		}
	}
}

// gophlow_ema moves the average avg towards p: avg = a·avg + b·p (see
// engine.emaUpdate), vectorised.
CLONES void gophlow_ema(float *restrict avg, const float *restrict p, long n, float a, float b) {
	for (long i = 0; i < n; i++) avg[i] = a * avg[i] + b * p[i];
}

// adam_span is one Adam/AdamW step on parameters i0…n−1 (see engine.update).
static inline __attribute__((always_inline)) void adam_span(float *restrict p, const float *restrict g, float *restrict m,
		float *restrict v, long i0, long n, float b1, float b2, float step, float rc2, float eps, float decay, float l2) {
	for (long i = i0; i < n; i++) {
		float gi = g[i] + l2 * p[i];
		float pi = p[i] * decay;
		float mi = b1 * m[i] + (1.0f - b1) * gi;
		float vi = b2 * v[i] + (1.0f - b2) * gi * gi;
		m[i] = mi;
		v[i] = vi;
		p[i] = pi - step * mi / (sqrtf(vi) * rc2 + eps);
	}
}

// adam_v3 is adam_span eight lanes at a time with AVX2 and FMA. GCC does not
// vectorise sqrtf unless -fno-math-errno is on the command line, which cgo
// does not allow (the pragma above does not reach target clones), so the
// square root is the AVX instruction itself.
__attribute__((target("arch=x86-64-v3"))) static void adam_v3(float *restrict p, const float *restrict g,
		float *restrict m, float *restrict v, long n, float b1, float b2, float step, float rc2, float eps, float decay,
		float l2) {
	long i = 0;
	for (; i + 8 <= n; i += 8) {
		v8f pi, gi, mi, vi;
		memcpy(&pi, p + i, 32);
		memcpy(&gi, g + i, 32);
		memcpy(&mi, m + i, 32);
		memcpy(&vi, v + i, 32);
		gi = gi + l2 * pi;
		pi = pi * decay;
		mi = b1 * mi + (1.0f - b1) * gi;
		vi = b2 * vi + (1.0f - b2) * gi * gi;
		pi = pi - step * mi / (__builtin_ia32_sqrtps256(vi) * rc2 + eps);
		memcpy(m + i, &mi, 32);
		memcpy(v + i, &vi, 32);
		memcpy(p + i, &pi, 32);
	}
	adam_span(p, g, m, v, i, n, b1, b2, step, rc2, eps, decay, l2);
}

// gophlow_adam is one Adam/AdamW step on float32 parameters (see engine.update).
void gophlow_adam(float *restrict p, const float *restrict g, float *restrict m, float *restrict v, long n,
		float b1, float b2, float step, float rc2, float eps, float decay, float l2) {
	if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
		adam_v3(p, g, m, v, n, b1, b2, step, rc2, eps, decay, l2);
	else
		adam_span(p, g, m, v, 0, n, b1, b2, step, rc2, eps, decay, l2);
}
*/
import "C"

import (
	"unsafe"

	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/netlib/blas/netlib"
)

// backendName is reported by BLASBackend.
const backendName = "openblas (cgo, gonum.org/v1/netlib)"

// nativeKernels says that activate32 (SiLU, tanh, ELU, SELU), mul32,
// adam32 and ema32 run C kernels.
const nativeKernels = true

// init plugs OpenBLAS into gonum's blas32 and blas64 for every user of
// them and runs it on one thread: the network splits large products over
// two cores itself (see gemm), which avoids OpenBLAS's spinning threads
// between the many products of a step.
func init() {
	blas32.Use(netlib.Implementation{})
	blas64.Use(netlib.Implementation{})
	C.openblas_set_num_threads(1)
}

// activate32 applies SiLU, tanh, ELU or SELU to float32 data with C loops
// that the compiler vectorises (AVX-512, AVX2+FMA or SSE2, chosen at run time),
// and reports whether it handled the activation. NaN inputs give NaN outputs.
func activate32(a Activation, z, h, deriv []float32) bool {
	if len(z) == 0 {
		return true
	}
	zp := (*C.float)(unsafe.Pointer(&z[0]))
	hp := (*C.float)(unsafe.Pointer(&h[0]))
	n := C.long(len(z))
	if deriv == nil {
		switch a {
		case SiLU:
			C.gophlow_silu(zp, hp, n)
		case Tanh:
			C.gophlow_tanh(zp, hp, n)
		case ELU:
			C.gophlow_elu(zp, hp, n, 1, 1)
		case SELU:
			C.gophlow_elu(zp, hp, n, seluLambda, seluAlpha)
		default:
			return false
		}
		return true
	}
	dp := (*C.float)(unsafe.Pointer(&deriv[0]))
	switch a {
	case SiLU:
		C.gophlow_silu_d(zp, hp, dp, n)
	case Tanh:
		C.gophlow_tanh_d(zp, hp, dp, n)
	case ELU:
		C.gophlow_elu_d(zp, hp, dp, n, 1, 1)
	case SELU:
		C.gophlow_elu_d(zp, hp, dp, n, seluLambda, seluAlpha)
	default:
		return false
	}
	return true
}

// mul32 multiplies a by b elementwise in C (vectorised).
func mul32(a, b []float32) bool {
	if len(a) > 0 {
		C.gophlow_mul((*C.float)(unsafe.Pointer(&a[0])), (*C.float)(unsafe.Pointer(&b[0])), C.long(len(a)))
	}
	return true
}

// activateSecond32 writes SiLU(z), σ' and σ″ in C and reports whether
// the activation has this kernel (only SiLU).
func activateSecond32(a Activation, z, h, deriv, deriv2 []float32) bool {
	if a != SiLU {
		return false
	}
	if len(z) > 0 {
		C.gophlow_silu_d2((*C.float)(unsafe.Pointer(&z[0])), (*C.float)(unsafe.Pointer(&h[0])),
			(*C.float)(unsafe.Pointer(&deriv[0])), (*C.float)(unsafe.Pointer(&deriv2[0])), C.long(len(z)))
	}
	return true
}

// scaleTangents32 is scaleTangents in C.
func scaleTangents32(ta, tz, deriv []float32, K, n int) bool {
	if len(deriv) > 0 {
		C.gophlow_scale_tangents((*C.float)(unsafe.Pointer(&ta[0])), (*C.float)(unsafe.Pointer(&tz[0])),
			(*C.float)(unsafe.Pointer(&deriv[0])), C.long(len(deriv)/n), C.long(K), C.long(n))
	}
	return true
}

// chainSecond32 is chainSecond in C.
func chainSecond32(dz, tdz, tz, deriv, deriv2 []float32, K, n int) bool {
	if len(dz) > 0 {
		C.gophlow_chain_second((*C.float)(unsafe.Pointer(&dz[0])), (*C.float)(unsafe.Pointer(&tdz[0])), (*C.float)(unsafe.Pointer(&tz[0])),
			(*C.float)(unsafe.Pointer(&deriv[0])), (*C.float)(unsafe.Pointer(&deriv2[0])), C.long(len(dz)/n), C.long(K), C.long(n))
	}
	return true
}

// mulSums32 multiplies a by b elementwise and writes the column sums of
// the product (rows of len(sums)) into sums, in C.
func mulSums32(a, b, sums []float32) bool {
	if len(a) > 0 {
		C.gophlow_mul_sums((*C.float)(unsafe.Pointer(&a[0])), (*C.float)(unsafe.Pointer(&b[0])),
			(*C.float)(unsafe.Pointer(&sums[0])), C.long(len(a)/len(sums)), C.long(len(sums)))
	} else {
		clear(sums)
	}
	return true
}

// ema32 sets avg = a·avg + b·p in C (vectorised).
func ema32(avg, p []float32, a, b float32) bool {
	if len(p) > 0 {
		C.gophlow_ema((*C.float)(unsafe.Pointer(&avg[0])), (*C.float)(unsafe.Pointer(&p[0])), C.long(len(p)), C.float(a), C.float(b))
	}
	return true
}

// adam32 applies an Adam or AdamW step to float32 parameters in C
// (vectorised); l2 is Adam's L2 weight decay, decay AdamW's factor 1 − lr·λ.
func adam32(p, g, m, v []float32, b1, b2, step, rc2, eps, decay, l2 float32) bool {
	if len(p) > 0 {
		C.gophlow_adam((*C.float)(unsafe.Pointer(&p[0])), (*C.float)(unsafe.Pointer(&g[0])),
			(*C.float)(unsafe.Pointer(&m[0])), (*C.float)(unsafe.Pointer(&v[0])), C.long(len(p)),
			C.float(b1), C.float(b2), C.float(step), C.float(rc2), C.float(eps), C.float(decay), C.float(l2))
	}
	return true
}
