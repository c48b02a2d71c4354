package codev

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// checkResult is the independent rule checker: it reads only the Problem
// and the Result, never the search's own structures, and fails the test on
// any rule broken, any volunteer lost or seated twice, or a score that
// does not follow the documented formula.
func checkResult(t *testing.T, p *Problem, r *Result) {
	t.Helper()
	cfg := p.Config
	seen := map[string]int{}
	for gi := range r.Groups {
		g := &r.Groups[gi]
		if n := len(g.Members); n < cfg.MinSize || n > cfg.MaxSize {
			t.Errorf("group %s has %d members, want %d–%d", g.ID, n, cfg.MinSize, cfg.MaxSize)
		}
		for a, x := range g.Members {
			seen[x.ID()]++
			for _, y := range g.Members[a+1:] {
				if why := pairBroken(p, x, y); why != "" {
					t.Errorf("group %s: %s and %s together: %s", g.ID, x.ID(), y.ID(), why)
				}
			}
		}
		if !shareLanguage(g.Members) {
			t.Errorf("group %s has no common language", g.ID)
		}
		if cfg.Gender == model.GenderRule && !noneAlone(g.Members) {
			t.Errorf("group %s isolates someone by gender", g.ID)
		}
		if want := refScore(cfg, g.Members); math.Abs(want-g.Score) > 0.01 {
			t.Errorf("group %s scores %.4f, the formula gives %.4f", g.ID, g.Score, want)
		}
		order := map[string]bool{}
		for _, m := range g.Order {
			order[m.ID()] = true
		}
		if len(order) != len(g.Members) || len(g.Order) != len(g.Members) {
			t.Errorf("group %s: client order %d members, group %d", g.ID, len(g.Order), len(g.Members))
		}
	}
	for _, u := range r.Unplaced {
		seen[u.Member.ID()]++
	}
	for i := range p.Members {
		if n := seen[p.Members[i].ID()]; n != 1 {
			t.Errorf("volunteer %s appears %d times in groups and unplaced", p.Members[i].ID(), n)
		}
	}
	if len(seen) != len(p.Members) {
		t.Errorf("result names %d people, the problem has %d volunteers", len(seen), len(p.Members))
	}
	worst, total := 0.0, 0.0
	for i, g := range r.Groups {
		if i == 0 || g.Score < worst {
			worst = g.Score
		}
		total += g.Score
	}
	if worst != r.Worst || math.Abs(total-r.Total) > 1e-6 {
		t.Errorf("objective worst %v total %v, groups give %v and %v", r.Worst, r.Total, worst, total)
	}
	if r.Bound < r.Worst-1e-9 {
		t.Errorf("bound %v below the worst group %v", r.Bound, r.Worst)
	}
}

// pairBroken says which rule two members break, "" if none.
func pairBroken(p *Problem, x, y *Member) string {
	key := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	switch {
	case slices.Contains(x.Chain, y.ID()) || slices.Contains(y.Chain, x.ID()):
		return "reporting line"
	case slices.Contains(x.Future, y.ID()) || slices.Contains(y.Future, x.ID()):
		return "future reporting line"
	case key(x.Person.Team) != "" && key(x.Person.Team) == key(y.Person.Team):
		return "same team"
	case x.Volunteer != nil && slices.Contains(x.Volunteer.Avoid, y.ID()),
		y.Volunteer != nil && slices.Contains(y.Volunteer.Avoid, x.ID()):
		return "avoid list"
	case x.Volunteer != nil && y.Volunteer != nil && x.Volunteer.Mode == model.CodevInPerson &&
		y.Volunteer.Mode == model.CodevInPerson && x.Person.Country != "" && y.Person.Country != "" &&
		key(x.Person.Country) != key(y.Person.Country):
		return "in person in two countries"
	}
	for _, mp := range p.MentorPairs {
		if mp == [2]string{x.ID(), y.ID()} || mp == [2]string{y.ID(), x.ID()} {
			return "mentor pair"
		}
	}
	if together(p, x.ID(), y.ID()) {
		return "together in a recent cycle"
	}
	return ""
}

