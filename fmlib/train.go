package fmlib

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/gophlow/gophlow/fmlib/nn"
	"github.com/gophlow/gophlow/hooks"
	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// LabeledSampler draws n points (one per row) of a class-labelled data
// distribution with the class of each, for prompt-conditioned training (eq. 38).
type LabeledSampler func(n int, rng *rand.Rand) (*mat.Dense, []int)

// TrainOptions configures Train. Exactly one data source is set: Data,
// LabeledData, or Points (with Labels for class-conditional training).
type TrainOptions struct {
	// Path is the conditional path whose target the network regresses
	// (eq. 36–37); nil means OTPath(0), the straight path of eq. 37.
	Path Path
	// Data draws the data batches x1 ~ q_1.
	Data DataSampler
	// LabeledData draws data batches with their classes.
	LabeledData LabeledSampler
	// Points is a fixed training set; batches are drawn from its rows with
	// replacement (without allocating). Labels, if set, is the class of each row.
	Points *mat.Dense
	Labels []int
	// Source draws the noise batches x0; nil means N(0, I).
	Source DataSampler
	// BatchSize and Steps are the minibatch size and the number of optimizer
	// steps of this call (the network's step count continues across calls).
	BatchSize, Steps int
	// Seed seeds the batches, times, couplings and label dropout; the stream
	// also depends on the network's step count, so resuming continues it.
	Seed uint64
	// TimeSampler draws each row's time in [0, 1]; nil means t ~ U(0, 1).
	TimeSampler func(rng *rand.Rand) float64
	// Coupling pairs noise and data within each batch (independent by default).
	Coupling Coupling
	// SinkhornEpsilon is ε of the Sinkhorn coupling (on squared distances,
	// TorchCFM's reg; 2σ² for Schrödinger-bridge CFM); SinkhornIterations
	// caps its iterations (0: 200; it stops early once the marginals match to 1e-6).
	SinkhornEpsilon    float64
	SinkhornIterations int
	// LabelDropout is the probability that a sample's class is replaced by
	// the null class Φ, so the network also learns the unconditional field
	// needed by classifier-free guidance (eq. 40).
	LabelDropout float64
	// EMADecay > 0 makes the network keep an exponential moving average of
	// its weights for sampling (nn.Network.SetEMA, read with
	// nn.Network.EMA): once the network's step count reaches EMAStart,
	// Train starts the average from the current weights, unless the network
	// already averages with this decay (as when an earlier call started it).
	// 0 leaves the network's own setting alone.
	EMADecay float64
	EMAStart int
	// Every and Callback report progress: Callback is called after every
	// Every steps (0: every 100) and after the last step.
	Every    int
	Callback func(p TrainProgress)
	// Context stops training when cancelled; nil means interrupt.Context().
	Context context.Context
}

// TrainProgress is what Train reports to its callback.
type TrainProgress struct {
	// Step is the network's step count; Done and Steps count this call's steps.
	Step, Done, Steps int
	// Loss is the last batch's loss; MeanLoss the mean over the last Every steps.
	Loss, MeanLoss float64
	// LearningRate is the learning rate of the last step.
	LearningRate float64
	// Elapsed is the time since Train started.
	Elapsed time.Duration
}

// TrainResult is the record of a Train call.
type TrainResult struct {
	// Losses holds the loss of every step taken (PyTorch's MSELoss: the mean
	// over rows and coordinates, i.e. CFMLoss divided by the dimension).
	Losses []float64
	// FirstStep is the network's step count before the call.
	FirstStep int
	// Elapsed is the wall time of the call.
	Elapsed time.Duration
}

// trainer holds the reusable buffers of a training run.
type trainer struct {
	net       *nn.Network
	opts      *TrainOptions
	path      Path
	rng       *rand.Rand
	x0, x1    *mat.Dense
	xt, ut    *mat.Dense
	t         []float64
	classes   []int
	picks     []int // the data rows of a batch drawn from Points
	couple    *coupler
	bridge    bool // times must lie in the open interval (0, 1)
	dim, null int
}

