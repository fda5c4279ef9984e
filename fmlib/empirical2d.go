package fmlib

import "math"

// eval2D is Empirical.eval specialised to d = 2 with the data coordinates
// in two flat slices; the formulas are those of Empirical's doc comment.
func (e *Empirical) eval2D(alpha, dAlpha, sigma, dSigma float64, xd []float64, xs int, od []float64, os int, div, logp, md []float64, ms int, lo, hi int) {
	n, _ := e.points.Dims()
	raw := e.points.RawMatrix()
	px, py := make([]float64, n), make([]float64, n)
	for j := 0; j < n; j++ {
		px[j], py[j] = alpha*raw.Data[j*raw.Stride], alpha*raw.Data[j*raw.Stride+1]
	}
	s2 := sigma * sigma
	half := 0.5 / s2
	logNorm := -math.Log(float64(n)) - math.Log(2*math.Pi*s2)
	k := dSigma / sigma              // σ'/σ
	b := dAlpha - dSigma*alpha/sigma // α' − σ'α/σ
	divScale := b * alpha / s2       // multiplies Σ r_j ‖x1_j − m‖²
	l := make([]float64, n)
	for i := lo; i < hi; i++ {
		x, y := xd[i*xs], xd[i*xs+1]
		maxL := math.Inf(-1)
		for j := range l {
			dx, dy := x-px[j], y-py[j]
			v := -half * (dx*dx + dy*dy)
			l[j] = v
			if v > maxL {
				maxL = v
			}
		}
		var z, mx, my float64
		for j, v := range l {
			var w float64
			if diff := v - maxL; diff > -40 { // e^−40 ≈ 4e-18: under rounding
				w = math.Exp(diff)
			}
			l[j] = w
			z += w
			mx += w * raw.Data[j*raw.Stride]
			my += w * raw.Data[j*raw.Stride+1]
		}
		inv := 1 / z
		mx, my = mx*inv, my*inv
		if logp != nil {
			logp[i] = maxL + math.Log(z) + logNorm
		}
		if md != nil {
			md[i*ms], md[i*ms+1] = mx, my
		}
		if od != nil {
			od[i*os] = k*(x-alpha*mx) + dAlpha*mx
			od[i*os+1] = k*(y-alpha*my) + dAlpha*my
		}
		if div != nil {
			var spread float64
			for j, w := range l {
				if w == 0 {
					continue
				}
				ex, ey := raw.Data[j*raw.Stride]-mx, raw.Data[j*raw.Stride+1]-my
				spread += w * (ex*ex + ey*ey)
			}
			div[i] = 2*k + divScale*spread*inv
		}
	}
}
