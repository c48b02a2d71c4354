package reports

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// PackOptions say what the committee pack says of itself and how long its
// tables are in the documents.
type PackOptions struct {
	Title string // the document's title; "" gives the default title
	// Period, Organisation and Date are printed when given. Confidential
	// overrides the mark of the configuration (pack.confidential) when not
	// empty.
	Period, Organisation, Date, Confidential string
	// RowLimit is the most rows of a table the HTML and Markdown documents
	// show (the committee's rows first); 0 shows every row.
	RowLimit int
}

// DefaultRowLimit is the row limit of the documents when none is given:
// with it, every long table of a 50,000-person pack fits on a few printed
// pages, and the pack on fewer than 100.
const DefaultRowLimit = 100

// committeePhrases holds the labels of the committee pack's new tables.
// Lookups only, through cT.
var committeePhrases = map[string]phrase{
	"p_people":                       {"People and proposed moves", "Personnes et mouvements proposés"},
	"p_people_intro":                 {"One line per person with a candidate move: the move the plan chose or, for the people left without one, their best candidate. The strip shows the fifteen criteria (darker = higher; the value on hover). Full numbers are in scores.csv and the workbook.", "Une ligne par personne ayant un mouvement proposé : le mouvement retenu par le plan ou, pour les personnes sans mouvement, leur meilleur candidat. La bande montre les quinze critères (plus foncé = plus élevé ; la valeur au survol). Les nombres complets sont dans scores.csv et le classeur."},
	"p_person_table":                 {"People", "Personnes"},
	"p_job":                          {"Current job → proposed position", "Poste actuel → poste proposé"},
	"p_planned":                      {"Planned", "Retenu"},
	"p_not_planned":                  {"no: %s", "non : %s"},
	"p_criteria":                     {"Criteria", "Critères"},
	"p_unmatched":                    {"none (unmatched)", "aucun (sans mentor)"},
	"p_scatter":                      {"Challenge × support of every candidate move", "Défi × soutien de chaque mouvement proposé"},
	"p_scatter_desc":                 {"%d candidate moves, %d chosen by the plan; by band: %s.", "%d mouvements proposés, %d retenus par le plan ; par zone : %s."},
	"p_candidate":                    {"candidate move", "mouvement proposé"},
	"p_chosen":                       {"chosen by the plan", "retenu par le plan"},
	"p_decisions":                    {"Committee decisions and their price", "Décisions du comité et leur prix"},
	"p_pairs_view":                   {"Pairs", "Binômes"},
	"p_next_best":                    {"Next-best mentor", "Autre mentor possible"},
	"p_load_chart":                   {"Mentor places used / capacity", "Places de mentorat occupées / capacité"},
	"p_load_dist":                    {"Mentors by share of their places used", "Mentors selon la part de leurs places occupées"},
	"p_load_0":                       {"none used", "aucune occupée"},
	"p_load_some":                    {"under half used", "moins de la moitié"},
	"p_load_half":                    {"half or more used", "la moitié ou plus"},
	"p_load_full":                    {"full", "complet"},
	"p_yes":                          {"yes", "oui"},
	"p_decision_required":            {"required by the committee", "imposé par le comité"},
	"p_decision_forbidden":           {"forbidden by the committee", "interdit par le comité"},
	"p_decision_plan_required":       {"in the committee's plan", "dans le plan du comité"},
	"p_decision_plan_forbidden":      {"not in the committee's plan", "hors du plan du comité"},
	"why_short_forbidden":            {"forbidden", "interdit"},
	"p_no":                           {"no", "non"},
	"why_short_overstretch_excluded": {"overstretch", "hors zone"},
	"why_short_other_move_chosen":    {"another move chosen", "autre mouvement retenu"},
	"why_short_position_filled":      {"position taken", "poste pris"},
	"why_short_no_value":             {"no value", "sans valeur"},
	"why_short_duplicate":            {"duplicate", "doublon"},
}

