// Covers: a multi-function program: a Matrix type over [][]float64 with constructor, methods (Mul, Transpose, String) and error returns.
package main

import (
	"fmt"
	"strings"
)

type Matrix struct {
	rows, cols int
	data       [][]float64
}

func New(rows, cols int) *Matrix {
	d := make([][]float64, rows)
	for i := range d {
		d[i] = make([]float64, cols)
	}
	return &Matrix{rows, cols, d}
}

func FromRows(rows [][]float64) *Matrix {
	m := New(len(rows), len(rows[0]))
	for i, r := range rows {
		copy(m.data[i], r)
	}
	return m
}

func (m *Matrix) Mul(o *Matrix) (*Matrix, error) {
	if m.cols != o.rows {
		return nil, fmt.Errorf("shape mismatch: %dx%d * %dx%d", m.rows, m.cols, o.rows, o.cols)
	}
	out := New(m.rows, o.cols)
	for i := range m.rows {
		for j := range o.cols {
			for k := range m.cols {
				out.data[i][j] += m.data[i][k] * o.data[k][j]
			}
		}
	}
	return out, nil
}

func (m *Matrix) Transpose() *Matrix {
	t := New(m.cols, m.rows)
	for i, row := range m.data {
		for j, v := range row {
			t.data[j][i] = v
		}
	}
	return t
}

func (m *Matrix) String() string {
	var sb strings.Builder
	for _, row := range m.data {
		sb.WriteString(fmt.Sprintf("%v\n", row))
	}
	return sb.String()
}

func main() {
	a := FromRows([][]float64{{1, 2, 3}, {4, 5, 6}})
	b := FromRows([][]float64{{7, 8}, {9, 10}, {11, 12}})
	p, err := a.Mul(b)
	fmt.Print("a*b:\n", p, "err: ", err, "\n")
	fmt.Print("a^T:\n", a.Transpose())
	same := b.Transpose().Transpose()
	fmt.Println("b^T^T equals b:", same.String() == b.String(), same.rows, same.cols)
	_, err = a.Mul(a)
	fmt.Println("error:", err)
}
