// Covers: crypto/sha256, crypto/md5, crypto/sha1, crypto/sha512, hash/crc32, hash/fnv, crypto/hmac; streaming via hash.Hash Write/Sum and io.WriteString.
package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"hash/fnv"
	"io"
)

func main() {
	msg := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("sha256 %x\n", sha256.Sum256(msg))
	fmt.Printf("md5    %x\n", md5.Sum(msg))
	fmt.Printf("sha1   %x\n", sha1.Sum(msg))
	s512 := sha512.Sum512(msg)
	fmt.Printf("sha512 %s...\n", hex.EncodeToString(s512[:16]))
	fmt.Printf("empty sha256 %x\n", sha256.Sum256(nil))

	hashes := []struct {
		name string
		h    hash.Hash
	}{{"sha256", sha256.New()}, {"md5", md5.New()}, {"crc32", crc32.NewIEEE()}, {"fnv1a64", fnv.New64a()}}
	for _, x := range hashes {
		io.WriteString(x.h, "The quick brown fox ")
		x.h.Write([]byte("jumps over the lazy dog"))
		fmt.Printf("%-8s size=%2d block=%3d %x\n", x.name, x.h.Size(), x.h.BlockSize(), x.h.Sum(nil))
	}

	fmt.Printf("crc32 IEEE %08x\n", crc32.ChecksumIEEE(msg))
	fmt.Printf("crc32 Castagnoli %08x\n", crc32.Checksum(msg, crc32.MakeTable(crc32.Castagnoli)))
	c := crc32.Update(0, crc32.IEEETable, msg[:10])
	c = crc32.Update(c, crc32.IEEETable, msg[10:])
	fmt.Println("incremental matches:", c == crc32.ChecksumIEEE(msg))

	f := fnv.New32a()
	f.Write([]byte("bucket-key"))
	fmt.Println("fnv32a", f.Sum32(), "bucket", f.Sum32()%16)

	mac := hmac.New(sha256.New, []byte("secret-key"))
	mac.Write([]byte("payload"))
	sig := mac.Sum(nil)
	fmt.Printf("hmac %x\n", sig)
	mac.Reset()
	mac.Write([]byte("payload"))
	fmt.Println("verify:", hmac.Equal(sig, mac.Sum(nil)))
	h := sha256.New()
	h.Write([]byte("abc"))
	fmt.Printf("%x\n", h.Sum([]byte("prefix:")))
}