// cT returns the label of key in lang, from the committee phrases first,
// then from [docT].
func cT(lang Lang, key string) string {
	if p, ok := committeePhrases[key]; ok {
		if lang == FR {
			return p.fr
		}
		return p.en
	}
	return docT(lang, key)
}

// title is the pack's title: the one given, else the default.
func (c *committee) title() string {
	if c.in.Options.Title != "" {
		return c.in.Options.Title
	}
	return T(c.lang, "c_title")
}

// identity is what the pack says of itself. The configuration's default
// mark is shown in the pack's language; a mark of the user's own as it is.
func (c *committee) identity() Identity {
	o := c.in.Options
	mark := o.Confidential
	if mark == "" {
		mark = c.in.Config.Pack.Confidential
		if mark == model.DefaultConfidential {
			mark = docT(c.lang, "doc_confidential")
		}
	}
	return Identity{Period: o.Period, Organisation: o.Organisation, Date: o.Date, Confidential: mark}
}

// personRowID is the HTML id of a person's row in the people table.
func personRowID(p *model.Person) string { return htmlID("person-"+p.ID, "person") }

// personLink is the row meta of an exception about person p: a row the
// committee must see, linking to the person's line.
func (c *committee) personLink(p *model.Person) RowMeta {
	return RowMeta{Keep: true, Link: personRowID(p)}
}

// exceptionsOverview counts the exceptions of each detail table, each row
// linking to its table, and the positions left open (linking to theirs).
func exceptionsOverview(l Lang, details []*Table, open int) *Table {
	t := &Table{
		Name:  "exceptions",
		Title: T(l, "c_exceptions_overview"),
		Columns: []Column{
			{Key: "exception", Label: T(l, "c_exception")},
			{Key: "count", Label: T(l, "count"), Kind: Number},
		},
	}
	t.Whole = true
	for _, d := range details {
		t.AddMeta(RowMeta{Keep: true, Link: htmlID(d.Name, d.Name)}, d.Title, strconv.Itoa(len(d.Rows)))
	}
	t.AddMeta(RowMeta{Keep: true, Link: "open_positions"}, T(l, "c_open_see_plan"), strconv.Itoa(open))
	return t
}

