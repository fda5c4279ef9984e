package fmlib

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestCheckerboardQualityOfData(t *testing.T) {
	in, bal, err := CheckerboardQuality(Checkerboard(80000, 7))
	if err != nil {
		t.Fatal(err)
	}
	if in != 1 {
		t.Errorf("in_support of the data = %v, want exactly 1", in)
	}
	// 10,000 expected per square: the max/min of 8 multinomial counts
	// stays below 1.06 with overwhelming probability (each count's sd is ~94).
	if bal < 1 || bal > 1.06 {
		t.Errorf("balance of the data = %v, want in [1, 1.06]", bal)
	}
}

func TestCheckerboardQualityHandMadePoints(t *testing.T) {
	// One point at the centre of every square (scaled by 1/0.45), then two
	// points off the board: one on a wrong-parity square, one outside, one NaN.
	var rows [][]float64
	for row := -2; row < 2; row++ {
		for col := -2; col < 2; col++ {
			if (row+col)%2 == 0 {
				rows = append(rows, []float64{(float64(col) + 0.5) / 0.45, (float64(row) + 0.5) / 0.45})
			}
		}
	}
	rows = append(rows, []float64{0.5 / 0.45, -0.5 / 0.45}, []float64{2.1 / 0.45, 0}, []float64{0, 0})
	x, err := FromRows(rows)
	if err != nil {
		t.Fatal(err)
	}
	x.Set(10, 0, math.NaN()) // FromRows refuses NaN; a diverged sampler may not
	in, bal, err := CheckerboardQuality(x)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 11 || in != 8.0/11 || bal != 1 {
		t.Errorf("got in_support %v balance %v over %d rows, want 8/11 and 1", in, bal, len(rows))
	}
	// The first 7 rows leave the last square (upper right) empty.
	in, bal, _ = CheckerboardQuality(x.Slice(0, 7, 0, 2).(*mat.Dense))
	if in != 1 || !math.IsInf(bal, 1) {
		t.Errorf("7 squares: got in_support %v balance %v, want 1 and +Inf", in, bal)
	}
	if _, _, err := CheckerboardQuality(mat.NewDense(2, 3, nil)); err == nil {
		t.Error("3 columns: want an error")
	}
}
