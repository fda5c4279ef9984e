// fma_peak.c: one core's single-precision FMA peak, for the compute floors
// that `make bench` prints (fmlib/train_bench_test.go compiles and runs it).
// Twelve independent chains of fused multiply-adds keep both FMA pipes busy
// past their latency (2 pipes × 4 cycles). Runs are timed in the thread's
// CPU time, so that the shared machine's other jobs, which take the core
// away, do not count; the best of five is taken. Prints
// "fma_peak gflops_8lane=… gflops_16lane=…" (AVX2 registers, and AVX-512
// ones when the processor has them, else 0).
#include <stdio.h>
#include <time.h>

typedef float v8f __attribute__((vector_size(32)));
typedef float v16f __attribute__((vector_size(64)));

#define ITERS 20000000L

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

// CHAINS runs ITERS rounds of twelve independent FMA chains of vector type
// VF (in registers: named variables, not an array) and sets gflops, at 2
// flops per lane per FMA.
#define CHAINS(VF, LANES, gflops)                                                                              \
	do {                                                                                                   \
		VF b = {1.0000001f}, c = {1e-9f};                                                              \
		VF a0 = b, a1 = b + b, a2 = a1 + b, a3 = a2 + b, a4 = a3 + b, a5 = a4 + b, a6 = a5 + b;        \
		VF a7 = a6 + b, a8 = a7 + b, a9 = a8 + b, a10 = a9 + b, a11 = a10 + b;                         \
		double t = now();                                                                              \
		for (long k = 0; k < ITERS; k++) {                                                             \
			a0 = a0 * b + c, a1 = a1 * b + c, a2 = a2 * b + c, a3 = a3 * b + c;                    \
			a4 = a4 * b + c, a5 = a5 * b + c, a6 = a6 * b + c, a7 = a7 * b + c;                    \
			a8 = a8 * b + c, a9 = a9 * b + c, a10 = a10 * b + c, a11 = a11 * b + c;                \
			__asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5));     \
			__asm__ volatile("" : "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11));  \
		}                                                                                              \
		t = now() - t;                                                                                 \
		VF s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                            \
		gflops = s[0] == -1 ? 0 : ITERS * 12 * LANES * 2.0 / t / 1e9;                                  \
	} while (0)

__attribute__((target("avx2,fma"))) static double run8(void) {
	double g;
	CHAINS(v8f, 8, g);
	return g;
}

__attribute__((target("arch=x86-64-v4"))) static double run16(void) {
	double g;
	CHAINS(v16f, 16, g);
	return g;
}

int main(void) {
	double g8 = 0, g16 = 0;
	for (int r = 0; r < 5; r++) {
		double v = run8();
		g8 = v > g8 ? v : g8;
		if (__builtin_cpu_supports("x86-64-v4")) {
			v = run16();
			g16 = v > g16 ? v : g16;
		}
	}
	printf("fma_peak gflops_8lane=%.1f gflops_16lane=%.1f\n", g8, g16);
	return 0;
}
