// Covers: floating-point types, IEEE 754 behaviour (NaN, Inf, -0, precision), default %v formatting and %e/%f/%g verbs.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println("constant:", 0.1+0.2, 0.1+0.2 == 0.3)
	a, b := 0.1, 0.2
	fmt.Println("runtime:", a+b, a+b == 0.3)
	fmt.Println(1.0, 2.5, 1e6, 1e21, 1e-7, 123456789.0)
	fmt.Println(float32(0.1), float32(1)/3, 1.0/3)

	zero := 0.0
	posInf := 1 / zero
	negInf := -1 / zero
	nan := zero / zero
	fmt.Println(posInf, negInf, nan)
	fmt.Println("NaN == NaN:", nan == nan, "NaN != NaN:", nan != nan, "Inf > MaxFloat64:", posInf > math.MaxFloat64)

	negZero := math.Copysign(0, -1)
	fmt.Println("negative zero:", negZero, negZero == 0, 1/negZero)

	v := 1234.5678
	fmt.Printf("%f|%.2f|%8.1f|%-8.1f|%e|%E|%g\n", v, v, v, v, v, v, v)
	fmt.Printf("%g %g %g %G\n", 100000.0, 1e21, 1e-5, 1e-7)
	fmt.Printf("%.3g %.10g %v\n", math.Pi, math.Pi, math.Pi)
	fmt.Printf("%6.2f%%\n", 12.3456)

	sum := float32(0)
	for range 10 {
		sum += 0.1
	}
	fmt.Println("float32 sum of ten 0.1:", sum)

	sum64 := 0.0
	for range 10 {
		sum64 += 0.1
	}
	fmt.Println("float64 sum of ten 0.1:", sum64)

	fmt.Println("floor/ceil/trunc/round of -2.5:", math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5))
	fmt.Println("big float:", math.MaxFloat64, "smallest:", math.SmallestNonzeroFloat64)
	p := float64(1 << 53)
	fmt.Println("2^53+1 rounds back:", p+1 == p, p+2 == p)
}
