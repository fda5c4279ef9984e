//go:build !cgo || purego

package nn

import (
	"testing"

	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/gonum"
)

// TestBackendIsPureGo checks that a build without cgo uses gonum's pure-Go BLAS.
func TestBackendIsPureGo(t *testing.T) {
	if _, ok := blas32.Implementation().(gonum.Implementation); !ok {
		t.Errorf("blas32 uses %T, want gonum.Implementation", blas32.Implementation())
	}
	t.Logf("BLASBackend() = %q", BLASBackend())
}
