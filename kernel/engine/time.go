package engine

import (
	"fmt"
	"syscall"
	"time"
)

// timer starts a %time measurement and returns the function that prints
// it: the wall time and the CPU time (user and system, of every thread of
// the kernel) since the start.
func (e *Engine) timer() (stop func()) {
	wall := time.Now()
	cpu := cpuTime()
	return func() {
		fmt.Fprintf(e.stdout(), "wall time: %v, CPU time: %v\n",
			time.Since(wall).Round(time.Microsecond), (cpuTime() - cpu).Round(time.Microsecond))
	}
}

// cpuTime is the CPU time (user + system) used by the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
