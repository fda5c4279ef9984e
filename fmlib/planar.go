package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// PlanarLayer is the planar flow of Rezende & Mohamed (2015),
// y = x + u·tanh(wᵀx + b), with log|det J| = log|1 + tanh'(wᵀx + b)·uᵀw|.
// It is invertible when wᵀu > −1; the inverse solves the scalar monotone
// equation wᵀy = a + (wᵀu)·tanh(a + b) for a = wᵀx by safeguarded Newton
// iteration, then x = y − u·tanh(a + b).
type PlanarLayer struct {
	W, U []float64
	B    float64
}

// NewPlanarLayer returns the planar layer, or an error when wᵀu ≤ −1 (the
// map is then not invertible).
func NewPlanarLayer(w, u []float64, b float64) (*PlanarLayer, error) {
	if len(w) == 0 || len(w) != len(u) {
		return nil, fmt.Errorf("fmlib: NewPlanarLayer: w has %d entries and u %d, want equal non-zero lengths", len(w), len(u))
	}
	var wu float64
	for j := range w {
		wu += w[j] * u[j]
	}
	if !(wu > -1) || math.IsInf(wu, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
		return nil, fmt.Errorf("fmlib: NewPlanarLayer: wᵀu = %v, the planar map is invertible only for wᵀu > −1 (and finite parameters)", wu)
	}
	return &PlanarLayer{W: append([]float64(nil), w...), U: append([]float64(nil), u...), B: b}, nil
}

// Dim implements Layer.
func (p *PlanarLayer) Dim() int { return len(p.W) }

func (p *PlanarLayer) wu() float64 {
	var s float64
	for j := range p.W {
		s += p.W[j] * p.U[j]
	}
	return s
}

// Forward implements Layer.
func (p *PlanarLayer) Forward(x, y *mat.Dense, logDet []float64) error {
	if err := checkLayerArgs(p.Dim(), x, y, logDet); err != nil {
		return err
	}
	wu := p.wu()
	xd, xs, rows, d := rowsOf(x)
	yd, ys, _, _ := rowsOf(y)
	for i := 0; i < rows; i++ {
		xi, yi := rowSlice(xd, xs, i, d), rowSlice(yd, ys, i, d)
		a := p.B
		for j, w := range p.W {
			a += w * xi[j]
		}
		th := math.Tanh(a)
		for j := range xi {
			yi[j] = xi[j] + p.U[j]*th
		}
		logDet[i] = math.Log(math.Abs(1 + (1-th*th)*wu))
	}
	return nil
}

// Inverse implements Layer.
func (p *PlanarLayer) Inverse(y, x *mat.Dense, logDet []float64) error {
	if err := checkLayerArgs(p.Dim(), y, x, logDet); err != nil {
		return err
	}
	wu := p.wu()
	yd, ys, rows, d := rowsOf(y)
	xd, xs, _, _ := rowsOf(x)
	for i := 0; i < rows; i++ {
		yi, xi := rowSlice(yd, ys, i, d), rowSlice(xd, xs, i, d)
		var wy float64
		for j, w := range p.W {
			wy += w * yi[j]
		}
		a, err := solveMonotone(func(a float64) (float64, float64) {
			th := math.Tanh(a + p.B)
			return a + wu*th - wy, 1 + wu*(1-th*th)
		}, wy-math.Abs(wu), wy+math.Abs(wu))
		if err != nil {
			return fmt.Errorf("fmlib: PlanarLayer.Inverse row %d: %w", i, err)
		}
		th := math.Tanh(a + p.B)
		for j := range yi {
			xi[j] = yi[j] - p.U[j]*th
		}
		logDet[i] = -math.Log(math.Abs(1 + (1-th*th)*wu))
	}
	return nil
}

// solveMonotone finds the root of an increasing function f (returning value
// and derivative) in [lo, hi] by Newton steps kept inside a shrinking
// bisection bracket, to full double precision.
func solveMonotone(f func(float64) (float64, float64), lo, hi float64) (float64, error) {
	flo, _ := f(lo)
	fhi, _ := f(hi)
	if flo > 0 || fhi < 0 {
		return 0, fmt.Errorf("the root is not bracketed by [%v, %v]", lo, hi)
	}
	a := 0.5 * (lo + hi)
	for iter := 0; iter < 200; iter++ {
		v, dv := f(a)
		if v == 0 {
			return a, nil
		}
		if v < 0 {
			lo = a
		} else {
			hi = a
		}
		next := a - v/dv
		if !(next > lo && next < hi) {
			next = 0.5 * (lo + hi)
		}
		if math.Abs(next-a) <= 4e-16*math.Max(1, math.Abs(a)) || hi-lo <= 4e-16*math.Max(1, math.Abs(a)) {
			return next, nil
		}
		a = next
	}
	return a, nil
}
