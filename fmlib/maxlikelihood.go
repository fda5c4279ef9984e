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

// MaxLikelihoodObjective is the discretised maximum-likelihood loss of
// eq. 14: how log p_1 is integrated and what is added to −log p_1.
type MaxLikelihoodObjective struct {
	// Method is the fixed-step solver (Euler, Midpoint, Heun or RK4; 0
	// means RK4) and SolverSteps its number of steps from t = 1 to 0 (0: 10).
	Method      Method
	SolverSteps int
	// Divergence is DivergenceExact (the Dim unit tangents per row),
	// DivergenceHutchinson (Probes probes per row, drawn per batch and fixed
	// along the path) or DivergenceAuto (exact up to 4 dimensions, else
	// Hutchinson).
	Divergence DivergenceMethod
	// Probes is K for Hutchinson (0: 1); Probe their distribution.
	Probes int
	Probe  ProbeKind
	// Kinetic is λ ≥ 0 of the regulariser λ ∫_0^1 ‖u_t(x_t)‖² dt,
	// integrated along the same path with the same solver.
	Kinetic float64
}

// MaxLikelihoodOptions configures TrainMaxLikelihood. Exactly one data
// source is set: Data, LabeledData, Points (with Labels for a
// class-conditional network) or Mixture.
type MaxLikelihoodOptions struct {
	// Objective is the loss: solver, divergence, regulariser.
	Objective MaxLikelihoodObjective
	// Data draws the data batches x1 ~ q_1.
	Data DataSampler
	// LabeledData draws data batches with their classes.
	LabeledData LabeledSampler
	// Points is a fixed training set, its rows drawn with replacement;
	// Labels, if set, is the class of each row.
	Points *mat.Dense
	Labels []int
	// Mixture draws the batches from a Gaussian mixture.
	Mixture *GaussianMixture
	// BatchSize and Steps are the minibatch size and the number of
	// optimizer steps of this call.
	BatchSize, Steps int
	// Seed seeds the batches and probes; the stream also depends on the
	// network's step count, so resuming continues it.
	Seed uint64
	// Every and Callback report progress: Callback is called after every
	// Every steps (0: every 100) and after the last step.
	Every    int
	Callback func(p MaxLikelihoodProgress)
	// Context stops training when cancelled; nil means interrupt.Context().
	Context context.Context
}

// MaxLikelihoodProgress is what TrainMaxLikelihood reports to its callback.
type MaxLikelihoodProgress struct {
	// Step is the network's step count; Done and Steps count this call's steps.
	Step, Done, Steps int
	// NLL is the last batch's −mean log p_1 (nats); MeanNLL the mean over
	// the last Every steps; Kinetic the last batch's mean ∫‖u‖² dt.
	NLL, MeanNLL, Kinetic float64
	// LearningRate is the learning rate of the last step.
	LearningRate float64
	// Evaluations counts network evaluations so far (see MaxLikelihoodResult).
	Evaluations int
	// Elapsed is the time since TrainMaxLikelihood started.
	Elapsed time.Duration
}

// MaxLikelihoodResult is the record of a TrainMaxLikelihood call.
type MaxLikelihoodResult struct {
	// NLL and Kinetic hold every step's batch −mean log p_1 (under the
	// training discretisation) and mean ∫‖u‖² dt.
	NLL, Kinetic []float64
	// FirstStep is the network's step count before the call.
	FirstStep int
	// Evaluations counts the network's evaluations on a batch: every solver
	// stage once forwards (u alone) and once in the reverse sweep
	// (recomputed with its divergence, then differentiated).
	Evaluations int
	// Elapsed is the wall time of the call.
	Elapsed time.Duration
}

// MaxLikelihoodBatch is the loss of one batch and its gradient.
type MaxLikelihoodBatch struct {
	// Loss = NLL + λ·Kinetic is the objective.
	Loss float64
	// NLL is −mean log p_1(x) (eq. 14 under the discretisation); Kinetic
	// the mean ∫_0^1 ‖u_t(x_t)‖² dt.
	NLL, Kinetic float64
	// Gradient is ∂Loss/∂θ in the layout of nn.Network.Params.
	Gradient []float64
	// Evaluations counts network evaluations (see MaxLikelihoodResult).
	Evaluations int
}

// tableau is the Butcher tableau of an explicit Runge–Kutta method.
type tableau struct {
	a    [][]float64 // a[s][j], j < s
	b, c []float64
}

