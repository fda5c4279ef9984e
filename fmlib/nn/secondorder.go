package nn

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Second-order passes for maximum-likelihood training of a continuous flow
// (eq. 14 as the loss, fmlib.TrainMaxLikelihood). The divergence is
// s = w Σ_k v_kᵀ J v_k over K tangents v_k per row: the Dim unit vectors
// with w = 1 (exact trace) or K Hutchinson probes with w = 1/K. With
// ζ_l the tangent of z_l and α_l = σ'(z_l) ⊙ ζ_l, the forward mode gives
// ζ_0 = v W_0[:, :d]ᵀ, ζ_{l+1} = α_l W_{l+1}ᵀ and J v = ζ_L. Reverse mode
// through both, for the scalar Σ_rows g_uᵀ u + g_div s, starts from
// z̄_L = g_u, ζ̄_L = g_div w v and for every dense layer l (top down) adds
//
//	W̄_l += z̄_lᵀ h_{l−1} + Σ_k ζ̄_lᵀ α_{l−1},   b̄_l += Σ_rows z̄_l,
//
// then, with ā = z̄_l W_l and ᾱ = ζ̄_l W_l,
//
//	z̄_{l−1} = ā ⊙ σ'(z_{l−1}) + Σ_k ᾱ ⊙ ζ_{l−1} ⊙ σ″(z_{l−1}),   ζ̄_{l−1} = ᾱ ⊙ σ'(z_{l−1}).
//
// The σ″ term is the derivative of tr ∂u/∂x with respect to the weights
// through the activations. The input gradient x̄ = (z̄_0 W_0)[:, :d] carries
// the gradient to the previous solver stage.
//
// Tangent row i·K+k is tangent k of row i, so a half of the rows (see
// split) owns a contiguous block of tangent rows too.

// secondOrder holds the buffers of the second-order passes.
type secondOrder[T float] struct {
	k      int       // tangents per row
	w      T         // weight of each vᵀJv in the divergence
	capR   int       // tangent rows the buffers hold
	v      []T       // R×Dim tangents
	tz, ta [][]T     // tz[l]: R×sizes[l+1] tangent of z[l]; ta[l] = σ'(z[l]) ⊙ tz[l]
	deriv2 [][]T     // σ″(z[l]) of hidden layer l, rows×sizes[l+1]
	tdz    [2][2][]T // per half, ping-pong cotangents of the tangents
	gu     []T       // rows×Dim cotangent of u
	gdiv   []T       // cotangent of each row's divergence
	div    []float64 // each row's divergence (forward pass only)
}

// loadTangents sets the K tangents of each of rows rows: the unit vectors
// (w = 1) when probes is nil, else probes[k]'s row i (w = 1/K), and grows
// the buffers.
func (e *engine[T]) loadTangents(rows int, probes []*mat.Dense) {
	c, d := &e.so, e.cfg.Dim
	c.k, c.w = d, 1
	if probes != nil {
		c.k, c.w = len(probes), T(1/float64(len(probes)))
	}
	R, L := rows*c.k, e.layers()
	if R > c.capR {
		width := 0
		for _, s := range e.sizes[1:] {
			width = max(width, s)
		}
		c.v = make([]T, R*d)
		c.tz, c.ta = make([][]T, L), make([][]T, L)
		for l := 0; l < L; l++ {
			c.tz[l], c.ta[l] = make([]T, R*e.sizes[l+1]), make([]T, R*e.sizes[l+1])
		}
		for h := range c.tdz {
			c.tdz[h][0], c.tdz[h][1] = make([]T, R*width), make([]T, R*width)
		}
		c.capR = R
	}
	if len(c.gdiv) < rows {
		c.deriv2 = make([][]T, L)
		for l := 0; l < L-1; l++ {
			c.deriv2[l] = make([]T, rows*e.sizes[l+1])
		}
		c.gu, c.gdiv = make([]T, rows*d), make([]T, rows)
	}
	v := c.v[:R*d]
	if probes == nil {
		clear(v)
		for i := 0; i < rows; i++ {
			for k := 0; k < d; k++ {
				v[(i*d+k)*d+k] = 1
			}
		}
		return
	}
	for k, p := range probes {
		raw := p.RawMatrix()
		for i := 0; i < rows; i++ {
			for j, x := range raw.Data[i*raw.Stride : i*raw.Stride+d] {
				v[(i*c.k+k)*d+j] = T(x)
			}
		}
	}
}

