package main

import (
	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/reports"
)

type scoreOptions struct {
	IO     *iostreams
	Input  inputOptions
	Output outputOptions
	OutDir string
	Redact bool
}

func newScoreCmd(ios *iostreams, runF func(*scoreOptions) error) *cobra.Command {
	opts := &scoreOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "score [DIR]",
		Short: "Score every candidate move: challenge, support, band and why",
		Long: `Score every candidate move of moves.csv against the fifteen criteria (see
'stretchmatch criteria'): each criterion's value and where it came from
(rated, proxy or derived), the move flags, the challenge C (0–100), the
support S, the band (comfort, stretch or overstretch), the strategic verdict,
the hard triggers that fired and the three strongest reasons.

Prints a table sorted by person, then challenge. The table on a terminal is
the short view; CSV and JSON hold every column of scores.csv. --out DIR
writes scores.csv into DIR.`,
		Example: `  stretchmatch score review-q3
  stretchmatch score review-q3 --format csv -o scores.csv
  stretchmatch score review-q3 --out results --lang fr`,
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
			return runScore(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "scores")
	cmd.Flags().StringVar(&opts.OutDir, "out", "", "also write scores.csv into `DIR`")
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	return cmd
}

func runScore(opts *scoreOptions) error {
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	c := &cycle{loaded: l}
	if err := c.score(); err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	full := reports.ScoresTable(c.Scores, &c.Config, lang, names)
	if opts.OutDir != "" {
		if err := writeOutputs(opts.OutDir, c.Paths, opts.Output.Excel, full); err != nil {
			return err
		}
	}
	return writeTables(opts.IO, &opts.Output, c.Paths, viewFor(opts.IO, &opts.Output, full, reports.ScoresView(full)))
}

// viewFor returns the short view of a table for the human formats (table,
// Markdown) and the full table for the machine formats (CSV, JSON).
func viewFor(ios *iostreams, o *outputOptions, full, short *reports.Table) *reports.Table {
	if f, _ := o.format(ios); f == "table" || f == "markdown" {
		return short
	}
	return full
}
