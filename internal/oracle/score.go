package oracle

import (
	"math"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Criteria are the fifteen criterion ids of lists A and B, in the order of
// the specification's tables (and of the columns of scores.csv).
var Criteria = [15]string{
	"failure_visible", "take_charge", "new_team", "pressure", "influence_without_authority",
	"ambiguity", "high_visibility", "team_building", "strategic", "boss_extreme", "something_missing",
	"stakes_shift", "abrupt_leap", "first_time_function", "new_conditions",
}

// SpecWeights are the default weights of the specification, by criterion id.
var SpecWeights = map[string]float64{
	"failure_visible": 1, "take_charge": 1, "new_team": 1, "pressure": 0.75,
	"influence_without_authority": 1, "ambiguity": 1, "high_visibility": 0.5, "team_building": 1,
	"strategic": 1, "boss_extreme": 0.25, "something_missing": 0.5,
	"stakes_shift": 1, "abrupt_leap": 1, "first_time_function": 1, "new_conditions": 1,
}

// rated tells the criteria a manager rates in moves.csv.
var rated = map[string]bool{
	"failure_visible": true, "take_charge": true, "pressure": true, "influence_without_authority": true,
	"ambiguity": true, "high_visibility": true, "team_building": true, "strategic": true,
	"boss_extreme": true, "something_missing": true,
}

// FlagIDs are the move flags, in the order of the specification.
var FlagIDs = [12]string{
	"change_division", "change_function", "change_country", "change_team", "change_product_line",
	"change_continent", "hq_to_field", "field_to_hq", "staff_to_line", "line_to_staff",
	"first_management", "grade_jump",
}

var structural = map[string]bool{
	"change_division": true, "change_function": true, "change_country": true, "change_product_line": true,
	"hq_to_field": true, "field_to_hq": true, "staff_to_line": true, "line_to_staff": true,
	"first_management": true,
}

// tol absorbs rounding noise in comparisons with a threshold.
const tol = 1e-9

// MoveScore is the oracle's assessment of one move.
type MoveScore struct {
	X         map[string]float64 // by criterion id
	Origin    map[string]string  // rated, proxy, derived or none
	Flags     map[string]bool    // by flag id
	C, S, P   float64            // challenge (unrounded), support, peak
	Band      string             // comfort, stretch or overstretch
	Triggers  []string           // many_changes, first_time_abroad_manager
	Strategic bool
	Held      []string // list-B conditions reaching strategic_min, in order
	Value     float64  // v(C)
	Top       []string // the (at most) three largest contributions, ties in order
	TopPoints []float64
}

func same(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
func given(a string) bool   { return strings.TrimSpace(a) != "" }
func changed(a, b string) bool {
	return given(a) && given(b) && !same(a, b)
}

func weight(cfg *model.Config, id string) float64 {
	if w, ok := cfg.Weights[id]; ok {
		return w
	}
	return SpecWeights[id]
}

// Value is the development value v(C) with peak p.
func Value(c, p float64) float64 {
	if c <= p {
		return c / p
	}
	return (100 - c) / (100 - p)
}

// ScoreMove scores the move of person p into position pos, from SPEC §4.
func ScoreMove(cfg *model.Config, p *model.Person, pos *model.Position, mv *model.Move) MoveScore {
	s := MoveScore{X: map[string]float64{}, Origin: map[string]string{}, Flags: map[string]bool{}}
	f := s.Flags
	f["change_division"] = changed(p.Division, pos.Division)
	f["change_function"] = changed(p.Function, pos.Function)
	f["change_country"] = changed(p.Country, pos.Country)
	f["change_team"] = changed(p.Team, pos.Team)
	f["change_product_line"] = changed(p.ProductLine, pos.ProductLine)
	c1, ok1 := model.Continent(p.Country)
	c2, ok2 := model.Continent(pos.Country)
	f["change_continent"] = ok1 && ok2 && c1 != c2
	f["hq_to_field"] = same(p.SiteType, "hq") && same(pos.SiteType, "field")
	f["field_to_hq"] = same(p.SiteType, "field") && same(pos.SiteType, "hq")
	f["staff_to_line"] = same(p.RoleKind, "staff") && same(pos.RoleKind, "line")
	f["line_to_staff"] = same(p.RoleKind, "line") && same(pos.RoleKind, "staff")
	hc, ht := 0, 0
	if p.Headcount.OK {
		hc = p.Headcount.V
	}
	if pos.Headcount.OK {
		ht = pos.Headcount.V
	}
	f["first_management"] = hc == 0 && ht > 0
	gradeUp, grades := 0, p.Grade.OK && pos.Grade.OK
	if grades {
		gradeUp = pos.Grade.V - p.Grade.V
	}
	f["grade_jump"] = grades && gradeUp >= cfg.Triggers.GradeJump

	// Rated criteria, proxies when blank.
	proxy := map[string]struct {
		holds bool
		x     float64
	}{
		"failure_visible":             {pos.Critical, cfg.Proxies.FailureVisibleCritical},
		"take_charge":                 {same(pos.RoleKind, "line") && ht > 0, cfg.Proxies.TakeChargeLineManager},
		"influence_without_authority": {same(pos.RoleKind, "staff"), cfg.Proxies.InfluenceStaff},
		"ambiguity":                   {pos.NewRole || f["change_country"], cfg.Proxies.AmbiguityNewOrAbroad},
		"team_building":               {pos.NewRole && ht > 0, cfg.Proxies.TeamBuildingNewTeam},
	}
	for _, id := range Criteria {
		if !rated[id] {
			continue
		}
		r := mv.Ratings[model.CriterionIndex(id)]
		switch pr := proxy[id]; {
		case r.OK:
			s.X[id], s.Origin[id] = (r.V-1)/4, "rated"
		case pr.holds:
			s.X[id], s.Origin[id] = pr.x, "proxy"
		default:
			s.X[id], s.Origin[id] = 0, "none"
		}
	}
	growth := math.Log2(float64(ht+1)/float64(hc+1)) / 3
	growth = math.Min(1, math.Max(0, growth))
	team := 0.0
	if f["change_team"] {
		team = 1
	}
	s.X["new_team"] = 0.5*team + 0.5*growth

	stakes := 0.0
	if grades && gradeUp == 1 {
		stakes = 0.5
	}
	if grades && gradeUp >= 2 {
		stakes = 1
	}
	if ht > 0 && float64(ht) >= 2*math.Max(float64(hc), 1) {
		stakes = 1
	}
	if f["change_division"] && stakes < 0.5 {
		stakes = 0.5
	}
	s.X["stakes_shift"] = stakes
	nstruct := 0
	for id := range structural {
		if f[id] {
			nstruct++
		}
	}
	switch {
	case nstruct >= 2 || f["grade_jump"]:
		s.X["abrupt_leap"] = 1
	case nstruct == 1:
		s.X["abrupt_leap"] = 0.5
	default:
		s.X["abrupt_leap"] = 0
	}
	held := false
	for _, h := range p.FunctionsHeld {
		if same(h, pos.Function) {
			held = true
		}
	}
	if pos.NewRole || given(pos.Function) && !same(pos.Function, p.Function) && !held {
		s.X["first_time_function"] = 1
	} else {
		s.X["first_time_function"] = 0
	}
	if f["change_country"] || f["hq_to_field"] || f["field_to_hq"] || f["staff_to_line"] || f["line_to_staff"] {
		s.X["new_conditions"] = 1
	} else {
		s.X["new_conditions"] = 0
	}
	for _, id := range []string{"new_team", "stakes_shift", "abrupt_leap", "first_time_function", "new_conditions"} {
		s.Origin[id] = "derived"
	}

	sw, swx := 0.0, 0.0
	for _, id := range Criteria {
		sw += weight(cfg, id)
		swx += weight(cfg, id) * s.X[id]
	}
	s.C = 100 * swx / sw

	// The three largest contributions: selection by repeated maximum.
	taken := map[string]bool{}
	for len(s.Top) < 3 {
		best, bp := "", 0.0
		for _, id := range Criteria {
			if pt := 100 * weight(cfg, id) * s.X[id] / sw; !taken[id] && pt > bp {
				best, bp = id, pt
			}
		}
		if best == "" {
			break
		}
		taken[best] = true
		s.Top, s.TopPoints = append(s.Top, best), append(s.TopPoints, bp)
	}

	var sup []float64
	if mv.Support.OK {
		sup = append(sup, (mv.Support.V-1)/4)
	}
	if p.LearningOrientation.OK {
		sup = append(sup, (p.LearningOrientation.V-1)/4)
	}
	switch len(sup) {
	case 0:
		s.S = cfg.Bands.DefaultSupport
	case 1:
		s.S = sup[0]
	default:
		s.S = (sup[0] + sup[1]) / 2
	}
	s.P = cfg.Bands.StretchBase + cfg.Bands.StretchSupport*s.S

	big := 0
	for _, b := range []bool{f["change_function"], f["change_country"], f["change_division"],
		f["staff_to_line"] || f["line_to_staff"], f["grade_jump"]} {
		if b {
			big++
		}
	}
	if big >= cfg.Triggers.ManyChanges {
		s.Triggers = append(s.Triggers, "many_changes")
	}
	if cfg.Triggers.FirstTimeAbroadManager && s.X["first_time_function"] == 1 && f["first_management"] && f["change_country"] {
		s.Triggers = append(s.Triggers, "first_time_abroad_manager")
	}
	switch {
	case len(s.Triggers) > 0:
		s.Band = "overstretch"
	case s.C < cfg.Bands.ComfortBelow-tol:
		s.Band = "comfort"
	case s.C <= s.P+tol:
		s.Band = "stretch"
	default:
		s.Band = "overstretch"
	}
	s.Strategic = true
	for _, id := range Criteria[11:] {
		if s.X[id] >= cfg.StrategicMin-tol {
			s.Held = append(s.Held, id)
		} else {
			s.Strategic = false
		}
	}
	s.Value = Value(s.C, s.P)
	return s
}
