package matcher

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// lowChallenge is a rating that makes a comfortable move with some value,
// so that the plan chooses it: failure_visible 5 gives C = 100/13.
var lowChallenge = map[string]float64{"failure_visible": 5}

// TestMatchRules builds one small organisation per rule with the mentee E10
// and a single mentor, and checks that the pair is refused under that rule
// (or made, when the rule does not apply).
func TestMatchRules(t *testing.T) {
	// line: E01 ← E02 ← E03 ← E10 (E03 is E10's manager).
	line := func() *testOrg {
		return newTestOrg().person("E01", "").person("E02", "E01").person("E03", "E02").person("E10", "E03").mentee("E10")
	}
	// below: E10 ← E11 ← E12 (E10 manages E11, who manages E12).
	below := func() *testOrg {
		return newTestOrg().person("E10", "").person("E11", "E10").person("E12", "E11").mentee("E10")
	}
	// apart: E10 and E20 in two branches under E01, E21 reporting to E20.
	apart := func(mentee []personOpt, mentor []personOpt) *testOrg {
		return newTestOrg().person("E01", "").
			person("E10", "E01", mentee...).
			person("E20", "E01", mentor...).
			person("E21", "E20").
			mentee("E10")
	}
	// future: E10 is planned to move to J1, which reports to manager.
	future := func(t *testing.T, manager string) *testOrg {
		// The move adds the need failure_visible, which E20 has lived (F = 100).
		o := apart(nil, nil).position("J1", manager).move("E10", "J1", lowChallenge).
			mentor("E20", 1, withExperience("failure_visible"))
		pl := o.plan(t, false)
		if c := pl.ChosenFor()["E10"]; c == nil || c.Score.Position.ID != "J1" {
			t.Fatalf("the plan does not move E10 to J1")
		}
		return o
	}

	cases := []struct {
		name   string
		build  func(t *testing.T) *testOrg
		opt    MatchOptions
		mentor string
		want   Rule // "" when the pair must be made
	}{
		{name: "self", mentor: "E10", want: RuleSelf,
			build: func(*testing.T) *testOrg { return newTestOrg().person("E10", "").mentee("E10").mentor("E10", 1) }},

		{name: "mentor is the manager", mentor: "E03", want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { return line().mentor("E03", 1) }},
		{name: "mentor manages the manager (depth 2)", mentor: "E02", want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { return line().mentor("E02", 1) }},
		{name: "mentor at depth 3", mentor: "E01", want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { return line().mentor("E01", 1) }},
		{name: "line depth 1 allows depth 2", mentor: "E02", opt: MatchOptions{LineDepth: 1},
			build: func(*testing.T) *testOrg { return line().mentor("E02", 1) }},
		{name: "line depth 1 still forbids the manager", mentor: "E03", opt: MatchOptions{LineDepth: 1}, want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { return line().mentor("E03", 1) }},
		{name: "line depth 2 forbids depth 2", mentor: "E02", opt: MatchOptions{LineDepth: 2}, want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { return line().mentor("E02", 1) }},
		{name: "line depth 2 allows depth 3", mentor: "E01", opt: MatchOptions{LineDepth: 2},
			build: func(*testing.T) *testOrg { return line().mentor("E01", 1) }},
		{name: "line depth 1 from the configuration", mentor: "E02",
			build: func(*testing.T) *testOrg { o := line().mentor("E02", 1); o.cfg.Match.LineDepth = 1; return o }},
		{name: "line depth option overrides the configuration", mentor: "E02", opt: MatchOptions{LineDepth: 2}, want: RuleMentorInLine,
			build: func(*testing.T) *testOrg { o := line().mentor("E02", 1); o.cfg.Match.LineDepth = 1; return o }},

		{name: "mentee is the mentor's manager", mentor: "E11", want: RuleMenteeInLine,
			build: func(*testing.T) *testOrg { return below().mentor("E11", 1) }},
		{name: "mentee manages the mentor's manager (depth 2)", mentor: "E12", want: RuleMenteeInLine,
			build: func(*testing.T) *testOrg { return below().mentor("E12", 1) }},
		{name: "line depth 1 allows the mentee at depth 2", mentor: "E12", opt: MatchOptions{LineDepth: 1},
			build: func(*testing.T) *testOrg { return below().mentor("E12", 1) }},

		{name: "planned position reports to the mentor", mentor: "E20", want: RuleFutureLine,
			build: func(t *testing.T) *testOrg { return future(t, "E20") }},
		{name: "planned position's manager reports to the mentor", mentor: "E20", want: RuleFutureLine,
			build: func(t *testing.T) *testOrg { return future(t, "E21") }},
		{name: "line depth 1 allows the future manager's manager", mentor: "E20", opt: MatchOptions{LineDepth: 1},
			build: func(t *testing.T) *testOrg { return future(t, "E21") }},
		{name: "planned position elsewhere", mentor: "E20",
			build: func(t *testing.T) *testOrg { return future(t, "E01") }},
		{name: "no plan, no future line", mentor: "E20",
			build: func(t *testing.T) *testOrg { o := future(t, "E20"); o.pl = nil; return o }},

		{name: "same team", mentor: "E20", want: RuleSameTeam,
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withTeam("Sales-1")}, []personOpt{withTeam(" sales-1")}).mentor("E20", 1)
			}},
		{name: "different teams", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withTeam("Sales-1")}, []personOpt{withTeam("Sales-2")}).mentor("E20", 1)
			}},
		{name: "no team on either side", mentor: "E20",
			build: func(*testing.T) *testOrg { return apart(nil, nil).mentor("E20", 1) }},

		{name: "avoid", mentor: "E20", want: RuleAvoid,
			build: func(*testing.T) *testOrg {
				o := apart(nil, nil).mentor("E20", 1)
				o.ds.Mentees[0].Avoid = []string{"E21", "E20"}
				return o
			}},

		{name: "not available", mentor: "E20", want: RuleUnavailable,
			build: func(*testing.T) *testOrg { return apart(nil, nil).mentor("E20", 2, notAvailable()) }},
		{name: "capacity 0", mentor: "E20", want: RuleUnavailable,
			build: func(*testing.T) *testOrg { return apart(nil, nil).mentor("E20", 0) }},

		{name: "no shared language", mentor: "E20", want: RuleLanguage,
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withLanguages("fr", "it")}, []personOpt{withLanguages("de", "en")}).mentor("E20", 1)
			}},
		{name: "a shared language, case ignored", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withLanguages("fr", "en")}, []personOpt{withLanguages("EN")}).mentor("E20", 1)
			}},
		{name: "mentor lists no language", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withLanguages("fr")}, nil).mentor("E20", 1)
			}},
		{name: "mentee lists no language", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart(nil, []personOpt{withLanguages("de")}).mentor("E20", 1)
			}},
		{name: "mentors.csv languages replace people.csv (shared)", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withLanguages("fr")}, []personOpt{withLanguages("de")}).mentor("E20", 1, withMentorLanguages("fr"))
			}},
		{name: "mentors.csv languages replace people.csv (not shared)", mentor: "E20", want: RuleLanguage,
			build: func(*testing.T) *testOrg {
				return apart([]personOpt{withLanguages("fr")}, []personOpt{withLanguages("fr")}).mentor("E20", 1, withMentorLanguages("de"))
			}},

		{name: "ended before", mentor: "E20", want: RuleEndedBefore,
			build: func(*testing.T) *testOrg {
				return apart(nil, nil).mentor("E20", 1).history("E10", "E20", model.PairEnded)
			}},
		{name: "ended before, repeat allowed", mentor: "E20", opt: MatchOptions{AllowRepeat: true},
			build: func(*testing.T) *testOrg {
				return apart(nil, nil).mentor("E20", 1).history("E10", "E20", model.PairEnded)
			}},
		{name: "ended before, repeat allowed by the configuration", mentor: "E20",
			build: func(*testing.T) *testOrg {
				o := apart(nil, nil).mentor("E20", 1).history("E10", "E20", model.PairEnded)
				o.cfg.Match.AllowRepeat = true
				return o
			}},
		{name: "ended the other way round", mentor: "E20",
			build: func(*testing.T) *testOrg {
				return apart(nil, nil).mentor("E20", 1).history("E20", "E10", model.PairEnded)
			}},

		// With no data at all the fit is 50.
		{name: "fit below min_fit", mentor: "E20", want: RuleLowFit,
			build: func(*testing.T) *testOrg { o := apart(nil, nil).mentor("E20", 1); o.cfg.Match.MinFit = 50.01; return o }},
		{name: "fit equal to min_fit", mentor: "E20",
			build: func(*testing.T) *testOrg { o := apart(nil, nil).mentor("E20", 1); o.cfg.Match.MinFit = 50; return o }},
		// 100·0.15·0 / (0.15+0.10) with seniority g = −1 and the same country: 40.
		{name: "low fit from data", mentor: "E20", want: RuleLowFit,
			build: func(*testing.T) *testOrg {
				o := apart([]personOpt{withGrade(5), withCountry("FR")}, []personOpt{withGrade(4), withCountry("FR")}).mentor("E20", 1)
				o.cfg.Match.MinFit = 40.5
				return o
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.build(t)
			res := o.match(t, tc.opt)
			p, u := pairFor(res, "E10"), unmatchedFor(res, "E10")
			if tc.want == "" {
				if p == nil || p.Mentor.Person.ID != tc.mentor || p.Status != PairNew {
					t.Fatalf("E10 not paired with %s: pairs %v, unmatched %+v", tc.mentor, pairKeys(res), res.Unmatched)
				}
				if u != nil {
					t.Errorf("E10 both paired and unmatched")
				}
				return
			}
			if p != nil {
				t.Fatalf("E10 paired with %s, want refused under %s", p.Mentor.Person.ID, tc.want)
			}
			if u == nil {
				t.Fatalf("E10 neither paired nor unmatched")
			}
			if want := counts(map[Rule]int{tc.want: 1}); u.Excluded != want {
				t.Errorf("excluded %s, want %s", countsString(u.Excluded), countsString(want))
			}
			if u.Eligible != 0 {
				t.Errorf("eligible %d, want 0", u.Eligible)
			}
		})
	}
}

