// Covers: for statements with range clause over slices, arrays, maps (sorted output) and strings (runes and byte offsets).
package main

import (
	"fmt"
	"sort"
)

func main() {
	scores := []int{90, 75, 88}
	for i, s := range scores {
		fmt.Printf("scores[%d] = %d\n", i, s)
	}
	sum := 0
	for _, s := range scores {
		sum += s
	}
	fmt.Println("sum:", sum)
	for i := range scores {
		scores[i] += 5
	}
	fmt.Println("curved:", scores)

	// range expression evaluated once; appending in the loop does not extend it
	grow := []int{1, 2}
	for _, v := range grow {
		grow = append(grow, v*10)
	}
	fmt.Println("grow:", grow)

	capitals := map[string]string{"fr": "Paris", "jp": "Tokyo", "br": "Brasilia"}
	var codes []string
	for code := range capitals {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, c := range codes {
		fmt.Println(c, "->", capitals[c])
	}

	// deleting during range is allowed
	for k, v := range capitals {
		if len(v) > 5 {
			delete(capitals, k)
		}
	}
	fmt.Println("short capitals left:", len(capitals), capitals["fr"])

	var parts []string
	for i, r := range "héllo, 世界" {
		parts = append(parts, fmt.Sprintf("%d:%c", i, r))
	}
	fmt.Printf("%q\n", parts)

	var nilSlice []string
	for range nilSlice {
		fmt.Println("never")
	}
	fmt.Println("nil slice range ok")
}
