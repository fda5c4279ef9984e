package fmlib

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// benchNetwork builds an MLP on [x, t] like bench/nn_torch.py's Field.
func benchNetwork(t *testing.T, hidden []int, act nn.Activation) *nn.Network {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: hidden, Activation: act, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return net
}

// trainStepMs times Train steps of the benchmark configuration (x1 drawn
// with replacement from 100,000 fixed N(0, I) points, x0 ~ N(0, I), the
// straight path of eq. 37, Adam 1e-3), after a warm-up.
func trainStepMs(t *testing.T, hidden []int, act nn.Activation, batch, steps int) (ms, flops float64) {
	net := benchNetwork(t, hidden, act)
	opts := TrainOptions{Points: StandardNormal(100_000, 2, 1), BatchSize: batch, Steps: 3, Seed: 1}
	if _, err := Train(net, opts); err != nil {
		t.Fatal(err)
	}
	opts.Steps = steps
	res, err := Train(net, opts)
	if err != nil {
		t.Fatal(err)
	}
	// Dense-layer work per step: 2 flops per multiply-add in the forward pass,
	// twice that in the backward pass (input and weight gradients).
	widths := append(append([]int{3}, hidden...), 2)
	for l := 0; l+1 < len(widths); l++ {
		flops += 6 * float64(batch*widths[l]*widths[l+1])
	}
	return float64(res.Elapsed.Microseconds()) / 1000 / float64(steps), flops
}

// gemmPeakGFLOPS measures single-precision 1024³ GEMM through blas32 (the
// backend the network uses), best of 5.
func gemmPeakGFLOPS() float64 {
	const n = 1024
	a, b, c := make([]float32, n*n), make([]float32, n*n), make([]float32, n*n)
	for i := range a {
		a[i], b[i] = float32(i%7)/7, float32(i%5)/5
	}
	best := time.Duration(1 << 62)
	for r := 0; r < 5; r++ {
		start := time.Now()
		blas32.Implementation().Sgemm(blas.NoTrans, blas.NoTrans, n, n, n, 1, a, n, b, n, 0, c, n)
		best = min(best, time.Since(start))
	}
	return 2 * n * n * n / best.Seconds() / 1e9
}

// torchTimings runs bench/nn_torch.py with Debian's python3 and returns
// its {name: ms}, or the reason it could not.
func torchTimings() (map[string]float64, error) {
	out, err := exec.Command("/usr/bin/python3", "../bench/nn_torch.py").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return nil, err
	}
	var ms map[string]float64
	if err := json.Unmarshal(out, &ms); err != nil {
		return nil, fmt.Errorf("bench/nn_torch.py printed %q: %v", out, err)
	}
	return ms, nil
}

// TestBenchNetworkVsPyTorch is the `make bench` comparison of issue 4, not
// a test: fmlib and bench/nn_torch.py on the same configurations, printed
// as `bench NAME torch_ms=… fmlib_ms=… ratio=…` (ratio = torch/fmlib), plus
// the training step's achieved GFLOPS against the measured GEMM peak. It
// runs only with GOPHLOW_BENCH=1; without python3-torch the torch columns
// say NA.
func TestBenchNetworkVsPyTorch(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH=1")
	}
	peak := gemmPeakGFLOPS()
	fmt.Printf("bench gemm_peak sgemm_1024_gflops=%.1f backend=%q\n", peak, nn.BLASBackend())
	fmlibMs := map[string]float64{}
	extra := map[string]string{}
	for _, c := range []struct {
		name   string
		hidden []int
		act    nn.Activation
		batch  int
		steps  int
	}{
		{"train_step_4x512_b4096", []int{512, 512, 512, 512}, nn.SiLU, 4096, 10},
		{"train_step_3x64_b256", []int{64, 64, 64}, nn.SELU, 256, 500},
	} {
		ms, flops := trainStepMs(t, c.hidden, c.act, c.batch, c.steps)
		fmlibMs[c.name] = ms
		gflops := flops / (ms / 1000) / 1e9
		extra[c.name] = fmt.Sprintf(" gflops=%.1f of_peak=%.0f%%", gflops, 100*gflops/peak)
	}
	net := benchNetwork(t, []int{128, 128, 128, 128}, nn.SiLU)
	x := StandardNormal(10_000, 2, 3)
	start := time.Now()
	if _, err := Solve(net, x, SolveOptions{Method: RK4, Steps: 100}); err != nil {
		t.Fatal(err)
	}
	fmlibMs["sample_rk4_100_n10000_4x128"] = float64(time.Since(start).Microseconds()) / 1000
	start = time.Now()
	if _, err := LogLikelihood(net, x, LikelihoodOptions{Solve: SolveOptions{Method: Euler, Steps: 100}, Divergence: DivergenceExact}); err != nil {
		t.Fatal(err)
	}
	fmlibMs["loglik_exact_euler100_n10000_4x128"] = float64(time.Since(start).Microseconds()) / 1000

	torch, err := torchTimings()
	if err != nil {
		t.Logf("PyTorch reference unavailable (install python3-torch, e.g. make setup): %v", err)
	}
	for _, name := range []string{"train_step_4x512_b4096", "train_step_3x64_b256", "sample_rk4_100_n10000_4x128", "loglik_exact_euler100_n10000_4x128"} {
		tm, ok := torch[name]
		if !ok {
			fmt.Printf("bench %s torch_ms=NA fmlib_ms=%.3f ratio=NA%s\n", name, fmlibMs[name], extra[name])
			continue
		}
		fmt.Printf("bench %s torch_ms=%.3f fmlib_ms=%.3f ratio=%.2f%s\n", name, tm, fmlibMs[name], tm/fmlibMs[name], extra[name])
	}
}
