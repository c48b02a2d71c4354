package matcher

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// fitBetween computes the fit of a mentor for a mentee, both sides built
// the way Match builds them from the rows.
func fitBetween(cfg *model.Config, mentee, mentor model.Person, erow model.Mentee, mrow model.Mentor, planned *PlanEntry) Fit {
	ds := model.Dataset{People: []model.Person{mentee, mentor}}
	ix := NewIndex(&ds)
	mx := &matchCtx{cfg: cfg, ix: ix, ended: map[string]map[string]bool{}}
	e := mx.newMentee(ix.People[mentee.ID], &erow, planned)
	m := mx.newMentor(ix.People[mentor.ID], &mrow)
	return computeFit(cfg, &e.needs, &m.side)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The default weights are experience 0.35, preference 0.25, seniority
// 0.15, cross_division 0.15, location 0.10 (Σ = 1).
func TestComputeFit(t *testing.T) {
	const (
		X = FitExperience
		P = FitPreference
		S = FitSeniority
		D = FitCrossDivision
		L = FitLocation
	)
	cases := []struct {
		name           string
		mentee, mentor []personOpt
		needs, prefs   []string // the mentee's row
		experience     []string // the mentor's row
		want           float64
		c              map[int]float64 // components with data and their values
		shared         []string
		rank, ranked   int
	}{
		{name: "no data at all", want: 50, c: map[int]float64{}},

		// experience alone
		{name: "experience 2 of 3 needs lived", needs: []string{"a", "b", "c"}, experience: []string{"c", "z", "a"},
			want: 200.0 / 3, c: map[int]float64{X: 2.0 / 3}, shared: []string{"a", "c"}},
		{name: "experience none lived", needs: []string{"a"}, experience: []string{"b"},
			want: 0, c: map[int]float64{X: 0}},
		{name: "experience tags compared case-insensitively", needs: []string{"Team_Building", " change_country "},
			experience: []string{"TEAM_BUILDING", "Change_Country"},
			want:       100, c: map[int]float64{X: 1}, shared: []string{"team_building", "change_country"}},
		{name: "experience repeated needs count once", needs: []string{"a", "A", " a"}, experience: []string{"a"},
			want: 100, c: map[int]float64{X: 1}, shared: []string{"a"}},
		{name: "experience mentor without experience", needs: []string{"a", "b"},
			want: 0, c: map[int]float64{X: 0}},
		{name: "experience no needs is no data", experience: []string{"a"}, want: 50, c: map[int]float64{}},

		// preference alone: rank r of k → 1 − (r−1)/k
		{name: "preference 1 of 1", prefs: []string{"M"}, want: 100, c: map[int]float64{P: 1}, rank: 1, ranked: 1},
		{name: "preference 2 of 4", prefs: []string{"A", "M", "B", "C"}, want: 75, c: map[int]float64{P: 0.75}, rank: 2, ranked: 4},
		{name: "preference 4 of 4", prefs: []string{"A", "B", "C", "M"}, want: 25, c: map[int]float64{P: 0.25}, rank: 4, ranked: 4},
		{name: "preference 3 of 3", prefs: []string{"A", "B", "M"}, want: 100.0 / 3, c: map[int]float64{P: 1.0 / 3}, rank: 3, ranked: 3},
		{name: "preference not ranked", prefs: []string{"A", "B", "C"}, want: 0, c: map[int]float64{P: 0}, rank: 0, ranked: 3},

		// seniority alone: g = mentor grade − mentee grade
		{name: "seniority g=-1", mentee: []personOpt{withGrade(5)}, mentor: []personOpt{withGrade(4)}, want: 0, c: map[int]float64{S: 0}},
		{name: "seniority g=-3", mentee: []personOpt{withGrade(7)}, mentor: []personOpt{withGrade(4)}, want: 0, c: map[int]float64{S: 0}},
		{name: "seniority g=0", mentee: []personOpt{withGrade(5)}, mentor: []personOpt{withGrade(5)}, want: 30, c: map[int]float64{S: 0.3}},
		{name: "seniority g=1", mentee: []personOpt{withGrade(5)}, mentor: []personOpt{withGrade(6)}, want: 100, c: map[int]float64{S: 1}},
		{name: "seniority g=3", mentee: []personOpt{withGrade(5)}, mentor: []personOpt{withGrade(8)}, want: 100, c: map[int]float64{S: 1}},
		{name: "seniority g=4", mentee: []personOpt{withGrade(5)}, mentor: []personOpt{withGrade(9)}, want: 60, c: map[int]float64{S: 0.6}},
		{name: "seniority mentee grade only", mentee: []personOpt{withGrade(5)}, want: 50, c: map[int]float64{}},
		{name: "seniority mentor grade only", mentor: []personOpt{withGrade(5)}, want: 50, c: map[int]float64{}},
		{name: "seniority grade 0 is a grade", mentee: []personOpt{withGrade(0)}, mentor: []personOpt{withGrade(2)}, want: 100, c: map[int]float64{S: 1}},

		// cross_division alone
		{name: "division different", mentee: []personOpt{withDivision("Ops")}, mentor: []personOpt{withDivision("Sales")}, want: 100, c: map[int]float64{D: 1}},
		{name: "division same, case and spaces ignored", mentee: []personOpt{withDivision("Ops")}, mentor: []personOpt{withDivision(" ops")}, want: 0, c: map[int]float64{D: 0}},
		{name: "division one side empty", mentee: []personOpt{withDivision("Ops")}, mentor: []personOpt{withDivision(" ")}, want: 50, c: map[int]float64{}},

		// location alone
		{name: "location same country", mentee: []personOpt{withCountry("FR")}, mentor: []personOpt{withCountry("FR")}, want: 100, c: map[int]float64{L: 1}},
		{name: "location same country, lower case", mentee: []personOpt{withCountry("FR")}, mentor: []personOpt{withCountry("fr")}, want: 100, c: map[int]float64{L: 1}},
		{name: "location same continent FR DE", mentee: []personOpt{withCountry("FR")}, mentor: []personOpt{withCountry("DE")}, want: 50, c: map[int]float64{L: 0.5}},
		{name: "location same continent JP CN", mentee: []personOpt{withCountry("JP")}, mentor: []personOpt{withCountry("CN")}, want: 50, c: map[int]float64{L: 0.5}},
		{name: "location other continent FR US", mentee: []personOpt{withCountry("FR")}, mentor: []personOpt{withCountry("US")}, want: 0, c: map[int]float64{L: 0}},
		{name: "location unknown code and FR", mentee: []personOpt{withCountry("XX")}, mentor: []personOpt{withCountry("FR")}, want: 0, c: map[int]float64{L: 0}},
		{name: "location two unknown codes", mentee: []personOpt{withCountry("XX")}, mentor: []personOpt{withCountry("YY")}, want: 0, c: map[int]float64{L: 0}},
		{name: "location the same unknown code", mentee: []personOpt{withCountry("XX")}, mentor: []personOpt{withCountry("XX")}, want: 100, c: map[int]float64{L: 1}},
		{name: "location one side empty", mentee: []personOpt{withCountry("FR")}, want: 50, c: map[int]float64{}},

		// together: 100·(0.35·0.5 + 0.25·1 + 0.15·1 + 0.15·1 + 0.10·0.5) / 1
		{name: "all five components",
			mentee:     []personOpt{withGrade(4), withDivision("Ops"), withCountry("FR")},
			mentor:     []personOpt{withGrade(6), withDivision("Sales"), withCountry("DE")},
			needs:      []string{"pressure", "strategic"},
			experience: []string{"strategic"},
			prefs:      []string{"M", "A"},
			want:       77.5, c: map[int]float64{X: 0.5, P: 1, S: 1, D: 1, L: 0.5},
			shared: []string{"strategic"}, rank: 1, ranked: 2},
		// renormalised: 100·(0.15·0.3 + 0.10·0.5) / 0.25
		{name: "seniority and location only",
			mentee: []personOpt{withGrade(5), withCountry("FR")},
			mentor: []personOpt{withGrade(5), withCountry("DE")},
			want:   38, c: map[int]float64{S: 0.3, L: 0.5}},
		// 100·(0.35·0.5 + 0.25·0) / 0.6
		{name: "experience half and not ranked", needs: []string{"a", "b"}, experience: []string{"b"}, prefs: []string{"A"},
			want: 100 * 0.175 / 0.6, c: map[int]float64{X: 0.5, P: 0}, shared: []string{"b"}, ranked: 1},
		// 100·(0.25·1 + 0.15·0) / 0.4
		{name: "preference first and same division", prefs: []string{"M", "A"},
			mentee: []personOpt{withDivision("Ops")}, mentor: []personOpt{withDivision("Ops")},
			want: 62.5, c: map[int]float64{P: 1, D: 0}, rank: 1, ranked: 2},
	}
	cfg := model.Default()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := model.Person{ID: "E", Name: "Mentee"}
			m := model.Person{ID: "M", Name: "Mentor"}
			for _, f := range tc.mentee {
				f(&e)
			}
			for _, f := range tc.mentor {
				f(&m)
			}
			f := fitBetween(&cfg, e, m, model.Mentee{PersonID: "E", Needs: tc.needs, Preferences: tc.prefs},
				model.Mentor{PersonID: "M", Capacity: 1, Available: true, Experience: tc.experience}, nil)
			if !near(f.Total, tc.want) {
				t.Errorf("F = %v, want %v", f.Total, tc.want)
			}
			for k := range NumFitComponents {
				c, has := tc.c[k]
				if f.Has[k] != has {
					t.Errorf("%s: has data %v, want %v", FitComponentIDs[k], f.Has[k], has)
				}
				if has && !near(f.C[k], c) {
					t.Errorf("%s = %v, want %v", FitComponentIDs[k], f.C[k], c)
				}
			}
			if !slices.Equal(f.Shared, tc.shared) {
				t.Errorf("shared %q, want %q", f.Shared, tc.shared)
			}
			if f.Rank != tc.rank || f.Ranked != tc.ranked {
				t.Errorf("rank %d of %d, want %d of %d", f.Rank, f.Ranked, tc.rank, tc.ranked)
			}
		})
	}
}

