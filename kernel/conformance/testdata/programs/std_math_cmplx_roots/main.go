// Covers: math/cmplx, Abs/Phase/Polar/Rect/Sqrt/Exp/Pow/Conj/Inf/IsNaN, complex builtins real/imag, quadratic roots and roots of unity formatted with %.6f.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func quadratic(a, b, c float64) (complex128, complex128) {
	d := cmplx.Sqrt(complex(b*b-4*a*c, 0))
	return (complex(-b, 0) + d) / complex(2*a, 0), (complex(-b, 0) - d) / complex(2*a, 0)
}

func show(label string, z complex128) {
	fmt.Printf("%-12s %9.6f %+9.6fi  |z|=%.6f arg=%.6f\n", label, real(z), imag(z), cmplx.Abs(z), cmplx.Phase(z))
}

func main() {
	for _, q := range [][3]float64{{1, -3, 2}, {1, 2, 5}, {2, 0, 8}} {
		r1, r2 := quadratic(q[0], q[1], q[2])
		show(fmt.Sprintf("%gx²%+gx%+g", q[0], q[1], q[2]), r1)
		show("", r2)
	}

	n := 6
	sum := complex(0, 0)
	for k := 0; k < n; k++ {
		w := cmplx.Rect(1, 2*math.Pi*float64(k)/float64(n))
		sum += w
		fmt.Printf("w%d = %.6f%+.6fi\n", k, real(w), imag(w))
	}
	fmt.Printf("sum of roots |.| < 1e-12: %v\n", cmplx.Abs(sum) < 1e-12)

	euler := cmplx.Exp(complex(0, math.Pi)) + 1
	fmt.Printf("e^(iπ)+1 = %.6f%+.6fi\n", real(euler), imag(euler))
	z := complex(3, 4)
	r, theta := cmplx.Polar(z)
	fmt.Printf("polar: r=%.6f θ=%.6f conj=%v\n", r, theta, cmplx.Conj(z))
	p := cmplx.Pow(z, 2)
	fmt.Printf("z^2=%.6f z*z=%v sqrt(-4)=%v\n", p, z*z, cmplx.Sqrt(-4))
	l := cmplx.Log(complex(-1, 0))
	fmt.Printf("log(-1)=%.6f%+.6fi\n", real(l), imag(l))
	fmt.Println(cmplx.Inf(), cmplx.IsInf(cmplx.Inf()), cmplx.IsNaN(cmplx.NaN()), complex64(z))
}
