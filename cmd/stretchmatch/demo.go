package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type demoOptions struct {
	IO     *iostreams
	Output outputOptions
	OutDir string
	Redact bool
}

func newDemoCmd(ios *iostreams, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole cycle on the embedded sample organisation; no files needed",
		Long: `Run the whole cycle (validate, score, plan, match, report) on the embedded
sample organisation, a fictional company of 252 people, and print the
committee summary and the key tables: candidate moves by band, the moves
chosen, the mentoring pairs, the mentees left unmatched, the mentor load,
and the follow-up of the sample's previous quarter (moves realised, pairs
by health; the pack's "Last quarter" section).

--out DIR also writes every file that 'stretchmatch run' writes (CSV files,
report.md, report.html, report.xlsx and run.json, whose hashes are those of
the embedded sample files). 'stretchmatch init DIR' writes the sample's
input files, to run the other commands on.`,
		Example: `  stretchmatch demo
  stretchmatch demo --lang fr --format markdown
  stretchmatch demo --out demo-pack`,
		Args: usageArgs(cobra.NoArgs),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runDemo(opts)
		}),
	}
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "summary", "fit_quartiles", "moves_by_band", "moves_chosen", "pairs", "unmatched_reasons", "mentor_load", "lq_source", "lq_health", "group_summary")
	cmd.Flags().StringVar(&opts.OutDir, "out", "", "also write every output file of 'run' into `DIR`")
	cmd.Flags().BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	return cmd
}

func runDemo(opts *demoOptions) error {
	l := &loaded{Config: model.Default()}
	var err error
	if l.Inputs, err = data.SampleInputs(); err != nil {
		return err
	}
	if l.Dataset, _, err = data.Load(l.Inputs, data.ReadOptions{Config: &l.Config}); err != nil {
		return err
	}
	l.CodevSource, l.CodevHistorySource = data.SampleCodevInputs()
	if l.Codev, _, err = data.LoadCodev(l.CodevSource, l.CodevHistorySource, l.Dataset, data.ReadOptions{}); err != nil {
		return err
	}
	c, err := runCycle(l, cycleFlags{}, nil)
	if err != nil {
		return err
	}
	if err := c.followSample(); err != nil {
		return err
	}
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	if opts.OutDir != "" {
		files, err := renderRun(c, lang, names, opts.Output.Excel)
		if err != nil {
			return err
		}
		if err := writeFiles(opts.OutDir, nil, files); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "wrote %d [file|files] into %s: %s", len(files), opts.OutDir, strings.Join(fileNames(files), ", ")))
	}
	return writeTables(opts.IO, &opts.Output, nil, demoTables(c, lang, names)...)
}

// demoTables are the tables demo prints, narrow enough for a terminal of
// 100 columns.
func demoTables(c *cycle, lang reports.Lang, names reports.Namer) []*reports.Table {
	p := c.committeePack(lang, names)
	moves := reports.Project(reports.MovesByBandTable(c.Scores, c.Plan, lang, names),
		"band", "move_id", "person_name", "challenge", "triggers", "status")
	chosen := reports.Project(reports.PackTable(p, "moves_chosen"),
		"move_id", "person_name", "position_id", "challenge", "support", "band", "value")
	pairs := reports.Project(reports.PairsTable(c.Matching, lang, names),
		"mentee_name", "mentor_name", "fit", "tier", "status", "next_best_mentor_id", "loss_if_next_best")
	relabel(chosen, "position_id", reports.T(lang, "d_position"))
	relabel(pairs, "next_best_mentor_id", reports.T(lang, "d_next_best"))
	relabel(pairs, "loss_if_next_best", reports.T(lang, "d_loss"))
	return []*reports.Table{
		reports.PackTable(p, "summary"),
		reports.PackTable(p, "fit_quartiles"),
		moves,
		chosen,
		pairs,
		reports.UnmatchedReasonsTable(c.Matching, lang, names),
		reports.Project(reports.MentorLoadTable(c.Matching, lang, names), "mentor_id", "mentor_name", "capacity", "assigned", "left"),
		reports.PackTable(p, "lq_source"),
		reports.PackTable(p, "lq_health"),
		reports.Project(reports.GroupSummaryTable(c.Groups, lang), "group_id", "size", "group_score", "language", "reasons"),
	}
}

// followSample follows up the sample's previous quarter with the sample's
// activity.csv, for the "Last quarter" section of the demo.
func (c *cycle) followSample() error {
	prev, err := data.SamplePrevious(data.ReadOptions{Config: &c.Config})
	if err != nil {
		return err
	}
	act, err := data.SampleActivity()
	if err != nil {
		return err
	}
	return c.follow(prev, &act, nil, followupFlags{})
}

// relabel gives the column key of a view a shorter label.
func relabel(t *reports.Table, key, label string) {
	for i := range t.Columns {
		if t.Columns[i].Key == key {
			t.Columns[i].Label = label
		}
	}
}
