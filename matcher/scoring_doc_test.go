package matcher

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/model"
)

// The worked example of docs/scoring.md follows move M073 of the embedded
// sample through every step of scoring. This test asserts each number and
// fact the document states, formatted with the decimals the document uses.
// These expectations are written here by hand; the test that reads the
// document itself and compares its numbers with the code is
// cmd/stretchmatch/docs_numbers_test.go. When either fails, fix the document
// (or the code), then the tests.

// docNum formats v with d decimals, as the document writes it.
func docNum(v float64, d int) string { return fmt.Sprintf("%.*f", d, v) }

// sampleForDoc loads the embedded sample with the default configuration.
func sampleForDoc(t *testing.T) (*model.Config, *model.Dataset, []Score) {
	t.Helper()
	in, err := data.SampleInputs()
	if err != nil {
		t.Fatalf("SampleInputs: %v", err)
	}
	ds, _, err := data.Load(in, data.ReadOptions{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	cfg := model.Default()
	scores, err := ScoreAll(&cfg, ds, NewIndex(ds))
	if err != nil {
		t.Fatalf("ScoreAll: %v", err)
	}
	return &cfg, ds, scores
}

func scoreOf(t *testing.T, scores []Score, id string) *Score {
	t.Helper()
	for i := range scores {
		if scores[i].Move.ID == id {
			return &scores[i]
		}
	}
	t.Fatalf("move %s not in the sample", id)
	return nil
}

func TestScoringDocInputs(t *testing.T) {
	// Step 1 quotes these header and data lines verbatim.
	quoted := map[string][]string{
		"people.csv": {
			"id,name,manager_id,division,function,country,site_type,role_kind,product_line,team,grade,headcount,functions_held,languages,gender,learning_orientation",
			"E0430,Stefan Kühn,E0258,Operations,Manufacturing,DE,field,line,,Stuttgart Assembly,6,,,de|en,M,4",
		},
		"positions.csv": {
			"id,title,manager_id,division,function,country,site_type,role_kind,product_line,team,grade,headcount,new_role,critical,openings",
			`P024,"Quality Lab Manager, Stuttgart",E0355,Operations,Quality,DE,field,staff,,Stuttgart Quality Lab,7,3,no,no,1`,
		},
		"moves.csv": {
			"id,person_id,position_id,proposed_by,failure_visible,take_charge,pressure,influence_without_authority,ambiguity,high_visibility,team_building,strategic,boss_extreme,something_missing,support,note",
			"M073,E0430,P024,E0258,4,,3,,1,3,1,3,3,5,,",
		},
	}
	for name, lines := range quoted {
		b, err := fs.ReadFile(data.SampleFS(), name)
		if err != nil {
			t.Fatal(err)
		}
		have := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
		for _, l := range lines {
			if !slices.Contains(have, l) {
				t.Errorf("%s has no line %q", name, l)
			}
		}
	}

	_, _, scores := sampleForDoc(t)
	s := scoreOf(t, scores, "M073")
	p, pos, mv := s.Person, s.Position, s.Move

	// Step 1: the cells quoted from people.csv, positions.csv and moves.csv.
	if p.ID != "E0430" || p.Name != "Stefan Kühn" || pos.ID != "P024" ||
		pos.Title != "Quality Lab Manager, Stuttgart" || mv.ProposedBy != "E0258" {
		t.Errorf("M073 is %s %s → %s %q proposed by %s", p.ID, p.Name, pos.ID, pos.Title, mv.ProposedBy)
	}
	cur, tgt := p.Job(), pos.Job()
	fields := []struct{ name, cur, tgt, wantCur, wantTgt string }{
		{"division", cur.Division, tgt.Division, "Operations", "Operations"},
		{"function", cur.Function, tgt.Function, "Manufacturing", "Quality"},
		{"country", cur.Country, tgt.Country, "DE", "DE"},
		{"site_type", cur.SiteType, tgt.SiteType, "field", "field"},
		{"role_kind", cur.RoleKind, tgt.RoleKind, "line", "staff"},
		{"product_line", cur.ProductLine, tgt.ProductLine, "", ""},
		{"team", cur.Team, tgt.Team, "Stuttgart Assembly", "Stuttgart Quality Lab"},
		{"grade", cur.Grade.String(), tgt.Grade.String(), "6", "7"},
		{"headcount", cur.Headcount.String(), tgt.Headcount.String(), "", "3"},
	}
	for _, f := range fields {
		if f.cur != f.wantCur || f.tgt != f.wantTgt {
			t.Errorf("%s: %q → %q, the document says %q → %q", f.name, f.cur, f.tgt, f.wantCur, f.wantTgt)
		}
	}
	if len(p.FunctionsHeld) != 0 {
		t.Errorf("functions_held = %v, the document says empty", p.FunctionsHeld)
	}
	if !p.LearningOrientation.OK || p.LearningOrientation.V != 4 {
		t.Errorf("learning_orientation = %+v, the document says 4", p.LearningOrientation)
	}
	if pos.NewRole || pos.Critical {
		t.Errorf("new_role %v, critical %v: the document says no, no", pos.NewRole, pos.Critical)
	}
	if mv.Support.OK {
		t.Errorf("support = %v, the document says blank", mv.Support.V)
	}
	ratings := map[string]string{ // "" = blank cell
		"failure_visible": "4", "take_charge": "", "pressure": "3",
		"influence_without_authority": "", "ambiguity": "1", "high_visibility": "3",
		"team_building": "1", "strategic": "3", "boss_extreme": "3", "something_missing": "5",
	}
	for id, want := range ratings {
		r := mv.Ratings[model.CriterionIndex(id)]
		got := ""
		if r.OK {
			got = docNum(r.V, 0)
		}
		if got != want {
			t.Errorf("rating %s = %q, the document says %q", id, got, want)
		}
	}
}

func TestScoringDocCriteria(t *testing.T) {
	cfg, _, scores := sampleForDoc(t)
	s := scoreOf(t, scores, "M073")
	w := cfg.WeightVector()

	// Step 3: every criterion's weight, x, origin, w·x and points of C.
	want := []struct {
		id, w, x string
		origin   model.Origin
		wx, pts  string
	}{
		{"failure_visible", "1.00", "0.75", model.OriginRated, "0.750", "5.8"},
		{"take_charge", "1.00", "0.00", model.OriginNone, "0.000", "0.0"},
		{"new_team", "1.00", "0.83", model.OriginDerived, "0.833", "6.4"},
		{"pressure", "0.75", "0.50", model.OriginRated, "0.375", "2.9"},
		{"influence_without_authority", "1.00", "0.50", model.OriginProxy, "0.500", "3.8"},
		{"ambiguity", "1.00", "0.00", model.OriginRated, "0.000", "0.0"},
		{"high_visibility", "0.50", "0.50", model.OriginRated, "0.250", "1.9"},
		{"team_building", "1.00", "0.00", model.OriginRated, "0.000", "0.0"},
		{"strategic", "1.00", "0.50", model.OriginRated, "0.500", "3.8"},
		{"boss_extreme", "0.25", "0.50", model.OriginRated, "0.125", "1.0"},
		{"something_missing", "0.50", "1.00", model.OriginRated, "0.500", "3.8"},
		{"stakes_shift", "1.00", "1.00", model.OriginDerived, "1.000", "7.7"},
		{"abrupt_leap", "1.00", "1.00", model.OriginDerived, "1.000", "7.7"},
		{"first_time_function", "1.00", "1.00", model.OriginDerived, "1.000", "7.7"},
		{"new_conditions", "1.00", "1.00", model.OriginDerived, "1.000", "7.7"},
	}
	if len(want) != model.NumCriteria {
		t.Fatalf("the document lists %d criteria, the catalog %d", len(want), model.NumCriteria)
	}
	sumW, sumWX := 0.0, 0.0
	for i, c := range want {
		if model.Catalog[i].ID != c.id {
			t.Fatalf("row %d: the document lists %s, the catalog %s", i, c.id, model.Catalog[i].ID)
		}
		sumW += w[i]
		sumWX += w[i] * s.X[i]
		got := []string{docNum(w[i], 2), docNum(s.X[i], 2), s.Origin[i].String(),
			docNum(w[i]*s.X[i], 3), docNum(100*w[i]*s.X[i]/13, 1)}
		exp := []string{c.w, c.x, c.origin.String(), c.wx, c.pts}
		if !slices.Equal(got, exp) {
			t.Errorf("%s: w, x, origin, w·x, points = %v, the document says %v", c.id, got, exp)
		}
	}

	// new_team = 0.5·change_team + 0.5·growth, growth = log2((3+1)/(0+1))/3.
	if g := (s.X[model.NewTeam] - 0.5) / 0.5; docNum(g, 2) != "0.67" {
		t.Errorf("new_team growth part = %s, the document says 0.67", docNum(g, 2))
	}

	// Step 4: the challenge.
	if docNum(sumW, 2) != "13.00" || docNum(sumWX, 3) != "7.833" {
		t.Errorf("Σw = %s, Σw·x = %s; the document says 13.00 and 7.833", docNum(sumW, 2), docNum(sumWX, 3))
	}
	if docNum(s.Challenge, 2) != "60.26" || docNum(s.Challenge, 1) != "60.3" {
		t.Errorf("C = %v; the document says 60.26, printed 60.3", s.Challenge)
	}
}

func TestScoringDocFlags(t *testing.T) {
	_, _, scores := sampleForDoc(t)
	s := scoreOf(t, scores, "M073")

	// Step 2: the move flags set; every other flag is 0.
	set := []string{"change_function", "change_team", "line_to_staff", "first_management"}
	var got []string
	for i, f := range model.Flags {
		if s.Flags[i] {
			got = append(got, f.ID)
		}
	}
	if !slices.Equal(got, set) {
		t.Errorf("flags set = %v, the document says %v", got, set)
	}
	structural := 0
	for i, f := range model.Flags {
		if s.Flags[i] && f.Structural {
			structural++
		}
	}
	if structural != 3 {
		t.Errorf("%d structural flags set, the document says 3", structural)
	}
	if model.Flags[model.ChangeTeam].Structural {
		t.Error("change_team is structural; the document says it is not")
	}
}

func TestScoringDocVerdict(t *testing.T) {
	cfg, _, scores := sampleForDoc(t)
	s := scoreOf(t, scores, "M073")

	// Step 5: support, peak, band.
	if docNum(s.Support, 2) != "0.75" {
		t.Errorf("S = %v, the document says 0.75", s.Support)
	}
	if p := s.Peak(cfg); docNum(p, 2) != "67.50" {
		t.Errorf("P = %v, the document says 67.50", p)
	}
	if cfg.Bands.ComfortBelow != 25 || cfg.Bands.StretchBase != 60 || cfg.Bands.StretchSupport != 10 {
		t.Errorf("bands %+v, the document uses 25, 60 and 10", cfg.Bands)
	}
	if s.Band != Stretch {
		t.Errorf("band %s, the document says stretch", s.Band)
	}

	// Step 6: no hard trigger; many_changes counts 2 of its 5 items.
	if len(s.Triggers) != 0 {
		t.Errorf("triggers %v, the document says none", s.Triggers)
	}
	f := &s.Flags
	items := 0
	for _, c := range []bool{f[model.ChangeFunction], f[model.ChangeCountry], f[model.ChangeDivision],
		f[model.StaffToLine] || f[model.LineToStaff], f[model.GradeJump]} {
		if c {
			items++
		}
	}
	if items != 2 || cfg.Triggers.ManyChanges != 3 {
		t.Errorf("many_changes counts %d items (fires at %d), the document says 2 (fires at 3)", items, cfg.Triggers.ManyChanges)
	}
	if s.X[model.FirstTimeFunction] != 1 || !f[model.FirstManagement] || f[model.ChangeCountry] {
		t.Error("first_time_abroad_manager: the document says first_time_function 1, first_management yes, change_country no")
	}

	// Step 7: the strategic move.
	if !s.Strategic || cfg.StrategicMin != 0.5 {
		t.Errorf("strategic %v (threshold %v), the document says yes (0.5)", s.Strategic, cfg.StrategicMin)
	}
	held := []string{"stakes_shift", "abrupt_leap", "first_time_function", "new_conditions"}
	if got := s.ConditionsHeld(cfg); !slices.Equal(got, held) {
		t.Errorf("conditions held %v, the document says %v", got, held)
	}

	// Step 8: development value and the plan.
	if v := s.Value(cfg); docNum(v, 3) != "0.893" {
		t.Errorf("v = %v, the document says 0.893", v)
	}

	// Step 9: the three strongest contributions, ties in catalog order.
	top := s.Top()
	var got []string
	for _, c := range top {
		got = append(got, fmt.Sprintf("%s (+%s, %s)", model.Catalog[c.Criterion].LabelEN,
			docNum(c.Points, 1), s.Origin[c.Criterion]))
	}
	want := "very different stakes (+7.7, derived); abrupt leap into new tasks (+7.7, derived); " +
		"function never held (+7.7, derived)"
	if strings.Join(got, "; ") != want {
		t.Errorf("top contributions %q, the document says %q", strings.Join(got, "; "), want)
	}
	if nc := 100 * s.X[model.NewConditions] / 13; docNum(nc, 1) != "7.7" {
		t.Errorf("new_conditions points %v, the document says 7.7 (left out by the tie rule)", nc)
	}
}

func TestScoringDocPlan(t *testing.T) {
	cfg, ds, scores := sampleForDoc(t)
	pl, err := MakePlan(cfg, scores, ds.Positions, PlanOptions{})
	if err != nil {
		t.Fatalf("MakePlan: %v", err)
	}
	byID := map[string]*PlanEntry{}
	for i := range pl.Entries {
		byID[pl.Entries[i].Score.Move.ID] = &pl.Entries[i]
	}
	want := []struct {
		id, c, v string
		status   PlanStatus
		why      WhyNot
	}{
		{"M073", "60.3", "0.893", Chosen, ""},
		{"M053", "53.0", "0.801", NotChosen, OtherMove},
		{"M072", "29.5", "0.454", NotChosen, PositionFilled},
		{"M074", "72.3", "", NotChosen, Excluded},
	}
	for _, w := range want {
		e := byID[w.id]
		if e == nil {
			t.Fatalf("move %s not in the plan", w.id)
		}
		v := docNum(e.Value, 3)
		if w.v == "" {
			v = ""
		}
		if docNum(e.Score.Challenge, 1) != w.c || v != w.v || e.Status != w.status || e.Why != w.why {
			t.Errorf("%s: C %s, v %s, %s %s; the document says C %s, v %s, %s %s", w.id,
				docNum(e.Score.Challenge, 1), v, e.Status, e.Why, w.c, w.v, w.status, w.why)
		}
	}
	if e := byID["M074"]; e.Score.Band != Overstretch || !slices.Contains(e.Score.Triggers, ManyChanges) {
		t.Errorf("M074: band %s, triggers %v; the document says overstretch by many_changes", e.Score.Band, e.Score.Triggers)
	}
	if e := byID["M053"]; e.Score.Position.ID != "P017" || e.Score.Person.ID != "E0430" {
		t.Errorf("M053 is %s → %s, the document says E0430 → P017", e.Score.Person.ID, e.Score.Position.ID)
	}
	if e := byID["M072"]; e.Score.Position.ID != "P024" || e.Score.Person.ID != "E0028" {
		t.Errorf("M072 is %s → %s, the document says E0028 → P024", e.Score.Person.ID, e.Score.Position.ID)
	}
}
