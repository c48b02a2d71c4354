package reports

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// CommitteeInput is everything the committee pack is built from: the
// configuration in force, the dataset, the results of the three stages of
// a cycle, the language, the namer (for --redact) and the run record.
// Config, Dataset, Plan and Matching must not be nil.
type CommitteeInput struct {
	Config   *model.Config
	Dataset  *model.Dataset
	Scores   []matcher.Score
	Plan     *matcher.Plan
	Matching *matcher.Matching
	Lang     Lang
	Names    Namer
	Run      RunRecord
	// Options are the identity and the row limit of the pack.
	Options PackOptions
	// Prices are the prices of the committee's decisions, nil without any
	// decision (the pack then has no decisions section, and its summary no
	// decisions block).
	Prices *matcher.Prices
}

// Committee builds the committee pack of SPEC §8 as a decision document:
// the one-page summary (with the committee's decisions when in.Decisions
// has rows), one line per person (the full moves table in the workbook),
// pairs, exceptions, the equity audit, mentor load, plan and run record, in
// that order. Every table that has a CSV counterpart (scores.csv, plan.csv,
// pairs.csv, unmatched.csv, mentor_load.csv, …) is built by the same
// function as the CSV file, so the pack shows the same digits; the views
// the documents show instead (people, pairs by name) name that table. Every
// person's name goes through in.Names. It panics if a required field of in
// is nil.
func Committee(in CommitteeInput) *Pack {
	if in.Config == nil || in.Dataset == nil || in.Plan == nil || in.Matching == nil {
		panic("reports: Committee needs a config, a dataset, a plan and a matching")
	}
	c := &committee{in: in, lang: in.Lang}
	c.index()
	l := in.Lang
	exceptions := c.exceptionsSection()
	if ex := c.decisionExceptions(); ex != nil {
		// The committee's own exceptions come first.
		exceptions.Tables = append([]*Table{ex}, exceptions.Tables...)
	}
	people := c.peopleSection()
	people.Tables = append(people.Tables, c.movesTable())
	p := &Pack{
		Title: c.title(),
		Subtitle: fmt.Sprintf(T(l, "c_subtitle"), in.Run.Version, len(in.Dataset.People),
			len(in.Scores), len(in.Matching.Pairs)+len(in.Matching.Unmatched)) + " · " + PlanSource(in.Plan, l),
		Lang:     l,
		Identity: c.identity(),
		RowLimit: in.Options.RowLimit,
		Sections: dropEmpty([]Section{
			c.summarySection(exceptionsOverview(l, exceptions.Tables, len(c.in.Plan.Open))),
			people,
			c.pairsSection(),
			exceptions,
			c.equitySection(),
			c.loadSection(),
			c.planSection(),
			c.runSection(),
		}),
	}
	wholeSummaries(p)
	return p
}

// committee holds what the sections share: the input and a few indexes.
type committee struct {
	in       CommitteeInput
	lang     Lang
	sorted   []*matcher.Score
	entry    map[*model.Move]*matcher.PlanEntry // plan entry of each move
	paired   map[string]*matcher.Pair           // pair of each mentee, by person id
	unpaired map[string]bool                    // mentees left unmatched, by person id
}

func (c *committee) index() {
	c.sorted = SortScores(c.in.Scores)
	c.entry = make(map[*model.Move]*matcher.PlanEntry, len(c.in.Plan.Entries))
	for i := range c.in.Plan.Entries {
		e := &c.in.Plan.Entries[i]
		c.entry[e.Score.Move] = e
	}
	c.paired = make(map[string]*matcher.Pair, len(c.in.Matching.Pairs))
	for i := range c.in.Matching.Pairs {
		p := &c.in.Matching.Pairs[i]
		c.paired[p.Mentee.Person.ID] = p
	}
	c.unpaired = make(map[string]bool, len(c.in.Matching.Unmatched))
	for i := range c.in.Matching.Unmatched {
		c.unpaired[c.in.Matching.Unmatched[i].Mentee.Person.ID] = true
	}
}

// Bands in the order they are shown.
var bandOrder = []matcher.Band{matcher.Comfort, matcher.Stretch, matcher.Overstretch}

