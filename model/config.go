package model

import "fmt"

// Config holds every number and rule of scoring, planning and matching that a
// user may override with --config. Default returns the values of SPEC §4–§6.
// The yaml tags are the keys of the configuration file.
type Config struct {
	// Weights of the fifteen criteria, by criterion id.
	Weights map[string]float64 `yaml:"weights"`
	Proxies Proxies            `yaml:"proxies"`
	Bands   Bands              `yaml:"bands"`
	// StrategicMin is the value every list-B condition must reach for a move
	// to be strategic.
	StrategicMin float64  `yaml:"strategic_min"`
	Triggers     Triggers `yaml:"triggers"`
	Match        Match    `yaml:"match"`
	// Followup holds the thresholds of the follow-up across quarters.
	Followup Followup `yaml:"followup"`
	// Codev holds the rules and weights of codevelopment groups.
	Codev CodevConfig `yaml:"codev"`
	Pack  Pack        `yaml:"pack"`
}

// Pack holds what the committee pack says of itself.
type Pack struct {
	// Confidential is the mark printed on every page of the pack; empty
	// prints none. The default, DefaultConfidential, is shown in the
	// language of the pack.
	Confidential string `yaml:"confidential"`
	// EquityColumns names more columns of people.csv for the equity audit,
	// besides gender, division, grade band and country. They are read for
	// the audit only.
	EquityColumns []string `yaml:"equity_columns"`
}

// DefaultConfidential is the default confidentiality mark of the pack.
const DefaultConfidential = "Confidential — HR"

// Proxies are the values given to rated criteria that were not rated, when
// the data allows a proxy (SPEC §4).
type Proxies struct {
	FailureVisibleCritical float64 `yaml:"failure_visible_critical"`
	TakeChargeLineManager  float64 `yaml:"take_charge_line_manager"`
	InfluenceStaff         float64 `yaml:"influence_without_authority_staff"`
	AmbiguityNewOrAbroad   float64 `yaml:"ambiguity_new_role_or_country"`
	TeamBuildingNewTeam    float64 `yaml:"team_building_new_role_with_team"`
}

// Bands are the challenge thresholds: comfort below ComfortBelow; stretch up
// to StretchBase + StretchSupport·S; overstretch above.
type Bands struct {
	ComfortBelow   float64 `yaml:"comfort_below"`
	StretchBase    float64 `yaml:"stretch_base"`
	StretchSupport float64 `yaml:"stretch_support"`
	// DefaultSupport is S when neither the move's support nor the person's
	// learning orientation is given.
	DefaultSupport float64 `yaml:"default_support"`
}

// Triggers are the hard triggers that make a move overstretch whatever its
// challenge.
type Triggers struct {
	// ManyChanges is the number of big changes from which many_changes fires.
	ManyChanges int `yaml:"many_changes"`
	// GradeJump is the grade increase from which grade_jump is set.
	GradeJump int `yaml:"grade_jump"`
	// FirstTimeAbroadManager turns the first_time_abroad_manager trigger on.
	FirstTimeAbroadManager bool `yaml:"first_time_abroad_manager"`
}

// Match holds the mentor-matching rules of SPEC §6.
type Match struct {
	MinFit float64 `yaml:"min_fit"`
	// LineDepth limits how far up the chain of managers the reporting-line
	// rule looks; 0 means no limit.
	LineDepth   int        `yaml:"line_depth"`
	FitWeights  FitWeights `yaml:"fit_weights"`
	Tier2Min    float64    `yaml:"tier2_min_challenge"`
	NeedMinX    float64    `yaml:"need_min_x"`
	AllowRepeat bool       `yaml:"allow_repeat"`
	// DefaultCapacity is a mentor's capacity when mentors.csv leaves it empty.
	DefaultCapacity int `yaml:"default_capacity"`
}

// FitWeights are the weights of the five fit components.
type FitWeights struct {
	Experience    float64 `yaml:"experience"`
	Preference    float64 `yaml:"preference"`
	Seniority     float64 `yaml:"seniority"`
	CrossDivision float64 `yaml:"cross_division"`
	Location      float64 `yaml:"location"`
}

// Default returns the configuration of the specification. Each call returns
// a fresh value that the caller may modify.
func Default() Config {
	w := make(map[string]float64, NumCriteria)
	for _, c := range Catalog {
		w[c.ID] = c.Weight
	}
	return Config{
		Weights: w,
		Proxies: Proxies{
			FailureVisibleCritical: 0.75,
			TakeChargeLineManager:  0.5,
			InfluenceStaff:         0.5,
			AmbiguityNewOrAbroad:   0.5,
			TeamBuildingNewTeam:    0.75,
		},
		Bands:        Bands{ComfortBelow: 25, StretchBase: 60, StretchSupport: 10, DefaultSupport: 0.5},
		StrategicMin: 0.5,
		Triggers:     Triggers{ManyChanges: 3, GradeJump: 2, FirstTimeAbroadManager: true},
		Match: Match{
			MinFit:          20,
			FitWeights:      FitWeights{Experience: 0.35, Preference: 0.25, Seniority: 0.15, CrossDivision: 0.15, Location: 0.10},
			Tier2Min:        45,
			NeedMinX:        0.5,
			DefaultCapacity: 2,
		},
		Followup: DefaultFollowup(),
		Codev:    DefaultCodev(),
		Pack:     Pack{Confidential: DefaultConfidential, EquityColumns: []string{}},
	}
}

