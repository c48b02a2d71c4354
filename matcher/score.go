package matcher

import (
	"math"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Band is the verdict on a move's challenge.
type Band string

// The three bands of SPEC §4.
const (
	Comfort     Band = "comfort"
	Stretch     Band = "stretch"
	Overstretch Band = "overstretch"
)

// Trigger is a hard trigger: a combination of changes that makes a move
// overstretch whatever its challenge.
type Trigger string

// The hard triggers of SPEC §4.
const (
	ManyChanges            Trigger = "many_changes"
	FirstTimeAbroadManager Trigger = "first_time_abroad_manager"
)

// eps absorbs floating-point noise when the unrounded challenge is compared
// with a band threshold, so that a challenge of exactly 25 is 25.
const eps = 1e-9

// Contribution is one criterion's share of a move's challenge, in points of
// the 0–100 scale.
type Contribution struct {
	Criterion int // index in model.Catalog
	Points    float64
}

// Score is the full assessment of one candidate move.
type Score struct {
	Move     *model.Move
	Person   *model.Person
	Position *model.Position

	X      [model.NumCriteria]float64      // each criterion's value in [0,1]
	Origin [model.NumCriteria]model.Origin // where each value came from
	Flags  [model.NumFlags]bool

	Challenge float64 // C in [0,100], unrounded
	Support   float64 // S in [0,1]
	Band      Band
	Strategic bool
	Triggers  []Trigger
	top       [3]Contribution // see Top
	ntop      int
}

// Top returns the (at most three) criteria contributing most to C, largest
// first, ties in catalog order; criteria with x = 0 are left out.
func (s *Score) Top() []Contribution { return s.top[:s.ntop] }

// Peak returns P = stretch_base + stretch_support·S: the top of the stretch
// band and the peak of the development value.
func (s *Score) Peak(cfg *model.Config) float64 {
	return cfg.Bands.StretchBase + cfg.Bands.StretchSupport*s.Support
}

// Value returns the development value v(C) of SPEC §5: an inverted U that
// rises linearly to 1 at C = P and falls back to 0 at C = 100.
func (s *Score) Value(cfg *model.Config) float64 {
	return DevelopmentValue(s.Challenge, s.Peak(cfg))
}

// DevelopmentValue returns C/P for C ≤ P and (100 − C)/(100 − P) above, for
// a challenge c and a peak p in (0, 100).
func DevelopmentValue(c, p float64) float64 {
	if c <= p {
		return c / p
	}
	return (100 - c) / (100 - p)
}

// ConditionsHeld returns the ids of the list-B conditions that reach
// cfg.StrategicMin, in catalog order.
func (s *Score) ConditionsHeld(cfg *model.Config) []string {
	var ids []string
	for i := range model.Catalog {
		if model.Catalog[i].List == model.ListB && s.X[i] >= cfg.StrategicMin-eps {
			ids = append(ids, model.Catalog[i].ID)
		}
	}
	return ids
}

// ScoreMove assesses move mv of person p into position pos under cfg.
func ScoreMove(cfg *model.Config, p *model.Person, pos *model.Position, mv *model.Move) Score {
	w := cfg.WeightVector()
	return scoreMove(cfg, &w, p, pos, mv)
}

// scoreMove is ScoreMove with the weights already resolved.
func scoreMove(cfg *model.Config, weights *[model.NumCriteria]float64, p *model.Person, pos *model.Position, mv *model.Move) Score {
	s := Score{Move: mv, Person: p, Position: pos}
	cur, tgt := p.Job(), pos.Job()
	s.Flags = MoveFlags(cfg, cur, tgt)
	f := &s.Flags

	// List A: rated criteria, with their proxies.
	proxies := [model.NumCriteria]struct {
		applies bool
		x       float64
	}{
		model.FailureVisible:            {pos.Critical, cfg.Proxies.FailureVisibleCritical},
		model.TakeCharge:                {eq(tgt.RoleKind, "line") && tgt.Headcount.Or(0) > 0, cfg.Proxies.TakeChargeLineManager},
		model.InfluenceWithoutAuthority: {eq(tgt.RoleKind, "staff"), cfg.Proxies.InfluenceStaff},
		model.Ambiguity:                 {pos.NewRole || f[model.ChangeCountry], cfg.Proxies.AmbiguityNewOrAbroad},
		model.TeamBuilding:              {pos.NewRole && tgt.Headcount.Or(0) > 0, cfg.Proxies.TeamBuildingNewTeam},
	}
	for i := range model.Catalog {
		if model.Catalog[i].Source != model.SourceRated {
			continue
		}
		switch r := mv.Ratings[i]; {
		case r.OK:
			s.X[i], s.Origin[i] = (r.V-1)/4, model.OriginRated
		case proxies[i].applies:
			s.X[i], s.Origin[i] = proxies[i].x, model.OriginProxy
		default:
			s.X[i], s.Origin[i] = 0, model.OriginNone
		}
	}

	// new_team: half for a change of team, half for growth in headcount.
	hc, ht := float64(cur.Headcount.Or(0)), float64(tgt.Headcount.Or(0))
	growth := clip(math.Log2((ht+1)/(hc+1))/3, 0, 1)
	s.X[model.NewTeam] = 0.5*b2f(f[model.ChangeTeam]) + 0.5*growth
	s.Origin[model.NewTeam] = model.OriginDerived

	// List B: the conditions of a strategic move.
	stakes := 0.0
	if cur.Grade.OK && tgt.Grade.OK {
		switch d := tgt.Grade.V - cur.Grade.V; {
		case d >= 2:
			stakes = 1
		case d == 1:
			stakes = 0.5
		}
	}
	if ht > 0 && ht >= 2*math.Max(hc, 1) {
		stakes = 1
	}
	if f[model.ChangeDivision] {
		stakes = math.Max(stakes, 0.5)
	}
	s.X[model.StakesShift] = stakes

	structural := 0
	for i := range model.Flags {
		if model.Flags[i].Structural && f[i] {
			structural++
		}
	}
	switch {
	case structural >= 2 || f[model.GradeJump]:
		s.X[model.AbruptLeap] = 1
	case structural == 1:
		s.X[model.AbruptLeap] = 0.5
	}

	if pos.NewRole || (tgt.Function != "" && !eq(tgt.Function, cur.Function) &&
		!slices.ContainsFunc(p.FunctionsHeld, func(h string) bool { return eq(h, tgt.Function) })) {
		s.X[model.FirstTimeFunction] = 1
	}
	if f[model.ChangeCountry] || f[model.HQToField] || f[model.FieldToHQ] || f[model.StaffToLine] || f[model.LineToStaff] {
		s.X[model.NewConditions] = 1
	}
	for _, i := range []int{model.StakesShift, model.AbruptLeap, model.FirstTimeFunction, model.NewConditions} {
		s.Origin[i] = model.OriginDerived
	}

	// Challenge and its strongest contributions.
	sumW, sumWX := 0.0, 0.0
	for i, w := range weights {
		sumW += w
		sumWX += w * s.X[i]
	}
	s.Challenge = 100 * sumWX / sumW
	s.ntop = len(topContributions(weights, &s.X, sumW, s.top[:0]))

	// Support: mean of what is given.
	var sup []float64
	if mv.Support.OK {
		sup = append(sup, (mv.Support.V-1)/4)
	}
	if p.LearningOrientation.OK {
		sup = append(sup, (p.LearningOrientation.V-1)/4)
	}
	s.Support = cfg.Bands.DefaultSupport
	if len(sup) > 0 {
		s.Support = 0
		for _, v := range sup {
			s.Support += v
		}
		s.Support /= float64(len(sup))
	}

	// Hard triggers.
	changes := 0
	for _, c := range []bool{f[model.ChangeFunction], f[model.ChangeCountry], f[model.ChangeDivision],
		f[model.StaffToLine] || f[model.LineToStaff], f[model.GradeJump]} {
		if c {
			changes++
		}
	}
	if changes >= cfg.Triggers.ManyChanges {
		s.Triggers = append(s.Triggers, ManyChanges)
	}
	if cfg.Triggers.FirstTimeAbroadManager && s.X[model.FirstTimeFunction] == 1 &&
		f[model.FirstManagement] && f[model.ChangeCountry] {
		s.Triggers = append(s.Triggers, FirstTimeAbroadManager)
	}

	switch {
	case len(s.Triggers) > 0 || s.Challenge > s.Peak(cfg)+eps:
		s.Band = Overstretch
	case s.Challenge < cfg.Bands.ComfortBelow-eps:
		s.Band = Comfort
	default:
		s.Band = Stretch
	}
	s.Strategic = true
	for i := range model.Catalog {
		if model.Catalog[i].List == model.ListB && s.X[i] < cfg.StrategicMin-eps {
			s.Strategic = false
		}
	}
	return s
}

// MoveFlags compares a current job with a target job. A field missing on
// either side never counts as a change.
func MoveFlags(cfg *model.Config, cur, tgt model.Job) [model.NumFlags]bool {
	var f [model.NumFlags]bool
	f[model.ChangeDivision] = differ(cur.Division, tgt.Division)
	f[model.ChangeFunction] = differ(cur.Function, tgt.Function)
	f[model.ChangeCountry] = differ(cur.Country, tgt.Country)
	f[model.ChangeTeam] = differ(cur.Team, tgt.Team)
	f[model.ChangeProductLine] = differ(cur.ProductLine, tgt.ProductLine)
	cc, ok1 := model.Continent(cur.Country)
	tc, ok2 := model.Continent(tgt.Country)
	f[model.ChangeContinent] = ok1 && ok2 && cc != tc
	f[model.HQToField] = eq(cur.SiteType, "hq") && eq(tgt.SiteType, "field")
	f[model.FieldToHQ] = eq(cur.SiteType, "field") && eq(tgt.SiteType, "hq")
	f[model.StaffToLine] = eq(cur.RoleKind, "staff") && eq(tgt.RoleKind, "line")
	f[model.LineToStaff] = eq(cur.RoleKind, "line") && eq(tgt.RoleKind, "staff")
	f[model.FirstManagement] = cur.Headcount.Or(0) == 0 && tgt.Headcount.Or(0) > 0
	f[model.GradeJump] = cur.Grade.OK && tgt.Grade.OK && tgt.Grade.V-cur.Grade.V >= cfg.Triggers.GradeJump
	return f
}

// topContributions appends to dst (of capacity k) the k largest positive
// contributions to the challenge, largest first, ties in catalog order.
func topContributions(weights, x *[model.NumCriteria]float64, sumW float64, dst []Contribution) []Contribution {
	k := cap(dst)
	for i, w := range weights {
		p := 100 * w * x[i] / sumW
		if p <= 0 {
			continue
		}
		// Insert, keeping dst sorted; a later criterion goes after an
		// equal one, so ties stay in catalog order.
		at := len(dst)
		for at > 0 && dst[at-1].Points < p {
			at--
		}
		if at == k {
			continue
		}
		if len(dst) < k {
			dst = append(dst, Contribution{})
		}
		copy(dst[at+1:], dst[at:len(dst)-1])
		dst[at] = Contribution{Criterion: i, Points: p}
	}
	return dst
}

// eq compares two values of a categorical field, ignoring case and spaces
// around them.
func eq(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// differ reports whether both values are given and differ.
func differ(a, b string) bool {
	return strings.TrimSpace(a) != "" && strings.TrimSpace(b) != "" && !eq(a, b)
}

func clip(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
