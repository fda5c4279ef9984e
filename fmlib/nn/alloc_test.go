package nn

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestNoAllocationPerStep checks that, once the buffers have grown, a
// training step (forward, backward, clipping, Adam, EMA) and the field
// evaluations used by solvers allocate nothing.
func TestNoAllocationPerStep(t *testing.T) {
	for _, cfg := range []Config{
		{Dim: 2, Hidden: []int{32, 32}, Activation: SiLU, Seed: 1},
		{Dim: 2, Hidden: []int{16}, Activation: GELU, Classes: 3, Float64: true, Seed: 2},
	} {
		net, _ := New(cfg)
		o := Adam(1e-3)
		o.ClipNorm = 1
		net.SetOptimizer(o)
		net.SetEMA(0.99)
		x, ts := randomBatch(64, 2, 1)
		y, _ := randomBatch(64, 2, 2)
		var class []int
		if cfg.Classes > 0 {
			class = make([]int, 64)
		}
		out := mat.NewDense(64, 2, nil)
		div := make([]float64, 64)
		step := func() {
			if _, err := net.TrainStep(ts, x, y, class); err != nil {
				t.Fatal(err)
			}
			net.Velocity(0.5, x, out)
			net.VelocityBatch(ts, x, out)
			net.VelocityDivergence(0.5, x, out, div)
		}
		step()
		if a := testing.AllocsPerRun(20, step); a != 0 {
			t.Errorf("%v: %v allocations per training step and evaluation", net, a)
		}
	}
}
