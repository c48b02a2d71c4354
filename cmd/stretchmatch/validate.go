package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/reports"
)

type validateOptions struct {
	IO     *iostreams
	Input  inputOptions
	Output outputOptions
}

func newValidateCmd(ios *iostreams, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check every input file and list all problems",
		Long: `Check every input file of DIR (default: the current directory) and the
references between them, and list ALL problems, each as

  FILE:LINE:COLUMN: what is wrong (what to do)

with the physical line number and the column number as a spreadsheet counts
it. DIR's activity.csv, when there, is checked too (its pairs and groups
are checked against last quarter's pack by followup). Exits 1 if any problem
was found; writes nothing. On success prints what the data holds, and says
which files were read in an encoding other than UTF-8 (Windows-1252,
UTF-16 little- or big-endian). --redact names people by pseudonyms in the
messages.`,
		Example: `  stretchmatch validate review-q3
  stretchmatch validate --people export/employees.csv --delimiter semicolon review-q3`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if err := opts.Input.check(); err != nil {
				return err
			}
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runValidate(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	cmd.Flags().BoolVar(&opts.Input.Redact, "redact", false, "name people by stable pseudonyms in the messages (a manager cycle names its people)")
	declareTables(cmd, &opts.Output, "dataset")
	return cmd
}

func runValidate(opts *validateOptions) error {
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err = joinProblems(err, validateActivity(opts.Input.Dir, opts.Input.Delimiter)); err != nil {
		return err
	}
	if err := checkPairDecisions(l); err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	if err := writeTables(opts.IO, &opts.Output, l.Paths, reports.DatasetTable(l.Dataset, lang)); err != nil {
		return err
	}
	printEncodings(opts.IO.ErrOut, lang, l)
	if n := len(l.Warnings); n > 0 {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "ok: no problems found, %d [warning|warnings] above", n))
		return nil
	}
	fmt.Fprintln(opts.IO.ErrOut, say(lang, "ok: no problems found"))
	return nil
}

// printEncodings says which input files were read in an encoding other
// than UTF-8 (Windows-1252, UTF-16), so that a file exported in the wrong
// one is noticed.
func printEncodings(w io.Writer, lang reports.Lang, l *loaded) {
	in := l.Inputs
	for _, src := range []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History,
		l.DecisionsSource, l.CodevSource, l.CodevHistorySource} {
		if src == nil {
			continue
		}
		if enc := data.DetectEncoding(src.Data); enc != data.EncodingUTF8 && enc != data.EncodingUTF8BOM && enc != "" {
			fmt.Fprintln(w, say(lang, "%s: read as %s, not UTF-8", src.Name, encodingName(lang, enc)))
		}
	}
}

// encodingName names an encoding of data.DetectEncoding in lang.
func encodingName(lang reports.Lang, enc string) string {
	switch enc {
	case data.EncodingUTF16LE:
		return say(lang, "UTF-16 little-endian with byte-order mark")
	case data.EncodingUTF16BE:
		return say(lang, "UTF-16 big-endian with byte-order mark")
	}
	return enc
}

// dirArg returns the DIR argument, or the current directory.
func dirArg(args []string) string {
	if len(args) == 0 || args[0] == "" {
		return "."
	}
	return args[0]
}
