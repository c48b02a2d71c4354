package matcher

import (
	"math/bits"
	"slices"
)

// ruleKeys holds what the rules and the fit compare of every mentee row
// and mentor column of the solve as small integers, so that the check of
// a pair (run for every mentee–mentor pair) costs a few comparisons: ids
// interned, the chains of managers as sorted id lists, languages and
// needs as bitsets. check gives the same answer as matchCtx.rule.
type ruleKeys struct {
	rows   []menteeKeys
	cols   []mentorKeys
	words  int // words of each language and experience bitset
	repeat bool
	w      [NumFitComponents]float64
	minFit float64
}

type menteeKeys struct {
	id                int32
	chain, future     []int32 // sorted person ids
	avoid, ended      []int32 // sorted mentor ids
	team              int32   // 0: none
	division, country int32   // 0: none
	continent         int32   // 0: none
	langs, needs      []uint64
	hasLangs          bool
	nNeeds            int
	prefIDs           []int32 // the ranked mentors, sorted, ...
	prefRank          []int   // ... with their rank
	ranked            int
	grade             int
	hasGrade          bool
}

type mentorKeys struct {
	id                int32
	chain             []int32 // sorted person ids
	team              int32
	division, country int32
	continent         int32
	langs, exp        []uint64
	hasLangs          bool
	grade             int
	hasGrade          bool
	unavailable       bool
}

// interner numbers strings from 1 in the order they are first seen; ""
// is 0.
type interner map[string]int32

func (in interner) id(s string) int32 {
	if s == "" {
		return 0
	}
	if k, ok := in[s]; ok {
		return k
	}
	k := int32(len(in) + 1)
	in[s] = k
	return k
}

// lookup returns the id of s, or -1 if it was never interned.
func (in interner) lookup(s string) int32 {
	if k, ok := in[s]; ok {
		return k
	}
	return -1
}

