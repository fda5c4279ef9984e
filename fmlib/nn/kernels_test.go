package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExp32 checks the single-precision exponential against math.Exp over
// the range activations use; 4e-7 relative is two float32 ulps.
func TestExp32(t *testing.T) {
	for x := -87.0; x <= 88.5; x += 0.0137 {
		got := float64(exp32(float32(x)))
		want := math.Exp(float64(float32(x)))
		if rel := math.Abs(got-want) / want; rel > 4e-7 {
			t.Fatalf("exp32(%v) = %v, want %v (relative error %.2g)", x, got, want, rel)
		}
	}
	if exp32(-100) != 0 || !math.IsInf(float64(exp32(100)), 1) {
		t.Fatalf("exp32 limits: exp32(-100) = %v, exp32(100) = %v", exp32(-100), exp32(100))
	}
}

// TestThinProducts checks gemmSerial's float32 products with one dimension
// of at most thinMax (computed by thin32 with the C kernels) against float64
// sums, in every layout the network uses, with leading dimensions larger
// than the rows, widths across thin32's 512-column blocks, and beta = 0 on
// a C full of NaN (which must not be read). The tolerance is float32's
// bound for a sum of k products, k·2⁻²³ times the sum of their magnitudes.
func TestThinProducts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, s := range []struct {
		tA, tB  bool
		m, n, k int
	}{
		{false, true, 37, 530, 3}, // the input layer's forward product
		{false, false, 37, 70, 2}, // the output layer's input gradient
		{false, true, 37, 2, 517}, // the output layer's forward product
		{true, false, 2, 75, 300}, // the output layer's weight gradient
		{true, false, 600, 3, 50}, // the input layer's weight gradient
		{false, false, 5, 6, 7},   // not thin: the BLAS computes it
	} {
		for _, beta := range []float32{0, 1, -0.5} {
			const alpha, pad = 0.7, 3
			ar, ac := s.m, s.k
			if s.tA {
				ar, ac = s.k, s.m
			}
			br, bc := s.k, s.n
			if s.tB {
				br, bc = s.n, s.k
			}
			fill := func(rows, cols int) ([]float32, int) {
				ld := cols + pad
				v := make([]float32, rows*ld)
				for i := range v {
					v[i] = float32(rng.NormFloat64())
				}
				return v, ld
			}
			a, lda := fill(ar, ac)
			b, ldb := fill(br, bc)
			c, ldc := fill(s.m, s.n)
			c0 := append([]float32(nil), c...)
			if beta == 0 {
				for i := range c {
					c[i] = float32(math.NaN())
				}
			}
			gemmSerial(s.tA, s.tB, s.m, s.n, s.k, alpha, a, lda, b, ldb, beta, c, ldc)
			at := func(i, p int) float64 {
				if s.tA {
					return float64(a[p*lda+i])
				}
				return float64(a[i*lda+p])
			}
			bt := func(p, j int) float64 {
				if s.tB {
					return float64(b[j*ldb+p])
				}
				return float64(b[p*ldb+j])
			}
			for i := 0; i < s.m; i++ {
				for j := 0; j < s.n; j++ {
					want, mag := 0.0, 0.0
					for p := 0; p < s.k; p++ {
						want += alpha * at(i, p) * bt(p, j)
						mag += math.Abs(alpha * at(i, p) * bt(p, j))
					}
					if beta != 0 {
						want += float64(beta) * float64(c0[i*ldc+j])
						mag += math.Abs(float64(beta) * float64(c0[i*ldc+j]))
					}
					got := float64(c[i*ldc+j])
					if tol := float64(s.k+1) * 0x1p-23 * mag; !(math.Abs(got-want) <= tol) {
						t.Fatalf("%+v beta %v: C[%d][%d] = %v, want %v (tolerance %.2g)", s, beta, i, j, got, want, tol)
					}
				}
			}
		}
	}
}
