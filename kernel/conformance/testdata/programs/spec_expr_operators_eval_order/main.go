// Covers: operators and precedence, short-circuit && and ||, integer division/remainder signs, shifts, and left-to-right call evaluation order.
package main

import "fmt"

var calls []string

func val(name string, v int) int {
	calls = append(calls, name)
	return v
}

func check(name string, b bool) bool {
	calls = append(calls, name)
	return b
}

func main() {
	fmt.Println("precedence:", 2+3*4, (2+3)*4, 10-4-3, 2*3%4, 1<<2+1, 6&3|8, 5^1&3)
	fmt.Println("unary:", -7/2, -7%2, 7/-2, 7%-2, ^5, -(-3), !true)
	fmt.Println("comparison chain:", 1 < 2 == true, 3 >= 3 && 2 != 2 || true)

	calls = nil
	r := val("a", 1) + val("b", 2)*val("c", 3)
	fmt.Println("value:", r, "call order:", calls)

	calls = nil
	ok := check("first", false) && check("second", true)
	fmt.Println("&& result:", ok, "evaluated:", calls)

	calls = nil
	ok = check("first", true) || check("second", true)
	fmt.Println("|| result:", ok, "evaluated:", calls)

	calls = nil
	s := []int{val("x", 1), val("y", 2), val("z", 3)}
	m := map[string]int{"k1": val("m1", 1), "k2": val("m2", 2)}
	fmt.Println(s, len(m), "order:", calls)

	calls = nil
	arr := []int{0, 0, 0}
	arr[val("index", 1)] = val("rhs", 5)
	fmt.Println(arr, "order:", calls)

	var p *int
	if p != nil && *p > 0 {
		fmt.Println("unreachable")
	} else {
		fmt.Println("nil guard short-circuits safely")
	}

	x := 0b1100
	fmt.Printf("and %04b or %04b xor %04b andnot %04b\n", x&0b1010, x|0b1010, x^0b1010, x&^0b1010)
	var u uint8 = 0x0F
	fmt.Println("shifts:", u<<4, u>>2, int8(-16)>>2, 1<<u)
	str := "ab" + "cd"
	fmt.Println("string ops:", str+"!", str < "abd", str[1:3])
}