// share formats n/of as a percentage with one decimal; "" when of is 0.
func share(n, of int) string {
	if of == 0 {
		return ""
	}
	return Num(100*float64(n)/float64(of), 1)
}

func (c *committee) summarySection(exceptions *Table) Section {
	l := c.lang
	t := &Table{
		Name:  "summary",
		Title: T(l, "c_key_figures"),
		Columns: []Column{
			{Key: "what", Label: T(l, "what")},
			{Key: "count", Label: T(l, "count"), Kind: Number},
			{Key: "share", Label: T(l, "c_share"), Kind: Number},
		},
	}
	moves := len(c.in.Scores)
	byBand := make([]int, len(bandOrder))
	strategic := 0
	people := make(map[string]bool)
	for _, s := range c.sorted {
		byBand[slices.Index(bandOrder, s.Band)]++
		if s.Strategic {
			strategic++
		}
		people[s.Person.ID] = true
	}
	chosen := c.in.Plan.ChosenCount()
	mt := c.in.Matching
	mentees := len(mt.Pairs) + len(mt.Unmatched)
	capacity, used := 0, 0
	for _, m := range mt.Mentors {
		capacity += m.Capacity
		used += m.Kept + m.New
	}
	t.Add(T(l, "s_moves"), strconv.Itoa(moves), "")
	for i, b := range bandOrder {
		t.Add(T(l, "s_band_"+string(b)), strconv.Itoa(byBand[i]), share(byBand[i], moves))
	}
	t.Add(T(l, "s_strategic"), strconv.Itoa(strategic), share(strategic, moves))
	t.Add(T(l, "s_people_moves"), strconv.Itoa(len(people)), "")
	t.Add(T(l, "s_chosen"), strconv.Itoa(chosen), share(chosen, len(people)))
	t.Add(T(l, "s_value"), Num(c.in.Plan.Total, 3), "")
	t.Add(T(l, "s_open"), strconv.Itoa(len(c.in.Plan.Open)), "")
	t.Add(T(l, "s_mentees"), strconv.Itoa(mentees), "")
	t.Add(T(l, "s_matched"), strconv.Itoa(len(mt.Pairs)), share(len(mt.Pairs), mentees))
	t.Add(T(l, "s_kept"), strconv.Itoa(mt.Kept()), share(mt.Kept(), mentees))
	t.Add(T(l, "s_unmatched"), strconv.Itoa(len(mt.Unmatched)), share(len(mt.Unmatched), mentees))
	t.Add(T(l, "s_broken"), strconv.Itoa(len(mt.Broken)), "")
	t.Add(T(l, "s_places"), strconv.Itoa(capacity), "")
	t.Add(T(l, "s_places_used"), strconv.Itoa(used), share(used, capacity))

	bandLabels := make([]string, len(bandOrder))
	bandValues := make([]float64, len(bandOrder))
	for i, b := range bandOrder {
		bandLabels[i] = T(l, "band_"+string(b))
		bandValues[i] = float64(byBand[i])
	}
	fits := c.fitQuartiles()
	fits.Media = SheetOnly
	return Section{
		Name:    "summary",
		Title:   T(l, "c_summary"),
		Intro:   T(l, "c_summary_intro"),
		Tables:  slices.DeleteFunc([]*Table{t, exceptions, c.decisionsBlock(), fitQuartilesLine(fits), fits}, func(t *Table) bool { return t == nil }),
		Charts:  []Chart{{Title: T(l, "c_chart_bands"), Labels: bandLabels, Values: bandValues}},
		Figures: []string{chartFigure(l, T(l, "c_chart_bands"), bandLabels, bandValues)},
	}
}

