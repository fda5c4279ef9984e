package fmlib

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/fmlib/nn"
	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// meanOf is the mean of v.
func meanOf(v []float64) float64 { return floats.Sum(v) / float64(len(v)) }

// TestTrainMaxLikelihoodLearns runs 60 short steps on the 4-component
// mixture: the batch NLL of the last 10 steps must be at least 0.3 nats
// below that of the first 10 (measured: 3.92 → 2.97; the noise of a
// 128-point batch mean is ~0.1), and the evaluation count is
// 2 × steps × solver steps × stages.
func TestTrainMaxLikelihoodLearns(t *testing.T) {
	g, err := benchMixture()
	if err != nil {
		t.Fatal(err)
	}
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{32, 32}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := net.SetOptimizer(nn.Adam(1e-2)); err != nil {
		t.Fatal(err)
	}
	res, err := TrainMaxLikelihood(net, MaxLikelihoodOptions{Mixture: g, BatchSize: 128, Steps: 60, Seed: 3,
		Objective: MaxLikelihoodObjective{Method: RK4, SolverSteps: 5, Kinetic: 0.01}})
	if err != nil {
		t.Fatal(err)
	}
	first, last := meanOf(res.NLL[:10]), meanOf(res.NLL[50:])
	t.Logf("batch NLL %.3f → %.3f, kinetic %.3f → %.3f", first, last, meanOf(res.Kinetic[:10]), meanOf(res.Kinetic[50:]))
	if !(last < first-0.3) {
		t.Errorf("batch NLL %.3f over the first 10 steps, %.3f over the last 10: want a drop of 0.3", first, last)
	}
	if res.Evaluations != 60*2*5*4 || net.Step() != 60 || len(res.NLL) != 60 || len(res.Kinetic) != 60 {
		t.Errorf("%d evaluations, step %d, %d NLLs, %d kinetic values", res.Evaluations, net.Step(), len(res.NLL), len(res.Kinetic))
	}
}

