package data

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

// TestBoundsAtLimitAndBeyond: every whole number of the input files is
// accepted up to model.MaxWhole and refused one beyond, at its cell, so
// that nothing fails later without a place (a capacity of 2147483648 used
// to fail inside the solver).
func TestBoundsAtLimitAndBeyond(t *testing.T) {
	at := strconv.Itoa(model.MaxWhole)
	over := strconv.Itoa(model.MaxWhole + 1)
	in := func(v string) Inputs {
		return Inputs{
			People:    src("people.csv", "id,name,grade,headcount\n1,Ann,"+v+","+v+"\n2,Bob,-"+v+",\n"),
			Positions: src("positions.csv", "id,title,openings\nP1,Lead,"+v+"\n"),
			Mentors:   src("mentors.csv", "person_id,capacity\n1,"+v+"\n"),
		}
	}
	ds := mustLoad(t, in(at), ReadOptions{})
	if ds.People[0].Grade.V != model.MaxWhole || ds.People[1].Grade.V != -model.MaxWhole || ds.Positions[0].Openings != model.MaxWhole || ds.Mentors[0].Capacity != model.MaxWhole {
		t.Errorf("values at the limit: %+v %+v %+v", ds.People, ds.Positions, ds.Mentors)
	}
	got := problemLines(t, in(over), ReadOptions{})
	want := []string{
		`people.csv:2:3: grade "1000000001" is too large: at most 1000000000 in magnitude (write a whole number, higher for more senior, or leave the cell empty)`,
		`people.csv:2:4: headcount "1000000001" is too large: at most 1000000000 in magnitude (write a whole number, 0 or more, or leave the cell empty)`,
		`people.csv:3:3: grade "-1000000001" is too large: at most 1000000000 in magnitude (write a whole number, higher for more senior, or leave the cell empty)`,
		`positions.csv:2:3: openings "1000000001" is too large: at most 1000000000 in magnitude (write how many people the position takes, 1 or more, or leave the cell empty for 1)`,
		`mentors.csv:2:2: capacity "1000000001" is too large: at most 1000000000 in magnitude (write a whole number, 0 or more, or leave the cell empty)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestMatrixCostBound(t *testing.T) {
	m, err := ReadMatrix(Source{Name: "m.csv", Data: []byte("r,a\nr1,9007199254740991\nr2,-9007199254740991\n")}, ReadOptions{}, "")
	if err != nil || m.Cells[0] != model.MaxExactCost || m.Cells[1] != -model.MaxExactCost {
		t.Fatalf("at the limit: %v %v", m, err)
	}
	_, err = ReadMatrix(Source{Name: "m.csv", Data: []byte("r,a,b\nr1,9007199254740992,-100000000000000000\n")}, ReadOptions{}, "")
	want := "m.csv:2:2: \"9007199254740992\" is too large to be computed exactly: at most 9007199254740991 in magnitude (scale every value of the matrix down, dividing them all by the same number)\n" +
		"m.csv:2:3: \"-100000000000000000\" is too large to be computed exactly: at most 9007199254740991 in magnitude (scale every value of the matrix down, dividing them all by the same number)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	_, err = ReadMatrix(Source{Name: "m.csv", Data: []byte("r,a,b\ncap,1000000000,1000000001\nr1,1,2\n")}, ReadOptions{}, "cap")
	want = `m.csv:2:3: capacity "1000000001" is too large: at most 1000000000 in magnitude (write how many rows the column can take, 0 or more, or leave the cell empty for 1)`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestConfigBounds: a weight of 1e308 used to make every challenge NaN;
// weights are bounded, at their YAML line and column.
func TestConfigBounds(t *testing.T) {
	if _, err := LoadConfig(Source{Name: "config.yaml", Data: []byte("weights:\n  pressure: 1000\n")}); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	for _, tt := range []struct{ yaml, want string }{
		{"weights:\n  pressure: 1e308\n", "config.yaml:2:3: weights.pressure: must be a number from 0 to 1000, got 1e+308 (fix the value, or remove the key to keep the default)"},
		{"weights:\n  pressure: 1000.5\n", "config.yaml:2:3: weights.pressure: must be a number from 0 to 1000, got 1000.5 (fix the value, or remove the key to keep the default)"},
		{"match:\n  fit_weights:\n    location: 1001\n", "config.yaml:3:5: match.fit_weights.location: must be a number from 0 to 1000, got 1001 (fix the value, or remove the key to keep the default)"},
		{"match:\n  default_capacity: 2147483648\n", "config.yaml:2:3: match.default_capacity: must be from 0 to 1000000000, got 2147483648 (fix the value, or remove the key to keep the default)"},
	} {
		_, err := LoadConfig(Source{Name: "config.yaml", Data: []byte(tt.yaml)})
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: err = %v\nwant %s", tt.yaml, err, tt.want)
		}
	}
}
