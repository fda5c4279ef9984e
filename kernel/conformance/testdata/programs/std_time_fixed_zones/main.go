// Covers: time, FixedZone, In/UTC conversion, Zone(), same instant Equal vs ==, meeting planner across offsets, UnixMilli round-trip.
package main

import (
	"fmt"
	"time"
)

type office struct {
	city string
	loc  *time.Location
}

func main() {
	offices := []office{
		{"London", time.FixedZone("GMT", 0)},
		{"New York", time.FixedZone("EST", -5*60*60)},
		{"Mumbai", time.FixedZone("IST", 5*60*60+30*60)},
		{"Tokyo", time.FixedZone("JST", 9*60*60)},
		{"Chatham", time.FixedZone("", 12*60*60+45*60)},
	}
	meeting := time.Date(2024, time.June, 3, 14, 0, 0, 0, offices[0].loc)
	fmt.Println("meeting (UTC):", meeting.UTC().Format(time.RFC3339))
	for _, o := range offices {
		local := meeting.In(o.loc)
		name, offset := local.Zone()
		warn := ""
		if local.Hour() < 8 || local.Hour() >= 18 {
			warn = " (outside office hours)"
		}
		fmt.Printf("%-9s %s zone=%q offset=%+d%s\n", o.city, local.Format("Mon 15:04 MST -07:00"), name, offset/3600, warn)
	}

	ny := meeting.In(offices[1].loc)
	fmt.Println("Equal:", ny.Equal(meeting), "==:", ny == meeting, "same unix:", ny.Unix() == meeting.Unix())
	fmt.Printf("%v %q %v %s\n", ny.Location(), offices[4].loc.String(), time.UTC, time.FixedZone("X", 60))

	ms := meeting.UnixMilli()
	back := time.UnixMilli(ms).In(offices[3].loc)
	fmt.Println(ms, back.Format(time.RFC3339))
	fmt.Println(time.Unix(0, 0).UTC())
	fmt.Println(time.Date(2024, 1, 1, 0, 30, 0, 0, offices[1].loc).UTC().Format(time.DateTime))
	a := time.Date(2024, 1, 1, 9, 0, 0, 0, offices[2].loc)
	b := time.Date(2024, 1, 1, 9, 0, 0, 0, offices[3].loc)
	fmt.Println("Mumbai 9am minus Tokyo 9am:", a.Sub(b))
}
