package render

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TeX translates the LaTeX maths of the course's notes (greek letters,
// sub- and superscripts, fractions, roots, sums and integrals, \mathbb and
// \mathcal, accents, norms and delimiters, operators and spacing) into a
// MathML <math> element that browsers render without scripts or a network.
// display selects block layout ($$…$$). A command it does not know is kept
// as red text rather than dropped; Unknown reports such commands.
func TeX(src string, display bool) string {
	p := &texParser{toks: texTokens(src), display: display}
	body := p.list("")
	var b strings.Builder
	b.WriteString(`<math xmlns="http://www.w3.org/1998/Math/MathML"`)
	if display {
		b.WriteString(` display="block"`)
	}
	b.WriteString(`><semantics><mrow>`)
	b.WriteString(body)
	b.WriteString(`</mrow><annotation encoding="application/x-tex">`)
	b.WriteString(html.EscapeString(src))
	b.WriteString(`</annotation></semantics></math>`)
	return b.String()
}

// Unknown returns the commands of src that TeX cannot translate.
func Unknown(src string) []string {
	p := &texParser{toks: texTokens(src)}
	p.list("")
	return p.unknown
}

type texParser struct {
	toks    []string
	pos     int
	display bool
	unknown []string
}

// texTokens splits maths into commands (\name or \ and one character),
// braces, script marks, numbers and single characters; spaces go.
func texTokens(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			j := i + 1
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			if j == i+1 { // \, \; \{ \| and the like
				_, size := utf8.DecodeRuneInString(s[j:])
				j += size
			}
			toks = append(toks, s[i:j])
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			// One token for a run of spaces: maths skips it, \text keeps it.
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
				i++
			}
			toks = append(toks, " ")
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			toks = append(toks, s[i:i+size])
			i += size
		}
	}
	return toks
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// peek returns the next token that is not a space.
func (p *texParser) peek() string {
	for p.pos < len(p.toks) && p.toks[p.pos] == " " {
		p.pos++
	}
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *texParser) next() string {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	}
	return t
}

// list parses atoms with their scripts until end (a closing token such as
// "}" or `\right`, not consumed) or the end of input.
func (p *texParser) list(end string) string {
	var b strings.Builder
	for p.pos < len(p.toks) {
		t := p.peek()
		if t == end || t == "}" || end == `\right` && t == `\right` {
			break
		}
		b.WriteString(p.scripted())
	}
	return b.String()
}

// scripted parses one atom and any ^ and _ that follow it.
func (p *texParser) scripted() string {
	base, under := p.atom()
	if base == "" {
		return ""
	}
	var sub, sup string
	for {
		switch p.peek() {
		case "_":
			p.next()
			sub = p.argument()
			continue
		case "^":
			p.next()
			sup = p.argument()
			continue
		case "'":
			p.next()
			sup += "<mo>′</mo>"
			continue
		}
		break
	}
	if sub == "" && sup == "" {
		return base
	}
	tags := [3]string{"msub", "msup", "msubsup"}
	if under && p.display {
		tags = [3]string{"munder", "mover", "munderover"}
	}
	switch {
	case sup == "":
		return "<" + tags[0] + ">" + base + wrap(sub) + "</" + tags[0] + ">"
	case sub == "":
		return "<" + tags[1] + ">" + base + wrap(sup) + "</" + tags[1] + ">"
	}
	return "<" + tags[2] + ">" + base + wrap(sub) + wrap(sup) + "</" + tags[2] + ">"
}

// wrap makes one MathML child of a sequence.
func wrap(s string) string { return "<mrow>" + s + "</mrow>" }

// argument parses a command's argument or a script: a group or one token.
func (p *texParser) argument() string {
	if p.peek() == "{" {
		p.next()
		s := p.list("}")
		p.next()
		return s
	}
	// As in TeX, an unbraced argument is one character: \tfrac12 is ½ and
	// x^64 is x⁶4.
	if t := p.peek(); len(t) > 1 && t[0] >= '0' && t[0] <= '9' {
		p.toks[p.pos] = t[1:]
		return "<mn>" + t[:1] + "</mn>"
	}
	s, _ := p.atom()
	return s
}

