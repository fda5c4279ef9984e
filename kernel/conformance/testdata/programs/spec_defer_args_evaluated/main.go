// Covers: defer statements, arguments and receiver evaluated at defer time versus closure reading variables at run time.
package main

import "fmt"

type meter struct{ reading int }

func (m meter) Report(tag string) { fmt.Println(tag, "value receiver saw", m.reading) }
func (m *meter) ReportPtr(tag string) {
	fmt.Println(tag, "pointer receiver saw", m.reading)
}

func run() {
	x := 1
	defer fmt.Println("deferred arg x =", x)
	defer func() { fmt.Println("closure sees x =", x) }()
	defer func(v int) { fmt.Println("param copy v =", v) }(x * 100)
	x = 2

	m := meter{reading: 10}
	defer m.Report("A:")
	defer m.ReportPtr("B:")
	m.reading = 99

	s := []int{1, 2, 3}
	defer fmt.Println("deferred slice shares array:", s)
	s[0] = 42

	fn := func() { fmt.Println("original fn") }
	defer fn()
	fn = func() { fmt.Println("replaced fn") }
	fn()
}

func main() {
	run()
	fmt.Println("run returned")

	total := 0
	func() {
		for i := 1; i <= 3; i++ {
			defer func(n int) { total += n * 10 }(i)
		}
		fmt.Println("total inside:", total)
	}()
	fmt.Println("total after defers:", total)
}
