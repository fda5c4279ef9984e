// Covers: fmt, Errorf with %w (single and multiple), errors.Unwrap/Is through fmt-wrapped chains, %v vs %s vs %q on errors.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var ErrNotFound = errors.New("not found")

func lookup(db map[string]string, key string) (string, error) {
	v, ok := db[key]
	if !ok {
		return "", fmt.Errorf("lookup %q: %w", key, ErrNotFound)
	}
	return v, nil
}

func loadPort(db map[string]string) (int, error) {
	raw, err := lookup(db, "port")
	if err != nil {
		return 0, fmt.Errorf("load config: %w", err)
	}
	p, err := strconv.Atoi(raw)
	if err != nil {
		return 0, fmt.Errorf("load config: port: %w", err)
	}
	return p, nil
}

func main() {
	configs := []map[string]string{
		{"port": "8080"},
		{"host": "example"},
		{"port": "eighty"},
	}
	for i, db := range configs {
		p, err := loadPort(db)
		if err != nil {
			fmt.Printf("config %d: error: %v\n", i, err)
			fmt.Printf("  is ErrNotFound: %v\n", errors.Is(err, ErrNotFound))
			fmt.Printf("  is ErrSyntax:   %v\n", errors.Is(err, strconv.ErrSyntax))
			depth := 0
			for e := err; e != nil; e = errors.Unwrap(e) {
				depth++
			}
			fmt.Printf("  chain depth: %d\n", depth)
			continue
		}
		fmt.Printf("config %d: port %d\n", i, p)
	}

	both := fmt.Errorf("cleanup failed: %w; also %w", ErrNotFound, fs.ErrPermission)
	fmt.Println(both)
	fmt.Println(errors.Is(both, ErrNotFound), errors.Is(both, fs.ErrPermission), errors.Unwrap(both) == nil)
	noWrap := fmt.Errorf("flat: %v", ErrNotFound)
	fmt.Println(noWrap, errors.Is(noWrap, ErrNotFound))
	fmt.Printf("%q\n", fmt.Errorf("n=%d", 3))
}
