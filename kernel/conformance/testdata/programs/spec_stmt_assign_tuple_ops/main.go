// Covers: assignment statements, tuple assignment (swap, fib), op-assignments, inc/dec, assignment order with index expressions.
package main

import "fmt"

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println("swapped:", a, b)

	x, y := 0, 1
	for range 10 {
		x, y = y, x+y
	}
	fmt.Println("fib(10):", x)

	n := 100
	n += 5
	n -= 3
	n *= 2
	n /= 4
	n %= 7
	fmt.Println("n:", n)

	bits := 0b1010
	bits |= 0b0101
	bits &= 0b1100
	bits ^= 0b0001
	bits <<= 2
	bits >>= 1
	bits &^= 0b0010
	fmt.Printf("bits: %b\n", bits)

	i := 0
	s := []int{10, 20, 30}
	i, s[i] = 1, 99 // index evaluated before assignment
	fmt.Println("i and s:", i, s)

	arr := [3]int{1, 2, 3}
	arr[0], arr[2] = arr[2], arr[0]
	fmt.Println("arr:", arr)

	m := map[string]int{}
	m["hits"]++
	m["hits"]++
	m["miss"]--
	fmt.Println("hits/miss:", m["hits"], m["miss"])

	var f float64 = 1.5
	f *= 4
	f++
	fmt.Println("f:", f)

	str := "go"
	str += "pher"
	fmt.Println("str:", str)
}
