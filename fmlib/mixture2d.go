package fmlib

import "math"

// eval2D is MixtureMarginal.eval specialised to d = 2 (the notebooks'
// case): the same formulas with the 2×2 products unrolled and the
// component terms kept in small fixed arrays, about twice as fast.
func (m *MixtureMarginal) eval2D(st *mixtureAtTime, xd []float64, xs int, od []float64, os int, div, logp []float64, md []float64, ms int, lo, hi int) {
	nk := m.mix.Components()
	means := m.mix.means.RawMatrix()
	a := st.alpha
	ssd := st.sigmaDSigma
	type comp struct {
		mx, my, p00, p01, p11, c00, c01, c10, c11, logNorm, trP, trCP float64
	}
	comps := make([]comp, nk)
	for k := range comps {
		p, cp := st.prec[k], st.covPrec[k]
		comps[k] = comp{
			mx: means.Data[k*means.Stride], my: means.Data[k*means.Stride+1],
			p00: p[0], p01: p[1], p11: p[3], c00: cp[0], c01: cp[1], c10: cp[2], c11: cp[3],
			logNorm: st.logNorm[k], trP: st.trPrec[k], trCP: st.trCP[k],
		}
	}
	l := make([]float64, nk)
	gx, gy := make([]float64, nk), make([]float64, nk)
	ux, uy := make([]float64, nk), make([]float64, nk)
	for i := lo; i < hi; i++ {
		x, y := xd[i*xs], xd[i*xs+1]
		maxL := math.Inf(-1)
		for k := range comps {
			c := &comps[k]
			dx, dy := x-a*c.mx, y-a*c.my
			px, py := c.p00*dx+c.p01*dy, c.p01*dx+c.p11*dy
			gx[k], gy[k] = -px, -py
			ux[k], uy[k] = c.mx+c.c00*dx+c.c01*dy, c.my+c.c10*dx+c.c11*dy
			lk := c.logNorm - 0.5*(dx*px+dy*py)
			l[k] = lk
			if lk > maxL {
				maxL = lk
			}
		}
		var z, gbx, gby, mbx, mby float64
		for k := range l {
			// Terms below e^−40 ≈ 4e-18 of the largest are under rounding.
			var e float64
			if diff := l[k] - maxL; diff > -40 {
				e = math.Exp(diff)
			}
			l[k] = e
			z += e
			gbx += e * gx[k]
			gby += e * gy[k]
			mbx += e * ux[k]
			mby += e * uy[k]
		}
		inv := 1 / z
		gbx, gby, mbx, mby = gbx*inv, gby*inv, mbx*inv, mby*inv
		if logp != nil {
			logp[i] = maxL + math.Log(z)
		}
		if od != nil {
			od[i*os] = -ssd*gbx + st.dAlpha*mbx
			od[i*os+1] = -ssd*gby + st.dAlpha*mby
		}
		if md != nil {
			md[i*ms], md[i*ms+1] = mbx, mby
		}
		if div != nil {
			var divG, divM float64
			for k := range l {
				r := l[k] * inv
				ex, ey := gx[k]-gbx, gy[k]-gby
				divG += r * (-comps[k].trP + ex*ex + ey*ey)
				divM += r * (comps[k].trCP + (ux[k]-mbx)*ex + (uy[k]-mby)*ey)
			}
			div[i] = -ssd*divG + st.dAlpha*divM
		}
	}
}