// fitQuartiles summarises the fits of the pairs: lowest, quartiles, highest.
// The quartiles use stat.Empirical, the inverse of the empirical
// distribution function: each is the fit of an actual pair, so the value
// shown is a value of pairs.csv, with the same digits.
func (c *committee) fitQuartiles() *Table {
	l := c.lang
	t := &Table{
		Name:  "fit_quartiles",
		Title: T(l, "c_fit_quartiles"),
		Columns: []Column{
			{Key: "statistic", Label: T(l, "c_statistic")},
			{Key: "fit", Label: T(l, "fit"), Kind: Number},
		},
	}
	fits := c.fits()
	if len(fits) == 0 {
		return t
	}
	slices.Sort(fits)
	t.Add(T(l, "q_min"), Num(fits[0], 1))
	for _, q := range []struct {
		key string
		p   float64
	}{{"q_1", 0.25}, {"q_2", 0.5}, {"q_3", 0.75}} {
		t.Add(T(l, q.key), Num(stat.Quantile(q.p, stat.Empirical, fits, nil), 1))
	}
	t.Add(T(l, "q_max"), Num(fits[len(fits)-1], 1))
	return t
}

// fitQuartilesLine is the fit quartiles as the first page shows them: on
// one line, a column per statistic.
func fitQuartilesLine(q *Table) *Table {
	t := &Table{Name: "fit_quartiles_line", Title: q.Title, Media: DocOnly, Full: q.Name}
	var row []string
	for _, r := range q.Rows {
		t.Columns = append(t.Columns, Column{Key: "q" + strconv.Itoa(len(row)), Label: r[0], Kind: Number})
		row = append(row, r[1])
	}
	if len(row) > 0 {
		t.Add(row...)
	}
	return t
}

// fits returns the fit of every pair, in pair order.
func (c *committee) fits() []float64 {
	out := make([]float64, len(c.in.Matching.Pairs))
	for i := range c.in.Matching.Pairs {
		out[i] = c.in.Matching.Pairs[i].Fit.Total
	}
	return out
}

// movesTable is every candidate move with the value of each criterion, as
// in scores.csv: for the workbook only, the documents show the strips of
// the people table.
func (c *committee) movesTable() *Table {
	l := c.lang
	full := ScoresTable(c.in.Scores, c.in.Config, l, c.in.Names)
	keys := []string{"move_id", "person_id", "person_name", "position_id", "position_title", "flags"}
	for _, cr := range model.Catalog {
		keys = append(keys, cr.ID)
	}
	keys = append(keys, "challenge", "support", "band", "strategic_move", "triggers", "reasons", "conditions_held")
	moves := Project(full, keys...)
	moves.Name = "moves"
	moves.Title = T(l, "c_moves")
	moves.Media = SheetOnly
	return moves
}

func (c *committee) planSection() Section {
	l := c.lang
	chosen := &Table{
		Name:  "moves_chosen",
		Title: planTitle(T(l, "c_chosen"), c.in.Plan, l),
		Columns: []Column{
			{Key: "move_id", Label: T(l, "move")},
			{Key: "person_id", Label: T(l, "person_id")},
			{Key: "person_name", Label: T(l, "person")},
			{Key: "position_id", Label: T(l, "position_id")},
			{Key: "position_title", Label: T(l, "position")},
			{Key: "challenge", Label: T(l, "challenge"), Kind: Number},
			{Key: "support", Label: T(l, "support"), Kind: Number},
			{Key: "band", Label: T(l, "band")},
			{Key: "value", Label: T(l, "value"), Kind: Number},
		},
	}
	for _, s := range c.sorted {
		e := c.entry[s.Move]
		if e == nil || e.Status != matcher.Chosen {
			continue
		}
		chosen.Add(s.Move.ID, s.Person.ID, c.in.Names.Name(s.Person), s.Position.ID, s.Position.Title,
			Num(s.Challenge, 1), Num(s.Support, 2), string(s.Band), Num(e.Value, 3))
	}
	chosen.Media = SheetOnly
	all := PlanTable(c.in.Plan, l)
	all.Media = SheetOnly
	// The people table gives each person left without a move a line and
	// the reason: the list is the workbook's.
	unplaced := UnplacedTable(c.in.Plan, l, c.in.Names)
	unplaced.Media = SheetOnly
	open := OpenPositionsTable(c.in.Plan, l)
	open.Source = "open_positions.csv"
	return Section{
		Name:   "plan",
		Title:  T(l, "c_plan"),
		Intro:  planIntro(c.in.Plan, l),
		Tables: slices.DeleteFunc([]*Table{chosen, all, unplaced, open, c.decisionCosts()}, func(t *Table) bool { return t == nil }),
		// Only the positions left open are printed: no page of its own.
		RunOn: true,
	}
}

