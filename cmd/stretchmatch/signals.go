package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

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

// signalCatcher makes SIGINT, SIGTERM and SIGHUP stop the command: the files
// being written are removed (an output folder keeps its old files), a
// message goes to errOut and the process exits with signalExit.
type signalCatcher struct {
	ch    chan os.Signal
	done  chan struct{}
	fired chan struct{} // closed once the message is written and code set
	code  int
}

// catchSignals starts catching the signals; exit ends the process.
func catchSignals(errOut io.Writer, exit func(int)) *signalCatcher {
	c := &signalCatcher{
		ch:    make(chan os.Signal, 1),
		done:  make(chan struct{}),
		fired: make(chan struct{}),
	}
	signal.Notify(c.ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		select {
		case sig := <-c.ch:
			data.AbortWrites()
			removeScratch()
			name := map[os.Signal]string{os.Interrupt: "SIGINT", syscall.SIGTERM: "SIGTERM", syscall.SIGHUP: "SIGHUP"}[sig]
			fmt.Fprintf(errOut, "stretchmatch: stopped by %s; files being written were removed, earlier output is unchanged\n", name)
			c.code = signalExit(sig)
			close(c.fired)
			exit(c.code)
		case <-c.done:
		}
	}()
	return c
}

// interrupted waits for the signal that made a write fail with
// data.ErrInterrupted and returns its exit code: the command's own error
// is then not a data error, whichever goroutine ends the process first.
// A write aborted by anything but a caught signal is a data error.
func (c *signalCatcher) interrupted() int {
	select {
	case <-c.fired:
		return c.code
	case <-time.After(10 * time.Second):
		return exitData
	}
}

// stop stops catching the signals.
func (c *signalCatcher) stop() {
	signal.Stop(c.ch)
	close(c.done)
}

// scratch holds the private folders the command's libraries keep
// temporary files in (the workbook writer's, for large sheets): a caught
// signal removes them before the process exits, as it removes the staged
// files.
var scratch struct {
	sync.Mutex
	dirs map[string]bool
}

// withScratch runs f with a new private folder (mode 0700) for temporary
// files, and removes the folder afterwards, or when a signal stops the
// command first.
func withScratch(f func(dir string) error) error {
	dir, err := os.MkdirTemp("", "stretchmatch-")
	if err != nil {
		return err
	}
	scratch.Lock()
	if scratch.dirs == nil {
		scratch.dirs = make(map[string]bool)
	}
	scratch.dirs[dir] = true
	scratch.Unlock()
	defer func() {
		scratch.Lock()
		delete(scratch.dirs, dir)
		scratch.Unlock()
		os.RemoveAll(dir)
	}()
	return f(dir)
}

// removeScratch removes every scratch folder still in use.
func removeScratch() {
	scratch.Lock()
	defer scratch.Unlock()
	for dir := range scratch.dirs {
		os.RemoveAll(dir)
	}
}
