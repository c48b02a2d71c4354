package reports

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// TestDecisionsBlock checks the first page's decisions block: absent when
// there is no decision, else the number of decisions and the price of the
// whole set, linking to the decisions table.
func TestDecisionsBlock(t *testing.T) {
	c := equityFixture()
	if c.decisionsBlock() != nil {
		t.Error("a decisions block without decisions")
	}
	c.in.Prices = &matcher.Prices{}
	if c.decisionsBlock() != nil {
		t.Error("a decisions block for no decision")
	}
	c.in.Prices = &matcher.Prices{
		Costs: []matcher.DecisionCost{
			{Decision: &model.Decision{Kind: model.DecideMove, Verb: model.Require, MoveID: "M1", Line: 2}, Value: 0.25},
			{Decision: &model.Decision{Kind: model.DecidePair, Verb: model.Require, MenteeID: "A", MentorID: "B", Line: 3}, Tier: 1, Fit: 4.5},
		},
		Value: 0.4, Tier: 1, Fit: 6,
	}
	d := c.decisionsBlock()
	if d == nil {
		t.Fatal("no decisions block")
	}
	want := [][]string{{"decisions", "2"}, {"Development value lost", "0.400"}, {"Priority lost", "1"}, {"Fit lost", "6.0"}}
	got := make([][]string, len(d.Rows))
	for i, row := range d.Rows {
		got[i] = []string{row[0], row[1]}
		if m := d.meta(i); !m.Keep || m.Link != "decision_costs" {
			t.Errorf("row %d: meta %+v", i, m)
		}
	}
	if len(got) != 4 || got[0][1] != "2" || got[1][1] != want[1][1] || got[2][1] != want[2][1] || got[3][1] != want[3][1] {
		t.Errorf("block %v, want the counts and totals of %v", got, want)
	}
	s := c.summarySection(exceptionsOverview(EN, nil, 0))
	if PackTable(&Pack{Sections: []Section{s}}, "decisions_summary") == nil {
		t.Error("the summary lacks the decisions")
	}
}

// TestPeopleTable checks the one line per person of the sample: the plan's
// chosen moves and the people left without one, each line's strip holding
// the fifteen x of its move.
func TestPeopleTable(t *testing.T) {
	p, scores, pl, mt, _ := cyclePack(t, EN)
	tb := PackTable(p, "people")
	if want := pl.ChosenCount() + len(pl.Unplaced()); len(tb.Rows) != want {
		t.Fatalf("%d lines, want %d", len(tb.Rows), want)
	}
	planned, strip := -1, -1
	for i, c := range tb.Columns {
		switch c.Key {
		case "planned":
			planned = i
		case "criteria":
			strip = i
		}
	}
	yes := 0
	for _, row := range tb.Rows {
		if row[planned] == "yes" {
			yes++
		}
	}
	if yes != pl.ChosenCount() {
		t.Errorf("%d lines planned, want %d", yes, pl.ChosenCount())
	}
	// The first line's strip is its move's x, two decimals each.
	var s *matcher.Score
	for i := range scores {
		if scores[i].Person.Name == tb.Rows[0][0] && strings.HasSuffix(tb.Rows[0][1], "→ "+scores[i].Position.Title) {
			s = &scores[i]
		}
	}
	if s == nil {
		t.Fatalf("no move for line %v", tb.Rows[0][:2])
	}
	xs := strings.Fields(tb.Rows[0][strip])
	if len(xs) != len(s.X) {
		t.Fatalf("strip of %d values", len(xs))
	}
	for i, x := range xs {
		v, _ := strconv.ParseFloat(x, 64)
		if math.Abs(v-s.X[i]) > 0.005 {
			t.Errorf("strip value %d: %s, want %v", i, x, s.X[i])
		}
	}
	// Mentors by name, for the mentees matched.
	if len(mt.Pairs) > 0 {
		found := false
		for _, row := range tb.Rows {
			for _, pr := range mt.Pairs {
				if row[0] == pr.Mentee.Person.Name && strings.Contains(strings.Join(row, "|"), pr.Mentor.Person.Name) {
					found = true
				}
			}
		}
		if !found {
			t.Error("no line names its mentor")
		}
	}
}

// relLuminance is the WCAG relative luminance of a #rrggbb colour.
func relLuminance(hex string) float64 {
	ch := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.03928 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(0) + 0.7152*ch(1) + 0.0722*ch(2)
}

func contrast(a, b string) float64 {
	x, y := relLuminance(a), relLuminance(b)
	return (math.Max(x, y) + 0.05) / (math.Min(x, y) + 0.05)
}

// TestPackContrast checks that every text colour of the page meets WCAG AA
// (4.5:1) on every background it is drawn on.
func TestPackContrast(t *testing.T) {
	page := packPage.Tree.Root.String()
	texts := []string{"#1f2933", "#4a5866", "#a33d00", "#1d4f7c"}
	backgrounds := append([]string{"#ffffff", "#e8eef5", "#f5f8fb", "#fdf6e3", "#fff3bf"}, regionFills...)
	for _, fg := range texts {
		if !strings.Contains(page, fg) {
			t.Errorf("text colour %s is not in the page any more: update the test", fg)
		}
		for _, bg := range backgrounds {
			if r := contrast(fg, bg); r < 4.5 {
				t.Errorf("%s on %s: contrast %.2f, below AA's 4.5", fg, bg, r)
			}
		}
	}
}
