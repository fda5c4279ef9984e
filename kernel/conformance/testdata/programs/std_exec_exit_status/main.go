// Covers: os/exec, non-zero exit status via *exec.ExitError and errors.As, ExitCode, captured Stderr, Start/Wait, StdoutPipe with a scanner.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
)

func run(script string) {
	cmd := exec.Command("sh", "-c", script)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var ee *exec.ExitError
	switch {
	case err == nil:
		fmt.Printf("%-32q ok stdout=%q\n", script, out)
	case errors.As(err, &ee):
		fmt.Printf("%-32q exit=%d err=%q stdout=%q stderr=%q\n", script, ee.ExitCode(), err.Error(), out, stderr.String())
	default:
		fmt.Printf("%-32q other error: %v\n", script, err)
	}
}

func main() {
	run("exit 0")
	run("echo partial; exit 3")
	run("echo oops >&2; exit 1")
	run("false")
	run("test 2 -gt 1 && echo yes")

	cmd := exec.Command("sh", "-c", "for i in 1 2 3; do echo line $i; done; exit 7")
	pipe, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		fmt.Println("streamed:", sc.Text())
	}
	err := cmd.Wait()
	fmt.Println("wait:", err, "exit code:", cmd.ProcessState.ExitCode(), "success:", cmd.ProcessState.Success())

	err = exec.Command("no-such-binary-for-test").Run()
	var ee *exec.ExitError
	fmt.Println("missing binary is ExitError:", errors.As(err, &ee), "ErrNotFound:", errors.Is(err, exec.ErrNotFound))
}
