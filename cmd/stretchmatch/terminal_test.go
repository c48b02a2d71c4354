package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// runTerminal runs the command line as on a terminal of the given width.
func runTerminal(t *testing.T, width int, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, OutIsTerminal: true, Width: width}
	root := newRootCmd(ios)
	root.SetArgs(args)
	if code := exitCode(root.Execute(), &errOut, "stretchmatch"); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
	}
	return out.String()
}

// TestTablesFitTheTerminal prints the tables of score, plan, match and demo
// on terminals of 80 and 100 columns: every line fits, and the text cut
// with "…" is only the long text.
func TestTablesFitTheTerminal(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	runOK(t, "init", dir)
	for _, width := range []int{80, 100} {
		for _, args := range [][]string{{"score", dir}, {"plan", dir}, {"match", dir}, {"demo"}} {
			out := runTerminal(t, width, args...)
			if !strings.Contains(out, "┌") {
				t.Fatalf("%v: not a text table:\n%s", args, out)
			}
			for _, line := range strings.Split(out, "\n") {
				if w := runewidth.StringWidth(line); w > width {
					t.Errorf("%v at %d columns: a line of %d: %s", args, width, w, line)
					break
				}
			}
		}
	}
	// Ids and numbers are never cut: every move id of the plan is whole.
	out := runTerminal(t, 80, "plan", dir)
	for _, id := range []string{"M021", "M095", "E0959", "P030", "0.976", "65.9"} {
		if !strings.Contains(out, id) {
			t.Errorf("plan at 80 columns lost %q", id)
		}
	}
	// Not a terminal: full width, nothing cut.
	if full := runOK(t, "plan", dir, "--format", "table"); strings.Contains(full, "…") {
		t.Errorf("a table not on a terminal was cut")
	}
}
