package fmlib

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// DivergenceMethod chooses how the divergence ∇·u_t(x) in eq. 13–14 is
// computed.
type DivergenceMethod int

const (
	// DivergenceAuto is DivergenceExact for a DivergenceField and
	// DivergenceFiniteDifference otherwise.
	DivergenceAuto DivergenceMethod = iota
	// DivergenceExact uses the field's own VelocityDivergence.
	DivergenceExact
	// DivergenceFiniteDifference sums central differences ∂u_j/∂x_j, with
	// 2d extra field evaluations per step stage in dimension d.
	DivergenceFiniteDifference
	// DivergenceHutchinson estimates tr J = E[εᵀ J ε] with K probes ε
	// (Rademacher or Gaussian), each J ε exact from a JacobianField (one
	// extra evaluation per probe and stage) or else by a central difference
	// of the field (two). Unbiased, with variance 2 Σ_{i≠j} J_ij² /K for
	// Rademacher probes.
	DivergenceHutchinson
)

func (m DivergenceMethod) String() string {
	switch m {
	case DivergenceAuto:
		return "auto"
	case DivergenceExact:
		return "exact"
	case DivergenceFiniteDifference:
		return "finite differences"
	case DivergenceHutchinson:
		return "Hutchinson"
	}
	return fmt.Sprintf("DivergenceMethod(%d)", int(m))
}

// ProbeKind is the distribution of Hutchinson probes.
type ProbeKind int

const (
	// RademacherProbe draws each coordinate as ±1 with equal probability
	// (the lower-variance choice).
	RademacherProbe ProbeKind = iota
	// GaussianProbe draws each coordinate from N(0, 1).
	GaussianProbe
)

func (p ProbeKind) String() string {
	if p == GaussianProbe {
		return "Gaussian"
	}
	return "Rademacher"
}

// divergenceEvaluator computes u_t(x) and ∇·u_t(x) on a batch by one of the
// methods, with reusable buffers. It counts field evaluations.
type divergenceEvaluator struct {
	field       Field
	method      DivergenceMethod
	probes      []*mat.Dense // Hutchinson probes, K of rows×d
	fresh       bool
	kind        ProbeKind
	rng         *rand.Rand
	step        float64
	xp, xm      *mat.Dense
	up, um      *mat.Dense
	rowStep     []float64
	evaluations int
}

// newDivergenceEvaluator validates the options against the field and sets
// up buffers for batches of the given shape.
func newDivergenceEvaluator(field Field, opts LikelihoodOptions, rows, dim int) (*divergenceEvaluator, error) {
	e := &divergenceEvaluator{field: field, method: opts.Divergence, fresh: opts.FreshProbes, kind: opts.Probe, step: opts.FiniteDifferenceStep}
	_, exact := field.(DivergenceField)
	switch e.method {
	case DivergenceAuto:
		e.method = DivergenceFiniteDifference
		if exact {
			e.method = DivergenceExact
		}
	case DivergenceExact:
		if !exact {
			return nil, fmt.Errorf("fmlib: Divergence is exact but the field %T has no VelocityDivergence method", field)
		}
	case DivergenceFiniteDifference:
	case DivergenceHutchinson:
		if opts.Probes <= 0 {
			return nil, fmt.Errorf("fmlib: Hutchinson divergence needs LikelihoodOptions.Probes > 0, got %d", opts.Probes)
		}
		if opts.Probe != RademacherProbe && opts.Probe != GaussianProbe {
			return nil, fmt.Errorf("fmlib: unknown LikelihoodOptions.Probe %v", opts.Probe)
		}
		e.rng = rand.New(rand.NewPCG(opts.Seed, 0x687574))
		for k := 0; k < opts.Probes; k++ {
			e.probes = append(e.probes, mat.NewDense(rows, dim, nil))
		}
		e.drawProbes()
	default:
		return nil, fmt.Errorf("fmlib: unknown LikelihoodOptions.Divergence %v", e.method)
	}
	if e.step < 0 || math.IsNaN(e.step) || math.IsInf(e.step, 0) {
		return nil, fmt.Errorf("fmlib: LikelihoodOptions.FiniteDifferenceStep = %v, want ≥ 0 (0 chooses one)", e.step)
	}
	if e.step == 0 {
		e.step = math.Cbrt(2.2e-16) // balances O(h²) truncation and O(ε/h) rounding
	}
	if e.method != DivergenceExact {
		e.xp, e.xm = mat.NewDense(rows, dim, nil), mat.NewDense(rows, dim, nil)
		e.up, e.um = mat.NewDense(rows, dim, nil), mat.NewDense(rows, dim, nil)
		e.rowStep = make([]float64, rows)
	}
	return e, nil
}

