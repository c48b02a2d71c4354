package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// testIO returns streams writing to buffers, not a terminal.
func testIO() (*iostreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, &out, &errOut
}

// execute runs cmd with args as cobra would under the root, returning the
// error the root would map to an exit code.
func execute(cmd *cobra.Command, args ...string) error {
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	return cmd.Execute()
}

func TestMatchFlags(t *testing.T) {
	ios, _, _ := testIO()
	var got *matchOptions
	cmd := newMatchCmd(ios, func(o *matchOptions) error { got = o; return nil })
	err := execute(cmd, "review", "--line-depth", "2", "--allow-repeat", "--rematch", "--allow-overstretch",
		"--people", "x/people.csv", "--out", "res", "--lang", "fr", "--format", "json", "--redact", "--delimiter", "semicolon")
	if err != nil {
		t.Fatal(err)
	}
	if got.Input.Dir != "review" || got.LineDepth != 2 || !got.AllowRepeat || !got.Rematch || !got.AllowOverstretch ||
		*got.Input.Files["people.csv"] != "x/people.csv" || *got.Input.Files["moves.csv"] != "" ||
		got.OutDir != "res" || got.Output.Lang != "fr" || got.Output.Format != "json" || !got.Redact ||
		got.Input.Delimiter != "semicolon" {
		t.Fatalf("options not parsed: %+v", got)
	}
}

func TestScoreAndPlanFlags(t *testing.T) {
	ios, _, _ := testIO()
	var so *scoreOptions
	if err := execute(newScoreCmd(ios, func(o *scoreOptions) error { so = o; return nil }), "--config", "c.yaml", "-o", "s.csv", "--excel"); err != nil {
		t.Fatal(err)
	}
	if so.Input.Dir != "." || so.Input.ConfigFile != "c.yaml" || so.Output.File != "s.csv" || !so.Output.Excel {
		t.Fatalf("score options: %+v", so)
	}
	var po *planOptions
	if err := execute(newPlanCmd(ios, func(o *planOptions) error { po = o; return nil }), "d", "--allow-overstretch"); err != nil {
		t.Fatal(err)
	}
	if po.Input.Dir != "d" || !po.AllowOverstretch {
		t.Fatalf("plan options: %+v", po)
	}
}

func TestAssignFlags(t *testing.T) {
	ios, _, _ := testIO()
	var got *assignOptions
	cmd := newAssignCmd(ios, func(o *assignOptions) error { got = o; return nil })
	if err := execute(cmd, "m.csv", "--maximize", "--capacity", "ana=2", "--capacity", "bo=0", "--stats", "--strict"); err != nil {
		t.Fatal(err)
	}
	if got.Matrix != "m.csv" || !got.Maximize || !got.Stats || !got.Strict || len(got.Capacity) != 2 || got.Capacity[1] != "bo=0" {
		t.Fatalf("assign options: %+v", got)
	}
}

// TestUsageErrors checks that command-line mistakes are usage errors (exit
// 2) before any work is done.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		cmd  func(*iostreams) *cobra.Command
		args []string
		want string
	}{
		{"unknown flag", func(io *iostreams) *cobra.Command { return newScoreCmd(io, nil) }, []string{"--nope"}, "unknown flag: --nope"},
		{"two dirs", func(io *iostreams) *cobra.Command { return newValidateCmd(io, nil) }, []string{"a", "b"}, "accepts at most 1 arg(s), received 2"},
		{"bad format", func(io *iostreams) *cobra.Command { return newCriteriaCmd(io, nil) }, []string{"--format", "xml"}, `--format "xml": choose table, csv, json, markdown, html or xlsx`},
		{"bad lang", func(io *iostreams) *cobra.Command { return newCriteriaCmd(io, nil) }, []string{"--lang", "de"}, `--lang "de": choose en or fr`},
		{"bad delimiter", func(io *iostreams) *cobra.Command { return newPlanCmd(io, nil) }, []string{"--delimiter", "|"}, `--delimiter "|": choose comma, semicolon or tab`},
		{"two stdin", func(io *iostreams) *cobra.Command { return newMatchCmd(io, nil) }, []string{"--people", "-", "--moves", "-"}, "only one input file can be read from standard input"},
		{"negative depth", func(io *iostreams) *cobra.Command { return newMatchCmd(io, nil) }, []string{"--line-depth", "-1"}, "--line-depth -1"},
		{"capacity syntax", func(io *iostreams) *cobra.Command { return newAssignCmd(io, nil) }, []string{"m.csv", "--capacity", "ana"}, `--capacity "ana": write COL=N`},
		{"capacity both", func(io *iostreams) *cobra.Command { return newAssignCmd(io, nil) }, []string{"m.csv", "--capacity", "a=1", "--capacity-row", "cap"}, "cannot be used together"},
		{"init without dir", func(io *iostreams) *cobra.Command { return newInitCmd(io, nil) }, nil, "accepts 1 arg(s), received 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, _ := testIO()
			err := execute(tc.cmd(ios), tc.args...)
			var ue *usageError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T) is not a usage error", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not say %q", err, tc.want)
			}
			var b bytes.Buffer
			if code := exitCode(err, &b, "stretchmatch x"); code != exitUsage {
				t.Fatalf("exit code %d, want %d", code, exitUsage)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	var b bytes.Buffer
	if code := exitCode(nil, &b, ""); code != exitOK || b.Len() != 0 {
		t.Fatalf("nil error: code %d, output %q", code, b.String())
	}
	if code := exitCode(&runError{errors.New("disk full")}, &b, ""); code != exitData || b.String() != "stretchmatch: disk full\n" {
		t.Fatalf("run error: code %d, output %q", code, b.String())
	}
	b.Reset()
	if code := exitCode(&runError{usageErrorf("bad")}, &b, "stretchmatch plan"); code != exitUsage ||
		!strings.Contains(b.String(), "Run 'stretchmatch plan --help' for usage.") {
		t.Fatalf("usage error inside a run: code %d, output %q", code, b.String())
	}
}
