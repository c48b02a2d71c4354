package model

// List tells which list of the catalog a criterion belongs to.
type List string

// The two lists of criteria (SPEC §4).
const (
	// ListA holds the eleven learning situations (Lombardo & Eichinger 1989;
	// McCauley et al. 1994).
	ListA List = "A"
	// ListB holds the four conditions of a strategic move.
	ListB List = "B"
)

// Source tells where a criterion's value comes from.
type Source string

// The sources a criterion can have.
const (
	// SourceRated criteria are rated 1–5 by the manager in moves.csv.
	SourceRated Source = "rated"
	// SourceDerived criteria are computed from people.csv and positions.csv.
	SourceDerived Source = "derived"
)

// Origin tells where one criterion value of one move came from.
type Origin uint8

// The origins of a criterion value, as shown in scores.csv.
const (
	OriginNone    Origin = iota // rated criterion neither rated nor proxied: x = 0
	OriginRated                 // rated by the manager
	OriginProxy                 // not rated: a proxy from the data
	OriginDerived               // computed from the current and target jobs
)

// String returns the origin as written in scores.csv: none, rated, proxy or
// derived.
func (o Origin) String() string {
	switch o {
	case OriginRated:
		return "rated"
	case OriginProxy:
		return "proxy"
	case OriginDerived:
		return "derived"
	}
	return "none"
}

// Criterion describes one development criterion of the catalog.
type Criterion struct {
	ID      string
	List    List
	LabelEN string
	LabelFR string
	Source  Source
	// Proxy describes the proxy used when a rated criterion is not rated,
	// in English and French; empty when there is none.
	Proxy, ProxyFR string
	// Derivation describes how a derived criterion is computed, in English
	// and French.
	Derivation, DerivationFR string
	Weight                   float64 // default weight
	// Obstacle marks the obstacle items, down-weighted on purpose.
	Obstacle bool
}

// Label returns the label in the language lang ("fr" or anything else for
// English).
func (c Criterion) Label(lang string) string {
	if lang == "fr" {
		return c.LabelFR
	}
	return c.LabelEN
}

// NumCriteria is the number of criteria in the catalog.
const NumCriteria = 15

// Indices of the criteria in Catalog.
const (
	FailureVisible = iota
	TakeCharge
	NewTeam
	Pressure
	InfluenceWithoutAuthority
	Ambiguity
	HighVisibility
	TeamBuilding
	Strategic
	BossExtreme
	SomethingMissing
	StakesShift
	AbruptLeap
	FirstTimeFunction
	NewConditions
)

// Catalog lists the fifteen criteria of lists A and B in their fixed order.
// The order is the column order of every output. Do not modify it.
var Catalog = [NumCriteria]Criterion{
	{ID: "failure_visible", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "failure possible and visible", LabelFR: "échec possible et visible aux autres",
		Proxy: "position critical → 0.75", ProxyFR: "poste critique → 0,75"},
	{ID: "take_charge", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "take-charge leadership required", LabelFR: "leadership « agressif » requis",
		Proxy:   "target role_kind line and target headcount > 0 → 0.5",
		ProxyFR: "poste cible opérationnel avec effectif > 0 → 0,5"},
	{ID: "new_team", List: ListA, Source: SourceDerived, Weight: 1.0,
		LabelEN: "new people and/or many people", LabelFR: "personnes nouvelles et/ou nombreuses",
		Derivation:   "0.5·change_team + 0.5·clip(log2((h_t+1)/(h_c+1))/3, 0, 1)",
		DerivationFR: "0,5·changement d'équipe + 0,5·borné(log2((e_c+1)/(e_a+1))/3, 0, 1)"},
	{ID: "pressure", List: ListA, Source: SourceRated, Weight: 0.75,
		LabelEN: "strong pressure: urgency, complexity", LabelFR: "fortes pressions"},
	{ID: "influence_without_authority", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "influence without authority", LabelFR: "influencer sans autorité",
		Proxy: "target role_kind staff → 0.5", ProxyFR: "poste cible fonctionnel → 0,5"},
	{ID: "ambiguity", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "diversity, ambiguity, uncertainty", LabelFR: "diversité, ambiguïté, incertitude",
		Proxy: "new_role or change_country → 0.5", ProxyFR: "poste nouveau ou changement de pays → 0,5"},
	{ID: "high_visibility", List: ListA, Source: SourceRated, Weight: 0.5,
		LabelEN: "watched by people whose opinion counts", LabelFR: "suivi par des personnes dont l'avis compte"},
	{ID: "team_building", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "build or revitalise a team", LabelFR: "monter ou redynamiser une équipe",
		Proxy:   "new_role and target headcount > 0 → 0.75",
		ProxyFR: "poste nouveau avec effectif > 0 → 0,75"},
	{ID: "strategic", List: ListA, Source: SourceRated, Weight: 1.0,
		LabelEN: "strong strategic, intellectually stimulating content", LabelFR: "forte composante stratégique"},
	{ID: "boss_extreme", List: ListA, Source: SourceRated, Weight: 0.25, Obstacle: true,
		LabelEN: "very good or very bad boss", LabelFR: "patron très bon ou très mauvais"},
	{ID: "something_missing", List: ListA, Source: SourceRated, Weight: 0.5, Obstacle: true,
		LabelEN: "something important is missing", LabelFR: "il manque quelque chose d'important"},
	{ID: "stakes_shift", List: ListB, Source: SourceDerived, Weight: 1.0,
		LabelEN: "very different stakes", LabelFR: "enjeux très différents",
		Derivation:   "max of: grade +1 → 0.5, ≥ +2 → 1; headcount at least doubled → 1; change_division → 0.5",
		DerivationFR: "max de : niveau +1 → 0,5, ≥ +2 → 1 ; effectif au moins doublé → 1 ; changement de division → 0,5"},
	{ID: "abrupt_leap", List: ListB, Source: SourceDerived, Weight: 1.0,
		LabelEN: "abrupt leap into new tasks", LabelFR: "saut abrupt",
		Derivation:   "1 if ≥ 2 structural flags or grade_jump; 0.5 if exactly 1 structural flag",
		DerivationFR: "1 si ≥ 2 changements structurels ou saut de niveau ; 0,5 si exactement 1"},
	{ID: "first_time_function", List: ListB, Source: SourceDerived, Weight: 1.0,
		LabelEN: "function never held", LabelFR: "fonction jamais occupée",
		Derivation:   "1 if the target function was never held, or the position is a new role",
		DerivationFR: "1 si la fonction cible n'a jamais été occupée, ou si le poste est nouveau"},
	{ID: "new_conditions", List: ListB, Source: SourceDerived, Weight: 1.0,
		LabelEN: "new conditions of exercise", LabelFR: "nouvelles conditions d'exercice",
		Derivation:   "1 if change_country, hq_to_field, field_to_hq, staff_to_line or line_to_staff",
		DerivationFR: "1 si changement de pays, siège ↔ terrain ou fonctionnel ↔ opérationnel"},
}

