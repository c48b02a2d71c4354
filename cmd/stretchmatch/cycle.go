package main

import (
	"fmt"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// cycle carries the results of a review cycle from stage to stage.
type cycle struct {
	*loaded
	Index    *matcher.Index
	Scores   []matcher.Score
	Plan     *matcher.Plan
	Matching *matcher.Matching
	// PlanSource is the plan file the chosen moves were taken from, nil
	// when the cycle planned them itself.
	PlanSource *data.Source
	// PlanDecisions are the moves of the plan file, required or forbidden
	// by their status (those not already decided by decisions.csv).
	PlanDecisions model.Decisions
	// Prices are the exact prices of the decisions, nil without any.
	Prices *matcher.Prices
	// AllowOverstretch is --allow-overstretch.
	AllowOverstretch bool
	// Followed is the follow-up of last quarter's pack, nil without one.
	Followed *followed
	// Groups are the codevelopment groups, nil without codev.csv; each
	// group's calendar is in Calendars, in the same order.
	Groups    *codev.Result
	Calendars [][]codev.Session
	// PackOptions are the identity and row limit of the committee pack;
	// nil gives the defaults.
	PackOptions *reports.PackOptions
}

// needFiles reports a problem for each named input that is absent.
func needFiles(in data.Inputs, names ...string) error {
	var ps data.Problems
	for _, n := range names {
		var src *data.Source
		switch n {
		case data.FilePositions:
			src = in.Positions
		case data.FileMoves:
			src = in.Moves
		case data.FileMentors:
			src = in.Mentors
		case data.FileMentees:
			src = in.Mentees
		default:
			src = in.People
		}
		if src == nil {
			ps = append(ps, data.Problem{File: n, Msg: "file not found", Hint: "put " + n + " in DIR or name it with --" + n[:len(n)-len(".csv")]})
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// score scores every candidate move.
func (c *cycle) score() error {
	if err := needFiles(c.Inputs, data.FilePositions, data.FileMoves); err != nil {
		return err
	}
	c.Index = matcher.NewIndex(c.Dataset)
	var err error
	c.Scores, err = matcher.ScoreAll(&c.Config, c.Dataset, c.Index)
	return err
}

// plan chooses the moves, under the committee's decisions.
func (c *cycle) plan(allowOverstretch bool) error {
	c.AllowOverstretch = allowOverstretch
	opt := c.planOptions()
	var err error
	if c.Plan, err = matcher.MakePlan(&c.Config, c.Scores, c.Dataset.Positions, opt); err != nil || c.Plan.Mode == matcher.PlanOptimum {
		return err
	}
	// Under decisions, the free optimum is the yardstick every title shows.
	opt.Decisions, opt.Committee = nil, false
	free, err := matcher.MakePlan(&c.Config, c.Scores, c.Dataset.Positions, opt)
	if err == nil {
		c.Plan.Optimum = free.Total
	}
	return err
}

// planOptions are the options of the cycle's plan.
func (c *cycle) planOptions() matcher.PlanOptions {
	return matcher.PlanOptions{AllowOverstretch: c.AllowOverstretch, Decisions: c.moveDecisions(), Committee: c.PlanSource != nil}
}

// givenPlan scores the moves and plans them as the committee's plan file
// says: every move of the file is required or forbidden by its status, the
// moves it leaves out are planned freely (a warning says how many).
func (c *cycle) givenPlan(path string, delim rune) error {
	if err := c.score(); err != nil {
		return err
	}
	b, err := readInputFile(path, c.Limits, "the plan", "give the plan.csv written by stretchmatch plan")
	if err != nil {
		return err
	}
	c.PlanSource = &data.Source{Name: path, Data: b}
	ds, note, err := data.ReadPlanDecisions(*c.PlanSource, data.ReadOptions{Delimiter: delim, Limits: c.Limits}, c.Dataset)
	if err != nil {
		return err
	}
	if c.PlanDecisions, err = data.MergePlanDecisions(c.Decisions, ds, c.Dataset); err != nil {
		return err
	}
	if note != "" && c.ErrOut != nil {
		fmt.Fprintln(c.ErrOut, "warning: "+note)
	}
	c.Paths = append(c.Paths, path)
	return c.plan(false)
}

// match pairs mentees with mentors, following the plan when there is one.
func (c *cycle) match(opt matcher.MatchOptions) error {
	if c.Index == nil {
		c.Index = matcher.NewIndex(c.Dataset)
	}
	opt.Decisions = c.Decisions.Pairs()
	var err error
	c.Matching, err = matcher.Match(&c.Config, c.Dataset, c.Index, c.Plan, opt)
	return decisionProblems(err)
}

// groups forms the codevelopment groups of the volunteers of codev.csv,
// after the plan and the matching when the cycle made them, and their
// calendars.
func (c *cycle) groups(f groupsFlags, lineDepth int) error {
	if c.Index == nil {
		c.Index = matcher.NewIndex(c.Dataset)
	}
	p := matcher.CodevProblem(&c.Config, c.Dataset, c.Index, c.Plan, c.Matching, c.Codev,
		matcher.CodevOptions{LineDepth: lineDepth, Seed: f.Seed})
	var err error
	if c.Groups, err = codev.Solve(p); err != nil {
		return err
	}
	sch, err := f.schedule(c.Config.Codev.Animator)
	if err != nil {
		return err
	}
	c.Calendars = make([][]codev.Session, len(c.Groups.Groups))
	for i := range c.Groups.Groups {
		c.Calendars[i] = codev.Calendar(&c.Groups.Groups[i], sch)
	}
	return nil
}

// codevTables are the tables of the codevelopment groups: groups.csv,
// group_sessions.csv, codev_unplaced.csv and group_summary.csv.
func (c *cycle) codevTables(lang reports.Lang, names reports.Namer) []*reports.Table {
	return []*reports.Table{
		reports.GroupsTable(c.Groups, lang, names),
		reports.GroupSessionsTable(c.Groups, c.Calendars, lang, names),
		reports.CodevUnplacedTable(c.Groups, lang, names, c.Config.Codev.MinSize),
		reports.GroupSummaryTable(c.Groups, lang),
	}
}

// writeOutputs writes each table as NAME.csv into dir. Every file is
// rendered in memory first, so that a rendering error writes nothing; the
// files are then written as one transaction, never over one of inputs.
func writeOutputs(dir string, inputs []string, excel bool, tables ...*reports.Table) error {
	files, err := renderCSV(tables, excel)
	if err != nil {
		return err
	}
	return writeFiles(dir, inputs, files)
}
