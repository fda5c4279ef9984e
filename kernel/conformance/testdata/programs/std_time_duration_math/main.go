// Covers: time, Duration arithmetic, String formatting, Hours/Minutes/Seconds, Truncate/Round/Abs, multiplying by constants, summing lap times.
package main

import (
	"fmt"
	"time"
)

func main() {
	laps := []time.Duration{
		1*time.Minute + 32*time.Second + 450*time.Millisecond,
		1*time.Minute + 29*time.Second + 980*time.Millisecond,
		95 * time.Second,
		88*time.Second + 5*time.Millisecond,
	}
	var total time.Duration
	best := laps[0]
	for i, l := range laps {
		total += l
		if l < best {
			best = l
		}
		fmt.Printf("lap %d: %-10v %8.3fs\n", i+1, l, l.Seconds())
	}
	avg := total / time.Duration(len(laps))
	fmt.Println("total:", total, "avg:", avg, "best:", best)
	fmt.Println("avg rounded:", avg.Round(time.Second), "truncated:", avg.Truncate(time.Second))
	fmt.Println("total minutes:", total.Minutes())

	for _, d := range []time.Duration{0, 1, 999, time.Microsecond + 500, 1500 * time.Millisecond, 26*time.Hour + 3*time.Minute, -90 * time.Second} {
		fmt.Printf("%v | %d ns | %.2fh | abs %v\n", d, d.Nanoseconds(), d.Hours(), d.Abs())
	}

	timeout := 3 * time.Second
	backoff := timeout
	for i := 0; i < 5; i++ {
		fmt.Print(backoff, " ")
		backoff *= 2
	}
	fmt.Println()
	fmt.Println(time.Duration(1.5*float64(time.Second)), time.Duration(2)*time.Hour/3)
	fmt.Println(int64(time.Hour/time.Millisecond), time.Minute.Milliseconds(), (90 * time.Minute).String())
	fmt.Println(time.Duration(1<<63 - 1))
}
