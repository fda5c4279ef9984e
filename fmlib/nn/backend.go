package nn

// BLASBackend names the BLAS implementation the dense layers call:
// OpenBLAS through cgo when the package is built with cgo (the default on a
// machine with libopenblas-dev), or gonum's pure-Go implementation when built
// with CGO_ENABLED=0 or the purego tag.
func BLASBackend() string { return backendName }
