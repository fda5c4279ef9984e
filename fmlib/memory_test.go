package fmlib

import (
	"runtime"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
)

// allocated returns the bytes run allocates (runtime.MemStats.TotalAlloc's
// growth: every allocation counts, so it bounds the peak from above).
func allocated(run func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	run()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc)
}

// TestMemoryProportionalToState checks that sampling (RK4) and the exact
// log-likelihood (eq. 14) of n points through a new network allocate the
// points' state and a fixed work space, nothing per point and layer: the
// bytes allocated per point added, between 20,000 and 100,000 points (both
// above the network's block of rows, so its work space is the same and
// cancels), must be those of the solver's vectors of the 2D state:
//   - Solve with RK4: the copy of x0, y, and RK4's k, running sum and trial
//     state, 5 vectors of 2 float64, 80 B;
//   - LogLikelihood with Euler: its state (x and the integral, 3 float64) as
//     y0, y and k, the divergence (1), and the result's X (2) and LogP0,
//     LogP, Integral (3): 15 float64, 120 B.
//
// The bound allows 8 B per point above those for the headers of the row
// blocks (about 100 B per 16,384 rows) and the page rounding of large
// allocations; the network's activations, were they kept for the whole
// batch, would add 4·64·4 = 1 kB per point for one 64-wide layer's z, h, σ'
// and gradient alone. With the pure-Go backend, gonum's GEMM allocates
// work buffers on every call, garbage that TotalAlloc counts but no run
// holds, so the check needs the cgo backend (nn's TestEvaluationsInBlocks
// bounds the network's buffers on both).
func TestMemoryProportionalToState(t *testing.T) {
	if !strings.HasPrefix(nn.BLASBackend(), "openblas") {
		t.Skipf("the %s backend's GEMM allocates per call", nn.BLASBackend())
	}
	network := func() *nn.Network {
		net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{64, 64, 64}, Activation: nn.SiLU, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		return net
	}
	const small, large = 20_000, 100_000
	for _, c := range []struct {
		name  string
		bytes float64 // the solver's bytes per point
		run   func(n int)
	}{
		{"Solve RK4", 80, func(n int) {
			if _, err := Solve(network(), StandardNormal(n, 2, 1), SolveOptions{Method: RK4, Steps: 2}); err != nil {
				t.Fatal(err)
			}
		}},
		{"LogLikelihood exact, Euler", 120, func(n int) {
			opts := LikelihoodOptions{Solve: SolveOptions{Method: Euler, Steps: 2}, Divergence: DivergenceExact}
			if _, err := LogLikelihood(network(), StandardNormal(n, 2, 1), opts); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		// StandardNormal's points (16 B per point) are counted in both runs
		// and so in the difference.
		perPoint := (allocated(func() { c.run(large) }) - allocated(func() { c.run(small) })) / (large - small)
		if perPoint > c.bytes+16+8 {
			t.Errorf("%s: %.1f B allocated per point added, want at most the solver's %.0f B, the points' 16 and 8 of slack", c.name, perPoint, c.bytes)
		}
		t.Logf("%s: %.1f B per point added (solver %.0f B + the points' 16 B)", c.name, perPoint, c.bytes)
	}
}
