package reports

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/matcher/followup"
	"github.com/stretchmatch/stretchmatch/model"
)

// lqFixture is a follow-up of 12 moves and 12 pairs in two divisions: A
// with 7 people (moves: 4 realised of 7; pairs: 7 on track of 7) and B
// with 5 (moves: 1 of 5; pairs: 3 of 5), and one person of division C
// alone.
func lqFixture() LastQuarter {
	var people []model.Person
	r := &followup.Result{AsOf: "2026-03-31", Since: "2025-12-30"}
	add := func(div string, i int, realised, onTrack bool) {
		id := fmt.Sprintf("%s%d", div, i)
		people = append(people, model.Person{ID: id, Name: "N " + id, Division: div, Grade: model.Int(5)})
		st := followup.NotYet
		if realised {
			st = followup.Realised
		}
		r.Moves = append(r.Moves, followup.Move{Prev: model.PrevMove{MoveID: "m" + id, PersonID: id, Band: "stretch"}, Status: st,
			Source: followup.SourceOptimum, Person: &people[len(people)-1]})
		h := followup.Inactive
		if onTrack {
			h = followup.OnTrack
		}
		r.Pairs = append(r.Pairs, followup.Pair{Prev: model.PrevPair{MenteeID: id, MentorID: "x"}, Life: followup.Life{Health: h}})
	}
	for i := range 7 {
		add("A", i, i < 4, true)
	}
	for i := range 5 {
		add("B", i, i < 1, i < 3)
	}
	add("C", 0, true, true)
	// The people slice grew: point the moves at its final elements.
	for i := range r.Moves {
		r.Moves[i].Person = &people[i]
	}
	return LastQuarter{Result: r, People: people}
}

