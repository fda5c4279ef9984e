package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// engineAPI is what Network needs of an engine, in either precision.
type engineAPI interface {
	load(x *mat.Dense, t float64, ts []float64, class []int, classAll int) int
	forward(rows int, withDeriv bool)
	outputTo(rows int, out *mat.Dense)
	mseGradient(rows int, target *mat.Dense) float64
	divergence(rows int, div []float64)
	jvp(rows int, v, out *mat.Dense)
	vjp(rows int, v, out *mat.Dense)
	clipGradients(maxNorm float64) float64
	update(o *Optimizer, lr float64, step int)
	resetOptimizer()
	emaUpdate(decay float64)
	numParams() int
	hasVector(which vector) bool
	getVector(which vector) []float64
	setVector(which vector, src []float64)
	dropVector(which vector)
}

// Network is an MLP vector field u_θ(t, x[, c]) with its optimizer state,
// step count and optional exponential moving average of the weights. It
// implements the Field and DivergenceField contracts of package fmlib
// (Velocity, VelocityDivergence) and fmlib's per-row-time VelocityBatch.
//
// A Network keeps work buffers between calls, so it must not be used from
// several goroutines at once; buffers grow with the largest batch seen and
// are then reused, so repeated calls allocate nothing.
type Network struct {
	cfg      Config
	eng      engineAPI
	opt      Optimizer
	hasOpt   bool
	step     int
	emaDecay float64
}

// New builds a network with the architecture cfg, initialised from cfg.Seed
// as PyTorch initialises nn.Linear and nn.Embedding, and with Adam(1e-3) as
// its optimizer until SetOptimizer is called.
func New(cfg Config) (*Network, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	n := &Network{cfg: cfg, opt: Adam(1e-3), hasOpt: true}
	if cfg.Float64 {
		n.eng = newEngine[float64](cfg)
	} else {
		n.eng = newEngine[float32](cfg)
	}
	return n, nil
}

// Config returns the architecture.
func (n *Network) Config() Config {
	c := n.cfg
	c.Hidden = append([]int(nil), c.Hidden...)
	return c
}

// String describes the architecture, e.g. "MLP 2→[64 64 64]→2 SELU, t raw, float32".
func (n *Network) String() string {
	prec := "float32"
	if n.cfg.Float64 {
		prec = "float64"
	}
	s := fmt.Sprintf("MLP %d→%v→%d %v, t %v", n.cfg.Dim, n.cfg.Hidden, n.cfg.Dim, n.cfg.Activation, n.cfg.Time)
	if n.cfg.Classes > 0 {
		s += fmt.Sprintf(", %d classes + Φ (embedding %d)", n.cfg.Classes, n.cfg.EmbedDim)
	}
	return fmt.Sprintf("%s, %s, %d parameters", s, prec, n.NumParams())
}

// NumParams is the number of trainable parameters.
func (n *Network) NumParams() int { return n.eng.numParams() }

// Step is the number of optimizer steps taken so far.
func (n *Network) Step() int { return n.step }

// NullClass is the index of the null class Φ of eq. 40 (Config.Classes), or
// −1 for an unconditional network.
func (n *Network) NullClass() int {
	if n.cfg.Classes == 0 {
		return -1
	}
	return n.cfg.Classes
}

// checkBatch panics with a clear message when x or out do not have Dim
// columns and equal rows.
func (n *Network) checkBatch(who string, x, out *mat.Dense) int {
	if x == nil || out == nil {
		panic(fmt.Sprintf("nn: %s: x and out must not be nil", who))
	}
	r, c := x.Dims()
	ro, co := out.Dims()
	if c != n.cfg.Dim || ro != r || co != c {
		panic(fmt.Sprintf("nn: %s: x is %d×%d and out %d×%d, want both rows×%d", who, r, c, ro, co, n.cfg.Dim))
	}
	return r
}

// checkClasses panics unless class has one valid class (or Φ) per row.
func (n *Network) checkClasses(who string, class []int, rows int) {
	if n.cfg.Classes == 0 {
		if class != nil {
			panic(fmt.Sprintf("nn: %s: the network is unconditional (Config.Classes = 0) but classes were given", who))
		}
		return
	}
	if class == nil {
		return
	}
	if len(class) != rows {
		panic(fmt.Sprintf("nn: %s: %d classes for %d rows", who, len(class), rows))
	}
	for i, c := range class {
		if c < 0 || c > n.cfg.Classes {
			panic(fmt.Sprintf("nn: %s: class[%d] = %d, want 0…%d (%d is the null class Φ)", who, i, c, n.cfg.Classes, n.cfg.Classes))
		}
	}
}

// nullOr returns the class used when none is given: Φ, or 0 when unconditional.
func (n *Network) nullOr() int { return max(n.NullClass(), 0) }

