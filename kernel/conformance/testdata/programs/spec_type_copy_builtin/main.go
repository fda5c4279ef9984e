// Covers: the copy built-in, copy count = min(len), overlapping copies, copy from string to []byte, clone patterns.
package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println("copied", n, dst)

	big := make([]int, 8)
	n = copy(big, src)
	fmt.Println("copied", n, big)

	// overlapping: shift right by one
	buf := []int{1, 2, 3, 4, 5}
	copy(buf[1:], buf)
	fmt.Println("shift right:", buf)

	// shift left
	buf = []int{1, 2, 3, 4, 5}
	copy(buf, buf[2:])
	fmt.Println("shift left:", buf)

	b := make([]byte, 5)
	n = copy(b, "héllo")
	fmt.Println("bytes from string:", n, b, string(b))

	clone := append([]int(nil), src...)
	clone[0] = 100
	fmt.Println("src unchanged:", src, "clone:", clone)

	// ring buffer using copy
	ring := make([]string, 0, 4)
	push := func(s string) {
		if len(ring) == cap(ring) {
			copy(ring, ring[1:])
			ring = ring[:len(ring)-1]
		}
		ring = append(ring, s)
	}
	for _, s := range []string{"a", "b", "c", "d", "e", "f"} {
		push(s)
	}
	fmt.Println("ring:", ring)

	var none []int
	fmt.Println("copy into empty:", copy([]int{}, src), "from nil:", copy(dst, none))

	var arr [4]int
	copy(arr[:], src[3:])
	fmt.Println("into array:", arr)
}
