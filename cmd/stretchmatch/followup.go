package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher/followup"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// followupFlags are the flags of the follow-up, shared by followup and
// run --previous.
type followupFlags struct {
	Prev     string // the previous pack's folder
	Activity string // --activity FILE; default DIR/activity.csv
	// CodevHistory is the input flag --codev-history, shared with the
	// codevelopment groups; default DIR/codev_history.csv.
	CodevHistory string
	AsOf, Since  string
}

func addFollowupFlags(cmd *cobra.Command, o *followupFlags) {
	f := cmd.Flags()
	f.StringVar(&o.Activity, "activity", "", "read the activity export from `FILE` instead of DIR/activity.csv")
	f.StringVar(&o.AsOf, "as-of", "", "the day of the follow-up, `DATE` (YYYY-MM-DD or DD/MM/YYYY; default: the newest date in activity.csv)")
	f.StringVar(&o.Since, "since", "", "the day last quarter's pairs and groups started, `DATE` (default: followup.quarter_days before --as-of)")
}

// check validates the dates before any work.
func (o *followupFlags) check() error {
	for _, d := range []struct {
		flag string
		v    *string
	}{{"--as-of", &o.AsOf}, {"--since", &o.Since}} {
		if *d.v == "" {
			continue
		}
		v, ok := data.ParseDay(*d.v)
		if !ok {
			return usageErrorf("%s %q: write a date as YYYY-MM-DD or DD/MM/YYYY", d.flag, *d.v)
		}
		*d.v = v
	}
	if o.AsOf != "" && o.Since != "" && o.Since > o.AsOf {
		return usageErrorf("--since %s is after --as-of %s", o.Since, o.AsOf)
	}
	return nil
}

// followed is a follow-up computed: the previous pack, the result and the
// files for next quarter.
type followed struct {
	Prev    *data.Previous
	Result  *followup.Result
	History []model.HistoryPair
	Mentees []followup.NextMentee
	Codev   []model.CodevMembership // nil without groups
	Paths   []string                // files read, never to be written over
}

// optionalFile reads path when given, else dir/name when it exists; nil
// when neither.
func optionalFile(path, dir, name string) (*data.Source, error) {
	explicit := path != ""
	if !explicit {
		path = filepath.Join(dir, name)
	}
	b, err := data.ReadFileLimited(path, 0)
	var ps data.Problems
	switch {
	case err == nil:
		return &data.Source{Name: path, Data: b}, nil
	case !explicit && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)):
		return nil, nil // absent, or DIR is no folder (reported by the input files)
	case errors.As(err, &ps):
		return nil, ps
	}
	return nil, data.Problems{{File: path, Msg: "cannot read the file: " + errors.Unwrap(err).Error(), Hint: "check the path given to the flag"}}
}

// followUp is the follow-up stage of the cycle: it reads the previous pack
// f.Prev and this quarter's activity (in dir unless a flag names it), and
// follows the pack up against the people of the cycle into c.Followed. The
// files read join c.Paths, so that no output is written over them.
func (c *cycle) followUp(dir string, f followupFlags) error {
	prev, err := data.ReadPrevious(f.Prev, data.ReadOptions{Delimiter: c.Delimiter, Config: &c.Config})
	if err != nil {
		return err
	}
	act, err := optionalFile(f.Activity, dir, data.FileActivity)
	if err != nil {
		return err
	}
	var codev *data.Source
	if len(prev.Groups) > 0 {
		if codev, err = optionalFile(f.CodevHistory, dir, data.FileCodevHistory); err != nil {
			return err
		}
	}
	return c.follow(prev, act, codev, f)
}

// follow computes the follow-up of prev with the activity act and the
// earlier codevelopment history codev (each nil when not given).
func (c *cycle) follow(prev *data.Previous, act, codev *data.Source, f followupFlags) error {
	fu, err := follow(c.loaded, prev, act, codev, f)
	if err != nil {
		return err
	}
	c.Followed = fu
	c.Paths = append(c.Paths, fu.Paths...)
	return nil
}