// TestMatchUnmatchedCounts checks the exact counts of an unmatched mentee
// excluded from every mentor, each mentor under the first rule it breaks,
// and Eligible for a mentor allowed but full.
func TestMatchUnmatchedCounts(t *testing.T) {
	o := newTestOrg().
		person("E01", "").person("E02", "E01").person("E03", "E02").
		person("E10", "E03", withTeam("Alpha"), withLanguages("fr")).
		person("E11", "E10").
		person("E12", "E01").
		person("E40", "E01").
		person("E41", "E01", withTeam("alpha")).
		person("E42", "E01").person("E43", "E01").person("E44", "E01").
		person("E45", "E01", withLanguages("de")).
		person("E46", "E01").person("E47", "E01").person("E48", "E01").
		position("J1", "E40").move("E10", "J1", lowChallenge).
		mentee("E10", avoids("E41", "E42")).
		mentor("E10", 1).                                    // self
		mentor("E03", 1).mentor("E01", 1).                   // mentor_in_line ×2
		mentor("E11", 1).                                    // mentee_in_line
		mentor("E40", 1).                                    // future_line
		mentor("E41", 1).                                    // same_team (also avoided)
		mentor("E42", 1).                                    // avoid
		mentor("E43", 1, notAvailable()).                    // unavailable
		mentor("E44", 0).                                    // unavailable
		mentor("E45", 1).                                    // no_shared_language
		mentor("E46", 1).                                    // ended_before
		mentor("E47", 1).                                    // low_fit: the need failure_visible not lived, F = 0
		mentor("E48", 1, withExperience("Failure_Visible")). // allowed, full
		history("E10", "E46", model.PairEnded).
		history("E12", "E48", model.PairActive)
	o.plan(t, false)
	res := o.match(t, MatchOptions{})

	if len(res.Pairs) != 1 || res.Pairs[0].Status != PairKept || res.Pairs[0].Mentee.Person.ID != "E12" {
		t.Fatalf("pairs %v, want only E12–E48 kept", pairKeys(res))
	}
	u := unmatchedFor(res, "E10")
	if u == nil || len(res.Unmatched) != 1 {
		t.Fatalf("unmatched %+v, want E10 alone", res.Unmatched)
	}
	want := counts(map[Rule]int{RuleSelf: 1, RuleMentorInLine: 2, RuleMenteeInLine: 1, RuleFutureLine: 1,
		RuleSameTeam: 1, RuleAvoid: 1, RuleUnavailable: 2, RuleLanguage: 1, RuleEndedBefore: 1, RuleLowFit: 1})
	if u.Excluded != want {
		t.Errorf("excluded %s,\nwant     %s", countsString(u.Excluded), countsString(want))
	}
	if u.Eligible != 1 {
		t.Errorf("eligible %d, want 1 (E48, full)", u.Eligible)
	}
	if m := mentorFor(res, "E48"); m.Kept != 1 || m.New != 0 || m.Left() != 0 {
		t.Errorf("E48 load kept %d new %d left %d, want 1 0 0", m.Kept, m.New, m.Left())
	}
	if res.TierTotal != 0 || res.FitTotal != 0 {
		t.Errorf("solve totals %d %v, want 0 0", res.TierTotal, res.FitTotal)
	}
}

// TestMatchEligibleButFull: two mentees of equal tier want one mentor with
// one place; the one with the lower fit is left with Eligible = 1.
func TestMatchEligibleButFull(t *testing.T) {
	o := newTestOrg().person("E01", "").
		person("E10", "E01").person("E11", "E01").person("E20", "E01").
		mentee("E10", prefers("E20")). // F = 100
		mentee("E11").                 // F = 50
		mentor("E20", 1)
	res := o.match(t, MatchOptions{})
	if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E20" || p.Fit.Total != 100 {
		t.Fatalf("pairs %v, want E10–E20 at 100", pairKeys(res))
	}
	u := unmatchedFor(res, "E11")
	if u == nil || u.Eligible != 1 || u.Excluded != ([NumRules]int{}) {
		t.Fatalf("unmatched %+v, want E11 with one eligible mentor and no exclusion", res.Unmatched)
	}
	if res.TierTotal != 1 || res.FitTotal != 100 {
		t.Errorf("totals %d %v, want 1 100", res.TierTotal, res.FitTotal)
	}
	if m := mentorFor(res, "E20"); m.New != 1 || m.Kept != 0 || m.Left() != 0 {
		t.Errorf("E20 load new %d kept %d left %d", m.New, m.Kept, m.Left())
	}
}