func newRuleKeys(mx *matchCtx, rows []*Mentee, mentors []*Mentor) *ruleKeys {
	rk := &ruleKeys{rows: make([]menteeKeys, len(rows)), cols: make([]mentorKeys, len(mentors)),
		repeat: mx.opt.AllowRepeat || mx.cfg.Match.AllowRepeat, minFit: mx.cfg.Match.MinFit - eps}
	w := mx.cfg.Match.FitWeights
	rk.w = [NumFitComponents]float64{w.Experience, w.Preference, w.Seniority, w.CrossDivision, w.Location}
	people, fields, langs, tags := interner{}, interner{}, interner{}, interner{}
	for _, m := range mentors {
		people.id(m.Person.ID)
	}
	for _, e := range rows {
		people.id(e.Person.ID)
	}
	for _, e := range rows {
		for _, l := range e.langs {
			langs.id(l)
		}
		for _, t := range e.needs.needs {
			tags.id(t)
		}
	}
	for _, m := range mentors {
		for _, l := range m.langs {
			langs.id(l)
		}
	}
	rk.words = max((len(langs)+63)/64, (len(tags)+63)/64, 1)
	ids := func(list []string) []int32 {
		var out []int32
		for _, s := range list {
			if k := people.lookup(s); k >= 0 {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	set := func(list []string, in interner) []uint64 {
		b := make([]uint64, rk.words)
		for _, s := range list {
			if k := in.lookup(s); k > 0 {
				b[(k-1)/64] |= 1 << ((k - 1) % 64)
			}
		}
		return b
	}
	continent := func(k personKeys) int32 {
		if !k.hasContinent {
			return 0
		}
		return fields.id("continent\x00" + k.continent)
	}
	for c, m := range mentors {
		p := m.Person
		mk := &rk.cols[c]
		mk.id = people.lookup(p.ID)
		mk.chain = ids(m.chain)
		keys := m.side.keys
		mk.team, mk.division, mk.country = fields.id(tagged("team", keys.team)), fields.id(tagged("division", keys.division)),
			fields.id(tagged("country", keys.country))
		mk.continent = continent(keys)
		mk.langs, mk.hasLangs = set(m.langs, langs), len(m.langs) > 0
		exp := make([]string, 0, len(m.side.experience))
		for t := range m.side.experience {
			exp = append(exp, t)
		}
		mk.exp = set(exp, tags)
		mk.grade, mk.hasGrade = p.Grade.V, p.Grade.OK
		mk.unavailable = m.Capacity <= 0
	}
	for r, e := range rows {
		p := e.Person
		ek := &rk.rows[r]
		ek.id = people.lookup(p.ID)
		ek.chain, ek.future = ids(e.chain), ids(e.future)
		for a := range e.avoid {
			if k := people.lookup(a); k >= 0 {
				ek.avoid = append(ek.avoid, k)
			}
		}
		slices.Sort(ek.avoid)
		for id, ended := range e.ended {
			if k := people.lookup(id); ended && k >= 0 {
				ek.ended = append(ek.ended, k)
			}
		}
		slices.Sort(ek.ended)
		keys := e.needs.keys
		ek.team, ek.division, ek.country = fields.id(tagged("team", keys.team)), fields.id(tagged("division", keys.division)),
			fields.id(tagged("country", keys.country))
		ek.continent = continent(keys)
		ek.langs, ek.hasLangs = set(e.langs, langs), len(e.langs) > 0
		ek.needs, ek.nNeeds = set(e.needs.needs, tags), len(e.needs.needs)
		type pref struct {
			id   int32
			rank int
		}
		var prefs []pref
		for id, rank := range e.needs.rank {
			if k := people.lookup(id); k >= 0 {
				prefs = append(prefs, pref{k, rank})
			}
		}
		slices.SortFunc(prefs, func(a, b pref) int { return int(a.id - b.id) })
		for _, pf := range prefs {
			ek.prefIDs = append(ek.prefIDs, pf.id)
			ek.prefRank = append(ek.prefRank, pf.rank)
		}
		ek.ranked = e.needs.ranked
		ek.grade, ek.hasGrade = p.Grade.V, p.Grade.OK
	}
	return rk
}

// tagged keeps fields of different kinds apart in one interner; an empty
// field stays empty.
func tagged(kind, s string) string {
	if s == "" {
		return ""
	}
	return kind + "\x00" + s
}

// has reports whether the sorted list holds k.
func has(list []int32, k int32) bool {
	_, ok := slices.BinarySearch(list, k)
	return ok
}

// ruleNone is check's rule index for a pair that breaks no rule.
const ruleNone = -1

// check returns the index in Rules of the first rule the pair of row r and
// column c breaks (ruleNone if none) and, when it breaks none but
// low_fit, the fit key (the fit in hundredths).
func (rk *ruleKeys) check(r, c int) (int, int32) {
	e, m := &rk.rows[r], &rk.cols[c]
	switch {
	case e.id == m.id:
		return 0, 0
	case has(e.chain, m.id):
		return 1, 0
	case has(m.chain, e.id):
		return 2, 0
	case has(e.future, m.id):
		return 3, 0
	case e.team != 0 && e.team == m.team:
		return 4, 0
	case has(e.avoid, m.id):
		return 5, 0
	case m.unavailable:
		return 6, 0
	case e.hasLangs && m.hasLangs && !intersects(e.langs, m.langs):
		return 7, 0
	case !rk.repeat && has(e.ended, m.id):
		return 8, 0
	}
	total := rk.fit(e, m)
	if total < rk.minFit {
		return 9, 0
	}
	return ruleNone, int32(fitKey(total))
}

func intersects(a, b []uint64) bool {
	for k, x := range a {
		if x&b[k] != 0 {
			return true
		}
	}
	return false
}

// fit is fitOf's total, by the same arithmetic in the same order.
func (rk *ruleKeys) fit(e *menteeKeys, m *mentorKeys) float64 {
	var c [NumFitComponents]float64
	var hasC [NumFitComponents]bool
	if e.nNeeds > 0 {
		hasC[FitExperience] = true
		shared := 0
		for k, x := range e.needs {
			shared += bits.OnesCount64(x & m.exp[k])
		}
		c[FitExperience] = float64(shared) / float64(e.nNeeds)
	}
	if e.ranked > 0 {
		hasC[FitPreference] = true
		if k, ok := slices.BinarySearch(e.prefIDs, m.id); ok {
			c[FitPreference] = 1 - float64(e.prefRank[k]-1)/float64(e.ranked)
		}
	}
	if m.hasGrade && e.hasGrade {
		hasC[FitSeniority] = true
		switch g := m.grade - e.grade; {
		case g >= 1 && g <= 3:
			c[FitSeniority] = 1
		case g == 0:
			c[FitSeniority] = 0.3
		case g > 3:
			c[FitSeniority] = 0.6
		}
	}
	if m.division != 0 && e.division != 0 {
		hasC[FitCrossDivision] = true
		if m.division != e.division {
			c[FitCrossDivision] = 1
		}
	}
	if m.country != 0 && e.country != 0 {
		hasC[FitLocation] = true
		if m.country == e.country {
			c[FitLocation] = 1
		} else if m.continent != 0 && e.continent != 0 && m.continent == e.continent {
			c[FitLocation] = 0.5
		}
	}
	sumW, sumWC := 0.0, 0.0
	for k := range c {
		if hasC[k] {
			sumW += rk.w[k]
			sumWC += rk.w[k] * c[k]
		}
	}
	if sumW > 0 {
		return 100 * sumWC / sumW
	}
	return 50
}
