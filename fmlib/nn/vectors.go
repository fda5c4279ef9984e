package nn

// vector names one of the flat per-parameter arrays of an engine.
type vector int

const (
	vecParams  vector = iota // the weights θ
	vecGrads                 // ∂loss/∂θ of the last batch
	vecMoment1               // Adam's first moment, SGD's momentum buffer
	vecMoment2               // Adam's second moment
	vecEMA                   // the moving average θ̄
)

// numParams is the number of parameters.
func (e *engine[T]) numParams() int { return len(e.params) }

// slot returns the storage of a vector (nil when not kept).
func (e *engine[T]) slot(which vector) *[]T {
	switch which {
	case vecParams:
		return &e.params
	case vecGrads:
		return &e.grads
	case vecMoment1:
		return &e.m
	case vecMoment2:
		return &e.v
	case vecEMA:
		return &e.ema
	}
	panic("nn: unknown vector")
}

// hasVector reports whether the vector is kept.
func (e *engine[T]) hasVector(which vector) bool { return *e.slot(which) != nil }

// getVector returns a float64 copy of a vector (nil when not kept); the
// conversion from float32 is exact.
func (e *engine[T]) getVector(which vector) []float64 {
	s := *e.slot(which)
	if s == nil {
		return nil
	}
	out := make([]float64, len(s))
	for i, v := range s {
		out[i] = float64(v)
	}
	return out
}

// setVector overwrites (creating if needed) a vector from float64 values.
// params and grads keep their storage, which the layer views point into.
func (e *engine[T]) setVector(which vector, src []float64) {
	p := e.slot(which)
	if len(*p) != len(src) {
		*p = make([]T, len(src))
	}
	for i, v := range src {
		(*p)[i] = T(v)
	}
}

// dropVector forgets an optional vector (moments, EMA).
func (e *engine[T]) dropVector(which vector) {
	if which == vecParams || which == vecGrads {
		panic("nn: the parameters and gradients cannot be dropped")
	}
	*e.slot(which) = nil
}

// keepGood copies the weights and the moving average, so that restoreGood
// can undo the update that follows.
func (e *engine[T]) keepGood() {
	e.good = append(e.good[:0], e.params...)
	e.goodEMA = append(e.goodEMA[:0], e.ema...)
}

// restoreGood puts back the weights and moving average of keepGood (an
// average that the undone update started is dropped).
func (e *engine[T]) restoreGood() {
	copy(e.params, e.good)
	if len(e.goodEMA) == len(e.ema) {
		copy(e.ema, e.goodEMA)
	} else {
		e.ema = nil
	}
}
