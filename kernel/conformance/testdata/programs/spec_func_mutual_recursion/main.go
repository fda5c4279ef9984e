// Covers: function declarations, mutual recursion between package-level functions (even/odd, recursive-descent parser).
package main

import "fmt"

func isEven(n int) bool {
	if n == 0 {
		return true
	}
	return isOdd(n - 1)
}

func isOdd(n int) bool {
	if n == 0 {
		return false
	}
	return isEven(n - 1)
}

// grammar: expr = term {('+'|'-') term}; term = factor {'*' factor}; factor = digit | '(' expr ')'
type parser struct {
	src string
	pos int
}

func (p *parser) peek() byte {
	if p.pos < len(p.src) {
		return p.src[p.pos]
	}
	return 0
}

func (p *parser) expr() int {
	v := p.term()
	for p.peek() == '+' || p.peek() == '-' {
		op := p.peek()
		p.pos++
		if op == '+' {
			v += p.term()
		} else {
			v -= p.term()
		}
	}
	return v
}

func (p *parser) term() int {
	v := p.factor()
	for p.peek() == '*' {
		p.pos++
		v *= p.factor()
	}
	return v
}

func (p *parser) factor() int {
	if p.peek() == '(' {
		p.pos++
		v := p.expr()
		p.pos++ // skip ')'
		return v
	}
	d := int(p.peek() - '0')
	p.pos++
	return d
}

func main() {
	for _, n := range []int{0, 7, 10, 13} {
		fmt.Printf("%d even=%v odd=%v\n", n, isEven(n), isOdd(n))
	}
	for _, src := range []string{"1+2*3", "(1+2)*3", "2*(3+4)*5-6", "9-(2-(1+1))"} {
		p := &parser{src: src}
		fmt.Println(src, "=", p.expr())
	}
}
