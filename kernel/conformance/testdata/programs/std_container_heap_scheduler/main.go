// Covers: container/heap, Init/Push/Pop/Fix on a priority queue of jobs (index tracking via Swap), a tiny deterministic scheduler.
package main

import (
	"container/heap"
	"fmt"
)

type Job struct {
	Name     string
	Priority int
	Seq      int
	index    int
}

type PQ []*Job

func (q PQ) Len() int { return len(q) }
func (q PQ) Less(i, j int) bool {
	if q[i].Priority != q[j].Priority {
		return q[i].Priority > q[j].Priority
	}
	return q[i].Seq < q[j].Seq
}
func (q PQ) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index = i
	q[j].index = j
}
func (q *PQ) Push(x any) {
	j := x.(*Job)
	j.index = len(*q)
	*q = append(*q, j)
}
func (q *PQ) Pop() any {
	old := *q
	n := len(old)
	j := old[n-1]
	old[n-1] = nil
	*q = old[:n-1]
	j.index = -1
	return j
}

func main() {
	q := PQ{}
	names := []string{"backup", "email", "report", "cleanup", "deploy"}
	prios := []int{2, 5, 3, 1, 5}
	for i, n := range names {
		q = append(q, &Job{Name: n, Priority: prios[i], Seq: i, index: i})
	}
	heap.Init(&q)
	heap.Push(&q, &Job{Name: "hotfix", Priority: 9, Seq: 5})
	var cleanup *Job
	for _, j := range q {
		if j.Name == "cleanup" {
			cleanup = j
		}
	}
	fmt.Println("cleanup at index", cleanup.index, "of", q.Len())
	cleanup.Priority = 4
	heap.Fix(&q, cleanup.index)

	fmt.Println("jobs queued:", q.Len(), "next:", q[0].Name)
	tick := 0
	for q.Len() > 0 {
		j := heap.Pop(&q).(*Job)
		tick++
		fmt.Printf("t=%d run %-8s prio=%d\n", tick, j.Name, j.Priority)
	}
}
