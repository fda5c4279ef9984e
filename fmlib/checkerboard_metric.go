package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// CheckerboardQuality scores 2D samples against the checkerboard of
// CheckerboardSampler: inSupport is the fraction of rows that land inside
// the 8 squares (1 for the data itself), and balance is the largest over
// the smallest count among the 8 squares (close to 1 for the data; +Inf
// when a square received no sample). It is the measure of issue 9's
// time-to-quality benchmark.
func CheckerboardQuality(samples *mat.Dense) (inSupport, balance float64, err error) {
	if err := checkDense("samples", samples); err != nil {
		return 0, 0, fmt.Errorf("fmlib: CheckerboardQuality: %w", err)
	}
	r, c := samples.Dims()
	if c != 2 {
		return 0, 0, fmt.Errorf("fmlib: CheckerboardQuality: samples has %d columns, want 2", c)
	}
	var counts [8]int
	inside := 0
	for i := 0; i < r; i++ {
		if k, ok := checkerboardSquare(samples.At(i, 0)*0.45, samples.At(i, 1)*0.45); ok {
			counts[k]++
			inside++
		}
	}
	lo, hi := counts[0], counts[0]
	for _, n := range counts[1:] {
		lo, hi = min(lo, n), max(hi, n)
	}
	balance = math.Inf(1)
	if lo > 0 {
		balance = float64(hi) / float64(lo)
	}
	return float64(inside) / float64(r), balance, nil
}

// checkerboardSquare returns the index in [0, 8) of the checkerboard square
// holding the unscaled point (a, b), or false when the point lies outside
// [−2, 2)² or on a square of the wrong parity (NaN lies outside).
func checkerboardSquare(a, b float64) (int, bool) {
	if !(a >= -2 && a < 2 && b >= -2 && b < 2) {
		return 0, false
	}
	col, row := int(math.Floor(a))+2, int(math.Floor(b))+2 // both in [0, 4)
	if (col+row)%2 != 0 {
		return 0, false
	}
	return 2*row + col/2, true
}
