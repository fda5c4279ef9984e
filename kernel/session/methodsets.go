package session

// The compiled interfaces of cellcheck.CompiledMethodSets, for the method
// sets package errors looks for without naming a type: a compiled value
// asserted to a cell's interface of one of these method sets is found
// through them (cellcheck's interfaceassertions.go).

type unwrapper interface{ Unwrap() error }

type multiUnwrapper interface{ Unwrap() []error }

type errorMatcher interface{ Is(error) bool }

type errorTarget interface{ As(any) bool }