// rawArgument returns a braced argument's text unparsed (\text, \mathrm).
func (p *texParser) rawArgument() string {
	if p.peek() != "{" {
		return p.next()
	}
	p.next()
	var b strings.Builder
	depth := 0
	for p.pos < len(p.toks) {
		t := p.next()
		if t == "}" && depth == 0 {
			break
		}
		if t == "{" {
			depth++
		} else if t == "}" {
			depth--
		}
		if strings.HasPrefix(t, `\`) && len(t) == 2 && !isLetter(t[1]) {
			t = t[1:] // \{ \_ \$ …
			if t == "," || t == ";" || t == " " {
				t = " "
			}
		}
		if b.Len() > 0 && len(t) > 1 && t[0] == '\\' {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// rawText returns the text of \text's argument with its spaces.
func (p *texParser) rawText() string {
	if p.peek() != "{" {
		return p.next()
	}
	p.next()
	var b strings.Builder
	depth := 0
	for p.pos < len(p.toks) {
		t := p.toks[p.pos]
		p.pos++
		if t == "}" && depth == 0 {
			break
		}
		switch {
		case t == "{":
			depth++
			continue
		case t == "}":
			depth--
			continue
		case t == `\,` || t == `\ ` || t == `\;` || t == "~":
			t = " "
		case len(t) == 2 && t[0] == '\\':
			t = t[1:]
		}
		b.WriteString(t)
	}
	return b.String()
}

var greek = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
	"tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}

// identifiers are symbols that behave as letters.
var identifiers = map[string]string{
	"partial": "∂", "infty": "∞", "top": "⊤", "ell": "ℓ", "emptyset": "∅", "nabla": "∇",
}

// operators are symbols set as <mo>.
var operators = map[string]string{
	"cdot": "⋅", "times": "×", "pm": "±", "mp": "∓", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
	"ne": "≠", "neq": "≠", "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "propto": "∝",
	"to": "→", "rightarrow": "→", "mapsto": "↦", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒",
	"in": "∈", "notin": "∉", "subset": "⊂", "circ": "∘", "odot": "⊙", "otimes": "⊗", "mid": "∣",
	"dots": "…", "ldots": "…", "cdots": "⋯", "colon": ":", "ast": "∗", "star": "⋆",
	"langle": "⟨", "rangle": "⟩", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖",
	"lvert": "|", "rvert": "|", "vert": "|", "{": "{", "}": "}", "lbrace": "{", "rbrace": "}",
	"forall": "∀", "exists": "∃", "cup": "∪", "cap": "∩", "setminus": "∖", "perp": "⊥",
	"#": "#", "%": "%", "&": "&", "$": "$", "_": "_",
}

// largeOps take limits below and above in display maths.
var largeOps = map[string]string{"sum": "∑", "prod": "∏", "int": "∫", "iint": "∬", "oint": "∮"}

// functions are set upright, as \log in LaTeX; those in limitFns take limits.
var functions = map[string]bool{
	"log": true, "ln": true, "exp": true, "det": true, "tanh": true, "sinh": true, "cosh": true,
	"sin": true, "cos": true, "tan": true, "arg": true, "dim": true, "tr": true, "Var": false,
	"lim": true, "sup": true, "inf": true, "max": true, "min": true, "argmax": true, "argmin": true,
}
var limitFns = map[string]bool{"lim": true, "sup": true, "inf": true, "max": true, "min": true}

var spaces = map[string]string{
	`\,`: "0.1667em", `\:`: "0.2222em", `\>`: "0.2222em", `\;`: "0.2778em", `\ `: "0.25em", "~": "0.25em",
	`\quad`: "1em", `\qquad`: "2em", `\enspace`: "0.5em",
}

// accents are set over their argument.
var accents = map[string]string{"hat": "^", "widehat": "^", "tilde": "~", "widetilde": "~", "bar": "¯", "overline": "¯", "dot": "˙", "ddot": "¨", "vec": "→"}

// sizes are \big and friends: the delimiter that follows at a fixed size.
var sizes = map[string]string{
	"big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
	"Big": "1.8em", "Bigl": "1.8em", "Bigr": "1.8em", "Bigm": "1.8em",
	"bigg": "2.4em", "biggl": "2.4em", "biggr": "2.4em", "Bigg": "3em", "Biggl": "3em", "Biggr": "3em",
}

// atom parses one atom. under reports whether its scripts go below and
// above in display maths (sums, limits, \underbrace).
func (p *texParser) atom() (out string, under bool) {
	t := p.next()
	switch {
	case t == "":
		return "", false
	case t == "{":
		s := p.list("}")
		p.next()
		return wrap(s), false
	case t == "}":
		return "", false
	case t[0] >= '0' && t[0] <= '9' || t[0] == '.' && len(t) > 1:
		return "<mn>" + t + "</mn>", false
	case len(t) == 1 && isLetter(t[0]):
		return "<mi>" + t + "</mi>", false
	case t[0] != '\\':
		return p.symbol(t), false
	}
	if w, ok := spaces[t]; ok {
		return `<mspace width="` + w + `"></mspace>`, false
	}
	name := t[1:]
	if name == "!" {
		return `<mspace width="-0.1667em"></mspace>`, false
	}
	if name == "\\" {
		return `<mspace linebreak="newline"></mspace>`, false
	}
	if g, ok := greek[name]; ok {
		if unicode.IsUpper([]rune(g)[0]) {
			return `<mi mathvariant="normal">` + g + "</mi>", false
		}
		return "<mi>" + g + "</mi>", false
	}
	if s, ok := identifiers[name]; ok {
		if name == "nabla" {
			return `<mi mathvariant="normal">` + s + "</mi>", false
		}
		return "<mi>" + s + "</mi>", false
	}
	if s, ok := operators[name]; ok {
		return p.symbol(s), false
	}
	if s, ok := largeOps[name]; ok {
		return `<mo largeop="true" movablelimits="true">` + s + "</mo>", name != "int" && name != "iint" && name != "oint"
	}
	if functions[name] {
		return `<mi>` + name + `</mi>` + applyFn, limitFns[name]
	}
	if size, ok := sizes[name]; ok {
		d := p.next()
		if strings.HasPrefix(d, `\`) {
			if s, ok := operators[d[1:]]; ok {
				d = s
			} else {
				d = d[1:]
			}
		}
		return `<mo fence="true" stretchy="true" symmetric="true" minsize="` + size + `" maxsize="` + size + `">` + html.EscapeString(d) + `</mo>`, false
	}
	if a, ok := accents[name]; ok {
		return `<mover accent="true">` + wrap(p.argument()) + `<mo stretchy="true">` + a + `</mo></mover>`, false
	}
	switch name {
	case "frac", "tfrac", "dfrac", "cfrac":
		num := p.argument()
		den := p.argument()
		f := "<mfrac>" + wrap(num) + wrap(den) + "</mfrac>"
		if name == "tfrac" {
			return `<mstyle displaystyle="false" scriptlevel="0">` + f + "</mstyle>", false
		}
		if name == "dfrac" {
			return `<mstyle displaystyle="true">` + f + "</mstyle>", false
		}
		return f, false
	case "sqrt":
		if p.peek() == "[" {
			p.next()
			var idx strings.Builder
			for p.pos < len(p.toks) && p.peek() != "]" {
				idx.WriteString(p.scripted())
			}
			p.next()
			return "<mroot>" + wrap(p.argument()) + wrap(idx.String()) + "</mroot>", false
		}
		return "<msqrt>" + p.argument() + "</msqrt>", false
	case "mathbb", "mathcal", "mathscr", "mathfrak":
		arg := p.rawArgument()
		var b strings.Builder
		for _, r := range arg {
			b.WriteString(styled(name, r))
		}
		return `<mi>` + b.String() + `</mi>`, false
	case "mathrm", "operatorname", "mathit", "mathbf", "boldsymbol", "bm", "mathsf", "mathtt":
		arg := p.rawArgument()
		switch name {
		case "mathit":
			return `<mi>` + html.EscapeString(arg) + `</mi>`, false
		case "mathbf", "boldsymbol", "bm":
			return `<mi mathvariant="bold" style="font-weight:bold">` + html.EscapeString(arg) + `</mi>`, false
		case "operatorname":
			return `<mi>` + html.EscapeString(arg) + `</mi>` + applyFn, false
		}
		if utf8.RuneCountInString(arg) == 1 {
			return `<mi mathvariant="normal">` + html.EscapeString(arg) + `</mi>`, false
		}
		return `<mi>` + html.EscapeString(arg) + `</mi>`, false
	case "text", "textrm", "textit", "textbf", "mbox":
		return `<mtext>` + html.EscapeString(p.rawText()) + `</mtext>`, false
	case "underbrace", "overbrace":
		arg := p.argument()
		if name == "underbrace" {
			return "<munder>" + wrap(arg) + `<mo stretchy="true">⏟</mo></munder>`, true
		}
		return "<mover>" + wrap(arg) + `<mo stretchy="true">⏞</mo></mover>`, true
	case "left", "right":
		d := p.next()
		if strings.HasPrefix(d, `\`) {
			if s, ok := operators[d[1:]]; ok {
				d = s
			}
		}
		if d == "." {
			d = ""
		}
		mo := `<mo fence="true" stretchy="true">` + html.EscapeString(d) + `</mo>`
		if name == "right" {
			return mo, false
		}
		inner := p.list(`\right`)
		closing := ""
		if p.peek() == `\right` {
			closing, _ = p.atom()
		}
		return "<mrow>" + mo + inner + closing + "</mrow>", false
	case "displaystyle":
		return `<mstyle displaystyle="true">` + p.list("") + `</mstyle>`, false
	case "textstyle":
		return `<mstyle displaystyle="false">` + p.list("") + `</mstyle>`, false
	case "limits", "nolimits":
		return "<mrow></mrow>", false
	}
	p.unknown = append(p.unknown, t)
	return `<mtext mathcolor="red">` + html.EscapeString(t) + `</mtext>`, false
}

// symbol sets a non-letter character: an operator, a fence or a separator.
func (p *texParser) symbol(s string) string {
	switch s {
	case "-":
		s = "−"
	case "*":
		s = "∗"
	}
	switch s {
	case "(", ")", "[", "]", "|", "‖", "⟨", "⟩", "{", "}":
		return `<mo stretchy="false">` + html.EscapeString(s) + "</mo>"
	}
	return "<mo>" + html.EscapeString(s) + "</mo>"
}

// styled returns the letter r in the Unicode alphabet of \mathbb,
// \mathcal, \mathscr or \mathfrak (MathML Core renders only the characters,
// not mathvariant, so the characters are used).
func styled(style string, r rune) string {
	holes := map[string]map[rune]rune{
		"mathbb":   {'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ', 'R': 'ℝ', 'Z': 'ℤ'},
		"mathcal":  {'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ', 'L': 'ℒ', 'M': 'ℳ', 'R': 'ℛ', 'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ'},
		"mathfrak": {'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ'},
	}
	if style == "mathscr" {
		style = "mathcal"
	}
	if h, ok := holes[style][r]; ok {
		return string(h)
	}
	base := map[string]rune{"mathbb": 0x1D538, "mathcal": 0x1D49C, "mathfrak": 0x1D504}[style]
	switch {
	case r >= 'A' && r <= 'Z':
		return string(base + r - 'A')
	case r >= 'a' && r <= 'z':
		return string(base + 26 + r - 'a')
	case style == "mathbb" && r >= '0' && r <= '9':
		return string(0x1D7D8 + r - '0')
	}
	return html.EscapeString(string(r))
}

// applyFn follows a function name such as log: the invisible function
// application, with the thin space after it that LaTeX puts there.
const applyFn = `<mo lspace="0" rspace="0.1667em">&#x2061;</mo>`
