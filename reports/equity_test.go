package reports

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// equityFixture builds an organisation by hand, so that every rate and
// ratio of the audit can be worked out on paper:
//
//	group  people  proposed  stretch or strategic chosen  mentees  matched
//	F      10      8         3 (C 40, 50, 60) + 1 comfort  5        5
//	M      10      10        6 (C 30 each)                6        3
//	X      3       1         1                            0        0
//
// Proposed: F 0.8, M 1.0, so F's ratio is exactly 0.8 — not flagged, the
// rule flags below 0.8. Stretch chosen: F 0.3, M 0.6, so F's ratio is 0.5,
// flagged. Matched: F 1.0, M 0.5, so M's ratio is 0.5, flagged. X has
// fewer than 5 people: shown "< 5", out of the ratios. The mean challenge
// of F's four chosen moves (40, 50, 60 and the comfort move's 10) is 40.
func equityFixture() *committee {
	ds := &model.Dataset{}
	add := func(gender string, n int) {
		for range n {
			i := len(ds.People)
			ds.People = append(ds.People, model.Person{ID: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("Person %d", i),
				Gender: gender, Division: "D" + gender})
		}
	}
	add("F", 10)
	add("M", 10)
	add("X", 3)
	pos := &model.Position{ID: "J1", Title: "Job"}
	var scores []matcher.Score
	move := func(person int, c float64, band matcher.Band) {
		p := &ds.People[person]
		scores = append(scores, matcher.Score{Move: &model.Move{ID: "M-" + p.ID}, Person: p, Position: pos,
			Challenge: c, Band: band})
	}
	chosen := map[string]bool{}
	// F: people 0–7 proposed; 0, 1, 2 chosen in stretch; 3 chosen in comfort.
	for i, c := range []float64{40, 50, 60, 10, 30, 30, 30, 30} {
		band := matcher.Stretch
		if i == 3 {
			band = matcher.Comfort
		}
		move(i, c, band)
		if i <= 3 {
			chosen["M-"+ds.People[i].ID] = true
		}
	}
	// M: people 10–19 proposed; 10–15 chosen in stretch.
	for i := 10; i < 20; i++ {
		move(i, 30, matcher.Stretch)
		if i < 16 {
			chosen["M-"+ds.People[i].ID] = true
		}
	}
	// X: person 20 proposed and chosen.
	move(20, 35, matcher.Stretch)
	chosen["M-P20"] = true

	pl := &matcher.Plan{}
	for i := range scores {
		st := matcher.NotChosen
		if chosen[scores[i].Move.ID] {
			st = matcher.Chosen
		}
		pl.Entries = append(pl.Entries, matcher.PlanEntry{Score: &scores[i], Status: st})
	}
	mt := &matcher.Matching{}
	mentor := &matcher.Mentor{Person: &ds.People[22]}
	pair := func(i int) {
		mt.Pairs = append(mt.Pairs, matcher.Pair{Mentee: &matcher.Mentee{Person: &ds.People[i], Tier: 1}, Mentor: mentor})
	}
	for i := 0; i < 5; i++ {
		pair(i)
	}
	for i := 10; i < 13; i++ {
		pair(i)
	}
	for i := 13; i < 16; i++ {
		mt.Unmatched = append(mt.Unmatched, matcher.Unmatched{Mentee: &matcher.Mentee{Person: &ds.People[i], Tier: 1}})
	}
	cfg := model.Default()
	c := &committee{in: CommitteeInput{Config: &cfg, Dataset: ds, Scores: scores, Plan: pl, Matching: mt}, lang: EN}
	c.index()
	return c
}

func TestEquityAuditHandComputed(t *testing.T) {
	c := equityFixture()
	col := equityColumns[0] // gender
	tb := c.equityAuditTable(col, c.audit(col))
	want := [][]string{
		// group, people, proposed %, ratio, stretch %, ratio, mean C, mentees, matched %, ratio, flag
		{"F", "10", "80.0", "0.80", "30.0", "0.50", "40.0", "5", "100.0", "1.00", "⚑ stretch chosen"},
		{"M", "10", "100.0", "1.00", "60.0", "1.00", "30.0", "6", "50.0", "0.50", "⚑ matched"},
		{"X", "< 5", "", "", "", "", "", "", "", "", ""},
	}
	if diff := cmp.Diff(want, tb.Rows); diff != "" {
		t.Errorf("equity by gender (-want +got):\n%s", diff)
	}
	// The flagged groups are rows the committee must see.
	if !tb.meta(0).Keep || !tb.meta(1).Keep || tb.meta(2).Keep {
		t.Errorf("kept rows: %v", tb.Meta)
	}
}

