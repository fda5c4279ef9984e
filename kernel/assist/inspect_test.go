package assist

import (
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"
)

// inspectAt inspects code with the cursor at the first "|" (removed).
func inspectAt(env Env, marked string, detail int) (string, bool) {
	i := strings.Index(marked, "|")
	code := marked[:i] + marked[i+1:]
	return env.Inspect(code, len([]rune(marked[:i])), detail)
}

func TestInspectStandardLibraryFunction(t *testing.T) {
	env := Env{Packages: testPackages()}
	for _, marked := range []string{"math.Sqrt|", "math.Sq|rt", "y := math.Sqrt(|", "y := math.Sqrt(2|)"} {
		text, found := inspectAt(env, marked, 0)
		if !found || !strings.HasPrefix(text, "func Sqrt(x float64) float64\n") || !strings.Contains(text, "Sqrt returns the square root of x.") {
			t.Errorf("%q: found=%v\n%s", marked, found, text)
		}
		if strings.Contains(text, "return sqrt(x)") {
			t.Errorf("%q: detail 0 shows the body", marked)
		}
	}
	// Detail 1 adds the source of the declaration.
	if text, _ := inspectAt(env, "math.Sqrt|", 1); !strings.Contains(text, "return sqrt(x)") {
		t.Errorf("detail 1 without the body:\n%s", text)
	}
}

func TestInspectUnknownNames(t *testing.T) {
	env := Env{Packages: testPackages()}
	for _, marked := range []string{"noSuchName|", "math.NoSuch|", "x := 1; x.Foo|", "\"math.Sqrt|\"", "// math.Sqrt|", "mat.Dense.NoMethod|", "1 + 2|"} {
		if text, found := inspectAt(env, marked, 0); found || text != "" {
			t.Errorf("%q: found=%v %q", marked, found, text)
		}
	}
}

func TestInspectTypesMethodsFieldsValues(t *testing.T) {
	env := Env{Packages: testPackages()}
	cases := map[string][]string{
		"mat.Dense|": {"type Dense struct", "Dense is a dense matrix representation.",
			"func NewDense(r, c int, data []float64) *Dense", "func (m *Dense) Mul(a, b Matrix)"},
		"d := mat.NewDense(2, 2, nil)\nd.Mul|(a, b)":                  {"func (m *Dense) Mul(a, b Matrix)", "Mul takes the matrix product of a and b"},
		"strings.Builder.WriteString|":                                {"func (b *Builder) WriteString(s string) (int, error)"},
		"var r io.Reader\nr.Read|":                                    {"Read(p []byte) (n int, err error)", "Read reads up to len(p) bytes into p."},
		"req, _ := http.NewRequest(\"GET\", \"/\", nil)\nreq.Method|": {"field Method string", "specifies the HTTP method"},
		"math.Pi|":                             {"const Pi = 3.14159", "Mathematical constants."},
		"os.Args|":                             {"var Args []string", "Args hold the command-line arguments"},
		"fmt|":                                 {"package fmt // import \"fmt\"", "Package fmt implements formatted I/O"},
		"len|(xs)":                             {"func len(v Type) int", "The len built-in function returns the length of v"},
		"display.HTML|":                        {"func HTML(html string)", "HTML shows an HTML fragment."},
		"n := distuv.Normal{Mu: 0, Sigma|: 1}": {"field Sigma float64 // in distuv.Normal", "Standard deviation of the normal distribution"},
		"total := 2 * 21\ntotal|":              {"total := 2 * 21", "var total int"},
		"var w float32\nh := 2 * w\nh|":        {"h := 2 * w", "var h float32"},
		"d := mat.NewDense(2, 2, nil)\nd|":     {"d := mat.NewDense(2, 2, nil)", "var d *mat.Dense", "Dense is a dense matrix representation."},
		"func square(v float64) float64 { return v * v }\nsquare|(3)":                                            {"func square(v float64) float64"},
		"type point struct{ x, y float64 }\nfunc (p point) norm() float64 { return 0 }\np := point{}\np.norm|()": {"func (p point) norm() float64"},
		"type point struct{ x, y float64 }\np := point{}\n_ = p.y|":                                              {"field y float64 // in point"},
		"import la \"gonum.org/v1/gonum/mat\"\nla|":                                                              {"package mat // import \"gonum.org/v1/gonum/mat\""},
	}
	for marked, wants := range cases {
		text, found := inspectAt(env, marked, 0)
		for _, want := range wants {
			if !found || !strings.Contains(text, want) {
				t.Errorf("%q: found=%v, want %q in\n%s", marked, found, want, text)
			}
		}
	}
}

func TestInspectSessionNames(t *testing.T) {
	env := Env{Packages: testPackages(), Scope: []Name{{Name: "model", Kind: "var"}, {Name: "train", Kind: "func"}},
		Value: func(name string) (reflect.Value, bool) {
			switch name {
			case "train":
				return reflect.ValueOf(func(steps int) error { return nil }), true
			case "sum":
				return reflect.ValueOf(big.NewInt(3)), true
			}
			return reflect.Value{}, false
		}}
	env.Scope = append(env.Scope, Name{Name: "sum", Kind: "var"})
	if text, found := inspectAt(env, "sum|", 0); !found || !strings.Contains(text, "var sum *big.Int") || !strings.Contains(text, "An Int represents a signed multi-precision integer.") {
		t.Errorf("sum: found=%v %q", found, text)
	}
	if text, found := inspectAt(env, "model|", 0); !found || !strings.Contains(text, "var model") {
		t.Errorf("model: found=%v %q", found, text)
	}
	if text, found := inspectAt(env, "train|", 0); !found || text != "func train(int) error" {
		t.Errorf("train: found=%v %q", found, text)
	}
}

func TestInspectWithoutSourcesGivesTheSignature(t *testing.T) {
	packages := testPackages()
	packages["example.invalid/nosource/nosource"] = map[string]reflect.Value{
		"Double": reflect.ValueOf(func(x float64, rest ...int) (float64, error) { return 2 * x, nil }),
		"Limit":  reflect.ValueOf(time.Second),
		"Clock":  reflect.ValueOf((*time.Duration)(nil)),
	}
	env := Env{Packages: packages}
	cases := map[string]string{
		"nosource.Double|": "func Double(float64, ...int) (float64, error)",
		"nosource.Limit|":  "const Limit time.Duration = 1s",
		"nosource.Clock|":  "type Duration int64",
	}
	for marked, want := range cases {
		if text, found := inspectAt(env, marked, 0); !found || !strings.HasPrefix(text, want) {
			t.Errorf("%q: found=%v %q, want prefix %q", marked, found, text, want)
		}
	}
}

func TestInspectIsFastOnceParsed(t *testing.T) {
	env := Env{Packages: testPackages()}
	inspectAt(env, "strings.Split|", 0) // parses package strings
	start := time.Now()
	const calls = 20
	for range calls {
		if _, found := inspectAt(env, "strings.Split|", 0); !found {
			t.Fatal("strings.Split not found")
		}
	}
	// A cached inspection takes well under a millisecond on this machine;
	// 50 ms each leaves room for a loaded CI runner and still catches
	// re-parsing the package on every call (about 20 ms).
	if per := time.Since(start) / calls; per > 50*time.Millisecond {
		t.Errorf("cached Inspect takes %v", per)
	}
}
