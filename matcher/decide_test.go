package matcher

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// randomDecisions draws a committee's decisions for a random organisation:
// moves and pairs required or forbidden at random, within what the reader
// of decisions.csv lets through (one required move per person, openings
// per position, one required pair per mentee, capacity per mentor). Pairs
// may break rules: the matcher must then refuse them.
func randomDecisions(rng *rand.Rand, ds *model.Dataset) model.Decisions {
	var out model.Decisions
	reqPerson, reqPos := map[string]bool{}, map[string]int{}
	for _, m := range ds.Moves {
		switch r := rng.IntN(10); {
		case r < 2:
			out = append(out, model.Decision{Kind: model.DecideMove, Verb: model.Forbid, MoveID: m.ID, PersonID: m.PersonID, PositionID: m.PositionID})
		case r < 4 && !reqPerson[m.PersonID] && reqPos[m.PositionID] == 0:
			reqPerson[m.PersonID] = true
			reqPos[m.PositionID]++
			out = append(out, model.Decision{Kind: model.DecideMove, Verb: model.Require, MoveID: m.ID, PersonID: m.PersonID, PositionID: m.PositionID})
		}
	}
	reqMentee, load := map[string]bool{}, map[string]int{}
	seen := map[[2]string]bool{}
	for range rng.IntN(4) {
		e, m := pick(rng, ds.Mentees), pick(rng, ds.Mentors)
		if seen[[2]string{e.PersonID, m.PersonID}] {
			continue
		}
		seen[[2]string{e.PersonID, m.PersonID}] = true
		d := model.Decision{Kind: model.DecidePair, Verb: model.Forbid, MenteeID: e.PersonID, MentorID: m.PersonID, Line: len(out) + 2}
		if rng.IntN(2) == 0 && !reqMentee[e.PersonID] && (!m.Available || load[m.PersonID] < m.Capacity) {
			d.Verb = model.Require
			reqMentee[e.PersonID] = true
			load[m.PersonID]++
		}
		out = append(out, d)
	}
	for i := range out {
		out[i].Line = i + 2
	}
	return out
}

// bruteForceDecidedPlan is the best total value of a plan under decisions, by
// enumeration: each person takes one eligible move or none, within the
// openings.
func bruteForceDecidedPlan(cfg *model.Config, scores []Score, allow bool, decisions []*model.Decision) float64 {
	verb := map[string]model.DecisionVerb{}
	for _, d := range decisions {
		verb[d.MoveID] = d.Verb
	}
	type opt struct {
		pos string
		v   float64
	}
	var people []string
	opts := map[string][]opt{}
	must := map[string]bool{}
	for i := range scores {
		s := &scores[i]
		id := s.Person.ID
		if !slices.Contains(people, id) {
			people = append(people, id)
		}
		switch {
		case verb[s.Move.ID] == model.Forbid:
		case verb[s.Move.ID] == model.Require:
			must[id] = true
			opts[id] = []opt{{s.Position.ID, s.Value(cfg)}}
		case s.Band == Overstretch && !allow:
		case !must[id]:
			opts[id] = append(opts[id], opt{s.Position.ID, s.Value(cfg)})
		}
	}
	openings := map[string]int{}
	for i := range scores {
		openings[scores[i].Position.ID] = max(scores[i].Position.Openings, 1)
	}
	best := math.Inf(-1)
	var rec func(i int, total float64)
	rec = func(i int, total float64) {
		if i == len(people) {
			best = max(best, total)
			return
		}
		id := people[i]
		if !must[id] {
			rec(i+1, total)
		}
		for _, o := range opts[id] {
			if openings[o.pos] > 0 {
				openings[o.pos]--
				rec(i+1, total+o.v)
				openings[o.pos]++
			}
		}
	}
	rec(0, 0)
	return best
}

// bruteForceDecided is the lexicographic best (Σ tier, Σ fit in hundredths)
// of a matching under pair decisions, history ignored: required pairs are
// made, forbidden ones never, every other pair follows the rules.
func bruteForceDecided(or *matchOracle, decisions []*model.Decision) (int, int64) {
	return bruteForceForced(or, decisions, "", "")
}

