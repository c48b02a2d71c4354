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

// Thresholds of the equity audit.
const (
	// EquityMinGroup is the smallest group shown: smaller groups read
	// "< 5", and are left out of the impact ratios.
	EquityMinGroup = 5
	// FourFifths is the impact ratio below which a group is flagged (the
	// four-fifths rule of adverse-impact screening).
	FourFifths = 0.8
	// equityChartGroups is the most groups an audited column may have to
	// get a chart of its ratios.
	equityChartGroups = 12
	// gradeBandWidth is the number of grades in one grade band.
	gradeBandWidth = 3
)

var equityPhrases = map[string]phrase{
	"e_intro": {"For each group of people: the rate of a candidate move proposed (of the group's people), of a stretch or strategic move chosen (of the group's people), and of a mentee matched (of the group's mentees); each rate's impact ratio against the group with the highest rate, flagged ⚑ below 0.8 (the four-fifths rule); and the mean challenge of the moves chosen. Groups under 5 people (or 5 mentees, for matching) are shown as \"< 5\" and left out of the ratios, as are people whose value is not given. Gender is read for this section only.",
		"Pour chaque groupe de personnes : le taux de mouvement proposé (des personnes du groupe), de mouvement d'étirement ou stratégique retenu (des personnes du groupe) et de mentoré avec un mentor (des mentorés du groupe) ; le ratio d'impact de chaque taux par rapport au groupe au taux le plus élevé, signalé ⚑ sous 0,8 (règle des quatre cinquièmes) ; et le défi moyen des mouvements retenus. Les groupes de moins de 5 personnes (ou 5 mentorés, pour le mentorat) sont affichés « < 5 » et exclus des ratios, comme les personnes dont la valeur n'est pas renseignée. Le genre n'est lu que pour cette section."},
	"e_gender":         {"Equity by gender", "Équité par genre"},
	"e_division":       {"Equity by division", "Équité par division"},
	"e_grade_band":     {"Equity by grade band", "Équité par tranche de niveau"},
	"e_country":        {"Equity by country", "Équité par pays"},
	"e_group_gender":   {"Gender", "Genre"},
	"e_group_division": {"Division", "Division"},
	"e_group_grade":    {"Grade band", "Tranche de niveau"},
	"e_group_country":  {"Country", "Pays"},
	"e_people":         {"People", "Personnes"},
	"e_proposed":       {"Proposed (%)", "Proposés (%)"},
	"e_stretch":        {"Stretch or strategic chosen (%)", "Étirement ou stratégique retenu (%)"},
	"e_mean_c":         {"Mean C of chosen", "C moyen des retenus"},
	"e_mentees":        {"Mentees", "Mentorés"},
	"e_matched":        {"Matched (%)", "Avec mentor (%)"},
	"e_ratio":          {"Impact ratio", "Ratio d'impact"},
	"e_flag":           {"Below 0.8", "Sous 0,8"},
	"e_m_proposed":     {"proposed", "proposés"},
	"e_m_stretch":      {"stretch chosen", "étirement retenu"},
	"e_m_matched":      {"matched", "avec mentor"},
	"e_chart":          {"Impact ratios by %s (0.8 line)", "Ratios d'impact par %s (ligne 0,8)"},
	"e_ref":            {"four-fifths: 0.8", "quatre cinquièmes : 0,8"},
	"e_small":          {"< 5", "< 5"},
	"e_named":          {"Equity by %s", "Équité par %s"},
}

func eT(lang Lang, key string) string {
	if p, ok := equityPhrases[key]; ok {
		if lang == FR {
			return p.fr
		}
		return p.en
	}
	return cT(lang, key)
}

// equityColumn is one audited column of people.csv.
type equityColumn struct {
	name, title, group string // table name, keys of the title and the group label
	column             string // for a column the configuration names: its name, used as it is
	key                func(*model.Person) string
	compare            func(a, b string) int
}

// labels returns the table title and the group label of col in lang.
func (col equityColumn) labels(l Lang) (title, group string) {
	if col.column != "" {
		return fmt.Sprintf(eT(l, "e_named"), col.column), col.column
	}
	return eT(l, col.title), eT(l, col.group)
}

// auditColumns are the built-in audited columns, then those the
// configuration names (pack.equity_columns), read into Person.Audit.
func (c *committee) auditColumns() []equityColumn {
	cols := slices.Clone(equityColumns)
	for i, name := range c.in.Config.Pack.EquityColumns {
		cols = append(cols, equityColumn{
			name:   "equity_" + htmlID(strings.ToLower(strings.TrimSpace(name)), strconv.Itoa(i+1)),
			column: name,
			key: func(p *model.Person) string {
				if i < len(p.Audit) {
					return p.Audit[i]
				}
				return ""
			},
			compare: strings.Compare,
		})
	}
	return cols
}

