//go:build cgo && !purego

package nn

/*
#cgo CFLAGS: -O3

#pragma GCC optimize("no-trapping-math", "no-math-errno")

#include "tiles.h"

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
				mul(w32[l], x, r, nin, packed[l], nout, o, b, NULL, 0, act, div ? deriv[l] : NULL, NULL);
				x = o;
				continue;
			}
			if (packed[l])
				mul(w32[l], x, r, nin, packed[l], nout, o, b, NULL, 0, -1, NULL, NULL);
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
				mul(w32[l], ta, dim * r, nin, packed[l], nout, tb, NULL, deriv[l], r, -1, NULL, NULL);
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
