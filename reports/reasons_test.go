package reports

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// reasonOrg is a small random organisation of scored moves.
type reasonOrg struct {
	cfg       model.Config
	people    []model.Person
	positions []model.Position
	scores    []matcher.Score
}

func randomReasonOrg(rng *rand.Rand) *reasonOrg {
	o := &reasonOrg{cfg: model.Default()}
	o.people = make([]model.Person, 2+rng.IntN(5))
	for i := range o.people {
		o.people[i] = model.Person{ID: fmt.Sprintf("E%d", i+1)}
	}
	o.positions = make([]model.Position, 1+rng.IntN(4))
	for j := range o.positions {
		o.positions[j] = model.Position{ID: fmt.Sprintf("J%d", j+1), Openings: 1 + rng.IntN(2)}
	}
	for i := range o.people {
		for range rng.IntN(4) {
			j := rng.IntN(len(o.positions))
			c := []float64{0, 10, 30, 45, 55, 60, 62, 70, 85, 100}[rng.IntN(10)]
			band := matcher.Stretch
			switch {
			case c < 25:
				band = matcher.Comfort
			case c >= 65:
				band = matcher.Overstretch
			}
			mv := &model.Move{ID: fmt.Sprintf("M%02d", len(o.scores)+1), PersonID: o.people[i].ID, PositionID: o.positions[j].ID}
			o.scores = append(o.scores, matcher.Score{Move: mv, Person: &o.people[i], Position: &o.positions[j],
				Challenge: c, Support: float64(rng.IntN(3)) / 2, Band: band})
		}
	}
	return o
}

// committeeDecisions draws a plan file: a feasible choice of moves (one
// per person at most, openings respected), each move listed with its
// status, some left out.
func (o *reasonOrg) committeeDecisions(rng *rand.Rand) []*model.Decision {
	left := map[string]int{}
	for _, p := range o.positions {
		left[p.ID] = p.Openings
	}
	has := map[string]bool{}
	var out []*model.Decision
	for _, k := range rng.Perm(len(o.scores)) {
		s := &o.scores[k]
		if rng.IntN(5) == 0 {
			continue
		}
		d := &model.Decision{Kind: model.DecideMove, Verb: model.Forbid, MoveID: s.Move.ID, PersonID: s.Person.ID,
			PositionID: s.Position.ID, FromPlan: true}
		if !has[s.Person.ID] && left[s.Position.ID] > 0 && rng.IntN(2) == 0 {
			d.Verb = model.Require
			has[s.Person.ID] = true
			left[s.Position.ID]--
		}
		out = append(out, d)
	}
	return out
}

// randomMoveDecisions draws a few decisions as in decisions.csv.
func (o *reasonOrg) randomMoveDecisions(rng *rand.Rand) []*model.Decision {
	ds := o.committeeDecisions(rng)
	var out []*model.Decision
	for _, d := range ds {
		if rng.IntN(3) == 0 {
			d.FromPlan = false
			d.Note = "n"
			out = append(out, d)
		}
	}
	return out
}

