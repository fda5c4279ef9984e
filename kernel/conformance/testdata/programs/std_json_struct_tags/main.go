// Covers: encoding/json, Marshal/Unmarshal of structs with tags (rename, omitempty, "-", string option), embedded structs, unknown fields, case-insensitive keys, UnmarshalTypeError/SyntaxError.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Audit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version,omitempty"`
}

type Account struct {
	ID       int64             `json:"id"`
	Email    string            `json:"email"`
	Nickname string            `json:"nickname,omitempty"`
	Password string            `json:"-"`
	Balance  float64           `json:"balance,string"`
	Roles    []string          `json:"roles"`
	Prefs    map[string]bool   `json:"prefs,omitempty"`
	Parent   *Account          `json:"parent,omitempty"`
	Labels   map[string]string `json:"labels"`
	internal string
	Audit
}

func main() {
	acc := Account{
		ID: 7, Email: "kim@example.com", Password: "hunter2", Balance: 12.5,
		Prefs:    map[string]bool{"dark": true, "beta": false},
		internal: "hidden",
		Audit:    Audit{CreatedBy: "admin"},
	}
	b, err := json.Marshal(acc)
	fmt.Println(string(b), err)

	in := `{"id": 99, "email": "x@y.z", "balance": "3.75", "roles": ["admin","dev"],
	        "parent": {"id": 1, "email": "root@y.z", "balance": "0", "roles": null, "labels": null, "created_by": ""},
	        "created_by": "import", "version": 3, "extra": "ignored", "Password": "nope"}`
	var got Account
	if err := json.Unmarshal([]byte(in), &got); err != nil {
		fmt.Println("unmarshal:", err)
	}
	fmt.Printf("%d %s %.2f %v %q parent=%d %s v%d\n", got.ID, got.Email, got.Balance, got.Roles,
		got.Password, got.Parent.ID, got.CreatedBy, got.Version)
	fmt.Println(got.Labels == nil, got.Parent.Roles == nil)

	var bad Account
	err = json.Unmarshal([]byte(`{"id": "seven"}`), &bad)
	fmt.Println(err)
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		fmt.Println("type error: value", te.Value, "field", te.Field, "want", te.Type)
	}
	err = json.Unmarshal([]byte(`{"id": 1,}`), &bad)
	fmt.Println(err)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("syntax error at offset", se.Offset)
	}

	var caseless struct{ A int }
	fmt.Println(json.Unmarshal([]byte(`{"a": 5}`), &caseless), caseless.A)
	fmt.Println(json.Unmarshal([]byte(`{"a": 5, "A": 6}`), &caseless), caseless.A)
}
