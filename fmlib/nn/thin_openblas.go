//go:build cgo && !purego

package nn

/*
#cgo CFLAGS: -O3

#pragma GCC optimize("no-trapping-math", "no-math-errno")

#include "lanes.h"

// THIN is the largest m, n or k of a thin product.
enum { THIN = 4, BLOCK = 512 };

// scale_row sets c[0…n) to beta·c, or to zero when beta is 0 (C is then
// not read, as BLAS specifies).
static inline __attribute__((always_inline)) void scale_row(float *restrict c, long n, float beta) {
	if (beta == 0) {
		memset(c, 0, n * sizeof(float));
	} else if (beta != 1) {
		for (long j = 0; j < n; j++) c[j] *= beta;
	}
}

// thin_k is C = alpha·A·op(B) + beta·C with k ≤ THIN: every row of C is
// a combination of the k rows of op(B), which are gathered (transposed when
// tb) into a block of BLOCK columns at a time.
static inline __attribute__((always_inline)) void thin_k(int tb, long m, long n, long k, float alpha,
		const float *restrict a, long lda, const float *restrict b, long ldb, float beta, float *restrict c, long ldc) {
	float rows[THIN][BLOCK];
	for (long j0 = 0; j0 < n; j0 += BLOCK) {
		long w = n - j0 < BLOCK ? n - j0 : BLOCK;
		for (long p = 0; p < k; p++)
			for (long j = 0; j < w; j++) rows[p][j] = tb ? b[(j0 + j) * ldb + p] : b[p * ldb + j0 + j];
		for (long i = 0; i < m; i++) {
			float *restrict ci = c + i * ldc + j0;
			scale_row(ci, w, beta);
			for (long p = 0; p < k; p++) {
				float s = alpha * a[i * lda + p];
				for (long j = 0; j < w; j++) ci[j] += s * rows[p][j];
			}
		}
	}
}

// thin_n is C = alpha·A·Bᵀ + beta·C with n ≤ THIN: n inner products per row.
static inline __attribute__((always_inline)) void thin_n(long m, long n, long k, float alpha, const float *restrict a,
		long lda, const float *restrict b, long ldb, float beta, float *restrict c, long ldc) {
	for (long i = 0; i < m; i++) {
		for (long j = 0; j < n; j++) {
			float s = alpha * dot(a + i * lda, b + j * ldb, k);
			c[i * ldc + j] = beta == 0 ? s : s + beta * c[i * ldc + j];
		}
	}
}

// thin_tm is C = alpha·Aᵀ·B + beta·C with m ≤ THIN (a weight gradient with
// few outputs): each row of A and B adds to the m rows of C, which stay in
// the L1 cache.
static inline __attribute__((always_inline)) void thin_tm(long m, long n, long k, float alpha, const float *restrict a,
		long lda, const float *restrict b, long ldb, float beta, float *restrict c, long ldc) {
	for (long r = 0; r < m; r++) scale_row(c + r * ldc, n, beta);
	for (long i = 0; i < k; i++) {
		const float *restrict bi = b + i * ldb;
		for (long r = 0; r < m; r++) {
			float s = alpha * a[i * lda + r];
			float *restrict cr = c + r * ldc;
			for (long j = 0; j < n; j++) cr[j] += s * bi[j];
		}
	}
}

// thin_tn is C = alpha·Aᵀ·B + beta·C with n ≤ THIN (a weight gradient with
// few inputs): the sums are formed transposed, BLOCK rows of C at a time.
static inline __attribute__((always_inline)) void thin_tn(long m, long n, long k, float alpha, const float *restrict a,
		long lda, const float *restrict b, long ldb, float beta, float *restrict c, long ldc) {
	float sums[THIN][BLOCK];
	for (long r0 = 0; r0 < m; r0 += BLOCK) {
		long h = m - r0 < BLOCK ? m - r0 : BLOCK;
		for (long j = 0; j < n; j++) memset(sums[j], 0, h * sizeof(float));
		for (long i = 0; i < k; i++) {
			const float *restrict ai = a + i * lda + r0;
			for (long j = 0; j < n; j++) {
				float s = b[i * ldb + j];
				for (long r = 0; r < h; r++) sums[j][r] += s * ai[r];
			}
		}
		for (long r = 0; r < h; r++) {
			float *restrict cr = c + (r0 + r) * ldc;
			for (long j = 0; j < n; j++) cr[j] = beta == 0 ? alpha * sums[j][r] : alpha * sums[j][r] + beta * cr[j];
		}
	}
}

// gophlow_thin computes the row-major C = alpha·op(A)·op(B) + beta·C (m×n,
// inner dimension k) of a thin product, streaming each operand once where
// a BLAS would pack it, and returns 1; it returns 0, computing nothing,
// for a shape it does not handle.
CLONES int gophlow_thin(int ta, int tb, long m, long n, long k, float alpha, const float *a, long lda, const float *b,
		long ldb, float beta, float *c, long ldc) {
	if (!ta && k <= THIN) {
		thin_k(tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
	} else if (!ta && tb && n <= THIN) {
		thin_n(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
	} else if (ta && !tb && m <= THIN) {
		thin_tm(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
	} else if (ta && !tb && n <= THIN) {
		thin_tn(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
	} else {
		return 0;
	}
	return 1;
}
*/
import "C"

import "unsafe"

// thinMax is the largest m, n or k of a product thin32 computes.
const thinMax = 4

// thin32 computes a float32 product with one dimension of at most thinMax
// (the input layer's few inputs, the output layer's few outputs) in C,
// reading each operand once instead of packing it as a BLAS does, and
// reports whether it did; arguments are gemmSerial's.
func thin32(tA, tB bool, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) bool {
	if min(m, n, k) > thinMax || min(m, n, k) == 0 {
		return false
	}
	return C.gophlow_thin(cbool(tA), cbool(tB), C.long(m), C.long(n), C.long(k), C.float(alpha),
		(*C.float)(unsafe.Pointer(&a[0])), C.long(lda), (*C.float)(unsafe.Pointer(&b[0])), C.long(ldb),
		C.float(beta), (*C.float)(unsafe.Pointer(&c[0])), C.long(ldc)) == 1
}

// cbool is 1 for true and 0 for false.
func cbool(v bool) C.int {
	if v {
		return 1
	}
	return 0
}
