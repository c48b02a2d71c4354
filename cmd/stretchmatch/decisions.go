package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// fileConfig is the configuration file a DIR may hold, used when --config
// is not given.
const fileConfig = "config.yaml"

// addDecisionFlag adds --decisions to a command that reads a cycle's input.
func addDecisionFlag(cmd *cobra.Command, o *inputOptions) {
	cmd.Flags().StringVar(&o.DecisionsFile, "decisions", "", "read the committee's decisions from `FILE` instead of DIR/decisions.csv")
}

// configFile returns the configuration file to read: --config, else
// DIR/config.yaml when it exists, else "" (the defaults).
func (o *inputOptions) configFile() string {
	if o.ConfigFile != "" {
		return o.ConfigFile
	}
	p := filepath.Join(o.Dir, fileConfig)
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p
	}
	return ""
}

// loadDecisions reads the committee's decisions: --decisions FILE, else
// DIR/decisions.csv when it exists. The file is an input: no output is
// ever written over it.
func (o *inputOptions) loadDecisions(l *loaded, errOut io.Writer) error {
	path, explicit := o.DecisionsFile, o.DecisionsFile != ""
	if !explicit {
		path = filepath.Join(o.Dir, data.FileDecisions)
	}
	l.Paths = append(l.Paths, path)
	b, err := data.ReadFileLimited(path, l.Limits.MaxFileSize)
	var ps data.Problems
	switch {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return data.Problems{{File: path, Msg: "file not found", Hint: "check the path given to --decisions"}}
	case errors.As(err, &ps):
		return ps
	default:
		return data.Problems{{File: path, Msg: "cannot read the file: " + err.Error(), Hint: "check that it is a readable file"}}
	}
	l.DecisionsSource = &data.Source{Name: path, Data: b}
	l.Decisions, err = data.ReadDecisions(*l.DecisionsSource, data.ReadOptions{Delimiter: l.Delimiter, Limits: l.Limits}, l.Dataset)
	if err != nil {
		return err
	}
	if o.Verbose {
		fmt.Fprintf(errOut, "%s: %d decisions of the committee\n", path, len(l.Decisions))
	}
	return nil
}

// moveDecisions returns the move decisions in force: those of
// decisions.csv and those of the plan file.
func (c *cycle) moveDecisions() []*model.Decision {
	return append(c.Decisions.Moves(), c.PlanDecisions.Moves()...)
}

// decisionProblems turns the decisions the matcher found impossible into
// data problems, so that they are reported like every bad input.
func decisionProblems(err error) error {
	var des matcher.DecisionErrors
	if !errors.As(err, &des) {
		return err
	}
	ps := make(data.Problems, len(des))
	for i, e := range des {
		ps[i] = data.Problem{File: e.Decision.Source, Line: e.Decision.Line, Col: max(e.Col, 1), Msg: e.Msg, Hint: e.Hint}
	}
	return ps
}

// price prices every decision of decisions.csv exactly, and the whole set
// of decisions in force against the free optimum. Without any decision
// nothing is re-solved.
func (c *cycle) price(opt matcher.MatchOptions) error {
	opt.Decisions = c.Decisions.Pairs()
	cy := matcher.Cycle{Config: &c.Config, Dataset: c.Dataset, Index: c.Index, Scores: c.Scores,
		Positions: c.Dataset.Positions, Plan: c.planOptions(), Match: opt}
	var err error
	var priced []*model.Decision
	for i := range c.Decisions {
		priced = append(priced, &c.Decisions[i])
	}
	c.Prices, err = matcher.PriceDecisions(cy, priced, c.Plan, c.Matching)
	return err
}

// hasDecisions reports whether the cycle runs under decisions.
func (c *cycle) hasDecisions() bool { return len(c.Decisions) > 0 || len(c.PlanDecisions) > 0 }

// checkPairDecisions checks, for validate, that every pair the committee
// requires can hold: it plans under the move decisions (the future line
// depends on the plan) and matches, reporting each pair that breaks a rule
// no decision lifts. Without a required pair, it does nothing.
func checkPairDecisions(l *loaded) error {
	required := false
	for _, d := range l.Decisions.Pairs() {
		required = required || d.Required()
	}
	if !required {
		return nil
	}
	c := &cycle{loaded: l}
	if l.Inputs.Positions != nil && l.Inputs.Moves != nil {
		if err := c.score(); err != nil {
			return err
		}
		if err := c.plan(false); err != nil {
			return err
		}
	}
	return c.match(matcher.MatchOptions{})
}

// keepEditedPlan refuses to write plan.csv into dir over a plan.csv the
// committee edited by hand (a status changed without its reason): its
// edits would be lost. They belong in DIR/decisions.csv, or the file can
// be given with --plan.
func keepEditedPlan(dir string, inputs []string) error {
	path := filepath.Join(dir, "plan.csv")
	for _, in := range inputs {
		if data.SameFile(in, path) {
			return nil // an input: writing over it is refused anyway
		}
	}
	b, err := data.ReadFileLimited(path, 0)
	if err != nil {
		return nil
	}
	if line := data.PlanEdited(data.Source{Name: path, Data: b}); line > 0 {
		return fmt.Errorf("refusing to write %s: it was edited by hand (line %d: the status does not match its reason); "+
			"move the committee's edits to DIR/decisions.csv, or give the file with --plan and another --out", path, line)
	}
	return nil
}
