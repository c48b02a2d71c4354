package oracle

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// TestDefaultsAreTheSpec checks the product's default configuration and
// catalog against the numbers of SPEC §4–§6, written here by hand: the
// oracle reads the configuration it is given, so a wrong default would
// otherwise pass unseen.
func TestDefaultsAreTheSpec(t *testing.T) {
	cfg := model.Default()
	for id, w := range SpecWeights {
		if cfg.Weights[id] != w {
			t.Errorf("default weight of %s = %v, the specification says %v", id, cfg.Weights[id], w)
		}
	}
	for i, c := range model.Catalog {
		if c.ID != Criteria[i] || c.Weight != SpecWeights[c.ID] || (c.Source == model.SourceRated) != rated[c.ID] {
			t.Errorf("catalog %d = %s (weight %v, %s), the specification says %s", i, c.ID, c.Weight, c.Source, Criteria[i])
		}
	}
	for i, f := range model.Flags {
		if f.ID != FlagIDs[i] || f.Structural != structural[f.ID] {
			t.Errorf("flag %d = %s (structural %v), the specification says %s (%v)", i, f.ID, f.Structural, FlagIDs[i], structural[FlagIDs[i]])
		}
	}
	type kv struct {
		key       string
		got, want float64
	}
	fw := cfg.Match.FitWeights
	for _, c := range []kv{
		{"proxies.failure_visible_critical", cfg.Proxies.FailureVisibleCritical, 0.75},
		{"proxies.take_charge_line_manager", cfg.Proxies.TakeChargeLineManager, 0.5},
		{"proxies.influence_without_authority_staff", cfg.Proxies.InfluenceStaff, 0.5},
		{"proxies.ambiguity_new_role_or_country", cfg.Proxies.AmbiguityNewOrAbroad, 0.5},
		{"proxies.team_building_new_role_with_team", cfg.Proxies.TeamBuildingNewTeam, 0.75},
		{"bands.comfort_below", cfg.Bands.ComfortBelow, 25},
		{"bands.stretch_base", cfg.Bands.StretchBase, 60},
		{"bands.stretch_support", cfg.Bands.StretchSupport, 10},
		{"bands.default_support", cfg.Bands.DefaultSupport, 0.5},
		{"strategic_min", cfg.StrategicMin, 0.5},
		{"triggers.many_changes", float64(cfg.Triggers.ManyChanges), 3},
		{"triggers.grade_jump", float64(cfg.Triggers.GradeJump), 2},
		{"match.min_fit", cfg.Match.MinFit, 20},
		{"match.tier2_min_challenge", cfg.Match.Tier2Min, 45},
		{"match.need_min_x", cfg.Match.NeedMinX, 0.5},
		{"match.default_capacity", float64(cfg.Match.DefaultCapacity), 2},
		{"match.line_depth", float64(cfg.Match.LineDepth), 0},
		{"match.fit_weights.experience", fw.Experience, 0.35},
		{"match.fit_weights.preference", fw.Preference, 0.25},
		{"match.fit_weights.seniority", fw.Seniority, 0.15},
		{"match.fit_weights.cross_division", fw.CrossDivision, 0.15},
		{"match.fit_weights.location", fw.Location, 0.10},
	} {
		if c.got != c.want {
			t.Errorf("default %s = %v, the specification says %v", c.key, c.got, c.want)
		}
	}
	if !cfg.Triggers.FirstTimeAbroadManager || cfg.Match.AllowRepeat {
		t.Errorf("default triggers.first_time_abroad_manager %v, match.allow_repeat %v", cfg.Triggers.FirstTimeAbroadManager, cfg.Match.AllowRepeat)
	}
}

// TestValue checks v(C) at the points of the specification's inverted U.
func TestValue(t *testing.T) {
	for _, c := range []struct{ c, p, want float64 }{
		{0, 65, 0}, {32.5, 65, 0.5}, {65, 65, 1}, {82.5, 65, 0.5}, {100, 65, 0}, {70, 60, 0.75},
	} {
		if got := Value(c.c, c.p); got != c.want {
			t.Errorf("v(%v) with P = %v: %v, want %v", c.c, c.p, got, c.want)
		}
	}
}

// TestPlanOptimumAgainstBruteForce checks the oracle's plan optimum, which
// the sample's golden plan is held to, by enumeration.
func TestPlanOptimumAgainstBruteForce(t *testing.T) {
	rng := newRNG(5)
	for trial := range 500 {
		var moves []PlanMove
		openings := map[string]int{}
		nPeople, nPos := 1+rng.IntN(6), 1+rng.IntN(4)
		for j := range nPos {
			openings[string(rune('A'+j))] = 1 + rng.IntN(2)
		}
		for i := range nPeople {
			for j := range nPos {
				if rng.IntN(2) == 0 {
					continue
				}
				band := []string{"comfort", "stretch", "overstretch"}[rng.IntN(3)]
				moves = append(moves, PlanMove{ID: string(rune('a'+i)) + string(rune('A'+j)), Person: string(rune('a' + i)),
					Position: string(rune('A' + j)), Value: float64(rng.IntN(10)) / 9, Band: band})
			}
		}
		for _, allow := range []bool{false, true} {
			got, want := PlanOptimum(moves, openings, allow), PlanBrute(moves, openings, allow)
			if d := got - want; d > 1e-9 || d < -1e-9 {
				t.Fatalf("trial %d (allow %v): optimum %v, brute force %v for %+v", trial, allow, got, want, moves)
			}
		}
	}
}
