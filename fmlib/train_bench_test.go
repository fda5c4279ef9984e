package fmlib

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
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
// backend the network uses, which with OpenBLAS runs on one thread), best of 5.
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

// fmaPeakGFLOPS is one core's single-precision FMA peak in GFLOPS, in its
// widest registers (bench/fma_peak.c, built with the C compiler cgo uses),
// or 0 when it cannot be measured.
func fmaPeakGFLOPS(t *testing.T) float64 {
	bin := t.TempDir() + "/fma_peak"
	if out, err := exec.Command("gcc", "-O2", "-o", bin, "../bench/fma_peak.c").CombinedOutput(); err != nil {
		t.Logf("bench/fma_peak.c: %v: %s", err, out)
		return 0
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Logf("fma_peak: %v", err)
		return 0
	}
	var g8, g16 float64
	if _, err := fmt.Sscanf(string(out), "fma_peak gflops_8lane=%g gflops_16lane=%g", &g8, &g16); err != nil {
		t.Logf("fma_peak printed %q: %v", out, err)
		return 0
	}
	return max(g8, g16)
}

// torchResult is what bench/nn_torch.py prints for one configuration:
// the fastest time over its forms and thread counts, which "form/threads"
// that was, and every form's time.
type torchResult struct {
	ms   float64
	best string
	all  map[string]float64
}

// torchInfoOnce prints nn_torch.py's versions and BLAS line once.
var torchInfoOnce sync.Once

// torchCoreTypes are the OpenBLAS kernels PyTorch is tried with: the
// environment's choice ("", which on these machines sets
// OPENBLAS_CORETYPE=Haswell, the AVX2 kernels) and, on a processor with
// AVX-512, OpenBLAS's AVX-512 kernels (SkylakeX), which made PyTorch's
// sampling about twice as fast on the AVX-512 machine of issue 15. fmlib's
// own OpenBLAS calls run with the environment's choice.
func torchCoreTypes() []string {
	cpu, _ := os.ReadFile("/proc/cpuinfo")
	if strings.Contains(string(cpu), " avx512f ") {
		return []string{"", "SkylakeX"}
	}
	return []string{""}
}

// coreTypeName names an OpenBLAS core type of torchCoreTypes in results.
func coreTypeName(ct string) string {
	if ct != "" {
		return ct
	}
	if env := os.Getenv("OPENBLAS_CORETYPE"); env != "" {
		return env
	}
	return "detected"
}

// torchMs runs one configuration of bench/nn_torch.py with Debian's
// python3, with OpenBLAS's kernels chosen by coreType (the environment's
// when ""), in the given forms (all of them when none is given), and
// returns PyTorch's fastest, or the reason it could not. The forms are
// named "form/threads@coretype".
func torchMs(name, coreType string, forms ...string) (torchResult, error) {
	arg := name
	if len(forms) > 0 {
		arg += "=" + strings.Join(forms, ",")
	}
	cmd := exec.Command("/usr/bin/python3", "../bench/nn_torch.py", arg)
	if coreType != "" {
		cmd.Env = append(os.Environ(), "OPENBLAS_CORETYPE="+coreType)
	}
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return torchResult{}, fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return torchResult{}, err
	}
	var res struct {
		Info map[string]any
		MS   map[string]float64
		Best map[string]string
		All  map[string]map[string]float64
	}
	if err := json.Unmarshal(out, &res); err != nil {
		return torchResult{}, fmt.Errorf("bench/nn_torch.py printed %q: %v", out, err)
	}
	v, ok := res.MS[name]
	if !ok {
		return torchResult{}, fmt.Errorf("bench/nn_torch.py did not time %s", name)
	}
	torchInfoOnce.Do(func() { fmt.Printf("bench torch_info %v\n", res.Info) })
	at := "@" + coreTypeName(coreType)
	all := map[string]float64{}
	for k, ms := range res.All[name] {
		all[k+at] = ms
	}
	return torchResult{ms: v, best: res.Best[name] + at, all: all}, nil
}