// priorityOrg: E10 prefers E20 (F = 100); E11 has a planned move with four
// big changes (many_changes: overstretch) and, with it, F = 100·0.15/0.65
// with E20 (experience 0, seniority 1, same division 0); without the move
// F = 50. E20 takes one mentee.
func priorityOrg() *testOrg {
	return newTestOrg().person("E01", "").
		person("E10", "E01", withGrade(5)).
		person("E11", "E01", withGrade(5), withDivision("Ops"), withFunction("Finance"), withCountry("FR"), withRoleKind("staff")).
		person("E20", "E01", withGrade(6), withDivision("Ops")).
		position("J1", "E01", withPositionDivision("Retail"), withPositionFunction("Sales"), withPositionCountry("US"), withPositionRoleKind("line")).
		move("E11", "J1", lowChallenge).
		mentee("E10", prefers("E20")).
		mentee("E11").
		mentor("E20", 1)
}

func TestMatchPriorityTier3(t *testing.T) {
	t.Run("overstretch move planned", func(t *testing.T) {
		o := priorityOrg()
		pl := o.plan(t, true)
		if c := pl.ChosenFor()["E11"]; c == nil || c.Score.Band != Overstretch {
			t.Fatalf("E11's move is not planned overstretch")
		}
		res := o.match(t, MatchOptions{})
		p := pairFor(res, "E11")
		if p == nil || p.Mentor.Person.ID != "E20" || p.Mentee.Tier != 3 {
			t.Fatalf("pairs %v, want E11 (tier 3) with E20", pairKeys(res))
		}
		// Experience (needs from the move, none lived) 0, seniority 1, same division 0.
		if want := 100 * 0.15 / 0.65; !near(p.Fit.Total, want) {
			t.Errorf("E11–E20 fit %v, want %v", p.Fit.Total, want)
		}
		u := unmatchedFor(res, "E10")
		if u == nil || u.Mentee.Tier != 1 || u.Eligible != 1 {
			t.Fatalf("unmatched %+v, want E10 (tier 1) with E20 eligible but full", res.Unmatched)
		}
		if res.TierTotal != 3 || !near(res.FitTotal, 100*0.15/0.65) {
			t.Errorf("totals %d %v, want 3 23.08", res.TierTotal, res.FitTotal)
		}
		// Forcing E11 elsewhere is impossible (no other mentor): no next best.
		if p.NextBest != nil {
			t.Errorf("next best %s, want none", p.NextBest.Person.ID)
		}
	})
	t.Run("overstretch excluded from the plan: fit decides", func(t *testing.T) {
		o := priorityOrg()
		if pl := o.plan(t, false); pl.ChosenFor()["E11"] != nil {
			t.Fatalf("E11's overstretch move planned without AllowOverstretch")
		}
		res := o.match(t, MatchOptions{})
		if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E20" || p.Mentee.Tier != 1 {
			t.Fatalf("pairs %v, want E10 with E20", pairKeys(res))
		}
		if u := unmatchedFor(res, "E11"); u == nil || u.Mentee.Tier != 1 {
			t.Fatalf("unmatched %+v, want E11 at tier 1", res.Unmatched)
		}
	})
	t.Run("priority override 3", func(t *testing.T) {
		o := priorityOrg()
		o.ds.Mentees[1].Priority = model.Int(3)
		res := o.match(t, MatchOptions{})
		if p := pairFor(res, "E11"); p == nil || p.Mentor.Person.ID != "E20" || p.Mentee.Tier != 3 {
			t.Fatalf("pairs %v, want E11 (priority 3) with E20", pairKeys(res))
		}
	})
	t.Run("priority override 1 beats the plan", func(t *testing.T) {
		o := priorityOrg()
		o.ds.Mentees[1].Priority = model.Int(1)
		o.plan(t, true)
		res := o.match(t, MatchOptions{})
		if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E20" {
			t.Fatalf("pairs %v, want E10 with E20", pairKeys(res))
		}
		if u := unmatchedFor(res, "E11"); u == nil || u.Mentee.Tier != 1 {
			t.Fatalf("unmatched %+v, want E11 at tier 1", res.Unmatched)
		}
	})
	t.Run("two tier-1 mentees do not outweigh one tier-3", func(t *testing.T) {
		// E20 has two places; E11 (tier 3) can only take E20, and E10 and
		// E12 (tier 1) prefer it. Σ tier: E11 + one of them = 4 > 2.
		o := priorityOrg().person("E12", "E01").mentee("E12", prefers("E20"))
		o.ds.Mentors[0].Capacity = 2
		o.plan(t, true)
		res := o.match(t, MatchOptions{})
		if p := pairFor(res, "E11"); p == nil || p.Mentor.Person.ID != "E20" {
			t.Fatalf("pairs %v, want E11 with E20", pairKeys(res))
		}
		if res.TierTotal != 4 {
			t.Errorf("tier total %d, want 4", res.TierTotal)
		}
		// E10 (F = 100) rather than E12 (F = 100·0.25/0.25 = 100): a tie on
		// fit; either is optimal, but exactly one is matched.
		if (pairFor(res, "E10") == nil) == (pairFor(res, "E12") == nil) {
			t.Errorf("pairs %v, want exactly one of E10 and E12", pairKeys(res))
		}
	})
}

