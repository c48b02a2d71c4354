package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

// The fuzz targets feed arbitrary bytes as one input file, next to small
// valid other files, and check that nothing panics, that every error is a
// Problems whose problems point inside the file, one line each, in order,
// and that loading is deterministic. Seeds are the f.Add calls below, the
// twin test files, and the corpus files under testdata/fuzz.

// checkLoad loads in twice and checks the invariants.
func checkLoad(t *testing.T, in Inputs, fuzzed *Source) {
	ds, notes, err := Load(in, ReadOptions{})
	ds2, notes2, err2 := Load(in, ReadOptions{})
	if !cmp.Equal(ds, ds2) || !cmp.Equal(notes, notes2) || (err == nil) != (err2 == nil) ||
		(err != nil && err.Error() != err2.Error()) {
		t.Fatalf("Load is not deterministic")
	}
	lines := bytes.Count(fuzzed.Data, []byte{'\n'})
	if lines == 0 { // old Mac line ends
		lines = bytes.Count(fuzzed.Data, []byte{'\r'})
	}
	lines++
	if err == nil {
		if ds == nil {
			t.Fatal("no dataset and no error")
		}
		for _, p := range ds.People {
			if p.ID == "" || p.Name == "" {
				t.Fatalf("person without id or name: %+v", p)
			}
		}
		checkRowLines(t, in, ds, fuzzed, lines)
		return
	}
	var ps Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
	}
	if ds != nil {
		t.Fatal("dataset alongside problems")
	}
	for i, p := range ps {
		if p.Line < 0 || p.Col < 0 || p.File == "" || p.Msg == "" {
			t.Fatalf("bad problem %#v", p)
		}
		if strings.ContainsAny(p.String(), "\n\r") {
			t.Fatalf("problem spans lines: %q", p.String())
		}
		if p.File == fuzzed.Name && p.Line > lines {
			t.Fatalf("problem on line %d of a %d-line file: %s", p.Line, lines, p)
		}
		if i > 0 && ps[i-1].File == p.File && (ps[i-1].Line > p.Line || ps[i-1].Line == p.Line && ps[i-1].Col > p.Col) {
			t.Fatalf("problems out of order: %s then %s", ps[i-1], p)
		}
	}
}

// checkRowLines checks that the rows of the fuzzed file have lines inside
// it, increasing.
func checkRowLines(t *testing.T, in Inputs, ds *model.Dataset, fuzzed *Source, lines int) {
	var got []int
	switch fuzzed {
	case in.People:
		for _, r := range ds.People {
			got = append(got, r.Line)
		}
	case in.Positions:
		for _, r := range ds.Positions {
			got = append(got, r.Line)
			if r.Openings < 1 {
				t.Fatalf("openings %d", r.Openings)
			}
		}
	case in.Moves:
		for _, r := range ds.Moves {
			got = append(got, r.Line)
			for i, x := range r.Ratings {
				if x.OK && (x.V < 1 || x.V > 5 || model.Catalog[i].Source != model.SourceRated) {
					t.Fatalf("rating %v of %s", x, model.Catalog[i].ID)
				}
			}
		}
	case in.Mentors:
		for _, r := range ds.Mentors {
			got = append(got, r.Line)
			if r.Capacity < 0 {
				t.Fatalf("capacity %d", r.Capacity)
			}
		}
	case in.Mentees:
		for _, r := range ds.Mentees {
			got = append(got, r.Line)
		}
	case in.History:
		for _, r := range ds.History {
			got = append(got, r.Line)
			if r.Status != model.PairActive && r.Status != model.PairEnded {
				t.Fatalf("status %q", r.Status)
			}
		}
	}
	for i, l := range got {
		if l < 1 || l > lines || (i > 0 && got[i-1] >= l) {
			t.Fatalf("row lines %v in a %d-line file", got, lines)
		}
	}
}

