// lanes.h: single-precision maths for the C kernels of backend_openblas.go,
// infer_openblas.go and thin_openblas.go, as scalars and as eight lanes
// of GCC's vector types (which compile to plainer vector code than the
// auto-vectoriser makes of the scalar loops). Lanes are passed by pointer:
// a vector passed by value would make GCC warn about the ABI of the non-AVX
// clones.
#ifndef GOPHLOW_LANES_H
#define GOPHLOW_LANES_H

#include <stdint.h>
#include <string.h>

// The kernels are built by target_clones as x86-64-v4 (AVX-512), x86-64-v3
// (AVX2 with FMA) and baseline SSE2 versions, one picked at load time. The
// static helpers they call must be always inlined: one compiled on its own
// would be the baseline version whatever clone calls it.
#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

typedef float v8f __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));

// Activation codes, as nn.Activation numbers them.
enum { ACT_SILU = 0, ACT_TANH = 2, ACT_ELU = 3, ACT_SELU = 4 };

// SELU's λ and α (torch.nn.SELU).
#define SELU_LAMBDA 1.0507009873554804934193349852946f
#define SELU_ALPHA 1.6732632423543772848170429916717f

// exp_poly is e^x in single precision, branch-free so that loops over it
// vectorise: x = n·ln2 + r with n rounded by adding 1.5·2^23, e^r by Cephes'
// degree-5 polynomial for expf, 2^n built in the exponent bits. x is first
// clamped to [-87, 87] by a max and a min, so 2^n stays a normal number; the
// clamp turns NaN into a bound, so a kernel whose result would not carry the
// NaN of its input on its own restores it.
static inline float exp_poly(float x) {
	x = x > -87.0f ? x : -87.0f;
	x = x < 87.0f ? x : 87.0f;
	float k = x * 1.44269504088896341f + 12582912.0f;
	int32_t kb;
	memcpy(&kb, &k, 4);
	int32_t n = kb - 0x4b400000;
	float fn = k - 12582912.0f;
	float r = x - fn * 0.693359375f - fn * -2.12194440e-4f;
	float p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r + 1.6666665459e-1f) * r + 5.0000001201e-1f;
	p = p * r * r + r + 1.0f;
	int32_t b = (n + 127) << 23;
	float scale;
	memcpy(&scale, &b, 4);
	return p * scale;
}

// The lane kernels below come in two widths: eight lanes (v8f, for AVX2)
// and sixteen (v16f, one AVX-512 register), defined once by LANE_KERNELS
// for a vector type VF with integer lanes VI and the names of its functions.
typedef float v16f __attribute__((vector_size(64)));
typedef int32_t v16i __attribute__((vector_size(64)));

// EXP replaces the lanes by their exp_poly (the clamp as selects).
//
// SILU writes SiLU(v) = v·s, s = 1/(1 + e^{−v}), into h and its derivative
// s·(1 + v·(1 − s)) into d unless d is NULL; NaN is carried by the factor v.
//
// ELU writes scale·v for v > 0, scale·alpha·(e^v − 1) otherwise, into h and
// its derivative into d unless d is NULL (NaN takes the first form). h is
// written as sa·(e^v − 1), which no fused multiply-add can round
// differently with and without d.
//
// ACT applies activation act (SiLU, ELU or SELU) to the lanes and reports
// whether it has a lane form.
#define LANE_KERNELS(VF, VI, EXP, SILU, ELU, ACT)                                                                   \
	static inline __attribute__((always_inline)) void EXP(VF *lanes) {                                             \
		VF x = *lanes;                                                                                         \
		VI m = x > -87.0f;                                                                                     \
		x = (VF)((m & (VI)x) | (~m & (VI)((VF){} - 87.0f)));                                                   \
		m = x < 87.0f;                                                                                         \
		x = (VF)((m & (VI)x) | (~m & (VI)((VF){} + 87.0f)));                                                   \
		VF k = x * 1.44269504088896341f + 12582912.0f;                                                         \
		VI n = (VI)k - 0x4b400000;                                                                             \
		VF fn = k - 12582912.0f;                                                                               \
		VF r = x - fn * 0.693359375f - fn * -2.12194440e-4f;                                                   \
		VF p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r + 4.1665795894e-2f) * r + \
			       1.6666665459e-1f) * r + 5.0000001201e-1f;                                              \
		p = p * r * r + r + 1.0f;                                                                              \
		*lanes = p * (VF)((n + 127) << 23);                                                                    \
	}                                                                                                              \
	static inline __attribute__((always_inline)) void SILU(const VF *v, VF *h, VF *d) {                            \
		VF s = -*v;                                                                                            \
		EXP(&s);                                                                                               \
		s = 1.0f / (1.0f + s);                                                                                 \
		*h = *v * s;                                                                                           \
		if (d) *d = s * (1.0f + *v * (1.0f - s));                                                              \
	}                                                                                                              \
	static inline __attribute__((always_inline)) void ELU(const VF *v, float scale, float alpha, VF *h, VF *d) {   \
		const float sa = scale * alpha;                                                                        \
		VI neg = *v <= 0.0f;                                                                                   \
		VF e = (VF)(neg & (VI)*v);                                                                             \
		EXP(&e);                                                                                               \
		*h = (VF)((neg & (VI)(sa * (e - 1.0f))) | (~neg & (VI)(scale * *v)));                                  \
		if (d) *d = (VF)((neg & (VI)(sa * e)) | (~neg & (VI)((VF){} + scale)));                                \
	}                                                                                                              \
	static inline __attribute__((always_inline)) int ACT(int act, const VF *v, VF *h, VF *d) {                     \
		switch (act) {                                                                                         \
		case ACT_SILU:                                                                                         \
			SILU(v, h, d);                                                                                 \
			return 1;                                                                                      \
		case ACT_ELU:                                                                                          \
			ELU(v, 1, 1, h, d);                                                                            \
			return 1;                                                                                      \
		case ACT_SELU:                                                                                         \
			ELU(v, SELU_LAMBDA, SELU_ALPHA, h, d);                                                         \
			return 1;                                                                                      \
		}                                                                                                      \
		return 0;                                                                                              \
	}

LANE_KERNELS(v8f, v8i, exp_v8, silu_lanes, elu_lanes, activation_lanes)
LANE_KERNELS(v16f, v16i, exp_v16, silu_lanes16, elu_lanes16, activation_lanes16)

// dot is Σ a_j·b_j with eight partial sums, so that it vectorises.
static inline __attribute__((always_inline)) float dot(const float *restrict a, const float *restrict b, long n) {
	float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
	long j = 0;
	for (; j + 8 <= n; j += 8)
		for (int q = 0; q < 8; q++) acc[q] += a[j + q] * b[j + q];
	float s = 0;
	for (; j < n; j++) s += a[j] * b[j];
	for (int q = 0; q < 8; q++) s += acc[q];
	return s;
}

#endif