// TestTrainMaxLikelihoodClassesAndInterrupt trains a class-conditional
// network on labelled points with Hutchinson probes, cancels it from the
// callback and checks that the steps taken are kept.
func TestTrainMaxLikelihoodClassesAndInterrupt(t *testing.T) {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{16}, Classes: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	points := Moons(200, 0.05, 1)
	labels := make([]int, 200)
	for i := range labels {
		if points.At(i, 1) > 0.25 {
			labels[i] = 1
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	res, err := TrainMaxLikelihood(net, MaxLikelihoodOptions{Points: points, Labels: labels, BatchSize: 32, Steps: 100, Seed: 1,
		Objective: MaxLikelihoodObjective{Method: Midpoint, SolverSteps: 4, Divergence: DivergenceHutchinson, Probes: 2},
		Every:     5, Context: ctx,
		Callback: func(p MaxLikelihoodProgress) {
			if p.Done == 10 {
				cancel()
			}
		}})
	if !errors.Is(err, interrupt.ErrInterrupted) {
		t.Fatalf("after cancel: error %v, want one wrapping interrupt.ErrInterrupted", err)
	}
	if net.Step() != 10 || len(res.NLL) != 10 {
		t.Fatalf("interrupted after 10 steps: network at step %d with %d NLL values", net.Step(), len(res.NLL))
	}
	// Resuming from a LabeledData sampler continues the step count.
	labelled := func(n int, rng *rand.Rand) (*mat.Dense, []int) {
		x := MoonsSampler(0.05)(n, rng)
		c := make([]int, n)
		for i := range c {
			if x.At(i, 1) > 0.25 {
				c[i] = 1
			}
		}
		return x, c
	}
	if _, err := TrainMaxLikelihood(net, MaxLikelihoodOptions{LabeledData: labelled, BatchSize: 32, Steps: 5, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if net.Step() != 15 {
		t.Errorf("after 5 more steps the network is at step %d, want 15", net.Step())
	}
	bad := func(n int, rng *rand.Rand) (*mat.Dense, []int) { x, c := labelled(n, rng); c[0] = 2; return x, c }
	if _, err := TrainMaxLikelihood(net, MaxLikelihoodOptions{LabeledData: bad, BatchSize: 32, Steps: 1}); err == nil || !strings.Contains(err.Error(), "returned label 2") {
		t.Errorf("label 2 of a 2-class network: error %v", err)
	}
}

// TestTrainMaxLikelihoodMisuse checks that bad options are errors naming
// the argument.
func TestTrainMaxLikelihoodMisuse(t *testing.T) {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{8}})
	if err != nil {
		t.Fatal(err)
	}
	g, err := benchMixture()
	if err != nil {
		t.Fatal(err)
	}
	ok := MaxLikelihoodOptions{Mixture: g, BatchSize: 8, Steps: 1}
	for _, c := range []struct {
		change func(o *MaxLikelihoodOptions)
		want   string
	}{
		{func(o *MaxLikelihoodOptions) { o.Data = MoonsSampler(0.1) }, "exactly one of"},
		{func(o *MaxLikelihoodOptions) { o.BatchSize = 0 }, "BatchSize = 0"},
		{func(o *MaxLikelihoodOptions) { o.Steps = -1 }, "Steps = -1"},
		{func(o *MaxLikelihoodOptions) { o.Objective.Method = Dopri5 }, "Method = Dopri5"},
		{func(o *MaxLikelihoodOptions) { o.Objective.SolverSteps = -2 }, "SolverSteps = -2"},
		{func(o *MaxLikelihoodOptions) { o.Objective.Probes = 3 }, "Probes = 3"},
		{func(o *MaxLikelihoodOptions) { o.Objective.Divergence = DivergenceFiniteDifference }, "Divergence = finite differences"},
		{func(o *MaxLikelihoodOptions) { o.Objective.Kinetic = -1 }, "Kinetic = -1"},
		{func(o *MaxLikelihoodOptions) { o.Mixture = nil; o.Points = StandardNormal(5, 3, 1) }, "Points has 3 columns"},
		{func(o *MaxLikelihoodOptions) {
			o.Mixture = nil
			o.Points = StandardNormal(5, 2, 1)
			o.Labels = []int{0}
		}, "unconditional"},
		{func(o *MaxLikelihoodOptions) {
			o.Mixture = nil
			o.Data = func(n int, rng *rand.Rand) *mat.Dense { return mat.NewDense(n+1, 2, nil) }
		}, "Data returned a 9×2 batch"},
	} {
		o := ok
		c.change(&o)
		_, err := TrainMaxLikelihood(net, o)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", err, c.want)
		}
	}
	if _, err := TrainMaxLikelihood(nil, ok); err == nil || !strings.Contains(err.Error(), "net is nil") {
		t.Errorf("nil network: error %v", err)
	}
	if _, err := MaxLikelihoodGradient(net, StandardNormal(4, 2, 1), []int{0, 0, 0, 0}, MaxLikelihoodObjective{}, 0); err == nil || !strings.Contains(err.Error(), "unconditional") {
		t.Errorf("classes for an unconditional network: error %v", err)
	}
}

// heldOutGap is the mean −log p_1 of the model on held-out points minus the
// mean −log q of the data's exact density there (a Monte Carlo estimate of
// KL(q‖p_1), paired to cancel most of the sampling noise), with p_1 from
// eq. 14 by RK4 with 20 steps and the exact divergence.
func heldOutGap(t *testing.T, model Field, g *GaussianMixture, held *mat.Dense) float64 {
	t.Helper()
	ll, err := LogLikelihood(model, held, LikelihoodOptions{Solve: SolveOptions{Method: RK4, Steps: 20}, Divergence: DivergenceExact})
	if err != nil {
		t.Fatal(err)
	}
	lq, err := g.LogDensity(held)
	if err != nil {
		t.Fatal(err)
	}
	n := float64(len(lq))
	return -floats.Sum(ll.LogP)/n + floats.Sum(lq)/n
}

// TestMaxLikelihoodAndFlowMatchingReachTheEntropy is the quality
// check (under a minute on two cores, too long for every run, so only with
// GOPHLOW_LONG_TESTS=1): on the 4-component 2D mixture, maximum-likelihood
// training (RK4 × 10, exact divergence, batch 256, 600 steps) and flow
// matching (Recipe2D, 5000 steps) both bring the held-out NLL of 4000 points
// within 0.05 nats of the mixture's entropy. Measured in one run on the
// shared two cores: gaps of 0.0063 nats (ML, 32.6 s) and 0.0060 (FM, 7.1 s);
// the paired estimate's standard error is a few thousandths of a nat.
func TestMaxLikelihoodAndFlowMatchingReachTheEntropy(t *testing.T) {
	if os.Getenv("GOPHLOW_LONG_TESTS") != "1" {
		t.Skip("under a minute: set GOPHLOW_LONG_TESTS=1")
	}
	g, err := benchMixture()
	if err != nil {
		t.Fatal(err)
	}
	held := g.Sample(4000, 77)
	ml := Recipe2D(600, 1)
	net, err := ml.NewNetwork()
	if err != nil {
		t.Fatal(err)
	}
	res, err := TrainMaxLikelihood(net, MaxLikelihoodOptions{Mixture: g, BatchSize: 256, Steps: 600, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	mlGap := heldOutGap(t, net, g, held)
	fm := Recipe2D(5000, 1)
	fmNet, err := fm.NewNetwork()
	if err != nil {
		t.Fatal(err)
	}
	fm.Train.Data = func(n int, rng *rand.Rand) *mat.Dense { return g.SampleRand(n, rng) }
	start := time.Now()
	if _, err := Train(fmNet, fm.Train); err != nil {
		t.Fatal(err)
	}
	fmSeconds := time.Since(start).Seconds()
	model, err := fm.Model(fmNet)
	if err != nil {
		t.Fatal(err)
	}
	fmGap := heldOutGap(t, model, g, held)
	t.Logf("maximum likelihood: gap %.4f nats after %.1f s; flow matching: gap %.4f nats after %.1f s", mlGap, res.Elapsed.Seconds(), fmGap, fmSeconds)
	if !(mlGap < 0.05 && fmGap < 0.05) {
		t.Errorf("held-out NLL minus entropy: maximum likelihood %.4f, flow matching %.4f, want both < 0.05 nats", mlGap, fmGap)
	}
}