// tableauOf returns the tableau of the fixed-step methods of Solve.
func tableauOf(m Method) (tableau, error) {
	switch m {
	case Euler:
		return tableau{a: [][]float64{nil}, b: []float64{1}, c: []float64{0}}, nil
	case Midpoint:
		return tableau{a: [][]float64{nil, {0.5}}, b: []float64{0, 1}, c: []float64{0, 0.5}}, nil
	case Heun:
		return tableau{a: [][]float64{nil, {1}}, b: []float64{0.5, 0.5}, c: []float64{0, 1}}, nil
	case RK4:
		return tableau{a: [][]float64{nil, {0.5}, {0, 0.5}, {0, 0, 1}}, b: []float64{1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6}, c: []float64{0, 0.5, 0.5, 1}}, nil
	}
	return tableau{}, fmt.Errorf("MaxLikelihoodObjective.Method = %v, want Euler, Midpoint, Heun or RK4 (a fixed-step method)", m)
}

// mlObjective evaluates the maximum-likelihood loss of batches of one
// shape and its gradient, with reusable buffers.
type mlObjective struct {
	net      *nn.Network
	tab      tableau
	steps    int
	kinetic  float64
	probes   []*mat.Dense // nil: exact divergence
	gaussian bool
	stage    [][]*mat.Dense // stage[n][s]: the state where stage s of step n evaluates u
	vel      [][]*mat.Dense // vel[n][s]: u there
	y, gu    *mat.Dense
	ybar     *mat.Dense
	stageBar []*mat.Dense // the cotangents of the current step's stage states
	div      []float64
	logDiv   []float64 // accumulated −∫ ∇·u dt of each row
	energy   []float64 // accumulated ∫ ‖u‖² dt of each row
	gdiv     []float64
}

// newMLObjective validates the objective against the network and allocates
// buffers for rows×Dim batches.
func newMLObjective(net *nn.Network, o MaxLikelihoodObjective, rows int) (*mlObjective, error) {
	if net == nil {
		return nil, fmt.Errorf("net is nil")
	}
	method := o.Method
	if method == 0 {
		method = RK4
	}
	tab, err := tableauOf(method)
	if err != nil {
		return nil, err
	}
	steps := o.SolverSteps
	if steps == 0 {
		steps = 10
	}
	if steps < 0 {
		return nil, fmt.Errorf("MaxLikelihoodObjective.SolverSteps = %d, want > 0 (0: 10)", steps)
	}
	if !(o.Kinetic >= 0) || math.IsInf(o.Kinetic, 0) {
		return nil, fmt.Errorf("MaxLikelihoodObjective.Kinetic = %v, want a finite λ ≥ 0", o.Kinetic)
	}
	d := net.Config().Dim
	m := &mlObjective{net: net, tab: tab, steps: steps, kinetic: o.Kinetic, gaussian: o.Probe == GaussianProbe}
	hutchinson := false
	switch o.Divergence {
	case DivergenceAuto:
		hutchinson = d > 4
	case DivergenceExact:
	case DivergenceHutchinson:
		hutchinson = true
	default:
		return nil, fmt.Errorf("MaxLikelihoodObjective.Divergence = %v, want exact, Hutchinson or auto", o.Divergence)
	}
	if o.Probes < 0 || (o.Probes > 0 && !hutchinson) {
		return nil, fmt.Errorf("MaxLikelihoodObjective.Probes = %d, want ≥ 0 and only with the Hutchinson divergence", o.Probes)
	}
	if o.Probe != RademacherProbe && o.Probe != GaussianProbe {
		return nil, fmt.Errorf("MaxLikelihoodObjective.Probe = %v, want Rademacher or Gaussian", o.Probe)
	}
	if hutchinson {
		for k := 0; k < max(o.Probes, 1); k++ {
			m.probes = append(m.probes, mat.NewDense(rows, d, nil))
		}
	}
	stages := len(tab.b)
	m.stage, m.vel = make([][]*mat.Dense, steps), make([][]*mat.Dense, steps)
	for n := range m.stage {
		for s := 0; s < stages; s++ {
			m.stage[n] = append(m.stage[n], mat.NewDense(rows, d, nil))
			m.vel[n] = append(m.vel[n], mat.NewDense(rows, d, nil))
		}
	}
	for s := 0; s < stages; s++ {
		m.stageBar = append(m.stageBar, mat.NewDense(rows, d, nil))
	}
	m.y, m.gu, m.ybar = mat.NewDense(rows, d, nil), mat.NewDense(rows, d, nil), mat.NewDense(rows, d, nil)
	m.div, m.logDiv, m.energy, m.gdiv = make([]float64, rows), make([]float64, rows), make([]float64, rows), make([]float64, rows)
	return m, nil
}

