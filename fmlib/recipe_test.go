package fmlib

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/floats/scalar"
)

// TestRecipe2DFields checks that Recipe2D is what its documentation says:
// 4×64 SiLU with t appended, Adam 3e-3 warming up linearly over 200 steps
// then decaying along a cosine to 0 at the last step, batch 1024, EMA 0.995
// from step 500, seeds seed and seed+1, midpoint with 20 steps (40
// evaluations); short budgets warm up for a tenth of their steps.
func TestRecipe2DFields(t *testing.T) {
	const steps = 20000
	r := Recipe2D(steps, 7)
	n := r.Network
	if n.Dim != 2 || !slices.Equal(n.Hidden, []int{64, 64, 64, 64}) || n.Activation != nn.SiLU ||
		n.Time != nn.TimeRaw || n.Classes != 0 || n.Float64 || n.Seed != 7 {
		t.Errorf("network %+v, want 2D 4×64 SiLU, t raw, float32, seed 7", n)
	}
	o := r.Optimizer
	want := nn.Adam(3e-3)
	want.Schedule, want.WarmupSteps, want.TotalSteps = nn.CosineLR, 200, steps
	if o != want {
		t.Errorf("optimizer %+v, want %+v", o, want)
	}
	// The schedule itself (exact arithmetic on a few float64 operations:
	// agreement to 1e-15 relative, or 1e-18 absolute at the end, where it is 0).
	for _, c := range []struct {
		done int
		lr   float64
	}{{0, 3e-3 / 200}, {99, 3e-3 / 2}, {199, 3e-3}, {200, 3e-3}, {200 + (steps-200)/2, 1.5e-3}, {steps, 0}} {
		if got := o.LearningRate(c.done); !scalar.EqualWithinAbsOrRel(got, c.lr, 1e-18, 1e-15) {
			t.Errorf("learning rate after %d steps %v, want %v", c.done, got, c.lr)
		}
	}
	tr := r.Train
	if tr.BatchSize != 1024 || tr.Steps != steps || tr.Seed != 8 || tr.EMADecay != 0.995 || tr.EMAStart != 500 {
		t.Errorf("train options batch %d, steps %d, seed %d, EMA %v from %d; want 1024, %d, 8, 0.995 from 500",
			tr.BatchSize, tr.Steps, tr.Seed, tr.EMADecay, tr.EMAStart, steps)
	}
	if tr.Data != nil || tr.LabeledData != nil || tr.Points != nil || tr.Path != nil || tr.Coupling != IndependentCoupling ||
		tr.TimeSampler != nil || tr.Source != nil {
		t.Errorf("train options %+v: want the defaults (straight path, independent coupling, t ~ U(0,1), N(0,I) noise, no data)", tr)
	}
	if r.Solve.Method != Midpoint || r.Solve.Steps != 20 {
		t.Errorf("solver %v with %d steps, want midpoint with 20", r.Solve.Method, r.Solve.Steps)
	}
	if short := Recipe2D(1000, 1); short.Optimizer.WarmupSteps != 100 || short.Optimizer.TotalSteps != 1000 {
		t.Errorf("1000-step recipe warms up for %d of %d steps, want 100 of 1000", short.Optimizer.WarmupSteps, short.Optimizer.TotalSteps)
	}
	for _, bad := range []int{0, -5} {
		func() {
			defer func() {
				if msg, _ := recover().(string); !strings.Contains(msg, "steps") {
					t.Errorf("Recipe2D(%d, 1): panic %q, want one naming steps", bad, msg)
				}
			}()
			Recipe2D(bad, 1)
		}()
	}
}

