package stdsyms

import (
	"bufio"
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"reflect"
)

// mapTypes is the tables' interp MapTypes, registered as Symbols["."] by
// release.go. A compiled function listed here that receives an interpreted
// value as an interface{} gets it wrapped so that it still implements the
// listed interfaces (fmt.Println calls an interpreted String method). An
// interface wrapper listed here (added by release.go) is replaced by the
// first composed wrapper whose methods the interpreted value has, so that
// io.Copy still finds WriteTo on an interpreted io.Reader.
var mapTypes = map[reflect.Value][]reflect.Type{}

func init() {
	printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[fmt.Stringer]()}
	for _, f := range []any{
		fmt.Append, fmt.Appendf, fmt.Appendln, fmt.Errorf,
		fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
		fmt.Sprint, fmt.Sprintf, fmt.Sprintln,
		log.Fatal, log.Fatalf, log.Fatalln, log.Panic, log.Panicf, log.Panicln,
		log.Print, log.Printf, log.Println,
	} {
		mapTypes[reflect.ValueOf(f)] = printing
	}
	scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	for _, f := range []any{fmt.Fscan, fmt.Fscanf, fmt.Fscanln, fmt.Scan, fmt.Scanf, fmt.Scanln, fmt.Sscan, fmt.Sscanf, fmt.Sscanln} {
		mapTypes[reflect.ValueOf(f)] = scanning
	}
	textMarshaler, textUnmarshaler := reflect.TypeFor[encoding.TextMarshaler](), reflect.TypeFor[encoding.TextUnmarshaler]()
	for _, f := range []any{json.Marshal, json.MarshalIndent} {
		mapTypes[reflect.ValueOf(f)] = []reflect.Type{reflect.TypeFor[json.Marshaler](), textMarshaler}
	}
	mapTypes[reflect.ValueOf(json.Unmarshal)] = []reflect.Type{reflect.TypeFor[json.Unmarshaler](), textUnmarshaler}
	for _, f := range []any{xml.Marshal, xml.MarshalIndent} {
		mapTypes[reflect.ValueOf(f)] = []reflect.Type{reflect.TypeFor[xml.Marshaler](), textMarshaler}
	}
	mapTypes[reflect.ValueOf(xml.Unmarshal)] = []reflect.Type{reflect.TypeFor[xml.Unmarshaler](), textUnmarshaler}
}

// Composed wrappers: an interface wrapper with the optional methods the
// standard library looks for. release.go maps the interface wrappers
// (_io_Reader, …) to these.

// ioReaderWriteTo is an io.Reader with WriteTo (io.Copy uses it).
type ioReaderWriteTo struct {
	IValue   any
	WRead    func(p []byte) (int, error)
	WWriteTo func(w io.Writer) (int64, error)
}

func (w ioReaderWriteTo) Read(p []byte) (int, error)           { return w.WRead(p) }
func (w ioReaderWriteTo) WriteTo(dst io.Writer) (int64, error) { return w.WWriteTo(dst) }

// ioWriterReadFrom is an io.Writer with ReadFrom (io.Copy uses it).
type ioWriterReadFrom struct {
	IValue    any
	WWrite    func(p []byte) (int, error)
	WReadFrom func(r io.Reader) (int64, error)
}

func (w ioWriterReadFrom) Write(p []byte) (int, error)           { return w.WWrite(p) }
func (w ioWriterReadFrom) ReadFrom(src io.Reader) (int64, error) { return w.WReadFrom(src) }

// httpResponseWriterHijacker is an http.ResponseWriter that is also an
// http.Hijacker (websocket upgrades need it).
type httpResponseWriterHijacker struct {
	IValue       any
	WHeader      func() http.Header
	WWrite       func(p []byte) (int, error)
	WWriteHeader func(statusCode int)
	WHijack      func() (net.Conn, *bufio.ReadWriter, error)
}

func (w httpResponseWriterHijacker) Header() http.Header         { return w.WHeader() }
func (w httpResponseWriterHijacker) Write(p []byte) (int, error) { return w.WWrite(p) }
func (w httpResponseWriterHijacker) WriteHeader(statusCode int)  { w.WWriteHeader(statusCode) }
func (w httpResponseWriterHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return w.WHijack()
}
