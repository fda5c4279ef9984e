package nn

import (
	"math"
	"testing"
)

// quadraticEngine returns a float64 engine whose first two parameters are
// set to p0 (the rest zero), for optimizer steps on f(p) = Σ ½·a_i·p_i².
func quadraticEngine(p0 []float64) *engine[float64] {
	e := newEngine[float64](Config{Dim: 1, Hidden: []int{1}, Activation: SiLU, Float64: true})
	clear(e.params)
	copy(e.params, p0)
	return e
}

// TestAdamHandTrajectory runs three Adam steps (lr 0.1, PyTorch's betas and
// ε) on f(p) = p_1² + ½p_2² from (1, −0.5) and compares with the trajectory
// computed by hand from Kingma & Ba's update with bias correction:
// m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − lr·m̂/(√v̂ + ε).
// The values agree to rounding (1e-12).
func TestAdamHandTrajectory(t *testing.T) {
	e := quadraticEngine([]float64{1, -0.5})
	o := Adam(0.1)
	a := []float64{2, 1}
	want := [][2]float64{
		{0.9000000005, -0.40000000199999997},
		{0.8004122286917928, -0.30118742373064034},
		{0.7015862729460303, -0.20487125573945109},
	}
	for s := 1; s <= 3; s++ {
		clear(e.grads)
		e.grads[0], e.grads[1] = a[0]*e.params[0], a[1]*e.params[1]
		e.update(&o, o.LearningRate(s-1), s)
		for i := 0; i < 2; i++ {
			if math.Abs(e.params[i]-want[s-1][i]) > 1e-12 {
				t.Fatalf("step %d: p[%d] = %.17g, want %.17g", s, i, e.params[i], want[s-1][i])
			}
		}
	}
}

// TestSGDMomentumAndAdamW checks SGD with momentum 0.9 (PyTorch: buffer ←
// μ·buffer + g, p ← p − lr·buffer) on f = p² from p = 1 with lr 0.1, by
// hand: 0.8, 0.46, 0.062; and that AdamW's first step shrinks p by
// (1 − lr·λ) before the Adam step: (1 − 0.1·0.5)·1 − 0.1 = 0.85.
func TestSGDMomentumAndAdamW(t *testing.T) {
	e := quadraticEngine([]float64{1})
	o := SGD(0.1, 0.9)
	for s, want := range []float64{0.8, 0.46, 0.062} {
		clear(e.grads)
		e.grads[0] = 2 * e.params[0]
		e.update(&o, o.LR, s+1)
		if math.Abs(e.params[0]-want) > 1e-12 {
			t.Fatalf("SGD step %d: p = %.17g, want %v", s+1, e.params[0], want)
		}
	}
	e = quadraticEngine([]float64{1})
	o = AdamW(0.1)
	o.WeightDecay = 0.5
	clear(e.grads)
	e.grads[0] = 2
	e.update(&o, o.LR, 1)
	if math.Abs(e.params[0]-0.85) > 1e-8 { // ε = 1e-8 shifts the Adam step by 5e-10
		t.Fatalf("AdamW step: p = %.17g, want 0.85", e.params[0])
	}
}

// TestClipAndSchedules checks gradient clipping to a global norm and the
// learning-rate schedules at their defining points.
func TestClipAndSchedules(t *testing.T) {
	e := quadraticEngine(nil)
	clear(e.grads)
	e.grads[0], e.grads[1] = 3, 4
	if norm := e.clipGradients(1); norm != 5 {
		t.Fatalf("norm before clipping = %v, want 5", norm)
	}
	if got := math.Hypot(e.grads[0], e.grads[1]); math.Abs(got-1) > 1e-6 { // PyTorch's +1e-6 in the coefficient
		t.Fatalf("norm after clipping to 1 = %v", got)
	}
	o := Adam(1)
	o.Schedule, o.WarmupSteps, o.TotalSteps = CosineLR, 10, 110
	for _, c := range []struct {
		done int
		want float64
	}{{0, 0.1}, {9, 1}, {10, 1}, {60, 0.5}, {110, 0}, {500, 0}} {
		if got := o.LearningRate(c.done); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("cosine with warm-up: LearningRate(%d) = %v, want %v", c.done, got, c.want)
		}
	}
	if err := o.validate(); err != nil {
		t.Fatal(err)
	}
	o.TotalSteps = 5
	if err := o.validate(); err == nil {
		t.Error("CosineLR with TotalSteps ≤ WarmupSteps accepted")
	}
}

// TestFloat32OptimizersMatchFloat64 runs five steps of Adam, AdamW (and
// SGD) on float32 and float64 networks from the same weights and batch
// and checks that the weights agree to single precision: 1e-4 relative,
// with the learning rate as the floor, since Adam moves every coordinate by
// O(lr) whatever the size of its gradient (gradients and updates are float32
// throughout, through the native kernels when built with cgo).
func TestFloat32OptimizersMatchFloat64(t *testing.T) {
	for _, o := range []Optimizer{Adam(1e-2), AdamW(1e-2), SGD(1e-2, 0.9)} {
		if o.Kind == OptimizerAdam {
			o.WeightDecay = 0.1 // exercise the L2 term
		}
		cfg := Config{Dim: 2, Hidden: []int{16, 16}, Activation: SiLU, Seed: 5}
		n32, _ := New(cfg)
		cfg.Float64 = true
		n64, _ := New(cfg)
		n64.SetParams(n32.Params())
		x, ts := randomBatch(32, 2, 6)
		y, _ := randomBatch(32, 2, 7)
		for _, n := range []*Network{n32, n64} {
			if err := n.SetOptimizer(o); err != nil {
				t.Fatal(err)
			}
			for s := 0; s < 5; s++ {
				if _, err := n.TrainStep(ts, x, y, nil); err != nil {
					t.Fatal(err)
				}
			}
		}
		p32, p64 := n32.Params(), n64.Params()
		for i := range p32 {
			if e := math.Abs(p32[i]-p64[i]) / math.Max(o.LR, math.Abs(p64[i])); e > 1e-4 {
				t.Fatalf("%v: parameter %d: float32 %v, float64 %v", o.Kind, i, p32[i], p64[i])
			}
		}
	}
}
