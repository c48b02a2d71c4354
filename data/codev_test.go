package data

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

const codevPeople = "id,name,team\nA,Ann,T1\nB,Bob,T2\nC,Cat,T3\nD,Dan,T4\n"

func codevDataset(t *testing.T) *model.Dataset {
	t.Helper()
	return mustLoad(t, Inputs{People: src("people.csv", codevPeople)}, ReadOptions{})
}

func codevProblems(t *testing.T, codev, history string) []string {
	t.Helper()
	var h *Source
	if history != "" {
		h = src("codev_history.csv", history)
	}
	_, _, err := LoadCodev(src("codev.csv", codev), h, codevDataset(t), ReadOptions{})
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestLoadCodev(t *testing.T) {
	ds := codevDataset(t)
	// French headers, a mode in French, a list, a BOM and CRLF.
	codev := "\ufeffMatricule;Modalité;À éviter;Commentaire\r\nA;présentiel;B|C;\r\nB;;;remote by default\r\nC;Distanciel;;\r\n"
	hist := "groupe,membre,période\nG1,A,2025-Q1\nG1,B,2025-Q1\nG2,Z,2025-Q2\n"
	cv, notes, err := LoadCodev(src("codev.csv", codev), src("codev_history.csv", hist), ds, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := &model.Codev{
		Volunteers: []model.CodevVolunteer{
			{PersonID: "A", Mode: model.CodevInPerson, Avoid: []string{"B", "C"}, Line: 2},
			{PersonID: "B", Mode: model.CodevRemote, Note: "remote by default", Line: 3},
			{PersonID: "C", Mode: model.CodevRemote, Line: 4},
		},
		History: []model.CodevHistoryRow{
			{GroupID: "G1", PersonID: "A", Cycle: "2025-Q1", Line: 2},
			{GroupID: "G1", PersonID: "B", Cycle: "2025-Q1", Line: 3},
			{GroupID: "G2", PersonID: "Z", Cycle: "2025-Q2", Line: 4},
		},
	}
	if diff := cmp.Diff(want, cv); diff != "" {
		t.Errorf("codev (-want +got):\n%s", diff)
	}
	if !strings.Contains(strings.Join(notes, "\n"), "codev_history.csv: 1 earlier members no longer in people.csv: Z") {
		t.Errorf("notes: %q", notes)
	}
}

func TestLoadCodevProblems(t *testing.T) {
	got := codevProblems(t,
		"person_id,mode,avoid\nA,bike,A\nZ,,Y\nA,remote,\n,remote,\nB,remote,C,extra\n",
		"group_id,person_id,cycle\nG1,A,2025-Q1\nG1,A,2025-Q1\nG1,B,2025-Q2\n,C,\n")
	want := []string{
		`codev.csv:2:2: mode "bike" is neither in_person nor remote (write in_person or remote, or présentiel or distanciel, or leave the cell empty for remote)`,
		`codev.csv:2:3: volunteer "A" lists themselves in avoid (remove A from avoid)`,
		`codev.csv:3:1: person_id "Z" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
		`codev.csv:3:3: avoid names "Y", who is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
		`codev.csv:4:1: volunteer "A" is listed twice: first on line 2 (keep one row per volunteer)`,
		`codev.csv:5:1: person_id is empty (fill in the person_id, or remove the row)`,
		`codev.csv:6:4: row has 4 fields but the header has 3 (check for a missing or extra comma, and put cells that contain one in quotes)`,
		`codev_history.csv:3:2: "A" is listed twice in group "G1": first on line 2 (keep one row per member of each group)`,
		`codev_history.csv:4:3: group "G1" is in cycle "2025-Q1" on line 2, not "2025-Q2" (give every row of a group the same cycle, or give the groups of different cycles different ids)`,
		`codev_history.csv:5:1: group_id is empty (fill in the group_id, or remove the row)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, c := range []struct{ codev, want string }{
		{"", "codev.csv:1:1: file is empty (export the table again with its header row)"},
		{"person_id\n", "codev.csv:1:1: the file has a header but no volunteers (add one row per volunteer below the header)"},
		{"mode\nremote\n", `codev.csv:1:2: missing required column "person_id" (add a column named person_id to the header; other accepted names include volunteer, volunteer id, employee id, matricule)`},
	} {
		if got := codevProblems(t, c.codev, ""); len(got) != 1 || got[0] != c.want {
			t.Errorf("%q: %q, want %q", c.codev, got, c.want)
		}
	}
}

func TestEncodeCodevRoundTrip(t *testing.T) {
	cv := &model.Codev{Volunteers: []model.CodevVolunteer{
		{PersonID: "A", Mode: model.CodevInPerson, Avoid: []string{"B"}, Note: "=note", Line: 2},
		{PersonID: "B", Mode: model.CodevRemote, Line: 3},
	}}
	s, err := EncodeCodev(cv)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := LoadCodev(s, nil, codevDataset(t), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Neutralised on the way out like every output, read back as written.
	if diff := cmp.Diff(cv, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestSampleCodev(t *testing.T) {
	in, err := SampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	ds := mustLoad(t, in, ReadOptions{})
	c, h := SampleCodevInputs()
	cv, _, err := LoadCodev(c, h, ds, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cv.Volunteers); n < 35 || n > 50 {
		t.Errorf("the sample has %d volunteers, want about 40", n)
	}
}

// TestReadmeListsCodevAliases checks that the README names every column of
// codev.csv and codev_history.csv with all its aliases.
func TestReadmeListsCodevAliases(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range CodevFiles() {
		for _, c := range Columns(f) {
			name := c.Name
			if c.Required {
				name = "**" + name + "**"
			}
			row := "| " + name + " | " + strings.Join(c.Aliases, ", ") + " |"
			if !bytes.Contains(b, []byte(row)) {
				t.Errorf("README.md lacks the row of %s column %s:\n%s", f, c.Name, row)
			}
		}
	}
}

// FuzzLoadCodev feeds arbitrary bytes as codev.csv and as
// codev_history.csv: nothing panics, every error is a Problems pointing
// inside the files, and loading is deterministic.
func FuzzLoadCodev(f *testing.F) {
	f.Add([]byte("person_id,mode,avoid,note\nA,in_person,B,\nB,remote,,\n"), []byte("group_id,person_id,cycle\nG,A,1\n"))
	f.Add([]byte("Matricule;Modalité\nA;présentiel\n"), []byte(""))
	f.Add([]byte("person_id\n\"A\nB\",x\n"), []byte("group_id\nG\n"))
	f.Add([]byte("\xff\xfeperson_id\n"), []byte("group_id,person_id\nG,A\nG,A\n"))
	f.Fuzz(func(t *testing.T, codev, hist []byte) {
		ds := &model.Dataset{People: []model.Person{{ID: "A", Name: "Ann"}, {ID: "B", Name: "Bob"}}}
		var h *Source
		if len(hist) > 0 {
			h = &Source{Name: "codev_history.csv", Data: hist}
		}
		c := &Source{Name: "codev.csv", Data: codev}
		cv, notes, err := LoadCodev(c, h, ds, ReadOptions{})
		cv2, notes2, err2 := LoadCodev(c, h, ds, ReadOptions{})
		if !cmp.Equal(cv, cv2) || !cmp.Equal(notes, notes2) || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatal("LoadCodev is not deterministic")
		}
		if err == nil {
			for _, v := range cv.Volunteers {
				if v.PersonID != "A" && v.PersonID != "B" {
					t.Fatalf("unknown volunteer %q accepted", v.PersonID)
				}
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 || cv != nil {
			t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
		}
		for _, p := range ps {
			if p.File != "codev.csv" && p.File != "codev_history.csv" || p.Msg == "" || strings.ContainsAny(p.String(), "\n\r") {
				t.Fatalf("bad problem %#v", p)
			}
		}
	})
}

func TestCodevConfig(t *testing.T) {
	cfg, err := LoadConfig(Source{Name: "config.yaml", Data: []byte("codev:\n  min_size: 3\n  animator: fixed\n  weights:\n    variety: 0\n")})
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultCodev()
	want.MinSize, want.Animator, want.Weights.Variety = 3, model.AnimatorFixed, 0
	if diff := cmp.Diff(want, cfg.Codev); diff != "" {
		t.Errorf("codev config (-want +got):\n%s", diff)
	}
	for _, c := range []struct{ yaml, want string }{
		{"codev:\n  min_size: 4\n  max_size: 3\n", "config.yaml:3:3: codev.max_size: must be at least codev.min_size (4), got 3 (fix the value, or remove the key to keep the default)"},
		{"codev:\n  animator: random\n", `config.yaml:2:3: codev.animator: must be rotating or fixed, got "random" (fix the value, or remove the key to keep the default)`},
		{"codev:\n  gender: maybe\n", `config.yaml:2:3: codev.gender: must be rule, weight or off, got "maybe" (fix the value, or remove the key to keep the default)`},
		{"codev:\n  no_repeat: -1\n", "config.yaml:2:3: codev.no_repeat: must be ≥ 0 (0 lifts the rule), got -1 (fix the value, or remove the key to keep the default)"},
		{"codev:\n  weights:\n    function: 0\n    grade: 0\n    challenge: 0\n    variety: 0\n", "config.yaml:2:3: codev.weights: at least one weight in use must be above 0 (fix the value, or remove the key to keep the default)"},
	} {
		_, err := LoadConfig(Source{Name: "config.yaml", Data: []byte(c.yaml)})
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.yaml, err, c.want)
		}
	}
	// The default file init writes reads back as the defaults.
	back, err := LoadConfig(Source{Name: "config.yaml", Data: DefaultConfigYAML()})
	if err != nil || !cmp.Equal(back.Codev, model.DefaultCodev()) {
		t.Errorf("default config: %+v, %v", back.Codev, err)
	}
}
