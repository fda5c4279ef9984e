//go:build !cgo || purego

package nn

// backendName is reported by BLASBackend.
const backendName = "gonum (pure Go)"

// nativeKernels says that there are no C kernels: the Go loops run.
const nativeKernels = false

// activate32 reports that no native kernel exists; the Go loops run.
func activate32(Activation, []float32, []float32, []float32) bool { return false }

// activateSecond32 reports that no native kernel exists; the Go loops run.
func activateSecond32(Activation, []float32, []float32, []float32, []float32) bool { return false }

// scaleTangents32 reports that no native kernel exists; the Go loop runs.
func scaleTangents32([]float32, []float32, []float32, int, int) bool { return false }

// chainSecond32 reports that no native kernel exists; the Go loop runs.
func chainSecond32([]float32, []float32, []float32, []float32, []float32, int, int) bool {
	return false
}

// mul32 reports that no native kernel exists; the Go loop runs.
func mul32([]float32, []float32) bool { return false }

// mulSums32 reports that no native kernel exists; the Go loop runs.
func mulSums32([]float32, []float32, []float32) bool { return false }

// thin32 reports that no native kernel exists; the BLAS computes the product.
func thin32(bool, bool, int, int, int, float32, []float32, int, []float32, int, float32, []float32, int) bool {
	return false
}

// ema32 reports that no native kernel exists; the Go loop runs.
func ema32([]float32, []float32, float32, float32) bool { return false }

// adam32 reports that no native kernel exists; the Go loop runs.
func adam32(p, g, m, v []float32, b1, b2, step, rc2, eps, decay, l2 float32) bool { return false }

// inferWork is never called without native kernels.
func inferWork([]int32, int, bool) int { return 0 }

// inferNative is never called without native kernels (see engine.infer).
func inferNative([]float32, []int32, Activation, []float32, int, []float32, []float32, []float32, int, []int64) {
	panic("nn: inferNative without native kernels")
}

// packTiles32 is never called without native kernels (see planTiles).
func packTiles32([]float32, int, int, []float32, []float32) {
	panic("nn: packTiles32 without native kernels")
}

// denseAct32 is never called without native kernels (see planTiles).
func denseAct32([]float32, int, int, []float32, int, []float32, Activation, []float32, []float32) {
	panic("nn: denseAct32 without native kernels")
}

// firstLayer32 is never called without native kernels (see planTiles).
func firstLayer32([]float32, int, int, []float32, []float32, int, Activation, []float32, []float32) {
	panic("nn: firstLayer32 without native kernels")
}

// backData32 is never called without native kernels (see planTiles).
func backData32([]float32, int, int, []float32, int, []float32, []float32, []float32) {
	panic("nn: backData32 without native kernels")
}

// gradW32 is never called without native kernels (see planTiles).
func gradW32([]float32, int, int, []float32, int, []float32) {
	panic("nn: gradW32 without native kernels")
}
