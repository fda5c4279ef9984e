//go:build cgo && !purego

package nn

import (
	"testing"

	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/netlib/blas/netlib"
)

// TestBackendIsOpenBLAS checks that a cgo build routes both precisions
// through OpenBLAS and says so.
func TestBackendIsOpenBLAS(t *testing.T) {
	if _, ok := blas32.Implementation().(netlib.Implementation); !ok {
		t.Errorf("blas32 uses %T, want netlib.Implementation", blas32.Implementation())
	}
	if _, ok := blas64.Implementation().(netlib.Implementation); !ok {
		t.Errorf("blas64 uses %T, want netlib.Implementation", blas64.Implementation())
	}
	t.Logf("BLASBackend() = %q", BLASBackend())
}