func TestComputeFitDetails(t *testing.T) {
	cfg := model.Default()
	e := model.Person{ID: "E", Grade: model.Int(6)}
	m := model.Person{ID: "M", Grade: model.Int(3)}
	f := fitBetween(&cfg, e, m, model.Mentee{PersonID: "E", Needs: []string{"a", "b", "a", "c"}}, model.Mentor{PersonID: "M", Capacity: 1, Available: true}, nil)
	if f.Grades != -3 {
		t.Errorf("grades %d, want -3", f.Grades)
	}
	if f.Needs != 3 {
		t.Errorf("needs %d, want 3 (repeats count once)", f.Needs)
	}
	want := [NumFitComponents]float64{0.35, 0.25, 0.15, 0.15, 0.10}
	if f.W != want {
		t.Errorf("weights %v, want %v", f.W, want)
	}
	// A preference listing the same mentor twice keeps the first rank.
	f = fitBetween(&cfg, e, m, model.Mentee{PersonID: "E", Preferences: []string{"A", "M", "M"}}, model.Mentor{PersonID: "M", Capacity: 1, Available: true}, nil)
	if f.Rank != 2 {
		t.Errorf("rank %d, want 2", f.Rank)
	}
}

func TestComputeFitWeightsFromConfig(t *testing.T) {
	cfg := model.Default()
	cfg.Match.FitWeights.Experience = 0.7
	e := model.Person{ID: "E", Grade: model.Int(4)}
	m := model.Person{ID: "M", Grade: model.Int(5)}
	f := fitBetween(&cfg, e, m, model.Mentee{PersonID: "E", Needs: []string{"a", "b"}},
		model.Mentor{PersonID: "M", Capacity: 1, Available: true, Experience: []string{"a"}}, nil)
	// 100·(0.7·0.5 + 0.15·1) / 0.85
	if want := 100 * 0.5 / 0.85; !near(f.Total, want) {
		t.Errorf("F = %v, want %v", f.Total, want)
	}
	// Every component with data weighing 0: nothing to weigh, F = 50.
	cfg.Match.FitWeights = model.FitWeights{Experience: 0, Preference: 0.25}
	f = fitBetween(&cfg, e, m, model.Mentee{PersonID: "E", Needs: []string{"a"}},
		model.Mentor{PersonID: "M", Capacity: 1, Available: true, Experience: []string{"a"}}, nil)
	if f.Total != 50 {
		t.Errorf("F with zero weights = %v, want 50", f.Total)
	}
}

