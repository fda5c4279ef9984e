package fmlib

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// bruteForceAssignment returns the minimum total cost over all permutations.
func bruteForceAssignment(cost *mat.Dense) float64 {
	n, _ := cost.Dims()
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	best := math.Inf(1)
	var rec func(k int, sum float64)
	rec = func(k int, sum float64) {
		if k == n {
			best = math.Min(best, sum)
			return
		}
		for i := k; i < n; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			rec(k+1, sum+cost.At(k, perm[k]))
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	rec(0, 0)
	return best
}

// TestAssignmentMatchesBruteForce compares the solver's total with an
// exhaustive search over all 7! permutations on random (and tie-heavy
// integer) costs; both sum the same 7 numbers, so they agree to round-off.
func TestAssignmentMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 30; trial++ {
		const n = 7
		cost := mat.NewDense(n, n, nil)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				v := rng.Float64()*10 - 3
				if trial%2 == 1 {
					v = float64(rng.IntN(4)) // many ties
				}
				cost.Set(i, j, v)
			}
		}
		assign, total, err := Assignment(cost)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{}
		var sum float64
		for i, j := range assign {
			if j < 0 || j >= n || seen[j] {
				t.Fatalf("trial %d: assignment %v is not a permutation", trial, assign)
			}
			seen[j] = true
			sum += cost.At(i, j)
		}
		if want := bruteForceAssignment(cost); math.Abs(total-want) > 1e-12 || math.Abs(sum-total) > 1e-12 {
			t.Errorf("trial %d: total %v (recomputed %v), brute force %v", trial, total, sum, want)
		}
	}
}

// TestAssignmentRectangular checks r < c and r > c: every matched pair is
// distinct and the total equals the best over square sub-problems found by
// brute force on the transposed problem.
func TestAssignmentRectangular(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	wide := mat.NewDense(3, 5, nil)
	for i := range wide.RawMatrix().Data {
		wide.RawMatrix().Data[i] = rng.Float64()
	}
	aw, tw, err := Assignment(wide)
	if err != nil {
		t.Fatal(err)
	}
	tall := mat.DenseCopyOf(wide.T())
	at, tt, err := Assignment(tall)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(tw-tt) > 1e-12 {
		t.Errorf("wide total %v, transposed total %v", tw, tt)
	}
	matched := 0
	for i, j := range at {
		if j >= 0 {
			matched++
			if aw[j] != i {
				t.Errorf("tall row %d → %d but wide row %d → %d", i, j, j, aw[j])
			}
		}
	}
	if matched != 3 {
		t.Errorf("tall problem matched %d rows, want 3", matched)
	}
	// Brute force: best injective map of 3 rows into 5 columns.
	best := math.Inf(1)
	for a := 0; a < 5; a++ {
		for b := 0; b < 5; b++ {
			for c := 0; c < 5; c++ {
				if a != b && b != c && a != c {
					best = math.Min(best, wide.At(0, a)+wide.At(1, b)+wide.At(2, c))
				}
			}
		}
	}
	if math.Abs(tw-best) > 1e-12 {
		t.Errorf("rectangular total %v, brute force %v", tw, best)
	}
}

// TestAssignmentMisuse checks that NaN and nil costs are rejected.
func TestAssignmentMisuse(t *testing.T) {
	c := mat.NewDense(2, 2, []float64{1, math.NaN(), 0, 1})
	if _, _, err := Assignment(c); err == nil {
		t.Error("NaN cost accepted")
	}
	if _, _, err := Assignment(nil); err == nil {
		t.Error("nil cost accepted")
	}
}

// referenceHungarian is an independent textbook O(n²m) Hungarian method
// (potentials, one row at a time, no warm start) for n ≤ m, used to check
// Assignment on problems too large for brute force.
func referenceHungarian(cost *mat.Dense) float64 {
	n, m := cost.Dims()
	u, v := make([]float64, n+1), make([]float64, m+1)
	p, way := make([]int, m+1), make([]int, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for p[j0] != 0 {
			used[j0] = true
			i0, delta, j1 := p[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if !used[j] {
					if cur := cost.At(i0-1, j-1) - u[i0] - v[j]; cur < minv[j] {
						minv[j], way[j] = cur, j0
					}
					if minv[j] < delta {
						delta, j1 = minv[j], j
					}
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	var total float64
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			total += cost.At(p[j]-1, j-1)
		}
	}
	return total
}

// TestAssignmentMatchesReference compares Assignment with the textbook
// Hungarian method on larger square and rectangular problems: Euclidean
// costs, integer costs with many ties and negative costs. Both are exact, so
// totals agree to summation round-off (1e-9 relative).
func TestAssignmentMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for trial := 0; trial < 12; trial++ {
		n, m := 60, 60
		if trial%3 == 2 {
			m = 85
		}
		cost := mat.NewDense(n, m, nil)
		switch trial % 4 {
		case 0:
			sq, _ := SquaredDistances(StandardNormal(n, 2, uint64(trial)), StandardNormal(m, 2, uint64(trial+100)))
			cost = sq
		case 1:
			cost.Apply(func(_, _ int, _ float64) float64 { return float64(rng.IntN(5)) }, cost)
		default:
			cost.Apply(func(_, _ int, _ float64) float64 { return rng.NormFloat64() }, cost)
		}
		assign, total, err := Assignment(cost)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[int]bool{}
		for _, j := range assign {
			if j < 0 || seen[j] {
				t.Fatalf("trial %d: not an injective assignment", trial)
			}
			seen[j] = true
		}
		if want := referenceHungarian(cost); math.Abs(total-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("trial %d (%d×%d): total %v, reference %v", trial, n, m, total, want)
		}
	}
}
