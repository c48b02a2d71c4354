package matcher

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchmatch/stretchmatch/internal/oracle"
	"github.com/stretchmatch/stretchmatch/model"
)

// randomPlanInstance builds up to nPeople people, nPos positions with 1–2
// openings, and random candidate moves with random challenge and support.
func randomPlanInstance(rng *rand.Rand, nPeople, nPos int) ([]Score, []model.Position) {
	people := make([]model.Person, nPeople)
	for i := range people {
		people[i] = model.Person{ID: fmt.Sprintf("P%02d", i)}
	}
	positions := make([]model.Position, nPos)
	for j := range positions {
		positions[j] = model.Position{ID: fmt.Sprintf("J%02d", j), Openings: 1 + rng.IntN(2)}
	}
	var scores []Score
	for i := range people {
		for j := range positions {
			if rng.IntN(3) == 0 {
				continue
			}
			c := float64(rng.IntN(101))
			if rng.IntN(8) == 0 {
				c = 0
			}
			s := Score{
				Move:      &model.Move{ID: fmt.Sprintf("m%d_%d_%d", i, j, len(scores))},
				Person:    &people[i],
				Position:  &positions[j],
				Challenge: c,
				Support:   float64(rng.IntN(5)) / 4,
			}
			s.Band = Stretch
			if c > 60+10*s.Support || rng.IntN(10) == 0 {
				s.Band = Overstretch
			}
			scores = append(scores, s)
			if rng.IntN(10) == 0 { // a duplicate proposal now and then
				d := s
				d.Move = &model.Move{ID: s.Move.ID + "dup"}
				d.Challenge = float64(rng.IntN(101))
				scores = append(scores, d)
			}
		}
	}
	return scores, positions
}

// bruteForcePlan tries every choice of at most one move per person.
func bruteForcePlan(cfg *model.Config, scores []Score, positions []model.Position, allow bool) float64 {
	byPerson := map[string][]int{}
	var ids []string
	for i := range scores {
		if scores[i].Band == Overstretch && !allow {
			continue
		}
		id := scores[i].Person.ID
		if _, ok := byPerson[id]; !ok {
			ids = append(ids, id)
		}
		byPerson[id] = append(byPerson[id], i)
	}
	// Each move valued by the independent oracle's v(C) and peak, not by
	// the Score.Value that MakePlan uses.
	values := make([]float64, len(scores))
	for i, s := range scores {
		values[i] = oracle.Value(s.Challenge, cfg.Bands.StretchBase+cfg.Bands.StretchSupport*s.Support)
	}
	left := map[string]int{}
	for _, p := range positions {
		left[p.ID] = p.Openings
	}
	best := 0.0
	var rec func(k int, total float64)
	rec = func(k int, total float64) {
		if k == len(ids) {
			best = math.Max(best, total)
			return
		}
		rec(k+1, total)
		for _, i := range byPerson[ids[k]] {
			pid := scores[i].Position.ID
			if left[pid] > 0 {
				left[pid]--
				rec(k+1, total+values[i])
				left[pid]++
			}
		}
	}
	rec(0, 0)
	return best
}

func TestMakePlanMatchesBruteForce(t *testing.T) {
	cfg := model.Default()
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := 0; trial < 300; trial++ {
		scores, positions := randomPlanInstance(rng, 1+rng.IntN(6), 1+rng.IntN(4))
		for _, allow := range []bool{false, true} {
			pl, err := MakePlan(&cfg, scores, positions, PlanOptions{AllowOverstretch: allow})
			if err != nil {
				t.Fatalf("trial %d: %v", trial, err)
			}
			want := bruteForcePlan(&cfg, scores, positions, allow)
			if math.Abs(pl.Total-want) > 1e-9 {
				t.Fatalf("trial %d allow=%v: total %v, brute force %v", trial, allow, pl.Total, want)
			}
			checkPlanFeasible(t, pl, positions, allow)
		}
	}
}

