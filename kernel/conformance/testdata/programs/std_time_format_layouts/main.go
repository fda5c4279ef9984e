// Covers: time, Date and Format with predefined layouts (RFC3339, RFC1123Z, Kitchen, DateTime, DateOnly, ANSIC, Stamp) and custom layouts.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 14, 5, 9, 123456789, time.UTC)
	layouts := []struct {
		name   string
		layout string
	}{
		{"RFC3339", time.RFC3339},
		{"RFC3339Nano", time.RFC3339Nano},
		{"RFC1123Z", time.RFC1123Z},
		{"RFC822", time.RFC822},
		{"ANSIC", time.ANSIC},
		{"Kitchen", time.Kitchen},
		{"DateTime", time.DateTime},
		{"DateOnly", time.DateOnly},
		{"TimeOnly", time.TimeOnly},
		{"StampMilli", time.StampMilli},
		{"custom1", "Mon, 02 Jan 2006"},
		{"custom2", "2006/01/02 15h04 .000"},
		{"custom3", "January 2, 2006 at 3:04PM"},
		{"custom4", "06-1-2 _2 __2 002"},
		{"custom5", "15:04:05.999999 -07:00 Z07:00"},
	}
	for _, l := range layouts {
		fmt.Printf("%-11s %s\n", l.name, t.Format(l.layout))
	}
	fmt.Println(t)
	fmt.Println(t.String() == t.Format("2006-01-02 15:04:05.999999999 -0700 MST"))

	midnight := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println(midnight.Format(time.Kitchen), midnight.Format("3PM pm"), midnight.Format(time.RFC3339Nano))
	fmt.Println(string(midnight.AppendFormat([]byte("at: "), time.DateOnly)))
	fmt.Printf("%s\n", midnight.AppendFormat(nil, "Jan _2"))
	y, w := midnight.ISOWeek()
	fmt.Println("ISO week:", y, w, "yearday:", midnight.YearDay())
	fmt.Println(t.Unix(), t.UnixMilli(), t.Nanosecond())
}
