package fmlib

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/fmlib/nn"
)

// perPointEnv names the run a child process of TestBenchPerPoint does,
// "sample:N" or "loglik:N".
const perPointEnv = "GOPHLOW_PERPOINT_RUN"

// TestBenchPerPoint is a `make bench` figure, not a test: the time and the
// peak Go heap per point of sampling n points with RK4 (10 steps) and of
// their exact log-likelihood (eq. 14, Euler, 10 steps) through the 4×128 SiLU
// network of TestBenchNetworkVsPyTorch, for n = 10⁴, 10⁵ and 10⁶. Each run
// is a fresh process (this test binary run again with perPointEnv set), so
// runtime.MemStats.HeapSys at its end is the most heap that run ever held
// (the runtime does not give address space back); VmHWM is the process's
// peak resident memory, C and OpenBLAS buffers included. The lines are
//
//	bench perpoint_sample_rk4_10_n=N ms=… us_per_point=… heap_sys_MB=… heap_B_per_point=… vm_hwm_MB=…
//	bench perpoint_loglik_euler_10_n=N …
//
// With memory proportional to the state, heap_B_per_point falls towards the
// solver's vectors as the fixed work space is spread over more points
// (sampling: the points, their copy, y, and RK4's k, sum and trial state,
// at most 6·2·8 = 96 B; the likelihood's state has the divergence's
// integral as a third column, and its result the latent points and three
// per-point values), and us_per_point stays flat. It runs only with
// GOPHLOW_BENCH=1 (GOPHLOW_BENCH_ONLY=perpoint selects it alone).
func TestBenchPerPoint(t *testing.T) {
	if run := os.Getenv(perPointEnv); run != "" {
		perPointChild(t, run)
		return
	}
	if os.Getenv("GOPHLOW_BENCH") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH=1")
	}
	if only := os.Getenv("GOPHLOW_BENCH_ONLY"); only != "" && !strings.Contains("perpoint", only) {
		t.Skip("GOPHLOW_BENCH_ONLY leaves it out")
	}
	fmt.Printf("bench perpoint load_before=%q gomaxprocs=%d\n", loadAverage(), runtime.GOMAXPROCS(0))
	for _, kind := range []string{"sample", "loglik"} {
		for _, n := range []int{10_000, 100_000, 1_000_000} {
			cmd := exec.Command(os.Args[0], "-test.run=^TestBenchPerPoint$", "-test.count=1", "-test.timeout=30m")
			cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s:%d", perPointEnv, kind, n))
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s n=%d: %v\n%s", kind, n, err, out)
			}
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				if strings.HasPrefix(sc.Text(), "bench ") {
					fmt.Println(sc.Text())
				}
			}
		}
	}
	fmt.Printf("bench perpoint load_after=%q\n", loadAverage())
}

// perPointChild does one run of TestBenchPerPoint ("KIND:N") and prints its line.
func perPointChild(t *testing.T, run string) {
	kind, ns, _ := strings.Cut(run, ":")
	n, err := strconv.Atoi(ns)
	if err != nil {
		t.Fatalf("%s=%q: %v", perPointEnv, run, err)
	}
	net, err := nn.New(nn.Config{Dim: 2, Hidden: []int{128, 128, 128, 128}, Activation: nn.SiLU, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	x := StandardNormal(n, 2, 3)
	start := time.Now()
	solver := "rk4"
	switch kind {
	case "sample":
		_, err = Solve(net, x, SolveOptions{Method: RK4, Steps: 10})
	case "loglik":
		solver = "euler"
		_, err = LogLikelihood(net, x, LikelihoodOptions{Solve: SolveOptions{Method: Euler, Steps: 10}, Divergence: DivergenceExact})
	default:
		t.Fatalf("unknown run %q", run)
	}
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	hwm := "?"
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				if kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))); err == nil {
					hwm = fmt.Sprintf("%.1f", float64(kb)/1024)
				}
			}
		}
	}
	fmt.Printf("bench perpoint_%s_%s_10_n=%d ms=%.1f us_per_point=%.3f heap_sys_MB=%.1f heap_B_per_point=%.1f vm_hwm_MB=%s\n",
		kind, solver, n, float64(elapsed.Microseconds())/1000, float64(elapsed.Nanoseconds())/1000/float64(n),
		float64(ms.HeapSys)/(1<<20), float64(ms.HeapSys)/float64(n), hwm)
}
