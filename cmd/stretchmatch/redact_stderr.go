package main

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// redactorKey keys, in the context of a command run with --redact, the
// replacer of every person's name by their pseudonym.
type redactorKey struct{}

// pseudonymReplacer replaces each name of people by its pseudonym.
func pseudonymReplacer(people []model.Person) *strings.Replacer {
	return data.NameReplacer(people, func(id, _ string) string { return reports.Pseudonym(id) })
}

// setRedactor keeps r for the errors cmd returns (see redactError).
func setRedactor(cmd *cobra.Command, r *strings.Replacer) {
	if cmd == nil || r == nil {
		return
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	cmd.SetContext(context.WithValue(ctx, redactorKey{}, r))
}

// redactError replaces the names of people in err by their pseudonyms
// when cmd runs with --redact and its people were read. Problems stay
// problems; another error keeps its chain, with the redacted text.
func redactError(cmd *cobra.Command, err error) error {
	if cmd == nil || cmd.Context() == nil {
		return err
	}
	r, _ := cmd.Context().Value(redactorKey{}).(*strings.Replacer)
	if r == nil {
		return err
	}
	var ps data.Problems
	if errors.As(err, &ps) {
		return ps.Redact(r)
	}
	if msg := r.Replace(err.Error()); msg != err.Error() {
		return &redactedError{msg: msg, err: err}
	}
	return err
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactingWriter writes through w with every name replaced. Each Write
// is one or more whole lines, as the commands write them.
type redactingWriter struct {
	w io.Writer
	r *strings.Replacer
}

func (rw redactingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(rw.w, rw.r.Replace(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
