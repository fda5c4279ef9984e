// Covers: encoding/json, custom MarshalJSON/UnmarshalJSON on value and pointer receivers, MarshalText for map keys, time.Time and Duration encoding.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

var levelNames = []string{"debug", "info", "warn"}

func (l Level) MarshalJSON() ([]byte, error) { return json.Marshal(levelNames[l]) }

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for i, n := range levelNames {
		if strings.EqualFold(n, s) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("unknown level %q", s)
}

type Point struct{ X, Y int }

func (p Point) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d:%d", p.X, p.Y), nil }

type Entry struct {
	At      time.Time     `json:"at"`
	Level   Level         `json:"level"`
	Msg     string        `json:"msg"`
	Elapsed time.Duration `json:"elapsed"`
}

func main() {
	e := Entry{
		At:      time.Date(2024, 7, 1, 12, 0, 0, 0, time.FixedZone("", 2*3600)),
		Level:   Warn,
		Msg:     "disk 91% full",
		Elapsed: 1500 * time.Millisecond,
	}
	b, err := json.Marshal(e)
	fmt.Println(string(b), err)

	var back Entry
	err = json.Unmarshal(b, &back)
	fmt.Println(err, back.At.Equal(e.At), back.Level, back.Elapsed)

	var logs []Entry
	err = json.Unmarshal([]byte(`[{"level":"INFO","msg":"a"},{"level":"Debug","msg":"b"}]`), &logs)
	fmt.Println(err, logs[0].Level, logs[1].Level, logs[0].At.IsZero())
	err = json.Unmarshal([]byte(`{"level":"fatal"}`), &back)
	fmt.Println(err)

	grid := map[Point]string{{1, 2}: "tree", {0, 0}: "home", {10, 3}: "lake"}
	b, err = json.Marshal(grid)
	fmt.Println(string(b), err)
	levels, _ := json.Marshal([]Level{Info, Debug, Warn})
	fmt.Println(string(levels))
}
