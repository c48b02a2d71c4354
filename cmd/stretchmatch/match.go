package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type matchOptions struct {
	IO               *iostreams
	Input            inputOptions
	Output           outputOptions
	OutDir           string
	AllowOverstretch bool
	LineDepth        int
	AllowRepeat      bool
	Rematch          bool
	Redact           bool
	PlanFile         string
	Progress         bool
}

func newMatchCmd(ios *iostreams, runF func(*matchOptions) error) *cobra.Command {
	opts := &matchOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "match [DIR]",
		Short: "Pair mentees with mentors outside their reporting line",
		Long: `Pair the mentees of mentees.csv with the mentors of mentors.csv. A pair is
never allowed when the mentor is the mentee, is in the mentee's chain of
managers (or the reverse), is in the chain of the job the mentee is planned
to move to, is in the same team, is on the mentee's avoid list, is not
available, shares no language with the mentee, was paired with them before
(an ended pair in history.csv), or fits below min_fit.

The solver maximises exactly, in one solve, first the total priority of the
mentees matched (3: planned move overstretch; 2: stretch with challenge ≥ 45;
1: otherwise; mentees.csv 'priority' overrides), then the total fit. Active
pairs of history.csv that are still allowed are kept and use capacity; the
others are reported as broken.

When DIR holds positions.csv and moves.csv, the moves are scored and planned
first, so that tiers and future reporting lines follow the plan. --plan
FILE takes a plan.csv the committee edited as the committee's plan: chosen
moves are required, not_chosen ones forbidden, the others planned freely.
The committee's pair decisions (DIR/decisions.csv or --decisions FILE)
hold: a required pair is made (lifting ended_before and low_fit, never
another rule), a forbidden pair never is; the rest is optimal.

Prints the pairs (with the two strongest reasons, the next-best mentor and
the fit lost by choosing them), the mentees left unmatched and why, the
earlier pairs broken, and the mentor load. --out DIR writes pairs.csv,
unmatched.csv, broken_pairs.csv and mentor_load.csv into DIR.`,
		Example: `  stretchmatch match review-q3
  stretchmatch match review-q3 --line-depth 2 --allow-repeat --out results`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if err := opts.Input.check(); err != nil {
				return err
			}
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if opts.PlanFile != "" && opts.AllowOverstretch {
				return usageErrorf("--plan and --allow-overstretch cannot be used together: the plan file already says which moves are chosen")
			}
			if opts.LineDepth < 0 {
				return usageErrorf("--line-depth %d: give a number of levels ≥ 1, or 0 for no limit", opts.LineDepth)
			}
			if runF != nil {
				return runF(opts)
			}
			return runMatch(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "pairs", "unmatched", "broken_pairs", "mentor_load")
	f := cmd.Flags()
	f.StringVar(&opts.OutDir, "out", "", "also write pairs.csv, unmatched.csv, broken_pairs.csv and mentor_load.csv (and decision_costs.csv under pair decisions) into `DIR`")
	f.BoolVar(&opts.AllowOverstretch, "allow-overstretch", false, "let the plan choose overstretch moves (their mentees get priority 3)")
	f.IntVar(&opts.LineDepth, "line-depth", 0, "look at most `N` levels up the chains of managers (0: no limit)")
	f.BoolVar(&opts.AllowRepeat, "allow-repeat", false, "allow pairs that ended before (history.csv)")
	f.BoolVar(&opts.Rematch, "rematch", false, "ignore the active pairs of history.csv and match everybody anew")
	f.BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	f.BoolVar(&opts.Progress, "progress", false, "show the stages and their times on standard error even when it is not a terminal")
	f.StringVar(&opts.PlanFile, "plan", "", "the committee's plan: a plan.csv `FILE` it edited (chosen = required, not_chosen = forbidden, moves left out planned freely)")
	return cmd
}

func runMatch(opts *matchOptions) error {
	pr := newProgress(opts.IO, opts.Progress)
	defer pr.done()
	pr.stage("reading and checking the input files")
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	if err := needFiles(l.Inputs, "mentors.csv", "mentees.csv"); err != nil {
		return err
	}
	c := &cycle{loaded: l, Index: matcher.NewIndex(l.Dataset)}
	if opts.PlanFile != "" {
		if err := c.givenPlan(opts.PlanFile, l.Delimiter); err != nil {
			return err
		}
	} else if l.Inputs.Positions != nil && l.Inputs.Moves != nil {
		pr.stage("scoring and planning %d candidate [move|moves]", len(l.Dataset.Moves))
		if err := c.score(); err != nil {
			return err
		}
		if err := c.plan(opts.AllowOverstretch); err != nil {
			return err
		}
	}
	pr.stage("matching %d [mentee|mentees] with %d [mentor|mentors]", len(l.Dataset.Mentees), len(l.Dataset.Mentors))
	mopt := matcher.MatchOptions{LineDepth: opts.LineDepth, AllowRepeat: opts.AllowRepeat, Rematch: opts.Rematch}
	if err := c.match(mopt); err != nil {
		return err
	}
	pr.done()
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	tables := []*reports.Table{
		reports.PairsTable(c.Matching, lang, names),
		reports.UnmatchedTable(c.Matching, lang, names),
		reports.BrokenTable(c.Matching, lang),
		reports.MentorLoadTable(c.Matching, lang, names),
	}
	if opts.OutDir != "" {
		costs, err := c.priceStage(model.DecidePair, mopt, lang)
		if err != nil {
			return err
		}
		if err := writeOutputs(opts.OutDir, c.Paths, opts.Output.Excel, appendTable(tables, costs)...); err != nil {
			return err
		}
	}
	if f, _ := opts.Output.format(opts.IO); f == "table" {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "%d [pair|pairs] (%d kept), %d [mentee|mentees] unmatched, %d earlier [pair|pairs] broken",
			len(c.Matching.Pairs), c.Matching.Kept(), len(c.Matching.Unmatched), len(c.Matching.Broken)))
	}
	return writeTables(opts.IO, &opts.Output, c.Paths, matchViews(opts, tables)...)
}

// matchViews shortens the pairs table for the human formats.
func matchViews(opts *matchOptions, tables []*reports.Table) []*reports.Table {
	short := reports.Project(tables[0], "mentee_name", "mentor_name", "fit", "preference_rank", "tier", "status",
		"reasons", "next_best_mentor_id", "loss_if_next_best")
	out := append([]*reports.Table{viewFor(opts.IO, &opts.Output, tables[0], short)}, tables[1:]...)
	return out
}
