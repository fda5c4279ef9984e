package nn

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// tileConfigs are networks whose training passes use the tile kernels in
// every combination tiles.go allows: widths that are multiples of 32 (the
// AVX-512 tiles), of 16 only (the AVX2 tiles), and neither (BLAS); SiLU,
// ELU and SELU applied in the registers and tanh after a BLAS product; a
// first layer read by first_layer (3 inputs) and one too wide for it (21
// inputs, through mul); an output layer narrower than a tile (the thin
// products) and one as wide (the tiles); a class embedding (the input
// gradient through BLAS).
func tileConfigs() []Config {
	return []Config{
		{Dim: 2, Hidden: []int{64, 64, 64, 64}, Activation: SiLU},
		{Dim: 2, Hidden: []int{48, 96, 32}, Activation: ELU},
		{Dim: 2, Hidden: []int{64, 40, 64}, Activation: SELU},
		{Dim: 2, Hidden: []int{32, 32}, Activation: Tanh},
		{Dim: 20, Hidden: []int{32, 64}, Activation: SiLU},
		{Dim: 2, Hidden: []int{32, 32}, Activation: SiLU, Classes: 3, EmbedDim: 4},
	}
}

// TestTileTrainingMatchesFloat64 checks the float32 training passes, whose
// products run on the tile kernels, against the float64 network's (BLAS
// products, loops in Go) on the same weights and batch: the loss, the
// gradient of every parameter and a vector-Jacobian product. 300 rows make
// partial tiles. Each float32 value is a few hundred float32 roundings of
// order-one terms (sums over ≤ 300 rows or 96 inputs, five layers), about
// 1e-5 relative at worst, so 1e-4 relative is the tolerance, measured
// against 1e-3 of the largest gradient for entries near zero (where a
// difference of terms cancels).
func TestTileTrainingMatchesFloat64(t *testing.T) {
	const rows = 300
	for i, cfg := range tileConfigs() {
		t.Run(fmt.Sprint(cfg.Activation, cfg.Hidden, cfg.Dim, cfg.Classes), func(t *testing.T) {
			cfg.Seed = uint64(i + 1)
			n32, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if nativeKernels && n32.eng.(*engine[float32]).tiles.grad == nil {
				t.Fatal("the float32 network with native kernels has no tile plan")
			}
			cfg.Float64 = true
			n64, _ := New(cfg)
			if err := n64.SetParams(n32.Params()); err != nil {
				t.Fatal(err)
			}
			x, ts := randomBatch(rows, cfg.Dim, uint64(70+i))
			y, _ := randomBatch(rows, cfg.Dim, uint64(80+i))
			var class []int
			if cfg.Classes > 0 {
				class = make([]int, rows)
				for r := range class {
					class[r] = r % (cfg.Classes + 1)
				}
			}
			l32, g32, err := n32.Gradient(ts, x, y, class)
			if err != nil {
				t.Fatal(err)
			}
			l64, g64, err := n64.Gradient(ts, x, y, class)
			if err != nil {
				t.Fatal(err)
			}
			if e := relErr(l32, l64, 0); e > 1e-4 {
				t.Errorf("loss: float32 %v, float64 %v", l32, l64)
			}
			scale := 0.0
			for _, g := range g64 {
				scale = math.Max(scale, math.Abs(g))
			}
			for k := range g64 {
				if e := relErr(g32[k], g64[k], 1e-3*scale); e > 1e-4 {
					t.Fatalf("gradient %d: float32 %v, float64 %v", k, g32[k], g64[k])
				}
			}
			if cfg.Classes > 0 {
				return // VJP is for unconditional networks
			}
			v, _ := randomBatch(rows, cfg.Dim, uint64(90+i))
			o32, o64 := mat.NewDense(rows, cfg.Dim, nil), mat.NewDense(rows, cfg.Dim, nil)
			n32.VJP(0.4, x, v, o32)
			n64.VJP(0.4, x, v, o64)
			for k, w := range o64.RawMatrix().Data {
				if e := relErr(o32.RawMatrix().Data[k], w, 1e-3); e > 1e-4 {
					t.Fatalf("VJP entry %d: float32 %v, float64 %v", k, o32.RawMatrix().Data[k], w)
				}
			}
		})
	}
}
