package data

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestNameReplacer(t *testing.T) {
	people := []model.Person{{ID: "1", Name: "Ann Lee"}, {ID: "2", Name: "Ann Leeds"}, {ID: "3", Name: "Bo"}, {ID: "4", Name: "Ann Lee"}}
	r := NameReplacer(people, func(id, _ string) string { return "P" + id })
	got := r.Replace(`"Ann Leeds" and "Ann Lee" prefer Bo`)
	if want := `"P2" and "P1" prefer Bo`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	ps := Problems{{File: "f", Line: 2, Msg: `"Ann Lee" is not a mentee`, Hint: "ask Ann Leeds"}}
	red := ps.Redact(r)
	if red[0].Msg != `"P1" is not a mentee` || red[0].Hint != "ask P2" || ps[0].Msg != `"Ann Lee" is not a mentee` {
		t.Errorf("Redact: %+v (input %+v)", red, ps)
	}
	if NameReplacer([]model.Person{{ID: "1", Name: "Al"}}, nil) != nil {
		t.Error("a name of 2 characters gives a replacer")
	}
}