// fitBuckets is the number of bars of the fit histogram: 0–10 … 90–100.
const fitBuckets = 10

func (c *committee) pairsSection() Section {
	l := c.lang
	counts := make([]float64, fitBuckets)
	labels := make([]string, fitBuckets)
	for i := range labels {
		labels[i] = fmt.Sprintf("%d–%d", i*10, (i+1)*10)
	}
	for _, f := range c.fits() {
		// Bucket on the fit as printed (one decimal), so that a pair shown
		// as 30.0 is counted in 30–40. The last bucket holds 100.
		r := math.Round(f*10) / 10
		counts[min(max(int(r/10), 0), fitBuckets-1)]++
	}
	full := PairsTable(c.in.Matching, l, c.in.Names)
	full.Media = SheetOnly
	return Section{
		Name:    "pairs",
		Title:   T(l, "c_pairs"),
		Intro:   T(l, "c_pairs_intro"),
		Tables:  []*Table{c.pairsView(), full},
		Charts:  []Chart{{Title: T(l, "c_chart_fit"), Labels: labels, Values: counts}},
		Figures: []string{chartFigure(l, T(l, "c_chart_fit"), labels, counts)},
	}
}

// planStatus returns the plan status of a move: chosen or not_chosen.
func (c *committee) planStatus(s *matcher.Score) string {
	if e := c.entry[s.Move]; e != nil {
		return string(e.Status)
	}
	return string(matcher.NotChosen)
}

func (c *committee) exceptionsSection() Section {
	l := c.lang
	noMentor := &Table{
		Name:  "overstretch_without_mentor",
		Title: T(l, "c_no_mentor"),
		Columns: []Column{
			{Key: "move_id", Label: T(l, "move")},
			{Key: "person_id", Label: T(l, "person_id")},
			{Key: "person_name", Label: T(l, "person")},
			{Key: "position_id", Label: T(l, "position_id")},
			{Key: "challenge", Label: T(l, "challenge"), Kind: Number},
			{Key: "triggers", Label: T(l, "triggers")},
			{Key: "status", Label: T(l, "c_plan_status")},
			{Key: "mentoring", Label: T(l, "c_mentoring")},
		},
	}
	triggers := &Table{
		Name:  "hard_triggers",
		Title: T(l, "c_triggers"),
		Columns: []Column{
			{Key: "move_id", Label: T(l, "move")},
			{Key: "person_id", Label: T(l, "person_id")},
			{Key: "person_name", Label: T(l, "person")},
			{Key: "position_id", Label: T(l, "position_id")},
			{Key: "challenge", Label: T(l, "challenge"), Kind: Number},
			{Key: "triggers", Label: T(l, "triggers")},
			{Key: "reason", Label: T(l, "reason")},
			{Key: "status", Label: T(l, "c_plan_status")},
		},
	}
	for _, s := range c.sorted {
		ids := strings.Join(triggerIDs(s.Triggers), "|")
		if s.Band == matcher.Overstretch && c.paired[s.Person.ID] == nil {
			why := "c_not_mentee"
			if c.unpaired[s.Person.ID] {
				why = "c_unmatched_mentee"
			}
			noMentor.AddMeta(c.personLink(s.Person), s.Move.ID, s.Person.ID, c.in.Names.Name(s.Person), s.Position.ID, Num(s.Challenge, 1),
				ids, c.planStatus(s), T(l, why))
		}
		if len(s.Triggers) > 0 {
			words := make([]string, len(s.Triggers))
			for i, tr := range s.Triggers {
				words[i] = T(l, "trigger_"+string(tr))
			}
			triggers.AddMeta(c.personLink(s.Person), s.Move.ID, s.Person.ID, c.in.Names.Name(s.Person), s.Position.ID, Num(s.Challenge, 1),
				ids, strings.Join(words, "; "), c.planStatus(s))
		}
	}
	noMentor.Source, triggers.Source = "scores.csv", "scores.csv"
	unmatched := UnmatchedTable(c.in.Matching, l, c.in.Names)
	unmatched.Source = "unmatched.csv"
	broken := BrokenTable(c.in.Matching, l)
	broken.Source = "broken_pairs.csv"
	return Section{
		Name:   "exceptions",
		Title:  T(l, "c_exceptions"),
		Intro:  T(l, "c_exceptions_intro"),
		Tables: []*Table{noMentor, triggers, unmatched, broken},
	}
}

