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

	"github.com/gophlow/gophlow/kernel/wire"
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
	return machineMemory() / 4 * 3, nil
}

// machineMemory is the machine's memory, or the cgroup's limit when lower
// (0 when neither is known).
func machineMemory() int64 {
	total := physicalMemory()
	if cg := cgroupLimit(); cg > 0 && (total == 0 || cg < total) {
		total = cg
	}
	return total
}

// memoryCeiling is the memory at which a running cell is stopped even when
// the memory above the limit is not its doing (see watchMemory): halfway
// from the limit to the machine's memory, or twice the limit when that is
// unknown (or not above the limit).
func memoryCeiling(limit int64) int64 {
	if total := machineMemory(); total > limit {
		return limit + (total-limit)/2
	}
	return 2 * limit
}

// memorySample reads the two measures the watchdog adds up.
var memorySample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}

// memoryInUse returns the bytes of heap objects and of goroutine stacks.
func memoryInUse() (heap, stacks int64) {
	sample := append([]metrics.Sample(nil), memorySample...)
	metrics.Read(sample)
	return int64(sample[0].Value.Uint64()), int64(sample[1].Value.Uint64())
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

// watchMemory stops the running cell when memory (heap objects and
// goroutine stacks) grows past limit, so a runaway allocation ends as an
// error in that cell instead of taking the machine (and the kernel) down.
// The Go runtime is also told the limit, so that it collects garbage harder
// before the watchdog has to act. Which cell is stopped when is
// memoryWatch's judgement.
func (s *Server) watchMemory(limit int64) {
	if limit <= 0 {
		return
	}
	debug.SetMemoryLimit(limit)
	w := &memoryWatch{limit: limit, ceiling: memoryCeiling(limit), armed: true}
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
		}
		heap, stacks := memoryInUse()
		s.mu.Lock()
		cancel, cell, atStart := s.cancelCell, s.current, s.memoryAtStart
		s.mu.Unlock()
		if cancel == nil {
			cell = nil
		}
		cause := w.verdict(heap, stacks, cell, atStart)
		if cause == nil {
			continue
		}
		s.log.Printf("%v (heap %d MiB, stacks %d MiB): stopping the running cell", cause, heap>>20, stacks>>20)
		cancel(cause)
		// Give the memory back before the next cell: a stack shrinks by half
		// per garbage collection, so collect until the stacks are small.
		for range 12 {
			debug.FreeOSMemory()
			if _, stacks := memoryInUse(); stacks < maxStacks/4 {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// memoryWatch decides, from the memory in use at each look, whether the
// running cell must stop.
//
// A cell is stopped only for memory it took. When memory was already above
// the limit as the cell started, or the watchdog has just stopped a cell,
// what is above the limit belongs to earlier cells — variables holding it,
// or an interrupted compiled call that goes on allocating in the
// background, which no stop can end — so the watchdog holds off (is not
// armed) until memory is back below the limit, unless it passes the
// ceiling. Goroutine stacks count too (a cell that starts 100,000
// goroutines or recurses without end grows them, not the heap), and past
// maxStacks stop the cell in any case.
type memoryWatch struct {
	limit, ceiling int64
	armed          bool
	seen           *wire.Message // the last cell looked at
}

// verdict returns why the running cell must stop, or nil; cell is the
// running cell's request (nil when none runs) and atStart the memory in use
// as it started.
func (w *memoryWatch) verdict(heap, stacks int64, cell *wire.Message, atStart int64) error {
	if cell != nil && cell != w.seen {
		w.seen, w.armed = cell, atStart < w.limit
	}
	used := heap + stacks
	if used < w.limit {
		w.armed = true
	}
	var cause error
	switch {
	case cell == nil:
	case stacks >= maxStacks:
		cause = errStacks
	case used >= w.ceiling || (w.armed && used >= w.limit):
		cause = errMemory
	}
	if cause != nil {
		w.armed = false
	}
	return cause
}
