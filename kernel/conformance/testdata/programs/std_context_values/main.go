// Covers: context, WithValue with an unexported key type, value lookup through derived contexts, WithoutCancel, passing request-scoped data to handlers.
package main

import (
	"context"
	"fmt"
)

type ctxKey int

const (
	requestIDKey ctxKey = iota
	userKey
)

type User struct {
	Name  string
	Admin bool
}

func withUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

func userFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey).(User)
	return u, ok
}

func handle(ctx context.Context, action string) string {
	id, _ := ctx.Value(requestIDKey).(string)
	u, ok := userFrom(ctx)
	switch {
	case !ok:
		return fmt.Sprintf("[%s] %s: anonymous denied", id, action)
	case action == "delete" && !u.Admin:
		return fmt.Sprintf("[%s] %s: %s is not admin", id, action, u.Name)
	}
	return fmt.Sprintf("[%s] %s: allowed for %s", id, action, u.Name)
}

func describeUser(ctx context.Context) string {
	if v := ctx.Value(userKey); v == nil {
		return "no user"
	}
	return "user"
}

func main() {
	base := context.Background()
	req1 := context.WithValue(base, requestIDKey, "req-001")
	fmt.Println(handle(req1, "read"))

	req2 := withUser(context.WithValue(base, requestIDKey, "req-002"), User{"dana", false})
	fmt.Println(handle(req2, "read"))
	fmt.Println(handle(req2, "delete"))

	admin := withUser(req2, User{"root", true})
	fmt.Println(handle(admin, "delete"))
	fmt.Println("outer still sees:", admin.Value(requestIDKey))

	fmt.Println(describeUser(base), base.Value(0) == nil)
	fmt.Println("int key vs ctxKey:", req1.Value(0), req1.Value(ctxKey(0)))

	cancelable, cancel := context.WithCancel(req2)
	detached := context.WithoutCancel(cancelable)
	cancel()
	fmt.Println(cancelable.Err(), detached.Err(), detached.Value(requestIDKey))
	fmt.Println(req1)
}
