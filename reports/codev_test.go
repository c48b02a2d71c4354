package reports

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
)

func codevFixture() (*codev.Result, [][]codev.Session) {
	person := func(id, fn, div, country string, grade int) *model.Person {
		return &model.Person{ID: id, Name: "Name " + id, Function: fn, Division: div, Country: country, SiteType: "hq",
			Grade: model.OptInt{V: grade, OK: true}}
	}
	vol := func(mode model.CodevMode) *model.CodevVolunteer { return &model.CodevVolunteer{Mode: mode} }
	ms := []*codev.Member{
		{Person: person("A", "Finance", "D1", "FR", 6), Volunteer: vol(model.CodevInPerson), HasMove: true, Challenge: []string{"change_country", "take_charge"}},
		{Person: person("B", "Finance", "D2", "FR", 7), Volunteer: vol(model.CodevRemote), HasMove: true, Challenge: []string{"change_country"}},
		{Person: person("C", "Sales", "D2", "DE", 8), Volunteer: vol(model.CodevRemote)},
	}
	r := &codev.Result{
		Groups: []codev.Group{{ID: "G01", Members: ms, Score: 71.25, Languages: []string{"en", "fr"}, Order: ms,
			Parts: codev.Components{Function: 1.0 / 3, Grade: 1, Challenge: 0.5, Variety: 0.75, Gender: 1}}},
		Unplaced: []codev.Unplaced{{Member: &codev.Member{Person: person("Z", "IT", "D3", "US", 9)}, Reason: codev.ReasonTooFew,
			Compatible: 1, Excluded: [codev.NumRules]int{0: 2, 2: 1, 7: 3}}},
		Worst: 71.25, Total: 71.25, Bound: 75.5,
	}
	cal := [][]codev.Session{codev.Calendar(&r.Groups[0], codev.Schedule{Start: time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC),
		Every: codev.Period{N: 4}, Animator: model.AnimatorRotating})}
	return r, cal
}

func TestCodevTables(t *testing.T) {
	r, cal := codevFixture()
	g := GroupsTable(r, EN, Namer{})
	if got, want := g.Rows[0], []string{"G01", "A", "Name A", "Finance", "6", "D1", "FR", "en|fr", "in_person", "71.3",
		"same function: Finance (2 of 3); grades 6–8; shared challenge: change_country (2); 2 divisions, 2 sites; language: en, fr"}; !cmp.Equal(got, want) {
		t.Errorf("groups row (-want +got):\n%s", cmp.Diff(want, got))
	}
	s := GroupSessionsTable(r, cal, EN, Namer{Redact: true})
	if got := s.Rows[1]; got[0] != "G01" || got[1] != "2" || got[2] != "2026-02-09" || got[3] != "B" || got[4] != "C" || got[5] != "A" ||
		got[6] == "Name B" || got[6] != Pseudonym("B") {
		t.Errorf("session row %v", got)
	}
	u := CodevUnplacedTable(r, FR, Namer{}, 5)
	if got, want := u.Rows[0], []string{"Z", "Name Z", "moins de 4 volontaires peuvent partager leur groupe (1 le peuvent)",
		"same_line=2|same_team=1|no_common_language=3"}; !cmp.Equal(got, want) {
		t.Errorf("unplaced row (-want +got):\n%s", cmp.Diff(want, got))
	}
	sum := GroupSummaryTable(r, EN)
	if got := strings.Join(sum.Rows[0][:8], ","); got != "G01,3,71.3,33.3,100.0,50.0,75.0,100.0" {
		t.Errorf("summary row %s", got)
	}
	if got := CodevObjective(r, EN); got != "Worst group 71.3, bound 75.5: within 4.2. Total 71.3." {
		t.Errorf("objective %q", got)
	}
	if got := GroupReasons(&r.Groups[0], FR); !strings.HasPrefix(got, "même fonction : Finance (2 sur 3); niveaux 6 à 8; défi commun : change_country (2)") {
		t.Errorf("French reasons %q", got)
	}
	cfg := model.DefaultCodev()
	sec := CodevSection(r, cal, &cfg, EN, Namer{})
	if sec.Name != "codev" || len(sec.Tables) != 4 || !strings.Contains(sec.Intro, "1 groups of 5 to 8 members from 4 volunteers, 1 without a group") {
		t.Errorf("section %q: %q, %d tables", sec.Name, sec.Intro, len(sec.Tables))
	}
}
