package nn

import (
	"runtime"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSplitPassesMatchSerial checks that passes split over two cores
// (batches of ≥ 2²² multiply-adds) give the outputs, divergences and
// gradients (the embedding's too, for a conditional network) of the serial
// passes (GOMAXPROCS = 1) to float32 rounding — 1e-5 relative with a 1e-3 floor: a half-height product may be
// blocked differently by the BLAS, which changes the order of float32 sums —
// and allocate nothing per training step with OpenBLAS (gonum's pure-Go
// GEMM starts goroutines for products this large, which allocate).
func TestSplitPassesMatchSerial(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs GOMAXPROCS ≥ 2")
	}
	const rows = 1100 // 1100×(3·64 + 64·64 + 64·2) multiply-adds per pass > 2²²
	x, ts := randomBatch(rows, 2, 1)
	y, _ := randomBatch(rows, 2, 2)
	classes := make([]int, rows)
	for i := range classes {
		classes[i] = i % 4 // 3 is Φ
	}
	for _, cfg := range []Config{
		{Dim: 2, Hidden: []int{64, 64}, Activation: SiLU, Seed: 3},
		{Dim: 2, Hidden: []int{64, 64}, Activation: SiLU, Seed: 3, Classes: 3, EmbedDim: 4},
		{Dim: 2, Hidden: []int{64, 64}, Activation: SiLU, Seed: 3, Float64: true},
	} {
		var class []int
		if cfg.Classes > 0 {
			class = classes
		}
		run := func() (*mat.Dense, []float64, []float64) {
			net, _ := New(cfg)
			out, div := mat.NewDense(rows, 2, nil), make([]float64, rows)
			net.VelocityDivergence(0.3, x, out, div)
			_, grad, err := net.Gradient(ts, x, y, class)
			if err != nil {
				t.Fatal(err)
			}
			return out, div, grad
		}
		o2, d2, g2 := run()
		prev := runtime.GOMAXPROCS(1)
		o1, d1, g1 := run()
		runtime.GOMAXPROCS(prev)
		compareSplit(t, o1, o2, d1, d2, g1, g2)
	}
	if !nativeKernels {
		return
	}
	net, _ := New(Config{Dim: 2, Hidden: []int{64, 64}, Activation: SiLU, Seed: 3})
	step := func() { net.TrainStep(ts, x, y, nil) }
	step()
	if a := testing.AllocsPerRun(5, step); a != 0 {
		t.Errorf("%v allocations per split training step", a)
	}
}

// compareSplit fails t unless the serial (1) and split (2) outputs,
// divergences and gradients agree to float32 rounding.
func compareSplit(t *testing.T, o1, o2 *mat.Dense, d1, d2, g1, g2 []float64) {
	t.Helper()
	near := func(a, b float64) bool { return relErr(a, b, 1e-3) <= 1e-5 }
	for i, v := range o1.RawMatrix().Data {
		if w := o2.RawMatrix().Data[i]; !near(v, w) {
			t.Fatalf("velocity %d: split %v, serial %v", i, w, v)
		}
	}
	for i := range d1 {
		if !near(d1[i], d2[i]) {
			t.Fatalf("row %d: split divergence %v, serial %v", i, d2[i], d1[i])
		}
	}
	for i := range g1 {
		if !near(g1[i], g2[i]) {
			t.Fatalf("gradient %d: split %v, serial %v", i, g2[i], g1[i])
		}
	}
}
