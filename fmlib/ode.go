package fmlib

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/gophlow/gophlow/interrupt"
)

// Method is an ODE integration scheme for dx/dt = u_t(x).
type Method int

const (
	// Euler is the explicit Euler method of Algorithm 2 (order 1, 1 evaluation per step).
	Euler Method = iota + 1
	// Midpoint is the explicit midpoint method (order 2, 2 evaluations per step).
	Midpoint
	// Heun is Heun's method, the explicit trapezoidal rule (order 2, 2 evaluations per step).
	Heun
	// RK4 is the classical Runge–Kutta method (order 4, 4 evaluations per step).
	RK4
	// Dopri5 is the adaptive Dormand–Prince 5(4) pair with error control
	// (order 5, 6 evaluations per accepted step after the first).
	Dopri5
)

func (m Method) String() string {
	switch m {
	case Euler:
		return "Euler"
	case Midpoint:
		return "midpoint"
	case Heun:
		return "Heun"
	case RK4:
		return "RK4"
	case Dopri5:
		return "Dopri5"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// Order returns the method's order of accuracy.
func (m Method) Order() int {
	switch m {
	case Euler:
		return 1
	case Midpoint, Heun:
		return 2
	case RK4:
		return 4
	case Dopri5:
		return 5
	}
	return 0
}

// SolveOptions configures Solve, and the integration inside LogLikelihood.
//
// Exactly one of Steps and StepSize is set for the fixed-step methods; RTol
// and ATol (with optional InitialStep and MaxSteps) for Dopri5. The interval
// runs from From to To inside [0,1]; From = To = 0 (the zero value) means
// 0 → 1, and From = 1, To = 0 integrates backwards.
type SolveOptions struct {
	Method Method
	// From and To are the start and end times (both in [0,1]).
	From, To float64
	// Steps is the number of equal fixed steps over [From, To].
	Steps int
	// StepSize is the fixed step length |h|; the last step is shortened to land on To.
	StepSize float64
	// RTol and ATol are Dopri5's relative and absolute tolerances (both > 0 unless the other is).
	RTol, ATol float64
	// InitialStep is Dopri5's first step length (0 chooses one automatically).
	InitialStep float64
	// MaxSteps bounds Dopri5's steps, accepted and rejected (0 means 100000).
	MaxSteps int
	// Times lists times, in integration order within the interval, at which to
	// record the state exactly: steps are cut to land on them.
	Times []float64
	// KeepSteps records the state at the start and after every step.
	KeepSteps bool
	// Context stops the integration when cancelled; nil means interrupt.Context().
	Context context.Context
}

// odeStats counts work done by an integration and the time it reached.
type odeStats struct {
	nfe, steps, rejected int
	t                    float64
}

// recording holds copies of the state at recorded times.
type recording struct {
	times  []float64
	states [][]float64
}

// odeProblem is dy/dt = rhs(t, y) on a flat state vector.
type odeProblem struct {
	size int
	rhs  func(t float64, y, dy []float64)
}

// interval returns the validated start and end of the integration.
func (o *SolveOptions) interval() (from, to float64, err error) {
	from, to = o.From, o.To
	if from == 0 && to == 0 {
		to = 1
	}
	if err := checkTime("SolveOptions.From", from); err != nil {
		return 0, 0, err
	}
	if err := checkTime("SolveOptions.To", to); err != nil {
		return 0, 0, err
	}
	if from == to {
		return 0, 0, fmt.Errorf("fmlib: SolveOptions.From = SolveOptions.To = %v, the interval is empty", from)
	}
	return from, to, nil
}

// validate checks the options that do not depend on the field.
func (o *SolveOptions) validate() (from, to float64, err error) {
	from, to, err = o.interval()
	if err != nil {
		return 0, 0, err
	}
	switch o.Method {
	case Euler, Midpoint, Heun, RK4:
		if o.Steps < 0 || (o.Steps == 0 && !(o.StepSize > 0)) {
			return 0, 0, fmt.Errorf("fmlib: %v needs SolveOptions.Steps > 0 or StepSize > 0 (got Steps = %d, StepSize = %v)", o.Method, o.Steps, o.StepSize)
		}
		if o.Steps > 0 && o.StepSize != 0 {
			return 0, 0, fmt.Errorf("fmlib: set only one of SolveOptions.Steps (%d) and StepSize (%v)", o.Steps, o.StepSize)
		}
		if math.IsInf(o.StepSize, 0) {
			return 0, 0, fmt.Errorf("fmlib: SolveOptions.StepSize = %v is not finite", o.StepSize)
		}
	case Dopri5:
		if o.RTol < 0 || o.ATol < 0 || (o.RTol == 0 && o.ATol == 0) || math.IsNaN(o.RTol) || math.IsNaN(o.ATol) {
			return 0, 0, fmt.Errorf("fmlib: Dopri5 needs SolveOptions.RTol ≥ 0 and ATol ≥ 0, not both 0 (got %v, %v)", o.RTol, o.ATol)
		}
		if o.InitialStep < 0 || o.MaxSteps < 0 {
			return 0, 0, fmt.Errorf("fmlib: SolveOptions.InitialStep (%v) and MaxSteps (%d) must not be negative", o.InitialStep, o.MaxSteps)
		}
	case 0:
		return 0, 0, fmt.Errorf("fmlib: SolveOptions.Method is not set (Euler, Midpoint, Heun, RK4 or Dopri5)")
	default:
		return 0, 0, fmt.Errorf("fmlib: unknown SolveOptions.Method %v", o.Method)
	}
	dir := math.Copysign(1, to-from)
	last := from
	for i, tr := range o.Times {
		if !((tr-from)*dir >= 0 && (to-tr)*dir >= 0) {
			return 0, 0, fmt.Errorf("fmlib: SolveOptions.Times[%d] = %v is outside [%v, %v]", i, tr, math.Min(from, to), math.Max(from, to))
		}
		if (tr-last)*dir < 0 {
			return 0, 0, fmt.Errorf("fmlib: SolveOptions.Times[%d] = %v is out of integration order", i, tr)
		}
		last = tr
	}
	return from, to, nil
}

// integrate solves prob from y0 (not modified) under opts and returns the
// final state, the recorded states and the work done. When interrupted it
// returns the state reached (at stats.t) together with the error.
func integrate(prob odeProblem, y0 []float64, opts SolveOptions) ([]float64, recording, odeStats, error) {
	from, to, err := opts.validate()
	if err != nil {
		return nil, recording{}, odeStats{}, err
	}
	for i, v := range y0 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, recording{}, odeStats{}, fmt.Errorf("fmlib: the initial state has a non-finite entry %v at index %d", v, i)
		}
	}
	s := &solver{prob: prob, opts: opts, from: from, to: to, ctx: opts.Context, stats: odeStats{t: from}}
	if s.ctx == nil {
		s.ctx = interrupt.Context()
	}
	y := append([]float64(nil), y0...)
	s.recordAt(from, y)
	if opts.Method == Dopri5 {
		err = s.adaptive(y)
	} else {
		err = s.fixed(y)
	}
	if errors.Is(err, interrupt.ErrInterrupted) {
		return y, s.rec, s.stats, err // the state reached so far is kept
	}
	if err != nil {
		return nil, recording{}, s.stats, err
	}
	return y, s.rec, s.stats, nil
}

