package nn

import (
	"math"
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
