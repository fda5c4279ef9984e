package showfmt

import (
	"fmt"
	"io"
	"log"
	"strings"
	"unicode/utf8"
)

// The formatted printing functions, for calls with shown arguments. fmt
// handles %T and %p before it looks for a Format method, so a shown
// argument would print as showfmt's own type there: these functions give
// fmt the shown value's type name for %T (as a %s argument, which pads
// alike) and the value itself for %p and %w.

// Printf is fmt.Printf.
func Printf(format string, args ...any) (int, error) {
	format, args = retype(format, args)
	return fmt.Printf(format, args...)
}

// Sprintf is fmt.Sprintf.
func Sprintf(format string, args ...any) string {
	format, args = retype(format, args)
	return fmt.Sprintf(format, args...)
}

// Fprintf is fmt.Fprintf.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	format, args = retype(format, args)
	return fmt.Fprintf(w, format, args...)
}

// Errorf is fmt.Errorf.
func Errorf(format string, args ...any) error {
	format, args = retype(format, args)
	return fmt.Errorf(format, args...)
}

// Appendf is fmt.Appendf.
func Appendf(b []byte, format string, args ...any) []byte {
	format, args = retype(format, args)
	return fmt.Appendf(b, format, args...)
}

// LogPrintf is log.Printf.
func LogPrintf(format string, args ...any) {
	format, args = retype(format, args)
	_ = log.Output(2, fmt.Sprintf(format, args...))
}

// LogPanicf is log.Panicf.
func LogPanicf(format string, args ...any) {
	format, args = retype(format, args)
	s := fmt.Sprintf(format, args...)
	_ = log.Output(2, s)
	panic(s)
}

// retype returns format and args with each %T of a shown argument turned
// into %s of its type name, and the shown value's own value for %p and %w.
// An argument that %T and another verb both read (%v … %[1]T) cannot be
// replaced in place: its type name is appended, and the format written
// anew with an explicit argument index on every verb.
func retype(format string, args []any) (string, []any) {
	verbs := parseFormat(format)
	uses := map[int]int{}
	named := false
	for _, v := range verbs {
		uses[v.arg]++
		if v.widthArg >= 0 {
			uses[v.widthArg]++
		}
		if v.precArg >= 0 {
			uses[v.precArg]++
		}
		if _, ok := shownAt(args, v.arg); ok && v.verb == 'T' {
			named = true
		}
	}
	args = append([]any(nil), args...)
	for _, v := range verbs {
		if s, ok := shownAt(args, v.arg); ok && (v.verb == 'p' || v.verb == 'w') {
			args[v.arg] = s.x
		}
	}
	if !named {
		return format, args
	}
	reuse := false
	for _, v := range verbs {
		if _, ok := shownAt(args, v.arg); ok && v.verb == 'T' && uses[v.arg] > 1 {
			reuse = true
		}
	}
	var b strings.Builder
	at := 0
	for _, v := range verbs {
		s, ok := shownAt(args, v.arg)
		typeVerb := ok && v.verb == 'T'
		switch {
		case reuse:
			b.WriteString(format[at:v.start])
			arg := v.arg
			if typeVerb {
				args = append(args, s.TypeName())
				arg = len(args) - 1
			}
			b.WriteString("%" + v.flags)
			if v.widthArg >= 0 {
				fmt.Fprintf(&b, "[%d]*", v.widthArg+1)
			} else {
				b.WriteString(v.width)
			}
			if v.precArg >= 0 {
				fmt.Fprintf(&b, ".[%d]*", v.precArg+1)
			} else if v.hasPrec {
				b.WriteString("." + v.prec)
			}
			fmt.Fprintf(&b, "[%d]", arg+1)
			if typeVerb {
				b.WriteByte('s')
			} else {
				b.WriteRune(v.verb)
			}
			at = v.end
		case typeVerb:
			b.WriteString(format[at : v.end-1])
			b.WriteByte('s')
			args[v.arg] = s.TypeName()
			at = v.end
		}
	}
	b.WriteString(format[at:])
	return b.String(), args
}

// shownAt returns args[k] if it is a shown value.
func shownAt(args []any, k int) (*shown, bool) {
	if k < 0 || k >= len(args) {
		return nil, false
	}
	s, ok := args[k].(*shown)
	return s, ok
}

// verb is one verb of a format and the arguments it reads.
type verb struct {
	start, end        int // the directive's bytes, from % to the verb
	flags, width      string
	prec              string
	hasPrec           bool
	widthArg, precArg int // the arguments * reads, or -1
	arg               int
	verb              rune
}

// parseFormat reads a format as fmt does: flags, an explicit argument
// index [n], a width and a precision that may be * (reading an argument).
func parseFormat(format string) []verb {
	var verbs []verb
	arg := 0
	index := func(j int) int { // reads [n] at j
		if j < len(format) && format[j] == '[' {
			n, k := 0, j+1
			for k < len(format) && format[k] >= '0' && format[k] <= '9' {
				n = n*10 + int(format[k]-'0')
				k++
			}
			if k < len(format) && format[k] == ']' && n > 0 {
				arg = n - 1
				return k + 1
			}
		}
		return j
	}
	number := func(j int) (int, string, int) { // a width or precision at j
		if j < len(format) && format[j] == '*' {
			arg++
			return j + 1, "", arg - 1
		}
		k := j
		for k < len(format) && format[k] >= '0' && format[k] <= '9' {
			k++
		}
		return k, format[j:k], -1
	}
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		v := verb{start: i, precArg: -1}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0", format[j]) >= 0 {
			j++
		}
		v.flags = format[i+1 : j]
		j, v.width, v.widthArg = number(index(j))
		if j < len(format) && format[j] == '.' {
			v.hasPrec = true
			j, v.prec, v.precArg = number(index(j + 1))
		}
		j = index(j)
		if j >= len(format) {
			break
		}
		r, size := utf8.DecodeRuneInString(format[j:])
		i = j + size - 1
		if r == '%' {
			continue
		}
		v.verb, v.arg, v.end = r, arg, j+size
		verbs = append(verbs, v)
		arg++
	}
	return verbs
}
