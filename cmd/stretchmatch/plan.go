package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type planOptions struct {
	IO               *iostreams
	Input            inputOptions
	Output           outputOptions
	OutDir           string
	AllowOverstretch bool
	Redact           bool
	PlanFile         string // the committee's plan, an edited plan.csv
}

func newPlanCmd(ios *iostreams, runF func(*planOptions) error) *cobra.Command {
	opts := &planOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "plan [DIR]",
		Short: "Choose the set of moves with the most development value",
		Long: `Choose at most one move per person and at most 'openings' people per
position, among the candidate moves, to maximise the total development value

  v(C) = C/P for C ≤ P, (100 − C)/(100 − P) above, with P = 60 + 10·S

(an inverted U: the most development at the top of the stretch band). The
optimum is exact. Overstretch moves are left out unless --allow-overstretch.
The committee's move decisions (DIR/decisions.csv or --decisions FILE) hold:
a required move is chosen, even overstretch (an exception), a forbidden one
never; the titles then say how far the plan is from the optimum.

With --plan FILE (a plan.csv the committee edited) the plan is the
committee's: every move of the file is required or forbidden by its status,
and the moves it leaves out are planned freely.

Prints the plan (every move, chosen or not, and why), the people with
candidate moves left without one, and the positions left open. --out DIR
writes plan.csv, unplaced.csv and open_positions.csv into DIR, and
decision_costs.csv when decisions.csv holds move decisions.`,
		Example: `  stretchmatch plan review-q3
  stretchmatch plan review-q3 --allow-overstretch --out results
  stretchmatch plan review-q3 --plan q3/plan.csv --out q3-committee`,
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
			if runF != nil {
				return runF(opts)
			}
			return runPlan(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "plan", "unplaced", "open_positions")
	cmd.Flags().StringVar(&opts.OutDir, "out", "", "also write plan.csv, unplaced.csv and open_positions.csv (and decision_costs.csv under move decisions) into `DIR`")
	cmd.Flags().BoolVar(&opts.AllowOverstretch, "allow-overstretch", false, "let the plan choose overstretch moves")
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	cmd.Flags().StringVar(&opts.PlanFile, "plan", "", "the committee's plan: a plan.csv `FILE` it edited (chosen = required, not_chosen = forbidden, moves left out planned freely)")
	return cmd
}

func runPlan(opts *planOptions) error {
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	c := &cycle{loaded: l}
	if opts.PlanFile != "" {
		if err := c.givenPlan(opts.PlanFile, l.Delimiter); err != nil {
			return err
		}
	} else if err := c.score(); err != nil {
		return err
	} else if err := c.plan(opts.AllowOverstretch); err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	tables := []*reports.Table{
		reports.PlanTable(c.Plan, lang),
		reports.UnplacedTable(c.Plan, lang, names),
		reports.OpenPositionsTable(c.Plan, lang),
	}
	if opts.OutDir != "" {
		if err := keepEditedPlan(opts.OutDir, c.Paths); err != nil {
			return err
		}
		costs, err := c.priceStage(model.DecideMove, matcher.MatchOptions{}, lang)
		if err != nil {
			return err
		}
		if err := writeOutputs(opts.OutDir, c.Paths, opts.Output.Excel, appendTable(tables, costs)...); err != nil {
			return err
		}
	}
	if f, _ := opts.Output.format(opts.IO); f == "table" {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "total development value %s over %d [move|moves] chosen",
			reports.Num(c.Plan.Total, 3), c.Plan.ChosenCount())+" ("+reports.PlanSource(c.Plan, lang)+")")
	}
	return writeTables(opts.IO, &opts.Output, c.Paths, tables...)
}
