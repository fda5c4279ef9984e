package nn

import (
	"fmt"
	"math"
)

// OptimizerKind selects the update rule.
type OptimizerKind int

const (
	// OptimizerAdam is torch.optim.Adam: weight decay, if any, is added to the gradient (L2).
	OptimizerAdam OptimizerKind = iota
	// OptimizerAdamW is torch.optim.AdamW: decoupled weight decay θ ← θ(1 − lr·λ).
	OptimizerAdamW
	// OptimizerSGD is torch.optim.SGD with (heavy-ball) momentum and dampening 0.
	OptimizerSGD
)

// String names the kind.
func (k OptimizerKind) String() string {
	switch k {
	case OptimizerAdam:
		return "Adam"
	case OptimizerAdamW:
		return "AdamW"
	case OptimizerSGD:
		return "SGD"
	}
	return fmt.Sprintf("OptimizerKind(%d)", int(k))
}

// LRSchedule shapes the learning rate over the steps.
type LRSchedule int

const (
	// ConstantLR keeps LR (after any warm-up).
	ConstantLR LRSchedule = iota
	// CosineLR decays LR to 0 along half a cosine over TotalSteps (after any warm-up).
	CosineLR
)

// Optimizer is the configuration of an optimizer, with PyTorch's defaults
// from the constructors Adam, AdamW and SGD. The moments live in the Network.
type Optimizer struct {
	Kind OptimizerKind
	// LR is the base learning rate.
	LR float64
	// Beta1, Beta2 and Eps are Adam's moment decays and denominator guard.
	Beta1, Beta2, Eps float64
	// WeightDecay is the L2 penalty (Adam, SGD) or decoupled decay (AdamW).
	WeightDecay float64
	// Momentum is SGD's momentum μ.
	Momentum float64
	// ClipNorm > 0 rescales the gradient to this global L2 norm when it is
	// larger, as torch.nn.utils.clip_grad_norm_.
	ClipNorm float64
	// Schedule, WarmupSteps and TotalSteps shape the learning rate: a linear
	// warm-up LR·(s+1)/WarmupSteps over the first WarmupSteps steps, then the
	// schedule (CosineLR needs TotalSteps > WarmupSteps).
	Schedule    LRSchedule
	WarmupSteps int
	TotalSteps  int
}

