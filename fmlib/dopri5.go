package fmlib

import (
	"fmt"
	"math"
)

// Dormand–Prince 5(4) tableau: nodes c, stage weights a, fifth-order weights
// (the last stage row, FSAL) and the difference e between the fifth- and
// fourth-order weights, which estimates the local error.
var (
	dpC = [7]float64{0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1}
	dpA = [7][6]float64{
		{},
		{1.0 / 5},
		{3.0 / 40, 9.0 / 40},
		{44.0 / 45, -56.0 / 15, 32.0 / 9},
		{19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
		{9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
		{35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
	}
	dpE = [7]float64{71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40}
)

// Step-size control: safety factor and the bounds on the change of h per step.
const (
	dpSafety    = 0.9
	dpMinFactor = 0.2
	dpMaxFactor = 10
)

// adaptive runs Dormand–Prince 5(4) with the error control of Hairer, Nørsett
// & Wanner (Solving ODEs I, II.4): a step is accepted when the RMS of
// err_i / (ATol + RTol·max(|y_i|, |y_new,i|)) is at most 1, and the next step
// is h·clamp(0.9·err^(−1/5), 0.2, 10). Steps are cut so that no stage is
// evaluated past To or past a requested record time.
func (s *solver) adaptive(y []float64) error {
	n := len(y)
	var k [7][]float64
	for i := range k {
		k[i] = make([]float64, n)
	}
	tmp, ynew := make([]float64, n), make([]float64, n)
	maxSteps := s.opts.MaxSteps
	if maxSteps == 0 {
		maxSteps = 100000
	}
	dir := math.Copysign(1, s.to-s.from)
	t := s.from
	s.eval(t, y, k[0])
	h := s.opts.InitialStep
	if h == 0 {
		h = s.initialStep(t, y, k[0], tmp, k[1])
	}
	h = math.Min(h, math.Abs(s.to-s.from))
	justRejected := false
	for attempts := 0; (s.to-t)*dir > 0; attempts++ {
		if attempts >= maxSteps {
			return fmt.Errorf("fmlib: Dopri5 took more than %d steps (MaxSteps) and stopped at t = %v", maxSteps, t)
		}
		stop := s.to
		if s.nextRec < len(s.opts.Times) {
			stop = s.opts.Times[s.nextRec]
		}
		step := math.Min(h, math.Abs(stop-t))
		last := step == math.Abs(stop-t)
		if step <= 1e-14*math.Max(1, math.Abs(t)) && !last {
			return fmt.Errorf("fmlib: Dopri5 step size underflow (%v) at t = %v: the field may be singular or non-finite there", step, t)
		}
		hs := dir * step
		for st := 1; st < 7; st++ {
			a := dpA[st]
			for j := range y {
				var acc float64
				for m := 0; m < st; m++ {
					acc += a[m] * k[m][j]
				}
				tmp[j] = y[j] + hs*acc
			}
			tStage := t + dpC[st]*hs
			if st >= 5 {
				tStage = t + hs
				if last {
					tStage = stop
				}
			}
			if st == 6 {
				copy(ynew, tmp)
			}
			s.eval(tStage, tmp, k[st])
		}
		var sum float64
		for j := range y {
			var e float64
			for m := 0; m < 7; m++ {
				e += dpE[m] * k[m][j]
			}
			sc := s.opts.ATol + s.opts.RTol*math.Max(math.Abs(y[j]), math.Abs(ynew[j]))
			r := hs * e / sc
			sum += r * r
		}
		errNorm := math.Sqrt(sum / float64(n))
		if math.IsNaN(errNorm) || errNorm > 1 {
			s.stats.rejected++
			factor := dpMinFactor
			if !math.IsNaN(errNorm) {
				factor = math.Max(dpMinFactor, dpSafety*math.Pow(errNorm, -0.2))
			}
			h = step * factor
			justRejected = true
			continue
		}
		if last {
			t = stop
		} else {
			t += hs
		}
		copy(y, ynew)
		k[0], k[6] = k[6], k[0] // first same as last
		if err := s.afterStep(t, y); err != nil {
			return err
		}
		factor := float64(dpMaxFactor)
		if errNorm > 0 {
			factor = math.Min(dpMaxFactor, math.Max(dpMinFactor, dpSafety*math.Pow(errNorm, -0.2)))
		}
		if justRejected {
			factor = math.Min(factor, 1)
		}
		justRejected = false
		if !last || step == h {
			h = step * factor
		}
	}
	return nil
}

// initialStep picks the first step as in Hairer, Nørsett & Wanner (II.4):
// h0 = 0.01·‖y0‖/‖f0‖, refined by the change of f over one explicit Euler
// step (one extra evaluation, inside the interval).
func (s *solver) initialStep(t float64, y, f0, tmp, f1 []float64) float64 {
	n := float64(len(y))
	var d0, d1 float64
	for j := range y {
		sc := s.opts.ATol + s.opts.RTol*math.Abs(y[j])
		d0 += (y[j] / sc) * (y[j] / sc)
		d1 += (f0[j] / sc) * (f0[j] / sc)
	}
	d0, d1 = math.Sqrt(d0/n), math.Sqrt(d1/n)
	h0 := 1e-6
	if d0 >= 1e-5 && d1 >= 1e-5 {
		h0 = 0.01 * d0 / d1
	}
	length := math.Abs(s.to - s.from)
	h0 = math.Min(h0, length)
	dir := math.Copysign(1, s.to-s.from)
	for j := range y {
		tmp[j] = y[j] + dir*h0*f0[j]
	}
	s.eval(t+dir*h0, tmp, f1)
	var d2 float64
	for j := range y {
		sc := s.opts.ATol + s.opts.RTol*math.Abs(y[j])
		d := (f1[j] - f0[j]) / sc
		d2 += d * d
	}
	d2 = math.Sqrt(d2/n) / h0
	var h1 float64
	if m := math.Max(d1, d2); m <= 1e-15 {
		h1 = math.Max(1e-6, h0*1e-3)
	} else {
		h1 = math.Pow(0.01/m, 0.2)
	}
	return math.Min(100*h0, h1)
}