// tangentRows runs the loaded rows [lo, hi) forward with σ' (and σ″ when
// second) and pushes their tangents through the linearised layers; it
// writes each row's divergence into so.div unless that is nil.
func (e *engine[T]) tangentRows(lo, hi int, second bool) {
	c, L, d, K := &e.so, e.layers(), e.cfg.Dim, e.so.k
	if second {
		e.forwardSecondRows(lo, hi)
	} else {
		e.forwardRows(lo, hi, true)
	}
	r0, r1 := lo*K, hi*K
	n1 := e.sizes[1]
	gemmSerial(false, true, r1-r0, n1, d, 1, c.v[r0*d:r1*d], d, e.w[0], e.sizes[0], 0, c.tz[0][r0*n1:r1*n1], n1)
	for l := 0; l < L-1; l++ {
		n, nOut := e.sizes[l+1], e.sizes[l+2]
		ta := c.ta[l][r0*n : r1*n]
		scaleTangents(ta, c.tz[l][r0*n:r1*n], e.deriv[l][lo*n:hi*n], K, n)
		gemmSerial(false, true, r1-r0, nOut, n, 1, ta, n, e.w[l+1], n, 0, c.tz[l+1][r0*nOut:r1*nOut], nOut)
	}
	if c.div == nil {
		return
	}
	out := c.tz[L-1]
	for i := lo; i < hi; i++ {
		var s float64
		for r := i * K * d; r < (i+1)*K*d; r++ {
			s += float64(c.v[r]) * float64(out[r])
		}
		c.div[i] = float64(c.w) * s
	}
}

// forwardSecondRows is forwardRows keeping σ' and σ″ of every hidden layer.
func (e *engine[T]) forwardSecondRows(lo, hi int) {
	L, n := e.layers(), hi-lo
	inp := e.in[lo*e.sizes[0] : hi*e.sizes[0]]
	for l := 0; l < L; l++ {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		z := e.z[l][lo*nOut : hi*nOut]
		fillRows(z, e.b[l])
		gemmSerial(false, true, n, nOut, nIn, 1, inp, nIn, e.w[l], nIn, 1, z, nOut)
		if l == L-1 {
			return
		}
		inp = e.h[l][lo*nOut : hi*nOut]
		deriv, deriv2 := e.deriv[l][lo*nOut:hi*nOut], e.so.deriv2[l][lo*nOut:hi*nOut]
		if !is32[T]() || !activateSecond32(e.cfg.Activation, as32(z), as32(inp), as32(deriv), as32(deriv2)) {
			activate(e.cfg.Activation, z, inp, deriv)
			activation2(e.cfg.Activation, z, deriv2)
		}
	}
}

// scaleTangents writes tz ⊙ σ' into ta, tangent row i·K+k taking row i of deriv (width n).
func scaleTangents[T float](ta, tz, deriv []T, K, n int) {
	if is32[T]() && scaleTangents32(as32(ta), as32(tz), as32(deriv), K, n) {
		return
	}
	for i := 0; i*n < len(deriv); i++ {
		dr := deriv[i*n : (i+1)*n]
		for k := 0; k < K; k++ {
			r := (i*K + k) * n
			a, z := ta[r:r+n], tz[r:r+n]
			for j, dv := range dr {
				a[j] = z[j] * dv
			}
		}
	}
}

