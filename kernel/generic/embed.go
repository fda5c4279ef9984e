package generic

import (
	"embed"
	"go/types"
	"strings"
)

// sources are the templates: the packages cmp, slices and maps below this
// one, and the supplements errors, sync and iter, which are also ordinary
// Go, tested against the standard library; and package coro, which the
// iter templates call.
//
//go:embed cmp slices maps errors sync iter coro
var sources embed.FS

// Standard loads the templates; next imports the other packages (iter).
func Standard(next types.Importer) (*Library, error) { return Load(sources, next) }

// Implements reports whether path is that of a package the templates
// implement (by its standard path or its own), or supplement.
func Implements(path string) bool {
	path = strings.TrimPrefix(path, modulePath)
	for _, p := range append(Packages, Supplements...) {
		if p == path {
			return true
		}
	}
	return false
}
