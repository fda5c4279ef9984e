// Covers: a multi-function program: a named-int state type with String, a transition table keyed by struct, event processing and errors.
package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

var stateNames = [...]string{"Idle", "Running", "Paused", "Stopped"}

func (s State) String() string { return stateNames[s] }

type Event string

type transition struct {
	from State
	ev   Event
}

type Machine struct {
	state   State
	table   map[transition]State
	history []State
}

func NewMachine() *Machine {
	return &Machine{
		state: Idle,
		table: map[transition]State{
			{Idle, "start"}:    Running,
			{Running, "pause"}: Paused,
			{Paused, "resume"}: Running,
			{Running, "stop"}:  Stopped,
			{Paused, "stop"}:   Stopped,
		},
	}
}

func (m *Machine) Fire(ev Event) error {
	next, ok := m.table[transition{m.state, ev}]
	if !ok {
		return fmt.Errorf("invalid event %q in state %v", ev, m.state)
	}
	m.history = append(m.history, m.state)
	m.state = next
	return nil
}

func run(events []Event) *Machine {
	m := NewMachine()
	for _, ev := range events {
		if err := m.Fire(ev); err != nil {
			fmt.Println("  error:", err)
			continue
		}
		fmt.Printf("  %-6s -> %v\n", ev, m.state)
	}
	return m
}

func main() {
	fmt.Println("session 1:")
	m := run([]Event{"start", "pause", "pause", "resume", "stop", "start"})
	fmt.Println("final:", m.state, "history:", m.history)

	fmt.Println("session 2:")
	m2 := run([]Event{"stop", "start", "stop"})
	fmt.Printf("final: %v (%d) %v\n", m2.state, m2.state, m2.state == Stopped)
}
