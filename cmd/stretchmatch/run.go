package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/reports"
)

type runOptions struct {
	IO     *iostreams
	Input  inputOptions
	Cycle  cycleFlags
	OutDir string
	Lang   string
	Redact bool
	Excel  bool
}

func newRunCmd(ios *iostreams, runF func(*runOptions) error) *cobra.Command {
	opts := &runOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "run [DIR] --out OUT",
		Short: "Run the whole cycle and write every output file into a folder",
		Long: `Validate the input files of DIR, score every candidate move, plan the
moves, match mentees with mentors, and build the committee pack: the whole
cycle in one command. Everything is computed and rendered in memory first;
when the input has a problem nothing is written and OUT is not even created.
Each file is then written atomically, never over an input file.

Files written into OUT:
  scores.csv, plan.csv, unplaced.csv, open_positions.csv   (as score and plan --out)
  pairs.csv, unmatched.csv, broken_pairs.csv, mentor_load.csv   (as match --out)
  report.md, report.html, report.xlsx   the committee pack
  run.json   tool version, configuration in force, SHA-256 of every input
             file, counts

--plan FILE takes the chosen moves from a plan.csv the committee edited
instead of planning; run.json then records its hash too. --progress shows
the stages and their times on standard error (they show anyway when it is a
terminal).

The same inputs and flags give byte-identical files.`,
		Example: `  stretchmatch run review-q3 --out results
  stretchmatch run review-q3 --out results --lang fr --redact
  stretchmatch run --people hr/people.csv --moves hr/moves.csv review-q3 --out results`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if opts.OutDir == "" {
				return usageErrorf("--out is required: name the folder to write the output files into")
			}
			if err := checkCycleFlags(&opts.Input, &opts.Cycle, opts.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runRun(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addCycleFlags(cmd, &opts.Cycle)
	f := cmd.Flags()
	f.StringVar(&opts.OutDir, "out", "", "write every output file into `OUT` (required; created if needed)")
	addLangFlag(cmd, &opts.Lang)
	f.BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym, in every file")
	f.BoolVar(&opts.Excel, "excel", false, "CSV files for Excel: byte-order mark and ';' delimiter")
	return cmd
}

// addLangFlag adds --lang to a command without the other output flags.
func addLangFlag(cmd *cobra.Command, lang *string) {
	cmd.Flags().StringVar(lang, "lang", "en", "language of labels: {en|fr}")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "fr"}, cobra.ShellCompDirectiveNoFileComp))
}

// parseLang returns the language named s, or a usage error.
func parseLang(s string) (reports.Lang, error) {
	l, ok := reports.ParseLang(s)
	if !ok {
		return l, usageErrorf("--lang %q: choose en or fr", s)
	}
	return l, nil
}

func runRun(opts *runOptions) error {
	pr := newProgress(opts.IO, opts.Cycle.Progress)
	pr.stage("reading and checking the input files")
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		pr.done()
		return err
	}
	c, err := runCycle(l, opts.Cycle, pr)
	if err != nil {
		return err
	}
	lang, _ := parseLang(opts.Lang)
	pr.stage("rendering the CSV files and the committee pack")
	files, err := renderRun(c, lang, reports.Namer{Redact: opts.Redact}, opts.Excel)
	if err != nil {
		return err
	}
	pr.stage("writing %d files", len(files))
	if err := writeFiles(opts.OutDir, c.Paths, files); err != nil {
		return err
	}
	pr.done()
	printRunSummary(opts.IO, c, opts.OutDir, files)
	return nil
}

// printRunSummary says what a run found and which files it wrote.
func printRunSummary(ios *iostreams, c *cycle, dir string, files []outputFile) {
	fmt.Fprintf(ios.Out, "%d candidate moves scored, %d chosen; %d pairs (%d kept), %d mentees unmatched, %d earlier pairs broken\n",
		len(c.Scores), c.Plan.ChosenCount(), len(c.Matching.Pairs), c.Matching.Kept(),
		len(c.Matching.Unmatched), len(c.Matching.Broken))
	fmt.Fprintf(ios.Out, "wrote %d files into %s: %s\n", len(files), dir, strings.Join(fileNames(files), ", "))
}
