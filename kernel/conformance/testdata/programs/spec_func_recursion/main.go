// Covers: function declarations, direct recursion (factorial, permutations, tree depth) and recursive function literals.
package main

import (
	"fmt"
	"strings"
)

type node struct {
	val         int
	left, right *node
}

func insert(n *node, v int) *node {
	if n == nil {
		return &node{val: v}
	}
	if v < n.val {
		n.left = insert(n.left, v)
	} else {
		n.right = insert(n.right, v)
	}
	return n
}

func inorder(n *node, out *[]int) {
	if n == nil {
		return
	}
	inorder(n.left, out)
	*out = append(*out, n.val)
	inorder(n.right, out)
}

func depth(n *node) int {
	if n == nil {
		return 0
	}
	return 1 + max(depth(n.left), depth(n.right))
}

func permutations(s string) []string {
	if len(s) <= 1 {
		return []string{s}
	}
	var res []string
	for i := range len(s) {
		rest := s[:i] + s[i+1:]
		for _, p := range permutations(rest) {
			res = append(res, string(s[i])+p)
		}
	}
	return res
}

func main() {
	var root *node
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35} {
		root = insert(root, v)
	}
	var sorted []int
	inorder(root, &sorted)
	fmt.Println("inorder:", sorted)
	fmt.Println("depth:", depth(root))
	fmt.Println("perms:", strings.Join(permutations("abc"), ","))

	var hanoi func(n int, from, to, via string) int
	hanoi = func(n int, from, to, via string) int {
		if n == 0 {
			return 0
		}
		return hanoi(n-1, from, via, to) + 1 + hanoi(n-1, via, to, from)
	}
	fmt.Println("hanoi moves for 10 disks:", hanoi(10, "A", "C", "B"))
}
