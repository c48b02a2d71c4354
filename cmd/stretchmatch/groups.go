package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/reports"
)

// groupsFlags are the flags of the codevelopment groups, shared by groups,
// run and report.
type groupsFlags struct {
	Start string // first session, YYYY-MM-DD or DD/MM/YYYY; empty: undated
	Every string // 4w, 6w, 1m…; empty: 1m
	Seed  uint64
}

func addGroupsFlags(cmd *cobra.Command, o *groupsFlags) {
	f := cmd.Flags()
	f.StringVar(&o.Start, "start", "", "date of the first codevelopment session, `DATE` as YYYY-MM-DD or DD/MM/YYYY (default: sessions undated)")
	f.StringVar(&o.Every, "every", "1m", "time between two codevelopment sessions: {4w|6w|1m} (any Nw or Nm)")
	f.Uint64Var(&o.Seed, "seed", 0, "seed of the codevelopment group search's tie-breaks")
	_ = cmd.RegisterFlagCompletionFunc("every", cobra.FixedCompletions([]string{"4w", "6w", "1m"}, cobra.ShellCompDirectiveNoFileComp))
}

// parseDate reads a date written YYYY-MM-DD or DD/MM/YYYY.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2/1/2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// check validates the flags before any work is done.
func (o *groupsFlags) check() error {
	if o.Start != "" {
		if _, ok := parseDate(o.Start); !ok {
			return usageErrorf("--start %q: write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2026-01-12", o.Start)
		}
	}
	if o.Every != "" {
		if _, err := codev.ParsePeriod(o.Every); err != nil {
			return usageErrorf("--every %q: write a number of weeks or months, such as 4w, 6w or 1m", o.Every)
		}
	}
	return nil
}

// schedule returns the calendar settings of the flags (already checked).
func (o *groupsFlags) schedule(animator string) (codev.Schedule, error) {
	sch := codev.Schedule{Animator: animator, Every: codev.Period{N: 1, Months: true}}
	if o.Every != "" {
		p, err := codev.ParsePeriod(o.Every)
		if err != nil {
			return sch, usageErrorf("--every %q: write a number of weeks or months, such as 4w, 6w or 1m", o.Every)
		}
		sch.Every = p
	}
	if o.Start != "" {
		sch.Start, _ = parseDate(o.Start)
	}
	return sch, nil
}

type groupsOptions struct {
	IO        *iostreams
	Input     inputOptions
	Output    outputOptions
	Groups    groupsFlags
	OutDir    string
	LineDepth int
	Redact    bool
}

