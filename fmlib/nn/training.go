package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// SetOptimizer replaces the optimizer and forgets its moments (the step
// count, which drives learning-rate schedules, is kept).
func (n *Network) SetOptimizer(o Optimizer) error {
	if err := o.validate(); err != nil {
		return err
	}
	n.opt = o
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
	n.rollback = false
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
// the loss before the step. A batch holding NaN or ±Inf is an error naming
// it, and the weights are left unchanged. A non-finite loss on a finite
// batch means that the previous step's update made the weights diverge: it
// is an error, and the weights (with the moving average and the step count)
// are put back to what they were before that update, the last ones whose
// loss was finite; the optimizer's moments keep that step's gradient. Once
// the buffers have grown, it allocates nothing.
func (n *Network) TrainStep(t []float64, x, target *mat.Dense, class []int) (float64, error) {
	loss, err := n.lossGradient("TrainStep", t, x, target, class)
	if err != nil {
		return loss, err
	}
	return loss, n.applyGradient("TrainStep", loss)
}

// applyGradient takes the optimizer step of TrainStep and ApplyGradient
// with the gradient in the engine, or undoes the previous update when loss
// is not finite.
func (n *Network) applyGradient(who string, loss float64) error {
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		if !n.rollback {
			return fmt.Errorf("nn: %s: the loss is %v at step %d on a finite batch; the weights were not updated", who, loss, n.step)
		}
		n.eng.restoreGood()
		n.rollback = false
		n.step--
		return fmt.Errorf("nn: %s: the loss is %v at step %d on a finite batch: the update of step %d made the weights diverge (lower the learning rate); the weights of step %d are restored", who, loss, n.step+1, n.step+1, n.step)
	}
	n.eng.keepGood()
	o := &n.opt
	n.eng.clipGradients(o.ClipNorm)
	n.eng.update(o, o.LearningRate(n.step), n.step+1)
	n.step++
	if n.emaDecay > 0 {
		n.eng.emaUpdate(n.emaDecay)
	}
	n.rollback = true
	return nil
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
	if err := finiteBatch(who, t, x, target); err != nil {
		return 0, err
	}
	n.eng.load(x, 0, t, class, n.nullOr())
	return n.eng.mseGradient(r, target), nil
}

// finiteBatch returns an error naming the first NaN or ±Inf of a batch.
func finiteBatch(who string, t []float64, x, target *mat.Dense) error {
	for i, v := range t {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("nn: %s: t[%d] is %v", who, i, v)
		}
	}
	for _, m := range []struct {
		name string
		data *mat.Dense
	}{{"x", x}, {"target", target}} {
		raw := m.data.RawMatrix()
		for i := 0; i < raw.Rows; i++ {
			for j, v := range raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols] {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return fmt.Errorf("nn: %s: %s[%d][%d] is %v", who, m.name, i, j, v)
				}
			}
		}
	}
	return nil
}

// Gradient returns the loss of TrainStep and its gradient with respect to
// Params, without taking a step (for checks and custom optimizers).
func (n *Network) Gradient(t []float64, x, target *mat.Dense, class []int) (float64, []float64, error) {
	loss, err := n.lossGradient("Gradient", t, x, target, class)
	if err != nil {
		return loss, nil, err
	}
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return loss, nil, fmt.Errorf("nn: Gradient: the loss is %v on a finite batch (the weights have diverged)", loss)
	}
	return loss, n.eng.getVector(vecGrads), nil
}

// Clone returns an independent copy of the network: architecture, weights,
// optimizer configuration and moments, step count and moving average.
func (n *Network) Clone() *Network {
	c, err := New(n.cfg)
	if err != nil {
		panic("nn: Clone: " + err.Error()) // the configuration was validated by New
	}
	c.opt, c.step, c.emaDecay = n.opt, n.step, n.emaDecay
	for _, v := range []vector{vecParams, vecMoment1, vecMoment2, vecEMA} {
		if n.eng.hasVector(v) {
			c.eng.setVector(v, n.eng.getVector(v))
		}
	}
	return c
}
