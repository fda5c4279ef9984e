// Covers: slices, Insert/Delete/DeleteFunc/Replace/Compact/CompactFunc/Clone/Reverse/Grow/Clip/Concat/Repeat on a todo list.
package main

import (
	"fmt"
	"slices"
	"strings"
)

func main() {
	todo := []string{"write", "test", "ship"}
	todo = slices.Insert(todo, 1, "review", "refactor")
	fmt.Println(todo, len(todo))
	todo = slices.Delete(todo, 2, 3)
	fmt.Println(todo)
	todo = slices.Replace(todo, 0, 1, "design", "write")
	fmt.Println(todo)
	todo = slices.DeleteFunc(todo, func(s string) bool { return strings.HasPrefix(s, "t") })
	fmt.Println(todo)

	backup := slices.Clone(todo)
	slices.Reverse(todo)
	fmt.Println("reversed:", todo, "backup:", backup)

	readings := []int{1, 1, 2, 2, 2, 3, 1, 1, 4}
	fmt.Println(slices.Compact(slices.Clone(readings)))
	sorted := slices.Clone(readings)
	slices.Sort(sorted)
	fmt.Println("unique:", slices.Compact(sorted))

	tags := []string{"Go", "go", "GO", "rust", "Rust", "zig"}
	fmt.Println(slices.CompactFunc(tags, strings.EqualFold))

	s := make([]int, 2, 2)
	s = slices.Grow(s, 10)
	fmt.Println(len(s), cap(s) >= 12)
	s = slices.Clip(s)
	fmt.Println(len(s), cap(s))

	all := slices.Concat([]int{1, 2}, nil, []int{3}, []int{4, 5})
	fmt.Println(all)
	fmt.Println(slices.Repeat([]string{"ab", "c"}, 3))
	var empty []int
	fmt.Println(slices.Clone(empty) == nil, len(slices.Insert(empty, 0, 9)))
}
