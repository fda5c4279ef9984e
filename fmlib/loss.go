package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// TimeBatchField is a Field that can also evaluate every row at its own
// time, as a network does during training where t ~ U(0,1) per sample.
// CFMLoss uses it when a field provides it.
type TimeBatchField interface {
	Field
	// VelocityBatch writes u_{t[i]}(x_i) into row i of out.
	VelocityBatch(t []float64, x, out *mat.Dense)
}

// CFMLoss returns the conditional flow-matching loss of eq. 20 on one batch:
// the mean over rows of ‖v_{t_i}(x_{t_i}) − u_{t_i}(x_{t_i}|x1_i)‖², where
// (x_t, u_t) come from path.SampleInto(t, x0, x1) and v is field. The norm is
// summed over coordinates (divide by the dimension for PyTorch's per-element
// mean). Rows are evaluated at their own time: with VelocityBatch when field
// is a TimeBatchField, otherwise one Velocity call per distinct time.
func CFMLoss(field Field, path Path, t []float64, x0, x1 *mat.Dense) (float64, error) {
	if field == nil {
		return 0, fmt.Errorf("fmlib: CFMLoss: field is nil")
	}
	if path == nil {
		return 0, fmt.Errorf("fmlib: CFMLoss: path is nil")
	}
	if err := checkDense("x0", x0); err != nil {
		return 0, err
	}
	if err := checkFieldDimension("x0", field, x0); err != nil {
		return 0, err
	}
	r, c := x0.Dims()
	xt, ut := mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)
	if err := path.SampleInto(t, x0, x1, xt, ut); err != nil {
		return 0, err
	}
	pred := mat.NewDense(r, c, nil)
	velocityPerRow(field, t, xt, pred)
	dp, sp, _, _ := rowsOf(pred)
	du, su, _, _ := rowsOf(ut)
	var sum float64
	for i := 0; i < r; i++ {
		rp, ru := rowSlice(dp, sp, i, c), rowSlice(du, su, i, c)
		for j := range rp {
			d := rp[j] - ru[j]
			sum += d * d
		}
	}
	loss := sum / float64(r)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return 0, fmt.Errorf("fmlib: CFMLoss: the loss is %v (the field returned non-finite values)", loss)
	}
	return loss, nil
}

// velocityPerRow evaluates field at time t[i] for row i of x.
func velocityPerRow(field Field, t []float64, x, out *mat.Dense) {
	if bf, ok := field.(TimeBatchField); ok {
		bf.VelocityBatch(t, x, out)
		return
	}
	_, c := x.Dims()
	byTime := map[float64][]int{}
	var order []float64
	for i, ti := range t {
		if _, seen := byTime[ti]; !seen {
			order = append(order, ti)
		}
		byTime[ti] = append(byTime[ti], i)
	}
	for _, ti := range order {
		idx := byTime[ti]
		xs, os := mat.NewDense(len(idx), c, nil), mat.NewDense(len(idx), c, nil)
		for k, i := range idx {
			xs.SetRow(k, x.RawRowView(i))
		}
		field.Velocity(ti, xs, os)
		for k, i := range idx {
			out.SetRow(i, os.RawRowView(k))
		}
	}
}
