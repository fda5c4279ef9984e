package nn

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"math"
	"os"
	"path/filepath"
)

// fileMagic and fileVersion open every model file (format: see Save).
const (
	fileMagic   = "GOPHLOWNN"
	fileVersion = 1
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fileHeader is the JSON header of a model file.
type fileHeader struct {
	Config    Config    `json:"config"`
	Optimizer Optimizer `json:"optimizer"`
	Step      int       `json:"step"`
	EMADecay  float64   `json:"ema_decay"`
	Params    int       `json:"params"`
	Vectors   []string  `json:"vectors"`
}

// vectorNames are the saved vectors in file order.
var vectorNames = []struct {
	name string
	v    vector
}{{"params", vecParams}, {"moment1", vecMoment1}, {"moment2", vecMoment2}, {"ema", vecEMA}}

// Save writes the architecture, weights, optimizer configuration and
// moments, step count and moving average to path, atomically: into a
// temporary file in the same folder, synced, then renamed over path.
//
// The file format (little-endian throughout):
//
//	magic     10 bytes  "GOPHLOWNN" followed by the format version (1)
//	hlen      uint32    length of the header
//	header    hlen bytes of JSON: {"config": Config, "optimizer": Optimizer,
//	          "step": int, "ema_decay": float, "params": N,
//	          "vectors": ["params", "moment1", "moment2", "ema"] (those present)}
//	vectors   each listed vector, N values of 4 bytes (float32 networks) or
//	          8 bytes (Config.Float64), IEEE 754
//	crc       uint32    CRC-32 (Castagnoli) of every byte before it
//
// Values are stored in the network's own precision, so a round trip
// reproduces the outputs bit for bit.
func (n *Network) Save(path string) error {
	h := fileHeader{Config: n.cfg, Optimizer: n.opt, Step: n.step, EMADecay: n.emaDecay, Params: n.NumParams()}
	for _, vn := range vectorNames {
		if n.eng.hasVector(vn.v) {
			h.Vectors = append(h.Vectors, vn.name)
		}
	}
	js, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("nn: Save: %v", err)
	}
	var buf bytes.Buffer
	buf.WriteString(fileMagic)
	buf.WriteByte(fileVersion)
	binary.Write(&buf, binary.LittleEndian, uint32(len(js)))
	buf.Write(js)
	for _, vn := range vectorNames {
		for _, x := range n.eng.getVector(vn.v) { // nil when absent
			if n.cfg.Float64 {
				binary.Write(&buf, binary.LittleEndian, math.Float64bits(x))
			} else {
				binary.Write(&buf, binary.LittleEndian, math.Float32bits(float32(x)))
			}
		}
	}
	binary.Write(&buf, binary.LittleEndian, crc32.Checksum(buf.Bytes(), castagnoli))
	return writeAtomically(path, buf.Bytes())
}

// writeAtomically writes data to a temporary file beside path and renames it.
func writeAtomically(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("nn: Save: %v", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("nn: Save %s: %v", path, err)
	}
	return nil
}

// Load reads a network saved by Save, refusing a file that is truncated,
// corrupted (checksum mismatch) or inconsistent, with an error saying which.
func Load(path string) (*Network, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("nn: Load: %v", err)
	}
	fail := func(format string, args ...any) (*Network, error) {
		return nil, fmt.Errorf("nn: Load %s: "+format, append([]any{path}, args...)...)
	}
	if len(data) < len(fileMagic)+1+4+4 || string(data[:len(fileMagic)]) != fileMagic {
		return fail("not a gophlow model file (bad magic or too short)")
	}
	if v := data[len(fileMagic)]; v != fileVersion {
		return fail("format version %d, this build reads version %d", v, fileVersion)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return fail("checksum mismatch: the file is truncated or corrupted")
	}
	rest := body[len(fileMagic)+1:]
	hlen := int(binary.LittleEndian.Uint32(rest))
	rest = rest[4:]
	if hlen > len(rest) {
		return fail("header length %d exceeds the file", hlen)
	}
	var h fileHeader
	if err := json.Unmarshal(rest[:hlen], &h); err != nil {
		return fail("bad header: %v", err)
	}
	rest = rest[hlen:]
	n, err := New(h.Config)
	if err != nil {
		return fail("%v", err)
	}
	if n.NumParams() != h.Params {
		return fail("header says %d parameters, the architecture has %d", h.Params, n.NumParams())
	}
	if err := h.Optimizer.validate(); err != nil {
		return fail("%v", err)
	}
	n.opt, n.step, n.emaDecay = h.Optimizer, h.Step, h.EMADecay
	width := 4
	if h.Config.Float64 {
		width = 8
	}
	if len(rest) != len(h.Vectors)*h.Params*width {
		return fail("%d bytes of weights, want %d", len(rest), len(h.Vectors)*h.Params*width)
	}
	for _, name := range h.Vectors {
		which := vector(-1)
		for _, vn := range vectorNames {
			if vn.name == name {
				which = vn.v
			}
		}
		if which < 0 {
			return fail("unknown vector %q", name)
		}
		vals := make([]float64, h.Params)
		for i := range vals {
			if width == 8 {
				vals[i] = math.Float64frombits(binary.LittleEndian.Uint64(rest[8*i:]))
			} else {
				vals[i] = float64(math.Float32frombits(binary.LittleEndian.Uint32(rest[4*i:])))
			}
		}
		n.eng.setVector(which, vals)
		rest = rest[h.Params*width:]
	}
	return n, nil
}
