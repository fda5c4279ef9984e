// Covers: log, New to a bytes.Buffer with prefix and flags 0, SetPrefix/SetFlags/Lmsgprefix/Lshortfile-free flags, Printf/Println/Print, Writer/Prefix getters.
package main

import (
	"bytes"
	"fmt"
	"log"
	"strings"
)

type service struct {
	name string
	log  *log.Logger
}

func (s *service) handle(req int) {
	if req%3 == 0 {
		s.log.Printf("request %d rejected", req)
		return
	}
	s.log.Println("request", req, "ok")
}

func main() {
	var buf bytes.Buffer
	logger := log.New(&buf, "[app] ", 0)
	logger.Print("starting")
	logger.Printf("config loaded: %d keys", 12)
	logger.Println("multi", "arg", 3)
	logger.Print("already has newline\n")

	svc := &service{name: "api", log: log.New(&buf, "api: ", 0)}
	for r := 1; r <= 4; r++ {
		svc.handle(r)
	}
	svc.log.SetPrefix("API> ")
	svc.log.Print("prefix changed")
	svc.log.SetFlags(log.Lmsgprefix)
	svc.log.Print("prefix after flags")
	fmt.Println("prefix:", svc.log.Prefix(), "flags:", svc.log.Flags(), "same writer:", svc.log.Writer() == &buf)

	fmt.Print(buf.String())
	fmt.Println("lines logged:", strings.Count(buf.String(), "\n"))

	var second bytes.Buffer
	std := log.Default()
	oldFlags, oldPrefix, oldOut := std.Flags(), std.Prefix(), std.Writer()
	log.SetOutput(&second)
	log.SetFlags(0)
	log.SetPrefix("global: ")
	log.Printf("via package-level %s", "logger")
	log.Print("done")
	log.SetOutput(oldOut)
	log.SetFlags(oldFlags)
	log.SetPrefix(oldPrefix)
	fmt.Printf("%q\n", second.String())
	fmt.Println(log.LstdFlags == log.Ldate|log.Ltime)
}
