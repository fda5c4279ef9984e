package fmlib

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Coupling is how the noise samples x0 and the data samples x1 of a
// minibatch are paired before the path is sampled (the joint q(x0, x1) of
// minibatch flow matching).
type Coupling int

const (
	// IndependentCoupling pairs row i with row i: q = p_0 ⊗ q_1 (I-CFM).
	IndependentCoupling Coupling = iota
	// OTCoupling pairs the batch by the exact optimal assignment of
	// squared distances (minibatch OT-CFM), so conditional paths cross less
	// and the learned flow is straighter.
	OTCoupling
	// SinkhornCoupling draws the pairs from the entropic OT plan of the
	// batch, π ∝ exp(−‖x0_i − x1_j‖²/ε) with uniform marginals, computed by
	// Sinkhorn's iterations; with a SchrodingerBridgePath(σ) and ε = 2σ² it
	// is Schrödinger-bridge CFM.
	SinkhornCoupling
)

// String names the coupling.
func (c Coupling) String() string {
	switch c {
	case IndependentCoupling:
		return "independent"
	case OTCoupling:
		return "exact OT"
	case SinkhornCoupling:
		return "Sinkhorn"
	}
	return fmt.Sprintf("Coupling(%d)", int(c))
}

// coupler pairs minibatches in place, with buffers reused across batches.
type coupler struct {
	kind     Coupling
	eps      float64
	iters    int
	cost     *mat.Dense
	kernel   []float64
	u, v     []float64
	cum      []float64
	scratch  *mat.Dense
	order    []int // row indices of the pairs
	pairCols []int // column indices of the pairs
	classes  []int
}

// newCoupler checks the coupling's settings.
func newCoupler(kind Coupling, eps float64, iters int) (*coupler, error) {
	switch kind {
	case IndependentCoupling, OTCoupling:
	case SinkhornCoupling:
		if !(eps > 0) || math.IsInf(eps, 0) {
			return nil, fmt.Errorf("fmlib: TrainOptions.SinkhornEpsilon = %v, the Sinkhorn coupling needs a finite ε > 0", eps)
		}
		if iters < 0 {
			return nil, fmt.Errorf("fmlib: TrainOptions.SinkhornIterations = %d, want ≥ 0 (0: 200)", iters)
		}
		if iters == 0 {
			iters = 200
		}
	default:
		return nil, fmt.Errorf("fmlib: TrainOptions.Coupling = %v is not a defined coupling", kind)
	}
	return &coupler{kind: kind, eps: eps, iters: iters}, nil
}

// squaredDistancesInto fills c (n×n) with ‖a_i − b_j‖².
func squaredDistancesInto(a, b, c *mat.Dense) {
	ad, as, n, d := rowsOf(a)
	bd, bs, _, _ := rowsOf(b)
	cd, cs, _, _ := rowsOf(c)
	for i := 0; i < n; i++ {
		ai := rowSlice(ad, as, i, d)
		ci := rowSlice(cd, cs, i, n)
		for j := range ci {
			bj := rowSlice(bd, bs, j, d)
			var s float64
			for k, x := range ai {
				r := x - bj[k]
				s += r * r
			}
			ci[j] = s
		}
	}
}

// pair reorders the rows of x1 (and of x0 for Sinkhorn, with the classes
// following their data rows) so that row i of x0 is paired with row i of x1.
func (c *coupler) pair(x0, x1 *mat.Dense, classes []int, rng *rand.Rand) error {
	if c.kind == IndependentCoupling {
		return nil
	}
	n, d := x0.Dims()
	if c.cost == nil || c.cost.RawMatrix().Rows != n {
		c.cost = mat.NewDense(n, n, nil)
		c.scratch = mat.NewDense(n, d, nil)
		c.order, c.pairCols = make([]int, n), make([]int, n)
		c.classes = make([]int, n)
	}
	squaredDistancesInto(x0, x1, c.cost)
	if c.kind == OTCoupling {
		assign, _, err := Assignment(c.cost)
		if err != nil {
			return err
		}
		permuteRows(x1, c.scratch, assign)
		permuteInts(classes, c.classes, assign)
		return nil
	}
	rows, cols, err := c.sinkhornPairs(n, rng)
	if err != nil {
		return err
	}
	permuteRows(x0, c.scratch, rows)
	permuteRows(x1, c.scratch, cols)
	permuteInts(classes, c.classes, cols)
	return nil
}

