package main

import (
	"fmt"

	"github.com/spf13/cobra"

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
it. Exits 1 if any problem was found; writes nothing. On success prints what
the data holds.`,
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
	declareTables(cmd, &opts.Output, "dataset")
	return cmd
}

func runValidate(opts *validateOptions) error {
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	if err := writeTables(opts.IO, &opts.Output, l.Paths, reports.DatasetTable(l.Dataset, lang)); err != nil {
		return err
	}
	if n := len(l.Warnings); n > 0 {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "ok: no problems found, %d [warning|warnings] above", n))
		return nil
	}
	fmt.Fprintln(opts.IO.ErrOut, say(lang, "ok: no problems found"))
	return nil
}

// dirArg returns the DIR argument, or the current directory.
func dirArg(args []string) string {
	if len(args) == 0 || args[0] == "" {
		return "."
	}
	return args[0]
}
