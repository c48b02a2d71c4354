package main

import (
	"io"
	"os"
)

// iostreams are the streams a command reads and writes, injected so that
// tests can run commands in-process. IsTerminal fields decide between a
// human table and CSV, and whether progress is shown.
type iostreams struct {
	In               io.Reader
	Out              io.Writer
	ErrOut           io.Writer
	OutIsTerminal    bool
	ErrOutIsTerminal bool
}

func newIOStreams(in io.Reader, out, errOut io.Writer) *iostreams {
	return &iostreams{
		In: in, Out: out, ErrOut: errOut,
		OutIsTerminal:    isTerminal(out),
		ErrOutIsTerminal: isTerminal(errOut),
	}
}

// isTerminal reports whether w is a character device, such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