// checkPlanFeasible checks one move per person, openings respected, no
// excluded move chosen, the total, and that every left-out move says why.
func checkPlanFeasible(t *testing.T, pl *Plan, positions []model.Position, allow bool) {
	t.Helper()
	perPerson, perPos := map[string]int{}, map[string]int{}
	total := 0.0
	for i := range pl.Entries {
		e := &pl.Entries[i]
		if e.Status != Chosen {
			if e.Why == "" {
				t.Fatalf("move %s not chosen without a reason", e.Score.Move.ID)
			}
			continue
		}
		if e.Score.Band == Overstretch && !allow {
			t.Fatalf("overstretch move %s chosen", e.Score.Move.ID)
		}
		perPerson[e.Score.Person.ID]++
		perPos[e.Score.Position.ID]++
		total += e.Value
	}
	for id, n := range perPerson {
		if n > 1 {
			t.Fatalf("person %s given %d moves", id, n)
		}
	}
	for _, p := range positions {
		if perPos[p.ID] > p.Openings {
			t.Fatalf("position %s given %d people for %d openings", p.ID, perPos[p.ID], p.Openings)
		}
	}
	if math.Abs(total-pl.Total) > 1e-9 {
		t.Fatalf("total %v, sum of chosen values %v", pl.Total, total)
	}
}

