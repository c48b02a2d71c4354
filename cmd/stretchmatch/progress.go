package main

import (
	"fmt"
	"io"
	"time"

	"github.com/stretchmatch/stretchmatch/reports"
)

// progress tells, on standard error, which stage of a long run is under
// way and how long each took: "matching 10000 mentees with 2000 mentors…
// 8.1 s". It speaks only when standard error is a terminal, or when asked
// with --progress (for logs), so that pipes and scripts see nothing. A nil
// *progress is silent.
type progress struct {
	w     io.Writer
	lang  reports.Lang
	now   func() time.Time
	start time.Time
	open  bool // a stage line is waiting for its time
}

// newProgress returns the progress of a command, or nil when it should be
// silent.
func newProgress(ios *iostreams, forced bool) *progress {
	if !ios.ErrOutIsTerminal && !forced {
		return nil
	}
	return &progress{w: ios.ErrOut, lang: ios.Lang, now: time.Now}
}

// stage ends the stage under way, if any, and starts the next one. The
// format is the English text of a message of the catalog (see say).
func (p *progress) stage(format string, args ...any) {
	if p == nil {
		return
	}
	p.done()
	fmt.Fprint(p.w, say(p.lang, format, args...)+"… ")
	p.start, p.open = p.now(), true
}

// done ends the stage under way with its duration.
func (p *progress) done() {
	if p == nil || !p.open {
		return
	}
	fmt.Fprintln(p.w, say(p.lang, "%.1f s", p.now().Sub(p.start).Seconds()))
	p.open = false
}