// Velocity writes u_θ(t, x) for every row of x into out; a class-conditional
// network is evaluated at the null class Φ (the unconditional field).
func (n *Network) Velocity(t float64, x, out *mat.Dense) {
	rows := n.checkBatch("Velocity", x, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.forward(rows, false)
	n.eng.outputTo(rows, out)
}

// VelocityBatch writes u_θ(t[i], x_i) into row i of out (each row at its own time).
func (n *Network) VelocityBatch(t []float64, x, out *mat.Dense) {
	rows := n.checkBatch("VelocityBatch", x, out)
	if len(t) != rows {
		panic(fmt.Sprintf("nn: VelocityBatch: %d times for %d rows", len(t), rows))
	}
	n.eng.load(x, 0, t, nil, n.nullOr())
	n.eng.forward(rows, false)
	n.eng.outputTo(rows, out)
}

// VelocityClass writes u_θ(t, x_i, class[i]) (eq. 38) into row i of out;
// class[i] = NullClass() gives the unconditional field.
func (n *Network) VelocityClass(t float64, x *mat.Dense, class []int, out *mat.Dense) {
	rows := n.checkBatch("VelocityClass", x, out)
	if class == nil {
		panic("nn: VelocityClass: class is nil")
	}
	n.checkClasses("VelocityClass", class, rows)
	n.eng.load(x, t, nil, class, 0)
	n.eng.forward(rows, false)
	n.eng.outputTo(rows, out)
}

// VelocityDivergence writes u_θ(t, x) into out and the exact divergence
// ∇·u_θ (the trace of ∂u/∂x, eq. 13–14) of every row into div, by pushing
// the Dim unit tangents through the network in one extra batched pass.
func (n *Network) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	n.velocityDivergence("VelocityDivergence", t, x, nil, out, div)
}

// VelocityDivergenceClass is VelocityDivergence at class[i] for row i.
func (n *Network) VelocityDivergenceClass(t float64, x *mat.Dense, class []int, out *mat.Dense, div []float64) {
	if class == nil {
		panic("nn: VelocityDivergenceClass: class is nil")
	}
	n.velocityDivergence("VelocityDivergenceClass", t, x, class, out, div)
}

func (n *Network) velocityDivergence(who string, t float64, x *mat.Dense, class []int, out *mat.Dense, div []float64) {
	rows := n.checkBatch(who, x, out)
	if len(div) != rows {
		panic(fmt.Sprintf("nn: %s: len(div) = %d for %d rows", who, len(div), rows))
	}
	n.checkClasses(who, class, rows)
	n.eng.load(x, t, nil, class, n.nullOr())
	n.eng.forward(rows, true)
	n.eng.outputTo(rows, out)
	n.eng.divergence(rows, div)
}

// JVP writes the Jacobian-vector product (∂u_θ(t,x_i)/∂x)·v_i into row i of
// out (forward mode; the unconditional field for a conditional network).
func (n *Network) JVP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("JVP", x, out)
	n.checkBatch("JVP", v, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.forward(rows, true)
	n.eng.jvp(rows, v, out)
}

// VJP writes the vector-Jacobian product v_iᵀ·(∂u_θ(t,x_i)/∂x) into row i
// of out (reverse mode; the unconditional field for a conditional network).
func (n *Network) VJP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("VJP", x, out)
	n.checkBatch("VJP", v, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.forward(rows, true)
	n.eng.vjp(rows, v, out)
}

// ClassField is the field of a class-conditional network at one fixed class
// (or Φ): a Field and DivergenceField for solvers and the log-likelihood.
type ClassField struct {
	net   *Network
	class []int
}

// ForClass returns the field u_θ(t, x, c) for the fixed class c (NullClass()
// for the unconditional field Φ).
func (n *Network) ForClass(c int) *ClassField {
	if n.cfg.Classes == 0 || c < 0 || c > n.cfg.Classes {
		panic(fmt.Sprintf("nn: ForClass(%d): want a class in 0…%d of a class-conditional network", c, n.cfg.Classes))
	}
	return &ClassField{net: n, class: []int{c}}
}

// Class is the fixed class.
func (f *ClassField) Class() int { return f.class[0] }

// Velocity writes u_θ(t, x, c) into out.
func (f *ClassField) Velocity(t float64, x, out *mat.Dense) {
	rows := f.net.checkBatch("ClassField.Velocity", x, out)
	f.net.eng.load(x, t, nil, nil, f.class[0])
	f.net.eng.forward(rows, false)
	f.net.eng.outputTo(rows, out)
}

// VelocityDivergence writes u_θ(t, x, c) and its exact divergence.
func (f *ClassField) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	rows := f.net.checkBatch("ClassField.VelocityDivergence", x, out)
	if len(div) != rows {
		panic(fmt.Sprintf("nn: ClassField.VelocityDivergence: len(div) = %d for %d rows", len(div), rows))
	}
	f.net.eng.load(x, t, nil, nil, f.class[0])
	f.net.eng.forward(rows, true)
	f.net.eng.outputTo(rows, out)
	f.net.eng.divergence(rows, div)
}

// SetOptimizer replaces the optimizer and forgets its moments (the step
// count, which drives learning-rate schedules, is kept).
func (n *Network) SetOptimizer(o Optimizer) error {
	if err := o.validate(); err != nil {
		return err
	}
	n.opt, n.hasOpt = o, true
	n.eng.resetOptimizer()
	return nil
}