// equityGroup counts, for one group of people, their moves by band and
// their mentoring.
type equityGroup struct {
	people, moves, chosen, mentees, matched int
	bands                                   [3]int
}

// equityBandTables count moves by band and mentoring by division, grade
// and gender (when given).
func (c *committee) equityBandTables() []*Table {
	ds := c.in.Dataset
	byID := make(map[string]*model.Person, len(ds.People))
	hasGender := false
	for i := range ds.People {
		byID[ds.People[i].ID] = &ds.People[i]
		hasGender = hasGender || ds.People[i].Gender != ""
	}
	division := func(p *model.Person) string { return p.Division }
	grade := func(p *model.Person) string {
		if p.Grade.OK {
			return strconv.Itoa(p.Grade.V)
		}
		return ""
	}
	gender := func(p *model.Person) string { return p.Gender }
	tables := []*Table{
		c.equityTable("bands_by_division", "c_eq_division", "c_division", division, byID, strings.Compare),
		c.equityTable("bands_by_grade", "c_eq_grade", "c_grade", grade, byID, compareGrades),
	}
	if hasGender {
		tables = append(tables, c.equityTable("bands_by_gender", "c_eq_gender", "c_gender", gender, byID, strings.Compare))
	}
	return tables
}

// compareGrades orders grades as numbers; both are integers or empty.
func compareGrades(a, b string) int {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return x - y
}

func (c *committee) equityTable(name, title, groupLabel string, key func(*model.Person) string,
	byID map[string]*model.Person, compare func(a, b string) int) *Table {
	l := c.lang
	groups := make(map[string]*equityGroup)
	get := func(p *model.Person) *equityGroup {
		k := key(p)
		g := groups[k]
		if g == nil {
			g = &equityGroup{}
			groups[k] = g
		}
		return g
	}
	for i := range c.in.Dataset.People {
		get(&c.in.Dataset.People[i]).people++
	}
	for _, s := range c.sorted {
		g := get(s.Person)
		g.moves++
		g.bands[slices.Index(bandOrder, s.Band)]++
		if c.planStatus(s) == string(matcher.Chosen) {
			g.chosen++
		}
	}
	eachMentee(c.in.Matching, func(p *model.Person, matched bool) {
		g := get(p)
		g.mentees++
		if matched {
			g.matched++
		}
	})
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "":
			return 1
		case b == "":
			return -1
		}
		if d := compare(a, b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	t := &Table{
		Name:  name,
		Title: T(l, title),
		Columns: []Column{
			{Key: "group", Label: T(l, groupLabel)},
			{Key: "people", Label: T(l, "c_people"), Kind: Number},
			{Key: "moves", Label: T(l, "c_moves_col"), Kind: Number},
			{Key: "comfort", Label: T(l, "band_comfort"), Kind: Number},
			{Key: "stretch", Label: T(l, "band_stretch"), Kind: Number},
			{Key: "overstretch", Label: T(l, "band_overstretch"), Kind: Number},
			{Key: "stretch_share", Label: T(l, "c_stretch_share"), Kind: Number},
			{Key: "chosen", Label: T(l, "c_chosen_col"), Kind: Number},
			{Key: "mentees", Label: T(l, "c_mentees_col"), Kind: Number},
			{Key: "matched", Label: T(l, "c_matched_col"), Kind: Number},
			{Key: "matched_share", Label: T(l, "c_matched_share"), Kind: Number},
		},
	}
	total := equityGroup{}
	for _, k := range keys {
		g := groups[k]
		label := k
		if k == "" {
			label = T(l, "c_not_given")
		}
		t.Add(label, strconv.Itoa(g.people), strconv.Itoa(g.moves), strconv.Itoa(g.bands[0]), strconv.Itoa(g.bands[1]),
			strconv.Itoa(g.bands[2]), share(g.bands[1], g.moves), strconv.Itoa(g.chosen), strconv.Itoa(g.mentees),
			strconv.Itoa(g.matched), share(g.matched, g.mentees))
		total.people += g.people
		total.moves += g.moves
		total.chosen += g.chosen
		total.mentees += g.mentees
		total.matched += g.matched
		for i := range total.bands {
			total.bands[i] += g.bands[i]
		}
	}
	g := total
	t.Add(T(l, "total"), strconv.Itoa(g.people), strconv.Itoa(g.moves), strconv.Itoa(g.bands[0]), strconv.Itoa(g.bands[1]),
		strconv.Itoa(g.bands[2]), share(g.bands[1], g.moves), strconv.Itoa(g.chosen), strconv.Itoa(g.mentees),
		strconv.Itoa(g.matched), share(g.matched, g.mentees))
	return t
}