// TestTrainStartsEMA checks TrainOptions.EMADecay and EMAStart: no average
// before the start step; at it, the average starts from the current
// weights θ_s, so one step later it is 0.995·θ_s + 0.005·θ_{s+1}; a second
// Train call continues the same average instead of restarting it. The
// network computes in float64, so the only error is the rounding of a few
// multiply-adds per weight: 1e-12 is far above it and far below any
// mistake (a missed or repeated update changes weights by ~1e-4).
func TestTrainStartsEMA(t *testing.T) {
	const decay, start = 0.995, 5
	net := newNet(t, nn.Config{Dim: 2, Hidden: []int{8, 8}, Float64: true, Seed: 1})
	opts := TrainOptions{Data: MoonsSampler(0.05), BatchSize: 32, Steps: start, Seed: 3, EMADecay: decay, EMAStart: start}
	if _, err := Train(net, opts); err != nil {
		t.Fatal(err)
	}
	if net.EMADecay() != 0 {
		t.Fatalf("after %d steps (EMAStart %d) the network already averages with decay %v", net.Step(), start, net.EMADecay())
	}
	expected := net.Params()
	opts.Steps = 1
	for call := 0; call < 2; call++ {
		if _, err := Train(net, opts); err != nil {
			t.Fatal(err)
		}
		if net.EMADecay() != decay {
			t.Fatalf("after step %d the network averages with decay %v, want %v", net.Step(), net.EMADecay(), decay)
		}
		floats.Scale(decay, expected)
		floats.AddScaled(expected, 1-decay, net.Params())
		avg, err := net.EMA()
		if err != nil {
			t.Fatal(err)
		}
		if got := avg.Params(); !floats.EqualApprox(got, expected, 1e-12) {
			t.Fatalf("after step %d the average is off by up to %g", net.Step(), floats.Distance(got, expected, math.Inf(1)))
		}
	}
}

// TestRecipe2DTrainsTwoMoons runs the default recipe, scaled down to 1000
// steps for CI (~4 s on two idle cores), on two moons (noise 0.05) and
// samples it as the recipe says (Model: the EMA weights; midpoint 20 steps). Mean
// over three draws of exact W2 between 500 samples and 500 held-out points:
// it must be within 0.1 of the data's own W2 between two such draws
// (measured: 0.204 against 0.153). For scale, TestTrainTwoMoons's TorchCFM
// configuration needs 2000 steps for 0.21 and PyTorch's seeds of it
// measured 0.19–0.25 (bench/train_quality_torch.txt); the untrained
// network's samples are at W2 ≈ 0.84.
func TestRecipe2DTrainsTwoMoons(t *testing.T) {
	r := Recipe2D(1000, 1)
	r.Train.Data = MoonsSampler(0.05)
	net, err := r.NewNetwork()
	if err != nil {
		t.Fatal(err)
	}
	untrained := net.Clone()
	if _, err := Train(net, r.Train); err != nil {
		t.Fatal(err)
	}
	if net.Step() != 1000 || net.EMADecay() != 0.995 {
		t.Fatalf("after training: step %d, EMA decay %v; want 1000, 0.995", net.Step(), net.EMADecay())
	}
	score := func(net *nn.Network) (model, data float64) {
		for k := uint64(0); k < 3; k++ {
			sol, err := r.Sample(net, 500, 99+k)
			if err != nil {
				t.Fatal(err)
			}
			if sol.NFE != 40 {
				t.Fatalf("the recipe's sampler used %d field evaluations, want 40", sol.NFE)
			}
			held := r.Train.Data(500, NewRand(7+k))
			model += w2(t, held, sol.X) / 3
			data += w2(t, held, r.Train.Data(500, NewRand(70+k))) / 3
		}
		return model, data
	}
	got, floor := score(net)
	before, _ := score(untrained)
	t.Logf("two moons, recipe at 1000 steps: W2 %.3f (data vs data %.3f, untrained %.3f)", got, floor, before)
	if got > floor+0.1 {
		t.Errorf("W2 to held-out data %.3f > the data's own %.3f + 0.1", got, floor)
	}
	if before < 2*(floor+0.1) {
		t.Errorf("the untrained network is already at W2 %.3f: the bound says nothing", before)
	}
	// Model is the moving average once there is one, the network itself before.
	if m, err := r.Model(untrained); err != nil || m != untrained {
		t.Errorf("Model of a network without a moving average: %p, %v; want the network %p itself", m, err, untrained)
	}
	avg, err := net.EMA()
	if err != nil {
		t.Fatal(err)
	}
	if m, err := r.Model(net); err != nil || m == net || !slices.Equal(m.Params(), avg.Params()) {
		t.Errorf("Model of the trained network is not its moving average (err %v)", err)
	}
	if _, err := r.Model(nil); err == nil {
		t.Error("Model of a nil network accepted")
	}
	if _, err := r.Sample(nil, 10, 1); err == nil {
		t.Error("Sample of a nil network accepted")
	}
	if _, err := r.Sample(net, 0, 1); err == nil {
		t.Error("Sample of 0 points accepted")
	}
}
