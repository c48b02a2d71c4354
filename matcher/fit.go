package matcher

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stretchmatch/stretchmatch/model"
)

// Fit components, in the order of pairs.csv.
const (
	FitExperience = iota
	FitPreference
	FitSeniority
	FitCrossDivision
	FitLocation
	NumFitComponents
)

// FitComponentIDs names the fit components as in pairs.csv (fit_<id>).
var FitComponentIDs = [NumFitComponents]string{"experience", "preference", "seniority", "cross_division", "location"}

// Fit is how well a mentor suits a mentee (SPEC §6).
type Fit struct {
	Total float64                   // F in [0,100]
	C     [NumFitComponents]float64 // each component in [0,1]
	Has   [NumFitComponents]bool    // whether the component had data
	W     [NumFitComponents]float64 // the weights in force
	// Shared lists the mentee's needs the mentor has lived, in the order
	// of the needs; Needs is how many needs there were.
	Shared []string
	Needs  int
	Rank   int // the mentor's rank in the mentee's preferences, 0 if not ranked
	Ranked int // how many mentors the mentee ranked
	Grades int // mentor grade − mentee grade, when Has[FitSeniority]
}

// Contribution returns component k's share of the total, in fit points.
func (f *Fit) Contribution(k int) float64 {
	sum := 0.0
	for i := range f.W {
		if f.Has[i] {
			sum += f.W[i]
		}
	}
	if !f.Has[k] || sum == 0 {
		return 0
	}
	return 100 * f.W[k] * f.C[k] / sum
}

// mentorSide is what fit needs to know of a mentor.
type mentorSide struct {
	person     *model.Person
	keys       personKeys
	experience map[string]bool // lower-cased tags
}

// menteeSide is what fit needs to know of a mentee.
type menteeSide struct {
	person *model.Person
	keys   personKeys
	needs  []string       // lower-cased, de-duplicated, in order
	rank   map[string]int // mentor id -> 1-based rank
	ranked int
}

// personKeys are the fields of a person as the rules and the fit compare
// them, computed once per person rather than once per pair: trimmed and
// case-folded (two keys are equal exactly when eq holds for the fields),
// with the continent of the country.
type personKeys struct {
	team, division, country string
	continent               string
	hasContinent            bool
}

func keysOf(p *model.Person) personKeys {
	k := personKeys{team: foldKey(p.Team), division: foldKey(p.Division), country: foldKey(p.Country)}
	k.continent, k.hasContinent = model.Continent(p.Country)
	return k
}

// foldKey returns s trimmed, with every letter replaced by the smallest
// letter of its case-folding orbit: foldKey(a) == foldKey(b) exactly when
// strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)).
func foldKey(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		// The smallest letter of an ASCII letter's orbit is its upper case.
		return strings.ToUpper(s)
	}
	return strings.Map(func(r rune) rune {
		low := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			low = min(low, f)
		}
		return low
	}, s)
}

// needsOf returns the mentee's needs: their own tags, then, with a planned
// move, its flags set and its criteria with x ≥ cfg.Match.NeedMinX.
func needsOf(cfg *model.Config, tags []string, planned *Score) []string {
	var needs []string
	add := func(t string) {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !slices.Contains(needs, t) {
			needs = append(needs, t)
		}
	}
	for _, t := range tags {
		add(t)
	}
	if planned != nil {
		for i, f := range model.Flags {
			if planned.Flags[i] {
				add(f.ID)
			}
		}
		for i, c := range model.Catalog {
			if planned.X[i] >= cfg.Match.NeedMinX-eps {
				add(c.ID)
			}
		}
	}
	return needs
}

// computeFit returns the fit of mentor m for mentee e under cfg.
func computeFit(cfg *model.Config, e *menteeSide, m *mentorSide) Fit {
	return fitOf(cfg, e, m, true)
}

// fitOf computes the fit; without detail it leaves Shared empty (the
// total is the same), which spares an allocation on the hot path of the
// matcher.
func fitOf(cfg *model.Config, e *menteeSide, m *mentorSide, detail bool) Fit {
	w := cfg.Match.FitWeights
	f := Fit{W: [NumFitComponents]float64{w.Experience, w.Preference, w.Seniority, w.CrossDivision, w.Location}}

	if len(e.needs) > 0 {
		f.Has[FitExperience] = true
		f.Needs = len(e.needs)
		shared := 0
		for _, n := range e.needs {
			if m.experience[n] {
				shared++
				if detail {
					f.Shared = append(f.Shared, n)
				}
			}
		}
		f.C[FitExperience] = float64(shared) / float64(len(e.needs))
	}
	if e.ranked > 0 {
		f.Has[FitPreference] = true
		f.Ranked = e.ranked
		if r, ok := e.rank[m.person.ID]; ok {
			f.Rank = r
			f.C[FitPreference] = 1 - float64(r-1)/float64(e.ranked)
		}
	}
	mp, ep := m.person, e.person
	if mp.Grade.OK && ep.Grade.OK {
		f.Has[FitSeniority] = true
		g := mp.Grade.V - ep.Grade.V
		f.Grades = g
		switch {
		case g >= 1 && g <= 3:
			f.C[FitSeniority] = 1
		case g == 0:
			f.C[FitSeniority] = 0.3
		case g > 3:
			f.C[FitSeniority] = 0.6
		}
	}
	mk, ek := &m.keys, &e.keys
	if mk.division != "" && ek.division != "" {
		f.Has[FitCrossDivision] = true
		if mk.division != ek.division {
			f.C[FitCrossDivision] = 1
		}
	}
	if mk.country != "" && ek.country != "" {
		f.Has[FitLocation] = true
		if mk.country == ek.country {
			f.C[FitLocation] = 1
		} else if mk.hasContinent && ek.hasContinent && mk.continent == ek.continent {
			f.C[FitLocation] = 0.5
		}
	}

	sumW, sumWC := 0.0, 0.0
	for k := range f.C {
		if f.Has[k] {
			sumW += f.W[k]
			sumWC += f.W[k] * f.C[k]
		}
	}
	if sumW > 0 {
		f.Total = 100 * sumWC / sumW
	} else {
		f.Total = 50
	}
	return f
}

// fitKey is the fit in hundredths of a point: the matcher maximises total
// fit exactly at the precision it is shown with.
func fitKey(f float64) int64 { return int64(math.Round(f * 100)) }