// bruteForceForced is bruteForceDecided with the mentee forced onto the
// mentor (when forced is not "").
func bruteForceForced(or *matchOracle, decisions []*model.Decision, forced, onto string) (int, int64) {
	req, forbid := map[string]string{}, map[[2]string]bool{}
	for _, d := range decisions {
		if d.Required() {
			req[d.MenteeID] = d.MentorID
		} else {
			forbid[[2]string{d.MenteeID, d.MentorID}] = true
		}
	}
	left := make([]int, len(or.mentors))
	for j, id := range or.mentors {
		left[j] = or.capacity(id)
	}
	tier, fit := 0, int64(0)
	var opts [][]bfOption
	row := -1
	for _, e := range or.mentees {
		if m, ok := req[e]; ok {
			left[slices.Index(or.mentors, m)]--
			tier += or.tier(e)
			fit += fitKey(or.fit(e, m))
			continue
		}
		var cells []bfOption
		for j, m := range or.mentors {
			if or.rule(e, m) == "" && !forbid[[2]string{e, m}] {
				cells = append(cells, bfOption{col: j, tier: or.tier(e), fit: fitKey(or.fit(e, m))})
			}
		}
		if e == forced {
			row = len(opts)
		}
		opts = append(opts, cells)
	}
	bt, bf := bruteForceMatch(opts, left, row, slices.Index(or.mentors, onto))
	return tier + bt, fit + bf
}

// liftable reports whether the oracle's first rule broken by a pair is one
// a decision lifts (or none).
func liftableRule(or *matchOracle, e, m string) bool {
	r := or.rule(e, m)
	return r == "" || r == RuleEndedBefore || r == RuleLowFit
}

// TestDecisionsRandomAgainstBruteForce plans and matches seeded random
// organisations under random committees and checks, against brute force
// and the oracle: required moves and pairs are in, forbidden ones out,
// the rest optimal; every price equals the difference of two brute-force
// optima; a required pair that breaks a rule no decision lifts is reported
// and nothing is matched.
func TestDecisionsRandomAgainstBruteForce(t *testing.T) {
	stats := map[string]int{}
	// Cheap enough for -short too, and enough trials to meet every case
	// counted below.
	for trial := range 400 {
		rng := trialRNG(1_000_000 + trial)
		ro := randomMatchOrg(rng)
		ro.opt.Rematch = true // the brute force ignores history
		name := fmt.Sprintf("trial %d", trial)
		decisions := randomDecisions(rng, &ro.ds)
		checkDecidedCycle(t, name, ro, decisions, stats)
		if t.Failed() {
			t.Fatalf("%s failed (rerun with trialRNG(%d))", name, 1_000_000+trial)
		}
	}
	for _, k := range []string{"move require", "move forbid", "pair require", "pair forbid", "refused", "lifted", "move cost", "pair cost", "exception", "regret under decisions"} {
		if stats[k] == 0 {
			t.Errorf("no instance had %s (stats %v)", k, stats)
		}
	}
}

