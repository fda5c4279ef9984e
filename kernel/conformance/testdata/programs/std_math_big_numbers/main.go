// Covers: math/big, Int factorial/power/GCD/ModInverse/ProbablyPrime/SetString, Rat arithmetic and FloatString, Float with precision, Text in other bases.
package main

import (
	"fmt"
	"math/big"
)

func factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func main() {
	f30 := factorial(30)
	fmt.Println("30! =", f30)
	fmt.Println("digits:", len(f30.String()), "bits:", f30.BitLen())
	fmt.Println("2^100 =", new(big.Int).Exp(big.NewInt(2), big.NewInt(100), nil))
	fmt.Println("3^200 mod 1e9+7 =", new(big.Int).Exp(big.NewInt(3), big.NewInt(200), big.NewInt(1_000_000_007)))

	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	b, ok := new(big.Int).SetString("0xff_ff", 0)
	fmt.Println(b, ok)
	_, ok = new(big.Int).SetString("12x", 10)
	fmt.Println("bad parse ok:", ok)
	q, m := new(big.Int).DivMod(a, big.NewInt(97), new(big.Int))
	fmt.Println(q, m)
	fmt.Println(new(big.Int).Neg(a).Text(16), a.Text(36), a.Cmp(f30), a.Sign())
	fmt.Println("gcd:", new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071)))
	fmt.Println("inverse of 3 mod 11:", new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))
	for _, p := range []int64{97, 561, 7919, 1_000_000_007} {
		fmt.Print(p, ":", big.NewInt(p).ProbablyPrime(20), " ")
	}
	fmt.Println()

	sum := new(big.Rat)
	for i := int64(1); i <= 10; i++ {
		sum.Add(sum, big.NewRat(1, i))
	}
	fmt.Println("H(10) =", sum, "≈", sum.FloatString(10))
	r := big.NewRat(6, -4)
	fmt.Println(r, r.Num(), r.Denom(), r.IsInt(), new(big.Rat).Mul(r, big.NewRat(2, 3)))

	x := new(big.Float).SetPrec(200)
	x.SetInt64(2)
	x.Sqrt(x)
	fmt.Println("sqrt(2) =", x.Text('f', 50))
	y := big.NewFloat(0.1)
	fmt.Println(y.Text('g', 20), y.Prec(), y.String())
	fl, acc := new(big.Float).SetInt(f30).Float64()
	fmt.Println(fl, acc)
}
