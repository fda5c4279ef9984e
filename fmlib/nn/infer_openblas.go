//go:build cgo && !purego

package nn

/*
#cgo CFLAGS: -O3

#pragma GCC optimize("no-trapping-math", "no-math-errno")

#include "lanes.h"

// OpenBLAS's CBLAS entry point, declared with its enums as ints.
void cblas_sgemm(int order, int ta, int tb, int m, int n, int k, float alpha, const float *a, int lda,
		const float *b, int ldb, float beta, float *c, int ldc);
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

// The activation kernels of backend_openblas.go.
void gophlow_silu(const float *z, float *h, long n);
void gophlow_silu_d(const float *z, float *h, float *d, long n);
void gophlow_tanh(const float *z, float *h, long n);
void gophlow_tanh_d(const float *z, float *h, float *d, long n);
void gophlow_elu(const float *z, float *h, long n, float scale, float alpha);
void gophlow_elu_d(const float *z, float *h, float *d, long n, float scale, float alpha);

// activate applies activation a to n values of z into h, and σ' into d
// unless d is NULL.
static void activate(int a, const float *z, float *h, float *d, long n) {
	switch (a) {
	case ACT_SILU:
		if (d) gophlow_silu_d(z, h, d, n); else gophlow_silu(z, h, n);
		break;
	case ACT_TANH:
		if (d) gophlow_tanh_d(z, h, d, n); else gophlow_tanh(z, h, n);
		break;
	case ACT_ELU:
		if (d) gophlow_elu_d(z, h, d, n, 1, 1); else gophlow_elu(z, h, n, 1, 1);
		break;
	case ACT_SELU:
		if (d) gophlow_elu_d(z, h, d, n, SELU_LAMBDA, SELU_ALPHA); else gophlow_elu(z, h, n, SELU_LAMBDA, SELU_ALPHA);
		break;
	}
}

// Layers with at most NARROW inputs or outputs are computed by the loops
// below: BLAS packs its operands for products that size, which costs more
// than the arithmetic.
#define NARROW 16

// dense computes z = x·Wᵀ + b for r rows of x (r×nin); W is nout×nin
// (PyTorch's layout) and wt, when not NULL, its transpose, used when nin is
// narrow.
static inline __attribute__((always_inline)) void dense(const float *x, long r, int nin, const float *w, const float *wt, const float *b, int nout, float *z) {
	if (nout <= NARROW) {
		for (long i = 0; i < r; i++)
			for (int o = 0; o < nout; o++) z[i * nout + o] = b[o] + dot(x + i * nin, w + (long)o * nin, nin);
		return;
	}
	if (wt && nin <= NARROW) {
		for (long i = 0; i < r; i++) {
			float *restrict zi = z + i * nout;
			memcpy(zi, b, sizeof(float) * nout);
			for (int j = 0; j < nin; j++) {
				const float xj = x[i * nin + j];
				const float *restrict wj = wt + (long)j * nout;
				for (int o = 0; o < nout; o++) zi[o] += xj * wj[o];
			}
		}
		return;
	}
	for (long i = 0; i < r; i++) memcpy(z + i * nout, b, sizeof(float) * nout);
	cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, r, nout, nin, 1, x, nin, w, nin, 1, z, nout);
}

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
// elementwise by row i mod period of scale when scale is not NULL; then,
// when act ≥ 0 (a fusable activation), stores σ(C) in C and σ'(C) in d
// unless d is NULL.
static inline __attribute__((always_inline)) void mul16(const float *a, long m, int k, const float *bp, int n, float *c,
		const float *bias, const float *scale, long period, int act, float *d) {
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
		const float *bias, const float *scale, long period, int act, float *d) {
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
		const float *bias, const float *scale, long period, int act, float *d) {
	if (wide)
		mul32(a, m, k, bp, n, c, bias, scale, period, act, d);
	else
		mul16(a, m, k, bp, n, c, bias, scale, period, act, d);
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


// gophlow_mlp_work is the number of floats of work space gophlow_mlp_infer
// needs for chunks of r rows.
long gophlow_mlp_work(const int *sizes, int layers, long r, int with_div) {
	int maxw = 0;
	for (int l = 1; l <= layers; l++) maxw = sizes[l] > maxw ? sizes[l] : maxw;
	long n = (long)sizes[0] * sizes[1] + 2 * r * maxw; // wt, z, h
	for (int l = 1; l + 1 < layers; l++) n += (long)sizes[l] * sizes[l + 1]; // packed weights
	if (with_div) {
		for (int l = 1; l < layers; l++) n += r * sizes[l];  // σ' of each hidden layer
		n += 2 * (long)sizes[layers] * r * maxw;            // tangent ping-pong
	}
	return n;
}

// mlp_infer evaluates the MLP on rows rows of in (rows×sizes[0]),
// chunk rows at a time so that every intermediate stays in cache, writing
// the output (rows×sizes[layers]) into out and, when div is not NULL, the
// trace of the output's Jacobian in the first sizes[layers] input columns
// into div: the unit tangents e_k are pushed forward through the network
// linearised at each row (forward mode), and only the diagonal of the last
// layer's product is formed. params holds each layer's weights and then its
// biases, back to back; layers ≥ 2. Chunk c holds rows c·chunk…; with claim
// NULL the call computes every chunk, otherwise it takes the next chunk
// number from *claim until none is left, so several threads can share the
// rows and each finishes when the work does. With wide set (in AVX-512
// code only), the hidden layers whose width is a multiple of 32 use mul32.
static inline __attribute__((always_inline)) void mlp_infer(const float *params, const int *sizes, int layers, int act,
		const float *in, long rows, float *out, float *div, float *work, long chunk, long *claim, const int wide) {
	int maxw = 0;
	for (int l = 1; l <= layers; l++) maxw = sizes[l] > maxw ? sizes[l] : maxw;
	const int dim = sizes[layers], n1 = sizes[1];
	// Layer 0's weights, transposed.
	float *wt = work;
	for (int o = 0; o < n1; o++)
		for (int j = 0; j < sizes[0]; j++) wt[(long)j * n1 + o] = params[(long)o * sizes[0] + j];
	// The hidden-to-hidden weights packed for mul32 (those 32 wide, when
	// wide) or mul16 (those 16 wide).
	const float *packed[64] = {NULL};
	int w32[64] = {0};
	float *next = wt + (long)sizes[0] * n1;
	const float *lp = params + (long)n1 * sizes[0] + n1;
	for (int l = 1; l + 1 < layers; l++) {
		w32[l] = wide && sizes[l + 1] % 32 == 0;
		if (w32[l]) {
			pack32(lp, sizes[l + 1], sizes[l], next);
			packed[l] = next;
			next += (long)sizes[l] * sizes[l + 1];
		} else if (sizes[l + 1] % 16 == 0) {
			pack16(lp, sizes[l + 1], sizes[l], next);
			packed[l] = next;
			next += (long)sizes[l] * sizes[l + 1];
		}
		lp += (long)sizes[l + 1] * sizes[l] + sizes[l + 1];
	}
	float *z = next, *h = z + chunk * maxw;
	float *deriv[64], *ta = NULL, *tb = NULL;
	next = h + chunk * maxw;
	if (div) {
		for (int l = 0; l + 1 < layers; l++) {
			deriv[l] = next;
			next += chunk * sizes[l + 1];
		}
		ta = next;
		tb = ta + (long)dim * chunk * maxw;
	}
	for (long c = claim ? __atomic_fetch_add(claim, 1, __ATOMIC_RELAXED) : 0; c * chunk < rows;
			c = claim ? __atomic_fetch_add(claim, 1, __ATOMIC_RELAXED) : c + 1) {
		const long r0 = c * chunk, r = rows - r0 < chunk ? rows - r0 : chunk;
		// Layer 0 reads the input; each later layer reads the activations x
		// (in z or h) and writes the other buffer, o.
		if (sizes[0] <= NARROW && n1 > NARROW && activation_in_kernel(act) && n1 % (wide ? 16 : 8) == 0) {
			first_layer(wide, in + r0 * sizes[0], r, sizes[0], wt, params + (long)n1 * sizes[0], n1, act, h,
					div ? deriv[0] : NULL);
		} else {
			dense(in + r0 * sizes[0], r, sizes[0], params, wt, params + (long)n1 * sizes[0], n1, z);
			activate(act, z, h, div ? deriv[0] : NULL, r * n1);
		}
		float *x = h;
		const float *p = params + (long)n1 * sizes[0] + n1;
		for (int l = 1; l < layers; l++) {
			const int nin = sizes[l], nout = sizes[l + 1];
			const float *w = p, *b = p + (long)nout * nin;
			float *o = x == h ? z : h;
			p = b + nout;
			if (l + 1 == layers) {
				dense(x, r, nin, w, NULL, b, nout, out + r0 * nout);
				break;
			}
			if (packed[l] && activation_in_kernel(act)) {
				mul(w32[l], x, r, nin, packed[l], nout, o, b, NULL, 0, act, div ? deriv[l] : NULL);
				x = o;
				continue;
			}
			if (packed[l])
				mul(w32[l], x, r, nin, packed[l], nout, o, b, NULL, 0, -1, NULL);
			else
				dense(x, r, nin, w, NULL, b, nout, o);
			activate(act, o, x, div ? deriv[l] : NULL, r * nout); // x's old values are spent
		}
		if (!div) continue;
		// Tangent k of layer 0: σ'(z) ⊙ W₀[:, k], stacked k-major (dim·r rows).
		for (int k = 0; k < dim; k++)
			for (long i = 0; i < r; i++) {
				float *restrict t = ta + ((long)k * r + i) * n1;
				const float *restrict d = deriv[0] + i * n1, *restrict wk = wt + (long)k * n1;
				for (int j = 0; j < n1; j++) t[j] = d[j] * wk[j];
			}
		p = params + (long)n1 * sizes[0] + n1;
		for (int l = 1; l + 1 < layers; l++) {
			const int nin = sizes[l], nout = sizes[l + 1];
			if (packed[l]) {
				mul(w32[l], ta, dim * r, nin, packed[l], nout, tb, NULL, deriv[l], r, -1, NULL);
			} else {
				cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, dim * r, nout, nin, 1, ta, nin, p, nin, 0, tb, nout);
				for (int k = 0; k < dim; k++)
					for (long i = 0; i < r * nout; i++) tb[k * r * nout + i] *= deriv[l][i];
			}
			p += (long)nout * nin + nout;
			float *s = ta;
			ta = tb;
			tb = s;
		}
		const int nl = sizes[layers - 1];
		for (long i = 0; i < r; i++) {
			float s = 0;
			for (int k = 0; k < dim; k++) s += dot(ta + ((long)k * r + i) * nl, p + (long)k * nl, nl);
			div[r0 + i] = s;
		}
	}
}

// gophlow_mlp_infer is mlp_infer in AVX2 and SSE2 clones.
CLONES void gophlow_mlp_infer(const float *params, const int *sizes, int layers, int act, const float *in,
		long rows, float *out, float *div, float *work, long chunk, long *claim) {
	mlp_infer(params, sizes, layers, act, in, rows, out, div, work, chunk, claim, 0);
}

// gophlow_mlp_infer_wide is mlp_infer with AVX-512's sixteen lanes, for
// the processors gophlow_wide_kernels reports.
__attribute__((target("arch=x86-64-v4"))) void gophlow_mlp_infer_wide(const float *params, const int *sizes, int layers,
		int act, const float *in, long rows, float *out, float *div, float *work, long chunk, long *claim) {
	mlp_infer(params, sizes, layers, act, in, rows, out, div, work, chunk, claim, 1);
}

// gophlow_wide_kernels reports whether the processor runs x86-64-v4 code
// (AVX-512 F, BW, CD, DQ and VL, with the system saving their registers).
int gophlow_wide_kernels(void) { return __builtin_cpu_supports("x86-64-v4"); }
*/
import "C"