// drawProbes draws the Hutchinson probes of a batch, fixed along its paths.
func (m *mlObjective) drawProbes(rng *rand.Rand) {
	for _, p := range m.probes {
		data := p.RawMatrix().Data
		for i := range data {
			switch {
			case m.gaussian:
				data[i] = rng.NormFloat64()
			case rng.Uint64()&1 == 0:
				data[i] = 1
			default:
				data[i] = -1
			}
		}
	}
}

// evaluations is the number of network evaluations of one lossGradient.
func (m *mlObjective) evaluations() int { return 2 * m.steps * len(m.tab.b) }

// lossGradient computes the loss of the batch x1 (one row per point, rows
// as allocated) and leaves its gradient in the network ("discretise, then
// optimise"). Forwards, x is integrated from t = 1 to 0 with h = −1/steps
// (eq. 14, as LogLikelihood does): Y_s = y_n + h Σ_j a_sj k_j,
// k_s = u(t_n + c_s h, Y_s), y_{n+1} = y_n + h Σ b_s k_s, and ∫‖u‖² is
// accumulated with the weights b_s. The divergences, which do not move x,
// are computed in the reverse sweep, where each stage's tangents are needed
// anyway, and summed with the same weights. The loss is the mean over rows
// of −log p_1 = −log p_0(x0) + ∫_0^1 ∇·u dt, plus λ ∫_0^1 ‖u‖² dt.
// Backwards, the adjoint of the Runge–Kutta step: with ȳ the cotangent of
// y_{n+1}, for s from the last stage down, k̄_s = h b_s ȳ + Σ_{j>s} h a_js Ȳ_j
// and Ȳ_s = (∂k_s/∂Y_s)ᵀ k̄_s plus the divergence's and energy's terms
// (nn.Network.AddDivergenceGradient, which also adds ∂/∂θ), then
// ȳ ← ȳ + Σ_s Ȳ_s.
func (m *mlObjective) lossGradient(x1 *mat.Dense, class []int) (nll, kinetic float64) {
	tab, S := m.tab, m.steps
	h := -1 / float64(S)
	rows, d := x1.Dims()
	m.y.Copy(x1)
	clear(m.logDiv)
	clear(m.energy)
	yd := m.y.RawMatrix().Data
	for n := 0; n < S; n++ {
		t := 1 + float64(n)*h
		for s := range tab.b {
			st := m.stage[n][s]
			sd := st.RawMatrix().Data
			copy(sd, yd)
			for j, a := range tab.a[s] {
				if a != 0 {
					axpyFlat(h*a, m.vel[n][j].RawMatrix().Data, sd)
				}
			}
			m.velocity(t+tab.c[s]*h, st, class, m.vel[n][s])
			w := h * tab.b[s]
			vd := m.vel[n][s].RawMatrix().Data
			for i := 0; i < rows; i++ {
				var sq float64
				for _, v := range vd[i*d : (i+1)*d] {
					sq += v * v
				}
				m.energy[i] -= w * sq
			}
		}
		for s, b := range tab.b {
			if b != 0 {
				axpyFlat(h*b, m.vel[n][s].RawMatrix().Data, yd)
			}
		}
	}
	N := float64(rows)
	// Reverse sweep. ∂Loss/∂x0 = x0/N; ∂Loss/∂logDiv = −1/N per row, so a
	// stage's divergence (entering logDiv with weight h b_s) gets −h b_s/N;
	// its energy (weight −h b_s, loss weight λ/N) gives u the cotangent
	// −2 λ h b_s u/N.
	m.net.ZeroGradient()
	m.ybar.Scale(1/N, m.y)
	for n := S - 1; n >= 0; n-- {
		t := 1 + float64(n)*h
		for s := len(tab.b) - 1; s >= 0; s-- {
			gd := m.gu.RawMatrix().Data
			for i := range gd {
				gd[i] = 0
			}
			axpyFlat(h*tab.b[s], m.ybar.RawMatrix().Data, gd)
			for j := s + 1; j < len(tab.b); j++ {
				if a := tab.a[j][s]; a != 0 {
					axpyFlat(h*a, m.stageBar[j].RawMatrix().Data, gd)
				}
			}
			if m.kinetic != 0 {
				axpyFlat(-2*m.kinetic*h*tab.b[s]/N, m.vel[n][s].RawMatrix().Data, gd)
			}
			for i := range m.gdiv {
				m.gdiv[i] = -h * tab.b[s] / N
			}
			m.net.AddDivergenceGradient(t+tab.c[s]*h, m.stage[n][s], class, m.probes, m.gu, m.gdiv, m.stageBar[s], m.div)
			for i, v := range m.div {
				m.logDiv[i] += h * tab.b[s] * v
			}
		}
		for s := range tab.b {
			m.ybar.Add(m.ybar, m.stageBar[s])
		}
	}
	// −log p_1 = −log p_0(x0) − logDiv, where logDiv = −∫_0^1 ∇·u dt.
	logp0 := standardNormalLogDensity(yd, rows, d)
	for i := 0; i < rows; i++ {
		nll -= (logp0[i] + m.logDiv[i]) / N
		kinetic += m.energy[i] / N
	}
	return nll, kinetic
}

