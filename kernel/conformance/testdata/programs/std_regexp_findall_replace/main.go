// Covers: regexp, MustCompile, MatchString, FindString/FindAllString/FindAllStringIndex, ReplaceAllString with $1, ReplaceAllStringFunc, Split, QuoteMeta, Compile errors.
package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

const text = `Contact sales@example.com or support@help.example.org.
Call +1-555-0100 before 2024-06-30; invoice #A-1042 total $1,250.75, tax $99.5.`

func main() {
	emailRe := regexp.MustCompile(`[\w.+-]+@[\w-]+(\.[\w-]+)+`)
	fmt.Println(emailRe.FindAllString(text, -1))
	fmt.Println(emailRe.FindString("no email here") == "", emailRe.MatchString(text))

	numRe := regexp.MustCompile(`\d+`)
	fmt.Println(numRe.FindAllString(text, 4))
	fmt.Println(numRe.FindAllStringIndex("a1b22c333", -1))

	money := regexp.MustCompile(`\$([\d,]+(?:\.\d+)?)`)
	total := 0.0
	for _, m := range money.FindAllStringSubmatch(text, -1) {
		v, _ := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
		total += v
		fmt.Printf("amount %q -> %.2f\n", m[0], v)
	}
	fmt.Printf("sum %.2f\n", total)

	first, second, _ := strings.Cut(text, "\n")
	date := regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)
	fmt.Println(date.ReplaceAllString(second, "$3/$2/$1"))
	fmt.Println(date.ReplaceAllString("2020-01-02", "${1}y"), date.ReplaceAllLiteralString("2020-01-02", "$1"))

	masked := emailRe.ReplaceAllStringFunc(first, func(s string) string {
		at := strings.IndexByte(s, '@')
		return s[:1] + strings.Repeat("*", at-1) + s[at:]
	})
	fmt.Println(masked)

	sep := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sep.Split("a , b;c ;  d", -1))
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes]"))
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	ci := regexp.MustCompile(`(?i)^go(lang)?$`)
	for _, s := range []string{"Go", "GOLANG", "gopher"} {
		fmt.Print(s, "=", ci.MatchString(s), " ")
	}
	fmt.Println()
	fmt.Println(numRe.String(), numRe.NumSubexp(), date.NumSubexp())
}