// sinkhornPairs computes the entropic OT plan π_ij = exp((f_i + g_j − C_ij)/ε)
// with marginals 1/n by Sinkhorn's alternating updates of the potentials
// f and g, and draws n index pairs (i, j) from π (with replacement, as
// TorchCFM does). When the costs span less than 500ε the updates run on
// the scalings u = e^{f/ε}, v = e^{g/ε} and the kernel K = e^{−C/ε} (two
// matrix-vector products per iteration); otherwise in log space with
// log-sum-exp, where nothing underflows.
func (c *coupler) sinkhornPairs(n int, rng *rand.Rand) (rows, cols []int, err error) {
	if len(c.kernel) != n*n {
		c.kernel = make([]float64, n*n)
		c.u, c.v = make([]float64, n), make([]float64, n)
		c.cum = make([]float64, n*n)
	}
	cost := c.cost.RawMatrix().Data
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range cost {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if (hi-lo)/c.eps <= 500 {
		c.sinkhornScaling(n, cost, lo)
	} else {
		c.sinkhornLog(n, cost)
	}
	// c.kernel now holds the plan (up to normalisation); sample from it.
	var total float64
	for k, p := range c.kernel {
		total += p
		c.cum[k] = total
	}
	if !(total > 0) || math.IsInf(total, 0) {
		return nil, nil, fmt.Errorf("fmlib: Sinkhorn coupling: the plan is degenerate (total mass %v) at ε = %g", total, c.eps)
	}
	rows, cols = c.order, c.pairCols
	for k := 0; k < n; k++ {
		idx := sort.SearchFloat64s(c.cum, rng.Float64()*total)
		idx = min(idx, n*n-1)
		rows[k], cols[k] = idx/n, idx%n
	}
	return rows, cols, nil
}

// sinkhornScaling runs the iterations on u, v and K = e^{−(C−lo)/ε}, all
// entries ≥ e^{−500}, and leaves the plan u_i K_ij v_j in c.kernel.
func (c *coupler) sinkhornScaling(n int, cost []float64, lo float64) {
	K, u, v, colSum := c.kernel, c.u, c.v, c.cum[:n]
	for i, x := range cost {
		K[i] = math.Exp(-(x - lo) / c.eps)
	}
	target := 1 / float64(n)
	for j := range v {
		v[j] = 1
	}
	for it := 0; it < c.iters; it++ {
		for i := 0; i < n; i++ {
			var s float64
			for j, kv := range K[i*n : (i+1)*n] {
				s += kv * v[j]
			}
			u[i] = target / s
		}
		clear(colSum)
		for i := 0; i < n; i++ {
			for j, kv := range K[i*n : (i+1)*n] {
				colSum[j] += kv * u[i]
			}
		}
		var worst float64
		for j := range v {
			worst = math.Max(worst, math.Abs(colSum[j]*v[j]-target))
			v[j] = target / colSum[j]
		}
		if worst < 1e-6*target {
			break
		}
	}
	for i := 0; i < n; i++ {
		for j := range v {
			K[i*n+j] *= u[i] * v[j]
		}
	}
}

// sinkhornLog runs the iterations on the potentials f (in c.u) and g (in
// c.v) with log-sum-exp, and leaves the plan e^{(f_i + g_j − C_ij)/ε} in c.kernel.
func (c *coupler) sinkhornLog(n int, cost []float64) {
	f, g, eps := c.u, c.v, c.eps
	logTarget := -math.Log(float64(n))
	clear(f)
	clear(g)
	// lse returns log Σ_k exp(a_k) of the n values a(k).
	lse := func(a func(k int) float64) float64 {
		m := math.Inf(-1)
		for k := 0; k < n; k++ {
			m = math.Max(m, a(k))
		}
		var s float64
		for k := 0; k < n; k++ {
			s += math.Exp(a(k) - m)
		}
		return m + math.Log(s)
	}
	for it := 0; it < c.iters; it++ {
		for i := 0; i < n; i++ {
			row := cost[i*n : (i+1)*n]
			f[i] = eps * (logTarget - lse(func(j int) float64 { return (g[j] - row[j]) / eps }))
		}
		var worst float64
		for j := 0; j < n; j++ {
			colLog := lse(func(i int) float64 { return (f[i] - cost[i*n+j]) / eps })
			// Column marginal before the update: e^{g_j/ε}·Σ_i e^{(f_i − C_ij)/ε}.
			worst = math.Max(worst, math.Abs(math.Exp(g[j]/eps+colLog-logTarget)-1))
			g[j] = eps * (logTarget - colLog)
		}
		if worst < 1e-6 {
			break
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			c.kernel[i*n+j] = math.Exp((f[i] + g[j] - cost[i*n+j]) / eps)
		}
	}
}

// permuteRows replaces row k of m by its former row idx[k], via scratch.
func permuteRows(m, scratch *mat.Dense, idx []int) {
	md, ms, _, d := rowsOf(m)
	sd, ss, _, _ := rowsOf(scratch)
	for k, i := range idx {
		copy(rowSlice(sd, ss, k, d), rowSlice(md, ms, i, d))
	}
	for k := range idx {
		copy(rowSlice(md, ms, k, d), rowSlice(sd, ss, k, d))
	}
}

// permuteInts replaces v[k] by its former v[idx[k]], via scratch (nothing when v is nil).
func permuteInts(v, scratch []int, idx []int) {
	if v == nil {
		return
	}
	for k, i := range idx {
		scratch[k] = v[i]
	}
	copy(v, scratch)
}