// TestMatchTiers checks the tier of each mentee from the band and
// challenge of their planned move, and the priority override.
func TestMatchTiers(t *testing.T) {
	rated := func(ids ...string) map[string]float64 {
		r := map[string]float64{}
		for _, id := range ids {
			r[id] = 5
		}
		return r
	}
	allRated := rated("failure_visible", "take_charge", "pressure", "influence_without_authority", "ambiguity",
		"high_visibility", "team_building", "strategic", "boss_extreme", "something_missing")
	build := func() *testOrg {
		o := newTestOrg()
		for i := 10; i <= 15; i++ {
			id := fmt.Sprintf("E%d", i)
			o.person(id, "").position("J"+id, "")
		}
		// Nothing changes between a person and their position: C comes from
		// the ratings alone, over Σw = 13. E10: C = 7.7, comfort. E11: C =
		// 3.75/13 = 28.8, stretch. E12: C = 8/13 = 61.5 ≤ P = 65, stretch with
		// C ≥ 45. E13 and E14: C = 61.5 > P = 60 (S = 0), overstretch; E14 has
		// priority 1. E15 has no move and priority 2.
		o.move("E10", "JE10", lowChallenge).
			move("E11", "JE11", rated("failure_visible", "take_charge", "pressure", "influence_without_authority")).
			move("E12", "JE12", allRated).
			move("E13", "JE13", allRated).
			move("E14", "JE14", allRated)
		for _, k := range []int{3, 4} { // E13, E14
			o.ds.People[k].LearningOrientation = model.Float(1)
			o.ds.Moves[k].Support = model.Float(1)
		}
		o.mentee("E10").mentee("E11").mentee("E12").mentee("E13").
			mentee("E14", withPriority(1)).mentee("E15", withPriority(2))
		return o
	}
	o := build()
	o.plan(t, true)
	res := o.match(t, MatchOptions{})
	want := map[string]int{"E10": 1, "E11": 1, "E12": 2, "E13": 3, "E14": 1, "E15": 2}
	got := map[string]int{}
	for _, u := range res.Unmatched {
		got[u.Mentee.Person.ID] = u.Mentee.Tier
	}
	if !maps.Equal(got, want) {
		t.Errorf("tiers %v, want %v", got, want)
	}

	// tier2_min_challenge set to E11's challenge exactly: E11 becomes tier 2.
	o = build()
	o.cfg.Match.Tier2Min = 100 * 3.75 / 13
	o.plan(t, true)
	res = o.match(t, MatchOptions{})
	if u := unmatchedFor(res, "E11"); u == nil || u.Mentee.Tier != 2 {
		t.Errorf("E11 at the tier-2 threshold: %+v, want tier 2", u)
	}
}

// TestMatchHistory checks kept, broken and ended pairs.
func TestMatchHistory(t *testing.T) {
	// E10 and E11 under E01; mentors E20 (capacity 1) and E21 (capacity 1).
	// E11 prefers E20.
	base := func() *testOrg {
		return newTestOrg().person("E01", "").
			person("E10", "E01", withTeam("A")).person("E11", "E01", withTeam("B")).
			person("E20", "E01", withTeam("C")).person("E21", "E01", withTeam("D")).
			mentee("E10").mentee("E11", prefers("E20"))
	}

	t.Run("active pair kept", func(t *testing.T) {
		o := base().mentor("E20", 1).history("E10", "E20", model.PairActive)
		res := o.match(t, MatchOptions{})
		if len(res.Pairs) != 1 {
			t.Fatalf("pairs %v, want one kept pair", pairKeys(res))
		}
		p := res.Pairs[0]
		if p.Mentee.Person.ID != "E10" || p.Mentor.Person.ID != "E20" || p.Status != PairKept || p.Fit.Total != 50 {
			t.Errorf("pair %v, want E10–E20 kept at 50", pairKeys(res)[0])
		}
		m := mentorFor(res, "E20")
		if m.Kept != 1 || m.New != 0 || m.Left() != 0 {
			t.Errorf("E20 kept %d new %d left %d, want 1 0 0", m.Kept, m.New, m.Left())
		}
		if u := unmatchedFor(res, "E11"); u == nil || u.Eligible != 1 {
			t.Errorf("unmatched %+v, want E11 with E20 eligible but full", res.Unmatched)
		}
		if unmatchedFor(res, "E10") != nil || len(res.Broken) != 0 || res.TierTotal != 0 {
			t.Errorf("E10 unmatched or broken pairs %+v or tier total %d", res.Broken, res.TierTotal)
		}
	})
	t.Run("active pair kept, status empty read as active", func(t *testing.T) {
		o := base().mentor("E20", 1).history("E10", "E20", "")
		res := o.match(t, MatchOptions{})
		if len(res.Pairs) != 1 || res.Pairs[0].Status != PairKept || res.Pairs[0].Mentee.Person.ID != "E10" {
			t.Fatalf("pairs %v, want E10–E20 kept", pairKeys(res))
		}
	})
	t.Run("kept pairs first, then new pairs", func(t *testing.T) {
		o := base().person("E09", "E01").mentee("E09").
			mentor("E20", 1).mentor("E21", 2).history("E10", "E21", model.PairActive)
		res := o.match(t, MatchOptions{})
		got := pairKeys(res)
		if len(got) != 3 || got[0].Mentee != "E10" || got[0].Status != PairKept ||
			got[1].Mentee != "E09" || got[1].Mentor != "E21" || got[1].Status != PairNew ||
			got[2].Mentee != "E11" || got[2].Mentor != "E20" || got[2].Status != PairNew {
			t.Fatalf("pairs %v, want E10–E21 kept, then E09–E21 and E11–E20 new", got)
		}
		if m := mentorFor(res, "E21"); m.Kept != 1 || m.New != 1 || m.Left() != 0 {
			t.Errorf("E21 kept %d new %d left %d, want 1 1 0", m.Kept, m.New, m.Left())
		}
		if res.TierTotal != 2 {
			t.Errorf("tier total %d, want 2 (the kept pair is not part of the solve)", res.TierTotal)
		}
	})
	t.Run("rematch ignores active pairs", func(t *testing.T) {
		o := base().mentor("E20", 1).history("E10", "E20", model.PairActive)
		res := o.match(t, MatchOptions{Rematch: true})
		if p := pairFor(res, "E11"); p == nil || p.Mentor.Person.ID != "E20" || p.Status != PairNew {
			t.Fatalf("pairs %v, want E11–E20 new", pairKeys(res))
		}
		if u := unmatchedFor(res, "E10"); u == nil || u.Eligible != 1 {
			t.Errorf("unmatched %+v, want E10", res.Unmatched)
		}
		if len(res.Broken) != 0 || mentorFor(res, "E20").Kept != 0 {
			t.Errorf("broken %+v, kept %d; want none", res.Broken, mentorFor(res, "E20").Kept)
		}
	})
	t.Run("active pair now in the same team is broken", func(t *testing.T) {
		o := base().mentor("E20", 1).history("E10", "E20", model.PairActive)
		o.ds.People[3].Team = "a" // E20 joins E10's team
		res := o.match(t, MatchOptions{})
		if len(res.Broken) != 1 || res.Broken[0].Rule != RuleSameTeam || res.Broken[0].Pair != &o.ds.History[0] {
			t.Fatalf("broken %+v, want E10–E20 broken by same_team", res.Broken)
		}
		if p := pairFor(res, "E11"); p == nil || p.Mentor.Person.ID != "E20" {
			t.Errorf("pairs %v, want E11–E20 new (E20's place is free)", pairKeys(res))
		}
		if u := unmatchedFor(res, "E10"); u == nil || u.Excluded != counts(map[Rule]int{RuleSameTeam: 1}) {
			t.Errorf("unmatched %+v, want E10 excluded by same_team", res.Unmatched)
		}
	})
	t.Run("active pair with a mentor now unavailable is broken", func(t *testing.T) {
		o := base().mentor("E20", 1, notAvailable()).history("E10", "E20", model.PairActive).
			history("E11", "E21", model.PairActive) // E21 is not a mentor
		res := o.match(t, MatchOptions{})
		if len(res.Broken) != 2 || res.Broken[0].Rule != RuleUnavailable || res.Broken[1].Rule != RuleUnavailable {
			t.Fatalf("broken %+v, want both pairs broken by unavailable", res.Broken)
		}
		if len(res.Pairs) != 0 {
			t.Errorf("pairs %v, want none", pairKeys(res))
		}
	})
	t.Run("ended pair blocks a repeat", func(t *testing.T) {
		o := base().mentor("E20", 2).history("E11", "E20", model.PairEnded)
		res := o.match(t, MatchOptions{})
		if u := unmatchedFor(res, "E11"); u == nil || u.Excluded != counts(map[Rule]int{RuleEndedBefore: 1}) {
			t.Fatalf("unmatched %+v, want E11 excluded by ended_before", res.Unmatched)
		}
		if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E20" {
			t.Errorf("pairs %v, want E10–E20", pairKeys(res))
		}
		if len(res.Broken) != 0 || mentorFor(res, "E20").Kept != 0 {
			t.Errorf("an ended pair was kept or broken: %+v", res.Broken)
		}
		res = o.match(t, MatchOptions{AllowRepeat: true})
		if p := pairFor(res, "E11"); p == nil || p.Mentor.Person.ID != "E20" || p.Status != PairNew {
			t.Errorf("with repeats allowed, pairs %v, want E11–E20 new", pairKeys(res))
		}
	})
	t.Run("active pair that also ended before is broken", func(t *testing.T) {
		o := base().mentor("E20", 2).history("E11", "E20", model.PairEnded).history("E11", "E20", model.PairActive)
		res := o.match(t, MatchOptions{})
		if len(res.Broken) != 1 || res.Broken[0].Rule != RuleEndedBefore {
			t.Fatalf("broken %+v, want ended_before", res.Broken)
		}
	})
	t.Run("second active pair of a mentee", func(t *testing.T) {
		o := base().mentor("E20", 1).mentor("E21", 1).
			history("E10", "E20", model.PairActive).history("E10", "E21", model.PairActive)
		res := o.match(t, MatchOptions{})
		if len(res.Broken) != 1 || res.Broken[0].Rule != RuleAlreadyPaired || res.Broken[0].Pair != &o.ds.History[1] {
			t.Fatalf("broken %+v, want E10–E21 broken by mentee_already_paired", res.Broken)
		}
		if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E20" || p.Status != PairKept {
			t.Errorf("pairs %v, want E10–E20 kept", pairKeys(res))
		}
		// E11 ranked only E20: with E21 its fit is 0, below min_fit.
		if u := unmatchedFor(res, "E11"); u == nil || u.Eligible != 1 || u.Excluded != counts(map[Rule]int{RuleLowFit: 1}) {
			t.Errorf("unmatched %+v, want E11 with E20 full and E21 low_fit", res.Unmatched)
		}
		if m := mentorFor(res, "E21"); m.Kept != 0 || m.Left() != 1 {
			t.Errorf("E21 kept %d left %d, want 0 1", m.Kept, m.Left())
		}
	})
	t.Run("more active pairs than capacity", func(t *testing.T) {
		o := base().mentor("E20", 1).
			history("E10", "E20", model.PairActive).history("E11", "E20", model.PairActive)
		res := o.match(t, MatchOptions{})
		if len(res.Broken) != 1 || res.Broken[0].Rule != RuleMentorFull || res.Broken[0].Pair != &o.ds.History[1] {
			t.Fatalf("broken %+v, want E11–E20 broken by mentor_full", res.Broken)
		}
		if m := mentorFor(res, "E20"); m.Kept != 1 || m.Left() != 0 {
			t.Errorf("E20 kept %d left %d, want 1 0", m.Kept, m.Left())
		}
		if u := unmatchedFor(res, "E11"); u == nil || u.Eligible != 1 {
			t.Errorf("unmatched %+v, want E11 eligible for E20, full", res.Unmatched)
		}
	})
	t.Run("mentee known only from history", func(t *testing.T) {
		o := base().person("E30", "E01").mentor("E20", 2).history("E30", "E20", model.PairActive)
		res := o.match(t, MatchOptions{})
		p := pairFor(res, "E30")
		if p == nil || p.Status != PairKept || p.Mentee.Row != nil || p.Mentee.Tier != 1 {
			t.Fatalf("pairs %v, want E30–E20 kept", pairKeys(res))
		}
		if m := mentorFor(res, "E20"); m.Kept != 1 || m.New != 1 {
			t.Errorf("E20 kept %d new %d, want 1 1", m.Kept, m.New)
		}
	})
}