// torchBest is torchMs's fastest over the OpenBLAS kernels of coreTypes,
// with every form's time.
func torchBest(name string, coreTypes []string, forms ...string) (torchResult, error) {
	best := torchResult{all: map[string]float64{}}
	for _, ct := range coreTypes {
		tr, err := torchMs(name, ct, forms...)
		if err != nil {
			return torchResult{}, err
		}
		maps.Copy(best.all, tr.all)
		if best.best == "" || tr.ms < best.ms {
			best.ms, best.best = tr.ms, tr.best
		}
	}
	return best, nil
}

// benchRounds is how many times each configuration is timed on each side,
// fmlib and PyTorch alternating, so that a burst of load on this shared host
// lands on one round of one side; the medians are compared.
const benchRounds = 3

// TestBenchNetworkVsPyTorch is the `make bench` comparison of issue 4, not
// a test: fmlib and bench/nn_torch.py on the same configurations, timed in
// benchRounds alternating rounds and printed as
// `bench NAME torch_ms=… fmlib_ms=… ratio=…` (the medians of the rounds;
// ratio = torch/fmlib), plus the training step's achieved GFLOPS against the
// measured GEMM peak, and for sampling and the likelihood the compute floor
// (their flops at the two cores' FMA peak) with each side's time over it.
// PyTorch is tried with each OpenBLAS kernel set of torchCoreTypes in the
// first round and keeps its fastest. It runs only with GOPHLOW_BENCH=1 (GOPHLOW_BENCH_ONLY=text
// keeps the configurations whose name contains text); without python3-torch
// the torch columns say NA.
func TestBenchNetworkVsPyTorch(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH=1")
	}
	uptime := func() string {
		out, err := exec.Command("uptime").Output()
		if err != nil {
			return loadAverage()
		}
		return strings.TrimSpace(string(out))
	}
	fmt.Printf("bench uptime_before=%q\n", uptime())
	defer func() { fmt.Printf("bench uptime_after=%q\n", uptime()) }()
	machineRecord()
	fma := fmaPeakGFLOPS(t)
	fmt.Printf("bench fma_peak gflops_per_core=%.1f (the widest FMA registers; bench/fma_peak.c, CPU time)\n", fma)
	fmaPeak := float64(min(2, runtime.GOMAXPROCS(0))) * fma
	one := gemmPeakGFLOPS()
	peak := float64(min(2, runtime.GOMAXPROCS(0))) * one // the network splits large batches over two cores
	fmt.Printf("bench gemm_peak sgemm_1024_gflops_one_thread=%.1f machine_peak=%.1f backend=%q\n", one, peak, nn.BLASBackend())
	train := func(hidden []int, act nn.Activation, batch, steps int) func() (float64, float64) {
		return func() (float64, float64) { return trainStepMs(t, hidden, act, batch, steps) }
	}
	net := benchNetwork(t, []int{128, 128, 128, 128}, nn.SiLU)
	x := StandardNormal(10_000, 2, 3)
	// Sampling and the likelihood are timed after a warm-up call of two
	// steps on the same points, as bench/nn_torch.py warms up its side.
	timed := func(run func(steps int) error) (float64, float64) {
		if err := run(2); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		if err := run(100); err != nil {
			t.Fatal(err)
		}
		return float64(time.Since(start).Microseconds()) / 1000, 0
	}
	// The work of sampling and of the exact likelihood, in flops (2 per
	// multiply-add of the dense layers): a velocity is one forward pass; the
	// exact divergence pushes Dim = 2 tangents through the hidden-to-hidden
	// products and takes the diagonal of the last layer's (layer 0's
	// tangents are its weight columns, with no product).
	widths := []int{3, 128, 128, 128, 128, 2}
	forward, tangent := 0.0, 0.0
	for l := 0; l+1 < len(widths); l++ {
		forward += float64(widths[l] * widths[l+1])
		if l > 0 && l+2 < len(widths) {
			tangent += 2 * float64(widths[l]*widths[l+1])
		}
	}
	tangent += 2 * float64(widths[len(widths)-2])
	for _, c := range []struct {
		name  string
		run   func() (ms, flops float64) // flops = 0: no GFLOPS column
		floor float64                    // the flops of an evaluation, for the compute floor at the FMA peak
	}{
		{"train_step_4x512_b4096", train([]int{512, 512, 512, 512}, nn.SiLU, 4096, 10), 0},
		{"train_step_3x64_b256", train([]int{64, 64, 64}, nn.SELU, 256, 500), 0},
		{"sample_rk4_100_n10000_4x128", func() (float64, float64) {
			return timed(func(steps int) error {
				_, err := Solve(net, x, SolveOptions{Method: RK4, Steps: steps})
				return err
			})
		}, 2 * forward * 10_000 * 4 * 100},
		{"loglik_exact_euler100_n10000_4x128", func() (float64, float64) {
			return timed(func(steps int) error {
				_, err := LogLikelihood(net, x, LikelihoodOptions{Solve: SolveOptions{Method: Euler, Steps: steps}, Divergence: DivergenceExact})
				return err
			})
		}, 2 * (forward + tangent) * 10_000 * 100},
	} {
		if only := os.Getenv("GOPHLOW_BENCH_ONLY"); only != "" && !strings.Contains(c.name, only) {
			continue
		}
		var ours, theirs []float64
		var flops float64
		var torchErr error
		var forms []string // after the first round, PyTorch's fastest form only
		coreTypes := torchCoreTypes()
		for r := 0; r < benchRounds; r++ {
			ms, f := c.run()
			ours, flops = append(ours, ms), f
			if torchErr != nil {
				continue
			}
			tr, err := torchBest(c.name, coreTypes, forms...)
			if err != nil {
				torchErr = err
				continue
			}
			if r == 0 {
				keys := slices.Sorted(maps.Keys(tr.all))
				var all []string
				for _, k := range keys {
					all = append(all, fmt.Sprintf("%s=%.3f", k, tr.all[k]))
				}
				fmt.Printf("bench torch_forms %s round1_ms_by_form/threads: %s best=%s\n", c.name, strings.Join(all, " "), tr.best)
				form, _, _ := strings.Cut(tr.best, "/")
				_, ct, _ := strings.Cut(tr.best, "@")
				forms = []string{form}
				coreTypes = []string{""}
				if ct != coreTypeName("") {
					coreTypes = []string{ct}
				}
			}
			theirs = append(theirs, tr.ms)
		}
		oursRounds := joinMs(ours) // before median sorts them
		ms := median(ours)
		extra := fmt.Sprintf(" rounds=%d", benchRounds)
		if c.floor > 0 && fmaPeak > 0 {
			floor := c.floor / (fmaPeak * 1e9) * 1000
			extra += fmt.Sprintf(" floor_ms=%.1f fmlib_over_floor=%.2f", floor, ms/floor)
			if torchErr == nil {
				extra += fmt.Sprintf(" torch_over_floor=%.2f", median(slices.Clone(theirs))/floor)
			}
		}
		if flops > 0 {
			gflops := flops / (ms / 1000) / 1e9
			extra += fmt.Sprintf(" gflops=%.1f of_peak=%.0f%%", gflops, 100*gflops/peak)
		}
		if torchErr != nil {
			t.Logf("PyTorch reference unavailable for %s (install python3-torch, e.g. make setup): %v", c.name, torchErr)
			fmt.Printf("bench %s torch_ms=NA fmlib_ms=%.3f ratio=NA%s\n", c.name, ms, extra)
			continue
		}
		torchRounds := joinMs(theirs)
		tm := median(theirs)
		fmt.Printf("bench %s torch_ms=%.3f fmlib_ms=%.3f ratio=%.2f%s torch_form=%s@%s torch_rounds=%s fmlib_rounds=%s\n",
			c.name, tm, ms, tm/ms, extra, forms[0], coreTypeName(coreTypes[0]), torchRounds, oursRounds)
	}
}

// joinMs lists the rounds' milliseconds, in the order they were timed.
func joinMs(v []float64) string {
	f := make([]string, len(v))
	for i, x := range v {
		f[i] = fmt.Sprintf("%.3f", x)
	}
	return strings.Join(f, ",")
}

// median is the middle value of v (the mean of the middle two for an even
// count); v is sorted in place.
func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
