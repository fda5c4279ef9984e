package stdsyms

import (
	"fmt"
	"log"
	"os"
)

// yaegi's extractor names seven symbols of os and log after the sandboxed
// replacements that yaegi's own stdlib package defines (osExit for os.Exit,
// logNew for log.New, …). The kernel runs unrestricted: here they are the
// real ones, except os.Exit, which would end the kernel and every variable
// in it: in a cell it stops the cell with a panic saying so. (Fatal on a
// logger made by log.New still exits: the logger is the real one, so that
// every method of log.Logger is there.)
var (
	osExit = func(code int) {
		panic(fmt.Sprintf("os.Exit(%d): a program would end here; the kernel stops the cell instead and keeps its state", code))
	}
	osFindProcess = os.FindProcess
	logFatal      = log.Fatal
	logFatalf     = log.Fatalf
	logFatalln    = log.Fatalln
	logNew        = log.New
)

type logLogger = log.Logger
