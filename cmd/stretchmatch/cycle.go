package main

import (
	"fmt"
	"os"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
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

// plan chooses the moves.
func (c *cycle) plan(allowOverstretch bool) error {
	var err error
	c.Plan, err = matcher.MakePlan(&c.Config, c.Scores, c.Dataset.Positions, matcher.PlanOptions{AllowOverstretch: allowOverstretch})
	return err
}

// givenPlan scores the moves and takes the chosen ones from a plan file
// instead of planning.
func (c *cycle) givenPlan(path string, delim rune) error {
	if err := c.score(); err != nil {
		return err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read the plan: %w (give the plan.csv written by stretchmatch plan)", err)
	}
	c.PlanSource = &data.Source{Name: path, Data: b}
	ids, err := data.ReadPlanChoice(*c.PlanSource, data.ReadOptions{Delimiter: delim}, c.Dataset)
	if err != nil {
		return err
	}
	c.Paths = append(c.Paths, path)
	c.Plan, err = matcher.GivenPlan(&c.Config, c.Scores, c.Dataset.Positions, ids)
	return err
}

// match pairs mentees with mentors, following the plan when there is one.
func (c *cycle) match(opt matcher.MatchOptions) error {
	if c.Index == nil {
		c.Index = matcher.NewIndex(c.Dataset)
	}
	var err error
	c.Matching, err = matcher.Match(&c.Config, c.Dataset, c.Index, c.Plan, opt)
	return err
}

// writeOutputs writes each table as NAME.csv into dir. Every file is
// rendered in memory first, so that a rendering error writes nothing; each
// file is then written atomically, and never over one of inputs.
func writeOutputs(dir string, inputs []string, excel bool, tables ...*reports.Table) error {
	files, err := renderCSV(tables, excel)
	if err != nil {
		return err
	}
	return writeFiles(dir, inputs, files)
}

// ensureDir creates dir if needed.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	return nil
}