func (c *committee) loadSection() Section {
	l := c.lang
	load := MentorLoadTable(c.in.Matching, l, c.in.Names)
	load.Source = "mentor_load.csv"
	chart := c.loadChart()
	charts := []Chart{chart}
	if chart.Capacity != nil {
		// The chart shows every mentor's places used out of capacity: the
		// table is left to the workbook and mentor_load.csv. A long chart
		// is drawn in two halves, side by side.
		load.Media = SheetOnly
		charts = halves(chart)
	}
	return Section{
		Name:    "mentor_load",
		Title:   T(l, "t_load"),
		Intro:   T(l, "c_load_intro"),
		Tables:  []*Table{load},
		Charts:  charts,
		Figures: []string{loadFigure(l, &chart)},
	}
}

// halfChart is the number of bars above which a chart of mentors is drawn
// in two halves.
const halfChart = 16

// halves cuts a chart of more than halfChart bars into two charts of the
// same scale, the first one a bar longer when the count is odd; a shorter
// chart comes back whole. The chart must have a capacity per bar.
func halves(ch Chart) []Chart {
	n := len(ch.Values)
	if n <= halfChart {
		return []Chart{ch}
	}
	k := (n + 1) / 2
	a, b := ch, ch
	a.Labels, a.Values, a.Capacity = ch.Labels[:k], ch.Values[:k], ch.Capacity[:k]
	b.Labels, b.Values, b.Capacity = ch.Labels[k:], ch.Values[k:], ch.Capacity[k:]
	if !(ch.Max > 0) {
		for i, v := range ch.Values {
			ch.Max = math.Max(ch.Max, math.Max(v, ch.Capacity[i]))
		}
		a.Max, b.Max = ch.Max, ch.Max
	}
	a.Title = fmt.Sprintf("%s (1/2)", ch.Title)
	b.Title = fmt.Sprintf("%s (2/2)", ch.Title)
	return []Chart{a, b}
}

func (c *committee) runSection() Section {
	l := c.lang
	r := c.in.Run
	run := &Table{
		Name:  "run",
		Title: T(l, "c_run_counts"),
		Columns: []Column{
			{Key: "what", Label: T(l, "what")},
			{Key: "value", Label: T(l, "c_value")},
		},
	}
	run.Add(T(l, "c_version"), r.Version)
	for _, n := range r.Counts {
		run.Add(T(l, "n_"+n.Key), strconv.Itoa(n.N))
	}
	inputs := &Table{
		Name:  "inputs",
		Title: T(l, "t_inputs"),
		Columns: []Column{
			{Key: "file", Label: T(l, "file")},
			{Key: "path", Label: T(l, "c_path")},
			{Key: "bytes", Label: T(l, "c_bytes"), Kind: Number},
			{Key: "sha256", Label: "SHA-256"},
		},
	}
	for _, f := range r.Inputs {
		inputs.Add(f.Name, f.Path, strconv.Itoa(f.Bytes), f.SHA256)
	}
	cfg := &Table{
		Name:  "config",
		Title: T(l, "c_config"),
		Columns: []Column{
			{Key: "key", Label: T(l, "c_key")},
			{Key: "value", Label: T(l, "c_value")},
		},
	}
	cfg.Media = SheetOnly // also in run.json; too long to print
	if r.Config != nil {
		for _, kv := range flattenConfig(configTree(r.Config), "") {
			cfg.Add(kv[0], kv[1])
		}
	}
	return Section{Name: "run", Title: T(l, "c_run"), Intro: T(l, "c_run_intro"), Tables: []*Table{run, inputs, cfg}}
}

