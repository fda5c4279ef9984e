package fmlib

import (
	"fmt"
	"math"

	"github.com/gophlow/gophlow/interrupt"
	"gonum.org/v1/gonum/mat"
)

// Assignment solves the linear assignment problem exactly: for an r×c cost
// matrix it returns, for every row i, a distinct column assign[i] minimising
// the total cost Σ_i cost[i][assign[i]], and that total. When r > c only c
// rows can be matched and the others get −1. It uses the shortest augmenting
// path method of Jonker–Volgenant with dual potentials, O(min(r,c)²·max(r,c))
// time and O(r+c) extra memory, and checks the kernel's interrupt between
// augmentations.
func Assignment(cost *mat.Dense) (assign []int, total float64, err error) {
	if err := checkDense("cost", cost); err != nil {
		return nil, 0, err
	}
	if err := checkFinite("cost", cost); err != nil {
		return nil, 0, err
	}
	r, c := cost.Dims()
	data, stride, _, _ := rowsOf(cost)
	// The solver wants rows ≤ columns, one contiguous row per short-side item.
	short := data
	if r > c || stride != c {
		var m mat.Dense
		if r > c {
			m.CloneFrom(cost.T())
		} else {
			m.CloneFrom(cost)
		}
		short = m.RawMatrix().Data
	}
	n, m := min(r, c), max(r, c)
	match, err := shortestAugmentingPath(n, m, short)
	if err != nil {
		return nil, 0, err
	}
	assign = make([]int, r)
	for i := range assign {
		assign[i] = -1
	}
	for k, j := range match { // match[k] is the long-side index of short-side k
		if r <= c {
			assign[k] = j
		} else {
			assign[j] = k
		}
	}
	for i, j := range assign {
		if j >= 0 {
			total += data[i*stride+j]
		}
	}
	return assign, total, nil
}

// shortestAugmentingPath assigns each of n rows to one of m ≥ n columns at
// minimum total cost, cost[i*m+j] being the cost of row i in column j. Rows are added one at a time; each addition
// runs a Dijkstra-like search for the cheapest augmenting path in reduced
// costs cost − u_i − v_j and then updates the potentials so reduced costs
// stay non-negative. Returns the column of each row.
func shortestAugmentingPath(n, m int, cost []float64) ([]int, error) {
	// Index 0 is a virtual column/row, so real indices are 1-based here.
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	rowOf := make([]int, m+1) // rowOf[j]: row assigned to column j (0 = free)
	prev := make([]int, m+1)  // previous column on the augmenting path
	minSlack := make([]float64, m+1)
	used := make([]bool, m+1)
	colOf := make([]int, n+1) // colOf[i]: column of row i (0 = free)
	// Warm start (Jonker–Volgenant): row reduction u_i = min_j cost_ij keeps
	// every reduced cost ≥ 0, then each row takes its cheapest column if that
	// column is still free. Matched edges have zero reduced cost, so the
	// augmentations below may start from this partial matching.
	for i := 1; i <= n; i++ {
		row := cost[(i-1)*m : i*m]
		best, arg := math.Inf(1), 0
		for j, c := range row {
			if c < best {
				best, arg = c, j+1
			}
		}
		u[i] = best
		if rowOf[arg] == 0 {
			rowOf[arg], colOf[i] = i, arg
		}
	}
	ctx := interrupt.Context()
	for i := 1; i <= n; i++ {
		if colOf[i] != 0 {
			continue
		}
		if err := interrupt.Check(ctx); err != nil {
			return nil, fmt.Errorf("fmlib: Assignment interrupted at row %d of %d: %w", i-1, n, err)
		}
		rowOf[0] = i
		col := 0
		for j := range minSlack {
			minSlack[j] = math.Inf(1)
			used[j] = false
		}
		for rowOf[col] != 0 {
			used[col] = true
			row := rowOf[col]
			costRow := cost[(row-1)*m : row*m]
			ur := u[row]
			delta := math.Inf(1)
			next := -1
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				reduced := costRow[j-1] - ur - v[j]
				if reduced < minSlack[j] {
					minSlack[j] = reduced
					prev[j] = col
				}
				if minSlack[j] < delta {
					delta = minSlack[j]
					next = j
				}
			}
			if next < 0 {
				return nil, fmt.Errorf("fmlib: Assignment: no augmenting path for row %d (costs too large to compare)", i-1)
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[rowOf[j]] += delta
					v[j] -= delta
				} else {
					minSlack[j] -= delta
				}
			}
			col = next
		}
		for col != 0 { // flip the augmenting path
			p := prev[col]
			rowOf[col] = rowOf[p]
			col = p
		}
	}
	match := make([]int, n)
	for j := 1; j <= m; j++ {
		if rowOf[j] != 0 {
			match[rowOf[j]-1] = j - 1
		}
	}
	return match, nil
}

// SquaredDistances returns the matrix of squared Euclidean distances
// ‖a_i − b_j‖² between the rows of a and b, the cost of W2 and of minibatch
// OT couplings.
func SquaredDistances(a, b *mat.Dense) (*mat.Dense, error) {
	if err := checkDense("a", a); err != nil {
		return nil, err
	}
	if err := checkDense("b", b); err != nil {
		return nil, err
	}
	ra, ca := a.Dims()
	rb, cb := b.Dims()
	if ca != cb {
		return nil, fmt.Errorf("fmlib: SquaredDistances: a has %d columns, b has %d", ca, cb)
	}
	out := mat.NewDense(ra, rb, nil)
	da, sa, _, _ := rowsOf(a)
	db, sb, _, _ := rowsOf(b)
	od := out.RawMatrix().Data
	for i := 0; i < ra; i++ {
		ai := rowSlice(da, sa, i, ca)
		oi := od[i*rb : (i+1)*rb]
		for j := 0; j < rb; j++ {
			bj := rowSlice(db, sb, j, cb)
			var s float64
			for k, x := range ai {
				d := x - bj[k]
				s += d * d
			}
			oi[j] = s
		}
	}
	return out, nil
}