// Weight returns the weight of the criterion at index i of Catalog.
func (c *Config) Weight(i int) float64 {
	if w, ok := c.Weights[Catalog[i].ID]; ok {
		return w
	}
	return Catalog[i].Weight
}

// WeightVector returns the weights of the catalog's criteria, in catalog
// order.
func (c *Config) WeightVector() [NumCriteria]float64 {
	var w [NumCriteria]float64
	for i := range w {
		w[i] = c.Weight(i)
	}
	return w
}

// Check reports the first value of the configuration that makes no sense,
// naming its key, or nil.
func (c *Config) Check() error {
	sum := 0.0
	for id, w := range c.Weights {
		if CriterionIndex(id) < 0 {
			return fmt.Errorf("weights.%s: unknown criterion (see 'stretchmatch criteria')", id)
		}
		if !(w >= 0 && w <= MaxWeight) {
			return fmt.Errorf("weights.%s: must be a number from 0 to %d, got %v", id, MaxWeight, w)
		}
	}
	for i := range Catalog {
		sum += c.Weight(i)
	}
	if sum <= 0 {
		return fmt.Errorf("weights: at least one weight must be above 0")
	}
	unit := []struct {
		key string
		v   float64
	}{
		{"proxies.failure_visible_critical", c.Proxies.FailureVisibleCritical},
		{"proxies.take_charge_line_manager", c.Proxies.TakeChargeLineManager},
		{"proxies.influence_without_authority_staff", c.Proxies.InfluenceStaff},
		{"proxies.ambiguity_new_role_or_country", c.Proxies.AmbiguityNewOrAbroad},
		{"proxies.team_building_new_role_with_team", c.Proxies.TeamBuildingNewTeam},
		{"bands.default_support", c.Bands.DefaultSupport},
		{"strategic_min", c.StrategicMin},
		{"match.need_min_x", c.Match.NeedMinX},
	}
	for _, u := range unit {
		if !(u.v >= 0 && u.v <= 1) {
			return fmt.Errorf("%s: must be between 0 and 1, got %v", u.key, u.v)
		}
	}
	pct := []struct {
		key string
		v   float64
	}{
		{"bands.comfort_below", c.Bands.ComfortBelow},
		{"bands.stretch_base", c.Bands.StretchBase},
		{"match.min_fit", c.Match.MinFit},
		{"match.tier2_min_challenge", c.Match.Tier2Min},
	}
	for _, p := range pct {
		if !(p.v >= 0 && p.v <= 100) {
			return fmt.Errorf("%s: must be between 0 and 100, got %v", p.key, p.v)
		}
	}
	if c.Bands.StretchBase < c.Bands.ComfortBelow {
		return fmt.Errorf("bands.stretch_base (%v) must not be below bands.comfort_below (%v)", c.Bands.StretchBase, c.Bands.ComfortBelow)
	}
	if c.Bands.StretchSupport < 0 || c.Bands.StretchBase+c.Bands.StretchSupport >= 100 {
		return fmt.Errorf("bands.stretch_support: must be ≥ 0 and keep stretch_base + stretch_support below 100, got %v", c.Bands.StretchSupport)
	}
	if c.Triggers.ManyChanges < 1 || c.Triggers.ManyChanges > MaxWhole {
		return fmt.Errorf("triggers.many_changes: must be from 1 to %d, got %d", MaxWhole, c.Triggers.ManyChanges)
	}
	if c.Triggers.GradeJump < 1 || c.Triggers.GradeJump > MaxWhole {
		return fmt.Errorf("triggers.grade_jump: must be from 1 to %d, got %d", MaxWhole, c.Triggers.GradeJump)
	}
	if c.Match.LineDepth < 0 || c.Match.LineDepth > MaxWhole {
		return fmt.Errorf("match.line_depth: must be from 0 (no limit) to %d, got %d", MaxWhole, c.Match.LineDepth)
	}
	if c.Match.DefaultCapacity < 0 || c.Match.DefaultCapacity > MaxWhole {
		return fmt.Errorf("match.default_capacity: must be from 0 to %d, got %d", MaxWhole, c.Match.DefaultCapacity)
	}
	if err := c.Followup.Check(); err != nil {
		return err
	}
	fw := c.Match.FitWeights
	for _, f := range []struct {
		key string
		v   float64
	}{{"experience", fw.Experience}, {"preference", fw.Preference}, {"seniority", fw.Seniority},
		{"cross_division", fw.CrossDivision}, {"location", fw.Location}} {
		if !(f.v >= 0 && f.v <= MaxWeight) {
			return fmt.Errorf("match.fit_weights.%s: must be a number from 0 to %d, got %v", f.key, MaxWeight, f.v)
		}
	}
	return c.Codev.Check()
}
