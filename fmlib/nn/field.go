package nn

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Velocity writes u_θ(t, x) for every row of x into out; a class-conditional
// network is evaluated at the null class Φ (the unconditional field).
func (n *Network) Velocity(t float64, x, out *mat.Dense) {
	rows := n.checkBatch("Velocity", x, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.evaluate(rows, nil)
	n.eng.outputTo(rows, out)
}

// VelocityBatch writes u_θ(t[i], x_i) into row i of out (each row at its own time).
func (n *Network) VelocityBatch(t []float64, x, out *mat.Dense) {
	rows := n.checkBatch("VelocityBatch", x, out)
	if len(t) != rows {
		panic(fmt.Sprintf("nn: VelocityBatch: %d times for %d rows", len(t), rows))
	}
	n.eng.load(x, 0, t, nil, n.nullOr())
	n.eng.evaluate(rows, nil)
	n.eng.outputTo(rows, out)
}

// VelocityClass writes u_θ(t, x_i, class[i]) (eq. 38) into row i of out;
// class[i] = NullClass() gives the unconditional field.
func (n *Network) VelocityClass(t float64, x *mat.Dense, class []int, out *mat.Dense) {
	rows := n.checkBatch("VelocityClass", x, out)
	if class == nil {
		panic("nn: VelocityClass: class is nil")
	}
	n.checkClasses("VelocityClass", class, rows)
	n.eng.load(x, t, nil, class, 0)
	n.eng.evaluate(rows, nil)
	n.eng.outputTo(rows, out)
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
	n.eng.load(x, t, nil, class, n.nullOr())
	n.eng.evaluate(rows, div)
	n.eng.outputTo(rows, out)
}

// JVP writes the Jacobian-vector product (∂u_θ(t,x_i)/∂x)·v_i into row i of
// out (forward mode; the unconditional field for a conditional network).
func (n *Network) JVP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("JVP", x, out)
	n.checkBatch("JVP", v, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.forward(rows, true)
	n.eng.jvp(rows, v, out)
}

// VJP writes the vector-Jacobian product v_iᵀ·(∂u_θ(t,x_i)/∂x) into row i
// of out (reverse mode; the unconditional field for a conditional network).
func (n *Network) VJP(t float64, x, v, out *mat.Dense) {
	rows := n.checkBatch("VJP", x, out)
	n.checkBatch("VJP", v, out)
	n.eng.load(x, t, nil, nil, n.nullOr())
	n.eng.forward(rows, true)
	n.eng.vjp(rows, v, out)
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
	rows := f.net.checkBatch("ClassField.Velocity", x, out)
	f.net.eng.load(x, t, nil, nil, f.class[0])
	f.net.eng.evaluate(rows, nil)
	f.net.eng.outputTo(rows, out)
}

// VelocityDivergence writes u_θ(t, x, c) and its exact divergence.
func (f *ClassField) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	rows := f.net.checkBatch("ClassField.VelocityDivergence", x, out)
	if len(div) != rows {
		panic(fmt.Sprintf("nn: ClassField.VelocityDivergence: len(div) = %d for %d rows", len(div), rows))
	}
	f.net.eng.load(x, t, nil, nil, f.class[0])
	f.net.eng.evaluate(rows, div)
	f.net.eng.outputTo(rows, out)
}
