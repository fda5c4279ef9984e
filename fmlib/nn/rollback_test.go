package nn

import (
	"math"
	"strings"
	"testing"
)

// TestTrainStepNamesNonFiniteBatch checks that NaN or ±Inf in a batch is an
// error naming the argument and entry, and leaves the weights unchanged.
func TestTrainStepNamesNonFiniteBatch(t *testing.T) {
	net, _ := New(Config{Dim: 2, Hidden: []int{8}, Seed: 1})
	x, ts := randomBatch(4, 2, 1)
	y, _ := randomBatch(4, 2, 2)
	before := net.Params()
	for _, c := range []struct {
		name string
		bad  func()
		undo func()
	}{
		{"target[2][1]", func() { y.Set(2, 1, math.NaN()) }, func() { y.Set(2, 1, 0) }},
		{"x[3][0]", func() { x.Set(3, 0, math.Inf(1)) }, func() { x.Set(3, 0, 0) }},
		{"t[1]", func() { ts[1] = math.NaN() }, func() { ts[1] = 0.5 }},
	} {
		c.bad()
		_, err := net.TrainStep(ts, x, y, nil)
		c.undo()
		if err == nil || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: error %v, want one naming %s", c.name, err, c.name)
		}
	}
	for i, v := range net.Params() {
		if v != before[i] || net.Step() != 0 {
			t.Fatal("a rejected batch changed the weights or the step count")
		}
	}
}

// TestTrainStepRestoresWeightsAfterDivergence checks that when an update
// makes the weights diverge (SGD with learning rate 1e30: the first step's
// loss is finite, the second's is not), the second TrainStep is an error
// and the weights, moving average and step count are those from before
// the diverging update, bit for bit, so training can resume from them.
func TestTrainStepRestoresWeightsAfterDivergence(t *testing.T) {
	net, _ := New(Config{Dim: 2, Hidden: []int{16}, Seed: 2})
	x, ts := randomBatch(8, 2, 3)
	y, _ := randomBatch(8, 2, 4)
	if _, err := net.TrainStep(ts, x, y, nil); err != nil { // a good step at the default rate
		t.Fatal(err)
	}
	if err := net.SetEMA(0.9); err != nil {
		t.Fatal(err)
	}
	good, goodEMA := net.Params(), mustEMA(t, net)
	if err := net.SetOptimizer(SGD(1e30, 0)); err != nil {
		t.Fatal(err)
	}
	if loss, err := net.TrainStep(ts, x, y, nil); err != nil || math.IsInf(loss, 0) || math.IsNaN(loss) {
		t.Fatalf("the diverging step itself: loss %v, error %v (its loss is computed before the update)", loss, err)
	}
	_, err := net.TrainStep(ts, x, y, nil)
	if err == nil || !strings.Contains(err.Error(), "diverge") || !strings.Contains(err.Error(), "step 2") {
		t.Fatalf("error %v, want one saying the update of step 2 diverged", err)
	}
	if net.Step() != 1 {
		t.Errorf("step %d after the restore, want 1", net.Step())
	}
	for i, v := range net.Params() {
		if v != good[i] {
			t.Fatalf("weight %d is %v after the restore, want %v", i, v, good[i])
		}
	}
	for i, v := range mustEMA(t, net) {
		if v != goodEMA[i] {
			t.Fatalf("averaged weight %d is %v after the restore, want %v", i, v, goodEMA[i])
		}
	}
	// Training resumes from the restored weights.
	if err := net.SetOptimizer(Adam(1e-3)); err != nil {
		t.Fatal(err)
	}
	if loss, err := net.TrainStep(ts, x, y, nil); err != nil || math.IsNaN(loss) {
		t.Fatalf("resuming: loss %v, error %v", loss, err)
	}
}

func mustEMA(t *testing.T, n *Network) []float64 {
	t.Helper()
	e, err := n.EMA()
	if err != nil {
		t.Fatal(err)
	}
	return e.Params()
}
