package data

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// planIDs writes the decisions of a plan file as "M1=require" strings.
func planIDs(ds model.Decisions) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.MoveID + "=" + string(d.Verb)
	}
	return out
}

func TestReadPlanDecisions(t *testing.T) {
	ds := &model.Dataset{Moves: []model.Move{
		{ID: "M1", PersonID: "E1", PositionID: "P1"},
		{ID: "M2", PersonID: "E1", PositionID: "P2"},
		{ID: "M3", PersonID: "E2", PositionID: "P1"},
		{ID: "M4", PersonID: "E3", PositionID: "P2"},
		{ID: "@M5", PersonID: "E4", PositionID: "P3"},
	}, Positions: []model.Position{{ID: "P1", Openings: 1}, {ID: "P2", Openings: 2}, {ID: "P3", Openings: 1}}}
	good := "move_id,person_id,position_id,challenge,band,value,status,reason\n" +
		"M1,E1,P1,40.0,stretch,0.700,not_chosen,other\n" +
		"M2,E1,P2,30.0,stretch,0.800,chosen,best\n" +
		"M4,E3,P2,50.0,stretch,0.900,Chosen,best\n" +
		"M3,E2,P1,10.0,comfort,0.100,not_chosen,\n" +
		"'@M5,E4,P3,10.0,comfort,0.100,chosen,\n"
	got, note, err := ReadPlanDecisions(Source{Name: "plan.csv", Data: []byte(good)}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"M1=forbid", "M2=require", "M4=require", "M3=forbid", "@M5=require"}; !slices.Equal(planIDs(got), want) {
		t.Errorf("decisions %v, want %v", planIDs(got), want)
	}
	if note != "" {
		t.Errorf("every move listed, yet note %q", note)
	}
	if d := got[1]; d.Line != 3 || d.Cols.Move != 1 || !d.FromPlan || d.PersonID != "E1" || d.PositionID != "P2" {
		t.Errorf("decision %+v", d)
	}

	// The same plan as French Excel saves it: Windows-1252, ';', CRLF,
	// French headers and statuses; two moves are left out.
	fr := "Id mouvement;Statut;Raison\r\nM2;choisi;\xe9lev\xe9\r\nM1;non_choisi;\r\nM4;CHOISI;\r\n"
	got, note, err = ReadPlanDecisions(Source{Name: "plan.csv", Data: []byte(fr)}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"M2=require", "M1=forbid", "M4=require"}; !slices.Equal(planIDs(got), want) {
		t.Errorf("French plan: %v, want %v", planIDs(got), want)
	}
	if want := "plan.csv: 2 of the 5 candidate moves of moves.csv are not in the file: the plan chooses among them freely (add them with a status to decide them)"; note != want {
		t.Errorf("note %q\nwant %q", note, want)
	}

	bad := []struct {
		name, body string
		want       []string
	}{{
		name: "missing columns",
		body: "id,state\nM1,chosen\n",
		want: []string{
			`plan.csv:1:1: missing required column "move_id" (give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row)`,
			`plan.csv:1:1: missing required column "status" (give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row)`,
		},
	}, {
		name: "every row problem",
		body: "move_id,person_id,status\n" +
			"M9,E1,chosen\n" +
			"M1,E2,chosen\n" +
			"M2,E1,maybe\n" +
			"M2,E1,chosen\n" +
			"M1,E1,chosen\n" +
			"M2,E1,chosen\n" +
			",E3,chosen\n" +
			"M3,E2\n" +
			"M4,E3,\n" +
			"M2,E1,not_chosen\n" +
			"M3,E2,chosen\n",
		want: []string{
			`plan.csv:2:1: move "M9" is not in moves.csv (use a plan made from the same moves.csv, or remove the row)`,
			`plan.csv:3:2: move "M1" is for E1, not "E2" (use a plan made from the same moves.csv)`,
			`plan.csv:4:3: status "maybe" is neither chosen nor not_chosen (write chosen for a move the committee keeps, not_chosen otherwise)`,
			`plan.csv:6:1: move "M1" is listed twice: first on line 3 (keep one row per move)`,
			`plan.csv:7:1: move "M2" is listed twice: first on line 5 (keep one row per move)`,
			`plan.csv:8:1: move id is empty (write the id of the move, as in moves.csv)`,
			`plan.csv:9:3: row has 2 fields but the header has 3 (check for a missing or extra comma, and put cells that contain one in quotes)`,
			`plan.csv:10:3: status is empty (write chosen for a move the committee keeps, not_chosen for one it rejects, or remove the row to let the plan decide)`,
			`plan.csv:11:1: move "M2" is chosen on line 5 and not_chosen here (keep one row per move, with the committee's final status)`,
		},
	}, {
		name: "one person, one opening",
		body: "move_id,status\nM1,chosen\nM2,chosen\nM3,chosen\n",
		want: []string{
			`plan.csv:3:1: person E1 already has a chosen move on line 2 (choose at most one move per person)`,
			`plan.csv:4:1: position P1 has 1 opening(s), already chosen on line 2 (choose at most openings moves per position, or raise openings in positions.csv)`,
		},
	}, {
		name: "header only",
		body: "move_id,status\n",
		want: []string{`plan.csv:1:1: the file has a header but no rows (give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row)`},
	}}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			got, _, err := ReadPlanDecisions(Source{Name: "plan.csv", Data: []byte(tc.body)}, ReadOptions{}, ds)
			if got != nil || err == nil {
				t.Fatalf("got %v, %v; want problems", got, err)
			}
			lines := strings.Split(err.Error(), "\n")
			if !slices.Equal(lines, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", err, strings.Join(tc.want, "\n"))
			}
		})
	}
	if _, _, err := ReadPlanDecisions(Source{Name: "plan.csv"}, ReadOptions{}, ds); err == nil || !strings.HasPrefix(err.Error(), "plan.csv:") {
		t.Errorf("empty file: %v", err)
	}
}