// secondOrderRows is the reverse pass over the rows [lo, hi) (after
// tangentRows with second): it adds the weight gradient of
// Σ g_uᵀu + g_div·s to gw, gb (half h = 0) or writes it into gw2, gb2
// (h = 1), and leaves z̄_0 W_0 in din.
func (e *engine[T]) secondOrderRows(lo, hi, h int) {
	c, L, d, K := &e.so, e.layers(), e.cfg.Dim, e.so.k
	gw, gb, beta := e.gw, e.gb, T(1)
	if h == 1 {
		gw, gb, beta = e.gw2, e.gb2, 0
	}
	n, r0 := hi-lo, lo*K
	R := n * K
	copy(e.dz[L-1][lo*d:hi*d], c.gu[lo*d:hi*d])
	cur := 0
	tdz := c.tdz[h][cur][:R*d]
	for i := lo; i < hi; i++ {
		g := c.w * c.gdiv[i]
		for r := i * K * d; r < (i+1)*K*d; r++ {
			tdz[r-r0*d] = g * c.v[r]
		}
	}
	for l := L - 1; l >= 0; l-- {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		dz := e.dz[l][lo*nOut : hi*nOut]
		tdz := c.tdz[h][cur][:R*nOut]
		inp := e.in
		if l > 0 {
			inp = e.h[l-1]
		}
		gemmSerial(true, false, nOut, nIn, n, 1, dz, nOut, inp[lo*nIn:hi*nIn], nIn, beta, gw[l], nIn)
		columnSums(dz, beta, gb[l])
		if l == 0 {
			gemmSerial(true, false, nOut, d, R, 1, tdz, nOut, c.v[r0*d:(r0+R)*d], d, 1, gw[0], nIn)
			gemmSerial(false, false, n, nIn, nOut, 1, dz, nOut, e.w[0], nIn, 0, e.din[lo*nIn:hi*nIn], nIn)
			return
		}
		gemmSerial(true, false, nOut, nIn, R, 1, tdz, nOut, c.ta[l-1][r0*nIn:(r0+R)*nIn], nIn, 1, gw[l], nIn)
		prev := e.dz[l-1][lo*nIn : hi*nIn]
		gemmSerial(false, false, n, nIn, nOut, 1, dz, nOut, e.w[l], nIn, 0, prev, nIn)
		tprev := c.tdz[h][1-cur][:R*nIn]
		gemmSerial(false, false, R, nIn, nOut, 1, tdz, nOut, e.w[l], nIn, 0, tprev, nIn)
		chainSecond(prev, tprev, c.tz[l-1][r0*nIn:(r0+R)*nIn], e.deriv[l-1][lo*nIn:hi*nIn], c.deriv2[l-1][lo*nIn:hi*nIn], K, nIn)
		cur = 1 - cur
	}
}

// columnSums sets sums to beta·sums plus the column sums of a (rows of len(sums)).
func columnSums[T float](a []T, beta T, sums []T) {
	if beta == 0 {
		clear(sums)
	}
	cols := len(sums)
	for r := 0; r < len(a); r += cols {
		for j, v := range a[r : r+cols] {
			sums[j] += v
		}
	}
}

// chainSecond carries the cotangents through an activation: with ā in dz
// and ᾱ in tdz it sets dz = ā⊙σ' + Σ_k ᾱ_k⊙ζ_k⊙σ″ and tdz = ᾱ⊙σ' (width n,
// K tangent rows per row).
func chainSecond[T float](dz, tdz, tz, deriv, deriv2 []T, K, n int) {
	if is32[T]() && chainSecond32(as32(dz), as32(tdz), as32(tz), as32(deriv), as32(deriv2), K, n) {
		return
	}
	for i := 0; i*n < len(dz); i++ {
		z, dr, d2r := dz[i*n:(i+1)*n], deriv[i*n:(i+1)*n], deriv2[i*n:(i+1)*n]
		for j, dv := range dr {
			z[j] *= dv
		}
		for k := 0; k < K; k++ {
			r := (i*K + k) * n
			a, tzr := tdz[r:r+n], tz[r:r+n]
			a, tzr = a[:len(z)], tzr[:len(z)]
			for j, av := range a {
				z[j] += av * tzr[j] * d2r[j]
				a[j] = av * dr[j]
			}
		}
	}
}

