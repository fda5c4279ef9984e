// Covers: time, Parse with several layouts, ParseInLocation, ParseDuration, *time.ParseError messages, trying layouts in order.
package main

import (
	"fmt"
	"time"
)

var layouts = []string{time.RFC3339, time.DateTime, time.DateOnly, "02/01/2006", "Jan 2 2006 3:04PM"}

func parseAny(s string) (time.Time, string, error) {
	var lastErr error
	for _, l := range layouts {
		t, err := time.Parse(l, s)
		if err == nil {
			return t, l, nil
		}
		lastErr = err
	}
	return time.Time{}, "", lastErr
}

func main() {
	inputs := []string{
		"2024-03-10T08:30:00Z",
		"2024-03-10T08:30:00+05:30",
		"2024-03-10 21:15:45",
		"2024-03-10",
		"25/12/2023",
		"Jul 4 2021 9:45AM",
		"2024-02-30",
		"yesterday",
	}
	for _, in := range inputs {
		t, layout, err := parseAny(in)
		if err != nil {
			fmt.Printf("%-27q error: %v\n", in, err)
			continue
		}
		fmt.Printf("%-27q -> %s (layout %q) UTC %s\n", in, t.Format(time.RFC3339), layout, t.UTC().Format(time.TimeOnly))
	}

	est := time.FixedZone("EST", -5*3600)
	t, err := time.ParseInLocation(time.DateTime, "2024-11-05 18:00:00", est)
	fmt.Println(t, err)
	fmt.Println(t.UTC())

	for _, d := range []string{"1h30m", "90s", "1.5h", "-2m3.5s", "300ms", "1d"} {
		dur, err := time.ParseDuration(d)
		fmt.Printf("%-8s %v %v\n", d, dur, err)
	}
	_, err = time.Parse(time.DateOnly, "2024-13-01")
	fmt.Println(err)
	zero := time.Time{}
	fmt.Println(zero.IsZero(), zero)
}