func TestMatchErrors(t *testing.T) {
	o := newTestOrg().person("E10", "").mentee("E10").mentor("E99", 1)
	_, err := Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{})
	if err == nil || err.Error() != "matcher: mentor E99 is not in people" {
		t.Errorf("error %v, want the unknown mentor named", err)
	}
	o = newTestOrg().person("E20", "").mentee("E98").mentor("E20", 1)
	_, err = Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{})
	if err == nil || err.Error() != "matcher: mentee E98 is not in people" {
		t.Errorf("error %v, want the unknown mentee named", err)
	}
	o = newTestOrg().person("E20", "").mentor("E20", 1).history("E97", "E20", model.PairActive)
	_, err = Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{})
	if err == nil || err.Error() != "matcher: history mentee E97 is not in people" {
		t.Errorf("error %v, want the unknown history mentee named", err)
	}
}

// TestMatchNextBest checks the next-best mentor and the exact cost of
// forcing it on a hand case. E10 and E11 both rank E20 first and E21
// second; E20 and E21 have one place each.
//
//	E10: E20 → 100, E21 → 50 (rank 2 of 2)
//	E11: E20 → 100, E21 → 50; but E11's grade makes E21 worse:
//	     E11 grade 5, E20 grade 6 (g=1: 1), E21 grade 5 (g=0: 0.3).
func TestMatchNextBest(t *testing.T) {
	o := newTestOrg().person("E01", "").
		person("E10", "E01").person("E11", "E01", withGrade(5)).
		person("E20", "E01", withGrade(6)).person("E21", "E01", withGrade(5)).
		mentee("E10", prefers("E20", "E21")).
		mentee("E11", prefers("E20", "E21")).
		mentor("E20", 1).mentor("E21", 1)
	// Fits: E10–E20 100, E10–E21 50, E11–E20 100·(0.25+0.15)/0.4 = 100,
	// E11–E21 100·(0.25·0.5+0.15·0.3)/0.4 = 42.5.
	// Best: E10–E21 + E11–E20 = 150 (against 142.5).
	res := o.match(t, MatchOptions{})
	p10, p11 := pairFor(res, "E10"), pairFor(res, "E11")
	if p10 == nil || p11 == nil || p10.Mentor.Person.ID != "E21" || p11.Mentor.Person.ID != "E20" {
		t.Fatalf("pairs %v, want E10–E21 and E11–E20", pairKeys(res))
	}
	if res.TierTotal != 2 || !near(res.FitTotal, 150) {
		t.Errorf("totals %d %v, want 2 150", res.TierTotal, res.FitTotal)
	}
	// E10 forced onto E20: E11 takes E21 (42.5): 142.5, a loss of 7.5.
	if p10.NextBest == nil || p10.NextBest.Person.ID != "E20" || !near(p10.NextBestFit.Total, 100) ||
		!near(p10.Loss, 7.5) || p10.TierLoss != 0 {
		t.Errorf("E10 next best %v", pairKeys(res)[0])
	}
	// E11 forced onto E21: E10 takes E20: 142.5, a loss of 7.5.
	if p11.NextBest == nil || p11.NextBest.Person.ID != "E21" || !near(p11.NextBestFit.Total, 42.5) ||
		!near(p11.Loss, 7.5) || p11.TierLoss != 0 {
		t.Errorf("E11 next best %v", pairKeys(res)[1])
	}
}

