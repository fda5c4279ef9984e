// Covers: run-time panics, recovering index out of range, nil map write, integer divide by zero, nil deref, bad type assertion; printing messages.
package main

import (
	"fmt"
	"runtime"
)

type point struct{ x, y int }

func catch(label string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%-10s runtime.Error=%v msg=%v\n", label, isRuntime, r)
	}()
	f()
}

func main() {
	nums := []int{1, 2, 3}
	idx := 5
	catch("index", func() { _ = nums[idx] })
	catch("slice", func() { _ = nums[2:idx] })

	var m map[string]int
	catch("nil map", func() { m["a"] = 1 })

	zero := 0
	catch("divide", func() { fmt.Println(10 / zero) })

	var p *point
	catch("nil deref", func() { fmt.Println(p.x) })

	var v any = "text"
	catch("assert", func() { _ = v.(int) })

	var arr [4]int
	catch("array", func() { arr[idx%8] = 1 })

	catch("custom", func() { panic(fmt.Errorf("code %d", 7)) })

	ch := make(chan int)
	close(ch)
	catch("closed ch", func() { ch <- 1 })

	fmt.Println("lookup in nil map is fine:", m["x"])
}
