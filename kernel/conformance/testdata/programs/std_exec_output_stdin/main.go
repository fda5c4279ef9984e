// Covers: os/exec, Command(...).Output, CombinedOutput, Stdin from strings.NewReader, Stdout into a bytes.Buffer, Env, LookPath error.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hello", "from", "echo").Output()
	fmt.Printf("%q %v\n", out, err)

	sortCmd := exec.Command("sort")
	sortCmd.Stdin = strings.NewReader("pear\napple\nfig\nbanana\n")
	sorted, err := sortCmd.Output()
	fmt.Print(string(sorted))
	fmt.Println("sort err:", err)

	var stdout bytes.Buffer
	tr := exec.Command("tr", "a-z", "A-Z")
	tr.Stdin = strings.NewReader("shout this\n")
	tr.Stdout = &stdout
	err = tr.Run()
	fmt.Printf("%q %v exit=%d\n", stdout.String(), err, tr.ProcessState.ExitCode())

	wc := exec.Command("wc", "-w")
	wc.Stdin = strings.NewReader("one two three four")
	words, _ := wc.Output()
	fmt.Println("word count:", strings.TrimSpace(string(words)))

	env := exec.Command("sh", "-c", `echo "GREETING=$GREETING"`)
	env.Env = []string{"GREETING=hi there"}
	eo, _ := env.Output()
	fmt.Print(string(eo))

	both, err := exec.Command("sh", "-c", "echo out; echo err 1>&2").CombinedOutput()
	fmt.Printf("%q %v\n", both, err)

	_, err = exec.LookPath("definitely-not-a-real-command-xyz")
	fmt.Println(err != nil, errors.Is(err, exec.ErrNotFound))
	cmd := exec.Command("echo", "a", "b c")
	fmt.Println(cmd.Args, len(cmd.Args))
}