// velocity writes u_θ(t, x, class) into out (Φ for a conditional network
// when class is nil).
func (m *mlObjective) velocity(t float64, x *mat.Dense, class []int, out *mat.Dense) {
	if class == nil {
		m.net.Velocity(t, x, out)
		return
	}
	m.net.VelocityClass(t, x, class, out)
}

// axpyFlat computes y += a·x on flat slices.
func axpyFlat(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}

// MaxLikelihoodGradient returns the maximum-likelihood loss of eq. 14 on the
// batch x (class: the class of each row, nil for an unconditional network)
// and its gradient with respect to the network's parameters, without taking
// a step: the loss is that of the discretised solve, and the gradient its
// exact derivative (see TrainMaxLikelihood). Hutchinson probes are drawn
// from seed. For checks, exercises and custom loops.
func MaxLikelihoodGradient(net *nn.Network, x *mat.Dense, class []int, o MaxLikelihoodObjective, seed uint64) (*MaxLikelihoodBatch, error) {
	if net == nil {
		return nil, fmt.Errorf("fmlib: MaxLikelihoodGradient: net is nil")
	}
	if err := checkDense("x", x); err != nil {
		return nil, err
	}
	if err := checkFinite("x", x); err != nil {
		return nil, err
	}
	rows, c := x.Dims()
	cfg := net.Config()
	if c != cfg.Dim {
		return nil, fmt.Errorf("fmlib: MaxLikelihoodGradient: x has %d columns, the network's dimension is %d", c, cfg.Dim)
	}
	if err := checkClasses("class", class, rows, cfg.Classes); err != nil {
		return nil, err
	}
	m, err := newMLObjective(net, o, rows)
	if err != nil {
		return nil, fmt.Errorf("fmlib: MaxLikelihoodGradient: %w", err)
	}
	m.drawProbes(rand.New(rand.NewPCG(seed, 0x70726f6265)))
	nll, kin := m.lossGradient(x, class)
	if loss := nll + o.Kinetic*kin; math.IsNaN(loss) || math.IsInf(loss, 0) {
		return nil, fmt.Errorf("fmlib: MaxLikelihoodGradient: the loss is %v on a finite batch (the network's flow diverges)", loss)
	}
	return &MaxLikelihoodBatch{Loss: nll + o.Kinetic*kin, NLL: nll, Kinetic: kin, Gradient: net.AccumulatedGradient(), Evaluations: m.evaluations()}, nil
}

// checkClasses checks one class per row, each in 0…classes (classes is
// the null class Φ); nil is always allowed.
func checkClasses(arg string, class []int, rows, classes int) error {
	if class == nil {
		return nil
	}
	if classes == 0 {
		return fmt.Errorf("fmlib: %s is set but the network is unconditional (nn.Config.Classes = 0)", arg)
	}
	if len(class) != rows {
		return fmt.Errorf("fmlib: %d values in %s for %d rows", len(class), arg, rows)
	}
	for i, l := range class {
		if l < 0 || l > classes {
			return fmt.Errorf("fmlib: %s[%d] = %d, want a class in 0…%d (%d is Φ)", arg, i, l, classes, classes)
		}
	}
	return nil
}