func checkDecidedCycle(t *testing.T, name string, ro *randOrg, decisions model.Decisions, stats map[string]int) {
	t.Helper()
	ix := NewIndex(&ro.ds)
	scores, err := ScoreAll(&ro.cfg, &ro.ds, ix)
	if err != nil {
		t.Fatal(err)
	}
	moves, pairs := decisions.Moves(), decisions.Pairs()
	popt := PlanOptions{AllowOverstretch: ro.allow, Decisions: moves}
	pl, err := MakePlan(&ro.cfg, scores, ro.ds.Positions, popt)
	if err != nil {
		t.Fatalf("%s: MakePlan: %v", name, err)
	}
	for i := range pl.Entries {
		e := &pl.Entries[i]
		if d := e.Decision; d != nil {
			stats["move "+string(d.Verb)]++
			if (e.Status == Chosen) != d.Required() {
				t.Errorf("%s: move %s %s but %s", name, e.Score.Move.ID, d.Verb, e.Status)
			}
			if e.Exception(ro.allow) {
				stats["exception"]++
			}
		}
	}
	if want := bruteForceDecidedPlan(&ro.cfg, scores, ro.allow, moves); math.Abs(pl.Total-want) > 1e-9 {
		t.Errorf("%s: plan total %v, brute force %v", name, pl.Total, want)
	}

	mopt := ro.opt
	mopt.Decisions = pairs
	mt, err := Match(&ro.cfg, &ro.ds, ix, pl, mopt)
	or := newMatchOracle(&ro.cfg, &ro.ds, pl, mopt)
	var refused []*model.Decision
	for _, d := range pairs {
		if d.Required() && !liftableRule(or, d.MenteeID, d.MentorID) {
			refused = append(refused, d)
		}
	}
	if len(refused) > 0 {
		des, ok := err.(DecisionErrors)
		if !ok || mt != nil || len(des) != len(refused) {
			t.Fatalf("%s: pairs %v break rules; got %v, %v", name, refused, mt, err)
		}
		for i, e := range des {
			if e.Decision != refused[i] || e.Decision.Line == 0 {
				t.Errorf("%s: error %d on %+v, want %+v", name, i, e.Decision, refused[i])
			}
		}
		stats["refused"]++
		return
	}
	if err != nil {
		t.Fatalf("%s: Match: %v", name, err)
	}
	made := map[[2]string]*Pair{}
	for i := range mt.Pairs {
		p := &mt.Pairs[i]
		made[[2]string{p.Mentee.Person.ID, p.Mentor.Person.ID}] = p
		if p.Decision == nil {
			if r := or.rule(p.Mentee.Person.ID, p.Mentor.Person.ID); r != "" {
				t.Errorf("%s: free pair %s–%s breaks %s", name, p.Mentee.Person.ID, p.Mentor.Person.ID, r)
			}
		}
		stats["lifted"] += len(p.Lifted)
	}
	for _, d := range pairs {
		stats["pair "+string(d.Verb)]++
		p := made[[2]string{d.MenteeID, d.MentorID}]
		if (p != nil) != d.Required() || (p != nil && p.Decision != d) {
			t.Errorf("%s: pair %s–%s %s, made %v", name, d.MenteeID, d.MentorID, d.Verb, p != nil)
		}
	}
	tier, fit := matchTotals(mt)
	if bt, bf := bruteForceDecided(or, pairs); tier != bt || fit != bf {
		t.Errorf("%s: totals %d, %d; brute force %d, %d", name, tier, fit, bt, bf)
	}
	// Regret under the decisions in force: the loss of each free pair's
	// next best is the brute-force optimum with that pair forced.
	for i := range mt.Pairs {
		p := &mt.Pairs[i]
		if p.Decision != nil || p.NextBest == nil {
			continue
		}
		bt, bf := bruteForceForced(or, pairs, p.Mentee.Person.ID, p.NextBest.Person.ID)
		if p.TierLoss != tier-bt || int64(math.Round(p.Loss*100)) != fit-bf {
			t.Errorf("%s: %s next best %s loses %d, %v; brute force %d, %v", name, p.Mentee.Person.ID, p.NextBest.Person.ID,
				p.TierLoss, p.Loss, tier-bt, float64(fit-bf)/100)
		}
		if len(decisions.Pairs()) > 0 {
			stats["regret under decisions"]++
		}
	}

	// Prices: each one the difference of two brute-force optima.
	cy := Cycle{Config: &ro.cfg, Dataset: &ro.ds, Index: ix, Scores: scores, Positions: ro.ds.Positions, Plan: popt, Match: mopt}
	all := make([]*model.Decision, len(decisions))
	for i := range decisions {
		all[i] = &decisions[i]
	}
	pr, err := PriceDecisions(cy, all, pl, mt)
	if err != nil {
		t.Fatalf("%s: PriceDecisions: %v", name, err)
	}
	if len(pr.Costs) != len(all) {
		t.Fatalf("%s: %d costs for %d decisions", name, len(pr.Costs), len(all))
	}
	for _, c := range pr.Costs {
		d := c.Decision
		if d.Kind == model.DecideMove {
			want := r3(bruteForceDecidedPlan(&ro.cfg, scores, ro.allow, without(moves, d))) - r3(pl.Total)
			if math.Abs(c.Value-want) > 1e-9 {
				t.Errorf("%s: move %s %s costs %v, brute force %v", name, d.MoveID, d.Verb, c.Value, want)
			}
			if c.Value != 0 {
				stats["move cost"]++
			}
			continue
		}
		bt, bf := bruteForceDecided(or, without(pairs, d))
		if c.Tier != bt-tier || fitKey(c.Fit) != bf-fit {
			t.Errorf("%s: pair %s–%s %s costs %d, %v; brute force %d, %v", name, d.MenteeID, d.MentorID, d.Verb, c.Tier, c.Fit, bt-tier, float64(bf-fit)/100)
		}
		if c.Tier != 0 || c.Fit != 0 {
			stats["pair cost"]++
		}
	}
	free := bruteForceDecidedPlan(&ro.cfg, scores, ro.allow, nil)
	if math.Abs(pr.Value-(r3(free)-r3(pl.Total))) > 1e-9 || math.Abs(pl.Optimum-free) > 1e-9 {
		t.Errorf("%s: total value cost %v, optimum %v; brute force %v, %v", name, pr.Value, pl.Optimum, free-pl.Total, free)
	}
	fp, _ := MakePlan(&ro.cfg, scores, ro.ds.Positions, PlanOptions{AllowOverstretch: ro.allow})
	fopt := ro.opt
	ft, ff := bruteForceDecided(newMatchOracle(&ro.cfg, &ro.ds, fp, fopt), nil)
	if pr.Tier != ft-tier || fitKey(pr.Fit) != ff-fit {
		t.Errorf("%s: total matching cost %d, %v; brute force %d, %v", name, pr.Tier, pr.Fit, ft-tier, float64(ff-fit)/100)
	}
}

// r3 rounds a total of value to the 3 decimals of the outputs.
func r3(v float64) float64 { return math.Round(v*1000) / 1000 }
