// Covers: math/rand, rand.New(rand.NewSource(N)) determinism, Intn/Float64/Perm/Shuffle/Int63, dice simulation and reproducibility with the same seed.
package main

import (
	"fmt"
	"math/rand"
	"strings"
)

func rollDice(r *rand.Rand, n int) [7]int {
	var counts [7]int
	for i := 0; i < n; i++ {
		counts[1+r.Intn(6)]++
	}
	return counts
}

func main() {
	r := rand.New(rand.NewSource(42))
	counts := rollDice(r, 600)
	for face := 1; face <= 6; face++ {
		fmt.Printf("%d: %-4d %s\n", face, counts[face], strings.Repeat("#", counts[face]/10))
	}

	r1 := rand.New(rand.NewSource(7))
	r2 := rand.New(rand.NewSource(7))
	same := true
	for i := 0; i < 100; i++ {
		if r1.Int63() != r2.Int63() {
			same = false
		}
	}
	fmt.Println("same seed same stream:", same)

	r3 := rand.New(rand.NewSource(2024))
	fmt.Println(r3.Intn(100), r3.Intn(100), r3.Int31n(10), r3.Uint32())
	fmt.Printf("%.6f %.6f\n", r3.Float64(), r3.NormFloat64())
	fmt.Println(r3.Perm(8))
	deck := strings.Fields("A 2 3 4 5 6 7 8 9 10 J Q K")
	r3.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)

	inside := 0
	mc := rand.New(rand.NewSource(1))
	const trials = 20000
	for i := 0; i < trials; i++ {
		x, y := mc.Float64(), mc.Float64()
		if x*x+y*y <= 1 {
			inside++
		}
	}
	fmt.Printf("pi estimate: %.4f (inside=%d)\n", 4*float64(inside)/trials, inside)
}
