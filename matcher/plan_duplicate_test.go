package matcher

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/internal/oracle"
	"github.com/stretchmatch/stretchmatch/model"
)

// TestMakePlanDuplicates: two rows of moves.csv that propose the same
// person for the same position are one candidate. The row with the higher
// value is kept, the earlier row on a tie; the other is reported as a
// duplicate of it, and the oracle agrees.
func TestMakePlanDuplicates(t *testing.T) {
	cfg := model.Default()
	people := []model.Person{{ID: "A"}, {ID: "B"}}
	positions := []model.Position{{ID: "J1", Openings: 1}, {ID: "J2", Openings: 1}}
	mk := func(id string, p, pos int, c float64) Score {
		return Score{Move: &model.Move{ID: id}, Person: &people[p], Position: &positions[pos],
			Challenge: c, Support: 0.5, Band: Stretch}
	}
	scores := []Score{
		mk("a1", 0, 0, 40), mk("a1bis", 0, 0, 40), // a tie: the earlier row stays
		mk("b2", 1, 1, 30), mk("b2bis", 1, 1, 50), // the later row is worth more
	}
	pl, err := MakePlan(&cfg, scores, positions, PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status PlanStatus
		why    WhyNot
		by     string
	}{
		"a1": {Chosen, "", ""}, "a1bis": {NotChosen, Duplicate, "a1"},
		"b2": {NotChosen, Duplicate, "b2bis"}, "b2bis": {Chosen, "", ""},
	}
	var moves []oracle.PlanMove
	chosen := map[string]bool{}
	for _, e := range pl.Entries {
		id := e.Score.Move.ID
		w := want[id]
		by := ""
		if len(e.By) > 0 {
			by = e.By[0].Score.Move.ID
		}
		if e.Status != w.status || e.Why != w.why || by != w.by {
			t.Errorf("move %s: %s/%s by %q, want %s/%s by %q", id, e.Status, e.Why, by, w.status, w.why, w.by)
		}
		moves = append(moves, oracle.PlanMove{ID: id, Person: e.Score.Person.ID, Position: e.Score.Position.ID,
			Value: oracle.Value(e.Score.Challenge, 65), Band: "stretch"})
		chosen[id] = e.Status == Chosen
	}
	reasons, ok := oracle.PlanReasons(moves, map[string]int{"J1": 1, "J2": 1}, false, chosen)
	if !ok {
		t.Fatal("the oracle finds the plan infeasible")
	}
	for id, w := range want {
		if r, left := reasons[id]; left && (r.Code != string(w.why) || r.By[0] != w.by) {
			t.Errorf("oracle: move %s %s by %v, the plan says %s by %s", id, r.Code, r.By, w.why, w.by)
		}
	}
}