// TestMatchNextBestTierLoss: forcing the next best leaves a tier-3 mentee
// without a mentor.
func TestMatchNextBestTierLoss(t *testing.T) {
	o := newTestOrg().person("E01", "").
		person("E10", "E01").person("E11", "E01").
		person("E20", "E01").person("E21", "E01").
		mentee("E10", prefers("E20", "E21")). // E20 100, E21 50
		mentee("E11", withPriority(3), avoids("E20")).
		mentor("E20", 1).mentor("E21", 1)
	res := o.match(t, MatchOptions{})
	p10, p11 := pairFor(res, "E10"), pairFor(res, "E11")
	if p10 == nil || p11 == nil || p10.Mentor.Person.ID != "E20" || p11.Mentor.Person.ID != "E21" {
		t.Fatalf("pairs %v, want E10–E20 and E11–E21", pairKeys(res))
	}
	// E10 forced onto E21 leaves E11 alone: the tier total falls by 3 and
	// the fit total goes from 150 to 50.
	if p10.NextBest == nil || p10.NextBest.Person.ID != "E21" || p10.TierLoss != 3 || !near(p10.Loss, 100) {
		t.Errorf("E10 next best %+v", pairKeys(res)[0])
	}
	if p11.NextBest != nil {
		t.Errorf("E11 next best %s, want none", p11.NextBest.Person.ID)
	}
}

// trialRNG seeds each random instance on its own so that a failing trial
// can be rerun alone.
func trialRNG(trial int) *rand.Rand { return rand.New(rand.NewPCG(uint64(trial), 0x5eed)) }

func randomTrials() int {
	if testing.Short() {
		return 60
	}
	return 200
}

// TestMatchRandomAgainstBruteForce solves seeded random organisations and
// checks everything against the oracle of match_helpers_test.go: rules,
// fits, tiers, history, optimality against brute force, unmatched counts,
// priority, and next best with its exact loss.
func TestMatchRandomAgainstBruteForce(t *testing.T) {
	stats := map[string]int{}
	for trial := range randomTrials() {
		ro := randomMatchOrg(trialRNG(trial))
		pl, res := ro.run(t)
		checkAgainstOracle(t, fmt.Sprintf("trial %d", trial), ro, pl, res, stats)
		if t.Failed() {
			t.Fatalf("trial %d failed (rerun with trialRNG(%d))", trial, trial)
		}
	}
	// The instances must exercise what they are meant to.
	for _, k := range []string{"new", "kept", "broken", "unmatched", "nextbest", "tierloss", "tier3", "rule " + string(RuleFutureLine),
		"rule " + string(RuleMentorInLine), "rule " + string(RuleMenteeInLine), "rule " + string(RuleSelf),
		"rule " + string(RuleLanguage), "rule " + string(RuleEndedBefore), "rule " + string(RuleLowFit),
		"rule " + string(RuleAvoid), "rule " + string(RuleSameTeam), "rule " + string(RuleUnavailable)} {
		if stats[k] == 0 {
			t.Errorf("no instance had %s (stats %v)", k, stats)
		}
	}
}