// drawProbes fills the probe matrices with fresh draws.
func (e *divergenceEvaluator) drawProbes() {
	for _, p := range e.probes {
		data := p.RawMatrix().Data
		for i := range data {
			if e.kind == GaussianProbe {
				data[i] = e.rng.NormFloat64()
			} else if e.rng.Uint64()&1 == 0 {
				data[i] = 1
			} else {
				data[i] = -1
			}
		}
	}
}

// eval writes u_t(x) into out and ∇·u_t(x) into div.
func (e *divergenceEvaluator) eval(t float64, x, out *mat.Dense, div []float64) {
	if e.method == DivergenceExact {
		e.evaluations++
		e.field.(DivergenceField).VelocityDivergence(t, x, out, div)
		return
	}
	e.evaluations++
	e.field.Velocity(t, x, out)
	xd, xs, rows, d := rowsOf(x)
	// Per-row step scaled by the row's size, so relative rounding is uniform.
	for i := 0; i < rows; i++ {
		var m float64
		for _, v := range rowSlice(xd, xs, i, d) {
			m = math.Max(m, math.Abs(v))
		}
		e.rowStep[i] = e.step * math.Max(1, m)
	}
	for i := range div {
		div[i] = 0
	}
	pd, _, _, _ := rowsOf(e.xp)
	md, _, _, _ := rowsOf(e.xm)
	upd, _, _, _ := rowsOf(e.up)
	umd, _, _, _ := rowsOf(e.um)
	if e.method == DivergenceFiniteDifference {
		for j := 0; j < d; j++ {
			for i := 0; i < rows; i++ {
				xi := rowSlice(xd, xs, i, d)
				copy(pd[i*d:(i+1)*d], xi)
				copy(md[i*d:(i+1)*d], xi)
				pd[i*d+j] += e.rowStep[i]
				md[i*d+j] -= e.rowStep[i]
			}
			e.evaluations += 2
			e.field.Velocity(t, e.xp, e.up)
			e.field.Velocity(t, e.xm, e.um)
			for i := 0; i < rows; i++ {
				div[i] += (upd[i*d+j] - umd[i*d+j]) / (2 * e.rowStep[i])
			}
		}
		return
	}
	if e.fresh {
		e.drawProbes()
	}
	if jf, ok := e.field.(JacobianField); ok {
		for _, p := range e.probes {
			e.evaluations++
			jf.JVP(t, x, p, e.up)
			ed := p.RawMatrix().Data
			for i := 0; i < rows; i++ {
				var s float64
				for j := 0; j < d; j++ {
					s += ed[i*d+j] * upd[i*d+j]
				}
				div[i] += s / float64(len(e.probes))
			}
		}
		return
	}
	for _, p := range e.probes {
		ed := p.RawMatrix().Data
		for i := 0; i < rows; i++ {
			xi := rowSlice(xd, xs, i, d)
			h := e.rowStep[i]
			for j := 0; j < d; j++ {
				pd[i*d+j] = xi[j] + h*ed[i*d+j]
				md[i*d+j] = xi[j] - h*ed[i*d+j]
			}
		}
		e.evaluations += 2
		e.field.Velocity(t, e.xp, e.up)
		e.field.Velocity(t, e.xm, e.um)
		for i := 0; i < rows; i++ {
			var s float64
			for j := 0; j < d; j++ {
				s += ed[i*d+j] * (upd[i*d+j] - umd[i*d+j])
			}
			div[i] += s / (2 * e.rowStep[i]) / float64(len(e.probes))
		}
	}
}
