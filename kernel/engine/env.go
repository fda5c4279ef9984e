package engine

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// env lists the environment (%env), prints one variable (%env NAME) or
// sets one (%env NAME=value).
func (e *Engine) env(arg string) error {
	switch {
	case arg == "":
		env := os.Environ()
		sort.Strings(env)
		for _, kv := range env {
			fmt.Fprintln(e.stdout(), kv)
		}
	case strings.Contains(arg, "="):
		k, v, _ := strings.Cut(arg, "=")
		if err := os.Setenv(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
			return magicError("%%env: %v", err)
		}
	default:
		v, ok := os.LookupEnv(arg)
		if !ok {
			return magicError("%%env: %s is not set", arg)
		}
		fmt.Fprintln(e.stdout(), v)
	}
	return nil
}
