package matcher

import (
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

func pairDecision(verb model.DecisionVerb, mentee, mentor string) *model.Decision {
	return &model.Decision{Kind: model.DecidePair, Verb: verb, MenteeID: mentee, MentorID: mentor,
		Source: "decisions.csv", Line: 2, Cols: model.DecisionCols{Mentee: 6, Mentor: 7}}
}

// TestRequiredPairThatBreaksARule: a required pair never lifts the rules
// other than ended_before and low_fit; the error names the rule and the
// people of the chain, and nothing is matched.
func TestRequiredPairThatBreaksARule(t *testing.T) {
	line := func() *testOrg {
		return newTestOrg().person("E01", "").person("E02", "E01").person("E03", "E02").person("E10", "E03").mentee("E10")
	}
	cases := []struct {
		name   string
		org    *testOrg
		mentor string
		want   string
	}{
		{"mentor in line", line().mentor("E02", 1), "E02",
			"decisions.csv:2:7: the required pair breaks rule mentor_in_line: mentor E02 is in the line of managers of mentee E10: E10 → E03 → E02 " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
		{"mentee in line", newTestOrg().person("E10", "").person("E11", "E10").person("E12", "E11").mentee("E10").mentor("E12", 1), "E12",
			"decisions.csv:2:7: the required pair breaks rule mentee_in_line: mentee E10 is in the line of managers of mentor E12: E12 → E11 → E10 " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
		{"same team", newTestOrg().person("E10", "", withTeam("T1")).person("E20", "", withTeam("T1")).mentee("E10").mentor("E20", 1), "E20",
			"decisions.csv:2:7: the required pair breaks rule same_team: mentee E10 and mentor E20 are both in team T1 " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
		{"unavailable", newTestOrg().person("E10", "").person("E20", "").mentee("E10").mentor("E20", 1, notAvailable()), "E20",
			"decisions.csv:2:7: the required pair breaks rule unavailable: mentor E20 is not available (mentors.csv: available no or capacity 0) " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
		{"language", newTestOrg().person("E10", "", withLanguages("fr")).person("E20", "", withLanguages("de")).mentee("E10").mentor("E20", 1), "E20",
			"decisions.csv:2:7: the required pair breaks rule no_shared_language: mentee E10 (fr) and mentor E20 (de) share no language " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
		{"avoid", newTestOrg().person("E10", "").person("E20", "").mentee("E10", avoids("E20")).mentor("E20", 1), "E20",
			"decisions.csv:2:7: the required pair breaks rule avoid: mentee E10 asks to avoid mentor E20 (mentees.csv) " +
				"(a decision lifts only ended_before and low_fit: remove the row or choose another mentor)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.org
			res, err := Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{Decisions: []*model.Decision{pairDecision(model.Require, "E10", tc.mentor)}})
			if res != nil || err == nil || err.Error() != tc.want {
				t.Errorf("got %v, %v\nwant %s", res, err, tc.want)
			}
		})
	}
}

// TestRequiredPairLiftsRules: a pair that ended before and has too low a
// fit is made when the committee requires it, and says which rules it
// lifts; it uses a place of its mentor.
func TestRequiredPairLiftsRules(t *testing.T) {
	o := newTestOrg().person("E10", "").person("E11", "").person("E20", "").
		mentee("E10").mentee("E11", prefers("E20")).mentor("E20", 1).history("E10", "E20", model.PairEnded)
	o.cfg.Match.MinFit = 90
	d := pairDecision(model.Require, "E10", "E20")
	res, err := Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{Decisions: []*model.Decision{d}})
	if err != nil {
		t.Fatal(err)
	}
	p := pairFor(res, "E10")
	if p == nil || p.Mentor.Person.ID != "E20" || p.Decision != d || !slices.Equal(p.Lifted, []Rule{RuleEndedBefore, RuleLowFit}) || p.NextBest != nil {
		t.Fatalf("pair %+v", p)
	}
	if m := mentorFor(res, "E20"); m.New != 1 || m.Left() != 0 {
		t.Errorf("mentor load %+v", m)
	}
	if u := unmatchedFor(res, "E11"); u == nil {
		t.Errorf("E11 matched though the committee's pair fills E20")
	}
}

// TestDecisionsOverHistory: the committee's decisions come before the
// active pairs of history.
func TestDecisionsOverHistory(t *testing.T) {
	o := newTestOrg().person("E10", "").person("E11", "").person("E12", "").person("E20", "").person("E30", "").
		mentee("E10").mentee("E11").mentee("E12").mentor("E20", 2).mentor("E30", 1).
		history("E10", "E20", model.PairActive). // replaced by the committee's E10–E30
		history("E11", "E20", model.PairActive). // forbidden by the committee
		history("E12", "E30", model.PairActive)  // the mentor is full with the committee's pair
	req := pairDecision(model.Require, "E10", "E30")
	forbid := pairDecision(model.Forbid, "E11", "E20")
	res, err := Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{Decisions: []*model.Decision{req, forbid}})
	if err != nil {
		t.Fatal(err)
	}
	var broken []string
	for _, b := range res.Broken {
		broken = append(broken, b.Pair.MenteeID+"–"+b.Pair.MentorID+" "+string(b.Rule))
	}
	if want := []string{"E10–E20 committee_decision", "E11–E20 committee_decision", "E12–E30 mentor_full"}; !slices.Equal(broken, want) {
		t.Errorf("broken %v, want %v", broken, want)
	}
	if p := pairFor(res, "E10"); p == nil || p.Mentor.Person.ID != "E30" || p.Status != PairNew || p.Decision != req {
		t.Errorf("E10's pair %+v", p)
	}
	if p := pairFor(res, "E11"); p != nil {
		t.Errorf("E11 paired with %s; the only other mentor is full", p.Mentor.Person.ID)
	}
	u := unmatchedFor(res, "E11")
	if u == nil || u.Forbidden != 1 || u.Eligible != 1 || u.FullByDecision != 1 {
		t.Errorf("E11 unmatched %+v; want 1 forbidden, 1 eligible full with the committee's pair", u)
	}

	// A required pair that is also active in history is kept.
	o = newTestOrg().person("E10", "").person("E20", "").mentee("E10").mentor("E20", 1).history("E10", "E20", model.PairActive)
	res, err = Match(&o.cfg, &o.ds, NewIndex(&o.ds), nil, MatchOptions{Decisions: []*model.Decision{pairDecision(model.Require, "E10", "E20")}})
	if err != nil {
		t.Fatal(err)
	}
	if p := pairFor(res, "E10"); p == nil || p.Status != PairKept || p.Decision == nil || len(res.Broken) != 0 || mentorFor(res, "E20").Kept != 1 {
		t.Errorf("pair %+v, broken %v", p, res.Broken)
	}
}
