package server

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// Causes given to a cell stopped by the memory watchdog.
var (
	errMemory = errors.New("memory limit exceeded")
	errStacks = errors.New("goroutine stacks limit exceeded")
)

// maxStacks is the total size of goroutine stacks at which the running cell
// is stopped: half of Go's default 1 GB limit of one goroutine's stack,
// whose overflow is a fatal error no recover can catch, so that an endless
// recursion ends as an error before it reaches that limit.
const maxStacks = 512 << 20

// MemoryLimit returns the memory (heap objects and goroutine stacks) at
// which a running cell is stopped:
// GOPHLOW_MEMORY_LIMIT (bytes) when set, else 75% of the machine's memory
// (or of the cgroup's limit, when lower). 0 means no limit.
func MemoryLimit() (int64, error) {
	if v := os.Getenv("GOPHLOW_MEMORY_LIMIT"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("GOPHLOW_MEMORY_LIMIT=%q is not a byte count", v)
		}
		return n, nil
	}
	total := physicalMemory()
	if cg := cgroupLimit(); cg > 0 && (total == 0 || cg < total) {
		total = cg
	}
	return total / 4 * 3, nil
}

func physicalMemory() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func cgroupLimit() int64 {
	data, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		return 0 // "max": no limit
	}
	return n
}

// watchMemory stops the running cell when the heap grows past limit, so a
// runaway allocation ends as an error in that cell instead of taking the
// machine (and the kernel) down. The Go runtime is also told the limit, so
// that it collects garbage harder before the watchdog has to act.
func (s *Server) watchMemory(limit int64) {
	if limit <= 0 {
		return
	}
	debug.SetMemoryLimit(limit)
	// Goroutine stacks count too: a cell that starts 100,000 goroutines or
	// recurses without end grows them, not the heap.
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		metrics.Read(sample)
		heap, stacks := int64(sample[0].Value.Uint64()), int64(sample[1].Value.Uint64())
		var cause error
		switch {
		case stacks >= maxStacks:
			cause = errStacks
		case heap+stacks >= limit:
			cause = errMemory
		default:
			continue
		}
		s.mu.Lock()
		cancel := s.cancelCell
		s.mu.Unlock()
		if cancel == nil {
			continue
		}
		s.log.Printf("%v (heap %d MiB, stacks %d MiB): stopping the running cell", cause, heap>>20, stacks>>20)
		cancel(cause)
		// Give the memory back before the next cell: a stack shrinks by half
		// per garbage collection, so collect until the stacks are small.
		for range 12 {
			debug.FreeOSMemory()
			metrics.Read(sample)
			if int64(sample[1].Value.Uint64()) < maxStacks/4 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}
