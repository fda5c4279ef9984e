// Covers: goto statements, backward and forward jumps to labels inside main, building a retry loop and an error exit.
package main

import "fmt"

func main() {
	attempts := 0
	budget := []int{0, 0, 3, 5}

retry:
	got := budget[attempts]
	attempts++
	if got == 0 && attempts < len(budget) {
		fmt.Println("attempt", attempts, "failed")
		goto retry
	}
	fmt.Println("succeeded on attempt", attempts, "with", got)

	i := 0
loop:
	if i < 4 {
		fmt.Println("manual loop i =", i)
		i++
		goto loop
	}

	data := []int{3, 8, -2, 5}
	sum := 0
	for _, v := range data {
		if v < 0 {
			goto bad
		}
		sum += v
	}
	fmt.Println("sum:", sum)
	goto end

bad:
	fmt.Println("negative value found, partial sum", sum)

end:
	fmt.Println("done")
}