// together reports whether a and b shared an earlier group in one of the
// latest no_repeat cycles (an empty cycle counts as recent).
func together(p *Problem, a, b string) bool {
	if p.Config.NoRepeat == 0 {
		return false
	}
	var cycles []string
	for _, h := range p.History {
		if h.Cycle != "" && !slices.Contains(cycles, h.Cycle) {
			cycles = append(cycles, h.Cycle)
		}
	}
	slices.Sort(cycles)
	recent := cycles[max(0, len(cycles)-p.Config.NoRepeat):]
	groups := map[string][]string{}
	for _, h := range p.History {
		if h.Cycle == "" || slices.Contains(recent, h.Cycle) {
			groups[h.GroupID] = append(groups[h.GroupID], h.PersonID)
		}
	}
	for _, g := range groups {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

func shareLanguage(ms []*Member) bool {
	var common []string
	first := true
	for _, m := range ms {
		if len(m.Person.Languages) == 0 {
			continue
		}
		var langs []string
		for _, l := range m.Person.Languages {
			langs = append(langs, strings.ToLower(l))
		}
		if first {
			common, first = langs, false
			continue
		}
		common = slices.DeleteFunc(common, func(l string) bool { return !slices.Contains(langs, l) })
	}
	return first || len(common) > 0
}

func noneAlone(ms []*Member) bool {
	count := map[string]int{}
	for _, m := range ms {
		if g := strings.ToLower(strings.TrimSpace(m.Person.Gender)); g != "" {
			count[g]++
		}
	}
	for _, n := range count {
		if n == 1 {
			return false
		}
	}
	return true
}

// refScore is the group score of the package documentation, computed
// directly in floating point.
func refScore(cfg model.CodevConfig, ms []*Member) float64 {
	key := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	differ := func(a, b string) float64 {
		switch {
		case a == "" || b == "":
			return 0.5
		case a != b:
			return 1
		}
		return 0
	}
	site := func(p *model.Person) string {
		if p.Country == "" && p.SiteType == "" {
			return ""
		}
		return key(p.Country + "/" + p.SiteType)
	}
	w := cfg.Weights
	var sum float64
	pairs := 0
	for a, x := range ms {
		for _, y := range ms[a+1:] {
			pairs++
			px, py := x.Person, y.Person
			fn := 0.0
			if key(px.Function) != "" && key(px.Function) == key(py.Function) {
				fn = 1
			} else if key(px.RoleKind) != "" && key(px.RoleKind) == key(py.RoleKind) {
				fn = 0.5
			}
			gr := 0.5
			if px.Grade.OK && py.Grade.OK {
				gr = 0
				if d := px.Grade.V - py.Grade.V; d <= cfg.GradeSpread && -d <= cfg.GradeSpread {
					gr = 1
				}
			}
			ch := 0.0
			switch {
			case !x.HasMove && !y.HasMove:
				ch = 0.5
			case x.HasMove && y.HasMove:
				inter, union := 0, 0
				all := append(slices.Clone(x.Challenge), y.Challenge...)
				slices.Sort(all)
				all = slices.Compact(all)
				for _, c := range all {
					union++
					if slices.Contains(x.Challenge, c) && slices.Contains(y.Challenge, c) {
						inter++
					}
				}
				ch = 0.5
				if union > 0 {
					ch = float64(inter) / float64(union)
				}
			}
			va := 0.5*differ(key(px.Division), key(py.Division)) + 0.5*differ(site(px), site(py))
			sum += (w.Function*fn + w.Grade*gr + w.Challenge*ch + w.Variety*va) / (w.Function + w.Grade + w.Challenge + w.Variety)
		}
	}
	wp := w.Function + w.Grade + w.Challenge + w.Variety
	wg := 0.0
	gen := 0.0
	if cfg.Gender == model.GenderWeight {
		wg = w.Gender
		if noneAlone(ms) {
			gen = 1
		}
	}
	return 100 * (wp*sum/float64(pairs) + wg*gen) / (wp + wg)
}
