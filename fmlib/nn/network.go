package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// engineAPI is what Network needs of an engine, in either precision.
type engineAPI interface {
	load(x *mat.Dense, t float64, ts []float64, class []int, classAll int) int
	forward(rows int, withDeriv bool)
	evaluate(rows int, div []float64)
	blockRows(k int, evaluate bool) int
	outputTo(rows int, out *mat.Dense)
	mseGradient(rows int, target *mat.Dense) float64
	divergence(rows int, div []float64)
	jvp(rows int, v, out *mat.Dense)
	vjp(rows int, v, out *mat.Dense)
	divProbes(rows int, probes []*mat.Dense, div []float64)
	divGradient(rows int, probes []*mat.Dense, gu *mat.Dense, gdiv []float64, gx *mat.Dense, div []float64)
	zeroGrads()
	clipGradients(maxNorm float64) float64
	update(o *Optimizer, lr float64, step int)
	resetOptimizer()
	emaUpdate(decay float64)
	numParams() int
	hasVector(which vector) bool
	getVector(which vector) []float64
	setVector(which vector, src []float64)
	dropVector(which vector)
	keepGood()
	restoreGood()
}

// Network is an MLP vector field u_θ(t, x[, c]) with its optimizer state,
// step count and optional exponential moving average of the weights. It
// implements the Field and DivergenceField contracts of package fmlib
// (Velocity, VelocityDivergence) and fmlib's per-row-time VelocityBatch.
//
// A Network keeps work buffers between calls, so it must not be used from
// several goroutines at once. Training's buffers grow with the largest
// batch seen; evaluations (Velocity, VelocityDivergence, JVP, …) take the
// rows in blocks, so theirs stay a fixed work space whatever the batch
// (a few hundred kB for the fused float32 kernel, at most 32 MB otherwise).
// Buffers are reused, so repeated calls allocate nothing.
type Network struct {
	cfg      Config
	eng      engineAPI
	opt      Optimizer
	step     int
	emaDecay float64
	rollback bool // the engine kept the weights from before the last TrainStep's update
}

// New builds a network with the architecture cfg, initialised from cfg.Seed
// as PyTorch initialises nn.Linear and nn.Embedding, and with Adam(1e-3) as
// its optimizer until SetOptimizer is called.
func New(cfg Config) (*Network, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	n := &Network{cfg: cfg, opt: Adam(1e-3)}
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

// Params returns a copy of the parameters, layer by layer (weights in
// PyTorch's out×in layout, then biases), then the class embedding.
func (n *Network) Params() []float64 { return n.eng.getVector(vecParams) }

// SetParams overwrites the parameters with p (len NumParams(), the layout of Params).
func (n *Network) SetParams(p []float64) error {
	if len(p) != n.eng.numParams() {
		return fmt.Errorf("nn: SetParams: %d values for %d parameters", len(p), n.eng.numParams())
	}
	n.eng.setVector(vecParams, p)
	n.rollback = false
	return nil
}
