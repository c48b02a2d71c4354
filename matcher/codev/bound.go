package codev

import (
	"cmp"
	"slices"
)

// enumerateLimit is the largest list of compatible volunteers around which
// the bound enumerates every possible group.
const enumerateLimit = 14

// groupBound returns an upper bound of the score of any group holding
// member i, or 101 when the neighbour list of i is not complete (i has more
// compatible volunteers than the list keeps) and nothing better is known.
// With a complete list of at most enumerateLimit volunteers, every valid
// group holding i is scored; with a longer complete list, the pairs with i
// take i's best pair scores and the other pairs the best pair score among
// i's compatible volunteers.
func (s *state) groupBound(i, k int) float64 {
	in := s.in
	nb := s.nb[i]
	if len(nb) >= k {
		return 101
	}
	if len(nb) < in.cfg.MinSize-1 {
		return -1
	}
	if len(nb) <= enumerateLimit {
		return s.bestGroupWith(i)
	}
	var maxPair int64
	for a := range nb {
		for b := a + 1; b < len(nb); b++ {
			x, y := int(nb[a].j), int(nb[b].j)
			if in.conflict(x, y) == "" {
				maxPair = max(maxPair, in.q(x, y))
			}
		}
	}
	best := -1.0
	var top int64
	for sz := 2; sz <= in.cfg.MaxSize && sz-1 <= len(nb); sz++ {
		top += nb[sz-2].q
		if sz < in.cfg.MinSize {
			continue
		}
		others := int64((sz-1)*(sz-2)/2) * maxPair
		best = max(best, in.groupScore(top+others, sz, true))
	}
	return best
}

// bestGroupWith returns the highest score of a valid group holding i and
// members of its (complete, short) neighbour list, or -1 when there is none.
func (s *state) bestGroupWith(i int) float64 {
	in := s.in
	cands := make([]int, len(s.nb[i]))
	for k, c := range s.nb[i] {
		cands[k] = int(c.j)
	}
	slices.Sort(cands)
	best := -1.0
	group := []int{i}
	var rec func(from int, sum int64)
	rec = func(from int, sum int64) {
		if len(group) >= in.cfg.MinSize && in.groupRule(group) == "" {
			best = max(best, in.groupScore(sum, len(group), in.genderBalanced(group)))
		}
		if len(group) == in.cfg.MaxSize {
			return
		}
		for k := from; k < len(cands); k++ {
			x := cands[k]
			add, ok := int64(0), true
			for _, y := range group {
				if in.conflict(x, y) != "" {
					ok = false
					break
				}
				add += in.q(x, y)
			}
			if !ok || !in.commonLangs(append(group[:len(group):len(group)], x)).ok {
				continue
			}
			group = append(group, x)
			rec(k+1, sum+add)
			group = group[:len(group)-1]
		}
	}
	rec(0, 0)
	return best
}

// bound returns an upper bound of the worst group score for any grouping
// that places at least placed volunteers: the smaller of two bounds.
//
// The mean bound: the worst group is at most the mean of the group scores
// weighted by size, and each member's share of it is at most the mean of
// their best min_size − 1 pair scores (plus a perfect gender balance).
//
// The group bound: at most n − placed volunteers are left out, so among
// the n − placed + 1 placeable volunteers whose groups can score the least
// (groupBound), one is placed and the worst group is at most its bound.
func (s *state) bound(placed int) float64 {
	if placed == 0 {
		return 0
	}
	in := s.in
	u := slices.Clone(s.u)
	slices.SortFunc(u, func(a, b float64) int { return cmp.Compare(b, a) })
	sum := 0.0
	for _, x := range u[:placed] {
		sum += x
	}
	mean := 100 * (in.wPair*sum/float64(placed) + in.wGender) / (in.wPair + in.wGender)
	k := neighbours(in.cfg.MaxSize)
	var gb []float64
	for i := range in.m {
		if b := s.groupBound(i, k); b >= 0 {
			gb = append(gb, b)
		}
	}
	slices.Sort(gb)
	if out := len(gb) - placed; out >= 0 && out < len(gb) {
		return min(mean, gb[out])
	}
	return mean
}