// How returns the proxy (rated criteria) or the derivation (derived
// criteria) in the language lang ("fr" or English).
func (c Criterion) How(lang string) string {
	switch {
	case c.Source == SourceDerived && lang == "fr":
		return c.DerivationFR
	case c.Source == SourceDerived:
		return c.Derivation
	case lang == "fr":
		return c.ProxyFR
	}
	return c.Proxy
}

// CriterionIndex returns the index in Catalog of the criterion id, or -1.
func CriterionIndex(id string) int {
	for i := range Catalog {
		if Catalog[i].ID == id {
			return i
		}
	}
	return -1
}

// NumFlags is the number of move flags.
const NumFlags = 12

// Indices of the move flags in Flags.
const (
	ChangeDivision = iota
	ChangeFunction
	ChangeCountry
	ChangeTeam
	ChangeProductLine
	ChangeContinent
	HQToField
	FieldToHQ
	StaffToLine
	LineToStaff
	FirstManagement
	GradeJump
)

// Flag describes one move flag: a 0/1 fact about a move, shown in outputs and
// used by matching, never scored on its own.
type Flag struct {
	ID         string
	LabelEN    string
	LabelFR    string
	Structural bool // counts toward abrupt_leap
}

// Label returns the label in the language lang ("fr" or English).
func (f Flag) Label(lang string) string {
	if lang == "fr" {
		return f.LabelFR
	}
	return f.LabelEN
}

// Flags lists the move flags of SPEC §4 in their fixed output order.
var Flags = [NumFlags]Flag{
	{ID: "change_division", LabelEN: "change of division", LabelFR: "changement de division", Structural: true},
	{ID: "change_function", LabelEN: "change of function", LabelFR: "changement de fonction", Structural: true},
	{ID: "change_country", LabelEN: "change of country", LabelFR: "changement de pays", Structural: true},
	{ID: "change_team", LabelEN: "change of team", LabelFR: "changement d'équipe"},
	{ID: "change_product_line", LabelEN: "change of product line", LabelFR: "changement de ligne de produits", Structural: true},
	{ID: "change_continent", LabelEN: "change of continent", LabelFR: "changement de continent"},
	{ID: "hq_to_field", LabelEN: "from headquarters to the field", LabelFR: "du siège vers le terrain", Structural: true},
	{ID: "field_to_hq", LabelEN: "from the field to headquarters", LabelFR: "du terrain vers le siège", Structural: true},
	{ID: "staff_to_line", LabelEN: "from staff to line role", LabelFR: "d'un poste fonctionnel à un poste opérationnel", Structural: true},
	{ID: "line_to_staff", LabelEN: "from line to staff role", LabelFR: "d'un poste opérationnel à un poste fonctionnel", Structural: true},
	{ID: "first_management", LabelEN: "first management role", LabelFR: "premier poste de management", Structural: true},
	{ID: "grade_jump", LabelEN: "grade jump of two or more", LabelFR: "saut de deux niveaux ou plus"},
}

// FlagIndex returns the index in Flags of the flag id, or -1.
func FlagIndex(id string) int {
	for i := range Flags {
		if Flags[i].ID == id {
			return i
		}
	}
	return -1
}