// TestEquityChartFlags checks the chart of impact ratios: the 0.8 line, and
// the flagged bars exactly those below it; the small group has no bar.
func TestEquityChartFlags(t *testing.T) {
	c := equityFixture()
	col := equityColumns[0]
	ch, ok := c.equityChart(col, c.audit(col))
	if !ok {
		t.Fatal("no chart")
	}
	wantLabels := []string{"F: stretch chosen", "F: matched", "M: stretch chosen", "M: matched"}
	if diff := cmp.Diff(wantLabels, ch.Labels); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]float64{0.5, 1, 1, 0.5}, ch.Values); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]bool{true, false, false, true}, ch.Flagged); diff != "" {
		t.Errorf("flags (-want +got):\n%s", diff)
	}
	if ch.Ref != 0.8 {
		t.Errorf("reference line at %v, want 0.8", ch.Ref)
	}
	sc := newSVGChart(&ch, "eq", "none")
	flagged := 0
	for _, b := range sc.Bars {
		if b.Flag {
			flagged++
		}
	}
	if flagged != 2 || sc.Ref == nil || !sc.Flagged {
		t.Errorf("drawn: %d flagged bars, reference %v", flagged, sc.Ref)
	}
}

// TestEquitySuppression checks that a group under 5 people neither shows
// its counts nor sets the reference rate, even with the highest rate.
func TestEquitySuppression(t *testing.T) {
	c := equityFixture()
	// X's one person was chosen for a stretch move: a rate of 1/3, above
	// M's 0.6 were X counted. M's ratio stays 1.
	col := equityColumns[0]
	eg := c.audit(col)
	for i, k := range eg.keys {
		if k == "X" {
			for m, r := range eg.ratios[i] {
				if r == r { // not NaN
					t.Errorf("X has a ratio for %s: %v", rateKeys[m], r)
				}
			}
		}
		if k == "M" && eg.ratios[i][rateStretch] != 1 {
			t.Errorf("M's stretch ratio %v, want 1", eg.ratios[i][rateStretch])
		}
	}
	// A group of 5 is shown; one of 4 is not.
	for _, n := range []int{4, 5} {
		g := equityCounts{people: n, proposed: n, mentees: n, matched: n}
		r := g.rates()
		if shown := r[rateProposed] == r[rateProposed]; shown != (n >= EquityMinGroup) {
			t.Errorf("group of %d: rate shown %v", n, shown)
		}
	}
}

// TestEquityDivisionAndGradeBands checks the other audited columns: the
// divisions follow the genders in the fixture, and grades fall in bands of
// three.
func TestEquityDivisionAndGradeBands(t *testing.T) {
	c := equityFixture()
	tb := c.equityAuditTable(equityColumns[1], c.audit(equityColumns[1]))
	if len(tb.Rows) != 3 || tb.Rows[0][0] != "DF" || tb.Rows[0][5] != "0.50" {
		t.Errorf("equity by division: %v", tb.Rows)
	}
	for g, want := range map[int]string{1: "1–3", 3: "1–3", 4: "4–6", 9: "7–9", 10: "10–12", 0: "≤ 0", -2: "≤ 0"} {
		p := model.Person{Grade: model.OptInt{V: g, OK: true}}
		if got := gradeBand(&p); got != want {
			t.Errorf("grade %d: band %q, want %q", g, got, want)
		}
	}
	if got := gradeBand(&model.Person{}); got != "" {
		t.Errorf("no grade: band %q", got)
	}
	if compareGradeBands("10–12", "4–6") <= 0 || compareGradeBands("≤ 0", "1–3") >= 0 {
		t.Error("grade bands are not in the order of their grades")
	}
}

// TestEquityNamedColumn checks a column the configuration names: its
// values come from Person.Audit, and its table and chart are built like
// the others'.
func TestEquityNamedColumn(t *testing.T) {
	c := equityFixture()
	c.in.Config.Pack.EquityColumns = []string{"Site"}
	for i := range c.in.Dataset.People {
		p := &c.in.Dataset.People[i]
		p.Audit = []string{"site-" + p.Gender}
	}
	cols := c.auditColumns()
	if len(cols) != len(equityColumns)+1 {
		t.Fatalf("%d audited columns", len(cols))
	}
	col := cols[len(cols)-1]
	tb := c.equityAuditTable(col, c.audit(col))
	if tb.Name != "equity_site" || tb.Title != "Equity by Site" || tb.Columns[0].Label != "Site" {
		t.Errorf("table %q %q %q", tb.Name, tb.Title, tb.Columns[0].Label)
	}
	gender := c.equityAuditTable(equityColumns[0], c.audit(equityColumns[0]))
	for i := range tb.Rows {
		if diff := cmp.Diff(gender.Rows[i][1:], tb.Rows[i][1:]); diff != "" || tb.Rows[i][0] != "site-"+gender.Rows[i][0] {
			t.Errorf("row %d differs from the gender table: %v", i, tb.Rows[i])
		}
	}
	s := c.equitySection()
	if PackTable(&Pack{Sections: []Section{s}}, "equity_site") == nil {
		t.Error("the equity section lacks the named column's table")
	}
}