// MovesByBandTable is the short list of candidate moves for a terminal:
// sorted by band (comfort, stretch, overstretch), then challenge (highest
// first), then move id, with the plan's verdict on each.
func MovesByBandTable(scores []matcher.Score, pl *matcher.Plan, lang Lang, names Namer) *Table {
	t := &Table{
		Name:  "moves_by_band",
		Title: T(lang, "c_moves_by_band"),
		Columns: []Column{
			{Key: "band", Label: T(lang, "band")},
			{Key: "move_id", Label: T(lang, "move")},
			{Key: "person_name", Label: T(lang, "person")},
			{Key: "position_id", Label: T(lang, "position_id")},
			{Key: "challenge", Label: T(lang, "challenge"), Kind: Number},
			{Key: "support", Label: T(lang, "support"), Kind: Number},
			{Key: "strategic_move", Label: T(lang, "strategic")},
			{Key: "triggers", Label: T(lang, "triggers")},
			{Key: "status", Label: T(lang, "c_plan_status")},
		},
	}
	status := make(map[*model.Move]matcher.PlanStatus)
	if pl != nil {
		for i := range pl.Entries {
			status[pl.Entries[i].Score.Move] = pl.Entries[i].Status
		}
	}
	sorted := SortScores(scores)
	slices.SortStableFunc(sorted, func(a, b *matcher.Score) int {
		if d := slices.Index(bandOrder, a.Band) - slices.Index(bandOrder, b.Band); d != 0 {
			return d
		}
		return byChallenge(a, b)
	})
	for _, s := range sorted {
		t.Add(string(s.Band), s.Move.ID, names.Name(s.Person), s.Position.ID, Num(s.Challenge, 1), Num(s.Support, 2),
			YesNo(s.Strategic), strings.Join(triggerIDs(s.Triggers), "|"), string(status[s.Move]))
	}
	return t
}

// PackTable returns the table of p named name, or nil.
func PackTable(p *Pack, name string) *Table {
	for i := range p.Sections {
		for _, t := range p.Sections[i].Tables {
			if t != nil && t.Name == name {
				return t
			}
		}
	}
	return nil
}

// UnmatchedReasonsTable lists, for each mentee left unmatched, one row per
// rule that excluded mentors, with the count: the long form of the
// excluded_by column of unmatched.csv, narrow enough for a terminal. A
// mentee whose eligible mentors were all full has one row saying so.
func UnmatchedReasonsTable(mt *matcher.Matching, lang Lang, names Namer) *Table {
	t := &Table{
		Name:  "unmatched_reasons",
		Title: T(lang, "t_unmatched"),
		Columns: []Column{
			{Key: "mentee_id", Label: T(lang, "mentee_id")},
			{Key: "mentee_name", Label: T(lang, "mentee")},
			{Key: "tier", Label: T(lang, "tier"), Kind: Number},
			{Key: "rule", Label: T(lang, "rule")},
			{Key: "mentors", Label: T(lang, "c_mentors_excluded"), Kind: Number},
		},
	}
	for i := range mt.Unmatched {
		u := &mt.Unmatched[i]
		id, name, tier := u.Mentee.Person.ID, names.Name(u.Mentee.Person), strconv.Itoa(u.Mentee.Tier)
		if u.Eligible > 0 {
			t.Add(id, name, tier, T(lang, "c_eligible_full"), strconv.Itoa(u.Eligible))
		}
		for r, rule := range matcher.Rules {
			if n := u.Excluded[r]; n > 0 {
				t.Add(id, name, tier, T(lang, "rule_"+string(rule)), strconv.Itoa(n))
			}
		}
	}
	return t
}