// activation2 writes σ″(z) into d2.
func activation2[T float](a Activation, z, d2 []T) {
	switch a {
	case SiLU: // σ = z·s, σ″ = s(1−s)(2 + z(1−2s)) with s the sigmoid
		for i, v := range z {
			s := 1 / (1 + expT(-v))
			d2[i] = s * (1 - s) * (2 + v*(1-2*s))
		}
	case ReLU:
		clear(d2)
	case Tanh: // σ″ = −2y(1−y²)
		for i, v := range z {
			y := T(math.Tanh(float64(v)))
			d2[i] = -2 * y * (1 - y*y)
		}
	case ELU, SELU: // σ″ = λα e^z below 0, 0 above
		scale, alpha := T(1), T(1)
		if a == SELU {
			scale, alpha = seluLambda, seluAlpha
		}
		for i, v := range z {
			d2[i] = 0
			if v <= 0 {
				d2[i] = scale * alpha * expT(v)
			}
		}
	case GELU: // σ″ = φ(z)(2 − z²)
		for i, v := range z {
			x := float64(v)
			d2[i] = T(math.Exp(-0.5*x*x) / math.Sqrt(2*math.Pi) * (2 - x*x))
		}
	default:
		panic(fmt.Sprintf("nn: unknown activation %v", a))
	}
}

// divProbes writes u (to z[L-1]) and the divergence s of every loaded row
// into div, one pass over the rows (split over two cores when large).
func (e *engine[T]) divProbes(rows int, probes []*mat.Dense, div []float64) {
	e.loadTangents(rows, probes)
	e.so.div = div
	e.pass = pass{kind: passTangents}
	e.split(rows)
	e.so.div = nil
}

// divGradient adds to the gradient the weight gradient of
// Σ_rows g_uᵀ u + g_div s at the loaded rows, writes the input gradient
// into gx and s into div unless it is nil.
func (e *engine[T]) divGradient(rows int, probes []*mat.Dense, gu *mat.Dense, gdiv []float64, gx *mat.Dense, div []float64) {
	e.loadTangents(rows, probes)
	e.so.div = div
	defer func() { e.so.div = nil }()
	d, c := e.cfg.Dim, &e.so
	raw := gu.RawMatrix()
	for i := 0; i < rows; i++ {
		for j, v := range raw.Data[i*raw.Stride : i*raw.Stride+d] {
			c.gu[i*d+j] = T(v)
		}
		c.gdiv[i] = T(gdiv[i])
	}
	e.pass = pass{kind: passSecondOrder}
	if e.split(rows) {
		axpy(1, e.grads2, e.grads[:len(e.grads2)])
	}
	in := e.sizes[0]
	if e.cfg.Classes > 0 {
		E, off := e.cfg.EmbedDim, d+e.tdim
		for i := 0; i < rows; i++ {
			g := e.gemb[e.class[i]*E : (e.class[i]+1)*E]
			for j, v := range e.din[i*in+off : i*in+off+E] {
				g[j] += v
			}
		}
	}
	ro := gx.RawMatrix()
	for i := 0; i < rows; i++ {
		for j := 0; j < d; j++ {
			ro.Data[i*ro.Stride+j] = float64(e.din[i*in+j])
		}
	}
}

// zeroGrads clears the gradient before divGradient calls accumulate into it.
func (e *engine[T]) zeroGrads() { clear(e.grads) }

// VelocityDivergenceProbes writes u_θ(t, x_i, class[i]) into row i of out
// and the divergence ∇·u_θ (eq. 13–14) into div[i]: exact when probes is
// nil (as VelocityDivergence), else the Hutchinson estimate
// (1/K) Σ_k ε_kᵀ (∂u/∂x) ε_k with ε_k = row i of probes[k], all K probes
// pushed through the network in one pass. class is nil for an
// unconditional network (for a conditional one, nil means Φ).
func (n *Network) VelocityDivergenceProbes(t float64, x *mat.Dense, class []int, probes []*mat.Dense, out *mat.Dense, div []float64) {
	if probes == nil {
		n.velocityDivergence("VelocityDivergenceProbes", t, x, class, out, div)
		return
	}
	rows := n.checkSecondOrder("VelocityDivergenceProbes", t, x, class, probes, out, len(div))
	b := n.eng.blockRows(len(probes), false)
	for lo := 0; lo < rows; lo += b {
		hi := min(lo+b, rows)
		pb := probes
		if hi-lo < rows {
			pb = make([]*mat.Dense, len(probes))
			for k, p := range probes {
				pb[k] = rowBlock(p, lo, hi)
			}
		}
		r := n.eng.load(rowBlock(x, lo, hi), t, nil, part(class, lo, hi), n.nullOr())
		n.eng.divProbes(r, pb, div[lo:hi])
		n.eng.outputTo(r, rowBlock(out, lo, hi))
	}
}

