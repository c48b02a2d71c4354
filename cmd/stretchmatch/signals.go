package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/stretchmatch/stretchmatch/data"
)

// signalExit is the exit code of a process stopped by sig: 128 + its
// number, as shells report it (130 for SIGINT, 143 for SIGTERM, 129 for
// SIGHUP).
func signalExit(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitData
}

// catchSignals makes SIGINT, SIGTERM and SIGHUP stop the command: the files being
// written are removed (an output folder keeps its old files), a message
// goes to errOut and the process exits with signalExit. The returned
// function stops catching them.
func catchSignals(errOut io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		select {
		case sig := <-ch:
			data.AbortWrites()
			name := map[os.Signal]string{os.Interrupt: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}[sig]
			fmt.Fprintf(errOut, "stretchmatch: stopped by %s; files being written were removed, earlier output is unchanged\n", name)
			exit(signalExit(sig))
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
