package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestEveryHelpEndsWithExitCodes runs --help for the root and every
// command: each help ends with the exit codes, and every command that
// prints tables lists them.
func TestEveryHelpEndsWithExitCodes(t *testing.T) {
	root := newRootCmd(newIOStreams(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	paths := [][]string{{"--help"}}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			paths = append(paths, []string{c.Name(), "--help"})
		}
	}
	if len(paths) < 10 {
		t.Fatalf("only %d commands", len(paths))
	}
	for _, args := range paths {
		var out, errOut bytes.Buffer
		if code := Run(args, strings.NewReader(""), &out, &errOut); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		if !strings.HasSuffix(out.String(), exitCodesHelp) {
			t.Errorf("%v: the help does not end with the exit codes:\n…%s", args, tail(out.String(), 200))
		}
		if strings.Count(out.String(), "Exit codes:") != 1 {
			t.Errorf("%v: the exit codes are shown %d times", args, strings.Count(out.String(), "Exit codes:"))
		}
		if strings.Contains(out.String(), "--table") && !strings.Contains(out.String(), "Tables (--table NAME") {
			t.Errorf("%v: --table without the list of tables", args)
		}
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// TestVerboseFlag checks that -v means --verbose wherever it exists, that
// the root has no -v, and that --verbose names the recognised columns.
func TestVerboseFlag(t *testing.T) {
	root := newRootCmd(newIOStreams(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}))
	if f := root.Flags().ShorthandLookup("v"); f != nil {
		t.Errorf("the root has -v: --%s", f.Name)
	}
	if f := root.Flags().Lookup("version"); f == nil || f.Shorthand != "" {
		t.Errorf("--version: %+v", f)
	}
	for _, c := range root.Commands() {
		if f := c.Flags().ShorthandLookup("v"); f != nil && f.Name != "verbose" {
			t.Errorf("%s: -v is --%s", c.Name(), f.Name)
		}
	}
	var out, errOut bytes.Buffer
	if code := Run([]string{"-v"}, strings.NewReader(""), &out, &errOut); code != exitUsage {
		t.Errorf("stretchmatch -v: exit %d, want 2", code)
	}
	dir := t.TempDir()
	runOK(t, "init", dir)
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"validate", dir, "-v", "--format", "csv"}, strings.NewReader(""), &out, &errOut); code != 0 {
		t.Fatalf("validate -v: exit %d: %s", code, errOut.String())
	}
	for _, want := range []string{`people.csv: recognised columns: "id" (column 1), "name" (column 2), "manager_id" (column 3)`, "people.csv: encoding UTF-8"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("validate -v does not say %q:\n%s", want, errOut.String())
		}
	}
}