func newGroupsCmd(ios *iostreams, runF func(*groupsOptions) error) *cobra.Command {
	opts := &groupsOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "groups [DIR]",
		Short: "Form codevelopment groups of peers, with a session calendar",
		Long: `Form professional codevelopment groups from the volunteers of codev.csv:
peers with similar jobs who meet regularly, each in turn the client who
brings a real problem while the others consult and an animator keeps the
method.

Two volunteers are never in one group when one is in the other's chain of
managers (same_line), today or after the planned moves (future_line;
--line-depth limits both), when they are in the same team (same_team), when
one is on the other's avoid list (avoid), when they are a current mentor and
mentee (mentor_pair: active pairs of history.csv and the pairs of this
cycle's matching), when they shared a group in the latest codev.no_repeat
cycles of codev_history.csv (repeat), or when both meet in person in
different countries (in_person_country). Every group has a language all its
members speak (no_common_language), between codev.min_size and
codev.max_size members (5 and 8 by default), and nobody alone of their
gender (gender_isolated; codev.gender: rule, weight or off).

Each group scores 0–100: same function (half for the same role kind), grades
within codev.grade_spread, the same kind of challenge (the flags and strong
criteria of the planned moves), and variety of divisions and sites, weighed
by codev.weights. The search places as many volunteers as it can, then
maximises the worst group's score, then the total; it states an upper bound
of the worst score and the gap ("worst group 72.0, bound 76.5: within 4.5").
Up to 10 volunteers the grouping is proved optimal by exhaustive search.
--seed changes the search's tie-breaks only.

The calendar is one round per group: each member is client once (members
with a planned move first), the previous client reports back, and the
animator rotates (the next client) or is fixed (codev.animator), never the
client. --start dates the first session, --every spaces them (4w, 6w or 1m;
default 1m); without --start the sessions are numbered but not dated.

When DIR holds positions.csv and moves.csv the moves are scored and planned
first; with mentors.csv and mentees.csv the mentees are matched too. Prints
the groups, their members, the calendar and the volunteers without a group
(with the count of volunteers each rule keeps from them). --out DIR writes
groups.csv, group_sessions.csv, codev_unplaced.csv and group_summary.csv.`,
		Example: `  stretchmatch groups review-q3
  stretchmatch groups review-q3 --start 2026-01-12 --every 6w --out results
  stretchmatch groups --people hr/people.csv --codev volunteers.csv --format csv`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Input.Dir = dirArg(args)
			if err := opts.Input.check(); err != nil {
				return err
			}
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if opts.LineDepth < 0 {
				return usageErrorf("--line-depth %d: give a number of levels ≥ 1, or 0 for no limit", opts.LineDepth)
			}
			if err := opts.Groups.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runGroups(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "groups", "group_sessions", "codev_unplaced", "group_summary")
	addGroupsFlags(cmd, &opts.Groups)
	f := cmd.Flags()
	f.StringVar(&opts.OutDir, "out", "", "also write groups.csv, group_sessions.csv, codev_unplaced.csv and group_summary.csv into `DIR`")
	f.IntVar(&opts.LineDepth, "line-depth", 0, "look at most `N` levels up the chains of managers (0: no limit)")
	f.BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	return cmd
}

func runGroups(opts *groupsOptions) error {
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	if l.Codev == nil && l.CodevHistorySource != nil {
		// Alone, the history serves the follow-up, not the groups.
		return data.Problems{{File: l.CodevHistorySource.Name, Msg: "codev_history.csv is given without codev.csv",
			Hint: "add codev.csv with the volunteers, or leave the history out"}}
	}
	if l.Codev == nil {
		return data.Problems{{File: data.FileCodev, Msg: "file not found",
			Hint: "put codev.csv (person_id, mode, avoid, note) in DIR or name it with --codev FILE"}}
	}
	c := &cycle{loaded: l, Index: matcher.NewIndex(l.Dataset)}
	if l.Inputs.Positions != nil && l.Inputs.Moves != nil {
		if err := c.score(); err != nil {
			return err
		}
		if err := c.plan(false); err != nil {
			return err
		}
	}
	if l.Inputs.Mentors != nil && l.Inputs.Mentees != nil {
		if err := c.match(matcher.MatchOptions{LineDepth: opts.LineDepth}); err != nil {
			return err
		}
	}
	if err := c.groups(opts.Groups, opts.LineDepth); err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	tables := c.codevTables(lang, names)
	if opts.OutDir != "" {
		if err := writeOutputs(opts.OutDir, c.Paths, opts.Output.Excel, tables...); err != nil {
			return err
		}
	}
	if f, _ := opts.Output.format(opts.IO); f == "table" {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "%d [group|groups], %d [volunteer|volunteers] placed, %d without a group; %s",
			len(c.Groups.Groups), c.Groups.Placed(), len(c.Groups.Unplaced), reports.CodevObjective(c.Groups, lang)))
	}
	return writeTables(opts.IO, &opts.Output, c.Paths, groupsViews(opts, tables)...)
}

// groupsViews are the tables printed. On a terminal and in Markdown: the
// group summary, the members (shortened), the calendar and the volunteers
// without a group; in CSV and JSON, groups.csv's table comes first.
func groupsViews(opts *groupsOptions, tables []*reports.Table) []*reports.Table {
	if f, _ := opts.Output.format(opts.IO); f == "table" || f == "markdown" {
		short := reports.Project(tables[0], "group_id", "person_id", "person_name", "function", "grade", "division", "country", "mode")
		return []*reports.Table{tables[3], short, tables[1], tables[2]}
	}
	return tables
}