func TestLastQuarterEquity(t *testing.T) {
	s := LastQuarterSection(lqFixture(), EN, Namer{})
	var div *Table
	for _, tb := range s.Tables {
		if tb.Name == "lq_eq_division" {
			div = tb
		}
	}
	if div == nil {
		t.Fatal("no equity table by division")
	}
	// A: 4/7 = 57.1 % realised, the best rate, ratio 1; B: 1/5 = 20 %,
	// ratio 0.20/0.571 = 0.35, below four-fifths; pairs 100 % and 60 %
	// (ratio 0.60). C has one person: suppressed.
	want := [][]string{
		{"A", "7", "57.1", "1.00", "7", "100.0", "1.00", ""},
		{"B", "5", "20.0", "0.35", "5", "60.0", "0.60", "yes"},
		{"C", "< 5", "", "", "< 5", "", "", ""},
	}
	if diff := cmp.Diff(want, div.Rows); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestLastQuarterCounts(t *testing.T) {
	lq := lqFixture()
	s := LastQuarterSection(lq, FR, Namer{Redact: true})
	byName := map[string]*Table{}
	for _, tb := range s.Tables {
		byName[tb.Name] = tb
	}
	band := byName["lq_band"]
	if diff := cmp.Diff([][]string{
		{"étirement", "13", "6", "0", "7", "0", "46.2"},
		{"Total", "13", "6", "0", "7", "0", "46.2"},
	}, band.Rows); diff != "" {
		t.Errorf("by band (-want +got):\n%s", diff)
	}
	if got := byName["lq_health"].Rows; !cmp.Equal(got, [][]string{{"binômes", "11", "0", "2", "0", "0"}}) {
		t.Errorf("by health: %v", got)
	}
	// Alerts: 7 moves not yet and 2 inactive pairs, named by pseudonyms.
	alerts := byName["lq_alerts"]
	if len(alerts.Rows) != 9 || alerts.Rows[0][1] != Pseudonym("A4") || alerts.Rows[0][4] != fuT(FR, "a_move_not_yet") {
		t.Errorf("alerts: %v", alerts.Rows)
	}
	if s.Title != "Trimestre dernier" {
		t.Errorf("title %q", s.Title)
	}
}

func TestFollowupWhyInWords(t *testing.T) {
	for _, tt := range []struct {
		lang        Lang
		why, detail string
		want        string
	}{
		{EN, followup.WhyJobChanged, "manager_id, grade", "job changed otherwise: manager_id, grade"},
		{FR, followup.WhySilent, "46", "aucune séance depuis 46 jours"},
		{EN, followup.WhyClosed, "", "closed"},
		{EN, followup.WhyClosed, "goals met", "closed: goals met"},
		{EN, followup.WhyFitAnswer, "", "answered not a good fit"},
		{EN, followup.WhyFitAnswer, "2/3", "2/3 answers: not a good fit"},
		{FR, followup.WhyHoldsTarget, "", "occupe le poste cible"},
	} {
		if got := fuWhy(tt.lang, tt.why, tt.detail); got != tt.want {
			t.Errorf("fuWhy(%s, %s, %q) = %q, want %q", tt.lang, tt.why, tt.detail, got, tt.want)
		}
	}
	// Every why code has words in both languages.
	for _, why := range []string{followup.WhyHoldsTarget, followup.WhyJobMatches, followup.WhyJobChanged, followup.WhySameJob,
		followup.WhyBeforeUnknown, followup.WhyTargetUnknown, followup.WhyLeft, followup.WhyMenteeLeft, followup.WhyMentorLeft,
		followup.WhyFewMembers, followup.WhyNoMeeting, followup.WhyTooEarly, followup.WhySilent, followup.WhyMeeting} {
		p, ok := followupPhrases["why_"+why]
		if !ok || p.en == "" || p.fr == "" {
			t.Errorf("no words for %s", why)
		}
	}
}

func TestGoalsCell(t *testing.T) {
	got := goalsCell([]followup.Goal{{Name: "delegate", Score: 1, Weight: 2}, {Name: "network", Score: 0, Weight: 1}, {Score: -2, Weight: 1}})
	if got != "delegate=+1×2|network=0|-=-2" {
		t.Errorf("goalsCell = %q", got)
	}
}

func TestLastQuarterEquityWithGroups(t *testing.T) {
	lq := lqFixture()
	group := func(id string, h followup.Health, members ...string) followup.Group {
		return followup.Group{Prev: model.PrevGroup{ID: id, Members: members}, Life: followup.Life{Health: h}}
	}
	lq.Result.Groups = []followup.Group{
		group("G1", followup.OnTrack, "A0", "A1", "A2", "A3", "A4"),
		group("G2", followup.Inactive, "A5", "A6", "B0", "B1"),
		group("G3", followup.OnTrack, "B2", "B3", "B4", "C0"),
	}
	s := LastQuarterSection(lq, EN, Namer{})
	var div *Table
	for _, tb := range s.Tables {
		if tb.Name == "lq_eq_division" {
			div = tb
		}
	}
	if div == nil || div.Title != "Realisation, healthy pairs and groups by division" {
		t.Fatalf("equity table by division: %+v", div)
	}
	keys := []string{}
	for _, c := range div.Columns {
		keys = append(keys, c.Key)
	}
	if want := []string{"group", "moves", "realised_share", "realised_ratio", "pairs", "on_track_share", "on_track_ratio",
		"group_members", "group_on_track_share", "group_on_track_ratio", "below_four_fifths"}; !cmp.Equal(keys, want) {
		t.Errorf("columns %v, want %v", keys, want)
	}
	// Group members: A has 7 (G1's five on track, A5 and A6 in the
	// inactive G2): 5/7 = 71.4 %, the best, ratio 1; B has 5 (B0, B1 in
	// G2; B2–B4 in G3, on track): 3/5 = 60 %, ratio 0.60/0.714 = 0.84,
	// not below four-fifths on its own; C has one member: suppressed.
	want := [][]string{
		{"A", "7", "57.1", "1.00", "7", "100.0", "1.00", "7", "71.4", "1.00", ""},
		{"B", "5", "20.0", "0.35", "5", "60.0", "0.60", "5", "60.0", "0.84", "yes"},
		{"C", "< 5", "", "", "< 5", "", "", "< 5", "", "", ""},
	}
	if diff := cmp.Diff(want, div.Rows); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLastQuarterGroupsFlag checks that a group of people whose members
// are in groups gone quiet is flagged on that rate alone.
func TestLastQuarterGroupsFlag(t *testing.T) {
	lq := lqFixture()
	for i := range lq.Result.Moves {
		lq.Result.Moves[i].Status = followup.Realised
	}
	for i := range lq.Result.Pairs {
		lq.Result.Pairs[i].Health = followup.OnTrack
	}
	lq.Result.Groups = []followup.Group{
		{Prev: model.PrevGroup{ID: "G1", Members: []string{"A0", "A1", "A2", "A3", "A4", "A5", "A6"}}, Life: followup.Life{Health: followup.OnTrack}},
		{Prev: model.PrevGroup{ID: "G2", Members: []string{"B0", "B1", "B2", "B3", "B4"}}, Life: followup.Life{Health: followup.NoFirstMeeting}},
	}
	s := LastQuarterSection(lq, FR, Namer{})
	for _, tb := range s.Tables {
		if tb.Name != "lq_eq_division" {
			continue
		}
		want := [][]string{
			{"A", "7", "100.0", "1.00", "7", "100.0", "1.00", "7", "100.0", "1.00", ""},
			{"B", "5", "100.0", "1.00", "5", "100.0", "1.00", "5", "0.0", "0.00", "oui"},
			{"C", "< 5", "", "", "< 5", "", "", "0", "", "", ""},
		}
		if diff := cmp.Diff(want, tb.Rows); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		return
	}
	t.Fatal("no equity table by division")
}