// decisionsBlock sums up the committee's decisions on the first page: how
// many, and their total price (development value, priority and fit lost),
// linking to the decisions section; nil when there is no decision, and the
// block then shows nothing at all.
func (c *committee) decisionsBlock() *Table {
	if c.in.Prices == nil {
		return nil
	}
	l := c.lang
	d := DecisionCostsTable(c.in.Prices, c.in.Plan, l)
	if len(d.Rows) == 0 {
		return nil
	}
	t := &Table{
		Name:  "decisions_summary",
		Title: cT(l, "p_decisions"),
		Media: DocOnly,
		Whole: true,
		Columns: []Column{
			{Key: "what", Label: T(l, "what")},
			{Key: "value", Label: T(l, "c_value"), Kind: Number},
		},
	}
	// The rows are the decisions, then the price of the whole set (kind
	// "total"), which is what the first page shows.
	kind := slices.IndexFunc(d.Columns, func(c Column) bool { return c.Key == "kind" })
	var total []string
	n := 0
	for _, row := range d.Rows {
		if kind >= 0 && row[kind] == "total" {
			total = row
		} else {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	link := RowMeta{Keep: true, Link: htmlID(d.Name, d.Name)}
	t.AddMeta(link, cT(l, "p_decisions_count"), strconv.Itoa(n))
	for k, col := range d.Columns {
		if strings.HasSuffix(col.Key, "_cost") && total != nil {
			t.AddMeta(link, col.Label, total[k])
		}
	}
	return t
}

// chartFigure says in one line what a bar chart shows, for the Markdown
// document: "Title: label value, label value…".
func chartFigure(l Lang, title string, labels []string, values []float64) string {
	parts := make([]string, len(labels))
	for i := range labels {
		parts[i] = labels[i] + " " + chartValue(values[i], "")
	}
	return title + docT(l, "doc_colon") + strings.Join(parts, ", ")
}

// personLine is the move a person's line in the people table shows: the
// chosen one, or the best candidate of a person left without a move.
type personLine struct {
	entry   *matcher.PlanEntry
	planned bool
}

// personLines returns one line per person with a candidate move, in the
// order of the sorted scores of their move.
func (c *committee) personLines() []personLine {
	best := make(map[string]*matcher.PlanEntry)
	for i := range c.in.Plan.Entries {
		e := &c.in.Plan.Entries[i]
		id := e.Score.Person.ID
		b := best[id]
		switch {
		case b == nil:
			best[id] = e
		case e.Status == matcher.Chosen && b.Status != matcher.Chosen:
			best[id] = e
		case (e.Status == matcher.Chosen) == (b.Status == matcher.Chosen) &&
			(e.Value > b.Value || e.Value == b.Value && e.Score.Move.ID < b.Score.Move.ID):
			best[id] = e
		}
	}
	var out []personLine
	for _, s := range c.sorted {
		if e := best[s.Person.ID]; e != nil && e.Score == s {
			out = append(out, personLine{entry: e, planned: e.Status == matcher.Chosen})
		}
	}
	return out
}

// jobText describes a person's current job in a few words.
func jobText(p *model.Person) string {
	parts := filled(p.Function, p.Division, p.Country)
	if p.Grade.OK {
		parts = append(parts, "G"+strconv.Itoa(p.Grade.V))
	}
	if len(parts) == 0 {
		return "–"
	}
	return strings.Join(parts, ", ")
}

// peopleSection is the per-person table and the challenge × support plot.
func (c *committee) peopleSection() Section {
	l := c.lang
	parts := make([]string, len(model.Catalog))
	for i, cr := range model.Catalog {
		parts[i] = cr.Label(string(l))
	}
	t := &Table{
		Name:   "people",
		Title:  cT(l, "p_person_table"),
		Source: "plan.csv",
		Full:   "plan",
		Media:  DocOnly,
		Columns: []Column{
			{Key: "person", Label: T(l, "person")},
			{Key: "job", Label: cT(l, "p_job")},
			{Key: "band", Label: T(l, "band")},
			{Key: "challenge", Label: "C", Kind: Number},
			{Key: "support", Label: "S", Kind: Number},
			{Key: "strategic_move", Label: T(l, "strategic")},
			{Key: "reasons", Label: T(l, "reasons")},
			{Key: "planned", Label: cT(l, "p_planned")},
			{Key: "mentor", Label: T(l, "mentor")},
			{Key: "tier", Label: T(l, "tier"), Kind: Number},
			{Key: "criteria", Label: cT(l, "p_criteria"), Kind: Strip, Parts: parts},
		},
	}
	for _, pl := range c.personLines() {
		s := pl.entry.Score
		planned := cT(l, "p_yes")
		if !pl.planned {
			planned = fmt.Sprintf(cT(l, "p_not_planned"), cT(l, "why_short_"+string(pl.entry.Why)))
		}
		if d := pl.entry.Decision; d != nil {
			// The committee decided: that says why.
			key := "p_decision_" + DecisionWord(d)
			if d.FromPlan {
				key = "p_decision_plan_" + DecisionWord(d)
			}
			planned = c.yesNo(pl.planned) + " (" + cT(l, key) + ")"
		}
		mentor, tier := c.mentorOf(s.Person)
		xs := make([]string, len(s.X))
		for i, x := range s.X {
			xs[i] = Num(x, 2)
		}
		keep := pl.planned || s.Band == matcher.Overstretch || len(s.Triggers) > 0 || c.unpaired[s.Person.ID]
		t.AddMeta(RowMeta{Keep: keep, ID: personRowID(s.Person)},
			c.in.Names.Name(s.Person), jobText(s.Person)+" → "+s.Position.Title, string(s.Band),
			Num(s.Challenge, 1), Num(s.Support, 2), c.yesNo(s.Strategic), Reasons(s, l), planned, mentor, tier,
			strings.Join(xs, " "))
	}
	sc := c.scatter()
	return Section{
		Name:     "people",
		Title:    cT(l, "p_people"),
		Intro:    cT(l, "p_people_intro"),
		Tables:   []*Table{t},
		Scatters: []Scatter{sc},
		Figures:  []string{sc.Title + docT(l, "doc_colon") + sc.Desc},
	}
}

// mentorOf returns the name of a person's mentor and the tier, "none
// (unmatched)" for a mentee left unmatched, and empty cells otherwise.
func (c *committee) mentorOf(p *model.Person) (name, tier string) {
	if pair := c.paired[p.ID]; pair != nil {
		return c.in.Names.Name(pair.Mentor.Person), strconv.Itoa(pair.Mentee.Tier)
	}
	if c.unpaired[p.ID] {
		for i := range c.in.Matching.Unmatched {
			if u := &c.in.Matching.Unmatched[i]; u.Mentee.Person.ID == p.ID {
				return cT(c.lang, "p_unmatched"), strconv.Itoa(u.Mentee.Tier)
			}
		}
	}
	return "", ""
}

// scatter plots challenge × support of every candidate move over the bands
// of the configuration, the chosen moves marked.
func (c *committee) scatter() Scatter {
	l := c.lang
	b := c.in.Config.Bands
	sc := Scatter{
		Title:  cT(l, "p_scatter"),
		XLabel: T(l, "challenge") + " (C)", YLabel: T(l, "support") + " (S)",
		XMax: 100, YMax: 1,
		XTicks: []float64{0, 25, 50, 75, 100}, YTicks: []float64{0, 0.25, 0.5, 0.75, 1},
		PointLabel: cT(l, "p_candidate"), MarkedLabel: cT(l, "p_chosen"),
		Regions: []Region{
			{Label: T(l, "band_comfort"), Shade: 0, Poly: [][2]float64{{0, 0}, {b.ComfortBelow, 0}, {b.ComfortBelow, 1}, {0, 1}}},
			{Label: T(l, "band_stretch"), Shade: 1, Poly: [][2]float64{{b.ComfortBelow, 0}, {b.StretchBase, 0},
				{b.StretchBase + b.StretchSupport, 1}, {b.ComfortBelow, 1}}},
			{Label: T(l, "band_overstretch"), Shade: 2, Poly: [][2]float64{{b.StretchBase, 0}, {100, 0}, {100, 1},
				{b.StretchBase + b.StretchSupport, 1}}},
		},
	}
	byBand := make([]int, len(bandOrder))
	chosen := 0
	for _, s := range c.sorted {
		marked := c.planStatus(s) == string(matcher.Chosen)
		if marked {
			chosen++
		}
		byBand[slices.Index(bandOrder, s.Band)]++
		sc.Points = append(sc.Points, Point{X: s.Challenge, Y: s.Support, Marked: marked,
			Label: fmt.Sprintf("%s → %s: C %s, S %s, %s", c.in.Names.Name(s.Person), s.Position.Title,
				Num(s.Challenge, 1), Num(s.Support, 2), T(l, "band_"+string(s.Band)))})
	}
	counts := make([]string, len(bandOrder))
	for i, band := range bandOrder {
		counts[i] = T(l, "band_"+string(band)) + " " + strconv.Itoa(byBand[i])
	}
	sc.Desc = fmt.Sprintf(cT(l, "p_scatter_desc"), len(c.sorted), chosen, strings.Join(counts, ", "))
	return sc
}

// pairsView is the pairs table as the documents show it: names rather than
// ids, the next-best mentor by name, the pairs of priority 2 and 3 kept
// first. The workbook has pairs.csv's table in full.
func (c *committee) pairsView() *Table {
	l := c.lang
	cols := []Column{
		{Key: "mentee_name", Label: T(l, "mentee")},
		{Key: "mentor_name", Label: T(l, "mentor")},
		{Key: "fit", Label: T(l, "fit"), Kind: Number},
	}
	for _, id := range matcher.FitComponentIDs {
		cols = append(cols, Column{Key: "fit_" + id, Label: T(l, "fit_"+id), Kind: Number})
	}
	cols = append(cols,
		Column{Key: "tier", Label: T(l, "tier"), Kind: Number},
		Column{Key: "status", Label: T(l, "status")},
		Column{Key: "reasons", Label: T(l, "reasons")},
		Column{Key: "next_best", Label: cT(l, "p_next_best")},
		Column{Key: "loss_if_next_best", Label: T(l, "loss_if_next_best"), Kind: Number},
	)
	t := &Table{Name: "pairs_view", Title: cT(l, "p_pairs_view"), Columns: cols, Source: "pairs.csv", Full: "pairs", Media: DocOnly}
	for i := range c.in.Matching.Pairs {
		p := &c.in.Matching.Pairs[i]
		row := []string{c.in.Names.Name(p.Mentee.Person), c.in.Names.Name(p.Mentor.Person), Num(p.Fit.Total, 1)}
		for k := range matcher.FitComponentIDs {
			if p.Fit.Has[k] {
				row = append(row, Num(p.Fit.C[k], 2))
			} else {
				row = append(row, "")
			}
		}
		next, loss := "", ""
		if p.NextBest != nil {
			next, loss = c.in.Names.Name(p.NextBest.Person), Num(p.Loss, 2)
		}
		row = append(row, strconv.Itoa(p.Mentee.Tier), string(p.Status), PairReasons(p, l), next, loss)
		t.AddMeta(RowMeta{Keep: p.Mentee.Tier >= 2, Link: personRowID(p.Mentee.Person)}, row...)
	}
	return t
}

// loadChartMentors is the most mentors drawn one bar each; beyond, the
// chart counts mentors by share of their places used.
const loadChartMentors = 40

// loadChart draws the mentors' places used out of their capacity.
func (c *committee) loadChart() Chart {
	l := c.lang
	mt := c.in.Matching
	if len(mt.Mentors) <= loadChartMentors {
		ch := Chart{Title: cT(l, "p_load_chart")}
		for _, m := range mt.Mentors {
			ch.Labels = append(ch.Labels, c.in.Names.Name(m.Person))
			ch.Values = append(ch.Values, float64(m.Kept+m.New))
			ch.Capacity = append(ch.Capacity, float64(m.Capacity))
		}
		return ch
	}
	keys := []string{"p_load_0", "p_load_some", "p_load_half", "p_load_full"}
	ch := Chart{Title: cT(l, "p_load_dist"), Values: make([]float64, len(keys))}
	for _, k := range keys {
		ch.Labels = append(ch.Labels, cT(l, k))
	}
	for _, m := range mt.Mentors {
		used := m.Kept + m.New
		switch {
		case used >= m.Capacity:
			ch.Values[3]++
		case used == 0:
			ch.Values[0]++
		case 2*used < m.Capacity:
			ch.Values[1]++
		default:
			ch.Values[2]++
		}
	}
	return ch
}

// ratio formats an impact ratio with two decimals; "" when there is none.
func ratio(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return Num(v, 2)
}

// yesNo says yes or no in the pack's language.
func (c *committee) yesNo(b bool) string {
	if b {
		return cT(c.lang, "p_yes")
	}
	return cT(c.lang, "p_no")
}

// wholeSummaries marks the tables of the summary, equity and run record
// sections as shown in full whatever the row limit: they summarise, one
// row per figure, group or setting.
func wholeSummaries(p *Pack) {
	for i := range p.Sections {
		switch p.Sections[i].Name {
		case "summary", "equity", "run":
			for _, t := range p.Sections[i].Tables {
				t.Whole = true
			}
		}
	}
}

// loadFigure says in one line what the mentor-load chart shows: each
// mentor's places used out of capacity, or the counts by share used.
func loadFigure(l Lang, ch *Chart) string {
	if ch.Capacity == nil {
		return chartFigure(l, ch.Title, ch.Labels, ch.Values)
	}
	parts := make([]string, len(ch.Labels))
	for i := range ch.Labels {
		parts[i] = ch.Labels[i] + " " + chartValue(ch.Values[i], "") + "/" + chartValue(ch.Capacity[i], "")
	}
	return ch.Title + docT(l, "doc_colon") + strings.Join(parts, ", ")
}