// checkAgainstOracle compares one matching with the oracle.
func checkAgainstOracle(t *testing.T, name string, ro *randOrg, pl *Plan, res *Matching, stats map[string]int) {
	t.Helper()
	or := newMatchOracle(&ro.cfg, &ro.ds, pl, ro.opt)
	kept, load, broken := or.history()

	// History: the same pairs kept and broken, for the same reasons.
	var gotBroken []brokenRef
	for _, b := range res.Broken {
		gotBroken = append(gotBroken, brokenRef{b.Pair.MenteeID, b.Pair.MentorID, b.Rule})
	}
	if !slices.Equal(gotBroken, broken) {
		t.Errorf("%s: broken %v, want %v", name, gotBroken, broken)
	}
	gotKept := map[string]string{}
	for _, p := range res.Pairs {
		if p.Status == PairKept {
			gotKept[p.Mentee.Person.ID] = p.Mentor.Person.ID
		}
	}
	if !maps.Equal(gotKept, kept) {
		t.Errorf("%s: kept %v, want %v", name, gotKept, kept)
	}
	stats["kept"] += len(kept)
	stats["broken"] += len(broken)

	// Every pair, kept or new: no rule broken, fit and tier right, each
	// mentee once, capacities respected.
	paired := map[string]bool{}
	perMentor := map[string]int{}
	newTier, newFit := 0, int64(0)
	newFitTotal := 0.0
	for _, p := range res.Pairs {
		e, m := p.Mentee.Person.ID, p.Mentor.Person.ID
		if paired[e] {
			t.Errorf("%s: mentee %s paired twice", name, e)
		}
		paired[e] = true
		perMentor[m]++
		if r := or.rule(e, m); r != "" {
			t.Errorf("%s: pair %s–%s (%s) breaks %s", name, e, m, p.Status, r)
		}
		if f := or.fit(e, m); !near(p.Fit.Total, f) {
			t.Errorf("%s: pair %s–%s fit %v, want %v", name, e, m, p.Fit.Total, f)
		}
		if tier := or.tier(e); p.Mentee.Tier != tier {
			t.Errorf("%s: mentee %s tier %d, want %d", name, e, p.Mentee.Tier, tier)
		}
		if p.Status == PairNew {
			newTier += p.Mentee.Tier
			newFit += fitKey(p.Fit.Total)
			newFitTotal += p.Fit.Total
			stats["new"]++
			if p.Mentee.Tier == 3 {
				stats["tier3"]++
			}
		}
	}
	for _, id := range or.mentors {
		m := mentorFor(res, id)
		if m == nil {
			t.Errorf("%s: mentor %s missing from the load", name, id)
			continue
		}
		if perMentor[id] > or.capacity(id) {
			t.Errorf("%s: mentor %s has %d mentees for capacity %d", name, id, perMentor[id], or.capacity(id))
		}
		if m.Kept != load[id] || m.Kept+m.New != perMentor[id] || m.Capacity != or.capacity(id) {
			t.Errorf("%s: mentor %s capacity %d kept %d new %d; want %d %d %d", name, id,
				m.Capacity, m.Kept, m.New, or.capacity(id), load[id], perMentor[id]-load[id])
		}
	}
	if res.TierTotal != newTier || math.Abs(res.FitTotal-newFitTotal) > 1e-6 {
		t.Errorf("%s: totals %d %v, sums over new pairs %d %v", name, res.TierTotal, res.FitTotal, newTier, newFitTotal)
	}

	// Optimality: brute force over the mentees not kept and the capacity
	// left after the kept pairs.
	var rows []string
	for _, id := range or.mentees {
		if _, ok := kept[id]; !ok {
			rows = append(rows, id)
		}
	}
	left := make([]int, len(or.mentors))
	for j, id := range or.mentors {
		left[j] = max(or.capacity(id)-load[id], 0)
	}
	opts := make([][]bfOption, len(rows))
	for i, e := range rows {
		for j, m := range or.mentors {
			if left[j] > 0 && or.rule(e, m) == "" {
				opts[i] = append(opts[i], bfOption{col: j, tier: or.tier(e), fit: fitKey(or.fit(e, m))})
			}
		}
	}
	bestTier, bestFit := bruteForceMatch(opts, left, -1, -1)
	if res.TierTotal != bestTier || newFit != bestFit {
		t.Errorf("%s: tier total %d, fit %d hundredths; brute force %d, %d", name, res.TierTotal, newFit, bestTier, bestFit)
	}

	// Unmatched: every mentee not paired, with the exact counts.
	seen := map[string]bool{}
	for _, u := range res.Unmatched {
		e := u.Mentee.Person.ID
		if paired[e] || seen[e] {
			t.Errorf("%s: %s unmatched twice or also paired", name, e)
		}
		seen[e] = true
		stats["unmatched"]++
		var want [NumRules]int
		eligible := 0
		for _, m := range or.mentors {
			if r := or.rule(e, m); r != "" {
				want[slices.Index(Rules, r)]++
				stats["rule "+string(r)]++
			} else {
				eligible++
			}
		}
		if u.Excluded != want || u.Eligible != eligible {
			t.Errorf("%s: %s excluded %s eligible %d; want %s %d", name, e,
				countsString(u.Excluded), u.Eligible, countsString(want), eligible)
		}
		if tier := or.tier(e); u.Mentee.Tier != tier {
			t.Errorf("%s: unmatched %s tier %d, want %d", name, e, u.Mentee.Tier, tier)
		}
		// Priority: no lower-tier mentee holds (new) a mentor this one could
		// take, and no mentor it could take has room left.
		for _, p := range res.Pairs {
			if p.Status == PairNew && p.Mentee.Tier < u.Mentee.Tier && or.rule(e, p.Mentor.Person.ID) == "" {
				t.Errorf("%s: %s (tier %d) unmatched while %s (tier %d) holds %s", name, e, u.Mentee.Tier,
					p.Mentee.Person.ID, p.Mentee.Tier, p.Mentor.Person.ID)
			}
		}
		for _, m := range res.Mentors {
			if m.Left() > 0 && or.rule(e, m.Person.ID) == "" {
				t.Errorf("%s: %s unmatched while %s has room", name, e, m.Person.ID)
			}
		}
	}
	for _, e := range or.mentees {
		if !paired[e] && !seen[e] {
			t.Errorf("%s: mentee %s neither paired nor unmatched", name, e)
		}
	}

	// Next best: the other allowed mentor with room before the solve and
	// the highest fit (ties by id), and the exact loss of forcing it.
	for _, p := range res.Pairs {
		if p.Status != PairNew {
			continue
		}
		e, chosen := p.Mentee.Person.ID, p.Mentor.Person.ID
		i := slices.Index(rows, e)
		best, bestKey := -1, int64(-1)
		for _, o := range opts[i] {
			id := or.mentors[o.col]
			if id == chosen {
				continue
			}
			if o.fit > bestKey || o.fit == bestKey && id < or.mentors[best] {
				best, bestKey = o.col, o.fit
			}
		}
		if best < 0 {
			if p.NextBest != nil {
				t.Errorf("%s: %s next best %s, want none", name, e, p.NextBest.Person.ID)
			}
			continue
		}
		if p.NextBest == nil || p.NextBest.Person.ID != or.mentors[best] || fitKey(p.NextBestFit.Total) != bestKey {
			got := "none"
			if p.NextBest != nil {
				got = p.NextBest.Person.ID
			}
			t.Errorf("%s: %s next best %s, want %s (fit %d)", name, e, got, or.mentors[best], bestKey)
			continue
		}
		stats["nextbest"]++
		fTier, fFit := bruteForceMatch(opts, left, i, best)
		if p.TierLoss != bestTier-fTier || math.Abs(p.Loss*100-float64(bestFit-fFit)) > 1e-6 {
			t.Errorf("%s: %s forced onto %s: loss %v tier loss %d; brute force %v %d", name, e, or.mentors[best],
				p.Loss, p.TierLoss, float64(bestFit-fFit)/100, bestTier-fTier)
		}
		if p.TierLoss > 0 {
			stats["tierloss"]++
		}
	}
}

// historyUnambiguous reports whether the kept pairs cannot depend on the
// order of history.csv: at most one active row per mentee and no more
// active rows for a mentor than their capacity.
func historyUnambiguous(ro *randOrg) bool {
	or := newMatchOracle(&ro.cfg, &ro.ds, nil, ro.opt)
	perMentee, perMentor := map[string]int{}, map[string]int{}
	for _, h := range ro.ds.History {
		if h.Status == model.PairEnded {
			continue
		}
		perMentee[h.MenteeID]++
		perMentor[h.MentorID]++
		if perMentee[h.MenteeID] > 1 || perMentor[h.MentorID] > or.capacity(h.MentorID) && or.mentor[h.MentorID] != nil {
			return false
		}
	}
	return true
}

// TestMatchRowOrder shuffles the rows of people, mentors, mentees and
// (when the kept pairs cannot depend on it) history: the totals and pairs
// must not change. Running twice on the same input gives the same result.
func TestMatchRowOrder(t *testing.T) {
	withHistory := 0
	for trial := range randomTrials() {
		rng := trialRNG(trial)
		ro := randomMatchOrg(rng)
		_, res := ro.run(t)
		want := pairKeys(res)

		_, again := ro.run(t)
		if got := pairKeys(again); !slices.Equal(got, want) {
			t.Fatalf("trial %d: second run pairs %v, first %v", trial, got, want)
		}
		if got, want := unmatchedKeys(again), unmatchedKeys(res); !slices.Equal(got, want) {
			t.Fatalf("trial %d: second run unmatched %v, first %v", trial, got, want)
		}
		if !slices.EqualFunc(again.Broken, res.Broken, func(a, b Broken) bool { return a.Pair == b.Pair && a.Rule == b.Rule }) {
			t.Fatalf("trial %d: second run broken %v, first %v", trial, again.Broken, res.Broken)
		}

		hist := historyUnambiguous(ro)
		if hist && len(ro.ds.History) > 1 {
			withHistory++
		}
		sh := *ro
		sh.ds = shuffled(rng, &ro.ds, hist)
		_, res2 := sh.run(t)
		got := pairKeys(res2)
		if res2.TierTotal != res.TierTotal || sumFitKeys(res2) != sumFitKeys(res) {
			t.Fatalf("trial %d: shuffled rows give totals %d %d, want %d %d", trial,
				res2.TierTotal, sumFitKeys(res2), res.TierTotal, sumFitKeys(res))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: shuffled rows give pairs\n%v\nwant\n%v", trial, got, want)
		}
		if got, want := unmatchedKeys(res2), unmatchedKeys(res); !slices.Equal(got, want) {
			t.Fatalf("trial %d: shuffled rows give unmatched %v, want %v", trial, got, want)
		}
	}
	if withHistory == 0 {
		t.Errorf("no trial shuffled a history of two rows or more")
	}
}

