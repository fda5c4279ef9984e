package fmlib

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/fmlib/nn"
	"gonum.org/v1/gonum/mat"
)

// checkDense reports an error naming arg when m is nil or empty.
func checkDense(arg string, m *mat.Dense) error {
	if m == nil {
		return fmt.Errorf("fmlib: %s is nil", arg)
	}
	if m.IsEmpty() {
		return fmt.Errorf("fmlib: %s is an empty matrix", arg)
	}
	return nil
}

// checkShape reports an error naming arg when m is not r×c.
func checkShape(arg string, m *mat.Dense, r, c int) error {
	if err := checkDense(arg, m); err != nil {
		return err
	}
	mr, mc := m.Dims()
	if mr != r || mc != c {
		return fmt.Errorf("fmlib: %s is %d×%d, want %d×%d", arg, mr, mc, r, c)
	}
	return nil
}

// checkFinite reports an error naming arg and the first entry of m that is
// NaN or infinite.
func checkFinite(arg string, m *mat.Dense) error {
	raw := m.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("fmlib: %s[%d][%d] = %v is not finite", arg, i, j, v)
			}
		}
	}
	return nil
}

// checkTime reports an error naming arg when t is outside [0,1] or NaN.
func checkTime(arg string, t float64) error {
	if !(t >= 0 && t <= 1) {
		return fmt.Errorf("fmlib: %s = %v is outside [0,1]", arg, t)
	}
	return nil
}

// checkTimes checks every entry of a per-row time slice.
func checkTimes(arg string, t []float64, rows int) error {
	if len(t) != rows {
		return fmt.Errorf("fmlib: %s has %d entries, want one per row (%d)", arg, len(t), rows)
	}
	for i, v := range t {
		if !(v >= 0 && v <= 1) {
			return fmt.Errorf("fmlib: %s[%d] = %v is outside [0,1]", arg, i, v)
		}
	}
	return nil
}

// fieldDimension returns the data dimension field is defined on, or 0 when
// the field does not tell (a func literal, a custom type without Dim).
func fieldDimension(field Field) int {
	switch f := field.(type) {
	case interface{ Dim() int }:
		return f.Dim()
	case *nn.Network:
		if f != nil {
			return f.Config().Dim
		}
	case *MixtureMarginal:
		if f != nil {
			return f.mix.Dim()
		}
	case *GuidedField:
		if f != nil {
			if m, ok := f.model.(Field); ok {
				return fieldDimension(m)
			}
		}
	}
	return 0
}

// checkFieldDimension reports an error naming arg when the batch m has not
// as many columns as field's dimension (when the field tells it), rather
// than letting the field panic on its own argument names.
func checkFieldDimension(arg string, field Field, m *mat.Dense) error {
	d := fieldDimension(field)
	if _, c := m.Dims(); d > 0 && c != d {
		return fmt.Errorf("fmlib: %s has %d columns, the field's dimension is %d", arg, c, d)
	}
	return nil
}

// rowsOf returns the rows of a dense matrix as subslices of its backing
// array, honouring its stride.
func rowsOf(m *mat.Dense) (data []float64, stride, rows, cols int) {
	raw := m.RawMatrix()
	return raw.Data, raw.Stride, raw.Rows, raw.Cols
}

// filled returns a slice of n copies of v.
func filled(n int, v float64) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = v
	}
	return s
}
