// Covers: blocks and scopes, shadowing variables in if/for/switch/plain blocks and function literals.
package main

import "fmt"

func main() {
	x := 1
	fmt.Println("outer x:", x)
	{
		x := 2
		x++
		fmt.Println("block x:", x)
		{
			x := "three"
			fmt.Println("inner block x:", x)
		}
		fmt.Println("block x again:", x)
	}
	fmt.Println("outer x again:", x)

	if x := x * 10; x > 5 {
		fmt.Println("if x:", x)
	} else {
		fmt.Println("else x:", x)
	}

	for x := 0; x < 2; x++ {
		x := x + 100
		fmt.Println("for body x:", x)
	}

	switch x := "sw"; x {
	case "sw":
		x := len(x)
		fmt.Println("case x:", x)
	}

	f := func() int {
		x := x + 41
		return x
	}
	fmt.Println("closure result:", f(), "outer:", x)

	err := fmt.Errorf("outer")
	if true {
		err := fmt.Errorf("inner")
		_ = err
	}
	fmt.Println("err is still:", err)

	len := 5
	fmt.Println("shadowed builtin len:", len)
}
