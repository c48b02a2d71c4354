package reports

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

func TestPlanSource(t *testing.T) {
	cases := []struct {
		pl   matcher.Plan
		lang Lang
		want string
	}{
		{matcher.Plan{Mode: matcher.PlanOptimum, Total: 23.0013, Optimum: 23.0013}, EN, "the optimum: 23.001"},
		{matcher.Plan{Mode: matcher.PlanCommittee, Total: 22.4766, Optimum: 23.0013}, EN, "the committee's plan: 22.477, 0.524 below the optimum 23.001"},
		{matcher.Plan{Mode: matcher.PlanDecided, Total: 22.8284, Optimum: 23.0013}, FR, "l'optimum sous les décisions du comité : 22.828, 0.173 sous l'optimum 23.001"},
		{matcher.Plan{Mode: matcher.PlanCommittee, Total: 23.2, Optimum: 23.0013}, EN,
			"the committee's plan: 23.200, 0.199 above the optimum 23.001, which excludes overstretch moves"},
	}
	for _, tc := range cases {
		if got := PlanSource(&tc.pl, tc.lang); got != tc.want {
			t.Errorf("PlanSource(%s %v of %v) = %q, want %q", tc.pl.Mode, tc.pl.Total, tc.pl.Optimum, got, tc.want)
		}
	}
}

func TestDecisionCostsTable(t *testing.T) {
	move := &model.Decision{Kind: model.DecideMove, Verb: model.Forbid, MoveID: "M6", PersonID: "E8", PositionID: "P2", Line: 3, Note: "later"}
	pair := &model.Decision{Kind: model.DecidePair, Verb: model.Require, MenteeID: "E1", MentorID: "E7", Line: 2}
	pr := &matcher.Prices{Costs: []matcher.DecisionCost{{Decision: pair, Tier: 1, Fit: -3.25}, {Decision: move, Value: 0.3444}},
		Value: 0.344, Tier: 1, Fit: 12.06}
	tab := DecisionCostsTable(pr, &matcher.Plan{Mode: matcher.PlanDecided, Total: 1, Optimum: 1.344}, EN)
	want := [][]string{
		{"2", "pair", "require", "", "", "", "E1", "E7", "", "1", "-3.3"},
		{"3", "move", "forbid", "M6", "E8", "P2", "", "", "0.344", "", "", "later"},
		{"", "total", "", "", "", "", "", "", "0.344", "1", "12.1"},
	}
	if len(tab.Rows) != len(want) {
		t.Fatalf("rows %v", tab.Rows)
	}
	for i := range want {
		for j := range want[i] {
			if tab.Rows[i][j] != want[i][j] {
				t.Errorf("row %d column %s = %q, want %q", i, tab.Columns[j].Key, tab.Rows[i][j], want[i][j])
			}
		}
	}
	if want := "The committee's decisions and their price — the optimum under the committee's decisions: 1.000, 0.344 below the optimum 1.344"; tab.Title != want {
		t.Errorf("title %q", tab.Title)
	}
}

func TestUnmatchedUnderDecisions(t *testing.T) {
	e := &matcher.Mentee{Person: &model.Person{ID: "E1", Name: "Ann"}, Tier: 2}
	var excluded [matcher.NumRules]int
	excluded[1] = 2
	mt := &matcher.Matching{Unmatched: []matcher.Unmatched{
		{Mentee: e, Excluded: excluded, Forbidden: 1},
		{Mentee: e, Eligible: 3, FullByDecision: 2},
	}}
	tab := UnmatchedTable(mt, EN, Namer{})
	if got, want := tab.Rows[0][3], "no eligible mentor: 2 in the mentee's line of managers, 1 forbidden by the committee"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
	if got, want := tab.Rows[0][4], "mentor_in_line=2|committee_decision=1"; got != want {
		t.Errorf("excluded_by %q, want %q", got, want)
	}
	if got, want := tab.Rows[1][3], "3 eligible mentors, all full (2 of them with pairs the committee required)"; got != want {
		t.Errorf("reason %q, want %q", got, want)
	}
}
