package render

import (
	"html"
	"strings"
)

var goKeywords = map[string]bool{
	"break": true, "case": true, "chan": true, "const": true, "continue": true, "default": true,
	"defer": true, "else": true, "fallthrough": true, "for": true, "func": true, "go": true,
	"goto": true, "if": true, "import": true, "interface": true, "map": true, "package": true,
	"range": true, "return": true, "select": true, "struct": true, "switch": true, "type": true, "var": true,
}

// goBuiltins are the predeclared types, constants and functions.
var goBuiltins = map[string]bool{
	"bool": true, "byte": true, "complex64": true, "complex128": true, "error": true, "float32": true,
	"float64": true, "int": true, "int8": true, "int16": true, "int32": true, "int64": true, "rune": true,
	"string": true, "uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "any": true, "comparable": true, "true": true, "false": true, "iota": true, "nil": true,
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true, "delete": true,
	"imag": true, "len": true, "make": true, "max": true, "min": true, "new": true, "panic": true,
	"print": true, "println": true, "real": true, "recover": true,
}

// HighlightGo returns Go source as HTML with its tokens in spans: class kw
// (keywords), bi (predeclared names), str (strings and runes), com
// (comments), num (numbers) and mag (a cell's %magic lines). Everything is
// escaped; unterminated strings and comments run to the end of the line or
// the source, as an editor shows them.
func HighlightGo(src string) string {
	var b strings.Builder
	span := func(class, text string) {
		b.WriteString(`<span class="` + class + `">`)
		b.WriteString(html.EscapeString(text))
		b.WriteString(`</span>`)
	}
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case lineStart && c == '%':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			span("mag", src[i:i+j])
			i += j
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			span("com", src[i:i+j])
			i += j
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			end := len(src)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			span("com", src[i:end])
			i = end
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' && j+1 < len(src) {
					j++
				}
				j++
			}
			if j < len(src) && src[j] == c {
				j++
			}
			span("str", src[i:j])
			i = j
		case c == '`':
			j := strings.IndexByte(src[i+1:], '`')
			end := len(src)
			if j >= 0 {
				end = i + 1 + j + 1
			}
			span("str", src[i:end])
			i = end
		case isDigit(c) || c == '.' && i+1 < len(src) && isDigit(src[i+1]):
			j := i
			for j < len(src) {
				d := src[j]
				if isDigit(d) || isLetter(d) || d == '_' || d == '.' {
					j++
				} else if (d == '+' || d == '-') && (src[j-1] == 'e' || src[j-1] == 'E' || src[j-1] == 'p' || src[j-1] == 'P') && !strings.HasPrefix(src[i:], "0x") && !strings.HasPrefix(src[i:], "0X") {
					j++
				} else {
					break
				}
			}
			span("num", src[i:j])
			i = j
		case isLetter(c) || c == '_' || c >= 0x80:
			j := i
			for j < len(src) && (isLetter(src[j]) || isDigit(src[j]) || src[j] == '_' || src[j] >= 0x80) {
				j++
			}
			word := src[i:j]
			switch {
			case goKeywords[word]:
				span("kw", word)
			case goBuiltins[word] && !(i > 0 && src[i-1] == '.'):
				span("bi", word)
			default:
				b.WriteString(html.EscapeString(word))
			}
			i = j
		default:
			b.WriteString(html.EscapeString(string(c)))
			i++
		}
		lineStart = c == '\n' || lineStart && (c == ' ' || c == '\t')
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