// Train fits the network to the conditional flow-matching objective
// (Algorithm 1, eq. 20 and 36–37; eq. 38 with classes): every step draws a
// data batch x1, a noise batch x0, pairs them by the coupling, draws
// t ~ U(0,1) per row, samples (x_t, u_t(x_t|x1)) from the path and takes one
// optimizer step of the network on ‖u_θ(t, x_t[, c]) − u_t‖². The network's
// optimizer, schedule and EMA (see package nn; EMADecay starts one) are
// used and kept, so a later call resumes where this one stopped. Recipe2D
// gives all of these the defaults that train a 2D flow fastest.
//
// Progress goes to Callback and, inside the kernel, to its progress bar
// (package progress). An interrupt (or cancelled Context) stops training between steps within a
// step's time; the network keeps the steps taken, the result holds their
// losses, and the error wraps interrupt.ErrInterrupted. A non-finite loss
// stops training with an error, leaving the last good weights.
func Train(net *nn.Network, opts TrainOptions) (*TrainResult, error) {
	tr, err := newTrainer(net, &opts)
	if err != nil {
		return nil, err
	}
	ctx := opts.Context
	if ctx == nil {
		ctx = interrupt.Context()
	}
	every := opts.Every
	if every == 0 {
		every = 100
	}
	start := time.Now()
	res := &TrainResult{FirstStep: net.Step(), Losses: make([]float64, 0, opts.Steps)}
	// The kernel's live progress bar (a no-op outside the kernel), updated
	// at most every 50 ms so the loop stays allocation-free between updates.
	task := hooks.StartTask("training", opts.Steps)
	defer task.Done()
	lastReport := start
	var windowSum float64
	var window int
	for done := 0; done < opts.Steps; done++ {
		if err := interrupt.Check(ctx); err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("fmlib: Train interrupted after %d of %d steps (the network keeps them; call Train again to resume): %w", done, opts.Steps, err)
		}
		loss, err := tr.step()
		if err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("fmlib: Train stopped at step %d: %w", net.Step(), err)
		}
		res.Losses = append(res.Losses, loss)
		if now := time.Now(); now.Sub(lastReport) >= 50*time.Millisecond || done+1 == opts.Steps {
			task.Update(done+1, fmt.Sprintf("loss %.4g", loss))
			lastReport = now
		}
		windowSum += loss
		window++
		if opts.Callback != nil && ((done+1)%every == 0 || done+1 == opts.Steps) {
			o := net.Optimizer()
			opts.Callback(TrainProgress{
				Step: net.Step(), Done: done + 1, Steps: opts.Steps,
				Loss: loss, MeanLoss: windowSum / float64(window),
				LearningRate: o.LearningRate(net.Step() - 1), Elapsed: time.Since(start),
			})
			windowSum, window = 0, 0
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// newTrainer validates the options against the network and allocates the buffers.
func newTrainer(net *nn.Network, opts *TrainOptions) (*trainer, error) {
	if net == nil {
		return nil, fmt.Errorf("fmlib: Train: net is nil")
	}
	cfg := net.Config()
	sources := 0
	for _, set := range []bool{opts.Data != nil, opts.LabeledData != nil, opts.Points != nil} {
		if set {
			sources++
		}
	}
	if sources != 1 {
		return nil, fmt.Errorf("fmlib: Train: set exactly one of TrainOptions.Data, LabeledData and Points (%d are set)", sources)
	}
	if opts.BatchSize <= 0 {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.BatchSize = %d, want > 0", opts.BatchSize)
	}
	if opts.Steps <= 0 {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.Steps = %d, want > 0", opts.Steps)
	}
	if opts.Every < 0 {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.Every = %d, want ≥ 0 (0: every 100 steps)", opts.Every)
	}
	if !(opts.LabelDropout >= 0 && opts.LabelDropout <= 1) {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.LabelDropout = %v, want a probability in [0, 1]", opts.LabelDropout)
	}
	if !(opts.EMADecay >= 0 && opts.EMADecay < 1) {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.EMADecay = %v, want 0 ≤ decay < 1 (0: no moving average)", opts.EMADecay)
	}
	if opts.EMAStart < 0 || (opts.EMAStart > 0 && opts.EMADecay == 0) {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.EMAStart = %d, want ≥ 0 and used only with EMADecay > 0 (EMADecay = %v)", opts.EMAStart, opts.EMADecay)
	}
	labelled := opts.LabeledData != nil || opts.Labels != nil
	if labelled && cfg.Classes == 0 {
		return nil, fmt.Errorf("fmlib: Train: the data has classes but the network is unconditional (nn.Config.Classes = 0)")
	}
	if !labelled && cfg.Classes > 0 {
		return nil, fmt.Errorf("fmlib: Train: the network is class-conditional (%d classes) but the data has no classes: use LabeledData or Points with Labels", cfg.Classes)
	}
	if opts.LabelDropout > 0 && !labelled {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.LabelDropout needs class-labelled data")
	}
	if opts.Labels != nil && opts.Points == nil {
		return nil, fmt.Errorf("fmlib: Train: TrainOptions.Labels is set without Points")
	}
	if opts.Points != nil {
		if err := checkDense("TrainOptions.Points", opts.Points); err != nil {
			return nil, err
		}
		if err := checkFinite("TrainOptions.Points", opts.Points); err != nil {
			return nil, err
		}
		r, c := opts.Points.Dims()
		if c != cfg.Dim {
			return nil, fmt.Errorf("fmlib: Train: TrainOptions.Points has %d columns, the network's dimension is %d", c, cfg.Dim)
		}
		if opts.Labels != nil {
			if len(opts.Labels) != r {
				return nil, fmt.Errorf("fmlib: Train: %d labels for %d points", len(opts.Labels), r)
			}
			for i, l := range opts.Labels {
				if l < 0 || l >= cfg.Classes {
					return nil, fmt.Errorf("fmlib: Train: Labels[%d] = %d, want a class in 0…%d", i, l, cfg.Classes-1)
				}
			}
		}
	}
	path := opts.Path
	if path == nil {
		path = OTPath(0)
	}
	bp, bridge := path.(*BridgePath)
	bridge = bridge && bp.Sigma != 0
	couple, err := newCoupler(opts.Coupling, opts.SinkhornEpsilon, opts.SinkhornIterations)
	if err != nil {
		return nil, err
	}
	n, d := opts.BatchSize, cfg.Dim
	tr := &trainer{
		net: net, opts: opts, path: path, couple: couple, bridge: bridge, dim: d, null: net.NullClass(),
		rng: rand.New(rand.NewPCG(opts.Seed, uint64(net.Step())^0x747261696e)),
		x0:  mat.NewDense(n, d, nil), x1: mat.NewDense(n, d, nil),
		xt: mat.NewDense(n, d, nil), ut: mat.NewDense(n, d, nil),
		t: make([]float64, n), picks: make([]int, n),
	}
	if cfg.Classes > 0 {
		tr.classes = make([]int, n)
	}
	return tr, nil
}

// step draws one batch and takes one optimizer step, first starting the
// moving average of the weights if its step has come.
func (tr *trainer) step() (float64, error) {
	o, n := tr.opts, tr.opts.BatchSize
	if o.EMADecay > 0 && tr.net.EMADecay() != o.EMADecay && tr.net.Step() >= o.EMAStart {
		if err := tr.net.SetEMA(o.EMADecay); err != nil {
			return 0, err
		}
	}
	if err := tr.drawData(); err != nil {
		return 0, err
	}
	if o.Source != nil {
		if err := copyBatch("TrainOptions.Source", tr.x0, o.Source(n, tr.rng)); err != nil {
			return 0, err
		}
	} else {
		data := tr.x0.RawMatrix().Data
		for i := range data {
			data[i] = tr.rng.NormFloat64()
		}
	}
	if err := tr.couple.pair(tr.x0, tr.x1, tr.classes, tr.rng); err != nil {
		return 0, err
	}
	for i := range tr.t {
		t, err := tr.drawTime()
		if err != nil {
			return 0, err
		}
		tr.t[i] = t
	}
	if o.LabelDropout > 0 {
		for i := range tr.classes {
			if tr.rng.Float64() < o.LabelDropout {
				tr.classes[i] = tr.null
			}
		}
	}
	if err := tr.path.SampleInto(tr.t, tr.x0, tr.x1, tr.xt, tr.ut); err != nil {
		return 0, err
	}
	return tr.net.TrainStep(tr.t, tr.xt, tr.ut, tr.classes)
}

// drawTime draws one row's time: U(0,1) or TimeSampler's, redrawn (a few
// times) where the bridge path's field is singular (t = 0 or 1).
func (tr *trainer) drawTime() (float64, error) {
	for try := 0; try < 100; try++ {
		t := tr.rng.Float64()
		if tr.opts.TimeSampler != nil {
			t = tr.opts.TimeSampler(tr.rng)
			if !(t >= 0 && t <= 1) {
				return 0, fmt.Errorf("TrainOptions.TimeSampler returned t = %v, want 0 ≤ t ≤ 1", t)
			}
		}
		if !tr.bridge || (t > 0 && t < 1) {
			return t, nil
		}
	}
	return 0, fmt.Errorf("TrainOptions.TimeSampler keeps returning 0 or 1, where the Schrödinger-bridge field is singular")
}

// drawData fills x1 (and the classes) with a data batch.
func (tr *trainer) drawData() error {
	o, n := tr.opts, tr.opts.BatchSize
	switch {
	case o.Points != nil:
		pd, ps, rows, d := rowsOf(o.Points)
		xd, xs, _, _ := rowsOf(tr.x1)
		// The rows are drawn first and then copied by an element loop, not
		// copy: they are short and scattered, and back-to-back independent
		// loads let their cache misses overlap.
		for i := range tr.picks {
			tr.picks[i] = tr.rng.IntN(rows)
		}
		for i, k := range tr.picks {
			dst, src := rowSlice(xd, xs, i, d), rowSlice(pd, ps, k, d)
			for j := range dst {
				dst[j] = src[j]
			}
			if o.Labels != nil {
				tr.classes[i] = o.Labels[k]
			}
		}
	case o.Data != nil:
		return copyBatch("TrainOptions.Data", tr.x1, o.Data(n, tr.rng))
	default:
		x, labels := o.LabeledData(n, tr.rng)
		if err := copyBatch("TrainOptions.LabeledData", tr.x1, x); err != nil {
			return err
		}
		if len(labels) != n {
			return fmt.Errorf("TrainOptions.LabeledData returned %d labels for %d points", len(labels), n)
		}
		for _, l := range labels {
			if l < 0 || l >= tr.null {
				return fmt.Errorf("TrainOptions.LabeledData returned label %d, want a class in 0…%d", l, tr.null-1)
			}
		}
		copy(tr.classes, labels)
	}
	return nil
}

// copyBatch copies a sampler's batch into dst after checking its shape and values.
func copyBatch(who string, dst, src *mat.Dense) error {
	r, c := dst.Dims()
	if src == nil {
		return fmt.Errorf("%s returned nil", who)
	}
	if sr, sc := src.Dims(); sr != r || sc != c {
		return fmt.Errorf("%s returned a %d×%d batch, want %d×%d", who, sr, sc, r, c)
	}
	for _, v := range src.RawMatrix().Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%s returned a non-finite value %v", who, v)
		}
	}
	dst.Copy(src)
	return nil
}
