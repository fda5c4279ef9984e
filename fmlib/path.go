package fmlib

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Path is a conditional probability path with its conditional vector field:
// given a time per row, a source sample x0 and a data sample x1 it gives the
// point x_t = ψ_t(x0|x1) (eq. 26) and the regression target u_t(x_t|x1)
// (eq. 29–31, eq. 36–37) of the conditional flow-matching loss (eq. 20).
type Path interface {
	// SampleInto writes x_t and u_t for row i at time t[i] into the
	// pre-allocated xt and ut (same shape as x0 and x1). It allocates nothing.
	SampleInto(t []float64, x0, x1, xt, ut *mat.Dense) error
	// Sample returns x_t and u_t for every row at the same time t.
	Sample(t float64, x0, x1 *mat.Dense) (xt, ut *mat.Dense, err error)
	// String names the path and its parameters.
	String() string
}

// checkSampleArgs validates the common arguments of Path.SampleInto.
func checkSampleArgs(t []float64, x0, x1, xt, ut *mat.Dense) error {
	if err := checkDense("x0", x0); err != nil {
		return err
	}
	r, c := x0.Dims()
	if err := checkShape("x1", x1, r, c); err != nil {
		return err
	}
	if err := checkShape("xt", xt, r, c); err != nil {
		return err
	}
	if err := checkShape("ut", ut, r, c); err != nil {
		return err
	}
	if err := checkTimes("t", t, r); err != nil {
		return err
	}
	if err := checkFinite("x0", x0); err != nil {
		return err
	}
	return checkFinite("x1", x1)
}

// sampleWith allocates xt and ut and calls p.SampleInto with t for every row.
func sampleWith(p Path, t float64, x0, x1 *mat.Dense) (xt, ut *mat.Dense, err error) {
	if err := checkTime("t", t); err != nil {
		return nil, nil, err
	}
	if err := checkDense("x0", x0); err != nil {
		return nil, nil, err
	}
	r, c := x0.Dims()
	xt, ut = mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)
	if err := p.SampleInto(filled(r, t), x0, x1, xt, ut); err != nil {
		return nil, nil, err
	}
	return xt, ut, nil
}

// SampleAt is the allocating form of p.SampleInto: x_t and u_t for row i at
// time t[i].
func SampleAt(p Path, t []float64, x0, x1 *mat.Dense) (xt, ut *mat.Dense, err error) {
	if err := checkDense("x0", x0); err != nil {
		return nil, nil, err
	}
	r, c := x0.Dims()
	xt, ut = mat.NewDense(r, c, nil), mat.NewDense(r, c, nil)
	if err := p.SampleInto(t, x0, x1, xt, ut); err != nil {
		return nil, nil, err
	}
	return xt, ut, nil
}

// panicUnless panics with a message naming the constructor when ok is false.
func panicUnless(ok bool, format string, args ...any) {
	if !ok {
		panic(fmt.Sprintf("fmlib: "+format, args...))
	}
}
