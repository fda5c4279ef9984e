// Covers: appending to slices, capacity growth vs aliasing of shared backing arrays, full slice expressions s[a:b:c].
package main

import "fmt"

func main() {
	base := make([]int, 3, 10)
	copy(base, []int{1, 2, 3})

	a := append(base, 4)
	b := append(base, 5) // overwrites a[3]: same backing array
	fmt.Println("a:", a, "b:", b)
	fmt.Println("len/cap base:", len(base), cap(base))

	limited := base[:3:3]
	c := append(limited, 6) // cap exceeded: new array
	d := append(limited, 7)
	fmt.Println("c:", c, "d:", d, "base[:4]:", base[:4])

	s := []int{10, 20, 30, 40, 50}
	mid := s[1:3]
	fmt.Println("mid:", mid, "len", len(mid), "cap", cap(mid))
	mid = append(mid, 99)
	fmt.Println("s after append to mid:", s)
	mid[0] = -1
	fmt.Println("s after write through mid:", s)

	// removing an element in place
	nums := []int{0, 1, 2, 3, 4}
	i := 2
	nums = append(nums[:i], nums[i+1:]...)
	fmt.Println("removed index 2:", nums, "len", len(nums))

	// inserting
	nums = append(nums[:1], append([]int{100}, nums[1:]...)...)
	fmt.Println("inserted 100:", nums)

	// appending a string to a byte slice
	bs := append([]byte("go"), "pher"...)
	fmt.Println(string(bs))

	var nilS []int
	nilS = append(nilS, 1)
	fmt.Println("append to nil:", nilS, len(nilS))

	x := make([]int, 0, 1)
	y := append(x, 1)
	z := append(x, 2)
	fmt.Println("y and z share:", y, z)
}