import "unsafe"

// inferWork is the number of floats of work space inferNative needs for
// chunks of chunk rows.
func inferWork(sizes []int32, chunk int, withDiv bool) int {
	w := 0
	if withDiv {
		w = 1
	}
	return int(C.gophlow_mlp_work((*C.int)(unsafe.Pointer(&sizes[0])), C.int(len(sizes)-1), C.long(chunk), C.int(w)))
}

// inferNative evaluates the float32 network (and its divergence when div is
// not nil) on rows rows of in with the fused C kernel, chunk rows at a time;
// sizes are the layer widths and work holds inferWork floats. With claim
// not nil, the chunks are shared with other calls through claim[0], the
// number of the next chunk to take.
func inferNative(params []float32, sizes []int32, act Activation, in []float32, rows int, out, div, work []float32, chunk int, claim []int64) {
	var dp *C.float
	if div != nil {
		dp = (*C.float)(unsafe.Pointer(&div[0]))
	}
	var cp *C.long
	if claim != nil {
		cp = (*C.long)(unsafe.Pointer(&claim[0]))
	}
	pp, sp, ip := (*C.float)(unsafe.Pointer(&params[0])), (*C.int)(unsafe.Pointer(&sizes[0])), (*C.float)(unsafe.Pointer(&in[0]))
	op, wp := (*C.float)(unsafe.Pointer(&out[0])), (*C.float)(unsafe.Pointer(&work[0]))
	if wideKernels {
		C.gophlow_mlp_infer_wide(pp, sp, C.int(len(sizes)-1), C.int(act), ip, C.long(rows), op, dp, wp, C.long(chunk), cp)
		return
	}
	C.gophlow_mlp_infer(pp, sp, C.int(len(sizes)-1), C.int(act), ip, C.long(rows), op, dp, wp, C.long(chunk), cp)
}

// wideKernels says whether inferNative runs the AVX-512 kernel (the
// processor has it); tests switch it off to compare with the AVX2 one.
var wideKernels = C.gophlow_wide_kernels() != 0