// Adam returns torch.optim.Adam's defaults with learning rate lr:
// β = (0.9, 0.999), ε = 1e-8, no weight decay.
func Adam(lr float64) Optimizer {
	return Optimizer{Kind: OptimizerAdam, LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// AdamW returns torch.optim.AdamW's defaults with learning rate lr:
// β = (0.9, 0.999), ε = 1e-8, weight decay 0.01.
func AdamW(lr float64) Optimizer {
	return Optimizer{Kind: OptimizerAdamW, LR: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.01}
}

// SGD returns torch.optim.SGD with learning rate lr and momentum μ.
func SGD(lr, momentum float64) Optimizer {
	return Optimizer{Kind: OptimizerSGD, LR: lr, Momentum: momentum}
}

// validate checks the configuration.
func (o *Optimizer) validate() error {
	bad := func(name string, v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) || v < 0 }
	switch {
	case o.Kind < OptimizerAdam || o.Kind > OptimizerSGD:
		return fmt.Errorf("nn: Optimizer.Kind = %v is not a defined optimizer", o.Kind)
	case bad("LR", o.LR) || o.LR == 0:
		return fmt.Errorf("nn: Optimizer.LR = %v, want a finite learning rate > 0", o.LR)
	case bad("WeightDecay", o.WeightDecay):
		return fmt.Errorf("nn: Optimizer.WeightDecay = %v, want ≥ 0", o.WeightDecay)
	case bad("ClipNorm", o.ClipNorm):
		return fmt.Errorf("nn: Optimizer.ClipNorm = %v, want ≥ 0 (0: no clipping)", o.ClipNorm)
	case o.WarmupSteps < 0:
		return fmt.Errorf("nn: Optimizer.WarmupSteps = %d, want ≥ 0", o.WarmupSteps)
	case o.Schedule != ConstantLR && o.Schedule != CosineLR:
		return fmt.Errorf("nn: Optimizer.Schedule = %d is not a defined schedule", o.Schedule)
	case o.Schedule == CosineLR && o.TotalSteps <= o.WarmupSteps:
		return fmt.Errorf("nn: Optimizer.TotalSteps = %d, CosineLR needs more than WarmupSteps = %d", o.TotalSteps, o.WarmupSteps)
	}
	if o.Kind == OptimizerSGD {
		if bad("Momentum", o.Momentum) || o.Momentum >= 1 {
			return fmt.Errorf("nn: Optimizer.Momentum = %v, want 0 ≤ μ < 1", o.Momentum)
		}
		return nil
	}
	if !(o.Beta1 >= 0 && o.Beta1 < 1 && o.Beta2 >= 0 && o.Beta2 < 1) {
		return fmt.Errorf("nn: Optimizer.Beta1, Beta2 = %v, %v, want both in [0, 1)", o.Beta1, o.Beta2)
	}
	if !(o.Eps > 0) {
		return fmt.Errorf("nn: Optimizer.Eps = %v, want > 0", o.Eps)
	}
	return nil
}

// LearningRate is the learning rate of the step after `done` steps.
func (o *Optimizer) LearningRate(done int) float64 {
	if done < o.WarmupSteps {
		return o.LR * float64(done+1) / float64(o.WarmupSteps)
	}
	if o.Schedule == CosineLR {
		frac := math.Min(1, float64(done-o.WarmupSteps)/float64(o.TotalSteps-o.WarmupSteps))
		return o.LR * 0.5 * (1 + math.Cos(math.Pi*frac))
	}
	return o.LR
}

// clipGradients rescales the gradient to norm maxNorm when it is larger
// (coefficient maxNorm/(‖g‖ + 1e-6), as PyTorch) and returns ‖g‖; with
// maxNorm = 0 it does nothing and returns 0.
func (e *engine[T]) clipGradients(maxNorm float64) float64 {
	if maxNorm == 0 {
		return 0
	}
	var s float64
	for _, g := range e.grads {
		s += float64(g) * float64(g)
	}
	norm := math.Sqrt(s)
	if c := maxNorm / (norm + 1e-6); c < 1 {
		for i := range e.grads {
			e.grads[i] *= T(c)
		}
	}
	return norm
}

// update applies one optimizer step with learning rate lr; step counts
// steps including this one (Adam's bias correction).
func (e *engine[T]) update(o *Optimizer, lr float64, step int) {
	if e.m == nil {
		e.m = make([]T, len(e.params))
		if o.Kind != OptimizerSGD {
			e.v = make([]T, len(e.params))
		}
	}
	wd := T(o.WeightDecay)
	p, g := e.params, e.grads
	switch o.Kind {
	case OptimizerSGD:
		mu, eta := T(o.Momentum), T(lr)
		m := e.m
		for i := range p {
			gi := g[i] + wd*p[i]
			if mu != 0 {
				m[i] = mu*m[i] + gi
				gi = m[i]
			}
			p[i] -= eta * gi
		}
	default:
		b1, b2 := T(o.Beta1), T(o.Beta2)
		c1 := 1 - math.Pow(o.Beta1, float64(step))
		c2 := 1 - math.Pow(o.Beta2, float64(step))
		stepSize := T(lr / c1)
		rc2 := T(1 / math.Sqrt(c2))
		eps := T(o.Eps)
		decay := T(1)
		if o.Kind == OptimizerAdamW {
			decay = T(1 - lr*o.WeightDecay)
		}
		m, v := e.m, e.v
		var l2 T
		if o.Kind == OptimizerAdam {
			l2 = wd
		}
		if is32[T]() && adam32(as32(p), as32(g), as32(m), as32(v), float32(b1), float32(b2), float32(stepSize), float32(rc2), float32(eps), float32(decay), float32(l2)) {
			return
		}
		for i := range p {
			gi := g[i] + l2*p[i]
			p[i] *= decay
			m[i] = b1*m[i] + (1-b1)*gi
			v[i] = b2*v[i] + (1-b2)*gi*gi
			p[i] -= stepSize * m[i] / (T(math.Sqrt(float64(v[i])))*rc2 + eps)
		}
	}
}

// resetOptimizer forgets the moments.
func (e *engine[T]) resetOptimizer() { e.m, e.v = nil, nil }

// emaUpdate moves the averaged weights towards the current ones:
// θ̄ ← decay·θ̄ + (1 − decay)·θ.
func (e *engine[T]) emaUpdate(decay float64) {
	if e.ema == nil {
		e.ema = append([]T(nil), e.params...)
		return
	}
	a, b := T(decay), T(1-decay)
	if is32[T]() && ema32(as32(e.ema), as32(e.params), float32(a), float32(b)) {
		return
	}
	for i, p := range e.params {
		e.ema[i] = a*e.ema[i] + b*p
	}
}
