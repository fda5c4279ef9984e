package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

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
