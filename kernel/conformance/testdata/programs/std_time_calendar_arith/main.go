// Covers: time, Add/Sub/AddDate normalisation, Weekday, Before/After/Equal, Truncate to day/hour, Compare, counting business days.
package main

import (
	"fmt"
	"time"
)

func businessDays(from, to time.Time) int {
	n := 0
	for d := from; d.Before(to); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

func main() {
	start := time.Date(2024, time.January, 31, 9, 30, 0, 0, time.UTC)
	fmt.Println("start:", start.Format("Mon 2006-01-02 15:04"))
	fmt.Println("+1 month (normalised):", start.AddDate(0, 1, 0).Format(time.DateOnly))
	fmt.Println("+1 year -1 day:", start.AddDate(1, 0, -1).Format(time.DateOnly))
	fmt.Println("+36h:", start.Add(36*time.Hour).Format(time.DateTime))
	fmt.Println("Feb 30 normalises to:", time.Date(2023, 2, 30, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	fmt.Println("month 13:", time.Date(2024, 13, 1, 25, 61, 0, 0, time.UTC))

	deadline := time.Date(2024, time.March, 15, 17, 0, 0, 0, time.UTC)
	left := deadline.Sub(start)
	fmt.Println("until deadline:", left, "=", int(left.Hours()/24), "days")
	fmt.Println("business days:", businessDays(start, deadline))
	fmt.Println(start.Before(deadline), start.After(deadline), start.Equal(start.Add(0)), start.Compare(deadline))

	for i := 0; i < 7; i++ {
		d := start.AddDate(0, 0, i)
		fmt.Printf("%s=%d ", d.Weekday().String()[:3], d.Weekday())
	}
	fmt.Println()

	t := time.Date(2024, 5, 17, 13, 47, 31, 500, time.UTC)
	fmt.Println(t.Truncate(time.Hour).Format(time.TimeOnly), t.Round(time.Hour).Format(time.TimeOnly), t.Truncate(15*time.Minute).Format(time.TimeOnly))
	year, month, day := t.Date()
	h, m, s := t.Clock()
	fmt.Println(year, month, day, h, m, s, int(month))
	dayStart := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	fmt.Println("since midnight:", t.Sub(dayStart))
	fmt.Println(time.Month(10), time.Weekday(6), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC).YearDay())
}
