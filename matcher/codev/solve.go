package codev

import (
	"cmp"
	"fmt"
	"slices"
)

// ExactLimit is the largest number of volunteers that [Solve] groups by
// exhaustive search (and so proves optimal); above it Solve searches
// heuristically and states a bound.
const ExactLimit = 10

// neighbours is how many best compatible volunteers the search keeps for
// each volunteer (at least 3·max_size).
func neighbours(maxSize int) int { return max(3*maxSize, 24) }

// Solve forms the groups of p. It never breaks a rule: every group has
// between codev.min_size and codev.max_size members, every pair of
// members is allowed and every group has a common language (and nobody
// alone of their gender when codev.gender is rule).
//
// The objective is lexicographic: first the number of volunteers placed,
// then the worst group's score, then the total of the scores. Up to
// ExactLimit volunteers, the optimum is found by exhaustive search; above,
// a seeded deterministic search (greedy seating, then moves and swaps of
// volunteers between the worst group and the others) gives a grouping and
// Result.Bound bounds the worst score any grouping placing as many could
// reach. Same problem and seed, same result; the order of p.Members does
// not matter.
//
// Errors are mistakes of the caller (a nil person, a person twice, an
// invalid configuration) and name the package.
func Solve(p *Problem) (*Result, error) {
	in, err := prepare(p)
	if err != nil {
		return nil, err
	}
	s := &state{in: in}
	s.scan(neighbours(in.cfg.MaxSize))
	if len(in.m) <= ExactLimit {
		return s.result(in.exact(), true), nil
	}
	var best *state
	for r := range restarts(len(in.m)) {
		t := s.restart(r)
		t.search()
		if best == nil || t.beats(best) {
			best = t
		}
	}
	groups := make([][]int, len(best.groups))
	for i, g := range best.groups {
		groups[i] = g.members
	}
	return s.result(groups, false), nil
}

// restarts is how many seatings the search starts from: more for small
// instances, one from 8,000 volunteers.
func restarts(n int) int { return min(16, max(1, 8000/max(n, 1))) }

// search seats the volunteers and improves the grouping.
func (s *state) search() {
	s.construct()
	s.placeLeftovers()
	budget := 20*len(s.groups) + 100
	s.improveWorst(budget)
	s.improveTotal(3)
	s.placeLeftovers()
	s.improveWorst(budget)
}

// beats compares two groupings by the objective: placed, worst, total.
func (s *state) beats(t *state) bool {
	ps, ws, ts := s.objective()
	pt, wt, tt := t.objective()
	switch {
	case ps != pt:
		return ps > pt
	case ws != wt:
		return ws > wt
	}
	return ts > tt+1e-9
}

func (s *state) objective() (placed int, worst, total float64) {
	for i, g := range s.groups {
		placed += len(g.members)
		if i == 0 || g.score < worst {
			worst = g.score
		}
		total += g.score
	}
	return placed, worst, total
}

// Exact forms the groups of p by exhaustive search: the optimum of the
// objective of [Solve]. It returns an error above 14 volunteers, where the
// search would take too long.
func Exact(p *Problem) (*Result, error) {
	if len(p.Members) > 14 {
		return nil, fmt.Errorf("codev: exact search is limited to 14 volunteers, got %d", len(p.Members))
	}
	in, err := prepare(p)
	if err != nil {
		return nil, err
	}
	s := &state{in: in}
	s.scan(neighbours(in.cfg.MaxSize))
	return s.result(in.exact(), true), nil
}

// result turns groups of member indexes into a Result.
func (s *state) result(groups [][]int, exact bool) *Result {
	in := s.in
	r := &Result{Exact: exact}
	placed := make([]bool, len(in.m))
	sorted := make([][]int, 0, len(groups))
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		g = slices.Clone(g)
		slices.Sort(g)
		sorted = append(sorted, g)
	}
	slices.SortFunc(sorted, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	width := max(2, len(fmt.Sprint(len(sorted))))
	for k, g := range sorted {
		grp := Group{ID: fmt.Sprintf("G%0*d", width, k+1)}
		var sum int64
		var parts [4]float64
		for a := range g {
			placed[g[a]] = true
			grp.Members = append(grp.Members, in.src[g[a]])
			for b := a + 1; b < len(g); b++ {
				sum += in.q(g[a], g[b])
				p := in.pairParts(g[a], g[b])
				for i := range parts {
					parts[i] += p[i]
				}
			}
		}
		pairs := float64(len(g) * (len(g) - 1) / 2)
		balanced := in.genderBalanced(g)
		grp.Score = in.groupScore(sum, len(g), balanced)
		grp.Parts = Components{Function: parts[0] / pairs, Grade: parts[1] / pairs, Challenge: parts[2] / pairs, Variety: parts[3] / pairs}
		if balanced {
			grp.Parts.Gender = 1
		}
		if cl := in.commonLangs(g); !cl.set.empty() {
			for i, name := range in.langNames {
				if cl.set.has(i) {
					grp.Languages = append(grp.Languages, name)
				}
			}
			slices.Sort(grp.Languages)
		}
		for _, m := range grp.Members {
			if m.HasMove {
				grp.Order = append(grp.Order, m)
			}
		}
		for _, m := range grp.Members {
			if !m.HasMove {
				grp.Order = append(grp.Order, m)
			}
		}
		r.Groups = append(r.Groups, grp)
	}
	for i, g := range r.Groups {
		if i == 0 || g.Score < r.Worst {
			r.Worst = g.Score
		}
		r.Total += g.Score
	}
	for x := range in.m {
		if placed[x] {
			continue
		}
		u := Unplaced{Member: in.src[x], Reason: ReasonNoGroup}
		for j := range in.m {
			if j != x {
				if rule := in.conflict(x, j); rule != "" {
					u.Excluded[slices.Index(Rules, rule)]++
				} else {
					u.Compatible++
				}
			}
		}
		if u.Compatible < in.cfg.MinSize-1 {
			u.Reason = ReasonTooFew
		}
		r.Unplaced = append(r.Unplaced, u)
	}
	if exact {
		r.Bound = r.Worst
	} else {
		r.Bound = s.bound(r.Placed())
	}
	return r
}
