// Covers: encoding/binary, BigEndian/LittleEndian Put/Uint*, Write/Read of a fixed-size struct, Append*, Uvarint/Varint, Size.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Length  uint32
	Offset  int64
}

func main() {
	buf := make([]byte, 8)
	binary.BigEndian.PutUint32(buf, 0xCAFEBABE)
	binary.LittleEndian.PutUint32(buf[4:], 0xCAFEBABE)
	fmt.Printf("% x\n", buf)
	fmt.Printf("%#x %#x\n", binary.BigEndian.Uint32(buf), binary.LittleEndian.Uint32(buf))
	fmt.Printf("%#x %#x\n", binary.BigEndian.Uint16(buf[2:]), binary.LittleEndian.Uint64(buf))

	h := Header{Magic: [4]byte{'G', 'O', 'P', 'H'}, Version: 2, Flags: 0x8001, Length: 1024, Offset: -16}
	var w bytes.Buffer
	if err := binary.Write(&w, binary.BigEndian, h); err != nil {
		fmt.Println("write:", err)
	}
	fmt.Println("size:", binary.Size(h), "written:", w.Len())
	fmt.Printf("% x\n", w.Bytes())

	var decoded Header
	err := binary.Read(bytes.NewReader(w.Bytes()), binary.BigEndian, &decoded)
	fmt.Printf("%s v%d flags=%#04x len=%d off=%d err=%v equal=%v\n", decoded.Magic[:], decoded.Version,
		decoded.Flags, decoded.Length, decoded.Offset, err, decoded == h)
	var short Header
	err = binary.Read(bytes.NewReader(w.Bytes()[:10]), binary.BigEndian, &short)
	fmt.Println("short read:", err)

	var out []byte
	out = binary.BigEndian.AppendUint16(out, 0x0102)
	out = binary.LittleEndian.AppendUint32(out, 7)
	fmt.Printf("% x\n", out)

	for _, v := range []uint64{0, 1, 127, 128, 300, 1 << 32} {
		vb := binary.AppendUvarint(nil, v)
		got, n := binary.Uvarint(vb)
		fmt.Printf("uvarint %-10d -> % x (n=%d back=%d)\n", v, vb, n, got)
	}
	for _, v := range []int64{-1, -64, 63, -300} {
		vb := binary.AppendVarint(nil, v)
		got, _ := binary.Varint(vb)
		fmt.Printf("varint %d -> % x back=%d\n", v, vb, got)
	}
}