// solver carries the state of one integration.
type solver struct {
	prob     odeProblem
	opts     SolveOptions
	from, to float64
	ctx      context.Context
	rec      recording
	stats    odeStats
	nextRec  int // index into opts.Times of the next time to record
}

// eval evaluates the right-hand side and counts it.
func (s *solver) eval(t float64, y, dy []float64) {
	s.stats.nfe++
	s.prob.rhs(t, y, dy)
}

// recordAt stores y if t is a requested time (or every step with KeepSteps).
func (s *solver) recordAt(t float64, y []float64) {
	requested := false
	for s.nextRec < len(s.opts.Times) && s.opts.Times[s.nextRec] == t {
		requested = true
		s.nextRec++
	}
	if requested || s.opts.KeepSteps {
		s.rec.times = append(s.rec.times, t)
		s.rec.states = append(s.rec.states, append([]float64(nil), y...))
	}
}

// afterStep records, checks finiteness and cancellation after a step to t.
func (s *solver) afterStep(t float64, y []float64) error {
	s.stats.steps++
	for i, v := range y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("fmlib: %v: the state became non-finite (%v at index %d) at t = %v", s.opts.Method, v, i, t)
		}
	}
	s.stats.t = t
	s.recordAt(t, y)
	if err := interrupt.Check(s.ctx); err != nil {
		return fmt.Errorf("fmlib: %v interrupted at t = %v: %w", s.opts.Method, t, err)
	}
	return nil
}