// unmatchedKeys shows each unmatched mentee with their tier, counts and
// eligible mentors.
func unmatchedKeys(res *Matching) []string {
	var out []string
	for _, u := range res.Unmatched {
		out = append(out, fmt.Sprintf("%s t%d %s e%d", u.Mentee.Person.ID, u.Mentee.Tier, countsString(u.Excluded), u.Eligible))
	}
	return out
}

func sumFitKeys(res *Matching) int64 {
	var s int64
	for _, p := range res.Pairs {
		if p.Status == PairNew {
			s += fitKey(p.Fit.Total)
		}
	}
	return s
}

// TestMatchHandRowOrder: the same small organisation with its rows
// reversed gives the same pairs.
func TestMatchHandRowOrder(t *testing.T) {
	build := func() *testOrg {
		return newTestOrg().person("E01", "").
			person("E10", "E01", withGrade(3)).person("E11", "E01", withGrade(4)).person("E12", "E01", withGrade(2)).
			person("E20", "E01", withGrade(5)).person("E21", "E01", withGrade(8)).
			mentee("E10", prefers("E21")).mentee("E11").mentee("E12", prefers("E20", "E21")).
			mentor("E20", 1).mentor("E21", 1)
	}
	o := build()
	want := pairKeys(o.match(t, MatchOptions{}))
	r := build()
	slices.Reverse(r.ds.People)
	slices.Reverse(r.ds.Mentees)
	slices.Reverse(r.ds.Mentors)
	if got := pairKeys(r.match(t, MatchOptions{})); !slices.Equal(got, want) {
		t.Errorf("reversed rows give %v, want %v", got, want)
	}
	var ids []string
	for _, p := range want {
		ids = append(ids, p.Mentee+"-"+p.Mentor)
	}
	// E10: E20 g=2 → 100·(0.25·0+0.15)/0.4 = 37.5, E21 g=5 → (0.25+0.09)/0.4 = 85;
	// E11: E20 g=1 → 100, E21 g=4 → 60; E12: E20 g=3 → 100, E21 → (0.125+0.09)/0.4 = 53.75.
	// Best: E10–E21 + E11–E20 = 185 or E10–E21 + E12–E20 = 185: a tie on
	// fit, broken the same way whatever the row order.
	if len(ids) != 2 || ids[0] != "E10-E21" {
		t.Errorf("pairs %s, want E10–E21 and one of E11, E12 with E20", strings.Join(ids, " "))
	}
}

func benchmarkMatch(b *testing.B, nMentees, nMentors int) {
	ro := largeMatchOrg(rand.New(rand.NewPCG(1, 2)), nMentees, nMentors)
	ix := NewIndex(&ro.ds)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Match(&ro.cfg, &ro.ds, ix, nil, MatchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch200x40(b *testing.B)   { benchmarkMatch(b, 200, 40) }
func BenchmarkMatch1000x200(b *testing.B) { benchmarkMatch(b, 1000, 200) }

// TestMatchRestrictedSolve runs the random organisations again with the
// first solve restricted to one or two cells per row, so that the dual
// certificate check must bring in the cells left out, round after round:
// the results must stay optimal and the losses exact.
func TestMatchRestrictedSolve(t *testing.T) {
	defer func(k int) { candidates = k }(candidates)
	for _, k := range []int{1, 2} {
		candidates = k
		stats := map[string]int{}
		for trial := range randomTrials() {
			ro := randomMatchOrg(trialRNG(trial))
			pl, res := ro.run(t)
			checkAgainstOracle(t, fmt.Sprintf("candidates %d, trial %d", k, trial), ro, pl, res, stats)
			if t.Failed() {
				t.Fatalf("candidates %d, trial %d failed", k, trial)
			}
		}
	}
}

// TestMatchSolveCertificate checks matchSolve directly: restricted to one
// cell per row it reaches the optimum of the whole problem, and its duals
// certify it on every cell, whether later rounds start afresh or from the
// last round's solution.
func TestMatchSolveCertificate(t *testing.T) {
	for _, share := range []int64{warmShare, 1} {
		t.Run(fmt.Sprintf("warmShare=%d", share), func(t *testing.T) {
			defer func(s int64) { warmShare = s }(warmShare)
			warmShare = share
			testMatchSolveCertificate(t)
		})
	}
}

func testMatchSolveCertificate(t *testing.T) {
	defer func(k int) { candidates = k }(candidates)
	candidates = 1
	rng := rand.New(rand.NewPCG(7, 11))
	rounds := 0
	for trial := range 200 {
		n, m := 1+rng.IntN(12), 1+rng.IntN(6)
		ms := &matchSolve{capacity: make([]int, m+1), big: int64(2*10000*n + 1)}
		for j := range m {
			ms.capacity[j] = rng.IntN(3)
		}
		ms.capacity[m] = n
		for range n {
			row := solveRow{tier: int64(1 + rng.IntN(3))}
			for j := range m {
				if rng.IntN(4) > 0 {
					row.cols = append(row.cols, int32(j))
					row.keys = append(row.keys, int32(rng.IntN(50)*100))
				}
			}
			ms.rows = append(ms.rows, row)
		}
		sol, err := ms.solve()
		if err != nil {
			t.Fatal(err)
		}
		all := make([][]int32, n) // nil rows: every cell
		full, err := ms.solveCells(all, nil)
		if err != nil {
			t.Fatal(err)
		}
		if sol.Total != full.Total {
			t.Fatalf("trial %d: restricted solve total %v, whole problem %v", trial, sol.Total, full.Total)
		}
		load := make([]int, m+1)
		for r, c := range sol.RowCol {
			load[c]++
			row := &ms.rows[r]
			tight := c == m && sol.U[r]+sol.V[m] == 0
			if sol.U[r]+sol.V[m] < 0 {
				t.Fatalf("trial %d: row %d violates the certificate on the no-mentor column", trial, r)
			}
			for k, cc := range row.cols {
				if sol.U[r]+sol.V[cc] < ms.val(r, k) {
					t.Fatalf("trial %d: row %d column %d violates the certificate", trial, r, cc)
				}
				if int(cc) == c && sol.U[r]+sol.V[cc] == ms.val(r, k) {
					tight = true
				}
			}
			if !tight {
				t.Fatalf("trial %d: row %d is not tight on its column %d", trial, r, c)
			}
			if len(row.cols) > 1 {
				rounds++
			}
		}
		for j := range m + 1 {
			if load[j] > ms.capacity[j] || sol.V[j] < 0 || load[j] < ms.capacity[j] && sol.V[j] != 0 {
				t.Fatalf("trial %d: column %d load %d capacity %d dual %v", trial, j, load[j], ms.capacity[j], sol.V[j])
			}
		}
	}
	if rounds == 0 {
		t.Fatal("no trial had a row with cells left out")
	}
}
