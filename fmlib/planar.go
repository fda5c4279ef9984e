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

// RadialLayer is the radial flow of Rezende & Mohamed (2015),
// y = x + β·(x − z0)/(α + r) with r = ‖x − z0‖, α > 0 and β > −α, and
// log|det J| = (d−1)·log(1 + β/(α+r)) + log(1 + βα/(α+r)²). Its inverse is
// closed-form: the radius solves r² + (α + β − r_y) r − α r_y = 0.
type RadialLayer struct {
	Center      []float64
	Alpha, Beta float64
}

// NewRadialLayer returns the radial layer, or an error unless α > 0 and
// β > −α (the conditions for invertibility).
func NewRadialLayer(center []float64, alpha, beta float64) (*RadialLayer, error) {
	if len(center) == 0 {
		return nil, fmt.Errorf("fmlib: NewRadialLayer: empty center")
	}
	if !(alpha > 0) || !(beta > -alpha) || math.IsInf(alpha, 0) || math.IsInf(beta, 0) {
		return nil, fmt.Errorf("fmlib: NewRadialLayer: α = %v, β = %v; the radial map is invertible only for α > 0 and β > −α", alpha, beta)
	}
	return &RadialLayer{Center: append([]float64(nil), center...), Alpha: alpha, Beta: beta}, nil
}

// Dim implements Layer.
func (r *RadialLayer) Dim() int { return len(r.Center) }

// logDetAt is log|det J| at radius rad from the centre.
func (r *RadialLayer) logDetAt(rad float64) float64 {
	h := 1 / (r.Alpha + rad)
	return float64(r.Dim()-1)*math.Log1p(r.Beta*h) + math.Log1p(r.Beta*r.Alpha*h*h)
}

// Forward implements Layer.
func (r *RadialLayer) Forward(x, y *mat.Dense, logDet []float64) error {
	if err := checkLayerArgs(r.Dim(), x, y, logDet); err != nil {
		return err
	}
	xd, xs, rows, d := rowsOf(x)
	yd, ys, _, _ := rowsOf(y)
	for i := 0; i < rows; i++ {
		xi, yi := rowSlice(xd, xs, i, d), rowSlice(yd, ys, i, d)
		var sq float64
		for j := range xi {
			diff := xi[j] - r.Center[j]
			sq += diff * diff
		}
		rad := math.Sqrt(sq)
		scale := 1 + r.Beta/(r.Alpha+rad)
		for j := range xi {
			yi[j] = r.Center[j] + scale*(xi[j]-r.Center[j])
		}
		logDet[i] = r.logDetAt(rad)
	}
	return nil
}

// Inverse implements Layer.
func (r *RadialLayer) Inverse(y, x *mat.Dense, logDet []float64) error {
	if err := checkLayerArgs(r.Dim(), y, x, logDet); err != nil {
		return err
	}
	yd, ys, rows, d := rowsOf(y)
	xd, xs, _, _ := rowsOf(x)
	for i := 0; i < rows; i++ {
		yi, xi := rowSlice(yd, ys, i, d), rowSlice(xd, xs, i, d)
		var sq float64
		for j := range yi {
			diff := yi[j] - r.Center[j]
			sq += diff * diff
		}
		ry := math.Sqrt(sq)
		bq := r.Alpha + r.Beta - ry
		disc := math.Sqrt(bq*bq + 4*r.Alpha*ry)
		var rad float64
		if bq <= 0 {
			rad = 0.5 * (disc - bq)
		} else {
			rad = 2 * r.Alpha * ry / (bq + disc) // no cancellation
		}
		scale := 1 / (1 + r.Beta/(r.Alpha+rad))
		for j := range yi {
			xi[j] = r.Center[j] + scale*(yi[j]-r.Center[j])
		}
		logDet[i] = -r.logDetAt(rad)
	}
	return nil
}
