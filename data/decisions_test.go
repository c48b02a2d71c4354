package data

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// decisionsDataset is a small cycle for the decision tests.
func decisionsDataset() *model.Dataset {
	return &model.Dataset{
		People:    []model.Person{{ID: "E1"}, {ID: "E2"}, {ID: "E3"}, {ID: "E4"}, {ID: "E5"}},
		Positions: []model.Position{{ID: "P1", Openings: 1}, {ID: "P2", Openings: 2}},
		Moves: []model.Move{
			{ID: "M1", PersonID: "E1", PositionID: "P1"},
			{ID: "M2", PersonID: "E1", PositionID: "P2"},
			{ID: "M3", PersonID: "E2", PositionID: "P1"},
			{ID: "M4", PersonID: "E3", PositionID: "P2"},
			{ID: "@M5", PersonID: "E2", PositionID: "P2"},
		},
		Mentors: []model.Mentor{{PersonID: "E4", Capacity: 1, Available: true}, {PersonID: "E5", Capacity: 2, Available: false}},
		Mentees: []model.Mentee{{PersonID: "E1"}, {PersonID: "E2"}, {PersonID: "E3"}},
	}
}

// decisionStrings writes decisions as "line kind verb ids note".
func decisionStrings(ds model.Decisions) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = strings.Join([]string{string(rune('0' + d.Line)), string(d.Kind), string(d.Verb), d.MoveID, d.PersonID, d.PositionID,
			d.MenteeID, d.MentorID, d.Note, d.DecidedBy, d.Date}, " ")
	}
	return out
}

