package main

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/reports"
)

// cycleFlags are the flags of the whole cycle (score, plan, match) shared
// by run, report and demo.
type cycleFlags struct {
	AllowOverstretch bool
	LineDepth        int
	AllowRepeat      bool
	Rematch          bool
	Progress         bool
	PlanFile         string
	// Groups are the flags of the codevelopment groups, formed when
	// codev.csv is given.
	Groups groupsFlags
}

func addCycleFlags(cmd *cobra.Command, o *cycleFlags) {
	f := cmd.Flags()
	f.BoolVar(&o.AllowOverstretch, "allow-overstretch", false, "let the plan choose overstretch moves (their mentees get priority 3)")
	f.IntVar(&o.LineDepth, "line-depth", 0, "look at most `N` levels up the chains of managers (0: no limit)")
	f.BoolVar(&o.AllowRepeat, "allow-repeat", false, "allow pairs that ended before (history.csv)")
	f.BoolVar(&o.Rematch, "rematch", false, "ignore the active pairs of history.csv and match everybody anew")
	f.StringVar(&o.PlanFile, "plan", "", "the committee's plan: a plan.csv `FILE` it edited (chosen = required, not_chosen = forbidden, moves left out planned freely)")
	f.BoolVar(&o.Progress, "progress", false, "show the stages and their times on standard error even when it is not a terminal")
	addGroupsFlags(cmd, &o.Groups)
}

// check validates the flags before any work is done.
func (o *cycleFlags) check() error {
	if o.LineDepth < 0 {
		return usageErrorf("--line-depth %d: give a number of levels ≥ 1, or 0 for no limit", o.LineDepth)
	}
	if o.PlanFile != "" && o.AllowOverstretch {
		return usageErrorf("--plan and --allow-overstretch cannot be used together: the plan file already says which moves are chosen")
	}
	return o.Groups.check()
}

// checkCycleFlags validates, before any work, the flags that run and
// report share: the input flags, the cycle flags and --lang.
func checkCycleFlags(in *inputOptions, c *cycleFlags, lang string) error {
	if err := in.check(); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	_, err := parseLang(lang)
	return err
}

// runCycle scores, plans and matches: the whole cycle. Every input file but
// history.csv is needed.
func runCycle(l *loaded, f cycleFlags, pr *progress) (*cycle, error) {
	if err := needFiles(l.Inputs, data.FilePositions, data.FileMoves, data.FileMentors, data.FileMentees); err != nil {
		return nil, err
	}
	c := &cycle{loaded: l}
	if f.PlanFile != "" {
		pr.stage("scoring %d candidate [move|moves] and reading the plan", len(l.Dataset.Moves))
		if err := c.givenPlan(f.PlanFile, l.Delimiter); err != nil {
			return nil, err
		}
	} else {
		pr.stage("scoring %d candidate [move|moves]", len(l.Dataset.Moves))
		if err := c.score(); err != nil {
			return nil, err
		}
		pr.stage("planning")
		if err := c.plan(f.AllowOverstretch); err != nil {
			return nil, err
		}
	}
	pr.stage("matching %d [mentee|mentees] with %d [mentor|mentors]", len(l.Dataset.Mentees), len(l.Dataset.Mentors))
	opt := matcher.MatchOptions{LineDepth: f.LineDepth, AllowRepeat: f.AllowRepeat, Rematch: f.Rematch}
	if err := c.match(opt); err != nil {
		return nil, err
	}
	if c.hasDecisions() {
		pr.stage("pricing %d [decision|decisions]", len(c.Decisions))
		if err := c.price(opt); err != nil {
			return nil, err
		}
	}
	if l.Codev != nil {
		pr.stage("forming codevelopment groups of %d [volunteer|volunteers]", len(l.Codev.Volunteers))
		if err := c.groups(f.Groups, f.LineDepth); err != nil {
			return nil, err
		}
	}
	pr.done()
	return c, nil
}

// runRecord describes the run: version, configuration, every input file
// read with its hash, and the counts.
func (c *cycle) runRecord() reports.RunRecord {
	r := reports.RunRecord{Version: version, Config: &c.Config}
	in := c.Inputs
	for _, f := range []struct {
		name string
		src  *data.Source
	}{
		{data.FilePeople, in.People}, {data.FilePositions, in.Positions}, {data.FileMoves, in.Moves},
		{data.FileMentors, in.Mentors}, {data.FileMentees, in.Mentees}, {data.FileHistory, in.History},
		{"config_file", c.ConfigSource}, {"plan_file", c.PlanSource}, {data.FileDecisions, c.DecisionsSource},
		{data.FileCodev, c.CodevSource}, {data.FileCodevHistory, c.CodevHistorySource},
	} {
		if f.src != nil {
			r.Inputs = append(r.Inputs, reports.HashInput(f.name, f.src.Name, f.src.Data))
		}
	}
	r.Counts = append(reports.RunCounts(c.Dataset, c.Plan, c.Matching), reports.CodevCounts(c.Groups)...)
	r.Plan, r.Prices = c.Plan, c.Prices
	return r
}

