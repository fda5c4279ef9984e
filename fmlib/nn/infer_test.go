package nn

import (
	"fmt"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestFusedInferenceMatchesFloat64 checks the float32 evaluation (the fused
// C kernel with OpenBLAS, the layer-by-layer Go passes otherwise) against
// the float64 network with the same weights, on shapes that reach every
// branch of the kernel: narrow and wide layers, widths that are not
// multiples of 8 or 16 (BLAS) and that are (our own products, with the
// activation applied in them for SiLU, ELU and SELU, after them for tanh),
// Fourier time features (a wide first layer), class embeddings, Dim 3, one
// to four hidden layers, and 300 rows (two full chunks, a partial one, and
// the split over two cores). Velocities must
// agree to 2e-5 relative (a few hundred float32 roundings of order-one
// values, as in TestFloat32MatchesFloat64). The divergence's terms cancel,
// so its error is measured against |∇·u| + Σ_k|J_kk|: float32 rounding
// (6e-8) accumulated over the width·depth terms of each tangent gave at
// most 7e-6 of that here (4×128 SiLU), and 3e-5 leaves a margin while a
// 1e-4 relative error in any layer's tangents still fails.
func TestFusedInferenceMatchesFloat64(t *testing.T) {
	cases := []Config{
		{Dim: 2, Hidden: []int{128, 128, 128, 128}, Activation: SiLU},
		{Dim: 2, Hidden: []int{8, 40}, Activation: Tanh},
		{Dim: 3, Hidden: []int{37, 19, 53}, Activation: ELU},
		{Dim: 2, Hidden: []int{64}, Activation: SELU, Time: TimeFourier, Frequencies: 12},
		{Dim: 2, Hidden: []int{48, 48}, Activation: SiLU, Classes: 4, EmbedDim: 16},
		{Dim: 2, Hidden: []int{16, 32, 48}, Activation: ELU},
		{Dim: 3, Hidden: []int{32, 32}, Activation: SELU},
		{Dim: 2, Hidden: []int{32, 32}, Activation: Tanh},
		{Dim: 2, Hidden: []int{24, 24}, Activation: ReLU},
		{Dim: 2, Hidden: []int{24, 24}, Activation: GELU},
	}
	const rows = 300
	for ci, cfg := range cases {
		t.Run(fmt.Sprint(cfg.Activation, cfg.Hidden), func(t *testing.T) {
			cfg.Seed = uint64(ci + 1)
			n32, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Float64 = true
			n64, _ := New(cfg)
			if err := n64.SetParams(n32.Params()); err != nil {
				t.Fatal(err)
			}
			x, _ := randomBatch(rows, cfg.Dim, uint64(40+ci))
			o32, o64 := mat.NewDense(rows, cfg.Dim, nil), mat.NewDense(rows, cfg.Dim, nil)
			d32, d64 := make([]float64, rows), make([]float64, rows)
			n32.VelocityDivergence(0.4, x, o32, d32)
			n64.VelocityDivergence(0.4, x, o64, d64)
			v32 := mat.NewDense(rows, cfg.Dim, nil)
			n32.Velocity(0.4, x, v32)
			if !mat.Equal(v32, o32) {
				t.Fatal("Velocity differs from VelocityDivergence's velocity")
			}
			// The Jacobian's diagonal in float64, column by column (J·e_k).
			e, jk := mat.NewDense(rows, cfg.Dim, nil), mat.NewDense(rows, cfg.Dim, nil)
			scale := make([]float64, rows)
			for k := 0; k < cfg.Dim; k++ {
				e.Zero()
				for i := 0; i < rows; i++ {
					e.Set(i, k, 1)
				}
				n64.JVP(0.4, x, e, jk)
				for i := 0; i < rows; i++ {
					scale[i] += abs(jk.At(i, k))
				}
			}
			for i := 0; i < rows; i++ {
				for j := 0; j < cfg.Dim; j++ {
					if e := relErr(o32.At(i, j), o64.At(i, j), 1e-2); e > 2e-5 {
						t.Fatalf("row %d: float32 velocity %v, float64 %v", i, o32.At(i, j), o64.At(i, j))
					}
				}
				if err := abs(d32[i] - d64[i]); err > 3e-5*(abs(d64[i])+scale[i]) {
					t.Fatalf("row %d: float32 divergence %v, float64 %v", i, d32[i], d64[i])
				}
			}
		})
	}
}

// TestFusedInferenceIndependentOfCores checks that sharing a batch's chunks
// between two cores gives the one-core results bit for bit (a row is
// computed in the same chunk whichever core takes it), so results do not
// depend on GOMAXPROCS or on which core was faster.
func TestFusedInferenceIndependentOfCores(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS ≥ 2")
	}
	net, _ := New(Config{Dim: 2, Hidden: []int{64, 64}, Activation: SiLU, Seed: 5})
	x, _ := randomBatch(1000, 2, 6)
	run := func() (*mat.Dense, []float64) {
		out, div := mat.NewDense(1000, 2, nil), make([]float64, 1000)
		net.VelocityDivergence(0.7, x, out, div)
		return out, div
	}
	o2, d2 := run()
	prev := runtime.GOMAXPROCS(1)
	o1, d1 := run()
	runtime.GOMAXPROCS(prev)
	if !mat.Equal(o1, o2) {
		t.Error("velocities differ between one and two cores")
	}
	for i := range d1 {
		if d1[i] != d2[i] {
			t.Fatalf("row %d: divergence %v on two cores, %v on one", i, d2[i], d1[i])
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