// checkReasons re-derives every reason of plan.csv from the plan and the
// inputs: each sentence's claim must hold. Claims about totals ("at least
// as high") are checked by re-planning with the move required.
func checkReasons(t *testing.T, name string, o *reasonOrg, pl *matcher.Plan, opt matcher.PlanOptions) {
	t.Helper()
	byID := map[string]*matcher.PlanEntry{}
	for i := range pl.Entries {
		byID[pl.Entries[i].Score.Move.ID] = &pl.Entries[i]
	}
	// atLeastAsHigh: no plan under the same decisions with e in it has a
	// higher total.
	atLeastAsHigh := func(e *matcher.PlanEntry) bool {
		var ds []*model.Decision
		for _, d := range opt.Decisions {
			switch {
			case d.MoveID == e.Score.Move.ID:
			case d.Required() && (d.PersonID == e.Score.Person.ID):
				return true // e cannot be in such a plan
			default:
				ds = append(ds, d)
			}
		}
		req := 0
		for _, d := range ds {
			if d.Required() && d.PositionID == e.Score.Position.ID {
				req++
			}
		}
		if req >= max(e.Score.Position.Openings, 1) {
			return true
		}
		ds = append(ds, &model.Decision{Kind: model.DecideMove, Verb: model.Require, MoveID: e.Score.Move.ID,
			PersonID: e.Score.Person.ID, PositionID: e.Score.Position.ID})
		alt, err := matcher.MakePlan(&o.cfg, o.scores, o.positions, matcher.PlanOptions{AllowOverstretch: opt.AllowOverstretch, Decisions: ds})
		if err != nil {
			t.Fatalf("%s: re-plan: %v", name, err)
		}
		return alt.Total <= pl.Total+1e-9
	}
	moveList := regexp.MustCompile(`(M\d+) \(([0-9.]+)\)`)
	chosenTo := func(pos string, list string) (ids []*matcher.PlanEntry, ok bool) {
		for _, m := range moveList.FindAllStringSubmatch(list, -1) {
			x := byID[m[1]]
			if x == nil || x.Status != matcher.Chosen || x.Score.Position.ID != pos || Num(x.Value, 3) != m[2] {
				return nil, false
			}
			ids = append(ids, x)
		}
		n := 0
		for i := range pl.Entries {
			if x := &pl.Entries[i]; x.Status == matcher.Chosen && x.Score.Position.ID == pos {
				n++
			}
		}
		return ids, len(ids) == n && n == openingsOf(o, pos)
	}
	for i := range pl.Entries {
		e := &pl.Entries[i]
		s := e.Score
		why := PlanReason(e, EN)
		if opt.AllowOverstretch {
			why = planReason(e, true, EN)
		}
		v := Num(e.Value, 3)
		d := e.Decision
		bad := func(claim string) { t.Errorf("%s: %s (%s, %s): %q: %s", name, s.Move.ID, e.Status, v, why, claim) }
		var m []string
		match := func(re string) bool {
			m = regexp.MustCompile("^" + re + "$").FindStringSubmatch(why)
			return m != nil
		}
		other := func(id string) *matcher.PlanEntry {
			x := byID[id]
			if x == nil || x.Status != matcher.Chosen || x.Score.Person.ID != s.Person.ID || x == e {
				return nil
			}
			return x
		}
		switch {
		case match(`chosen: development value ([0-9.]+)(; required by the committee|; an exception: overstretch, required by the committee|; chosen in the committee's plan|; an exception: overstretch, chosen in the committee's plan)?( \(n\))?`):
			exception := s.Band == matcher.Overstretch && !opt.AllowOverstretch
			if e.Status != matcher.Chosen || m[1] != v || (m[2] != "") != (d != nil && d.Required()) ||
				(strings.Contains(m[2], "exception") != exception) || (d != nil && strings.Contains(m[2], "plan") != d.FromPlan) {
				bad("chosen, value, decision or exception wrong")
			}
		case match(`forbidden by the committee( \(n\))?`):
			if e.Status == matcher.Chosen || d == nil || d.Required() || d.FromPlan {
				bad("no forbidding decision")
			}
		case match(`not chosen in the committee's plan`):
			if e.Status == matcher.Chosen || d == nil || d.Required() || !d.FromPlan {
				bad("not in a plan file as not chosen")
			}
		case match(`overstretch \(challenge ([0-9.]+)\): excluded unless --allow-overstretch`):
			if e.Status == matcher.Chosen || s.Band != matcher.Overstretch || opt.AllowOverstretch || m[1] != Num(s.Challenge, 1) || (d != nil && d.Required()) {
				bad("not an excluded overstretch move")
			}
		case match(`the committee chose move (M\d+) \(value ([0-9.]+)\) for the person`):
			if x := other(m[1]); x == nil || x.Decision == nil || !x.Decision.Required() || Num(x.Value, 3) != m[2] {
				bad("the person's move is not required by the committee")
			}
		case match(`the person takes move (M\d+) instead \(value ([0-9.]+), no less than ([0-9.]+)\)`):
			if x := other(m[1]); x == nil || Num(x.Value, 3) != m[2] || m[3] != v || x.Value < e.Value {
				bad("the other move is not chosen or has less value")
			}
		case match(`the person takes move (M\d+) instead \(value ([0-9.]+)\): this gives a total value at least as high`):
			if x := other(m[1]); x == nil || Num(x.Value, 3) != m[2] || !atLeastAsHigh(e) {
				bad("another plan with this move is better")
			}
		case match(`the committee gave position (J\d+) to (.*?)(; the person takes move (M\d+) \(value ([0-9.]+)\))?`):
			list, ok := chosenTo(m[1], m[2])
			for _, x := range list {
				ok = ok && x.Decision != nil && x.Decision.Required()
			}
			if !ok || m[1] != s.Position.ID || (m[4] != "" && other(m[4]) == nil) {
				bad("the position is not full of the committee's moves")
			}
		case match(`position (J\d+) went to higher-value candidates: (.*?)(; the person takes move (M\d+) \(value ([0-9.]+)\))?`):
			list, ok := chosenTo(m[1], m[2])
			for _, x := range list {
				ok = ok && x.Value > e.Value
			}
			if !ok || m[1] != s.Position.ID || (m[4] != "" && other(m[4]) == nil) {
				bad("the position is not full of higher-value moves")
			}
		case match(`position (J\d+) went to (.*?), which gives a total value at least as high(; the person takes move (M\d+) \(value ([0-9.]+)\))?`):
			_, ok := chosenTo(m[1], m[2])
			if !ok || m[1] != s.Position.ID || (m[4] != "" && other(m[4]) == nil) || !atLeastAsHigh(e) {
				bad("the position is not full, or another plan with this move is better")
			}
		case match(`same person and position as move (M\d+), which is kept`):
			x := byID[m[1]]
			if x == nil || x == e || x.Score.Person.ID != s.Person.ID || x.Score.Position.ID != s.Position.ID {
				bad("not a duplicate")
			}
		case match(`no development value \(challenge 0 or 100\)`):
			if e.Status == matcher.Chosen || e.Value != 0 {
				bad("the move has value")
			}
		default:
			bad("no checker for this reason")
		}
	}
}