// grid returns the fixed-step time grid from s.from to s.to, cut at the
// requested record times. A requested time within 1e-12 of an interior grid
// point replaces it rather than adding a needless tiny step.
func (s *solver) grid() []float64 {
	length := math.Abs(s.to - s.from)
	dir := math.Copysign(1, s.to-s.from)
	var pts []float64
	if s.opts.Steps > 0 {
		for k := 0; k <= s.opts.Steps; k++ {
			pts = append(pts, s.from+dir*length*float64(k)/float64(s.opts.Steps))
		}
	} else {
		n := int(math.Ceil(length/s.opts.StepSize - 1e-9))
		for k := 0; k < n; k++ {
			pts = append(pts, s.from+dir*s.opts.StepSize*float64(k))
		}
		pts = append(pts, s.to)
	}
	pts[len(pts)-1] = s.to
	for _, tr := range s.opts.Times {
		k := sort.Search(len(pts), func(i int) bool { return (pts[i]-tr)*dir >= 0 })
		last := len(pts) - 1 // the end points stay exact
		switch {
		case k > 0 && k < last && math.Abs(pts[k]-tr) <= 1e-12:
			pts[k] = tr
		case k > 1 && k-1 < last && math.Abs(pts[k-1]-tr) <= 1e-12:
			pts[k-1] = tr
		default:
			pts = append(pts[:k], append([]float64{tr}, pts[k:]...)...)
		}
	}
	out := pts[:1]
	for _, p := range pts[1:] {
		if p != out[len(out)-1] {
			out = append(out, p)
		}
	}
	return out
}

// fixed runs a fixed-step method over the grid. Besides y it keeps one
// evaluation k and a trial state tmp (Midpoint, Heun and RK4), plus the first
// evaluation (Heun) or the running sum k1 + 2k2 + 2k3 of RK4's weights: at
// most 3 vectors of the state's size. The sum is formed in the order of
// y + h/6·(k1 + 2k2 + 2k3 + k4), so the steps are those of the textbook
// formula.
func (s *solver) fixed(y []float64) error {
	n := len(y)
	k := make([]float64, n)
	var tmp, acc []float64
	if s.opts.Method != Euler {
		tmp = make([]float64, n)
	}
	if s.opts.Method == Heun || s.opts.Method == RK4 {
		acc = make([]float64, n)
	}
	pts := s.grid()
	for i := 0; i+1 < len(pts); i++ {
		t, h := pts[i], pts[i+1]-pts[i]
		switch s.opts.Method {
		case Euler:
			s.eval(t, y, k)
			for j := range y {
				y[j] += h * k[j]
			}
		case Midpoint:
			s.eval(t, y, k)
			for j := range y {
				tmp[j] = y[j] + 0.5*h*k[j]
			}
			s.eval(t+0.5*h, tmp, k)
			for j := range y {
				y[j] += h * k[j]
			}
		case Heun:
			s.eval(t, y, acc)
			for j := range y {
				tmp[j] = y[j] + h*acc[j]
			}
			s.eval(pts[i+1], tmp, k)
			for j := range y {
				y[j] += 0.5 * h * (acc[j] + k[j])
			}
		case RK4:
			half := t + 0.5*h
			s.eval(t, y, acc)
			for j := range y {
				tmp[j] = y[j] + 0.5*h*acc[j]
			}
			s.eval(half, tmp, k)
			for j := range y {
				acc[j] += 2 * k[j]
				tmp[j] = y[j] + 0.5*h*k[j]
			}
			s.eval(half, tmp, k)
			for j := range y {
				acc[j] += 2 * k[j]
				tmp[j] = y[j] + h*k[j]
			}
			s.eval(pts[i+1], tmp, k)
			for j := range y {
				y[j] += h / 6 * (acc[j] + k[j])
			}
		}
		if err := s.afterStep(pts[i+1], y); err != nil {
			return err
		}
	}
	return nil
}
