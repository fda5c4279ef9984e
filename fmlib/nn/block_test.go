package nn

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestEvaluationsInBlocks checks that evaluations of a batch longer than a
// block (the fused float32 kernel's, and the layer-by-layer passes' of a
// float64 network, of a JVP and of Hutchinson's divergence with three
// probes) leave the engine's buffers at one block and
// give the rows that calls on pieces of the batch give (the rows are
// independent). The pieces are cut at 1000 rows, off the blocks' and the
// fused kernel's 128-row chunks' boundaries. Where the fused kernel runs,
// a row is computed by the same instructions whatever its neighbours, so
// the results must be equal bit for bit. The layer-by-layer passes' products
// go through BLAS, which may order a row's sums differently for a different
// number of rows (the float32 JVP differs at the last bits between batches
// of 100 and 1000 rows, blocks or not); there they must agree to 1e-5
// relative with a floor of 1e-2: a few float32 roundings (6e-8) of each of
// the products of width ≤ 128 through ≤ 4 layers, relative to the terms
// those products sum (JVP entries of 5e-4 that differed by 2e-8 here are
// the cancelling sums of terms of 1e-2 and more), while a row evaluated at
// another row's input would be off by order one.
func TestEvaluationsInBlocks(t *testing.T) {
	for _, cfg := range []Config{
		{Dim: 2, Hidden: []int{32, 32}, Activation: SiLU, Seed: 3},
		{Dim: 2, Hidden: []int{128, 128, 128, 128}, Activation: SiLU, Float64: true, Seed: 4},
		{Dim: 3, Hidden: []int{48, 48}, Activation: Tanh, Classes: 2, EmbedDim: 4, Seed: 5},
	} {
		t.Run(fmt.Sprint(cfg.Hidden, cfg.Float64), func(t *testing.T) {
			net, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			block := net.eng.blockRows(cfg.Dim, true)
			rows := block + block/2 + 77
			x, _ := randomBatch(rows, cfg.Dim, 7)
			v, _ := randomBatch(rows, cfg.Dim, 8)
			out, jv := mat.NewDense(rows, cfg.Dim, nil), mat.NewDense(rows, cfg.Dim, nil)
			div, hutch := make([]float64, rows), make([]float64, rows)
			probes := make([]*mat.Dense, 3)
			for k := range probes {
				probes[k], _ = randomBatch(rows, cfg.Dim, uint64(20+k))
			}
			net.VelocityDivergence(0.3, x, out, div)
			net.JVP(0.3, x, v, jv)
			net.VelocityDivergenceProbes(0.3, x, nil, probes, mat.NewDense(rows, cfg.Dim, nil), hutch)
			var capIO, capRows int
			switch e := net.eng.(type) {
			case *engine[float32]:
				capIO, capRows = e.capIO, e.capRows
			case *engine[float64]:
				capIO, capRows = e.capIO, e.capRows
			}
			if most := max(block, net.eng.blockRows(1, false), net.eng.blockRows(len(probes), false)); capIO > most || capRows > most {
				t.Errorf("buffers hold %d input and %d layer rows after %d rows, want at most a block (%d)", capIO, capRows, rows, most)
			}
			for lo := 0; lo < rows; lo += 1000 {
				hi := min(lo+1000, rows)
				xs, vs := rowBlock(x, lo, hi), rowBlock(v, lo, hi)
				o, j := mat.NewDense(hi-lo, cfg.Dim, nil), mat.NewDense(hi-lo, cfg.Dim, nil)
				d, h := make([]float64, hi-lo), make([]float64, hi-lo)
				net.VelocityDivergence(0.3, xs, o, d)
				net.JVP(0.3, xs, vs, j)
				ps := make([]*mat.Dense, len(probes))
				for k, p := range probes {
					ps[k] = rowBlock(p, lo, hi)
				}
				net.VelocityDivergenceProbes(0.3, xs, nil, ps, mat.NewDense(hi-lo, cfg.Dim, nil), h)
				exact := net.eng.blockRows(0, true) == inferBlock // the fused kernel
				same := func(what string, a, b float64, exact bool, i int) {
					if (exact && a != b) || relErr(a, b, 1e-2) > 1e-5 {
						t.Fatalf("row %d: %s %v in a piece, %v in the whole batch", lo+i, what, a, b)
					}
				}
				for i := 0; i < hi-lo; i++ {
					same("divergence", d[i], div[lo+i], exact, i)
					same("Hutchinson divergence", h[i], hutch[lo+i], false, i)
					for c := 0; c < cfg.Dim; c++ {
						same("velocity", o.At(i, c), out.At(lo+i, c), exact, i)
						same("JVP", j.At(i, c), jv.At(lo+i, c), cfg.Float64 && exact, i)
					}
				}
			}
		})
	}
}
