// tiles.h: the register-tile products of the C kernels — the fused
// inference of infer_openblas.go and the training passes of
// train_openblas.go — and the packing of weights they read.
#ifndef GOPHLOW_TILES_H
#define GOPHLOW_TILES_H

#include "lanes.h"

// The hidden-to-hidden products whose width is a multiple of 16 use the
// kernel below instead of BLAS: the weights are packed once per call, the
// activations are read where they lie, and the bias with the activation and
// σ' (SiLU, ELU, SELU), or the tangents' σ' factor, are applied to the
// accumulators before they are stored, so a chunk costs no packing, zeroing
// or extra pass. C = A·Wᵀ is computed in tiles of 6 rows by 16 columns held
// in twelve 8-lane accumulators (the classic register tile for AVX2's
// sixteen registers).

// pack16 lays out the nout×nin W (nout a multiple of 16) as nout/16 panels
// of nin rows of 16: panel p holds W[16p+c][j] at j·16+c.
static void pack16(const float *w, int nout, int nin, float *bp) {
	for (int p = 0; p < nout / 16; p++)
		for (int j = 0; j < nin; j++)
			for (int c = 0; c < 16; c++) bp[((long)p * nin + j) * 16 + c] = w[(long)(16 * p + c) * nin + j];
}

// tile accumulates rows (≤ 6) rows of A (row stride k) times one packed
// panel into acc; with rows a constant 6 after inlining, the twelve
// accumulators live in registers.
static inline __attribute__((always_inline)) void tile(const float *restrict a, int k, const float *restrict panel, int rows,
		v8f acc[6][2]) {
	v8f c[6][2] = {{{0}}};
	for (int j = 0; j < k; j++) {
		v8f b0, b1;
		memcpy(&b0, panel + j * 16, 32);
		memcpy(&b1, panel + j * 16 + 8, 32);
		for (int r = 0; r < rows; r++) {
			const float x = a[(long)r * k + j];
			const v8f av = {x, x, x, x, x, x, x, x};
			c[r][0] += av * b0;
			c[r][1] += av * b1;
		}
	}
	for (int r = 0; r < rows; r++) {
		acc[r][0] = c[r][0];
		acc[r][1] = c[r][1];
	}
}

// scale_rows sets srow[r] = (i0 + r) mod period for r < rows with one
// division (one per row and panel made a divergence evaluation on AVX-512
// twice as slow).
static inline __attribute__((always_inline)) void scale_rows(long i0, int rows, long period, long *srow) {
	long q = i0 % period;
	for (int r = 0; r < rows; r++) {
		srow[r] = q;
		if (++q == period) q = 0;
	}
}

// mul16 computes C = A·Wᵀ for the m×k A and the n×k W packed by pack16,
// then adds bias to every row when bias is not NULL, or multiplies row i
// elementwise by row i mod period of scale when scale is not NULL; then
// sets sums, when not NULL, to the column sums of C so far; then, when
// act ≥ 0 (a fusable activation), stores σ(C) in C and σ'(C) in d unless d
// is NULL.
static inline __attribute__((always_inline)) void mul16(const float *a, long m, int k, const float *bp, int n, float *c,
		const float *bias, const float *scale, long period, int act, float *d, float *sums) {
	if (sums) memset(sums, 0, n * sizeof(float));
	for (long i0 = 0; i0 < m; i0 += 6) {
		const int rows = m - i0 < 6 ? (int)(m - i0) : 6;
		long srow[6]; // the rows of scale, (i0 + r) mod period, one division per tile
		if (scale) scale_rows(i0, rows, period, srow);
		for (int p = 0; p < n / 16; p++) {
			v8f acc[6][2];
			if (rows == 6)
				tile(a + i0 * k, k, bp + (long)p * k * 16, 6, acc);
			else
				tile(a + i0 * k, k, bp + (long)p * k * 16, rows, acc);
			for (int r = 0; r < rows; r++) {
				v8f c0 = acc[r][0], c1 = acc[r][1], f0, f1;
				if (bias) {
					memcpy(&f0, bias + p * 16, 32);
					memcpy(&f1, bias + p * 16 + 8, 32);
					c0 += f0;
					c1 += f1;
				}
				if (scale) {
					const float *sr = scale + srow[r] * n + p * 16;
					memcpy(&f0, sr, 32);
					memcpy(&f1, sr + 8, 32);
					c0 *= f0;
					c1 *= f1;
				}
				if (sums) {
					float *s = sums + p * 16;
					memcpy(&f0, s, 32);
					memcpy(&f1, s + 8, 32);
					f0 += c0;
					f1 += c1;
					memcpy(s, &f0, 32);
					memcpy(s + 8, &f1, 32);
				}
				if (act >= 0) {
					v8f z0 = c0, z1 = c1;
					activation_lanes(act, &z0, &c0, d ? &f0 : NULL);
					activation_lanes(act, &z1, &c1, d ? &f1 : NULL);
					if (d) {
						memcpy(d + (i0 + r) * n + p * 16, &f0, 32);
						memcpy(d + (i0 + r) * n + p * 16 + 8, &f1, 32);
					}
				}
				float *cr = c + (i0 + r) * n + p * 16;
				memcpy(cr, &c0, 32);
				memcpy(cr + 8, &c1, 32);
			}
		}
	}
}

