// Covers: struct types with embedded fields, promoted fields and methods, shadowing of promoted names, embedded pointers.
package main

import "fmt"

type Address struct {
	City, Zip string
}

func (a Address) Label() string { return a.City + " " + a.Zip }

type Person struct {
	Name string
	Address
}

type Logger struct{ lines []string }

func (l *Logger) Log(s string) { l.lines = append(l.lines, s) }

type Employee struct {
	Person
	*Logger
	ID   int
	City string // shadows Person.Address.City
}

func (e Employee) Label() string { return fmt.Sprintf("#%d %s", e.ID, e.Person.Label()) }

func main() {
	p := Person{Name: "Ann", Address: Address{"Oslo", "0150"}}
	fmt.Println("promoted field:", p.City, "method:", p.Label())

	e := Employee{
		Person: Person{Name: "Bob", Address: Address{City: "Bergen", Zip: "5003"}},
		Logger: &Logger{},
		ID:     7,
		City:   "Remote",
	}
	fmt.Println("e.City:", e.City, "| e.Person.City:", e.Person.City, "| e.Address.City:", e.Address.City)
	fmt.Println("e.Name via two levels:", e.Name, "zip:", e.Zip)
	fmt.Println("outer Label:", e.Label())
	fmt.Println("inner Label:", e.Person.Label(), e.Address.Label())

	e.Log("hired")
	e.Log("promoted")
	copyE := e
	copyE.Log("shared logger")
	fmt.Println("log lines via embedded pointer:", e.lines)

	e.Zip = "9999"
	fmt.Println("updated zip:", p.Zip, e.Zip)

	type labeler interface{ Label() string }
	for _, l := range []labeler{p, e, e.Address} {
		fmt.Println("interface:", l.Label())
	}
}
