package nn

import (
	"math"
	"unsafe"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
)

// float is the element type of a network's parameters and buffers: float32
// by default, float64 for exact checks.
type float interface{ ~float32 | ~float64 }

// is32 reports whether T is float32.
func is32[T float]() bool {
	var z T
	return unsafe.Sizeof(z) == 4
}

// as32 and as64 reinterpret a []T of the matching width without copying.
func as32[T float](s []T) []float32 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*float32)(unsafe.Pointer(&s[0])), len(s))
}

func as64[T float](s []T) []float64 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&s[0])), len(s))
}

// transpose maps a flag to BLAS's transpose argument.
func transpose(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

// gemm computes C = alpha·op(A)·op(B) + beta·C on row-major m×n C through
// blas32 or blas64, whichever implementation is plugged in. With OpenBLAS
// (run single-threaded, see backend_openblas.go) a large product is split
// into two halves of C's rows, the second computed by the helper goroutine;
// done is the caller's completion channel (see parallel.go).
func gemm[T float](tA, tB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int, done chan struct{}) {
	if m == 0 || n == 0 {
		return
	}
	if nativeKernels && m >= 16 && m*n*k >= splitGEMM && splits(splitMin) {
		mid := m / 2
		aOff := mid * lda
		if tA {
			aOff = mid
		}
		second := gemmArgs[T]{tA: tA, tB: tB, m: m - mid, n: n, k: k, alpha: alpha, a: a[aOff:], lda: lda, b: b, ldb: ldb, beta: beta, c: c[mid*ldc:], ldc: ldc}
		sendGemm(second, done)
		gemmSerial(tA, tB, mid, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		<-done
		return
	}
	gemmSerial(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// axpy computes y += alpha·x.
func axpy[T float](alpha T, x, y []T) {
	if is32[T]() {
		blas32.Implementation().Saxpy(len(x), float32(alpha), as32(x), 1, as32(y), 1)
		return
	}
	blas64.Implementation().Daxpy(len(x), float64(alpha), as64(x), 1, as64(y), 1)
}

// splitGEMM is the size m·n·k from which a product is split over two
// cores: below it the hand-off costs more than it saves.
const splitGEMM = 1 << 22

// gemmArgs are the arguments of one gemmSerial call.
type gemmArgs[T float] struct {
	tA, tB      bool
	m, n, k     int
	alpha, beta T
	a, b, c     []T
	lda, ldb    int
	ldc         int
}

// run calls gemmSerial with the arguments.
func (g *gemmArgs[T]) run() {
	gemmSerial(g.tA, g.tB, g.m, g.n, g.k, g.alpha, g.a, g.lda, g.b, g.ldb, g.beta, g.c, g.ldc)
}

// gemmSerial is one BLAS call on the calling goroutine.
func gemmSerial[T float](tA, tB bool, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if is32[T]() {
		if thin32(tA, tB, m, n, k, float32(alpha), as32(a), lda, as32(b), ldb, float32(beta), as32(c), ldc) {
			return
		}
		blas32.Implementation().Sgemm(transpose(tA), transpose(tB), m, n, k, float32(alpha), as32(a), lda, as32(b), ldb, float32(beta), as32(c), ldc)
		return
	}
	blas64.Implementation().Dgemm(transpose(tA), transpose(tB), m, n, k, float64(alpha), as64(a), lda, as64(b), ldb, float64(beta), as64(c), ldc)
}

// gemvT computes y = alpha·Aᵀx + beta·y for a row-major m×n A.
func gemvT[T float](m, n int, alpha T, a []T, lda int, x []T, beta T, y []T) {
	if m == 0 || n == 0 {
		return
	}
	if is32[T]() {
		blas32.Implementation().Sgemv(blas.Trans, m, n, float32(alpha), as32(a), lda, as32(x), 1, float32(beta), as32(y), 1)
		return
	}
	blas64.Implementation().Dgemv(blas.Trans, m, n, float64(alpha), as64(a), lda, as64(x), 1, float64(beta), as64(y), 1)
}

// expT is e^x, with a fast single-precision kernel for float32.
func expT[T float](x T) T {
	if is32[T]() {
		return T(exp32(float32(x)))
	}
	return T(math.Exp(float64(x)))
}

// exp32 is e^x in single precision (relative error about 2e-7): x = n·ln2 + r
// with |r| ≤ ln2/2 (n rounded by adding 1.5·2²³), e^r by Cephes' degree-5
// minimax polynomial for expf, times 2^n built in the exponent bits.
// Underflows to 0 below −87.3 and saturates to +Inf above 88.7.
func exp32(x float32) float32 {
	const (
		log2e = 1.44269504088896341
		ln2hi = 0.693359375
		ln2lo = -2.12194440e-4
		round = 12582912 // 1.5·2²³: adding it rounds a float32 to an integer
	)
	if !(x > -87.33) { // also catches NaN
		if x != x {
			return x
		}
		return 0
	}
	if x > 88.72 {
		return float32(math.Inf(1))
	}
	k := x*log2e + round
	n := int32(math.Float32bits(k)) - 0x4b400000
	fn := k - round
	r := x - fn*ln2hi - fn*ln2lo
	p := ((((1.9875691500e-4*r+1.3981999507e-3)*r+8.3334519073e-3)*r+4.1665795894e-2)*r+1.6666665459e-1)*r + 5.0000001201e-1
	p = p*r*r + r + 1
	if n > 127 { // 2^128 overflows the exponent field: scale in two steps
		return 2 * p * math.Float32frombits(uint32(n+126)<<23)
	}
	return p * math.Float32frombits(uint32(n+127)<<23)
}