// committeePack builds the committee pack of the cycle.
func (c *cycle) committeePack(lang reports.Lang, names reports.Namer) *reports.Pack {
	opt := reports.PackOptions{RowLimit: reports.DefaultRowLimit}
	if c.PackOptions != nil {
		opt = *c.PackOptions
	}
	p := reports.Committee(reports.CommitteeInput{
		Config: &c.Config, Dataset: c.Dataset, Scores: c.Scores, Plan: c.Plan, Matching: c.Matching,
		Lang: lang, Names: names, Run: c.runRecord(), Prices: c.Prices, Options: opt,
	})
	if c.Groups != nil {
		// Before the run record, which closes the pack.
		at := slices.IndexFunc(p.Sections, func(s reports.Section) bool { return s.Name == "run" })
		if at < 0 {
			at = len(p.Sections)
		}
		p.Sections = slices.Insert(p.Sections, at, reports.CodevSection(c.Groups, c.Calendars, &c.Config.Codev, lang, names))
	}
	if c.Followed != nil {
		p.Sections = append(p.Sections, c.Followed.section(c.loaded, lang, names))
	}
	return p
}

// csvTables are the tables of the CSV files of a cycle, the same as those
// of the score, plan and match commands' --out.
func (c *cycle) csvTables(lang reports.Lang, names reports.Namer) []*reports.Table {
	tables := []*reports.Table{
		reports.ScoresTable(c.Scores, &c.Config, lang, names),
		reports.PlanTable(c.Plan, lang),
		reports.UnplacedTable(c.Plan, lang, names),
		reports.OpenPositionsTable(c.Plan, lang),
		reports.PairsTable(c.Matching, lang, names),
		reports.UnmatchedTable(c.Matching, lang, names),
		reports.BrokenTable(c.Matching, lang),
		reports.MentorLoadTable(c.Matching, lang, names),
	}
	if c.hasDecisions() {
		tables = append(tables, reports.DecisionCostsTable(c.Prices, c.Plan, lang))
	}
	if c.Groups != nil {
		tables = append(tables, c.codevTables(lang, names)...)
	}
	return tables
}

// outputFile is one output rendered in memory, ready to be written.
type outputFile struct {
	Name string // file name inside the output folder
	Body []byte
}

// The files of the committee pack.
const (
	fileReportMD   = "report.md"
	fileReportHTML = "report.html"
	fileReportXLSX = "report.xlsx"
	fileRunJSON    = "run.json"
)

// renderPack renders the committee pack as Markdown, HTML and Excel, the
// three at once (the writers only read the pack).
func renderPack(p *reports.Pack) ([]outputFile, error) {
	writers := []struct {
		name  string
		write func(io.Writer, *reports.Pack) error
	}{
		{fileReportMD, reports.WritePackMarkdown},
		{fileReportHTML, reports.WritePackHTML},
		{fileReportXLSX, func(w io.Writer, p *reports.Pack) error {
			return withScratch(func(dir string) error { return reports.WritePackXLSXIn(w, p, dir) })
		}},
	}
	files := make([]outputFile, len(writers))
	errs := make([]error, len(writers))
	var wg sync.WaitGroup
	for i, f := range writers {
		wg.Go(func() {
			var buf bytes.Buffer
			errs[i] = f.write(&buf, p)
			files[i] = outputFile{f.name, buf.Bytes()}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return files, nil
}

// renderRun renders every output file of a run: the CSV files, the
// committee pack and run.json.
func renderRun(c *cycle, lang reports.Lang, names reports.Namer, excel bool) ([]outputFile, error) {
	files, err := renderCSV(c.csvTables(lang, names), excel)
	if err != nil {
		return nil, err
	}
	pack, err := renderPack(c.committeePack(lang, names))
	if err != nil {
		return nil, err
	}
	files = append(files, pack...)
	rec := c.runRecord()
	for _, f := range files {
		if strings.HasSuffix(f.Name, ".csv") {
			rec.Outputs = append(rec.Outputs, reports.HashInput(f.Name, "", f.Body))
		}
	}
	var buf bytes.Buffer
	if err := reports.WriteRunJSON(&buf, &rec); err != nil {
		return nil, err
	}
	return append(files, outputFile{fileRunJSON, buf.Bytes()}), nil
}

// renderCSV renders each table as the file NAME.csv.
func renderCSV(tables []*reports.Table, excel bool) ([]outputFile, error) {
	files := make([]outputFile, 0, len(tables))
	for _, t := range tables {
		var buf bytes.Buffer
		if err := writeTableCSV(&buf, t, excel); err != nil {
			return nil, err
		}
		files = append(files, outputFile{t.Name + ".csv", buf.Bytes()})
	}
	return files, nil
}

// writeFiles writes files already rendered into dir, creating it if needed,
// as one transaction (see data.StageFiles): every file is staged first, and
// they are renamed into place only when all are written, in order (so
// run.json, last, always describes the files beside it). No file may be
// one of inputs.
func writeFiles(dir string, inputs []string, files []outputFile) error {
	tx, err := data.StageFiles(dir, inputs)
	if err != nil {
		return err
	}
	defer tx.Abort()
	for _, f := range files {
		if err := tx.Add(f.Name, f.Body); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// fileNames lists the names of files, for the summary a command prints.
func fileNames(files []outputFile) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return names
}
