package matcher

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// TestRuleKeysAgainstRule compares the integer rule check of every pair
// with matchCtx.rule on random organisations, once as generated and once
// with more than 64 languages and needs (bitsets of several words).
func TestRuleKeysAgainstRule(t *testing.T) {
	pairs := map[int]int{}
	for trial := range 300 {
		rng := trialRNG(trial)
		ro := randomMatchOrg(rng)
		if trial%2 == 1 {
			widen(rng, ro)
		}
		ix := NewIndex(&ro.ds)
		scores, err := ScoreAll(&ro.cfg, &ro.ds, ix)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := MakePlan(&ro.cfg, scores, ro.ds.Positions, PlanOptions{AllowOverstretch: ro.allow})
		if err != nil {
			t.Fatal(err)
		}
		depth := ro.opt.LineDepth
		if depth == 0 {
			depth = ro.cfg.Match.LineDepth
		}
		mx := &matchCtx{cfg: &ro.cfg, ix: ix, depth: depth, opt: ro.opt, ended: map[string]map[string]bool{}}
		for _, h := range ro.ds.History {
			if h.Status == model.PairEnded {
				if mx.ended[h.MenteeID] == nil {
					mx.ended[h.MenteeID] = map[string]bool{}
				}
				mx.ended[h.MenteeID][h.MentorID] = true
			}
		}
		planned := pl.ChosenFor()
		var rows []*Mentee
		for i := range ro.ds.Mentees {
			row := &ro.ds.Mentees[i]
			rows = append(rows, mx.newMentee(ix.People[row.PersonID], row, planned[row.PersonID]))
		}
		var mentors []*Mentor
		for i := range ro.ds.Mentors {
			row := &ro.ds.Mentors[i]
			mentors = append(mentors, mx.newMentor(ix.People[row.PersonID], row))
		}
		rk := newRuleKeys(mx, rows, mentors)
		for r, e := range rows {
			for c, m := range mentors {
				rule, fit := mx.rule(e, m, false)
				want, wantKey := ruleIndex(rule), int32(0)
				if rule == "" {
					want, wantKey = ruleNone, int32(fitKey(fit.Total))
				}
				got, key := rk.check(r, c)
				if got != want || key != wantKey {
					t.Fatalf("trial %d: %s–%s: rule %d key %d, want %d %d", trial, e.Person.ID, m.Person.ID, got, key, want, wantKey)
				}
				pairs[got]++
			}
		}
	}
	for k := ruleNone; k < NumRules; k++ {
		if pairs[k] == 0 {
			t.Errorf("no pair with rule index %d (%v)", k, pairs)
		}
	}
}

// widen gives everybody some of 80 extra languages and every mentee and
// mentor some of 80 extra needs and experiences.
func widen(rng *rand.Rand, ro *randOrg) {
	var langs, tags []string
	for k := range 80 {
		langs = append(langs, fmt.Sprintf("Lang%02d", k))
		tags = append(tags, fmt.Sprintf("tag%02d", k))
	}
	for i := range ro.ds.People {
		ro.ds.People[i].Languages = append(ro.ds.People[i].Languages, subset(rng, langs, 0.03)...)
	}
	for i := range ro.ds.Mentees {
		ro.ds.Mentees[i].Needs = append(ro.ds.Mentees[i].Needs, subset(rng, tags, 0.1)...)
	}
	for i := range ro.ds.Mentors {
		ro.ds.Mentors[i].Experience = append(ro.ds.Mentors[i].Experience, subset(rng, tags, 0.3)...)
	}
}
