package fmlib

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// qualityRecipe is one way of training a 2D flow for issue 9's
// time-to-quality benchmark: a Recipe (network, optimizer, training
// options, sampler within 40 evaluations: Midpoint 20, RK4 10, Heun 20 or
// Euler 40) with a step budget.
type qualityRecipe struct {
	name string
	Recipe
	chunk int // steps between clock checks
	steps int // stop after this many steps (0: train until the last mark)
}

// qualityPoint is one evaluation during training: Score is in_support on
// the checkerboard (balance beside it), W2 to held-out data elsewhere.
type qualityPoint struct {
	Step    int     `json:"step"`
	TrainS  float64 `json:"train_s"`
	Score   float64 `json:"in_support"`
	Balance float64 `json:"balance"`
	Loss    float64 `json:"loss"`
}

// sampleQuality draws n samples of the recipe's flow (its moving average
// once one is kept) and checks that it took at most 40 evaluations.
func sampleQuality(t *testing.T, net *nn.Network, r qualityRecipe, n int, seed uint64) *Solution {
	sol, err := r.Sample(net, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	if sol.NFE > 40 {
		t.Fatalf("%s: sampling used %d field evaluations, the budget is 40", r.name, sol.NFE)
	}
	return sol
}

// trainForQuality trains the recipe on data and evaluates it (n samples,
// scored by score) whenever the next chunk of steps would carry the
// training clock past a mark, so each point is the quality reached within
// that mark's seconds. Only the Train calls are timed.
func trainForQuality(t *testing.T, r qualityRecipe, data DataSampler, marks []float64, n int,
	score func(*Solution) (float64, float64)) []qualityPoint {
	net, err := r.NewNetwork()
	if err != nil {
		t.Fatal(err)
	}
	chunk := r.chunk
	if chunk == 0 {
		chunk = 25
	}
	opts := r.Train
	opts.Data, opts.Steps, opts.Every = data, chunk, chunk
	var points []qualityPoint
	var trained time.Duration
	var chunkTime time.Duration
	loss := math.NaN()
	for _, mark := range marks {
		limit := time.Duration(mark * float64(time.Second))
		for trained+chunkTime < limit && (r.steps == 0 || net.Step() < r.steps) {
			if r.steps > 0 {
				opts.Steps = min(chunk, r.steps-net.Step())
			}
			res, err := Train(net, opts)
			if err != nil {
				t.Fatal(err)
			}
			trained += res.Elapsed
			chunkTime = res.Elapsed
			loss = res.Losses[len(res.Losses)-1]
		}
		if len(points) > 0 && points[len(points)-1].Step == net.Step() {
			break // the step budget is spent
		}
		in, bal := score(sampleQuality(t, net, r, n, uint64(1000+len(points))))
		points = append(points, qualityPoint{Step: net.Step(), TrainS: trained.Seconds(), Score: in, Balance: bal, Loss: loss})
	}
	return points
}

// trainToSteps trains the recipe on data and evaluates it on the
// checkerboard (n samples) when its step count reaches each of steps, as
// bench/quality_torch.py does at its checkpoints. Only Train is timed.
func trainToSteps(t *testing.T, r qualityRecipe, data DataSampler, steps []float64, n int) []qualityPoint {
	net, err := r.NewNetwork()
	if err != nil {
		t.Fatal(err)
	}
	opts := r.Train
	opts.Data = data
	var points []qualityPoint
	var trained time.Duration
	for _, s := range steps {
		opts.Steps = int(s) - net.Step()
		if opts.Steps <= 0 {
			t.Fatalf("GOPHLOW_QUALITY_AT_STEPS must increase: %v", steps)
		}
		res, err := Train(net, opts)
		if err != nil {
			t.Fatal(err)
		}
		trained += res.Elapsed
		in, bal := checkerboardScore(t)(sampleQuality(t, net, r, n, uint64(1000+len(points))))
		points = append(points, qualityPoint{Step: net.Step(), TrainS: trained.Seconds(), Score: in, Balance: bal, Loss: res.Losses[len(res.Losses)-1]})
	}
	return points
}

// numbers parses the comma-separated numbers of an environment variable
// (nil when it is unset).
func numbers(t *testing.T, name string) []float64 {
	v := os.Getenv(name)
	if v == "" {
		return nil
	}
	var out []float64
	for _, s := range strings.Split(v, ",") {
		var x float64
		if _, err := fmt.Sscan(s, &x); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, x)
	}
	return out
}

