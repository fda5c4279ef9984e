// Covers: math, Sqrt/Pow/Exp/Log/Log2/Log10/Sin/Cos/Atan2/Hypot/Floor/Ceil/Round/RoundToEven/Trunc/Mod/Abs/Inf/NaN/MaxInt/constants, formatted with %.6f.
package main

import (
	"fmt"
	"math"
)

type vec struct{ x, y float64 }

func main() {
	fmt.Printf("Pi=%.6f E=%.6f Phi=%.6f Sqrt2=%.6f\n", math.Pi, math.E, math.Phi, math.Sqrt2)
	fmt.Printf("sqrt(10)=%.6f cbrt(27)=%.6f pow(2,0.5)=%.6f pow(-8,1/3)=%.6f\n", math.Sqrt(10), math.Cbrt(27), math.Pow(2, 0.5), math.Pow(-8, 1.0/3))
	fmt.Printf("exp(1)=%.6f log(e)=%.6f log2(1024)=%.6f log10(0.001)=%.6f log1p(1e-9)=%.6e\n", math.Exp(1), math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Log1p(1e-9))
	for _, deg := range []float64{0, 30, 45, 90, 180} {
		rad := deg * math.Pi / 180
		fmt.Printf("%3.0f° sin=%.6f cos=%.6f tan=%.6f\n", deg, math.Sin(rad), math.Cos(rad), math.Tan(rad))
	}
	v := vec{3, 4}
	fmt.Printf("len=%.6f angle=%.6f rad asin(1)=%.6f\n", math.Hypot(v.x, v.y), math.Atan2(v.y, v.x), math.Asin(1))

	fmt.Println("x      floor ceil round even trunc")
	for _, x := range []float64{2.5, 3.5, -2.5, -0.4, 7.49999} {
		fmt.Printf("%-6v %5v %4v %5v %4v %5v\n", x, math.Floor(x), math.Ceil(x), math.Round(x), math.RoundToEven(x), math.Trunc(x))
	}
	fmt.Printf("mod=%.6f rem=%.6f abs=%v max=%v min=%v\n", math.Mod(7.5, 2), math.Remainder(7.5, 2), math.Abs(-3.2), math.Max(3, math.NaN()), math.Min(-0.0, 0))

	inf := math.Inf(1)
	nan := math.NaN()
	fmt.Println(inf, -inf, nan, inf-inf, 1/inf, math.IsInf(inf, 1), math.IsNaN(nan), nan == nan)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, math.Signbit(math.Copysign(0, -1)), math.Sqrt(-1))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxInt8)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, float32(math.MaxFloat32))
	frac, exp := math.Frexp(40)
	ip, fp := math.Modf(-3.75)
	fmt.Println(frac, exp, math.Ldexp(frac, exp), ip, fp)
	fmt.Printf("%.6f %.6f %v\n", math.Gamma(5), math.Erf(0.5), math.Float64bits(1.0))
	fmt.Println(math.Nextafter(1, 2)-1 == math.Pow(2, -52), math.FMA(2, 3, 4))
}
