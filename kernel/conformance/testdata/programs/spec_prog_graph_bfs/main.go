// Covers: a multi-function program: adjacency-list graph type, BFS shortest path with parent map, DFS topological sort, cycle detection.
package main

import (
	"fmt"
	"maps"
	"slices"
)

type Graph struct{ adj map[string][]string }

func (g *Graph) AddEdge(from, to string) { g.adj[from] = append(g.adj[from], to) }

func (g *Graph) ShortestPath(start, goal string) []string {
	prev := map[string]string{start: ""}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == goal {
			var path []string
			for n := goal; n != ""; n = prev[n] {
				path = append([]string{n}, path...)
			}
			return path
		}
		for _, next := range g.adj[cur] {
			if _, seen := prev[next]; !seen {
				prev[next] = cur
				queue = append(queue, next)
			}
		}
	}
	return nil
}

func (g *Graph) TopoSort() ([]string, bool) {
	const visiting, done = 1, 2
	state := map[string]int{}
	var order []string
	var visit func(n string) bool
	visit = func(n string) bool {
		if state[n] != 0 {
			return state[n] == done // revisiting a node in progress means a cycle
		}
		state[n] = visiting
		for _, m := range g.adj[n] {
			if !visit(m) {
				return false
			}
		}
		state[n] = done
		order = append(order, n)
		return true
	}
	for _, n := range slices.Sorted(maps.Keys(g.adj)) {
		if !visit(n) {
			return nil, false
		}
	}
	slices.Reverse(order)
	return order, true
}

func main() {
	g := &Graph{adj: map[string][]string{}}
	edges := [][2]string{{"shirt", "tie"}, {"tie", "jacket"}, {"pants", "shoes"},
		{"pants", "belt"}, {"belt", "jacket"}, {"shirt", "belt"}, {"socks", "shoes"}}
	for _, e := range edges {
		g.AddEdge(e[0], e[1])
	}
	fmt.Println("path shirt->jacket:", g.ShortestPath("shirt", "jacket"))
	none := g.ShortestPath("socks", "jacket")
	fmt.Println("path socks->jacket:", none, none == nil)
	order, ok := g.TopoSort()
	fmt.Println("topo:", order, ok)
	g.AddEdge("jacket", "shirt")
	_, ok = g.TopoSort()
	fmt.Println("after adding cycle, sortable:", ok)
}
