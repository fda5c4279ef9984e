// Covers: encoding/json, RawMessage for delayed decoding of a typed event envelope, re-marshalling raw payloads, interface dispatch by "type".
package main

import (
	"encoding/json"
	"fmt"
)

type Envelope struct {
	Type    string          `json:"type"`
	Seq     int             `json:"seq"`
	Payload json.RawMessage `json:"payload"`
}

type Login struct {
	User string `json:"user"`
	OK   bool   `json:"ok"`
}

type Purchase struct {
	Item  string  `json:"item"`
	Price float64 `json:"price"`
	Qty   int     `json:"qty"`
}

const input = `[
 {"type": "login", "seq": 1, "payload": {"user": "amy", "ok": true}},
 {"type": "purchase", "seq": 2, "payload": {"item": "book", "price": 12.5, "qty": 2}},
 {"type": "logout", "seq": 3, "payload": null},
 {"type": "purchase", "seq": 4, "payload": {"item": "pen", "price": 1.25, "qty": 4}},
 {"type": "login", "seq": 5, "payload": {"user": 42}}
]`

func main() {
	var events []Envelope
	if err := json.Unmarshal([]byte(input), &events); err != nil {
		panic(err)
	}
	revenue := 0.0
	for _, e := range events {
		fmt.Printf("#%d %-8s raw=%s\n", e.Seq, e.Type, e.Payload)
		switch e.Type {
		case "login":
			var l Login
			if err := json.Unmarshal(e.Payload, &l); err != nil {
				fmt.Println("   bad login payload:", err)
				continue
			}
			fmt.Printf("   user %s ok=%v\n", l.User, l.OK)
		case "purchase":
			var p Purchase
			json.Unmarshal(e.Payload, &p)
			revenue += p.Price * float64(p.Qty)
			fmt.Printf("   %d x %s\n", p.Qty, p.Item)
		default:
			fmt.Println("   ignored")
		}
	}
	fmt.Printf("revenue: %.2f\n", revenue)

	out := Envelope{Type: "note", Seq: 6, Payload: json.RawMessage(`{"text":"pre-encoded","n":[1,2]}`)}
	b, _ := json.Marshal(out)
	fmt.Println(string(b))
	b, _ = json.Marshal(Envelope{Type: "empty"})
	fmt.Println(string(b))
}
