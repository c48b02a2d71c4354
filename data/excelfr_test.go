package data

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

// TestExcelFrenchTwin loads testdata/utf8 (UTF-8, ',', LF, canonical
// English headers, ISO dates, decimal points) and testdata/excel-fr, the
// same cycle as French Excel saves it (Windows-1252, ';', CRLF, French
// headers in another order, decimal commas, French yes/no, site and status
// words, DD/MM/YYYY dates, an extra column and trailing ";;;" rows), and
// checks that both give exactly the same dataset.
func TestExcelFrenchTwin(t *testing.T) {
	load := func(dir string) (*model.Dataset, Notes) {
		t.Helper()
		in, err := ReadInputs(filepath.Join("testdata", dir), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		ds, notes, err := Load(in, ReadOptions{})
		if err != nil {
			t.Fatalf("%s:\n%v", dir, err)
		}
		return ds, notes
	}
	utf, _ := load("utf8")
	fr, frNotes := load("excel-fr")
	if diff := cmp.Diff(utf, fr); diff != "" {
		t.Errorf("datasets differ (-utf8 +excel-fr):\n%s", diff)
	}

	// The twin is not trivially equal: check a few values.
	if len(utf.People) != 10 || len(utf.Positions) != 3 || len(utf.Moves) != 4 ||
		len(utf.Mentors) != 4 || len(utf.Mentees) != 4 || len(utf.History) != 3 {
		t.Fatalf("counts: %d people, %d positions, %d moves, %d mentors, %d mentees, %d pairs",
			len(utf.People), len(utf.Positions), len(utf.Moves), len(utf.Mentors), len(utf.Mentees), len(utf.History))
	}
	want := model.Person{ID: "1", Name: "Hélène Dubœuf", Division: "Direction générale", Function: "Direction",
		Country: "FR", SiteType: "hq", RoleKind: "staff", Team: "Comex", Grade: model.Int(12), Headcount: model.Int(9),
		FunctionsHeld: []string{"Ventes", "Finance"}, Languages: []string{"fr", "en"}, Gender: "F",
		LearningOrientation: model.Float(4), Line: 2}
	if diff := cmp.Diff(want, fr.People[0]); diff != "" {
		t.Errorf("first person (-want +got):\n%s", diff)
	}
	if got := fr.People[6].Name; got != `Renée "Nini" Bœuf` {
		t.Errorf("quoted name: %q", got)
	}
	if m := fr.Moves[0]; m.Note != "Très motivé,\nà suivre de près" || m.Ratings[model.TakeCharge] != model.Float(3.5) || m.Line != 2 {
		t.Errorf("first move: %+v", m)
	}
	if m := fr.Moves[1]; m.Line != 4 || m.Support != model.Float(2.5) {
		t.Errorf("move after the two-line note: %+v", m)
	}
	if m := fr.Moves[2]; m.ID != "6>P03" {
		t.Errorf("default move id: %q", m.ID)
	}
	if h := fr.History[0]; h.Status != model.PairEnded || h.Since != "2023-01-15" {
		t.Errorf("history: %+v", h)
	}
	for _, f := range Files() {
		note := filepath.Join("testdata", "excel-fr", f) + ": encoding Windows-1252 (the bytes are not valid UTF-8); delimiter ';' (semicolon) detected from the header line"
		found := false
		for _, n := range frNotes {
			found = found || n == note
		}
		if !found {
			t.Errorf("no note %q in:\n%s", note, strings.Join(frNotes, "\n"))
		}
	}
}
