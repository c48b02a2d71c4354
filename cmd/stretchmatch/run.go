package main

import (
	"fmt"
	"os"
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
	Follow followupFlags
	Pack   packFlags
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
The files are then written as one transaction, never over an input file:
all are staged inside OUT and renamed into place only once every one is
written, run.json last, so OUT holds either the earlier pack or the new one,
whatever fails. A second run on the same OUT meanwhile fails at once (exit
1); SIGINT, SIGTERM or SIGHUP removes the staged files (exit 130, 143,
129). Files follow the umask: under umask 077 they are readable by you
alone.

Files written into OUT:
  scores.csv, plan.csv, unplaced.csv, open_positions.csv   (as score and plan --out)
  pairs.csv, unmatched.csv, broken_pairs.csv, mentor_load.csv   (as match --out)
  decision_costs.csv   each decision of the committee with its exact price,
             and the price of them all (only under decisions)
  report.md, report.html, report.xlsx   the committee pack
  run.json   tool version, configuration in force, SHA-256 of every input
             file, counts

The committee's decisions are read from DIR/decisions.csv (or --decisions
FILE): required moves and pairs are in the plan and the matching, forbidden
ones never, the rest is optimal. --plan FILE takes a plan.csv the committee
edited as the committee's plan: chosen moves are required, not_chosen ones
forbidden, moves left out are planned freely. DIR/config.yaml is used
unless --config names another file. run.json records the hash of every
file read, and of every CSV file written, so that next quarter's followup
can check them; no file read is ever written over. --previous PREV adds a
"Last quarter" section to the pack, following up last quarter's pack PREV
with DIR's activity.csv (see stretchmatch followup). --progress shows
the stages and their times on standard error (they show anyway when it is a
terminal). --title, --period, --organisation, --date and --rows shape the
committee pack as for 'stretchmatch report'.

The same inputs and flags give byte-identical files.`,
		Example: `  stretchmatch run review-q3 --out results
  stretchmatch run review-q3 --out results --decisions committee/decisions.csv
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
			if err := opts.Follow.check(); err != nil {
				return err
			}
			if err := opts.Pack.check(); err != nil {
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
	f.StringVar(&opts.Follow.Prev, "previous", "", "add a \"Last quarter\" section following up the pack `PREV` of last quarter (see followup)")
	addFollowupFlags(cmd, &opts.Follow)
	addPackFlags(cmd, &opts.Pack)
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
	if opts.Follow.Prev != "" {
		opts.Follow.CodevHistory = opts.Input.CodevHistoryFile
		if err := c.followUp(opts.Input.Dir, opts.Follow); err != nil {
			return err
		}
	}
	lang, _ := parseLang(opts.Lang)
	po, _ := opts.Pack.options(os.Getenv)
	c.PackOptions = &po
	pr.stage("rendering the CSV files and the committee pack")
	files, err := renderRun(c, lang, reports.Namer{Redact: opts.Redact}, opts.Excel)
	if err != nil {
		return err
	}
	if err := keepEditedPlan(opts.OutDir, c.Paths); err != nil {
		return err
	}
	pr.stage("writing %d [file|files]", len(files))
	if err := writeFiles(opts.OutDir, c.Paths, files); err != nil {
		return err
	}
	pr.done()
	printRunSummary(opts.IO, c, opts.OutDir, files)
	return nil
}

// printRunSummary says what a run found and which files it wrote.
func printRunSummary(ios *iostreams, c *cycle, dir string, files []outputFile) {
	fmt.Fprintln(ios.Out, say(ios.Lang, "%d candidate [move|moves] scored, %d chosen; %d [pair|pairs] (%d kept), %d [mentee|mentees] unmatched, %d earlier [pair|pairs] broken",
		len(c.Scores), c.Plan.ChosenCount(), len(c.Matching.Pairs), c.Matching.Kept(),
		len(c.Matching.Unmatched), len(c.Matching.Broken)))
	fmt.Fprintln(ios.Out, say(ios.Lang, "wrote %d [file|files] into %s: %s", len(files), dir, strings.Join(fileNames(files), ", ")))
}