// checkerboardScore is CheckerboardQuality of the solution.
func checkerboardScore(t *testing.T) func(*Solution) (float64, float64) {
	return func(s *Solution) (float64, float64) {
		in, bal, err := CheckerboardQuality(s.X)
		if err != nil {
			t.Fatal(err)
		}
		return in, bal
	}
}

// torchQuality runs bench/quality_torch.py and returns its points.
func torchQuality(args ...string) ([]qualityPoint, error) {
	cmd := exec.Command("/usr/bin/python3", append([]string{"../bench/quality_torch.py"}, args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var points []qualityPoint
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		var p qualityPoint
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("quality_torch.py printed %q: %v", sc.Text(), err)
		}
		fmt.Printf("torch step=%d train_s=%.1f in_support=%.4f balance=%.3f loss=%.3f\n", p.Step, p.TrainS, p.Score, p.Balance, p.Loss)
		points = append(points, p)
	}
	return points, cmd.Wait()
}

// printPoints prints a run's evaluations.
func printPoints(who string, r qualityRecipe, ps []qualityPoint) {
	for _, p := range ps {
		fmt.Printf("%s %s step=%d train_s=%.1f in_support=%.4f balance=%.3f loss=%.3f\n", who, r.name, p.Step, p.TrainS, p.Score, p.Balance, p.Loss)
	}
}

// qualityWinner and qualityLong name the recipes the benchmark reports for
// one minute and for five minutes of training: Recipe2D(20000, 1) and
// Recipe2D(90000, 1).
const (
	qualityWinner = "w64_3e-3cos20k_ema"
	qualityLong   = "w64_3e-3cos90k_ema"
)

// qualityRecipes are the configurations explored for issue 9, by name.
// The winners are Recipe2D, fmlib's default, with the step budget of each
// time limit on this machine.
func qualityRecipes() map[string]qualityRecipe {
	base := qualityRecipe{name: "ref256", Recipe: Recipe{
		Network:   nn.Config{Dim: 2, Hidden: []int{256, 256, 256, 256}, Activation: nn.SiLU, Seed: 1},
		Optimizer: nn.Adam(1e-3),
		Train:     TrainOptions{BatchSize: 1024, Seed: 2},
		Solve:     SolveOptions{Method: Midpoint, Steps: 20},
	}}
	rs := map[string]qualityRecipe{"ref256": base}
	add := func(name string, f func(r *qualityRecipe)) {
		r := base
		r.name = name
		f(&r)
		rs[name] = r
	}
	width := func(w int) func(r *qualityRecipe) {
		return func(r *qualityRecipe) { r.Network.Hidden = []int{w, w, w, w} }
	}
	ema := func(decay float64, start int) func(r *qualityRecipe) {
		return func(r *qualityRecipe) { r.Train.EMADecay, r.Train.EMAStart = decay, start }
	}
	cosine := func(lr float64, warm, total int) func(r *qualityRecipe) {
		return func(r *qualityRecipe) {
			r.Optimizer = nn.Adam(lr)
			r.Optimizer.Schedule, r.Optimizer.WarmupSteps, r.Optimizer.TotalSteps = nn.CosineLR, warm, total
		}
	}
	all := func(fs ...func(r *qualityRecipe)) func(r *qualityRecipe) {
		return func(r *qualityRecipe) {
			for _, f := range fs {
				f(r)
			}
		}
	}
	add("ref512", func(r *qualityRecipe) { width(512)(r); r.Train.BatchSize = 4096 })
	add("b256", func(r *qualityRecipe) { r.Train.BatchSize = 256 })
	add("b4096", func(r *qualityRecipe) { r.Train.BatchSize = 4096 })
	add("w128", width(128))
	add("w128b256", func(r *qualityRecipe) { width(128)(r); r.Train.BatchSize = 256 })
	add("lr3e-3", func(r *qualityRecipe) { r.Optimizer = nn.Adam(3e-3) })
	add("lr3e-3warm", func(r *qualityRecipe) { r.Optimizer = nn.Adam(3e-3); r.Optimizer.WarmupSteps = 200 })
	add("rk4", func(r *qualityRecipe) { r.Solve = SolveOptions{Method: RK4, Steps: 10} })
	add("heun", func(r *qualityRecipe) { r.Solve = SolveOptions{Method: Heun, Steps: 20} })
	add("ema", ema(0.99, 200))
	add("fourier", func(r *qualityRecipe) { r.Network.Time, r.Network.Frequencies = nn.TimeFourier, 4 })
	add("w64", width(64))
	add("w128ema", all(width(128), ema(0.995, 500)))
	add("w128cos", all(width(128), cosine(1e-3, 0, 8000)))
	add("w128cos2e-3ema", all(width(128), cosine(2e-3, 200, 8000), ema(0.995, 500)))
	add("w64cosema", all(width(64), cosine(2e-3, 200, 24000), ema(0.995, 500)))
	add("w64cos3e-3ema", all(width(64), cosine(3e-3, 200, 24000), ema(0.995, 500)))
	add("w64b2048cosema", func(r *qualityRecipe) {
		all(width(64), cosine(2e-3, 200, 14000), ema(0.995, 500))(r)
		r.Train.BatchSize = 2048
	})
	// The winners: fmlib's default recipe over a step budget that fits the
	// time on this machine (4×64, Adam 3e-3 with 200 warm-up steps and a
	// cosine decay over the budget, EMA 0.995 from step 500, midpoint 20).
	for _, steps := range []int{20000, 90000} {
		name := fmt.Sprintf("w64_3e-3cos%dk_ema", steps/1000)
		rs[name] = qualityRecipe{name: name, Recipe: Recipe2D(steps, 1), steps: steps}
	}
	add("ot", func(r *qualityRecipe) { r.Train.Coupling = OTCoupling })
	add("ot256", func(r *qualityRecipe) { r.Train.Coupling = OTCoupling; r.Train.BatchSize = 256 })
	add("tlate", func(r *qualityRecipe) {
		r.Train.TimeSampler = func(rng *rand.Rand) float64 { return 1 - math.Pow(rng.Float64(), 2) }
	})
	return rs
}

