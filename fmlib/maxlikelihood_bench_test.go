package fmlib

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/gophlow/gophlow/fmlib/nn"
)

// mlStepMs times TrainMaxLikelihood steps of the benchmark configuration
// (bench/cnf_ml_torch.py's: MLP 4×64 SiLU on [x, t], batch 512 drawn with
// replacement from 100,000 fixed N(0, I) points, RK4 with 10 steps, exact
// divergence, Adam 1e-3), after three warm-up steps.
func mlStepMs(t *testing.T, steps int) float64 {
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{64, 64, 64, 64}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	opts := MaxLikelihoodOptions{Points: StandardNormal(100_000, 2, 1), BatchSize: 512, Steps: 3, Seed: 1,
		Objective: MaxLikelihoodObjective{Method: RK4, SolverSteps: 10, Divergence: DivergenceExact}}
	if _, err := TrainMaxLikelihood(net, opts); err != nil {
		t.Fatal(err)
	}
	opts.Steps = steps
	res, err := TrainMaxLikelihood(net, opts)
	if err != nil {
		t.Fatal(err)
	}
	return float64(res.Elapsed.Microseconds()) / 1000 / float64(steps)
}

// torchMLStepMs runs bench/cnf_ml_torch.py (its best of 1 and 2 threads)
// with Debian's python3, with OpenBLAS's kernels chosen by coreType (the
// environment's when ""), and returns its milliseconds per step.
func torchMLStepMs(name, coreType string) (float64, error) {
	cmd := exec.Command("/usr/bin/python3", "../bench/cnf_ml_torch.py", name)
	if coreType != "" {
		cmd.Env = append(os.Environ(), "OPENBLAS_CORETYPE="+coreType)
	}
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return 0, fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return 0, err
	}
	var ms map[string]float64
	if err := json.Unmarshal(out, &ms); err != nil {
		return 0, fmt.Errorf("bench/cnf_ml_torch.py printed %q: %v", out, err)
	}
	v, ok := ms[name]
	if !ok {
		return 0, fmt.Errorf("bench/cnf_ml_torch.py did not time %s", name)
	}
	return v, nil
}

// TestBenchMaxLikelihoodStep is the `make bench` comparison of issue 16,
// not a test: one maximum-likelihood training step (eq. 14 as the loss,
// discretise-then-optimise through RK4 × 10 with the exact divergence) in
// fmlib and in PyTorch with autograd (create_graph=True for the divergence),
// timed in benchRounds alternating rounds with warm-ups on both sides, and
// printed as `bench cnf_ml_step_4x64_b512_rk4x10 torch_ms=… fmlib_ms=…
// ratio=…` (medians; ratio = torch/fmlib). PyTorch is run under each
// OpenBLAS kernel set of torchCoreTypes in the first round and keeps its
// fastest for the others. It runs only with
// GOPHLOW_BENCH=1 (and GOPHLOW_BENCH_ONLY, if set, must be part of its
// name); without python3-torch the torch columns say NA.
func TestBenchMaxLikelihoodStep(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH=1")
	}
	const name = "cnf_ml_step_4x64_b512_rk4x10"
	if only := os.Getenv("GOPHLOW_BENCH_ONLY"); only != "" && !strings.Contains(name, only) {
		t.Skip("GOPHLOW_BENCH_ONLY leaves it out")
	}
	var ours, theirs []float64
	var torchErr error
	coreTypes, first := torchCoreTypes(), ""
	for r := 0; r < benchRounds; r++ {
		ours = append(ours, mlStepMs(t, 10))
		if torchErr != nil {
			continue
		}
		best, bestCT := math.Inf(1), ""
		for _, ct := range coreTypes {
			tm, err := torchMLStepMs(name, ct)
			if err != nil {
				torchErr = err
				break
			}
			if r == 0 {
				first += fmt.Sprintf(" %s=%.3f", coreTypeName(ct), tm)
			}
			if tm < best {
				best, bestCT = tm, ct
			}
		}
		if torchErr != nil {
			continue
		}
		coreTypes = []string{bestCT}
		theirs = append(theirs, best)
	}
	torchRounds, oursRounds := joinMs(theirs), joinMs(ours) // before median sorts them
	ms := median(ours)
	if torchErr != nil {
		t.Logf("PyTorch reference unavailable (install python3-torch, e.g. make setup): %v", torchErr)
		fmt.Printf("bench %s torch_ms=NA fmlib_ms=%.3f ratio=NA rounds=%d\n", name, ms, benchRounds)
		return
	}
	tm := median(theirs)
	fmt.Printf("bench %s torch_ms=%.3f fmlib_ms=%.3f ratio=%.2f rounds=%d torch_coretype=%s torch_round1_ms_by_coretype:%s torch_rounds=%s fmlib_rounds=%s\n",
		name, tm, ms, tm/ms, benchRounds, coreTypeName(coreTypes[0]), first, torchRounds, oursRounds)
}
