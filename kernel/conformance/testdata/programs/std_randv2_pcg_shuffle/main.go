// Covers: math/rand/v2, rand.New(rand.NewPCG(1, 2)) and ChaCha8 determinism, IntN/Int64N/Float64/ExpFloat64/Perm/Shuffle/Uint64, weighted sampling.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(10), r.IntN(10), r.IntN(1000), r.Int64N(1<<40), r.Uint64())
	fmt.Printf("%.6f %.6f\n", r.Float64(), r.ExpFloat64())
	fmt.Println(r.Perm(6))

	players := []string{"ann", "ben", "cat", "dan", "eve", "fay"}
	r.Shuffle(len(players), func(i, j int) { players[i], players[j] = players[j], players[i] })
	fmt.Println("teams:", players[:3], players[3:])

	weights := map[string]int{"common": 70, "rare": 25, "epic": 5}
	order := []string{"common", "rare", "epic"}
	tally := map[string]int{}
	loot := rand.New(rand.NewPCG(99, 100))
	for i := 0; i < 1000; i++ {
		roll := loot.IntN(100)
		for _, name := range order {
			if roll < weights[name] {
				tally[name]++
				break
			}
			roll -= weights[name]
		}
	}
	for _, name := range order {
		fmt.Printf("%-6s %d\n", name, tally[name])
	}

	var seed [32]byte
	copy(seed[:], "deterministic seed for chacha8!!")
	c := rand.New(rand.NewChaCha8(seed))
	fmt.Println(c.IntN(100), c.IntN(100), c.Uint32())

	p1, p2 := rand.NewPCG(5, 6), rand.NewPCG(5, 6)
	fmt.Println(p1.Uint64() == p2.Uint64())
}