func TestMakePlanReasons(t *testing.T) {
	cfg := model.Default()
	people := []model.Person{{ID: "A"}, {ID: "B"}, {ID: "C"}, {ID: "D"}}
	positions := []model.Position{{ID: "J1", Openings: 1}, {ID: "J2", Openings: 1}, {ID: "J3", Openings: 2}}
	mk := func(id string, p, pos int, c float64, band Band) Score {
		return Score{Move: &model.Move{ID: id}, Person: &people[p], Position: &positions[pos],
			Challenge: c, Support: 0.5, Band: band}
	}
	// P = 65. A→J1 v=1, B→J1 v=0.8, A→J3 v=0.1: A→J1 alone (1.0) beats
	// B→J1 with A→J3 (0.9), so J1 is taken by A. B→J2 and C→J2 are
	// overstretch. J2 and J3 stay open.
	scores := []Score{
		mk("a1", 0, 0, 65, Stretch),
		mk("b1", 1, 0, 52, Stretch),
		mk("b2", 1, 1, 90, Overstretch),
		mk("c2", 2, 1, 95, Overstretch),
		mk("a3", 0, 2, 6.5, Stretch),
	}
	pl, err := MakePlan(&cfg, scores, positions, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status PlanStatus
		why    WhyNot
	}{
		"a1": {Chosen, ""}, "b1": {NotChosen, PositionFilled}, "b2": {NotChosen, Excluded},
		"c2": {NotChosen, Excluded}, "a3": {NotChosen, OtherMove},
	}
	for _, e := range pl.Entries {
		w := want[e.Score.Move.ID]
		if e.Status != w.status || e.Why != w.why {
			t.Errorf("move %s: %s/%s, want %s/%s", e.Score.Move.ID, e.Status, e.Why, w.status, w.why)
		}
	}
	if pl.Total != 1 {
		t.Errorf("total %v, want 1", pl.Total)
	}
	un := pl.Unplaced()
	if len(pl.Open) == 2 && pl.Open[0].Proposed != 2 {
		t.Errorf("J2 proposed %d times, want 2", pl.Open[0].Proposed)
	}
	if len(un) != 2 || un[0].Person.ID != "B" || un[0].Why != PositionFilled || un[1].Person.ID != "C" || un[1].Why != Excluded {
		t.Errorf("unplaced = %+v", un)
	}
	if len(pl.Open) != 2 || pl.Open[0].Position.ID != "J2" || pl.Open[1].Position.ID != "J3" || pl.Open[1].Candidates != 1 {
		t.Errorf("open = %+v", pl.Open)
	}
	// With overstretch allowed, B takes J2 (v = (100−90)/35) and C is left:
	// J2 has one opening and B's value there is higher than C's.
	pl, err = MakePlan(&cfg, scores, positions, PlanOptions{AllowOverstretch: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + 10.0/35; math.Abs(pl.Total-want) > 1e-12 {
		t.Errorf("total with overstretch %v, want %v", pl.Total, want)
	}
}

// TestPlanUnderDecisions plans as a committee's plan file would: m1 and
// the overstretch m4 required, m5 forbidden, m6 left to the optimum.
func TestPlanUnderDecisions(t *testing.T) {
	cfg := model.Default()
	people := []model.Person{{ID: "A"}, {ID: "B"}, {ID: "C"}, {ID: "D"}}
	positions := []model.Position{{ID: "J1", Openings: 1}, {ID: "J2", Openings: 2}, {ID: "J3", Openings: 1}}
	mk := func(id string, p, j int, c float64, band Band) Score {
		return Score{Move: &model.Move{ID: id}, Person: &people[p], Position: &positions[j], Challenge: c, Band: band}
	}
	scores := []Score{
		mk("m1", 0, 0, 40, Stretch),     // A → J1: required
		mk("m2", 0, 1, 50, Stretch),     // A → J2: A has m1
		mk("m3", 1, 0, 45, Stretch),     // B → J1: B has m4
		mk("m4", 1, 1, 80, Overstretch), // B → J2: required though overstretch
		mk("m5", 2, 2, 30, Stretch),     // C → J3: forbidden
		mk("m6", 3, 0, 35, Stretch),     // D → J1: filled by m1
	}
	req := func(id string) *model.Decision {
		return &model.Decision{Kind: model.DecideMove, Verb: model.Require, MoveID: id}
	}
	forbid := &model.Decision{Kind: model.DecideMove, Verb: model.Forbid, MoveID: "m5"}
	pl, err := MakePlan(&cfg, scores, positions, PlanOptions{Decisions: []*model.Decision{req("m1"), req("m4"), forbid}, Committee: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		status PlanStatus
		why    WhyNot
		by     string
	}{{Chosen, "", ""}, {NotChosen, OtherMove, "m1"}, {NotChosen, OtherMove, "m4"}, {Chosen, "", ""},
		{NotChosen, Forbidden, ""}, {NotChosen, PositionFilled, "m1"}}
	for i, w := range want {
		e := &pl.Entries[i]
		by := ""
		if len(e.By) > 0 {
			by = e.By[0].Score.Move.ID
		}
		if e.Status != w.status || e.Why != w.why || by != w.by {
			t.Errorf("%s: %s %s by %q; want %s %s by %q", e.Score.Move.ID, e.Status, e.Why, by, w.status, w.why, w.by)
		}
	}
	if !pl.Entries[3].Exception(false) || pl.Entries[0].Exception(false) || pl.Mode != PlanCommittee {
		t.Errorf("m4 exception %v, m1 exception %v, mode %s", pl.Entries[3].Exception(false), pl.Entries[0].Exception(false), pl.Mode)
	}
	if got, want := pl.Total, scores[0].Value(&cfg)+scores[3].Value(&cfg); got != want {
		t.Errorf("total %v, want %v", got, want)
	}
	// J2 has one of its two openings left, J3 both of its one.
	if len(pl.Open) != 2 || pl.Open[0].Position.ID != "J2" || pl.Open[0].Filled != 1 || pl.Open[1].Position.ID != "J3" || pl.Open[1].Filled != 0 {
		t.Errorf("open positions %+v", pl.Open)
	}
	if u := pl.Unplaced(); len(u) != 2 || u[0].Person.ID != "C" || u[0].Why != Forbidden || u[1].Person.ID != "D" || u[1].Why != PositionFilled {
		t.Errorf("unplaced %+v", u)
	}
	if got := pl.ChosenFor(); len(got) != 2 || got["A"].Score.Move.ID != "m1" || got["B"].Score.Move.ID != "m4" {
		t.Errorf("chosen for %v", got)
	}
}
