// Covers: text/tabwriter, NewWriter with padding/padchar, AlignRight and Debug flags, tab-separated cells, Flush to os.Stdout.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

type proc struct {
	pid  int
	name string
	cpu  float64
	mem  int
}

func main() {
	procs := []proc{
		{1, "init", 0.1, 1200},
		{842, "postgres", 12.75, 524288},
		{1337, "go-build", 98.5, 65536},
		{20001, "sh", 0, 800},
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "PID\tNAME\tCPU%\tMEM(KB)\t")
	for _, p := range procs {
		fmt.Fprintf(w, "%d\t%s\t%.1f\t%d\t\n", p.pid, p.name, p.cpu, p.mem)
	}
	w.Flush()
	fmt.Println()

	right := tabwriter.NewWriter(os.Stdout, 6, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(right, "pid\tname\tmem\t")
	for _, p := range procs {
		fmt.Fprintf(right, "%d\t%s\t%d\t\n", p.pid, p.name, p.mem)
	}
	right.Flush()
	fmt.Println()

	dbg := tabwriter.NewWriter(os.Stdout, 0, 0, 1, '.', tabwriter.Debug)
	fmt.Fprintln(dbg, "key\tvalue\tnote")
	fmt.Fprintln(dbg, "timeout\t30s\t")
	fmt.Fprintln(dbg, "retries\t3\tper request")
	fmt.Fprintln(dbg, "")
	fmt.Fprintln(dbg, "new block\tresets\twidths")
	dbg.Flush()
}