func openingsOf(o *reasonOrg, pos string) int {
	for _, p := range o.positions {
		if p.ID == pos {
			return max(p.Openings, 1)
		}
	}
	return 0
}

// TestPlanReasonsAreTrue checks every reason of plan.csv in the three
// modes: the free optimum, the optimum under decisions and the committee's
// plan, on seeded random organisations.
func TestPlanReasonsAreTrue(t *testing.T) {
	trials := 150
	if testing.Short() {
		trials = 50
	}
	seen := map[string]int{}
	for trial := range trials {
		rng := rand.New(rand.NewPCG(uint64(trial), 0xdec1de))
		o := randomReasonOrg(rng)
		allow := rng.IntN(3) == 0
		for _, mode := range []matcher.PlanMode{matcher.PlanOptimum, matcher.PlanDecided, matcher.PlanCommittee} {
			opt := matcher.PlanOptions{AllowOverstretch: allow}
			switch mode {
			case matcher.PlanDecided:
				opt.Decisions = o.randomMoveDecisions(rng)
			case matcher.PlanCommittee:
				opt.Decisions, opt.Committee, opt.AllowOverstretch = o.committeeDecisions(rng), true, false
			}
			pl, err := matcher.MakePlan(&o.cfg, o.scores, o.positions, opt)
			if err != nil {
				t.Fatal(err)
			}
			checkReasons(t, fmt.Sprintf("trial %d %s", trial, mode), o, pl, opt)
			checkUnplaced(t, fmt.Sprintf("trial %d %s", trial, mode), pl)
			for i := range pl.Entries {
				seen[string(pl.Entries[i].Why)]++
			}
		}
		if t.Failed() {
			t.Fatalf("trial %d failed", trial)
		}
	}
	for _, w := range []matcher.WhyNot{matcher.Forbidden, matcher.OtherMove, matcher.PositionFilled, matcher.Excluded, matcher.Duplicate} {
		if seen[string(w)] == 0 {
			t.Errorf("no reason %s in any trial: %v", w, seen)
		}
	}
}

// checkUnplaced re-derives the reason of every person left without a
// move from their moves.
func checkUnplaced(t *testing.T, name string, pl *matcher.Plan) {
	t.Helper()
	for _, u := range pl.Unplaced() {
		why := T(EN, "unplaced_"+string(u.Why))
		if u.Why == matcher.PositionFilled {
			why = T(EN, "unplaced_filled_other")
		}
		for _, e := range u.Moves {
			ok := true
			switch w := e.Why; why {
			case "all candidate moves are overstretch":
				ok = w == matcher.Excluded || w == matcher.Duplicate
			case "every candidate move is forbidden by the committee or overstretch":
				ok = w == matcher.Excluded || w == matcher.Duplicate || w == matcher.Forbidden
			case "the positions of their eligible moves went to other candidates":
				ok = w == matcher.Excluded || w == matcher.Duplicate || w == matcher.Forbidden || w == matcher.PositionFilled
			case "no candidate move has development value":
				ok = e.Status != matcher.Chosen && (w != matcher.NoValue || e.Value == 0)
			default:
				t.Fatalf("%s: no checker for %q", name, why)
			}
			if !ok || e.Status == matcher.Chosen {
				t.Errorf("%s: %s unplaced, %q, but move %s is %s %s", name, u.Person.ID, why, e.Score.Move.ID, e.Status, e.Why)
			}
		}
	}
}