// addSeeds adds the twin test files of the given name as seeds.
func addSeeds(f *testing.F, file string) {
	for _, dir := range []string{"utf8", "excel-fr"} {
		b, err := os.ReadFile(filepath.Join("testdata", dir, file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

var (
	fuzzMentors = src("mentors.csv", "person_id,capacity\n1,2\n2,1\n3,\n")
)

func FuzzLoadPeople(f *testing.F) {
	addSeeds(f, FilePeople)
	f.Add([]byte(basePeople))
	f.Add([]byte("id,name,manager_id\nA,Ann,B\nB,Bob,A\nC,Cy,C\n"))
	f.Add([]byte("\xEF\xBB\xBFid;nom;niveau\r\n1;\"H\xc3\xa9l\n\xc3\xa8ne\";7,0\r\n1;x;\r\n"))
	f.Add([]byte("sep=\t\nid\tname\n1\t\"a\"b\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "people.csv", Data: b}
		checkLoad(t, Inputs{People: fz}, fz)
	})
}

func FuzzLoadPositions(f *testing.F) {
	addSeeds(f, FilePositions)
	f.Add([]byte(basePositions))
	f.Add([]byte("id,title,openings,critical,new_role,country\nP1,T,0,maybe,x,zz\nP1,T,,,,fr\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "positions.csv", Data: b}
		checkLoad(t, Inputs{People: src("people.csv", basePeople), Positions: fz}, fz)
	})
}

func FuzzLoadMoves(f *testing.F) {
	addSeeds(f, FileMoves)
	f.Add([]byte("person_id,position_id,failure_visible,pressure\n4,P1,5,1\n9,P9,0,x\n4,P1,,\n"))
	f.Add([]byte("collaborateur;poste;soutien;échec possible et visible aux autres\n4;P1;2,5;3\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "moves.csv", Data: b}
		checkLoad(t, Inputs{People: src("people.csv", basePeople), Positions: src("positions.csv", basePositions), Moves: fz}, fz)
	})
}

func FuzzLoadMentors(f *testing.F) {
	addSeeds(f, FileMentors)
	f.Add([]byte("person_id,capacity,available,languages\n1,-1,maybe,FR|en\n1,2,,\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "mentors.csv", Data: b}
		checkLoad(t, Inputs{People: src("people.csv", basePeople), Mentors: fz}, fz)
	})
}

func FuzzLoadMentees(f *testing.F) {
	addSeeds(f, FileMentees)
	f.Add([]byte("person_id,preferences,avoid,priority\n4,1|4|9,1|2,4\n4,,,\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "mentees.csv", Data: b}
		checkLoad(t, Inputs{People: src("people.csv", basePeople), Mentors: fuzzMentors, Mentees: fz}, fz)
	})
}

func FuzzLoadHistory(f *testing.F) {
	addSeeds(f, FileHistory)
	f.Add([]byte("mentee_id,mentor_id,status,since\n4,4,paused,2024-02-30\n9,1,terminé,31/12/2023\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fz := &Source{Name: "history.csv", Data: b}
		checkLoad(t, Inputs{People: src("people.csv", basePeople), History: fz}, fz)
	})
}

func FuzzLoadConfig(f *testing.F) {
	f.Add(DefaultConfigYAML())
	f.Add([]byte("weights:\n  pressure: 2\n  nope: 1\nbands: {comfort_below: 70}\n"))
	f.Add([]byte("a: &x {b: 1}\nmatch:\n  <<: *x\n  min_fit: [1]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, err := LoadConfig(Source{Name: "config.yaml", Data: b})
		if err == nil {
			if cerr := cfg.Check(); cerr != nil {
				t.Fatalf("accepted a config that Check rejects: %v", cerr)
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
		}
		for _, p := range ps {
			if p.Line < 0 || p.Col < 0 || p.File != "config.yaml" {
				t.Fatalf("bad problem %#v", p)
			}
		}
	})
}

func FuzzReadMatrix(f *testing.F) {
	f.Add([]byte("r,c1,c2\na,1,x\nb,,-2.5\ncap,1,\n"))
	f.Add([]byte("\xEF\xBB\xBF;c1;c2\r\na;1,5;X\r\nb;2;3\r\n"))
	f.Add([]byte("r,c1,c1\na,abc\n,1,2\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, capRow := range []string{"", "cap"} {
			m, err := ReadMatrix(Source{Name: "m.csv", Data: b}, ReadOptions{}, capRow)
			if err == nil {
				if len(m.Cells) != len(m.Rows)*len(m.Cols) || len(m.Rows) == 0 || len(m.Cols) == 0 {
					t.Fatalf("shape %d×%d with %d cells", len(m.Rows), len(m.Cols), len(m.Cells))
				}
				if (capRow != "") != (m.Capacity != nil) || (m.Capacity != nil && len(m.Capacity) != len(m.Cols)) {
					t.Fatalf("capacity %v for %d columns", m.Capacity, len(m.Cols))
				}
				continue
			}
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 || m != nil {
				t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
			}
			for _, p := range ps {
				if p.Line < 0 || p.Col < 0 || strings.ContainsAny(p.String(), "\n\r") {
					t.Fatalf("bad problem %#v", p)
				}
			}
		}
	})
}

// FuzzReadPlanChoice reads arbitrary plan files against a fixed set of
// moves: either decisions on moves that exist, at most one chosen per
// person and one per position, each move once, or problems that each name
// a place in the file.
func FuzzReadPlanChoice(f *testing.F) {
	f.Add([]byte("move_id,person_id,status\nM1,E1,chosen\nM2,E1,not_chosen\nM3,E2,chosen\n"))
	f.Add([]byte("Id mouvement;Statut\r\nM1;choisi\r\nM9;choisi\r\n"))
	f.Add([]byte("move_id,status\nM1,chosen\nM2,chosen\n,chosen\nM3,maybe,extra\n'@M1,\n"))
	ds := &model.Dataset{Moves: []model.Move{{ID: "M1", PersonID: "E1", PositionID: "P1"}, {ID: "M2", PersonID: "E1", PositionID: "P2"},
		{ID: "M3", PersonID: "E2", PositionID: "P1"}}, Positions: []model.Position{{ID: "P1", Openings: 1}, {ID: "P2", Openings: 1}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, _, err := ReadPlanDecisions(Source{Name: "plan.csv", Data: b}, ReadOptions{}, ds)
		if err == nil {
			person, position, move := map[string]bool{}, map[string]bool{}, map[string]bool{}
			for _, d := range got {
				i := slices.IndexFunc(ds.Moves, func(m model.Move) bool { return m.ID == d.MoveID })
				if i < 0 || move[d.MoveID] {
					t.Fatalf("decisions %v: unknown move or a move twice", got)
				}
				move[d.MoveID] = true
				if d.Required() {
					if person[ds.Moves[i].PersonID] || position[ds.Moves[i].PositionID] {
						t.Fatalf("decisions %v: two chosen moves for one person or one opening", got)
					}
					person[ds.Moves[i].PersonID], position[ds.Moves[i].PositionID] = true, true
				}
			}
			return
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 || got != nil {
			t.Fatalf("error %T is not a non-empty Problems: %v", err, err)
		}
		for _, p := range ps {
			if p.Line < 1 || p.Col < 1 || strings.ContainsAny(p.String(), "\n\r") {
				t.Fatalf("problem without a place or on several lines: %#v", p)
			}
		}
	})
}

// BenchmarkLoadSmall measures one small cycle, the cost of one fuzz run.
func BenchmarkLoadSmall(b *testing.B) {
	in := Inputs{People: src("people.csv", basePeople), Positions: src("positions.csv", basePositions),
		Moves: src("moves.csv", "person_id,position_id,failure_visible\n4,P1,3\n5,P2,\n")}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Load(in, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
