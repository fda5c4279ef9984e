package check

import (
	"fmt"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// MidpointSampler checks the student's midpoint sampler, the second-order
// companion of Algorithm 2: with δ = 1/steps, each step evaluates
// k = u_t(x), then x ← x + δ·u_{t+δ/2}(x + (δ/2)·k). The reference is
// fmlib.Solve with fmlib.Midpoint.
func MidpointSampler(sample func(field func(t float64, x, out *mat.Dense), x0 *mat.Dense, steps int) *mat.Dense) *Result {
	s := spec{name: "midpoint sampling (Algorithm 2, second order)", trials: 3, seed: 21,
		hint:    "per step: k1 = u(t, x); x_mid = x + (δ/2)·k1; k2 = u(t + δ/2, x_mid); x ← x + δ·k2.",
		summary: "matches fmlib.Solve(Midpoint) for 1, 4 and 10 steps"}
	if sample == nil {
		return nilFunction(s.name, "check.MidpointSampler(midpointSample)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		steps := []int{1, 4, 10}[n-1]
		x0 := randomBatch(rng, 3+rng.IntN(10), 2)
		ref, err := fmlib.SolveFunc(testField, x0, fmlib.SolveOptions{Method: fmlib.Midpoint, Steps: steps})
		if err != nil {
			panic(fmt.Sprintf("check.MidpointSampler: %v", err))
		}
		euler, err := fmlib.SolveFunc(testField, x0, fmlib.SolveOptions{Method: fmlib.Euler, Steps: steps})
		if err != nil {
			panic(fmt.Sprintf("check.MidpointSampler: %v", err))
		}
		return trial{
			input: fmt.Sprintf("steps = %d on a batch of %d points (all coordinates compared)", steps, rowsOf(x0)),
			want:  ref.X.RawMatrix().Data,
			call: func() []float64 {
				got := sample(testField, mat.DenseCopyOf(x0), steps)
				if got == nil {
					return nil
				}
				return mat.DenseCopyOf(got).RawMatrix().Data
			},
			mistakes: []mistake{{euler.X.RawMatrix().Data, "that is Euler's method: evaluate the field a second time at the middle of the step and move with that value."}},
		}
	})
}

// TrainingBatch checks the student's line 2 of Algorithm 1 with σ_min = 0:
// for each row i of the data batch x1, in order, draw t_i = rng.Float64()
// and then the row's noise x0_i (one rng.NormFloat64() per coordinate), and
// return the times, x_t = (1 − t) x0 + t x1 and the target x1 − x0 (eq. 37).
// Because the draws follow that order, the answer is exactly reproducible.
func TrainingBatch(batch func(x1 *mat.Dense, rng *rand.Rand) (t []float64, xt, target *mat.Dense)) *Result {
	s := spec{name: "a training batch of Algorithm 1 (eq. 37)", trials: 5, seed: 1,
		hint:    "row by row: t := rng.Float64(), then x0_j := rng.NormFloat64() for each coordinate j; x_t = (1 − t) x0 + t x1, target = x1 − x0.",
		summary: "matches the draws of Algorithm 1 on 5 random data batches (times, x_t and targets)"}
	if batch == nil {
		return nilFunction(s.name, "check.TrainingBatch(trainingBatch)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		rows, dim := 1+rng.IntN(8), 1+rng.IntN(3)
		x1 := randomBatch(rng, rows, dim)
		seed := rng.Uint64()
		build := func(timesFirst bool) []float64 {
			r := rand.New(rand.NewPCG(seed, seed))
			t := make([]float64, rows)
			x0 := mat.NewDense(rows, dim, nil)
			if timesFirst {
				for i := range t {
					t[i] = r.Float64()
				}
			}
			for i := 0; i < rows; i++ {
				if !timesFirst {
					t[i] = r.Float64()
				}
				for j := 0; j < dim; j++ {
					x0.Set(i, j, r.NormFloat64())
				}
			}
			return batchAnswer(t, x1, x0)
		}
		return trial{
			input: fmt.Sprintf("a batch of %d rows in dimension %d (answers: the times, then x_t and the targets row by row)", rows, dim),
			want:  build(false),
			call: func() []float64 {
				r := rand.New(rand.NewPCG(seed, seed))
				t, xt, target := batch(mat.DenseCopyOf(x1), r)
				if len(t) != rows || xt == nil || target == nil {
					return nil
				}
				out := clone(t)
				out = append(out, mat.DenseCopyOf(xt).RawMatrix().Data...)
				return append(out, mat.DenseCopyOf(target).RawMatrix().Data...)
			},
			mistakes: []mistake{{build(true), "the draws are in another order: draw each row's t just before that row's noise."}},
		}
	})
}

// batchAnswer lays out the times, x_t and the targets of a training batch as one vector.
func batchAnswer(t []float64, x1, x0 *mat.Dense) []float64 {
	rows, dim := x1.Dims()
	out := clone(t)
	var targets []float64
	for i := 0; i < rows; i++ {
		for j := 0; j < dim; j++ {
			out = append(out, (1-t[i])*x0.At(i, j)+t[i]*x1.At(i, j))
			targets = append(targets, x1.At(i, j)-x0.At(i, j))
		}
	}
	return append(out, targets...)
}

// lossFloorIntegrand is E[Var(x1 − x0 | x_t)] at time t for 1-D data
// N(0, s²), noise N(0, 1) and σ_min = 0: the part of the CFM loss no model
// can remove.
func lossFloorIntegrand(t, s float64) float64 {
	cov := t*s*s - (1 - t)
	return s*s + 1 - cov*cov/((1-t)*(1-t)+t*t*s*s)
}

// LossFloor checks the student's minimum of the CFM loss (eq. 37) for 1-D
// data N(0, s²): the best model predicts E[x1 − x0 | x_t], so the loss cannot
// go below ∫_0^1 Var(x1 − x0 | x_t) dt = ∫_0^1 (s² + 1 − c_t²/v_t) dt with
// c_t = t s² − (1 − t) and v_t = (1 − t)² + t² s². The check wants four
// significant digits (a midpoint rule with a thousand points is plenty).
func LossFloor(floor func(s float64) float64) *Result {
	s := spec{name: "the floor of the flow-matching loss (eq. 37)", trials: 5, seed: 37, tol: 1e-4,
		hint:    "x1 − x0 and x_t are jointly Gaussian: Var(x1 − x0 | x_t) = Var(x1 − x0) − Cov(x1 − x0, x_t)²/Var(x_t); integrate it over t ∈ [0, 1] numerically.",
		summary: "matches the integral of the conditional variance for 5 data scales s"}
	if floor == nil {
		return nilFunction(s.name, "check.LossFloor(lossFloor)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		scale := []float64{1, 0.1, 2, 0.5, 3}[n-1]
		const steps = 20000
		want := 0.0
		for k := 0; k < steps; k++ {
			want += lossFloorIntegrand((float64(k)+0.5)/steps, scale) / steps
		}
		return trial{
			input:    fmt.Sprintf("s = %g", scale),
			want:     one(want),
			call:     func() []float64 { return one(floor(scale)) },
			mistakes: []mistake{{one(scale*scale + 1), "that is Var(x1 − x0), the loss of the model u = 0: subtract what x_t tells about x1 − x0, Cov²/Var(x_t)."}},
		}
	})
}
