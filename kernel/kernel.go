package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"time"

	"github.com/gophlow/gophlow/kernel/capture"
	"github.com/gophlow/gophlow/kernel/server"
	"github.com/gophlow/gophlow/kernel/session"
)

// defaultOutputLimit caps the output of one cell per stream; past it the
// rest is dropped with a notice. GOPHLOW_OUTPUT_LIMIT (bytes) overrides it.
const defaultOutputLimit = 64 << 20

// kernelCommand runs `gophlow kernel CONNECTION_FILE`.
func kernelCommand(args []string, stderr io.Writer) error {
	fs := newFlagSet("kernel", stderr)
	allowUnsigned := fs.Bool("allow-unsigned", false, "accept a connection file with an empty key")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: kernel takes one connection file", errUsage)
	}
	conn, err := server.ReadConnection(fs.Arg(0))
	if err != nil {
		return err
	}
	if conn.Key == "" && !*allowUnsigned {
		return fmt.Errorf("connection file %s has an empty key: messages would not be signed and anyone who can reach the ports could run code; pass --allow-unsigned to accept that", fs.Arg(0))
	}
	limit := int64(defaultOutputLimit)
	if v := os.Getenv("GOPHLOW_OUTPUT_LIMIT"); v != "" {
		if limit, err = strconv.ParseInt(v, 10, 64); err != nil || limit < 0 {
			return fmt.Errorf("GOPHLOW_OUTPUT_LIMIT=%q is not a byte count", v)
		}
	}
	memLimit, err := server.MemoryLimit()
	if err != nil {
		return err
	}
	logger := log.New(stderr, "gophlow: ", log.LstdFlags)

	sess, err := session.New(session.Options{Stdout: os.Stdout, Stderr: capture.CurrentStderr})
	if err != nil {
		return err
	}
	srv, err := server.New(server.Config{
		Conn: conn,
		Info: server.Info{
			Implementation:        "gophlow",
			ImplementationVersion: version,
			Banner:                versionString() + "\nGo cells evaluated by yaegi; fmlib, plots and display preloaded. %help for help.",
		},
		Session:     sess,
		MemoryLimit: memLimit,
		Log:         logger,
	})
	if err != nil {
		return err
	}
	defer srv.Close()
	capt, err := capture.Start(50*time.Millisecond, limit, srv.EmitStream)
	if err != nil {
		return err
	}
	defer capt.Stop()
	logger.SetOutput(capt.Stderr)
	srv.AttachCapture(capt)
	srv.Run()
	capt.Flush()
	return nil
}
