package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Velocity writes u_θ(t, x) for every row of x into out; a class-conditional
// network is evaluated at the null class Φ (the unconditional field).
func (n *Network) Velocity(t float64, x, out *mat.Dense) {
	n.checkBatch("Velocity", x, out)
	n.infer(x, t, nil, nil, n.nullOr(), out, nil)
}

// VelocityBatch writes u_θ(t[i], x_i) into row i of out (each row at its own time).
func (n *Network) VelocityBatch(t []float64, x, out *mat.Dense) {
	rows := n.checkBatch("VelocityBatch", x, out)
	if len(t) != rows {
		panic(fmt.Sprintf("nn: VelocityBatch: %d times for %d rows", len(t), rows))
	}
	n.infer(x, 0, t, nil, n.nullOr(), out, nil)
}

// VelocityClass writes u_θ(t, x_i, class[i]) (eq. 38) into row i of out;
// class[i] = NullClass() gives the unconditional field.
func (n *Network) VelocityClass(t float64, x *mat.Dense, class []int, out *mat.Dense) {
	rows := n.checkBatch("VelocityClass", x, out)
	if class == nil {
		panic("nn: VelocityClass: class is nil")
	}
	n.checkClasses("VelocityClass", class, rows)
	n.infer(x, t, nil, class, 0, out, nil)
}

// VelocityDivergence writes u_θ(t, x) into out and the exact divergence
// ∇·u_θ (the trace of ∂u/∂x, eq. 13–14) of every row into div, by pushing
// the Dim unit tangents through the network in one extra batched pass.
func (n *Network) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	n.velocityDivergence("VelocityDivergence", t, x, nil, out, div)
}

// VelocityDivergenceClass is VelocityDivergence at class[i] for row i.
func (n *Network) VelocityDivergenceClass(t float64, x *mat.Dense, class []int, out *mat.Dense, div []float64) {
	if class == nil {
		panic("nn: VelocityDivergenceClass: class is nil")
	}
	n.velocityDivergence("VelocityDivergenceClass", t, x, class, out, div)
}

func (n *Network) velocityDivergence(who string, t float64, x *mat.Dense, class []int, out *mat.Dense, div []float64) {
	rows := n.checkBatch(who, x, out)
	if len(div) != rows {
		panic(fmt.Sprintf("nn: %s: len(div) = %d for %d rows", who, len(div), rows))
	}
	n.checkClasses(who, class, rows)
	n.infer(x, t, nil, class, n.nullOr(), out, div)
}

// infer writes u_θ and, unless div is nil, its exact divergence for the
// rows of x into out and div, at time t (or ts[i] for row i when ts is not
// nil) and class class[i] (or classAll when class is nil). The rows go
// through the engine in blocks of blockRows, so its buffers do not grow
// with the batch.
func (n *Network) infer(x *mat.Dense, t float64, ts []float64, class []int, classAll int, out *mat.Dense, div []float64) {
	rows, _ := x.Dims()
	k := 0
	if div != nil {
		k = n.cfg.Dim
	}
	b := n.eng.blockRows(k, true)
	for lo := 0; lo < rows; lo += b {
		hi := min(lo+b, rows)
		r := n.eng.load(rowBlock(x, lo, hi), t, part(ts, lo, hi), part(class, lo, hi), classAll)
		n.eng.evaluate(r, part(div, lo, hi))
		n.eng.outputTo(r, rowBlock(out, lo, hi))
	}
}

// rowBlock is the rows [lo, hi) of m (m itself when that is all of it).
func rowBlock(m *mat.Dense, lo, hi int) *mat.Dense {
	if r, c := m.Dims(); lo > 0 || hi < r {
		return m.Slice(lo, hi, 0, c).(*mat.Dense)
	}
	return m
}

// part is s[lo:hi], or nil for a nil s.
func part[S ~[]E, E any](s S, lo, hi int) S {
	if s == nil {
		return nil
	}
	return s[lo:hi]
}

// JVP writes the Jacobian-vector product (∂u_θ(t,x_i)/∂x)·v_i into row i of
// out (forward mode; the unconditional field for a conditional network).
func (n *Network) JVP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("JVP", x, out)
	n.checkBatch("JVP", v, out)
	b := n.eng.blockRows(1, false)
	for lo := 0; lo < rows; lo += b {
		hi := min(lo+b, rows)
		r := n.eng.load(rowBlock(x, lo, hi), t, nil, nil, n.nullOr())
		n.eng.forward(r, true)
		n.eng.jvp(r, rowBlock(v, lo, hi), rowBlock(out, lo, hi))
	}
}

// VJP writes the vector-Jacobian product v_iᵀ·(∂u_θ(t,x_i)/∂x) into row i
// of out (reverse mode; the unconditional field for a conditional network).
func (n *Network) VJP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("VJP", x, out)
	n.checkBatch("VJP", v, out)
	b := n.eng.blockRows(1, false)
	for lo := 0; lo < rows; lo += b {
		hi := min(lo+b, rows)
		r := n.eng.load(rowBlock(x, lo, hi), t, nil, nil, n.nullOr())
		n.eng.forward(r, true)
		n.eng.vjp(r, rowBlock(v, lo, hi), rowBlock(out, lo, hi))
	}
}

// ClassField is the field of a class-conditional network at one fixed class
// (or Φ): a Field and DivergenceField for solvers and the log-likelihood.
type ClassField struct {
	net   *Network
	class []int
}

// ForClass returns the field u_θ(t, x, c) for the fixed class c (NullClass()
// for the unconditional field Φ).
func (n *Network) ForClass(c int) *ClassField {
	if n.cfg.Classes == 0 || c < 0 || c > n.cfg.Classes {
		panic(fmt.Sprintf("nn: ForClass(%d): want a class in 0…%d of a class-conditional network", c, n.cfg.Classes))
	}
	return &ClassField{net: n, class: []int{c}}
}

// Class is the fixed class.
func (f *ClassField) Class() int { return f.class[0] }

// Velocity writes u_θ(t, x, c) into out.
func (f *ClassField) Velocity(t float64, x, out *mat.Dense) {
	f.net.checkBatch("ClassField.Velocity", x, out)
	f.net.infer(x, t, nil, nil, f.class[0], out, nil)
}

// VelocityDivergence writes u_θ(t, x, c) and its exact divergence.
func (f *ClassField) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	rows := f.net.checkBatch("ClassField.VelocityDivergence", x, out)
	if len(div) != rows {
		panic(fmt.Sprintf("nn: ClassField.VelocityDivergence: len(div) = %d for %d rows", len(div), rows))
	}
	f.net.infer(x, t, nil, nil, f.class[0], out, div)
}