func TestFitContribution(t *testing.T) {
	cfg := model.Default()
	cases := []struct {
		name           string
		mentee, mentor model.Person
		erow           model.Mentee
		mrow           model.Mentor
		total          float64
		contrib        [NumFitComponents]float64
	}{
		{
			name:    "all five components",
			mentee:  model.Person{ID: "E", Grade: model.Int(4), Division: "Ops", Country: "FR"},
			mentor:  model.Person{ID: "M", Grade: model.Int(6), Division: "Sales", Country: "DE"},
			erow:    model.Mentee{PersonID: "E", Needs: []string{"pressure", "strategic"}, Preferences: []string{"M", "A"}},
			mrow:    model.Mentor{PersonID: "M", Capacity: 1, Available: true, Experience: []string{"strategic"}},
			total:   77.5,
			contrib: [NumFitComponents]float64{17.5, 25, 15, 15, 5},
		},
		{
			// Renormalised over 0.25: seniority 100·0.15·0.3/0.25, location 100·0.1·0.5/0.25.
			name:    "seniority and location only",
			mentee:  model.Person{ID: "E", Grade: model.Int(5), Country: "FR"},
			mentor:  model.Person{ID: "M", Grade: model.Int(5), Country: "DE"},
			erow:    model.Mentee{PersonID: "E"},
			mrow:    model.Mentor{PersonID: "M", Capacity: 1, Available: true},
			total:   38,
			contrib: [NumFitComponents]float64{0, 0, 18, 0, 20},
		},
		{
			name:   "no data",
			mentee: model.Person{ID: "E"}, mentor: model.Person{ID: "M"},
			erow:  model.Mentee{PersonID: "E"},
			mrow:  model.Mentor{PersonID: "M", Capacity: 1, Available: true},
			total: 50,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := fitBetween(&cfg, tc.mentee, tc.mentor, tc.erow, tc.mrow, nil)
			if !near(f.Total, tc.total) {
				t.Errorf("F = %v, want %v", f.Total, tc.total)
			}
			for k := range NumFitComponents {
				if got := f.Contribution(k); !near(got, tc.contrib[k]) {
					t.Errorf("Contribution(%s) = %v, want %v", FitComponentIDs[k], got, tc.contrib[k])
				}
			}
		})
	}
}

