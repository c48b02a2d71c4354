package matcher

import (
	"math"
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// basePerson is a line finance analyst in France; tests change what they need.
func basePerson() model.Person {
	return model.Person{
		ID: "P1", Name: "Zoé Lefèvre", Division: "Ops", Function: "Finance", Country: "FR",
		SiteType: "hq", RoleKind: "line", ProductLine: "PL1", Team: "T1",
		Grade: model.Int(5), Headcount: model.Int(0),
	}
}

// samePosition is the person's own job: nothing changes.
func samePosition() model.Position {
	return model.Position{
		ID: "J1", Title: "Analyst", Division: "Ops", Function: "Finance", Country: "FR",
		SiteType: "hq", RoleKind: "line", ProductLine: "PL1", Team: "T1",
		Grade: model.Int(5), Headcount: model.Int(0), Openings: 1,
	}
}

func rate(m *model.Move, id string, r float64) {
	m.Ratings[model.CriterionIndex(id)] = model.Float(r)
}

func rateAll(m *model.Move, r float64) {
	for i, c := range model.Catalog {
		if c.Source == model.SourceRated {
			m.Ratings[i] = model.Float(r)
		}
	}
}

type scoreCase struct {
	name      string
	person    func(*model.Person)
	position  func(*model.Position)
	move      func(*model.Move)
	x         map[string]float64      // expected x of criteria; others 0
	origin    map[string]model.Origin // expected origins checked
	flags     []string                // flags expected set; others unset
	challenge float64
	support   float64
	band      Band
	strategic bool
	triggers  []Trigger
	top       []string
}

func TestScoreMove(t *testing.T) {
	cases := []scoreCase{
		{
			name:      "nothing changes, nothing rated",
			challenge: 0, support: 0.5, band: Comfort,
			origin: map[string]model.Origin{"failure_visible": model.OriginNone, "new_team": model.OriginDerived},
		},
		{
			// Σwx = 1 + 1 + 0.75 + 0.5 = 3.25 = 13 × 25 %: exactly on the comfort edge.
			name: "challenge exactly 25 is stretch",
			move: func(m *model.Move) {
				rate(m, "failure_visible", 5)
				rate(m, "take_charge", 5)
				rate(m, "pressure", 5)
				rate(m, "high_visibility", 5)
			},
			x:         map[string]float64{"failure_visible": 1, "take_charge": 1, "pressure": 1, "high_visibility": 1},
			origin:    map[string]model.Origin{"failure_visible": model.OriginRated},
			challenge: 25, support: 0.5, band: Stretch,
			top: []string{"failure_visible", "take_charge", "pressure"},
		},
		{
			// high_visibility 4 → 0.75 × 0.5: Σwx = 3.125, C = 24.0385.
			name: "challenge just under 25 is comfort",
			move: func(m *model.Move) {
				rate(m, "failure_visible", 5)
				rate(m, "take_charge", 5)
				rate(m, "pressure", 5)
				rate(m, "high_visibility", 4)
			},
			x:         map[string]float64{"failure_visible": 1, "take_charge": 1, "pressure": 1, "high_visibility": 0.75},
			challenge: 312.5 / 13, support: 0.5, band: Comfort,
			top: []string{"failure_visible", "take_charge", "pressure"},
		},
		{
			// All rated 5 but pressure 3 (Σ 7.625) + new_team 0.5 (team change)
			// = 8.125 → C = 62.5; support 2 → S = 0.25 → P = 62.5: the upper edge.
			name:     "challenge exactly 60 + 10·S is stretch",
			position: func(p *model.Position) { p.Team = "T2" },
			move: func(m *model.Move) {
				rateAll(m, 5)
				rate(m, "pressure", 3)
				m.Support = model.Float(2)
			},
			x: map[string]float64{"failure_visible": 1, "take_charge": 1, "new_team": 0.5, "pressure": 0.5,
				"influence_without_authority": 1, "ambiguity": 1, "high_visibility": 1, "team_building": 1,
				"strategic": 1, "boss_extreme": 1, "something_missing": 1},
			flags:     []string{"change_team"},
			challenge: 62.5, support: 0.25, band: Stretch,
			top: []string{"failure_visible", "take_charge", "influence_without_authority"},
		},
		{
			// Same move, learning orientation 1 → S = mean(0.25, 0) = 0.125, P = 61.25.
			name:     "challenge above 60 + 10·S is overstretch",
			person:   func(p *model.Person) { p.LearningOrientation = model.Float(1) },
			position: func(p *model.Position) { p.Team = "T2" },
			move: func(m *model.Move) {
				rateAll(m, 5)
				rate(m, "pressure", 3)
				m.Support = model.Float(2)
			},
			x: map[string]float64{"failure_visible": 1, "take_charge": 1, "new_team": 0.5, "pressure": 0.5,
				"influence_without_authority": 1, "ambiguity": 1, "high_visibility": 1, "team_building": 1,
				"strategic": 1, "boss_extreme": 1, "something_missing": 1},
			flags:     []string{"change_team"},
			challenge: 62.5, support: 0.125, band: Overstretch,
			top: []string{"failure_visible", "take_charge", "influence_without_authority"},
		},
		{
			// Proxies of a new, critical staff job abroad with a team of 8,
			// nothing rated: failure_visible 0.75, influence 0.5, ambiguity 0.5,
			// team_building 0.75; new_team 0.5·clip(log2(9)/3) = 0.5; the four
			// list-B conditions hold. Σwx = 7 → C = 53.85 but first-time
			// abroad manager fires.
			name:   "proxies, strategic move, first_time_abroad_manager",
			person: func(p *model.Person) { p.RoleKind = "line" },
			position: func(p *model.Position) {
				p.Critical, p.NewRole = true, true
				p.RoleKind, p.Country, p.Team = "staff", "DE", ""
				p.Headcount = model.Int(8)
			},
			x: map[string]float64{"failure_visible": 0.75, "influence_without_authority": 0.5, "ambiguity": 0.5,
				"team_building": 0.75, "new_team": 0.5,
				"stakes_shift": 1, "abrupt_leap": 1, "first_time_function": 1, "new_conditions": 1},
			origin: map[string]model.Origin{"failure_visible": model.OriginProxy, "influence_without_authority": model.OriginProxy,
				"ambiguity": model.OriginProxy, "team_building": model.OriginProxy, "take_charge": model.OriginNone,
				"stakes_shift": model.OriginDerived},
			flags:     []string{"change_country", "line_to_staff", "first_management"},
			challenge: 700.0 / 13, support: 0.5, band: Overstretch, strategic: true,
			triggers: []Trigger{FirstTimeAbroadManager},
			top:      []string{"stakes_shift", "abrupt_leap", "first_time_function"},
		},
		{
			// Staff → line manager of 3 in another division, function, country
			// and continent, two grades up: five big changes.
			// take_charge proxy 0.5, ambiguity proxy 0.5,
			// new_team 0.5 + 0.5·log2(4/3)/3, list B all 1.
			name: "many_changes, take_charge proxy, continent change",
			person: func(p *model.Person) {
				p.RoleKind, p.Headcount = "staff", model.Int(2)
				p.FunctionsHeld = []string{"Audit"}
			},
			position: func(p *model.Position) {
				p.RoleKind, p.Division, p.Function, p.Country, p.Team = "line", "Sales", "Marketing", "US", "T9"
				p.Grade, p.Headcount = model.Int(7), model.Int(3)
			},
			x: map[string]float64{"take_charge": 0.5, "ambiguity": 0.5, "new_team": 0.5 + 0.5*math.Log2(4.0/3)/3,
				"stakes_shift": 1, "abrupt_leap": 1, "first_time_function": 1, "new_conditions": 1},
			flags: []string{"change_division", "change_function", "change_country", "change_team",
				"change_continent", "staff_to_line", "grade_jump"},
			challenge: 100 * (5 + 0.5*math.Log2(4.0/3)/3 + 0.5) / 13, support: 0.5, band: Overstretch, strategic: true,
			triggers: []Trigger{ManyChanges},
			top:      []string{"stakes_shift", "abrupt_leap", "first_time_function"},
		},
		{
			// Function already held (case differs), one grade up, a field
			// missing on one side (division, country) never counts as a change.
			name: "function held before, grade +1, missing fields",
			person: func(p *model.Person) {
				p.Division, p.Headcount = "", model.OptInt{}
				p.Function, p.FunctionsHeld = "Sales", []string{"marketing"}
				p.LearningOrientation = model.Float(5)
			},
			position: func(p *model.Position) {
				p.Division, p.Country, p.RoleKind = "Retail", "", ""
				p.Function, p.Grade, p.Headcount = "Marketing", model.Int(6), model.OptInt{}
			},
			x:         map[string]float64{"stakes_shift": 0.5, "abrupt_leap": 0.5},
			flags:     []string{"change_function"},
			challenge: 100.0 / 13, support: 1, band: Comfort,
			top: []string{"stakes_shift", "abrupt_leap"},
		},
		{
			// Headcount 1 → 7: take_charge proxy, new_team 0.5·log2(8/2)/3,
			// stakes 1 (7 ≥ 2·1); support mean((5−1)/4, (3−1)/4) = 0.75;
			// a half rating 3.5 → 0.625.
			name:     "headcount growth, support mean, half rating",
			person:   func(p *model.Person) { p.Headcount, p.LearningOrientation = model.Int(1), model.Float(3) },
			position: func(p *model.Position) { p.Headcount = model.Int(7) },
			move: func(m *model.Move) {
				m.Support = model.Float(5)
				rate(m, "strategic", 3.5)
			},
			x:         map[string]float64{"take_charge": 0.5, "new_team": 1.0 / 3, "stakes_shift": 1, "strategic": 0.625},
			challenge: 100 * (0.5 + 1.0/3 + 1 + 0.625) / 13, support: 0.75, band: Comfort,
			top: []string{"stakes_shift", "strategic", "take_charge"},
		},
		{
			// hq → field and staff → line as the only changes: two structural
			// flags, new conditions; influence proxy does not apply to line.
			name:   "hq_to_field and staff_to_line",
			person: func(p *model.Person) { p.RoleKind = "staff" },
			position: func(p *model.Position) {
				p.SiteType = "field"
			},
			x:         map[string]float64{"abrupt_leap": 1, "new_conditions": 1},
			flags:     []string{"hq_to_field", "staff_to_line"},
			challenge: 200.0 / 13, support: 0.5, band: Comfort,
			top: []string{"abrupt_leap", "new_conditions"},
		},
		{
			name:     "field_to_hq, line_to_staff with influence proxy",
			person:   func(p *model.Person) { p.SiteType = "field" },
			position: func(p *model.Position) { p.RoleKind, p.ProductLine = "staff", "PL2" },
			x: map[string]float64{"influence_without_authority": 0.5, "abrupt_leap": 1, "new_conditions": 1,
				"first_time_function": 0},
			flags:     []string{"change_product_line", "field_to_hq", "line_to_staff"},
			challenge: 250.0 / 13, support: 0.5, band: Comfort,
			top: []string{"abrupt_leap", "new_conditions", "influence_without_authority"},
		},
	}
	cfg := model.Default()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, pos := basePerson(), samePosition()
			if tc.person != nil {
				tc.person(&p)
			}
			if tc.position != nil {
				tc.position(&pos)
			}
			mv := model.Move{ID: "m", PersonID: p.ID, PositionID: pos.ID}
			if tc.move != nil {
				tc.move(&mv)
			}
			s := ScoreMove(&cfg, &p, &pos, &mv)
			for i, c := range model.Catalog {
				if want := tc.x[c.ID]; math.Abs(s.X[i]-want) > 1e-12 {
					t.Errorf("x[%s] = %v, want %v", c.ID, s.X[i], want)
				}
				if want, ok := tc.origin[c.ID]; ok && s.Origin[i] != want {
					t.Errorf("origin[%s] = %s, want %s", c.ID, s.Origin[i], want)
				}
			}
			for i, f := range model.Flags {
				if want := slices.Contains(tc.flags, f.ID); s.Flags[i] != want {
					t.Errorf("flag %s = %v, want %v", f.ID, s.Flags[i], want)
				}
			}
			if math.Abs(s.Challenge-tc.challenge) > 1e-9 {
				t.Errorf("challenge = %.12f, want %.12f", s.Challenge, tc.challenge)
			}
			if math.Abs(s.Support-tc.support) > 1e-12 {
				t.Errorf("support = %v, want %v", s.Support, tc.support)
			}
			if s.Band != tc.band {
				t.Errorf("band = %s, want %s", s.Band, tc.band)
			}
			if s.Strategic != tc.strategic {
				t.Errorf("strategic = %v, want %v (held: %v)", s.Strategic, tc.strategic, s.ConditionsHeld(&cfg))
			}
			if !slices.Equal(s.Triggers, tc.triggers) {
				t.Errorf("triggers = %v, want %v", s.Triggers, tc.triggers)
			}
			var top []string
			for _, c := range s.Top() {
				top = append(top, model.Catalog[c.Criterion].ID)
			}
			if !slices.Equal(top, tc.top) {
				t.Errorf("top = %v, want %v", top, tc.top)
			}
		})
	}
}

