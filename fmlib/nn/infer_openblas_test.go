//go:build cgo && !purego

package nn

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestWideKernelMatchesAVX2 checks that the AVX-512 inference kernel
// (mul32's 8×32 tiles in sixteen-lane registers) gives exactly the
// velocities and divergences of the AVX2 one (mul16's 6×16 tiles): each
// output is the same sum over the same terms in the same order, followed
// by the same bias, σ' factor and activation lane by lane, so no rounding
// may differ. The networks have hidden widths that are multiples of 32
// (mul32), of 16 only (mul16 in both), and neither (BLAS), with the
// activations applied inside the products (SiLU, ELU, SELU) and after them
// (tanh), and 300 rows (full chunks, a partial one, partial tiles).
func TestWideKernelMatchesAVX2(t *testing.T) {
	if !wideKernels {
		t.Skip("the processor has no AVX-512 (x86-64-v4)")
	}
	defer func() { wideKernels = true }()
	for i, cfg := range []Config{
		{Dim: 2, Hidden: []int{128, 128, 128, 128}, Activation: SiLU},
		{Dim: 2, Hidden: []int{64, 48, 96}, Activation: ELU},
		{Dim: 3, Hidden: []int{32, 32, 40}, Activation: SELU},
		{Dim: 2, Hidden: []int{64, 64}, Activation: Tanh},
	} {
		t.Run(fmt.Sprint(cfg.Activation, cfg.Hidden), func(t *testing.T) {
			cfg.Seed = uint64(i + 1)
			net, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			const rows = 300
			x, _ := randomBatch(rows, cfg.Dim, uint64(60+i))
			var outs [2]*mat.Dense
			var divs [2][]float64
			for k, wide := range []bool{false, true} {
				wideKernels = wide
				outs[k], divs[k] = mat.NewDense(rows, cfg.Dim, nil), make([]float64, rows)
				net.VelocityDivergence(0.6, x, outs[k], divs[k])
			}
			if !mat.Equal(outs[0], outs[1]) {
				t.Error("the velocities differ")
			}
			for r := range divs[0] {
				if divs[0][r] != divs[1][r] {
					t.Fatalf("row %d: divergence %v (AVX2), %v (AVX-512)", r, divs[0][r], divs[1][r])
				}
			}
		})
	}
}

// TestWideTrainingTilesMatchAVX2 checks that the training passes on the
// AVX-512 tiles give exactly the loss and gradient of the AVX2 tiles: as
// for inference, each product entry is the same sum in the same order (over
// the inputs forward and backward, over the rows for a weight gradient),
// and the bias, activation, σ' factor and bias-gradient sums are applied
// lane by lane alike.
func TestWideTrainingTilesMatchAVX2(t *testing.T) {
	if !wideKernels {
		t.Skip("the processor has no AVX-512 (x86-64-v4)")
	}
	defer func() { wideKernels = true }()
	const rows = 300
	for i, cfg := range tileConfigs() {
		t.Run(fmt.Sprint(cfg.Activation, cfg.Hidden, cfg.Dim, cfg.Classes), func(t *testing.T) {
			cfg.Seed = uint64(i + 1)
			net, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			x, ts := randomBatch(rows, cfg.Dim, uint64(70+i))
			y, _ := randomBatch(rows, cfg.Dim, uint64(80+i))
			var class []int
			if cfg.Classes > 0 {
				class = make([]int, rows)
			}
			var loss [2]float64
			var grad [2][]float64
			for k, wide := range []bool{false, true} {
				wideKernels = wide
				if loss[k], grad[k], err = net.Gradient(ts, x, y, class); err != nil {
					t.Fatal(err)
				}
			}
			if loss[0] != loss[1] {
				t.Errorf("loss %v (AVX2), %v (AVX-512)", loss[0], loss[1])
			}
			for k := range grad[0] {
				if grad[0][k] != grad[1][k] {
					t.Fatalf("gradient %d: %v (AVX2), %v (AVX-512)", k, grad[0][k], grad[1][k])
				}
			}
		})
	}
}
