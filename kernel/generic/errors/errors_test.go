package errors_test

import (
	stderrors "errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/gophlow/gophlow/kernel/generic/errors"
)

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprint("code ", e.code) }

// TestAsTypeAsTheStandardLibrary compares the template with the standard
// library's AsType on wrapped, joined, absent and nil errors.
func TestAsTypeAsTheStandardLibrary(t *testing.T) {
	for _, err := range []error{
		nil,
		&codeError{1},
		fmt.Errorf("wrapped: %w", &codeError{2}),
		stderrors.Join(stderrors.New("x"), fmt.Errorf("deep: %w", &codeError{3})),
		&fs.PathError{Op: "open", Path: "p", Err: fs.ErrNotExist},
		stderrors.New("plain"),
	} {
		got, gotOK := errors.AsType[*codeError](err)
		want, wantOK := stderrors.AsType[*codeError](err)
		if got != want || gotOK != wantOK {
			t.Errorf("%v: got %v %v, want %v %v", err, got, gotOK, want, wantOK)
		}
		gotPath, gotOK := errors.AsType[*fs.PathError](err)
		wantPath, wantOK := stderrors.AsType[*fs.PathError](err)
		if gotPath != wantPath || gotOK != wantOK {
			t.Errorf("%v: got %v %v, want %v %v", err, gotPath, gotOK, wantPath, wantOK)
		}
	}
}
