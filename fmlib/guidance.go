package fmlib

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// ClassConditionalField is a prompt-conditioned field u(t, x, p) (eq. 38)
// with a null prompt Φ, such as a class-conditional nn.Network.
type ClassConditionalField interface {
	// VelocityClass writes u(t, x_i, class[i]) into row i of out.
	VelocityClass(t float64, x *mat.Dense, class []int, out *mat.Dense)
	// VelocityDivergenceClass also writes the exact divergence of each row into div.
	VelocityDivergenceClass(t float64, x *mat.Dense, class []int, out *mat.Dense, div []float64)
	// NullClass is the index of Φ.
	NullClass() int
}

// GuidedField is the classifier-free guided field of eq. 40,
// ũ(t, x, p) = (1 − w)·u(t, x, Φ) + w·u(t, x, p), a DivergenceField whose
// divergence is the same combination of the two divergences, so every
// solver and the log-likelihood accept it. w = 1 is the conditional field,
// w = 0 the unconditional one, w > 1 guides beyond the class. It keeps
// buffers between calls and is not safe for concurrent use.
type GuidedField struct {
	model   ClassConditionalField
	scale   float64
	class   int   // the prompt of every row, when rowWise is nil
	rowWise []int // the prompt of each row
	classes []int
	nulls   []int
	uncond  *mat.Dense
	divNull []float64
}

// Guided returns the guided field of eq. 40 for prompt class with scale w.
func Guided(model ClassConditionalField, class int, w float64) (*GuidedField, error) {
	if model == nil {
		return nil, fmt.Errorf("fmlib: Guided: model is nil")
	}
	if null := model.NullClass(); null > 0 && (class < 0 || class > null) {
		return nil, fmt.Errorf("fmlib: Guided: class = %d, want 0…%d (%d is Φ)", class, null, null)
	}
	if err := checkGuidance(model, []int{class}, w); err != nil {
		return nil, err
	}
	return &GuidedField{model: model, scale: w, class: class}, nil
}

// GuidedPerRow is Guided with its own prompt classes[i] for row i; the field
// then only accepts batches of len(classes) rows.
func GuidedPerRow(model ClassConditionalField, classes []int, w float64) (*GuidedField, error) {
	if model == nil {
		return nil, fmt.Errorf("fmlib: GuidedPerRow: model is nil")
	}
	if len(classes) == 0 {
		return nil, fmt.Errorf("fmlib: GuidedPerRow: classes is empty")
	}
	if err := checkGuidance(model, classes, w); err != nil {
		return nil, err
	}
	return &GuidedField{model: model, scale: w, rowWise: append([]int(nil), classes...)}, nil
}

// checkGuidance validates the prompts and the scale.
func checkGuidance(model ClassConditionalField, classes []int, w float64) error {
	null := model.NullClass()
	if null <= 0 {
		return fmt.Errorf("fmlib: guidance needs a class-conditional model (its null class is %d)", null)
	}
	for i, c := range classes {
		if c < 0 || c > null {
			return fmt.Errorf("fmlib: guidance: classes[%d] = %d, want 0…%d (%d is Φ)", i, c, null, null)
		}
	}
	if math.IsNaN(w) || math.IsInf(w, 0) {
		return fmt.Errorf("fmlib: guidance: scale w = %v, want a finite number", w)
	}
	return nil
}

// Scale is the guidance scale w.
func (g *GuidedField) Scale() float64 { return g.scale }

// prepare sizes the buffers for a batch of rows.
func (g *GuidedField) prepare(x *mat.Dense) (rows, cols int) {
	rows, cols = x.Dims()
	if g.rowWise != nil && rows != len(g.rowWise) {
		panic(fmt.Sprintf("fmlib: GuidedField: a batch of %d rows, the field has %d per-row prompts", rows, len(g.rowWise)))
	}
	if len(g.nulls) != rows {
		g.nulls, g.classes = make([]int, rows), make([]int, rows)
		g.divNull = make([]float64, rows)
		for i := range g.nulls {
			g.nulls[i] = g.model.NullClass()
			g.classes[i] = g.class
		}
		if g.rowWise != nil {
			copy(g.classes, g.rowWise)
		}
	}
	if g.uncond == nil || g.uncond.RawMatrix().Rows != rows || g.uncond.RawMatrix().Cols != cols {
		g.uncond = mat.NewDense(rows, cols, nil)
	}
	return rows, cols
}

// Velocity writes ũ(t, x, p) of eq. 40 into out.
func (g *GuidedField) Velocity(t float64, x, out *mat.Dense) {
	g.prepare(x)
	g.model.VelocityClass(t, x, g.nulls, g.uncond)
	g.model.VelocityClass(t, x, g.classes, out)
	g.combine(out)
}

// VelocityDivergence writes ũ(t, x, p) and ∇·ũ = (1 − w)∇·u(Φ) + w∇·u(p).
func (g *GuidedField) VelocityDivergence(t float64, x, out *mat.Dense, div []float64) {
	g.prepare(x)
	g.model.VelocityDivergenceClass(t, x, g.nulls, g.uncond, g.divNull)
	g.model.VelocityDivergenceClass(t, x, g.classes, out, div)
	g.combine(out)
	for i := range div {
		div[i] = (1-g.scale)*g.divNull[i] + g.scale*div[i]
	}
}

// combine overwrites out (holding u(p)) with (1 − w)·u(Φ) + w·u(p).
func (g *GuidedField) combine(out *mat.Dense) {
	od, os, rows, cols := rowsOf(out)
	ud, us, _, _ := rowsOf(g.uncond)
	for i := 0; i < rows; i++ {
		o, u := rowSlice(od, os, i, cols), rowSlice(ud, us, i, cols)
		for j := range o {
			o[j] = (1-g.scale)*u[j] + g.scale*o[j]
		}
	}
}
