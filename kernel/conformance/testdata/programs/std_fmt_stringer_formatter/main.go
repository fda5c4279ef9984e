// Covers: fmt, Stringer, GoStringer, Formatter (State.Flag/Width/Precision), error method precedence, Stringer on pointer receivers.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Color struct{ R, G, B uint8 }

func (c Color) String() string   { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
func (c Color) GoString() string { return fmt.Sprintf("Color{0x%02x, 0x%02x, 0x%02x}", c.R, c.G, c.B) }

type Money struct {
	Cents    int64
	Currency string
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		s := fmt.Sprintf("%d.%02d %s", m.Cents/100, m.Cents%100, m.Currency)
		if f.Flag('+') {
			s = "+" + s
		}
		if w, ok := f.Width(); ok && len(s) < w {
			pad := strings.Repeat(" ", w-len(s))
			if f.Flag('-') {
				s += pad
			} else {
				s = pad + s
			}
		}
		fmt.Fprint(f, s)
	case 'd':
		fmt.Fprintf(f, "%d", m.Cents)
	default:
		fmt.Fprintf(f, "%%!%c(Money)", verb)
	}
}

type Counter struct{ n int }

func (c *Counter) String() string { return fmt.Sprintf("Counter(%d)", c.n) }

type Oops struct{ Code int }

func (o Oops) Error() string  { return fmt.Sprintf("oops code %d", o.Code) }
func (o Oops) String() string { return "never used" }

func main() {
	temps := []Celsius{21.5, -3.25, 100}
	fmt.Println(temps)
	fmt.Printf("%v %s %.2f\n", temps[0], temps[1], float64(temps[2]))

	c := Color{255, 128, 0}
	fmt.Println(c)
	fmt.Printf("%v | %s | %#v | %+v\n", c, c, c, c)
	fmt.Printf("%#v\n", []Color{{1, 2, 3}})

	m := Money{12345, "EUR"}
	fmt.Printf("[%v] [%+v] [%12v] [%-12s] [%d] [%x]\n", m, m, m, m, m, m)
	fmt.Println(m, []Money{{5, "USD"}, {1000, "GBP"}})

	cnt := Counter{n: 3}
	fmt.Println(&cnt)
	fmt.Printf("%v %+v\n", cnt, &cnt)

	fmt.Println(Oops{7})
	fmt.Printf("%v %s %d\n", Oops{8}, Oops{9}, Oops{10})
	fmt.Printf("%q\n", Celsius(5))
}
