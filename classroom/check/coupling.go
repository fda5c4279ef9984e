package check

import (
	"fmt"
	"math/rand/v2"

	"github.com/gophlow/gophlow/fmlib"
	"gonum.org/v1/gonum/mat"
)

// SquaredCosts checks the student's cost matrix of a minibatch coupling,
// C_ij = ‖x0_i − x1_j‖². The reference is fmlib.SquaredDistances.
func SquaredCosts(costs func(x0, x1 *mat.Dense) *mat.Dense) *Result {
	s := spec{name: "the cost matrix of a minibatch coupling", trials: 6, seed: 8,
		hint:    "entry (i, j) is Σ_k (x0[i][k] − x1[j][k])², with one row per noise point and one column per data point.",
		summary: "matches fmlib.SquaredDistances on 6 random batches"}
	if costs == nil {
		return nilFunction(s.name, "check.SquaredCosts(squaredCosts)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		rows, cols, dim := 1+rng.IntN(6), 1+rng.IntN(6), 1+rng.IntN(3)
		x0, x1 := randomBatch(rng, rows, dim), randomBatch(rng, cols, dim)
		want, err := fmlib.SquaredDistances(x0, x1)
		if err != nil {
			panic(fmt.Sprintf("check.SquaredCosts: %v", err))
		}
		return trial{
			input: fmt.Sprintf("%d noise points and %d data points in dimension %d (the matrix row by row)", rows, cols, dim),
			want:  want.RawMatrix().Data,
			call: func() []float64 {
				got := costs(mat.DenseCopyOf(x0), mat.DenseCopyOf(x1))
				if got == nil {
					return nil
				}
				if r, c := got.Dims(); r != rows || c != cols {
					panic(complaint{fmt.Sprintf("the matrix is %d×%d, expected %d×%d", r, c, rows, cols), "one row per noise point (x0) and one column per data point (x1): mat.NewDense(rows of x0, rows of x1, nil)."})
				}
				return mat.DenseCopyOf(got).RawMatrix().Data
			},
		}
	})
}

// couplingCost returns the total cost of assign, or an error if assign is
// not a permutation of the columns.
func couplingCost(cost *mat.Dense, assign []int) (float64, error) {
	n, _ := cost.Dims()
	if len(assign) != n {
		return 0, fmt.Errorf("%d entries for %d rows", len(assign), n)
	}
	seen := make([]bool, n)
	total := 0.0
	for i, j := range assign {
		if j < 0 || j >= n || seen[j] {
			return 0, fmt.Errorf("entry %d is %d: not a permutation of 0…%d", i, j, n-1)
		}
		seen[j] = true
		total += cost.At(i, j)
	}
	return total, nil
}

// assignmentTrial is a trial of a coupling check: the student's assignment
// is compared by its total cost with fmlib.Assignment's (ties may differ).
func assignmentTrial(input string, cost *mat.Dense, student func() []int) trial {
	_, want, err := fmlib.Assignment(cost)
	if err != nil {
		panic(fmt.Sprintf("check: reference assignment failed: %v", err))
	}
	n, _ := cost.Dims()
	identity := make([]int, n)
	for i := range identity {
		identity[i] = i
	}
	idCost, _ := couplingCost(cost, identity)
	return trial{
		input: input + " (compared: the total cost of the pairing)",
		want:  one(want),
		call: func() []float64 {
			total, err := couplingCost(cost, student())
			if err != nil {
				panic(complaint{"the pairing is not valid: " + err.Error(), "return one data index per noise point, each index used exactly once."})
			}
			return one(total)
		},
		mistakes: []mistake{{one(idCost), "that is the pairing i ↦ i, the independent coupling: search for the cheapest pairing."}},
	}
}

// BestCoupling checks the student's exact minibatch OT coupling for small
// batches (up to 6 points, where trying all n! pairings is affordable):
// assign[i] is the data point paired with noise point i, each used once, with
// the least total cost. The reference is fmlib.Assignment.
func BestCoupling(coupling func(cost *mat.Dense) []int) *Result {
	s := spec{name: "an exact minibatch OT coupling", trials: 6, seed: 81,
		hint:    "try every permutation (recursively: choose a column for row 0, then for row 1 among those left, …) and keep the cheapest.",
		summary: "the pairings cost as little as fmlib.Assignment's on 6 random batches of 2 to 6 points"}
	if coupling == nil {
		return nilFunction(s.name, "check.BestCoupling(bestCoupling)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		size := 2 + rng.IntN(5)
		cost, err := fmlib.SquaredDistances(randomBatch(rng, size, 2), randomBatch(rng, size, 2))
		if err != nil {
			panic(fmt.Sprintf("check.BestCoupling: %v", err))
		}
		return assignmentTrial(fmt.Sprintf("a %d×%d cost matrix with first row %s", size, size, vec(cost.RawRowView(0))), cost,
			func() []int { return coupling(mat.DenseCopyOf(cost)) })
	})
}

// SortedCoupling checks the student's OT coupling in one dimension, where
// for the squared cost pairing the k-th smallest noise point with the k-th
// smallest data point is optimal: assign[i] is the index of x1's element of
// the same rank as x0[i]. The reference is fmlib.Assignment on the costs.
func SortedCoupling(coupling func(x0, x1 []float64) []int) *Result {
	s := spec{name: "the OT coupling in one dimension by sorting", trials: 6, seed: 82,
		hint:    "sort the indices of x0 and of x1 by value (sort.Slice); the i-th index of the first order is paired with the i-th of the second.",
		summary: "the pairings cost as little as fmlib.Assignment's on 6 random batches of up to 50 points"}
	if coupling == nil {
		return nilFunction(s.name, "check.SortedCoupling(sortedCoupling)")
	}
	return s.run(func(rng *rand.Rand, n int) trial {
		size := 2 + rng.IntN(49)
		x0, x1 := randomVector(rng, size, 1), randomVector(rng, size, 2)
		cost, err := fmlib.SquaredDistances(mat.NewDense(size, 1, clone(x0)), mat.NewDense(size, 1, clone(x1)))
		if err != nil {
			panic(fmt.Sprintf("check.SortedCoupling: %v", err))
		}
		return assignmentTrial(fmt.Sprintf("%d points, x0 starting %s", size, vec(x0[:min(3, size)])), cost,
			func() []int { return coupling(clone(x0), clone(x1)) })
	})
}
