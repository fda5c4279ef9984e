package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Prediction names what a network predicts on an affine path: the velocity
// u_t(x), the data point x1 (x1-prediction) or the noise x0 (ε-prediction).
// On an affine path x = σ_t x0 + α_t x1 and u = σ'_t x0 + α'_t x1 (eq. 26,
// 29), so any one of them, together with x, determines the other two.
type Prediction int

const (
	// VelocityPrediction is u_t(x), the output of a flow-matching field.
	VelocityPrediction Prediction = iota + 1
	// DataPrediction is the expected data point E[x1 | x_t = x].
	DataPrediction
	// NoisePrediction is the expected noise E[x0 | x_t = x].
	NoisePrediction
)

func (p Prediction) String() string {
	switch p {
	case VelocityPrediction:
		return "velocity"
	case DataPrediction:
		return "data (x1)"
	case NoisePrediction:
		return "noise (x0)"
	}
	return fmt.Sprintf("Prediction(%d)", int(p))
}

// ConvertPrediction turns a prediction of kind from at time t and point x
// (row by row) into the prediction of kind to, written into out.
// Velocity → data or noise solves the 2×2 system of eq. 26 and 29 and needs
// σ_t α'_t − α_t σ'_t ≠ 0; data → noise divides by σ_t, noise → data by α_t.
func (p *AffinePath) ConvertPrediction(t float64, x, pred *mat.Dense, from, to Prediction, out *mat.Dense) error {
	if err := checkTime("t", t); err != nil {
		return err
	}
	if err := checkDense("x", x); err != nil {
		return err
	}
	r, c := x.Dims()
	if err := checkShape("pred", pred, r, c); err != nil {
		return err
	}
	if err := checkShape("out", out, r, c); err != nil {
		return err
	}
	for _, k := range []Prediction{from, to} {
		if k < VelocityPrediction || k > NoisePrediction {
			return fmt.Errorf("fmlib: ConvertPrediction: unknown prediction kind %v", k)
		}
	}
	if from == to {
		out.Copy(pred)
		return nil
	}
	a, da, s, ds := p.Schedule.Coefficients(t)
	// x0 = cx·x + cp·pred and x1 = ex·x + ep·pred for the given kind.
	var cx, cp, ex, ep float64
	switch from {
	case VelocityPrediction:
		det := s*da - a*ds
		if det == 0 || math.IsNaN(det) || math.IsInf(det, 0) {
			return fmt.Errorf("fmlib: ConvertPrediction: σ_t α'_t − α_t σ'_t = %v at t = %v, velocity does not determine x0 and x1", det, t)
		}
		cx, cp, ex, ep = da/det, -a/det, -ds/det, s/det
	case DataPrediction:
		if s == 0 {
			return fmt.Errorf("fmlib: ConvertPrediction: σ_t = 0 at t = %v, x1 does not determine x0", t)
		}
		cx, cp, ex, ep = 1/s, -a/s, 0, 1
	case NoisePrediction:
		if a == 0 {
			return fmt.Errorf("fmlib: ConvertPrediction: α_t = 0 at t = %v, x0 does not determine x1", t)
		}
		cx, cp, ex, ep = 0, 1, 1/a, -s/a
	}
	// out = ox·x + op·pred.
	var ox, op float64
	switch to {
	case VelocityPrediction:
		ox, op = ds*cx+da*ex, ds*cp+da*ep
	case DataPrediction:
		ox, op = ex, ep
	case NoisePrediction:
		ox, op = cx, cp
	}
	if math.IsNaN(ox) || math.IsNaN(op) || math.IsInf(ox, 0) || math.IsInf(op, 0) {
		return fmt.Errorf("fmlib: ConvertPrediction: %v → %v is not finite at t = %v", from, to, t)
	}
	dx, sx, _, _ := rowsOf(x)
	dp, sp, _, _ := rowsOf(pred)
	do, so, _, _ := rowsOf(out)
	for i := 0; i < r; i++ {
		rx, rp, ro := rowSlice(dx, sx, i, c), rowSlice(dp, sp, i, c), rowSlice(do, so, i, c)
		for j := range rx {
			ro[j] = ox*rx[j] + op*rp[j]
		}
	}
	return nil
}
