package nn

// The training passes of a float32 network (forward, loss and backward,
// and the forward of the tangent passes) compute their hidden-to-hidden
// products with the register tiles of the inference kernel (tiles.h,
// train_openblas.go) instead of BLAS, where the widths allow it: a product
// of the batch with a 64×64 weight matrix is too small for a BLAS to
// amortise its packing of the batch, and the tiles read the batch where it
// lies. The forward product applies the bias, the activation and σ' in
// the registers (SiLU, ELU and SELU), so no pre-activation is stored; the
// backward product dZ·W applies the σ' factor and forms the bias gradient
// as it stores; the weight gradient dZᵀ·X is a tile of sums over the rows.
// The layers narrower than a tile (the input and output layers of a
// low-dimensional flow) keep the thin products of thin_openblas.go. Only
// the weights are packed, before every pass.

// tileWidth is the multiple of 16 a layer's output width must be for the
// tile kernels (mul16's tiles are 16 columns wide).
const tileWidth = 16

// tilePlan says which products of the training passes run on the tile
// kernels and holds the weights packed for them.
type tilePlan struct {
	fwd   [][]float32 // layer l's forward product X·Wᵀ: W packed (nil: BLAS)
	back  [][]float32 // layer l's backward product dZ·W: W packed (nil: BLAS)
	grad  []bool      // layer l's weight gradient dZᵀ·X on the tiles
	first []float32   // layer 0's weights transposed, for its forward product (nil: not by the tiles)
}

// inLanes reports whether the tile kernels apply activation a themselves.
func inLanes(a Activation) bool { return a == SiLU || a == ELU || a == SELU }

// planTiles chooses the products of a float32 network with native kernels
// that the tile kernels compute: the forward products of the hidden layers
// whose width is a multiple of tileWidth, with an activation the lanes
// apply (layer 0 by first_layer when it has at most 16 inputs); the
// backward products and weight gradients of the layers above the first
// whose input width is such a multiple and whose output is at least
// tileWidth wide.
func (e *engine[T]) planTiles() {
	if !nativeKernels || !is32[T]() {
		return
	}
	L := e.layers()
	p := &e.tiles
	p.fwd, p.back, p.grad = make([][]float32, L), make([][]float32, L), make([]bool, L)
	for l := 0; l < L; l++ {
		nIn, nOut := e.sizes[l], e.sizes[l+1]
		if l < L-1 && nOut%tileWidth == 0 && inLanes(e.cfg.Activation) {
			if l == 0 && nIn <= 16 {
				p.first = make([]float32, nIn*nOut)
			} else {
				p.fwd[l] = make([]float32, nIn*nOut)
			}
		}
		if l > 0 && nIn%tileWidth == 0 && nOut >= tileWidth {
			p.back[l] = make([]float32, nIn*nOut)
			p.grad[l] = true
		}
	}
}

// forward reports whether layer l's forward product runs on the tiles.
func (p *tilePlan) forward(l int) bool {
	return p.fwd != nil && (p.fwd[l] != nil || (l == 0 && p.first != nil))
}

// packTiles packs the weights for the tile kernels a pass of kind k uses.
func (e *engine[T]) packTiles(k passKind) {
	p := &e.tiles
	if p.grad == nil {
		return
	}
	fwd := k == passForward || k == passLoss || k == passTangents
	back := k == passBackward || k == passLoss
	if fwd && p.first != nil {
		nIn, nOut := e.sizes[0], e.sizes[1]
		w := as32(e.w[0])
		for o := 0; o < nOut; o++ {
			for j := 0; j < nIn; j++ {
				p.first[j*nOut+o] = w[o*nIn+j]
			}
		}
	}
	for l := range p.fwd {
		var f, b []float32
		if fwd {
			f = p.fwd[l]
		}
		if back {
			b = p.back[l]
		}
		if f != nil || b != nil {
			packTiles32(as32(e.w[l]), e.sizes[l+1], e.sizes[l], f, b)
		}
	}
}