func TestReadDecisions(t *testing.T) {
	ds := decisionsDataset()
	en := "kind,decision,move_id,person_id,position_id,mentee_id,mentor_id,note,decided_by,date\n" +
		"move,require,M1,,,,,grow her,committee,2026-11-30\n" +
		"move,forbid,,E2,P1,,,,,\n" +
		"pair,require,,,,E2,E4,same site,,30/11/2026\n" +
		"pair,forbid,,,,E3,E4,,,\n" +
		"Move,Forbid,'@M5,,,,,,,\n"
	got, err := ReadDecisions(Source{Name: "decisions.csv", Data: []byte(en)}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2 move require M1 E1 P1   grow her committee 2026-11-30",
		"3 move forbid M3 E2 P1     ",
		"4 pair require    E2 E4 same site  2026-11-30",
		"5 pair forbid    E3 E4   ",
	}
	// '@M5 is the move @M5 as stretchmatch's CSV files neutralise it.
	want = append(want, "6 move forbid @M5 E2 P2     ")
	if g := decisionStrings(got); !slices.Equal(g, want) {
		t.Errorf("decisions:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
	if d := got[2]; d.Source != "decisions.csv" || d.Cols.Mentee != 6 || d.Cols.Mentor != 7 || d.Cols.Kind != 1 {
		t.Errorf("pair decision place %+v", d)
	}

	// The same decisions as French Excel saves them: Windows-1252, ';',
	// CRLF, French headers and words.
	fr := "Nature;D\xe9cision;Mouvement;Mentor\xe9;Mentor;Motif;D\xe9cid\xe9 par\r\n" +
		"mouvement;imposer;M1;;;grandir;comit\xe9\r\n" +
		"bin\xf4me;interdire;;E3;E4;;\r\n"
	got, err = ReadDecisions(Source{Name: "decisions.csv", Data: []byte(fr)}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"2 move require M1 E1 P1   grandir comité ", "3 pair forbid    E3 E4   "}
	if g := decisionStrings(got); !slices.Equal(g, want) {
		t.Errorf("French decisions:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}

	// A header with no rows is no decision.
	if got, err := ReadDecisions(Source{Name: "decisions.csv", Data: []byte("kind,decision,move_id\n")}, ReadOptions{}, ds); err != nil || len(got) != 0 {
		t.Errorf("header only: %v, %v", got, err)
	}
}

func TestReadDecisionsProblems(t *testing.T) {
	ds := decisionsDataset()
	const head = "kind,decision,move_id,person_id,position_id,mentee_id,mentor_id,note\n"
	cases := []struct {
		name, body string
		want       []string
	}{{
		name: "missing columns",
		body: "type,move_id\nmove,M1\n",
		want: []string{`decisions.csv:1:3: missing required column "decision" (add a column named decision to the header; other accepted names include verdict, action, choix du comité)`},
	}, {
		name: "words and columns",
		body: head +
			",require,M1,,,,,\n" +
			"moove,require,M1,,,,,\n" +
			"move,,M1,,,,,\n" +
			"move,maybe,M1,,,,,\n" +
			"move,require,M1,,,E2,,\n" +
			"pair,require,M1,,,E2,E4,\n" +
			"move,require,,,,,,\n" +
			"move,require,,E1,,,,\n" +
			"pair,require,,,,,E4,\n" +
			"move,forbid,M1,E1,P1,,,x,extra\n",
		want: []string{
			`decisions.csv:2:1: kind is empty (write move or pair (mouvement, binôme))`,
			`decisions.csv:3:1: kind "moove" is neither move nor pair (write move or pair (mouvement, binôme))`,
			`decisions.csv:4:2: decision is empty (write require or forbid (imposer, interdire))`,
			`decisions.csv:5:2: decision "maybe" is neither require nor forbid (write require or forbid (imposer, interdire))`,
			`decisions.csv:6:6: mentee_id is given for a move decision (a move decision names move_id, or person_id and position_id: leave mentee_id and mentor_id empty, or write kind pair)`,
			`decisions.csv:7:3: move_id is given for a pair decision (a pair decision names mentee_id and mentor_id: leave move_id, person_id and position_id empty, or write kind move)`,
			`decisions.csv:8:3: a move decision names no move (write the move_id, or the person_id and the position_id)`,
			`decisions.csv:9:5: position_id is empty (give both person_id and position_id, or the move_id)`,
			`decisions.csv:10:6: mentee_id is empty (write the person_id of a mentee of mentees.csv)`,
			`decisions.csv:11:9: row has 9 fields but the header has 8 (check for a missing or extra comma, and put cells that contain one in quotes)`,
		},
	}, {
		name: "unknown ids",
		body: head +
			"move,require,M9,,,,,\n" +
			"move,require,M1,E2,,,,\n" +
			"move,require,M1,,P2,,,\n" +
			"move,forbid,,E9,P1,,,\n" +
			"move,forbid,,E3,P1,,,\n" +
			"pair,require,,,,E4,E1,\n",
		want: []string{
			`decisions.csv:2:3: move "M9" is not in moves.csv (use the id of a candidate move of moves.csv, as in plan.csv)`,
			`decisions.csv:3:4: move "M1" is for E1, not "E2" (correct person_id, or leave it empty)`,
			`decisions.csv:4:5: move "M1" is to P1, not "P2" (correct position_id, or leave it empty)`,
			`decisions.csv:5:4: person "E9" is not in people.csv (decide on a move proposed in moves.csv)`,
			`decisions.csv:6:4: no candidate move of "E3" to "P1" in moves.csv (decide on a move proposed in moves.csv)`,
			`decisions.csv:7:6: "E4" is not a mentee in mentees.csv (decide on a mentee of mentees.csv, or add them there)`,
			`decisions.csv:7:7: "E1" is not a mentor in mentors.csv (decide on a mentor of mentors.csv, or add them there)`,
		},
	}, {
		name: "rows together",
		body: head +
			"move,require,M1,,,,,\n" +
			"move,require,,E1,P1,,,\n" +
			"move,forbid,M1,,,,,\n" +
			"move,require,M2,,,,,\n" +
			"move,require,M3,,,,,\n" +
			"pair,require,,,,E1,E4,\n" +
			"pair,forbid,,,,E1,E4,\n" +
			"pair,require,,,,E1,E5,\n" +
			"pair,require,,,,E2,E4,\n",
		want: []string{
			`decisions.csv:3:2: move M1 is decided twice: line 2 already requires it (keep one row per decision)`,
			`decisions.csv:4:2: move M1 is both required (line 2) and forbidden (this line) (keep the row of the committee's final decision)`,
			`decisions.csv:5:3: person E1 already has a required move on line 2 (require at most one move per person)`,
			`decisions.csv:6:3: position P1 has 1 opening(s), already required on line 2 (require at most openings moves per position, or raise openings in positions.csv)`,
			`decisions.csv:8:2: pair E1–E4 is both required (line 7) and forbidden (this line) (keep the row of the committee's final decision)`,
			`decisions.csv:9:6: mentee E1 already has a required pair on line 7 (require at most one pair per mentee)`,
			`decisions.csv:10:7: mentor E4 has capacity 1, already required on line 7 (require at most capacity pairs per mentor, or raise capacity in mentors.csv)`,
		},
	}, {
		name: "bad date",
		body: "kind,decision,move_id,date\nmove,forbid,M1,yesterday\n",
		want: []string{`decisions.csv:2:4: date "yesterday" is not a date (write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2024-03-31)`},
	}, {
		name: "empty file",
		body: "",
		want: []string{`decisions.csv:1:1: file is empty (give a decisions.csv with a header of kind, decision and the ids, one decision per row)`},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadDecisions(Source{Name: "decisions.csv", Data: []byte(tc.body)}, ReadOptions{}, ds)
			var ps Problems
			if got != nil || !errors.As(err, &ps) {
				t.Fatalf("got %v, %v; want problems", got, err)
			}
			if lines := strings.Split(err.Error(), "\n"); !slices.Equal(lines, tc.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", err, strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestMergePlanDecisions(t *testing.T) {
	ds := decisionsDataset()
	base, err := ReadDecisions(Source{Name: "decisions.csv", Data: []byte("kind,decision,move_id\nmove,require,M1\nmove,forbid,M4\n")}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := ReadPlanDecisions(Source{Name: "plan.csv", Data: []byte("move_id,status\nM1,chosen\nM2,not_chosen\nM4,chosen\n")}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	_, err = MergePlanDecisions(base, plan, ds)
	want := `plan.csv:4:1: move M4 is chosen here, but decisions.csv:3 forbids it (make the plan and decisions.csv agree)`
	if err == nil || err.Error() != want {
		t.Errorf("problems:\n%v\nwant:\n%s", err, want)
	}
	got, err := MergePlanDecisions(base, plan[:2], ds)
	if err != nil || len(got) != 1 || got[0].MoveID != "M2" {
		t.Errorf("merged %v, %v; want M2 only (M1 is already required)", got, err)
	}
	plan, _, err = ReadPlanDecisions(Source{Name: "plan.csv", Data: []byte("move_id,status\nM3,chosen\nM2,chosen\n")}, ReadOptions{}, ds)
	if err != nil {
		t.Fatal(err)
	}
	_, err = MergePlanDecisions(base, plan, ds)
	want = "plan.csv:2:1: position P1 has 1 opening(s), all required by decisions.csv (choose at most openings moves per position)\n" +
		"plan.csv:3:1: person E1 already has the move M1 required by decisions.csv:2 (choose at most one move per person)"
	if err == nil || err.Error() != want {
		t.Errorf("problems:\n%v\nwant:\n%s", err, want)
	}
}

// FuzzReadDecisions reads arbitrary decision files against a fixed cycle:
// either decisions on known moves and pairs that hold together (one row
// per move or pair, one required move per person and openings per
// position, one required pair per mentee), or problems that each name a
// place in the file.
func FuzzReadDecisions(f *testing.F) {
	f.Add([]byte("kind,decision,move_id,person_id,position_id,mentee_id,mentor_id,note\nmove,require,M1,,,,,\npair,forbid,,,,E2,E4,x\n"))
	f.Add([]byte("Nature;D\xe9cision;Mouvement;Mentor\xe9;Mentor\r\nmouvement;imposer;M1;;\r\nbin\xf4me;interdire;;E3;E4\r\n"))
	f.Add([]byte("kind,decision,move_id\nmove,require,M1\nmove,forbid,M1\nmove,require,M3\n,,\n"))
	f.Add([]byte("\xef\xbb\xbfkind\tdecision\tmentee_id\tmentor_id\npair\trequire\tE1\tE4\npair\trequire\tE2\tE4\n"))
	ds := decisionsDataset()
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := ReadDecisions(Source{Name: "decisions.csv", Data: b}, ReadOptions{}, ds)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 || got != nil {
				t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
			}
			for _, p := range ps {
				if p.Line < 1 || p.Col < 1 || strings.ContainsAny(p.String(), "\n\r") {
					t.Fatalf("problem without a place or on several lines: %#v", p)
				}
			}
			return
		}
		seen := map[string]bool{}
		person, position, mentee := map[string]bool{}, map[string]int{}, map[string]bool{}
		for _, d := range got {
			key := string(d.Kind) + d.MoveID + "|" + d.MenteeID + "|" + d.MentorID
			if seen[key] {
				t.Fatalf("decided twice: %+v", d)
			}
			seen[key] = true
			switch d.Kind {
			case model.DecideMove:
				i := slices.IndexFunc(ds.Moves, func(m model.Move) bool { return m.ID == d.MoveID })
				if i < 0 || ds.Moves[i].PersonID != d.PersonID || ds.Moves[i].PositionID != d.PositionID {
					t.Fatalf("unknown move %+v", d)
				}
				if d.Required() {
					if person[d.PersonID] {
						t.Fatalf("two required moves for %s", d.PersonID)
					}
					person[d.PersonID] = true
					if position[d.PositionID]++; d.PositionID == "P1" && position[d.PositionID] > 1 {
						t.Fatalf("P1 required twice")
					}
				}
			case model.DecidePair:
				if !slices.ContainsFunc(ds.Mentees, func(m model.Mentee) bool { return m.PersonID == d.MenteeID }) ||
					!slices.ContainsFunc(ds.Mentors, func(m model.Mentor) bool { return m.PersonID == d.MentorID }) {
					t.Fatalf("unknown pair %+v", d)
				}
				if d.Required() {
					if mentee[d.MenteeID] {
						t.Fatalf("two required pairs for %s", d.MenteeID)
					}
					mentee[d.MenteeID] = true
				}
			default:
				t.Fatalf("kind %q", d.Kind)
			}
		}
	})
}

// TestReadmeListsDecisionAliases checks that the README's alias table of
// decisions.csv names every column with all of its aliases.
func TestReadmeListsDecisionAliases(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Columns(FileDecisions) {
		name := c.Name
		if c.Required {
			name = "**" + name + "**"
		}
		if row := "| " + name + " | " + strings.Join(c.Aliases, ", ") + " |"; !strings.Contains(string(b), row) {
			t.Errorf("README.md lacks the row of decisions.csv column %s:\n%s", c.Name, row)
		}
	}
}