// TestBenchCheckerboardQuality is issue 9's time-to-quality benchmark. It
// runs only with GOPHLOW_BENCH_QUALITY=1; GOPHLOW_QUALITY_RECIPES (comma-
// separated names of qualityRecipes) with GOPHLOW_QUALITY_MARKS (seconds)
// or GOPHLOW_QUALITY_AT_STEPS (step counts, as bench/quality_torch.py's
// --checkpoints) and GOPHLOW_QUALITY_SAMPLES explore recipes instead.
func TestBenchCheckerboardQuality(t *testing.T) {
	if os.Getenv("GOPHLOW_BENCH_QUALITY") != "1" {
		t.Skip("benchmark: set GOPHLOW_BENCH_QUALITY=1")
	}
	if os.Getenv("GOPHLOW_QUALITY_ONLY") == "others" {
		benchOtherData(t, qualityRecipes()["ref256"], qualityRecipes()[qualityWinner])
		return
	}
	if names := os.Getenv("GOPHLOW_QUALITY_RECIPES"); names != "" {
		marks, steps := numbers(t, "GOPHLOW_QUALITY_MARKS"), numbers(t, "GOPHLOW_QUALITY_AT_STEPS")
		if (marks == nil) == (steps == nil) {
			t.Fatal("set one of GOPHLOW_QUALITY_MARKS (seconds) and GOPHLOW_QUALITY_AT_STEPS (step counts)")
		}
		n := 10000
		if s := os.Getenv("GOPHLOW_QUALITY_SAMPLES"); s != "" {
			fmt.Sscan(s, &n)
		}
		for _, name := range strings.Split(names, ",") {
			r, ok := qualityRecipes()[name]
			if !ok {
				t.Fatalf("no recipe %q", name)
			}
			if steps != nil {
				printPoints("gophlow", r, trainToSteps(t, r, CheckerboardSampler(), steps, n))
				continue
			}
			printPoints("gophlow", r, trainForQuality(t, r, CheckerboardSampler(), marks, n, checkerboardScore(t)))
		}
		return
	}
	fmt.Printf("bench load_before=%q\n", loadAverage())
	torchPoints, err := torchQuality("--width", "256", "--batch", "1024", "--checkpoints", "1000,3000,3500,4000")
	if err != nil {
		t.Logf("PyTorch reference unavailable (install python3-torch, e.g. make setup): %v", err)
	}
	win, long := qualityRecipes()[qualityWinner], qualityRecipes()[qualityLong]
	ours := trainForQuality(t, win, CheckerboardSampler(), []float64{15, 30, 45, 60}, 50000, checkerboardScore(t))
	printPoints("gophlow", win, ours)
	ours300 := trainForQuality(t, long, CheckerboardSampler(), []float64{60, 120, 180, 240, 300}, 50000, checkerboardScore(t))
	printPoints("gophlow", long, ours300)
	at := func(ps []qualityPoint, seconds float64) (in float64) {
		for _, p := range ps {
			if p.TrainS <= seconds {
				in = p.Score
			}
		}
		return in
	}
	torchS, oursS := secondsTo(torchPoints, 0.90), min(secondsTo(ours, 0.90), secondsTo(ours300, 0.90))
	fmt.Printf("bench checkerboard_quality torch_s_to_0.90=%.1f gophlow_s_to_0.90=%.1f ratio=%.2f gophlow_in_support_at_60s=%.4f gophlow_in_support_at_300s=%.4f recipe_60s=%s recipe_300s=%s\n",
		torchS, oursS, torchS/oursS, at(ours, 60), at(ours300, 300), win.name, long.name)
	benchOtherData(t, qualityRecipes()["ref256"], win)
	fmt.Printf("bench load_after=%q\n", loadAverage())
}

