package main

import (
	"io"
	"os"
	"strconv"

	"github.com/stretchmatch/stretchmatch/reports"
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
	Width            int // columns of the terminal Out is, when it is one
	// Lang is the --lang of the command running, for the lines printed on
	// standard error; English when the command has no --lang.
	Lang reports.Lang
}

func newIOStreams(in io.Reader, out, errOut io.Writer) *iostreams {
	return &iostreams{
		In: in, Out: out, ErrOut: errOut,
		OutIsTerminal:    isTerminal(out),
		ErrOutIsTerminal: isTerminal(errOut),
		Width:            outputWidth(out),
	}
}

// outputWidth returns the width of the terminal w is: the size the system
// reports, else the COLUMNS variable, else 80. It is 0 when w is not a
// terminal.
func outputWidth(w io.Writer) int {
	if !isTerminal(w) {
		return 0
	}
	if n := terminalColumns(w.(*os.File)); n > 0 {
		return n
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 80
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