func follow(l *loaded, prev *data.Previous, act, codev *data.Source, f followupFlags) (*followed, error) {
	opt := data.ReadOptions{Delimiter: l.Delimiter, Config: &l.Config}
	fu := &followed{Prev: prev}
	for _, s := range prev.Sources {
		fu.Paths = append(fu.Paths, s.Name)
	}
	var acts []model.Activity
	var err error
	if act != nil {
		fu.Paths = append(fu.Paths, act.Name)
		if acts, _, err = data.ReadActivity(*act, opt, activityRefs(&prev.Previous)); err != nil {
			return nil, err
		}
	}
	asOf := f.AsOf
	if asOf == "" {
		if asOf = followup.NewestDate(acts); asOf == "" {
			return nil, usageErrorf("--as-of is needed: there is no activity.csv with dates to take the day of the follow-up from")
		}
	}
	in := followup.Input{Config: l.Config.Followup, Prev: &prev.Previous, People: l.Dataset.People,
		Positions: l.Dataset.Positions, Activity: acts, CommitteePlan: prev.CommitteePlan, AsOf: asOf, Since: f.Since}
	if fu.Result, err = followup.Compute(in); err != nil {
		return nil, err
	}
	fu.History = followup.NextHistory(fu.Result, l.Dataset.People, prev.History, l.Dataset.History)
	fu.Mentees = followup.NextMentees(fu.Result, l.Dataset.People, l.Dataset.Mentees)
	if len(prev.Groups) > 0 {
		var earlier []model.CodevMembership
		if codev != nil {
			fu.Paths = append(fu.Paths, codev.Name)
			if earlier, err = data.ReadCodevHistory(*codev, opt); err != nil {
				return nil, err
			}
		}
		fu.Codev = followup.NextCodevHistory(fu.Result, earlier, followup.FollowedCycle(fu.Result.Since, fu.Result.AsOf))
	}
	return fu, nil
}

// validateActivity checks DIR/activity.csv, when there, on its own.
func validateActivity(dir, delimiter string) error {
	o := inputOptions{Delimiter: delimiter}
	delim, err := o.delimiter()
	if err != nil {
		return err
	}
	src, err := optionalFile("", dir, data.FileActivity)
	if err != nil || src == nil {
		return err
	}
	_, _, err = data.ReadActivity(*src, data.ReadOptions{Delimiter: delim}, data.ActivityRefs{})
	return err
}

// joinProblems returns the problems of a and b as one list when both are
// problems (or nil), else the first error.
func joinProblems(a, b error) error {
	var pa, pb data.Problems
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case errors.As(a, &pa) && errors.As(b, &pb):
		return append(append(data.Problems(nil), pa...), pb...)
	}
	return a
}

// activityRefs lets the activity reader check its pairs and groups
// against the previous pack.
func activityRefs(prev *model.Previous) data.ActivityRefs {
	pairs := map[[2]string]bool{}
	for _, p := range prev.Pairs {
		pairs[[2]string{p.MenteeID, p.MentorID}] = true
	}
	groups := map[string]map[string]bool{}
	for _, g := range prev.Groups {
		m := map[string]bool{}
		for _, id := range g.Members {
			m[id] = true
		}
		groups[g.ID] = m
	}
	return data.ActivityRefs{
		Pair: func(mentee, mentor string) bool { return pairs[[2]string{mentee, mentor}] },
		Group: func(group, person string) (bool, bool) {
			m, ok := groups[group]
			return ok, m[person]
		},
	}
}

// tables returns the CSV tables of the follow-up, in file order.
func (fu *followed) tables(lang reports.Lang, names reports.Namer) []*reports.Table {
	out := []*reports.Table{
		reports.MovesFollowupTable(fu.Result, lang, names),
		reports.PairsFollowupTable(fu.Result, lang, names),
	}
	if len(fu.Result.Groups) > 0 {
		out = append(out, reports.GroupsFollowupTable(fu.Result, lang))
	}
	out = append(out, reports.HistoryNextTable(fu.History, lang), reports.MenteesNextTable(fu.Mentees, lang))
	if fu.Codev != nil {
		out = append(out, reports.CodevHistoryNextTable(fu.Codev, lang))
	}
	return out
}

// section returns the "Last quarter" section of the pack.
func (fu *followed) section(l *loaded, lang reports.Lang, names reports.Namer) reports.Section {
	return reports.LastQuarterSection(reports.LastQuarter{Result: fu.Result, People: l.Dataset.People,
		PrevPeople: fu.Prev.People}, lang, names)
}

type followupOptions struct {
	IO     *iostreams
	Input  inputOptions
	Output outputOptions
	Follow followupFlags
	OutDir string
	Redact bool
}