// TrainMaxLikelihood trains the network as a continuous normalizing flow by
// maximum likelihood (FFJORD's objective, "discretise, then optimise"):
// every step draws a data batch and takes one optimizer step on
// −mean log p_1(x1) of eq. 14, log p_1(x1) = log p_0(x0) − ∫_0^1 ∇·u_t(x_t) dt,
// integrated from the data back to the noise with the objective's
// fixed-step solver, plus λ ∫_0^1 ‖u‖² dt when Kinetic > 0. The gradient is
// the exact derivative of the discretised loss: the reverse sweep through
// the Runge–Kutta steps calls nn.Network.AddDivergenceGradient once per
// stage. One step with S solver steps of a method of s stages and K
// tangents per row (K = Dim for the exact divergence) therefore costs S·s
// forward evaluations of u, then S·s second-order passes, each a forward
// pass with K tangent rows per row and a reverse pass through both (about
// 3(1+K) forward passes): about S·s·(1 + 3(1+K)) forward passes of the
// batch, 400 for RK4 with 10 steps in 2D, where a flow-matching step
// (Train) costs one forward and one backward pass, about 3.
//
// The network's optimizer, schedule and EMA are used and kept, as by
// Train. Progress goes to Callback and to the kernel's progress bar; an
// interrupt (or cancelled Context) stops between steps, the network keeps
// the steps taken, and the error wraps interrupt.ErrInterrupted. A
// non-finite loss stops training with an error and restores the last
// weights whose loss was finite.
func TrainMaxLikelihood(net *nn.Network, opts MaxLikelihoodOptions) (*MaxLikelihoodResult, error) {
	if net == nil {
		return nil, fmt.Errorf("fmlib: TrainMaxLikelihood: net is nil")
	}
	if err := checkMLOptions(net.Config(), &opts); err != nil {
		return nil, fmt.Errorf("fmlib: TrainMaxLikelihood: %w", err)
	}
	m, err := newMLObjective(net, opts.Objective, opts.BatchSize)
	if err != nil {
		return nil, fmt.Errorf("fmlib: TrainMaxLikelihood: %w", err)
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
	res := &MaxLikelihoodResult{FirstStep: net.Step(), NLL: make([]float64, 0, opts.Steps), Kinetic: make([]float64, 0, opts.Steps)}
	rng := rand.New(rand.NewPCG(opts.Seed, uint64(net.Step())^0x6d6c65))
	d := net.Config().Dim
	x1 := mat.NewDense(opts.BatchSize, d, nil)
	var classes []int
	if net.Config().Classes > 0 {
		classes = make([]int, opts.BatchSize)
	}
	task := hooks.StartTask("maximum-likelihood training", opts.Steps)
	defer task.Done()
	lastReport := start
	var windowSum float64
	var window int
	for done := 0; done < opts.Steps; done++ {
		if err := interrupt.Check(ctx); err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("fmlib: TrainMaxLikelihood interrupted after %d of %d steps (the network keeps them; call it again to resume): %w", done, opts.Steps, err)
		}
		if err := drawMLBatch(&opts, rng, x1, classes, net.Config().Classes); err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("fmlib: TrainMaxLikelihood: %w", err)
		}
		m.drawProbes(rng)
		nll, kin := m.lossGradient(x1, classes)
		res.Evaluations += m.evaluations()
		if err := net.ApplyGradient(nll + opts.Objective.Kinetic*kin); err != nil {
			res.Elapsed = time.Since(start)
			return res, fmt.Errorf("fmlib: TrainMaxLikelihood stopped at step %d: %w", net.Step(), err)
		}
		res.NLL, res.Kinetic = append(res.NLL, nll), append(res.Kinetic, kin)
		if now := time.Now(); now.Sub(lastReport) >= 50*time.Millisecond || done+1 == opts.Steps {
			task.Update(done+1, fmt.Sprintf("NLL %.4g", nll))
			lastReport = now
		}
		windowSum += nll
		window++
		if opts.Callback != nil && ((done+1)%every == 0 || done+1 == opts.Steps) {
			o := net.Optimizer()
			opts.Callback(MaxLikelihoodProgress{
				Step: net.Step(), Done: done + 1, Steps: opts.Steps,
				NLL: nll, MeanNLL: windowSum / float64(window), Kinetic: kin,
				LearningRate: o.LearningRate(net.Step() - 1), Evaluations: res.Evaluations, Elapsed: time.Since(start),
			})
			windowSum, window = 0, 0
		}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// checkMLOptions validates the data source and loop settings.
func checkMLOptions(cfg nn.Config, o *MaxLikelihoodOptions) error {
	sources := 0
	for _, set := range []bool{o.Data != nil, o.LabeledData != nil, o.Points != nil, o.Mixture != nil} {
		if set {
			sources++
		}
	}
	if sources != 1 {
		return fmt.Errorf("set exactly one of MaxLikelihoodOptions.Data, LabeledData, Points and Mixture (%d are set)", sources)
	}
	if o.BatchSize <= 0 {
		return fmt.Errorf("MaxLikelihoodOptions.BatchSize = %d, want > 0", o.BatchSize)
	}
	if o.Steps <= 0 {
		return fmt.Errorf("MaxLikelihoodOptions.Steps = %d, want > 0", o.Steps)
	}
	if o.Every < 0 {
		return fmt.Errorf("MaxLikelihoodOptions.Every = %d, want ≥ 0 (0: every 100 steps)", o.Every)
	}
	labelled := o.LabeledData != nil || o.Labels != nil
	if labelled && cfg.Classes == 0 {
		return fmt.Errorf("the data has classes but the network is unconditional (nn.Config.Classes = 0)")
	}
	if !labelled && cfg.Classes > 0 {
		return fmt.Errorf("the network is class-conditional (%d classes) but the data has no classes: use LabeledData or Points with Labels", cfg.Classes)
	}
	if o.Labels != nil && o.Points == nil {
		return fmt.Errorf("MaxLikelihoodOptions.Labels is set without Points")
	}
	if o.Mixture != nil && o.Mixture.Dim() != cfg.Dim {
		return fmt.Errorf("MaxLikelihoodOptions.Mixture has dimension %d, the network's is %d", o.Mixture.Dim(), cfg.Dim)
	}
	if o.Points != nil {
		if err := checkDense("MaxLikelihoodOptions.Points", o.Points); err != nil {
			return err
		}
		if err := checkFinite("MaxLikelihoodOptions.Points", o.Points); err != nil {
			return err
		}
		r, c := o.Points.Dims()
		if c != cfg.Dim {
			return fmt.Errorf("MaxLikelihoodOptions.Points has %d columns, the network's dimension is %d", c, cfg.Dim)
		}
		if o.Labels != nil {
			if len(o.Labels) != r {
				return fmt.Errorf("MaxLikelihoodOptions.Labels has %d labels for %d points", len(o.Labels), r)
			}
			for i, l := range o.Labels {
				if l < 0 || l >= cfg.Classes {
					return fmt.Errorf("MaxLikelihoodOptions.Labels[%d] = %d, want a class in 0…%d", i, l, cfg.Classes-1)
				}
			}
		}
	}
	return nil
}

// drawMLBatch fills x1 (and the classes, of a network with numClasses) with a data batch.
func drawMLBatch(o *MaxLikelihoodOptions, rng *rand.Rand, x1 *mat.Dense, classes []int, numClasses int) error {
	n, d := x1.Dims()
	switch {
	case o.Points != nil:
		rows, _ := o.Points.Dims()
		for i := 0; i < n; i++ {
			k := rng.IntN(rows)
			for j := 0; j < d; j++ {
				x1.Set(i, j, o.Points.At(k, j))
			}
			if o.Labels != nil {
				classes[i] = o.Labels[k]
			}
		}
	case o.Mixture != nil:
		x1.Copy(o.Mixture.SampleRand(n, rng))
	case o.Data != nil:
		return copyBatch("MaxLikelihoodOptions.Data", x1, o.Data(n, rng))
	default:
		x, labels := o.LabeledData(n, rng)
		if err := copyBatch("MaxLikelihoodOptions.LabeledData", x1, x); err != nil {
			return err
		}
		if len(labels) != n {
			return fmt.Errorf("MaxLikelihoodOptions.LabeledData returned %d labels for %d points", len(labels), n)
		}
		for _, l := range labels {
			if l < 0 || l >= numClasses {
				return fmt.Errorf("MaxLikelihoodOptions.LabeledData returned label %d, want a class in 0…%d", l, numClasses-1)
			}
		}
		copy(classes, labels)
	}
	return nil
}
