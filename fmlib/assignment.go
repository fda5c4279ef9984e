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
// minimum total cost, cost[i*m+j] being the cost of row i in column j.
// It keeps column potentials v and the invariant that every matched row sits
// at its row minimum of c_ij − v_j (so u_i = c_{i,col(i)} − v_{col(i)} is an
// implicit row potential with all reduced costs c_ij − u_i − v_j ≥ 0).
// After a warm start that matches many rows cheaply, each free row grows a
// Dijkstra tree over reduced costs until the nearest column is free, flips
// the path and lowers the scanned columns' potentials (Jonker & Volgenant,
// 1987). Unmatched columns keep v = 0, as rectangular optimality requires.
// Arrays are 1-based; 0 means "none".
func shortestAugmentingPath(n, m int, cost []float64) ([]int, error) {
	v := make([]float64, m+1)
	rowOf := make([]int, m+1) // rowOf[j]: row assigned to column j
	colOf := make([]int, n+1) // colOf[i]: column of row i
	if n == m {
		squareWarmStart(n, cost, v, rowOf, colOf)
	} else {
		rowReductionWarmStart(n, m, cost, rowOf, colOf)
	}
	dist := make([]float64, m+1)
	pred := make([]int, m+1)  // row from which column j was reached
	todo := make([]int, 0, m) // columns not yet scanned
	ready := make([]int, 0, m)
	ctx := interrupt.Context()
	for f := 1; f <= n; f++ {
		if colOf[f] != 0 {
			continue
		}
		if err := interrupt.Check(ctx); err != nil {
			return nil, fmt.Errorf("fmlib: Assignment interrupted at row %d of %d: %w", f-1, n, err)
		}
		// Distances from row f: d_j = c_fj − v_j (row potential left implicit).
		todo, ready = todo[:0], ready[:0]
		row := cost[(f-1)*m : f*m]
		best, bestK := math.Inf(1), -1
		for j := 1; j <= m; j++ {
			dist[j], pred[j] = row[j-1]-v[j], f
			todo = append(todo, j)
			if d := dist[j]; d < best || (d == best && rowOf[j] == 0) {
				best, bestK = d, len(todo)-1
			}
		}
		var end int
		for {
			j := todo[bestK]
			mu := dist[j]
			if rowOf[j] == 0 {
				end = j
				break
			}
			// Scan column j: move it to ready, relax from its row.
			todo[bestK] = todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			ready = append(ready, j)
			i := rowOf[j]
			ri := cost[(i-1)*m : i*m]
			base := mu - (ri[j-1] - v[j])
			best, bestK = math.Inf(1), -1
			for k, c := range todo {
				d := base + ri[c-1] - v[c]
				if d < dist[c] {
					dist[c], pred[c] = d, i
				}
				if d := dist[c]; d < best || (d == best && rowOf[c] == 0) {
					best, bestK = d, k
				}
			}
			if bestK < 0 {
				return nil, fmt.Errorf("fmlib: Assignment: no augmenting path for row %d (costs too large to compare)", f-1)
			}
		}
		mu := dist[end]
		for _, j := range ready {
			v[j] += dist[j] - mu
		}
		for { // flip the alternating path back to row f
			i := pred[end]
			rowOf[end] = i
			end, colOf[i] = colOf[i], end
			if i == f {
				break
			}
		}
	}
	match := make([]int, n)
	for i := 1; i <= n; i++ {
		match[i-1] = colOf[i] - 1
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

// rowReductionWarmStart gives each row its cheapest column if still free
// (with v = 0 every matched row then sits at its row minimum). Used for
// rectangular problems, whose optimality needs v = 0 on unmatched columns.
func rowReductionWarmStart(n, m int, cost []float64, rowOf, colOf []int) {
	for i := 1; i <= n; i++ {
		row := cost[(i-1)*m : i*m]
		best, arg := math.Inf(1), 0
		for j, c := range row {
			if c < best {
				best, arg = c, j+1
			}
		}
		if rowOf[arg] == 0 {
			rowOf[arg], colOf[i] = i, arg
		}
	}
}

// squareWarmStart is the column reduction of Jonker & Volgenant (1987) for
// a square problem: v_j = min_i cost_ij (every reduced cost ≥ 0 with u = 0),
// and each column is offered to its cheapest row if that row is still free.
// (Their augmenting row reduction was measured slower on dense Euclidean
// costs and is left out.) Every problem column is matched at the end, so
// non-zero v_j is allowed here.
func squareWarmStart(n int, cost, v []float64, rowOf, colOf []int) {
	for j := n; j >= 1; j-- {
		best, arg := math.Inf(1), 0
		for i := 1; i <= n; i++ {
			if c := cost[(i-1)*n+j-1]; c < best {
				best, arg = c, i
			}
		}
		v[j] = best
		if colOf[arg] == 0 {
			rowOf[j], colOf[arg] = arg, j
		}
	}
}