func TestNeedsOf(t *testing.T) {
	cfg := model.Default()
	// A planned move with two flags set and criteria at 0.25, 0.5, 0.75, 1.
	var s Score
	s.Flags[model.ChangeCountry] = true
	s.Flags[model.StaffToLine] = true
	s.X[model.Pressure] = 0.5
	s.X[model.TeamBuilding] = 0.75
	s.X[model.Strategic] = 0.25
	s.X[model.NewConditions] = 1

	cases := []struct {
		name    string
		tags    []string
		planned *Score
		minX    float64
		want    []string
	}{
		{name: "no tags, no plan", want: nil},
		{name: "tags lower-cased, trimmed, once each", tags: []string{" Mentoring", "mentoring", "", "Finance"},
			want: []string{"mentoring", "finance"}},
		{name: "plan: flags set, then criteria with x ≥ 0.5", planned: &s,
			want: []string{"change_country", "staff_to_line", "pressure", "team_building", "new_conditions"}},
		{name: "tags first, a flag already a tag counted once", tags: []string{"Change_Country", "finance"}, planned: &s,
			want: []string{"change_country", "finance", "staff_to_line", "pressure", "team_building", "new_conditions"}},
		{name: "need_min_x 0.75", planned: &s, minX: 0.75,
			want: []string{"change_country", "staff_to_line", "team_building", "new_conditions"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := cfg
			if tc.minX != 0 {
				c.Match.NeedMinX = tc.minX
			}
			if got := needsOf(&c, tc.tags, tc.planned); !slices.Equal(got, tc.want) {
				t.Errorf("needs %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFitNeedsFromPlannedMove scores a real move (the same job in Germany,
// pressure rated 3, strategic rated 2) and checks the needs it adds:
// change_country; pressure (x = 0.5); ambiguity (proxy 0.5 for a change of
// country); abrupt_leap (0.5, one structural flag); new_conditions (1).
// strategic (0.25) is not a need.
func TestFitNeedsFromPlannedMove(t *testing.T) {
	cfg := model.Default()
	p := basePerson()
	pos := samePosition()
	pos.Country = "DE"
	mv := model.Move{ID: "m", PersonID: p.ID, PositionID: pos.ID}
	rate(&mv, "pressure", 3)
	rate(&mv, "strategic", 2)
	s := ScoreMove(&cfg, &p, &pos, &mv)

	want := []string{"finance", "change_country", "pressure", "ambiguity", "abrupt_leap", "new_conditions"}
	if got := needsOf(&cfg, []string{"Finance"}, &s); !slices.Equal(got, want) {
		t.Fatalf("needs %q, want %q", got, want)
	}
	mentor := model.Person{ID: "M"}
	f := fitBetween(&cfg, p, mentor, model.Mentee{PersonID: p.ID, Needs: []string{"Finance"}},
		model.Mentor{PersonID: "M", Capacity: 1, Available: true, Experience: []string{"CHANGE_COUNTRY", "Ambiguity", "strategic"}},
		&PlanEntry{Score: &s, Status: Chosen})
	if f.Needs != 6 || !slices.Equal(f.Shared, []string{"change_country", "ambiguity"}) {
		t.Errorf("needs %d, shared %q; want 6 and [change_country ambiguity]", f.Needs, f.Shared)
	}
	// Only experience has data (the mentor has no grade, division, country).
	if !near(f.Total, 100.0/3) {
		t.Errorf("F = %v, want 33.33", f.Total)
	}
}

func TestFitKey(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want int64
	}{{0, 0}, {50, 5000}, {100, 10000}, {200.0 / 3, 6667}, {100.0 / 3, 3333}, {12.344, 1234}, {12.346, 1235}, {29.1666666, 2917}} {
		if got := fitKey(tc.f); got != tc.want {
			t.Errorf("fitKey(%v) = %d, want %d", tc.f, got, tc.want)
		}
	}
}

// TestFoldKey checks that fold keys are equal exactly when the fields are
// equal ignoring case and surrounding space, as strings.EqualFold says,
// including letters whose case folding is not a plain lower-casing.
func TestFoldKey(t *testing.T) {
	words := []string{"", " ", "Sales", "sales ", " SALES", "Sale", "Straße", "STRASSE", "straße",
		"K", "k", "\u212a", "ſ", "S", "s", "Σ", "σ", "ς", "Ärger", "ärger", "ÄRGER", "Ångström", "ångström",
		"İstanbul", "istanbul", "ǅ", "ǆ", "Ǆ", "R&D", "r&d", "Équipe Nord", "équipe nord"}
	for _, a := range words {
		for _, b := range words {
			want := strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
			if got := foldKey(a) == foldKey(b); got != want {
				t.Errorf("foldKey(%q) == foldKey(%q) is %v, EqualFold says %v", a, b, got, want)
			}
		}
	}
}
