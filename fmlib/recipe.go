package fmlib

import (
	"fmt"

	"github.com/gophlow/gophlow/fmlib/nn"
)

// Recipe is a complete way to train and sample a flow: the network's
// architecture, its optimizer, the options of Train (all but the data,
// which the caller sets) and the solver used to sample. Its fields are
// plain values, so a notebook can read and change any of them before use.
type Recipe struct {
	// Network is the architecture of the MLP u_θ(t, x).
	Network nn.Config
	// Optimizer is set on the network by NewNetwork.
	Optimizer nn.Optimizer
	// Train is passed to Train once a data source (Data, LabeledData or
	// Points) is set.
	Train TrainOptions
	// Solve is how Sample integrates the flow (Algorithm 2).
	Solve SolveOptions
}

// Recipe2D is fmlib's default for training a flow on 2D data (Algorithm
// 1, straight path of eq. 37) over the given number of optimizer steps,
// seeded by seed (the initialisation draws from seed, the batches from
// seed+1). It is the recipe that won issue 9's time-to-quality search on
// two CPU cores (the levers' numbers are bench/quality_results.txt's section 4;
// in_support is the fraction of 50,000 checkerboard samples inside the
// squares, balance the largest over the smallest square's count). Each
// choice and what it bought:
//
//   - MLP 4×64, SiLU, t appended (Network). Steps per second mattered
//     most: at batch 1024, 4×64 trained ~370 steps/s here then, 4×256 ~47
//     (since issue 15's training tiles, 4×64 trains 900–2,000 steps/s,
//     with the load). With Adam 1e-3, 4×256 reached in_support 0.84 in
//     40 s, 4×128 0.90 and 4×64 0.92 in 60 s.
//   - Batch 1024 (Train.BatchSize): batch 256 (on 4×256) was less
//     balanced (1.39 at 60 s); batch 2048 (on 4×64) reached 0.933 in 60 s
//     where 1024 with the same optimizer reached 0.939.
//   - Adam, learning rate 3e-3 after a linear warm-up of 200 steps, then a
//     cosine decay to 0 at the last step (Optimizer). The higher rate alone
//     gained nothing; with the decay within the budget it did: 0.946 at
//     60 s against 0.939 for 2e-3. Pass the number of steps you will train
//     for, since the schedule ends there (40,000 reach in_support 0.95 in
//     well under a minute on two cores); budgets under 2000 steps warm up
//     for a tenth of them.
//   - A moving average of the weights with decay 0.995, started at step 500
//     (Train.EMADecay, Train.EMAStart), which Model and Sample use: on
//     4×128 it moved the balance from 1.35 to 1.09 (the data's: 1.03) and
//     in_support from 0.897 to 0.907 at 60 s. Budgets of 500 steps or
//     fewer never start it and sample the weights themselves.
//   - Midpoint with 20 steps (Solve): 40 field evaluations. RK4 with 10
//     steps, the same cost, gained nothing (0.867 at 60 s on 4×256) and
//     was less balanced (1.45).
//
// Left out because they did not help within a minute: minibatch OT
// coupling (each step's exact assignment costs more steps than the
// straighter paths save: at batch 256, 2650 steps and in_support 0.81 in
// 60 s against 9500 steps without it), Fourier time features (0.84 at
// 60 s on 4×256), more late times t (0.87).
//
// Measured by `make bench-quality` (bench/quality_results.txt, section
// 15d: three seeds, training seconds only, two cores, nothing else
// running), 40,000 steps end at in_support 0.953 (median of the seeds;
// 0.949–0.953, the score's standard error being 0.002) after 21 s of
// training (19–28 s), having first scored ≥ 0.95 after 15 s (12.5–21 s)
// and 0.90 after 4 s (3–6 s); 20,000 steps end near 0.935 (section 15a).
// The benchmark reports two figures, each for what it compares:
//
//   - Library speed at the same recipe: PyTorch 1.13 training exactly this
//     recipe over 40,000 steps (bench/quality_torch.py: the same network,
//     initialisation, loss, optimizer settings, schedule, average and
//     sampler; at its fastest of one and two threads and of OpenBLAS's
//     AVX2 and AVX-512 kernels) takes 4.7× fmlib's time (pairs, each run
//     back to back: 4.2, 4.7, 5.4) and reaches the same quality (0.955).
//   - Recipe gain, both on fmlib: the old 4×256 reference (batch 1024,
//     Adam 1e-3 constant, no average) ends its 4,000 steps (24 s) at
//     in_support 0.881 and reached 0.90 in one seed of three, so this
//     recipe gets to 0.90 at least 5.8 times sooner.
//
// Issue 9's single runs (sections 1 and 1b) took 90,000 steps to 0.968 in
// 230–270 s, and found the recipe within the data's own sampling scatter in
// W2 after 20 s on two moons and 8 Gaussians (section 1).
//
// Recipe2D panics if steps ≤ 0.
func Recipe2D(steps int, seed uint64) Recipe {
	if steps <= 0 {
		panic(fmt.Sprintf("fmlib: Recipe2D: steps = %d, want > 0 (the number of optimizer steps the schedule spans)", steps))
	}
	opt := nn.Adam(3e-3)
	opt.Schedule, opt.WarmupSteps, opt.TotalSteps = nn.CosineLR, min(200, steps/10), steps
	return Recipe{
		Network:   nn.Config{Dim: 2, Hidden: []int{64, 64, 64, 64}, Activation: nn.SiLU, Seed: seed},
		Optimizer: opt,
		Train:     TrainOptions{BatchSize: 1024, Steps: steps, Seed: seed + 1, EMADecay: 0.995, EMAStart: 500},
		Solve:     SolveOptions{Method: Midpoint, Steps: 20},
	}
}

// NewNetwork returns a new network with the recipe's architecture and
// optimizer, ready for Train.
func (r Recipe) NewNetwork() (*nn.Network, error) {
	net, err := nn.New(r.Network)
	if err != nil {
		return nil, fmt.Errorf("fmlib: Recipe.NewNetwork: %w", err)
	}
	if err := net.SetOptimizer(r.Optimizer); err != nil {
		return nil, fmt.Errorf("fmlib: Recipe.NewNetwork: %w", err)
	}
	return net, nil
}

// Sample draws n samples of the trained flow (Algorithm 2): noise from
// N(0, I) seeded by seed, carried to t = 1 by Model(net) with the recipe's
// solver.
func (r Recipe) Sample(net *nn.Network, n int, seed uint64) (*Solution, error) {
	if net == nil {
		return nil, fmt.Errorf("fmlib: Recipe.Sample: net is nil")
	}
	if n <= 0 {
		return nil, fmt.Errorf("fmlib: Recipe.Sample: n = %d, want > 0", n)
	}
	model, err := r.Model(net)
	if err != nil {
		return nil, err
	}
	return Solve(model, StandardNormal(n, net.Config().Dim, seed), r.Solve)
}

// Model returns the network the recipe samples: a copy with net's moving
// average of the weights when net keeps one (from Train.EMAStart on), else
// net itself.
func (r Recipe) Model(net *nn.Network) (*nn.Network, error) {
	if net == nil {
		return nil, fmt.Errorf("fmlib: Recipe.Model: net is nil")
	}
	if net.EMADecay() == 0 {
		return net, nil
	}
	avg, err := net.EMA()
	if err != nil {
		return nil, fmt.Errorf("fmlib: Recipe.Model: %w", err)
	}
	return avg, nil
}
