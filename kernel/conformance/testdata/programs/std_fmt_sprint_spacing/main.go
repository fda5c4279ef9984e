// Covers: fmt, Sprint/Sprintln/Print spacing rules between string and non-string operands, Fprint/Fprintln to os.Stdout.
package main

import (
	"fmt"
	"os"
)

type point struct{ X, Y int }

func main() {
	s1 := fmt.Sprint("a", "b", 1, 2, "c", 3.5, "d")
	fmt.Println(s1)
	s2 := fmt.Sprint(1, 2, 3)
	fmt.Println(s2)
	s3 := fmt.Sprint("x", 1, "y")
	fmt.Println(s3)
	s4 := fmt.Sprintln("x", 1, "y")
	fmt.Print(s4)
	fmt.Println(len(s4))
	fmt.Print("no", "space", "\n")
	fmt.Print(10, 20, "\n")
	fmt.Print(point{1, 2}, point{3, 4}, "\n")
	fmt.Println(point{1, 2}, point{3, 4})
	fmt.Println(true, false, nil, 'a', "end")

	n, err := fmt.Fprint(os.Stdout, "count:", 5, 6, "\n")
	fmt.Println("wrote", n, "bytes, err =", err)
	n, err = fmt.Fprintln(os.Stdout, "line", 7, []int{8, 9})
	fmt.Println("wrote", n, "bytes, err =", err)
	n, _ = fmt.Fprintf(os.Stdout, "%s=%d\n", "k", 10)
	fmt.Println("wrote", n)

	parts := []any{"total", 3, "items", 4.5}
	fmt.Println(parts...)
	fmt.Print(parts...)
	fmt.Println()
	fmt.Println(fmt.Sprint(), fmt.Sprint(""), fmt.Sprint(nil))
	var err2 error
	fmt.Println(fmt.Sprint(err2), fmt.Sprintf("%v", err2))
}