func newFollowupCmd(ios *iostreams, runF func(*followupOptions) error) *cobra.Command {
	opts := &followupOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "followup PREV [DIR]",
		Short: "Follow up last quarter's pack: moves realised, pairs and groups alive, next history",
		Long: `Follow up the pack PREV that stretchmatch run --out wrote last quarter, with
this quarter's people.csv (and positions.csv, history.csv, mentees.csv when
present) and the activity export activity.csv of DIR.

PREV must hold run.json, plan.csv and pairs.csv (and decision_costs.csv,
groups.csv, group_sessions.csv when the run wrote them), each with the
SHA-256 that run.json records: a file changed after the run is an error
naming it. Last quarter's people.csv and positions.csv are used when found
(a copy in PREV, or the path run.json records, with the recorded SHA-256).

Each chosen move is realised (the person holds the target position_id, or,
without position_id, has its manager, function and grade), other_move (the
job changed otherwise), not_yet, or left (no longer in people.csv). Each
pair and group is on_track, no_first_meeting, inactive, not_a_good_fit or
ended, by the thresholds of the config's followup block; sessions held are
counted against the rhythm planned, goals scored with Goal Attainment
Scaling (mean and T-score).

Prints the moves and pairs followed up. --out OUT writes moves_followup.csv,
pairs_followup.csv, groups_followup.csv (with groups), history_next.csv and
mentees_next.csv (valid history.csv and mentees.csv for next quarter's run),
codev_history_next.csv (with groups), and the "Last quarter" section as
followup.md, followup.html and followup.xlsx.

--as-of DATE fixes the day of the follow-up (default: the newest date in
activity.csv), so that reruns give byte-identical files.`,
		Example: `  stretchmatch followup results-q2 review-q3
  stretchmatch followup results-q2 review-q3 --as-of 2026-09-30 --out followup-q3
  stretchmatch run review-q3 --out results-q3 --previous results-q2`,
		Args: usageArgs(cobra.RangeArgs(1, 2)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Follow.Prev = args[0]
			opts.Input.Dir = dirArg(args[1:])
			if err := opts.Input.check(); err != nil {
				return err
			}
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if err := opts.Follow.check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runFollowup(opts)
		}),
	}
	addInputFlags(cmd, &opts.Input)
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "moves_followup", "pairs_followup", "groups_followup", "history_next", "mentees_next", "codev_history_next")
	addFollowupFlags(cmd, &opts.Follow)
	f := cmd.Flags()
	f.StringVar(&opts.OutDir, "out", "", "also write every follow-up file into `OUT`")
	f.BoolVar(&opts.Redact, "redact", false, "replace every person's name with a stable pseudonym")
	return cmd
}

// The files of the "Last quarter" pack that followup --out writes.
const (
	fileFollowupMD   = "followup.md"
	fileFollowupHTML = "followup.html"
	fileFollowupXLSX = "followup.xlsx"
)

func runFollowup(opts *followupOptions) error {
	opts.Input.Redact = opts.Redact
	l, err := opts.Input.load(opts.IO.In, opts.IO.ErrOut)
	if err != nil {
		return err
	}
	c := &cycle{loaded: l}
	opts.Follow.CodevHistory = opts.Input.CodevHistoryFile
	if err := c.followUp(opts.Input.Dir, opts.Follow); err != nil {
		return err
	}
	fu, paths := c.Followed, c.Paths
	lang, _ := opts.Output.language()
	names := reports.Namer{Redact: opts.Redact}
	tables := fu.tables(lang, names)
	if opts.OutDir != "" {
		files, err := renderCSV(tables, opts.Output.Excel)
		if err != nil {
			return err
		}
		pack := &reports.Pack{
			Title:    fuTitle(lang),
			Subtitle: fmt.Sprintf("stretchmatch %s — %s", version, fu.Result.AsOf),
			Lang:     lang,
			Sections: []reports.Section{fu.section(l, lang, names)},
		}
		rendered, err := renderPack(pack)
		if err != nil {
			return err
		}
		names := []string{fileFollowupMD, fileFollowupHTML, fileFollowupXLSX}
		for i := range rendered {
			rendered[i].Name = names[i]
		}
		if err := writeFiles(opts.OutDir, paths, append(files, rendered...)); err != nil {
			return err
		}
	}
	r := fu.Result
	if f, _ := opts.Output.format(opts.IO); f == "table" {
		fmt.Fprintln(opts.IO.ErrOut, say(lang, "as of %s: %d [move|moves] followed up, %d [pair|pairs], %d [group|groups]; %d activity [row|rows] after that day left out",
			r.AsOf, len(r.Moves), len(r.Pairs), len(r.Groups), r.Later))
	}
	return writeTables(opts.IO, &opts.Output, paths, tables...)
}

func fuTitle(lang reports.Lang) string {
	if lang == reports.FR {
		return "Suivi du trimestre dernier"
	}
	return "Follow-up of last quarter"
}
