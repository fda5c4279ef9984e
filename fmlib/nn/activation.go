package nn

import (
	"fmt"
	"math"
)

// Activation is the elementwise nonlinearity σ between the dense layers.
type Activation int

// The activations, with PyTorch's definitions and constants.
const (
	SiLU Activation = iota // z·sigmoid(z), also called Swish
	ReLU                   // max(0, z)
	Tanh                   // tanh(z)
	ELU                    // z for z > 0, e^z − 1 otherwise (α = 1)
	SELU                   // λ·z for z > 0, λα(e^z − 1) otherwise
	GELU                   // z·Φ(z) with the exact normal CDF Φ
)

// SELU's constants (Klambauer et al. 2017), as in torch.nn.SELU.
const (
	seluLambda = 1.0507009873554804934193349852946
	seluAlpha  = 1.6732632423543772848170429916717
)

// String names the activation.
func (a Activation) String() string {
	switch a {
	case SiLU:
		return "SiLU"
	case ReLU:
		return "ReLU"
	case Tanh:
		return "tanh"
	case ELU:
		return "ELU"
	case SELU:
		return "SELU"
	case GELU:
		return "GELU"
	}
	return fmt.Sprintf("Activation(%d)", int(a))
}

// valid reports whether a is one of the defined activations.
func (a Activation) valid() bool { return a >= SiLU && a <= GELU }

// activate writes σ(z) into h and, when deriv is not nil, σ'(z) into deriv.
func activate[T float](a Activation, z, h, deriv []T) {
	if is32[T]() && activate32(a, as32(z), as32(h), as32(deriv)) {
		return
	}
	switch a {
	case SiLU:
		for i, v := range z {
			s := 1 / (1 + expT(-v))
			h[i] = v * s
			if deriv != nil {
				deriv[i] = s * (1 + v*(1-s))
			}
		}
	case ReLU:
		for i, v := range z {
			var y, d T
			if !(v <= 0) { // NaN passes through
				y, d = v, 1
			}
			h[i] = y
			if deriv != nil {
				deriv[i] = d
			}
		}
	case Tanh:
		for i, v := range z {
			if !is32[T]() {
				y := T(math.Tanh(float64(v)))
				h[i] = y
				if deriv != nil {
					deriv[i] = 1 - y*y
				}
				continue
			}
			// tanh(v) = sign(v)·(1 − 2/(e^{2|v|} + 1)), stable for large |v|.
			av := v
			if av < 0 {
				av = -av
			}
			y := 1 - 2/(expT(2*av)+1)
			if v < 0 {
				y = -y
			}
			h[i] = y
			if deriv != nil {
				deriv[i] = 1 - y*y
			}
		}
	case ELU, SELU:
		scale, alpha := T(1), T(1)
		if a == SELU {
			scale, alpha = seluLambda, seluAlpha
		}
		for i, v := range z {
			if v > 0 {
				h[i] = scale * v
				if deriv != nil {
					deriv[i] = scale
				}
				continue
			}
			e := expT(v)
			h[i] = scale * alpha * (e - 1)
			if deriv != nil {
				deriv[i] = scale * alpha * e
			}
		}
	case GELU:
		for i, v := range z {
			x := float64(v)
			cdf := 0.5 * (1 + math.Erf(x/math.Sqrt2))
			h[i] = T(x * cdf)
			if deriv != nil {
				deriv[i] = T(cdf + x*math.Exp(-0.5*x*x)/math.Sqrt(2*math.Pi))
			}
		}
	default:
		panic(fmt.Sprintf("nn: unknown activation %v", a))
	}
}
