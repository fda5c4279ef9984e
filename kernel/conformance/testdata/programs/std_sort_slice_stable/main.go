// Covers: sort, Slice with multi-key less, SliceStable preserving input order on ties, SliceIsSorted, leaderboard ranking.
package main

import (
	"fmt"
	"sort"
)

type Player struct {
	Name   string
	Team   string
	Points int
}

func main() {
	players := []Player{
		{"Zoe", "red", 30},
		{"Ali", "blue", 45},
		{"Max", "red", 45},
		{"Eve", "green", 30},
		{"Bo", "blue", 12},
		{"Kim", "green", 45},
		{"Lu", "red", 12},
	}

	byTeam := make([]Player, len(players))
	copy(byTeam, players)
	sort.SliceStable(byTeam, func(i, j int) bool { return byTeam[i].Team < byTeam[j].Team })
	fmt.Println("stable by team (input order kept within team):")
	for _, p := range byTeam {
		fmt.Printf("  %-5s %-4s %d\n", p.Team, p.Name, p.Points)
	}

	sort.Slice(players, func(i, j int) bool {
		a, b := players[i], players[j]
		if a.Points != b.Points {
			return a.Points > b.Points
		}
		return a.Name < b.Name
	})
	fmt.Println("leaderboard:")
	rank := 0
	for i, p := range players {
		if i == 0 || p.Points != players[i-1].Points {
			rank = i + 1
		}
		fmt.Printf("  #%d %-4s %3d (%s)\n", rank, p.Name, p.Points, p.Team)
	}
	fmt.Println("sorted by points desc:", sort.SliceIsSorted(players, func(i, j int) bool {
		return players[i].Points > players[j].Points
	}))

	words := []string{"banana", "kiwi", "apple", "fig", "cherry", "date"}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) < len(words[j]) })
	fmt.Println(words)
}