// benchOtherData trains the baseline and the winning recipe for 10 and 20
// seconds on two moons and 8 Gaussians and prints W2 and the energy
// distance of 1000 samples to 1000 held-out points, beside the same figures
// for 8 further data samples (the median and range a perfect model would show).
func benchOtherData(t *testing.T, recipes ...qualityRecipe) {
	for _, d := range []struct {
		name string
		data DataSampler
	}{{"two_moons", MoonsSampler(0.05)}, {"8_gaussians", EightGaussiansSampler(2, 0.2)}} {
		held := d.data(1000, NewRand(77))
		scores := func(x *mat.Dense) (float64, float64) {
			w, err := W2(x, held)
			if err != nil {
				t.Fatal(err)
			}
			e, err := EnergyDistance(x, held)
			if err != nil {
				t.Fatal(err)
			}
			return w, e
		}
		// The floor is noisy (moons: W2 0.06–0.15 over 8 draws), so take the median of 8.
		var w2s, eds []float64
		for seed := uint64(78); seed < 86; seed++ {
			w, e := scores(d.data(1000, NewRand(seed)))
			w2s, eds = append(w2s, w), append(eds, e)
		}
		slices.Sort(w2s)
		slices.Sort(eds)
		w2Floor, edFloor := (w2s[3]+w2s[4])/2, (eds[3]+eds[4])/2
		for _, r := range recipes {
			ps := trainForQuality(t, r, d.data, []float64{10, 20}, 1000, func(s *Solution) (float64, float64) { return scores(s.X) })
			fmt.Printf("bench quality_%s recipe=%s w2_at_10s=%.3f w2_at_20s=%.3f energy_at_20s=%.4f steps_at_20s=%d w2_data_median=%.3f (%.3f–%.3f) energy_data_median=%.4f (%.4f–%.4f)\n",
				d.name, r.name, ps[0].Score, ps[1].Score, ps[1].Balance, ps[1].Step, w2Floor, w2s[0], w2s[7], edFloor, eds[0], eds[7])
		}
	}
}

// secondsTo is the training time of the first point with in_support ≥ level
// (+Inf when none reached it).
func secondsTo(ps []qualityPoint, level float64) float64 {
	for _, p := range ps {
		if p.Score >= level {
			return p.TrainS
		}
	}
	return math.Inf(1)
}

// loadAverage is /proc/loadavg, for the record.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.TrimSpace(string(b))
}
