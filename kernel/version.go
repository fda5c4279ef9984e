package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is gophlow's own version.
const version = "0.1.0"

// yaegiVersion returns the version of the interpreter linked in.
func yaegiVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/traefik/yaegi" {
				return d.Version
			}
		}
	}
	return "unknown"
}

func versionString() string {
	return fmt.Sprintf("gophlow %s (yaegi %s, %s, %s/%s)", version, yaegiVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