// Optimizer returns the optimizer configuration.
func (n *Network) Optimizer() Optimizer { return n.opt }

// SetEMA keeps an exponential moving average of the weights,
// θ̄ ← decay·θ̄ + (1 − decay)·θ after every step, starting from the current
// weights; decay = 0 turns it off.
func (n *Network) SetEMA(decay float64) error {
	if !(decay >= 0 && decay < 1) {
		return fmt.Errorf("nn: SetEMA: decay = %v, want 0 ≤ decay < 1", decay)
	}
	n.emaDecay = decay
	if decay == 0 {
		n.eng.dropVector(vecEMA)
		return nil
	}
	n.eng.setVector(vecEMA, n.eng.getVector(vecParams))
	return nil
}

// EMADecay is the decay of the weight average (0: none).
func (n *Network) EMADecay() float64 { return n.emaDecay }

// EMA returns a new network, without optimizer state, whose weights are
// the moving average; it is an error if SetEMA was not called.
func (n *Network) EMA() (*Network, error) {
	if n.emaDecay == 0 || !n.eng.hasVector(vecEMA) {
		return nil, fmt.Errorf("nn: EMA: no moving average is kept (call SetEMA first)")
	}
	c, err := New(n.cfg)
	if err != nil {
		return nil, err
	}
	c.eng.setVector(vecParams, n.eng.getVector(vecEMA))
	return c, nil
}

// TrainStep takes one optimizer step on the flow-matching regression
// loss (eq. 20/36): the mean over rows and coordinates (PyTorch's MSELoss)
// of (u_θ(t_i, x_i, c_i) − target_i)². class is nil for an unconditional
// network (for a conditional one, nil means Φ for every row). It returns
// the loss before the step; a non-finite loss is an error and the weights
// are left unchanged. Once the buffers have grown, it allocates nothing.
func (n *Network) TrainStep(t []float64, x, target *mat.Dense, class []int) (float64, error) {
	loss, err := n.lossGradient("TrainStep", t, x, target, class)
	if err != nil {
		return loss, err
	}
	o := &n.opt
	n.eng.clipGradients(o.ClipNorm)
	n.eng.update(o, o.LearningRate(n.step), n.step+1)
	n.step++
	if n.emaDecay > 0 {
		n.eng.emaUpdate(n.emaDecay)
	}
	return loss, nil
}

// lossGradient validates a training batch, computes the loss and fills
// the gradients.
func (n *Network) lossGradient(who string, t []float64, x, target *mat.Dense, class []int) (float64, error) {
	if x == nil || target == nil {
		return 0, fmt.Errorf("nn: %s: x and target must not be nil", who)
	}
	r, c := x.Dims()
	rt, ct := target.Dims()
	if c != n.cfg.Dim || rt != r || ct != c {
		return 0, fmt.Errorf("nn: %s: x is %d×%d and target %d×%d, want both rows×%d", who, r, c, rt, ct, n.cfg.Dim)
	}
	if len(t) != r {
		return 0, fmt.Errorf("nn: %s: %d times for %d rows", who, len(t), r)
	}
	if n.cfg.Classes == 0 && class != nil {
		return 0, fmt.Errorf("nn: %s: the network is unconditional but classes were given", who)
	}
	if class != nil && len(class) != r {
		return 0, fmt.Errorf("nn: %s: %d classes for %d rows", who, len(class), r)
	}
	for i, ci := range class {
		if ci < 0 || ci > n.cfg.Classes {
			return 0, fmt.Errorf("nn: %s: class[%d] = %d, want 0…%d (%d is Φ)", who, i, ci, n.cfg.Classes, n.cfg.Classes)
		}
	}
	n.eng.load(x, 0, t, class, n.nullOr())
	n.eng.forward(r, true)
	loss := n.eng.mseGradient(r, target)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return loss, fmt.Errorf("nn: %s: the loss is %v at step %d (check the data and the learning rate); the weights were not updated", who, loss, n.step)
	}
	return loss, nil
}

// Gradient returns the loss of TrainStep and its gradient with respect to
// Params, without taking a step (for checks and custom optimizers).
func (n *Network) Gradient(t []float64, x, target *mat.Dense, class []int) (float64, []float64, error) {
	loss, err := n.lossGradient("Gradient", t, x, target, class)
	if err != nil {
		return loss, nil, err
	}
	return loss, n.eng.getVector(vecGrads), nil
}

// Params returns a copy of the parameters, layer by layer (weights in
// PyTorch's out×in layout, then biases), then the class embedding.
func (n *Network) Params() []float64 { return n.eng.getVector(vecParams) }

// SetParams overwrites the parameters with p (len NumParams(), the layout of Params).
func (n *Network) SetParams(p []float64) error {
	if len(p) != n.eng.numParams() {
		return fmt.Errorf("nn: SetParams: %d values for %d parameters", len(p), n.eng.numParams())
	}
	n.eng.setVector(vecParams, p)
	return nil
}