// ZeroGradient clears the gradient that AddDivergenceGradient accumulates.
func (n *Network) ZeroGradient() { n.eng.zeroGrads() }

// AddDivergenceGradient is the reverse-mode step of a solver stage of the
// maximum-likelihood loss (eq. 14): for u = u_θ(t, x_i, class[i]) and its
// divergence s_i (exact when probes is nil, else the Hutchinson estimate
// of VelocityDivergenceProbes) it adds ∂/∂θ Σ_i (gu_iᵀ u_i + gdiv_i s_i)
// to the network's gradient, writes ∂/∂x_i of the same sum into row i
// of gx and, unless div is nil, s_i into div[i]. The derivative of s with respect to θ and x takes second-order
// terms (σ″ of the activations, see the package's second-order notes).
//
// Cost, for a batch of n rows and K tangents per row (K = Dim for the
// exact divergence): one forward pass of n rows keeping σ' and σ″, one
// tangent pass of K·n rows, and one reverse pass of (1+K)·n rows through
// both (two products per layer: weight and input cotangents), about
// 3(1+K) forward passes of n rows in all.
func (n *Network) AddDivergenceGradient(t float64, x *mat.Dense, class []int, probes []*mat.Dense, gu *mat.Dense, gdiv []float64, gx *mat.Dense, div []float64) {
	rows := n.checkSecondOrder("AddDivergenceGradient", t, x, class, probes, gu, len(gdiv))
	n.checkBatch("AddDivergenceGradient", x, gx)
	if div != nil && len(div) != rows {
		panic(fmt.Sprintf("nn: AddDivergenceGradient: len(div) = %d for %d rows", len(div), rows))
	}
	n.eng.load(x, t, nil, class, n.nullOr())
	n.eng.divGradient(rows, probes, gu, gdiv, gx, div)
}

// AccumulatedGradient returns a copy of the gradient accumulated by
// AddDivergenceGradient since ZeroGradient (or computed by the last
// TrainStep or Gradient), in the layout of Params.
func (n *Network) AccumulatedGradient() []float64 { return n.eng.getVector(vecGrads) }

// ApplyGradient takes one optimizer step with the accumulated gradient
// (after ZeroGradient and AddDivergenceGradient calls), as TrainStep does
// after its own gradient: loss is the objective's value at the current
// weights, and a non-finite loss restores the weights from before the
// previous update and is an error.
func (n *Network) ApplyGradient(loss float64) error { return n.applyGradient("ApplyGradient", loss) }

// checkSecondOrder panics unless x and other have Dim columns and equal
// rows, perRow equals the rows, the classes are valid and every probe is
// rows×Dim; it returns the rows.
func (n *Network) checkSecondOrder(who string, t float64, x *mat.Dense, class []int, probes []*mat.Dense, other *mat.Dense, perRow int) int {
	rows := n.checkBatch(who, x, other)
	if perRow != rows {
		panic(fmt.Sprintf("nn: %s: %d per-row values for %d rows", who, perRow, rows))
	}
	if math.IsNaN(t) || math.IsInf(t, 0) {
		panic(fmt.Sprintf("nn: %s: t = %v", who, t))
	}
	n.checkClasses(who, class, rows)
	if probes != nil && len(probes) == 0 {
		panic(fmt.Sprintf("nn: %s: probes is empty (nil means the exact divergence)", who))
	}
	for k, p := range probes {
		if p == nil {
			panic(fmt.Sprintf("nn: %s: probes[%d] is nil", who, k))
		}
		if r, c := p.Dims(); r != rows || c != n.cfg.Dim {
			panic(fmt.Sprintf("nn: %s: probes[%d] is %d×%d, want %d×%d", who, k, r, c, rows, n.cfg.Dim))
		}
	}
	return rows
}
