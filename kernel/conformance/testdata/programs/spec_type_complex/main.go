// Covers: complex types, complex literals, complex/real/imag built-ins, arithmetic, equality and formatting of complex64/128.
package main

import (
	"fmt"
	"math"
	"math/cmplx"
)

func main() {
	z := 3 + 4i
	fmt.Println("z:", z, "real:", real(z), "imag:", imag(z))
	fmt.Printf("%T %v %.2f\n", z, z, z)

	w := complex(1, -2)
	fmt.Println("sum:", z+w, "diff:", z-w, "prod:", z*w, "quot:", z/w)
	fmt.Println("i*i:", 1i*1i, "conj:", cmplx.Conj(z), "abs:", cmplx.Abs(z))

	var c64 complex64 = complex(float32(1.5), 2)
	fmt.Printf("%T %v\n", c64, c64)
	fmt.Printf("%T %v\n", real(c64), real(c64))

	// rotate the point (1,0) by 90 degrees four times
	p := complex(1, 0)
	for i := range 4 {
		p *= 1i
		fmt.Println("rotation", i+1, p)
	}

	roots := make([]complex128, 4)
	for k := range roots {
		roots[k] = cmplx.Rect(1, 2*math.Pi*float64(k)/4)
	}
	for _, r := range roots {
		fmt.Printf("root %.3f\n", r)
	}

	fmt.Println("equality:", complex(1, 2) == 1+2i, z == w)
	fmt.Println("sqrt(-1):", cmplx.Sqrt(-1))
	fmt.Printf("%+.1f %8.2f|\n", z, w)
}
