// Covers: sync, Once for lazy init, OnceValue/OnceValues, RWMutex with concurrent readers and a writer, sync.Pool Get/New, Cond-free coordination via WaitGroup.
package main

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"
)

type Config struct {
	mu   sync.RWMutex
	vals map[string]string
}

func (c *Config) Get(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.vals[k]
}

func (c *Config) Set(k, v string) {
	c.mu.Lock()
	c.vals[k] = v
	c.mu.Unlock()
}

func main() {
	var once sync.Once
	inits := 0
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { inits++ })
		}()
	}
	wg.Wait()
	fmt.Println("init ran", inits, "time(s)")

	calls := 0
	expensive := sync.OnceValue(func() int {
		calls++
		return 6 * 7
	})
	fmt.Println(expensive(), expensive(), "calls:", calls)
	parse := sync.OnceValues(func() (int, error) { return strconv.Atoi("12a") })
	v, err := parse()
	fmt.Println(v, err)

	cfg := &Config{vals: map[string]string{"mode": "dev"}}
	results := make([]string, 5)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = cfg.Get("mode")
		}()
	}
	wg.Wait()
	cfg.Set("mode", "prod")
	fmt.Println(results, cfg.Get("mode"))

	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	buf := pool.Get().(*bytes.Buffer)
	buf.WriteString("pooled buffer")
	fmt.Println(buf.String(), buf.Len())
	buf.Reset()
	pool.Put(buf)
	b2 := pool.Get().(*bytes.Buffer)
	fmt.Println("reused buffer empty:", b2.Len() == 0)
}