// equityColumns are the audited columns: gender, division, grade band and
// country.
var equityColumns = []equityColumn{
	{"equity_gender", "e_gender", "e_group_gender", "", func(p *model.Person) string { return p.Gender }, strings.Compare},
	{"equity_division", "e_division", "e_group_division", "", func(p *model.Person) string { return p.Division }, strings.Compare},
	{"equity_grade_band", "e_grade_band", "e_group_grade", "", gradeBand, compareGradeBands},
	{"equity_country", "e_country", "e_group_country", "", func(p *model.Person) string { return p.Country }, strings.Compare},
}

// gradeBand groups grades three by three: "1–3", "4–6"…; grades below 1
// make the band "≤ 0"; no grade, no band.
func gradeBand(p *model.Person) string {
	if !p.Grade.OK {
		return ""
	}
	g := p.Grade.V
	if g < 1 {
		return "≤ 0"
	}
	lo := (g-1)/gradeBandWidth*gradeBandWidth + 1
	return strconv.Itoa(lo) + "–" + strconv.Itoa(lo+gradeBandWidth-1)
}

// compareGradeBands orders grade bands by their lowest grade.
func compareGradeBands(a, b string) int {
	low := func(s string) int {
		if strings.HasPrefix(s, "≤") {
			return math.MinInt
		}
		n, _ := strconv.Atoi(strings.SplitN(s, "–", 2)[0])
		return n
	}
	x, y := low(a), low(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// equityCounts are the counts of one group.
type equityCounts struct {
	people, proposed, stretch, chosen int
	sumC                              float64
	mentees, matched                  int
}

// The three audited rates, in column order.
const (
	rateProposed = iota
	rateStretch
	rateMatched
	numRates
)

var rateKeys = [numRates]string{"e_m_proposed", "e_m_stretch", "e_m_matched"}

// rates returns the three rates of g, NaN where the group is too small.
func (g *equityCounts) rates() [numRates]float64 {
	r := [numRates]float64{math.NaN(), math.NaN(), math.NaN()}
	if g.people >= EquityMinGroup {
		r[rateProposed] = float64(g.proposed) / float64(g.people)
		r[rateStretch] = float64(g.stretch) / float64(g.people)
	}
	if g.mentees >= EquityMinGroup {
		r[rateMatched] = float64(g.matched) / float64(g.mentees)
	}
	return r
}

// equityGroups holds, for one audited column, the groups in display order.
type equityGroups struct {
	keys   []string
	counts []*equityCounts
	ratios [][numRates]float64 // NaN where there is none
}

// audit counts the groups of col and their impact ratios: each rate
// divided by the highest rate of the groups large enough and with a value.
func (c *committee) audit(col equityColumn) equityGroups {
	byKey := make(map[string]*equityCounts)
	get := func(p *model.Person) *equityCounts {
		k := col.key(p)
		g := byKey[k]
		if g == nil {
			g = &equityCounts{}
			byKey[k] = g
		}
		return g
	}
	for i := range c.in.Dataset.People {
		get(&c.in.Dataset.People[i]).people++
	}
	proposed := make(map[string]bool)
	for _, s := range c.sorted {
		if !proposed[s.Person.ID] {
			proposed[s.Person.ID] = true
			get(s.Person).proposed++
		}
		if c.planStatus(s) == string(matcher.Chosen) {
			g := get(s.Person)
			g.chosen++
			g.sumC += s.Challenge
			if s.Band == matcher.Stretch || s.Strategic {
				g.stretch++
			}
		}
	}
	eachMentee(c.in.Matching, func(p *model.Person, matched bool) {
		g := get(p)
		g.mentees++
		if matched {
			g.matched++
		}
	})
	var eg equityGroups
	for k := range byKey {
		eg.keys = append(eg.keys, k)
	}
	slices.SortFunc(eg.keys, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "":
			return 1
		case b == "":
			return -1
		}
		if d := col.compare(a, b); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	best := [numRates]float64{}
	for _, k := range eg.keys {
		g := byKey[k]
		eg.counts = append(eg.counts, g)
		if k == "" {
			continue
		}
		for m, r := range g.rates() {
			if r > best[m] {
				best[m] = r
			}
		}
	}
	for i, k := range eg.keys {
		var rs [numRates]float64
		for m, r := range eg.counts[i].rates() {
			rs[m] = math.NaN()
			if k != "" && !math.IsNaN(r) && best[m] > 0 {
				rs[m] = r / best[m]
			}
		}
		eg.ratios = append(eg.ratios, rs)
	}
	return eg
}

// equityAuditTable lays the audit of one column out as a table.
func (c *committee) equityAuditTable(col equityColumn, eg equityGroups) *Table {
	l := c.lang
	title, group := col.labels(l)
	t := &Table{
		Name:  col.name,
		Title: title,
		Columns: []Column{
			{Key: "group", Label: group},
			{Key: "people", Label: eT(l, "e_people"), Kind: Number},
			{Key: "proposed_rate", Label: eT(l, "e_proposed"), Kind: Number},
			{Key: "proposed_ratio", Label: eT(l, "e_ratio"), Kind: Number},
			{Key: "stretch_rate", Label: eT(l, "e_stretch"), Kind: Number},
			{Key: "stretch_ratio", Label: eT(l, "e_ratio"), Kind: Number},
			{Key: "mean_challenge_chosen", Label: eT(l, "e_mean_c"), Kind: Number},
			{Key: "mentees", Label: eT(l, "e_mentees"), Kind: Number},
			{Key: "matched_rate", Label: eT(l, "e_matched"), Kind: Number},
			{Key: "matched_ratio", Label: eT(l, "e_ratio"), Kind: Number},
			{Key: "flag", Label: eT(l, "e_flag")},
		},
	}
	small := eT(l, "e_small")
	for i, k := range eg.keys {
		g, rs := eg.counts[i], eg.ratios[i]
		label := k
		if k == "" {
			label = T(l, "c_not_given")
		}
		if g.people < EquityMinGroup {
			t.AddMeta(RowMeta{}, label, small, "", "", "", "", "", "", "", "", "")
			continue
		}
		rates := g.rates()
		pct := func(m int) string {
			if math.IsNaN(rates[m]) {
				return ""
			}
			return Num(100*rates[m], 1)
		}
		meanC, mentees := "", strconv.Itoa(g.mentees)
		if g.chosen > 0 {
			meanC = Num(g.sumC/float64(g.chosen), 1)
		}
		if g.mentees < EquityMinGroup {
			mentees = small
		}
		var flags []string
		for m, r := range rs {
			if r < FourFifths {
				flags = append(flags, eT(l, rateKeys[m]))
			}
		}
		flag := ""
		if len(flags) > 0 {
			flag = "⚑ " + strings.Join(flags, ", ")
		}
		t.AddMeta(RowMeta{Keep: flag != ""}, label, strconv.Itoa(g.people), pct(rateProposed), ratio(rs[rateProposed]),
			pct(rateStretch), ratio(rs[rateStretch]), meanC, mentees, pct(rateMatched), ratio(rs[rateMatched]), flag)
	}
	return t
}

// equityChart draws the stretch and matching impact ratios of the groups
// of one column, the 0.8 line, and flags the bars below it. ok is false
// when the column has too many groups, or none with a ratio.
func (c *committee) equityChart(col equityColumn, eg equityGroups) (Chart, bool) {
	l := c.lang
	_, group := col.labels(l)
	ch := Chart{Title: fmt.Sprintf(eT(l, "e_chart"), strings.ToLower(group)),
		Max: 1, Ref: FourFifths, RefLabel: eT(l, "e_ref")}
	if len(eg.keys) > equityChartGroups {
		return ch, false
	}
	for i, k := range eg.keys {
		for _, m := range []int{rateStretch, rateMatched} {
			r := eg.ratios[i][m]
			if math.IsNaN(r) {
				continue
			}
			ch.Labels = append(ch.Labels, k+": "+eT(l, rateKeys[m]))
			ch.Values = append(ch.Values, r)
			ch.Flagged = append(ch.Flagged, r < FourFifths)
		}
	}
	return ch, len(ch.Values) > 0
}

// equitySection is the equity audit of every audited column with a value,
// then the counts by band of the earlier equity tables, in the workbook.
func (c *committee) equitySection() Section {
	l := c.lang
	s := Section{Name: "equity", Title: T(l, "c_equity"), Intro: eT(l, "e_intro")}
	for _, col := range c.auditColumns() {
		eg := c.audit(col)
		if len(eg.keys) == 1 && eg.keys[0] == "" {
			continue // nobody has a value: nothing to audit
		}
		s.Tables = append(s.Tables, c.equityAuditTable(col, eg))
		if ch, ok := c.equityChart(col, eg); ok {
			s.Charts = append(s.Charts, ch)
			s.Figures = append(s.Figures, chartFigure(l, ch.Title, ch.Labels, ch.Values))
		}
	}
	for _, t := range c.equityBandTables() {
		t.Media = SheetOnly
		s.Tables = append(s.Tables, t)
	}
	return s
}

// eachMentee calls f for every mentee of mt, matched (a new or kept pair)
// or not.
func eachMentee(mt *matcher.Matching, f func(p *model.Person, matched bool)) {
	for i := range mt.Pairs {
		f(mt.Pairs[i].Mentee.Person, true)
	}
	for i := range mt.Unmatched {
		f(mt.Unmatched[i].Mentee.Person, false)
	}
}
