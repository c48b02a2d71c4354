package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

const (
	prevPlan  = "move_id,person_id,position_id,challenge,band,value,status,reason,decision\nm1,e1,p1,52.5,stretch,0.9,chosen,,required\nm2,e2,p2,20.0,comfort,0.3,not_chosen,,\nm3,e3,p3,\"40,5\",stretch,0.6,chosen,,\n"
	prevPairs = "mentee_id,mentee_name,mentor_id,mentor_name,fit,tier,status\ne1,Eve,r1,Rob,80.0,2,new\ne2,Eli,r2,Rae,61.5,1,kept\n"
	prevGroup = "group_id,person_id,person_name\nG1,e1,Eve\nG1,e3,Ezra\nG2,e2,Eli\nG2,e4,Eno\n"
)

// writePack writes a previous pack into a new folder: files, and a run.json
// recording the hash of each (or of recorded[name] when given instead).
func writePack(t testing.TB, files map[string]string, recorded map[string]string, inputs string) string {
	t.Helper()
	dir := t.TempDir()
	var outs []string
	for _, name := range []string{FilePrevPlan, FilePrevPairs, FileDecisionCosts, FileGroups, FileGroupSessions} {
		body, ok := files[name]
		if !ok {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		rec := body
		if r, ok := recorded[name]; ok {
			rec = r
		}
		outs = append(outs, fmt.Sprintf("%q: {\"bytes\": %d, \"sha256\": %q}", name, len(rec), hashHex([]byte(rec))))
	}
	runJSON := fmt.Sprintf("{\"tool\": \"stretchmatch\", \"version\": \"t\", \"inputs\": {%s}, \"counts\": {}, \"outputs\": {%s}}\n",
		inputs, strings.Join(outs, ", "))
	if err := os.WriteFile(filepath.Join(dir, FileRunJSON), []byte(runJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestReadPrevious(t *testing.T) {
	dir := writePack(t, map[string]string{FilePrevPlan: prevPlan, FilePrevPairs: prevPairs, FileGroups: prevGroup,
		FileGroupSessions: "group_id,round,date\nG1,1,2026-01-10\nG1,2,10/02/2026\n"}, nil, "")
	prev, err := ReadPrevious(dir, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := model.Previous{
		Moves: []model.PrevMove{
			{MoveID: "m1", PersonID: "e1", PositionID: "p1", Band: "stretch", Challenge: model.Float(52.5), Decision: "required", Line: 2},
			{MoveID: "m3", PersonID: "e3", PositionID: "p3", Band: "stretch", Challenge: model.Float(40.5), Line: 4},
		},
		Pairs: []model.PrevPair{
			{MenteeID: "e1", MenteeName: "Eve", MentorID: "r1", MentorName: "Rob", Fit: model.Float(80), Tier: model.Int(2), Status: "new", Line: 2},
			{MenteeID: "e2", MenteeName: "Eli", MentorID: "r2", MentorName: "Rae", Fit: model.Float(61.5), Tier: model.Int(1), Status: "kept", Line: 3},
		},
		Groups:    []model.PrevGroup{{ID: "G1", Members: []string{"e1", "e3"}}, {ID: "G2", Members: []string{"e2", "e4"}}},
		Sessions:  []model.PrevSession{{GroupID: "G1", Date: "2026-01-10"}, {GroupID: "G1", Date: "2026-02-10"}},
		Decisions: true,
	}
	if diff := cmp.Diff(want, prev.Previous); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if prev.CommitteePlan || len(prev.Sources) != 5 {
		t.Errorf("committee plan %v, %d sources", prev.CommitteePlan, len(prev.Sources))
	}
}

func TestReadPreviousRefusesChangedFiles(t *testing.T) {
	for _, tt := range []struct {
		name     string
		files    map[string]string
		recorded map[string]string
		want     string
	}{
		{"edited plan", map[string]string{FilePrevPlan: prevPlan, FilePrevPairs: prevPairs},
			map[string]string{FilePrevPlan: prevPlan + "m9,e9,p9,1,comfort,0.1,chosen,,\n"},
			"plan.csv: the file does not match run.json: its SHA-256 is "},
		{"edited decision costs", map[string]string{FilePrevPlan: prevPlan, FilePrevPairs: prevPairs, FileDecisionCosts: "line,kind\n2,move\n"},
			map[string]string{FileDecisionCosts: "line,kind\n3,move\n"}, "decision_costs.csv: the file does not match run.json"},
		{"missing pairs", map[string]string{FilePrevPlan: prevPlan}, nil, "pairs.csv: file not found"},
	} {
		dir := writePack(t, tt.files, tt.recorded, "")
		_, err := ReadPrevious(dir, ReadOptions{})
		var ps Problems
		if !errors.As(err, &ps) || !strings.Contains(err.Error(), filepath.Join(dir, tt.want)) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
	// A recorded file that was deleted.
	dir := writePack(t, map[string]string{FilePrevPlan: prevPlan, FilePrevPairs: prevPairs, FileGroups: prevGroup}, nil, "")
	os.Remove(filepath.Join(dir, FileGroups))
	if _, err := ReadPrevious(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "groups.csv: file not found") {
		t.Errorf("deleted groups.csv: %v", err)
	}
	// run.json without outputs (an older version) cannot be checked.
	os.WriteFile(filepath.Join(dir, FileRunJSON), []byte(`{"tool":"stretchmatch","inputs":{}}`), 0o644)
	if _, err := ReadPrevious(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "run.json records no output files") {
		t.Errorf("no outputs: %v", err)
	}
	os.WriteFile(filepath.Join(dir, FileRunJSON), []byte(`{"tool":"other"}`), 0o644)
	if _, err := ReadPrevious(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "run.json:1:1: not a run record of stretchmatch") {
		t.Errorf("not a run record: %v", err)
	}
}

func TestReadPreviousFindsInputs(t *testing.T) {
	people := "id,name,manager_id,grade,position_id\nb,Bea,,9,\ne1,Eve,b,5,p0\n"
	positions := "id,title,manager_id,grade\np1,Lead,b,6\n"
	inputs := fmt.Sprintf("%q: {\"path\": \"q1/people.csv\", \"bytes\": 1, \"sha256\": %q}, %q: {\"path\": \"q1/positions.csv\", \"bytes\": 1, \"sha256\": %q}",
		FilePeople, hashHex([]byte(people)), FilePositions, hashHex([]byte(positions)))
	dir := writePack(t, map[string]string{FilePrevPlan: prevPlan, FilePrevPairs: prevPairs}, nil, inputs)
	// The recorded path, relative to the pack's parent folder.
	parent := filepath.Dir(dir)
	os.MkdirAll(filepath.Join(parent, "q1"), 0o755)
	os.WriteFile(filepath.Join(parent, "q1", FilePeople), []byte(people), 0o644)
	os.WriteFile(filepath.Join(parent, "q1", FilePositions), []byte(positions), 0o644)
	prev, err := ReadPrevious(dir, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(prev.People) != 2 || prev.People[1].PositionID != "p0" || len(prev.Positions) != 1 || prev.Positions[0].Grade.V != 6 {
		t.Errorf("inputs not read: %+v %+v", prev.People, prev.Positions)
	}
	// A copy in the pack that does not match is an error naming it.
	os.WriteFile(filepath.Join(dir, FilePeople), []byte(people+"x,Xi,b,1,\n"), 0o644)
	if _, err := ReadPrevious(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, FilePeople)+": the file does not match run.json") {
		t.Errorf("bad copy: %v", err)
	}
	// An input that changed since is simply not used.
	os.Remove(filepath.Join(dir, FilePeople))
	os.WriteFile(filepath.Join(parent, "q1", FilePeople), []byte(people+"x,Xi,b,1,\n"), 0o644)
	if prev, err = ReadPrevious(dir, ReadOptions{}); err != nil || prev.People != nil {
		t.Errorf("changed input: %v %v", prev, err)
	}
}

func TestReadPreviousBadCells(t *testing.T) {
	dir := writePack(t, map[string]string{FilePrevPlan: "move_id,person_id,status\nm1,e1,chosen\n",
		FilePrevPairs: "mentee_id,mentor_id,fit\ne1,r1,high\ne2\n"}, nil, "")
	_, err := ReadPrevious(dir, ReadOptions{})
	for _, want := range []string{
		filepath.Join(dir, "plan.csv") + `:1:4: missing column "position_id"`,
		filepath.Join(dir, "pairs.csv") + `:2:3: fit "high" is not a number`,
		filepath.Join(dir, "pairs.csv") + `:3:2: row has 1 fields but the header has 3`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in %v", want, err)
		}
	}
}

func TestReadCodevHistory(t *testing.T) {
	got, err := ReadCodevHistory(Source{Name: "codev_history.csv", Data: []byte("group_id;person_id;cycle\nG1;a;2025-Q4\nG1;b;2025-Q4\n")}, ReadOptions{})
	want := []model.CodevMembership{{GroupID: "G1", PersonID: "a", Cycle: "2025-Q4"}, {GroupID: "G1", PersonID: "b", Cycle: "2025-Q4"}}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := ReadCodevHistory(Source{Name: "c.csv", Data: []byte("group_id,person_id,cycle\nG1,,2025-Q4\n")}, ReadOptions{}); err == nil ||
		!strings.Contains(err.Error(), "c.csv:2:2: person_id is empty") {
		t.Errorf("empty cell: %v", err)
	}
}

// FuzzReadPreviousFiles feeds arbitrary bytes as each CSV file of a
// previous pack and checks that nothing panics, that reading is
// deterministic and that every problem names the file, on one line.
func FuzzReadPreviousFiles(f *testing.F) {
	f.Add([]byte(prevPlan))
	f.Add([]byte(prevPairs))
	f.Add([]byte(prevGroup))
	f.Add([]byte("move_id;person_id;position_id;status\r\nm1;e1;p1;chosen\r\n"))
	f.Add([]byte("group_id,date\nG1,31/01/2026\nG2,x\n"))
	f.Add([]byte("move_id,person_id\n\"m1,e1\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		read := func() (string, Problems) {
			p := &prevCSV{}
			var d bool
			src := Source{Name: "prev/x.csv", Data: b}
			out := fmt.Sprint(p.plan(src, &d), p.pairs(src, &d), p.groups(src), p.sessions(src), d)
			return out, p.ps
		}
		out, ps := read()
		out2, ps2 := read()
		if out != out2 || !cmp.Equal(ps, ps2) {
			t.Fatal("not deterministic")
		}
		for _, p := range ps {
			if p.File != "prev/x.csv" || p.Msg == "" || strings.ContainsAny(p.String(), "\n\r") {
				t.Fatalf("bad problem %#v", p)
			}
		}
	})
}
