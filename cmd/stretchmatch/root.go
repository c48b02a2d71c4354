package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/reports"
)

// version is the tool version, recorded in every run record.
var version = "0.1.0"

// Exit codes, documented in the root help and the README.
const (
	exitOK    = 0
	exitData  = 1 // bad input data, or an I/O error
	exitUsage = 2 // bad command line
)

// usageError marks a command-line mistake (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, a ...any) error {
	return &usageError{&messageError{fmt.Errorf(format, a...), format, a}}
}

// messageError is an error whose message is in the catalog of messages:
// format and args give it again in another language (see say).
type messageError struct {
	err    error
	format string
	args   []any
}

func (e *messageError) Error() string { return e.err.Error() }
func (e *messageError) Unwrap() error { return e.err }

// runError marks an error met while a command ran (exit 1 unless it wraps a
// usageError).
type runError struct{ err error }

func (e *runError) Error() string { return e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// runE adapts a command body so that its errors are told apart from cobra's
// own parsing errors, which are usage errors.
func runE(f func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		if err := f(cmd, args); err != nil {
			return &runError{redactError(cmd, err)}
		}
		return nil
	}
}

// usageArgs wraps a cobra argument check so that its failure is a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err}
		}
		return nil
	}
}

// Run runs the command line args with the given streams and returns the exit
// code. It is the only place where errors become exit codes.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ios := newIOStreams(stdin, stdout, stderr)
	signals := catchSignals(langWriter{ios}, os.Exit)
	defer signals.stop()
	root := newRootCmd(ios)
	root.SetArgs(args)
	err := root.Execute()
	if errors.Is(err, data.ErrInterrupted) {
		return signals.interrupted()
	}
	path := root.CommandPath()
	if c, _, ferr := root.Find(args); ferr == nil && c != nil {
		path = c.CommandPath()
	}
	return exitCodeLang(err, ios.ErrOut, path, ios.Lang)
}

// exitCode reports err on w and maps it to an exit code.
// usagePath names the command whose help a usage error points to.
func exitCode(err error, w io.Writer, usagePath string) int {
	return exitCodeLang(err, w, usagePath, reports.EN)
}

// exitCodeLang is exitCode with the closing lines in lang.
func exitCodeLang(err error, w io.Writer, usagePath string, lang reports.Lang) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	var re *runError
	switch {
	case errors.As(err, &ue) || !errors.As(err, &re):
		msg := err.Error()
		var me *messageError
		if errors.As(err, &me) && msg == me.Error() {
			msg = say(lang, me.format, me.args...)
		}
		fmt.Fprintf(w, "stretchmatch: %s\n%s\n", msg, say(lang, "Run '%s --help' for usage.", usagePath))
		return exitUsage
	}
	var ps data.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, p.Localized(string(lang)))
		}
		fmt.Fprintf(w, "stretchmatch: %s\n", say(lang, "%d [problem|problems] found; nothing was written", len(ps)))
		return exitData
	}
	fmt.Fprintf(w, "stretchmatch: %s\n", localizeRuntime(err.Error(), lang))
	return exitData
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

const rootLong = `stretchmatch scores candidate job moves against the developmental "learning
situations", chooses the set of moves with the most development value, and
pairs mentees with mentors outside their reporting line with an exact
assignment solver. It reads the CSV exports of an HR system (UTF-8 or
Windows-1252, comma, semicolon or tab) and writes tables for committees.

Input files in DIR, under their standard names: people.csv, positions.csv,
moves.csv, mentors.csv, mentees.csv, history.csv.`

// exitCodesHelp ends the help of every command.
const exitCodesHelp = `
Exit codes:
  0  success
  1  bad input data or an I/O error (every problem is listed as FILE:LINE:COLUMN)
  2  usage error (unknown command or flag, wrong arguments)
  130, 143, 129  stopped by SIGINT, SIGTERM or SIGHUP (files being written are removed)
`

func newRootCmd(ios *iostreams) *cobra.Command {
	root := &cobra.Command{
		Use:           "stretchmatch",
		Short:         "Stretch moves and mentor matching for talent reviews",
		Long:          rootLong,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		Example: `  stretchmatch demo
  stretchmatch init review-q3
  stretchmatch validate review-q3
  stretchmatch run review-q3 --out results
  stretchmatch criteria --lang fr`,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	root.SetVersionTemplate("stretchmatch {{.Version}}\n")
	// -v is --verbose in every command that reads files: --version has no
	// short form.
	root.Flags().Bool("version", false, "print the version of stretchmatch")
	// Every command's help ends with the exit codes.
	root.SetUsageTemplate(root.UsageTemplate() + exitCodesHelp)
	// The lines on standard error speak the command's --lang.
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		if f := cmd.Flags().Lookup("lang"); f != nil {
			ios.Lang, _ = reports.ParseLang(f.Value.String())
		}
	}

	root.AddCommand(
		newDemoCmd(ios, nil),
		newInitCmd(ios, nil),
		newValidateCmd(ios, nil),
		newScoreCmd(ios, nil),
		newPlanCmd(ios, nil),
		newMatchCmd(ios, nil),
		newGroupsCmd(ios, nil),
		newAssignCmd(ios, nil),
		newReportCmd(ios, nil),
		newRunCmd(ios, nil),
		newCriteriaCmd(ios, nil),
		newDocsCmd(ios, nil),
		newFollowupCmd(ios, nil),
	)
	return root
}