func TestDevelopmentValue(t *testing.T) {
	for _, tc := range []struct{ c, p, want float64 }{
		{0, 65, 0}, {32.5, 65, 0.5}, {65, 65, 1}, {82.5, 65, 0.5}, {100, 65, 0}, {30, 60, 0.5}, {80, 60, 0.5},
	} {
		if got := DevelopmentValue(tc.c, tc.p); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("DevelopmentValue(%v, %v) = %v, want %v", tc.c, tc.p, got, tc.want)
		}
	}
}

func TestScoreMoveConfig(t *testing.T) {
	// Zero weight on list B and a lower comfort edge change C and the band.
	cfg := model.Default()
	for _, id := range []string{"stakes_shift", "abrupt_leap", "first_time_function", "new_conditions"} {
		cfg.Weights[id] = 0
	}
	cfg.Bands.ComfortBelow = 10
	p, pos := basePerson(), samePosition()
	pos.Grade = model.Int(6) // stakes 0.5, now weightless
	mv := model.Move{}
	rate(&mv, "strategic", 5) // 1 × 1 of Σw = 9
	s := ScoreMove(&cfg, &p, &pos, &mv)
	if want := 100.0 / 9; math.Abs(s.Challenge-want) > 1e-9 || s.Band != Stretch {
		t.Fatalf("challenge %v band %s, want %v stretch", s.Challenge, s.Band, want)
	}
	cfg.Triggers.FirstTimeAbroadManager = false
	pos2 := samePosition()
	pos2.Function, pos2.Country, pos2.Headcount = "Legal", "BE", model.Int(2)
	s = ScoreMove(&cfg, &p, &pos2, &mv)
	if len(s.Triggers) != 0 {
		t.Fatalf("triggers %v with first_time_abroad_manager off", s.Triggers)
	}
}