// On AVX-512 the same products use sixteen-lane registers: tiles of 8 rows
// by 32 columns in sixteen accumulators (of the 32 registers), the weights
// packed in panels of 32 columns for layers whose width is a multiple of
// 32. Each output is still one sum over j in order, with the same bias,
// scale and activation after it, so the results are those of mul16.

// pack32 lays out the nout×nin W (nout a multiple of 32) as nout/32 panels
// of nin rows of 32: panel p holds W[32p+c][j] at j·32+c.
static void pack32(const float *w, int nout, int nin, float *bp) {
	for (int p = 0; p < nout / 32; p++)
		for (int j = 0; j < nin; j++)
			for (int c = 0; c < 32; c++) bp[((long)p * nin + j) * 32 + c] = w[(long)(32 * p + c) * nin + j];
}

// tile32 accumulates rows (≤ 8) rows of A (row stride k) times one panel
// packed by pack32 into acc.
static inline __attribute__((always_inline)) void tile32(const float *restrict a, int k, const float *restrict panel, int rows,
		v16f acc[8][2]) {
	v16f c[8][2] = {{{0}}};
	for (int j = 0; j < k; j++) {
		v16f b0, b1;
		memcpy(&b0, panel + j * 32, 64);
		memcpy(&b1, panel + j * 32 + 16, 64);
		for (int r = 0; r < rows; r++) {
			const float x = a[(long)r * k + j];
			const v16f av = {x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
			c[r][0] += av * b0;
			c[r][1] += av * b1;
		}
	}
	for (int r = 0; r < rows; r++) {
		acc[r][0] = c[r][0];
		acc[r][1] = c[r][1];
	}
}

// mul32 is mul16 for n a multiple of 32 and W packed by pack32.
static inline __attribute__((always_inline)) void mul32(const float *a, long m, int k, const float *bp, int n, float *c,
		const float *bias, const float *scale, long period, int act, float *d, float *sums) {
	if (sums) memset(sums, 0, n * sizeof(float));
	for (long i0 = 0; i0 < m; i0 += 8) {
		const int rows = m - i0 < 8 ? (int)(m - i0) : 8;
		long srow[8];
		if (scale) scale_rows(i0, rows, period, srow);
		for (int p = 0; p < n / 32; p++) {
			v16f acc[8][2];
			if (rows == 8)
				tile32(a + i0 * k, k, bp + (long)p * k * 32, 8, acc);
			else
				tile32(a + i0 * k, k, bp + (long)p * k * 32, rows, acc);
			for (int r = 0; r < rows; r++) {
				v16f c0 = acc[r][0], c1 = acc[r][1], f0, f1;
				if (bias) {
					memcpy(&f0, bias + p * 32, 64);
					memcpy(&f1, bias + p * 32 + 16, 64);
					c0 += f0;
					c1 += f1;
				}
				if (scale) {
					const float *sr = scale + srow[r] * n + p * 32;
					memcpy(&f0, sr, 64);
					memcpy(&f1, sr + 16, 64);
					c0 *= f0;
					c1 *= f1;
				}
				if (sums) {
					float *s = sums + p * 32;
					memcpy(&f0, s, 64);
					memcpy(&f1, s + 16, 64);
					f0 += c0;
					f1 += c1;
					memcpy(s, &f0, 64);
					memcpy(s + 16, &f1, 64);
				}
				if (act >= 0) {
					v16f z0 = c0, z1 = c1;
					activation_lanes16(act, &z0, &c0, d ? &f0 : NULL);
					activation_lanes16(act, &z1, &c1, d ? &f1 : NULL);
					if (d) {
						memcpy(d + (i0 + r) * n + p * 32, &f0, 64);
						memcpy(d + (i0 + r) * n + p * 32 + 16, &f1, 64);
					}
				}
				float *cr = c + (i0 + r) * n + p * 32;
				memcpy(cr, &c0, 64);
				memcpy(cr + 16, &c1, 64);
			}
		}
	}
}

// mul is mul32 when wide (the weights packed by pack32), else mul16.
static inline __attribute__((always_inline)) void mul(int wide, const float *a, long m, int k, const float *bp, int n, float *c,
		const float *bias, const float *scale, long period, int act, float *d, float *sums) {
	if (wide)
		mul32(a, m, k, bp, n, c, bias, scale, period, act, d, sums);
	else
		mul16(a, m, k, bp, n, c, bias, scale, period, act, d, sums);
}

// activation_in_kernel reports whether mul16 can apply activation act itself.
static inline int activation_in_kernel(int act) { return act == ACT_SILU || act == ACT_ELU || act == ACT_SELU; }

// first_layer computes layer 0 (nin narrow; nout wider than NARROW, a
// multiple of 16 when wide, else of 8) for r rows of x from its transposed
// weights wt, the activation applied in the registers: h = σ(x·Wᵀ + b),
// and σ' into d unless d is NULL. Each output is b + Σ_j x_j·W[o][j] summed in dense's
// order and put through the lane kernels activate's calls use, so the
// values are dense's and activate's, without the pass over z between them.
static inline __attribute__((always_inline)) void first_layer(int wide, const float *x, long r, int nin, const float *wt,
		const float *b, int nout, int act, float *h, float *d) {
	for (long i = 0; i < r; i++) {
		const float *xi = x + i * nin;
		if (wide) {
			for (int o = 0; o < nout; o += 16) {
				v16f c, w, z, g;
				memcpy(&c, b + o, 64);
				for (int j = 0; j < nin; j++) {
					const float xj = xi[j];
					const v16f xv = {xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj, xj};
					memcpy(&w, wt + (long)j * nout + o, 64);
					c += xv * w;
				}
				z = c;
				activation_lanes16(act, &z, &c, d ? &g : NULL);
				memcpy(h + i * nout + o, &c, 64);
				if (d) memcpy(d + i * nout + o, &g, 64);
			}
			continue;
		}
		for (int o = 0; o < nout; o += 8) {
			v8f c, w, z, g;
			memcpy(&c, b + o, 32);
			for (int j = 0; j < nin; j++) {
				const float xj = xi[j];
				const v8f xv = {xj, xj, xj, xj, xj, xj, xj, xj};
				memcpy(&w, wt + (long)j * nout + o, 32);
				c += xv * w;
			}
			z = c;
			activation_lanes(act, &z, &c, d ? &g : NULL);
			memcpy(h + i * nout + o, &c, 32);
			if (d) memcpy(d + i * nout + o, &g, 32);
		}
	}
}

// The training passes (train_openblas.go) also need the backward products
// dZ·W, for which mul16 and mul32 read panels of Wᵀ, and the weight
// gradients dZᵀ·X, a sum over the batch's rows.

// packt16 lays out the columns of the nout×nin W (nin a multiple of 16) as
// the panels pack16 makes of Wᵀ: panel p holds W[j][16p+c] at j·16+c.
static void packt16(const float *w, int nout, int nin, float *bp) {
	for (int p = 0; p < nin / 16; p++)
		for (int j = 0; j < nout; j++) memcpy(bp + ((long)p * nout + j) * 16, w + (long)j * nin + 16 * p, 16 * sizeof(float));
}

// packt32 is packt16 for pack32's panels (nin a multiple of 32).
static void packt32(const float *w, int nout, int nin, float *bp) {
	for (int p = 0; p < nin / 32; p++)
		for (int j = 0; j < nout; j++) memcpy(bp + ((long)p * nout + j) * 32, w + (long)j * nin + 32 * p, 32 * sizeof(float));
}

// gtile accumulates, over the m rows i, A[i][r]·B[i][0…16) for the rows
// (≤ 6) columns r of A (row stride lda) into acc, B of row stride ldb: a
// 6×16 tile of Aᵀ·B, in the registers of mul16's tile.
static inline __attribute__((always_inline)) void gtile(const float *restrict a, int lda, long m, const float *restrict b, int ldb,
		int rows, v8f acc[6][2]) {
	v8f c[6][2] = {{{0}}};
	for (long i = 0; i < m; i++) {
		v8f b0, b1;
		memcpy(&b0, b + i * ldb, 32);
		memcpy(&b1, b + i * ldb + 8, 32);
		for (int r = 0; r < rows; r++) {
			const float x = a[i * lda + r];
			const v8f av = {x, x, x, x, x, x, x, x};
			c[r][0] += av * b0;
			c[r][1] += av * b1;
		}
	}
	for (int r = 0; r < rows; r++) {
		acc[r][0] = c[r][0];
		acc[r][1] = c[r][1];
	}
}

// gtile32 is gtile for an 8×32 tile in sixteen-lane registers.
static inline __attribute__((always_inline)) void gtile32(const float *restrict a, int lda, long m, const float *restrict b, int ldb,
		int rows, v16f acc[8][2]) {
	v16f c[8][2] = {{{0}}};
	for (long i = 0; i < m; i++) {
		v16f b0, b1;
		memcpy(&b0, b + i * ldb, 64);
		memcpy(&b1, b + i * ldb + 16, 64);
		for (int r = 0; r < rows; r++) {
			const float x = a[i * lda + r];
			const v16f av = {x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x};
			c[r][0] += av * b0;
			c[r][1] += av * b1;
		}
	}
	for (int r = 0; r < rows; r++) {
		acc[r][0] = c[r][0];
		acc[r][1] = c[r][1];
	}
}

// gradw computes the no×ni C = Aᵀ·B for the m×no A and m×ni B (ni a
// multiple of 32 when wide, else of 16), each entry one sum over the rows
// in order.
static inline __attribute__((always_inline)) void gradw(int wide, const float *a, long m, int no, const float *b, int ni, float *c) {
	if (wide) {
		for (int o0 = 0; o0 < no; o0 += 8) {
			const int rows = no - o0 < 8 ? no - o0 : 8;
			for (int p = 0; p < ni / 32; p++) {
				v16f acc[8][2];
				if (rows == 8)
					gtile32(a + o0, no, m, b + p * 32, ni, 8, acc);
				else
					gtile32(a + o0, no, m, b + p * 32, ni, rows, acc);
				for (int r = 0; r < rows; r++) {
					memcpy(c + (long)(o0 + r) * ni + p * 32, &acc[r][0], 64);
					memcpy(c + (long)(o0 + r) * ni + p * 32 + 16, &acc[r][1], 64);
				}
			}
		}
		return;
	}
	for (int o0 = 0; o0 < no; o0 += 6) {
		const int rows = no - o0 < 6 ? no - o0 : 6;
		for (int p = 0; p < ni / 16; p++) {
			v8f acc[6][2];
			if (rows == 6)
				gtile(a + o0, no, m, b + p * 16, ni, 6, acc);
			else
				gtile(a + o0, no, m, b + p * 16, ni, rows, acc);
			for (int r = 0; r < rows; r++) {
				memcpy(c + (long)(o0 + r) * ni + p * 16, &acc[r][0], 32);
				memcpy(c + (long)(o0 + r) * ni + p * 16 + 8, &acc[r][1], 32);
			}
		}
	}
}

#endif
