package codev

import (
	"cmp"
	"slices"
)

// proofLimit is the largest number of compatible volunteers around which
// a volunteer left out is proved unplaceable by enumerating every group.
const proofLimit = 20

// repairPasses is the largest number of passes of the repair over the
// volunteers left out.
const repairPasses = 4

// compatible returns every volunteer who may share a group with x (the
// whole membership, not only x's neighbour list), best pair score first,
// ties by the seeded tie-break. Each pair score and tie-break is computed once, not at every
// comparison of the sort; scratch is reused from call to call.
func (s *state) compatible(x int, scratch *[]compatibleCand) []int {
	in := s.in
	type cand = compatibleCand
	cs := (*scratch)[:0]
	for j := range in.m {
		if j != x && in.conflict(x, j) == "" {
			cs = append(cs, cand{in.q(x, j), s.tie(j), j})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if c := cmp.Compare(b.q, a.q); c != 0 {
			return c
		}
		return cmp.Compare(a.tie, b.tie)
	})
	out := make([]int, len(cs))
	for k, c := range cs {
		out[k] = c.j
	}
	*scratch = cs
	return out
}

// compatibleCand is a volunteer compatible with another, with the pair
// score and tie-break that order them.
type compatibleCand struct {
	q   int64
	tie uint64
	j   int
}

// repair seats the volunteers the search left out although enough others
// are compatible with them, looking among every volunteer rather than the
// neighbour lists: into a group with room; in place of a member who moves
// to another group with room (an ejection chain of length one); or in a
// new group gathered from volunteers still unplaced and from members that
// groups above min_size can spare.
func (s *state) repair() {
	var left []int
	for x := range s.in.m {
		if s.of[x] < 0 && s.degree[x] >= s.in.cfg.MinSize-1 {
			left = append(left, x)
		}
	}
	comp := make(map[int][]int, len(left))
	var scratch []compatibleCand
	for _, x := range left {
		comp[x] = s.compatible(x, &scratch)
	}
	// The most confined first; a pass that seats someone may open the way
	// for the others, so passes repeat while they seat anybody, at most
	// repairPasses times (each pass costs a scan of every group per
	// volunteer left out).
	slices.SortStableFunc(left, func(a, b int) int { return cmp.Compare(len(comp[a]), len(comp[b])) })
	for pass, progress := 0, true; progress && pass < repairPasses; pass++ {
		progress = false
		for _, x := range left {
			if s.of[x] < 0 && (s.insertAnywhere(x) || s.eject(x, comp[x]) || s.gatherAll(x, comp[x])) {
				progress = true
			}
		}
	}
}

// eject seats x in place of a member y of some group, y moving to another
// group with room. Among the exchanges into x's group, the one leaving x's
// group with the highest score is tried first; the first whose y finds a
// group wins, y taking the group where its score after is highest.
func (s *state) eject(x int, comp []int) bool {
	ok := make([]bool, len(s.in.m))
	for _, j := range comp {
		ok[j] = true
	}
	type cand struct {
		a, y  int
		sum   int64
		score float64
	}
	var cands []cand
	for a, g := range s.groups {
		var foe []int
		for _, y := range g.members {
			if !ok[y] {
				foe = append(foe, y)
			}
		}
		try := g.members
		switch {
		case len(foe) == 1:
			try = foe
		case len(foe) > 1:
			continue
		}
		for _, y := range try {
			if sum, score, fine := s.change(g, y, x); fine {
				cands = append(cands, cand{a, y, sum, score})
			}
		}
	}
	slices.SortStableFunc(cands, func(p, q cand) int { return cmp.Compare(q.score, p.score) })
	for _, c := range cands {
		b, bScore, bSum := -1, 0.0, int64(0)
		for gi, g := range s.groups {
			if gi == c.a || len(g.members) >= s.in.cfg.MaxSize {
				continue
			}
			if sum, score, fine := s.change(g, -1, c.y); fine && (b < 0 || score > bScore) {
				b, bScore, bSum = gi, score, sum
			}
		}
		if b < 0 {
			continue
		}
		s.setMembers(c.a, with(s.groups[c.a], c.y, x), c.sum, c.score)
		s.setMembers(b, with(s.groups[b], -1, c.y), bSum, bScore)
		return true
	}
	return false
}

// gatherAll forms a new group around x from its compatible volunteers comp
// (best pair first): volunteers still unplaced, and members of groups that
// can spare them (above min_size, keeping their rules), each time the
// compatible one adding the most pair score. It reports whether the group
// formed.
func (s *state) gatherAll(x int, comp []int) bool {
	in := s.in
	spare := map[int]int{}
	ms := []int{x}
	trial := make([]int, 0, in.cfg.MaxSize+1) // ms with one more, reused
	for len(ms) < in.cfg.MinSize || in.groupRule(ms) != "" && len(ms) < in.cfg.MaxSize {
		best, bestGain := -1, int64(-1)
		for _, y := range comp {
			gi := int(s.of[y])
			if slices.Contains(ms, y) || !s.fitsAll(y, ms) {
				continue
			}
			if gi >= 0 {
				if _, seen := spare[gi]; !seen {
					spare[gi] = len(s.groups[gi].members) - in.cfg.MinSize
				}
				if spare[gi] <= 0 {
					continue
				}
				left := slices.DeleteFunc(with(s.groups[gi], y, -1), func(z int) bool { return slices.Contains(ms, z) })
				if in.groupRule(left) != "" {
					continue
				}
			}
			trial = append(append(trial[:0], ms...), y)
			if !in.commonLangs(trial).ok {
				continue
			}
			var gain int64
			for _, z := range ms {
				gain += in.q(y, z)
			}
			// Once the group is large enough, a volunteer with whom it
			// keeps every group rule comes before any other.
			if len(ms)+1 >= in.cfg.MinSize && in.groupRule(trial) == "" {
				gain += 1 << 40
			}
			if gain > bestGain {
				best, bestGain = y, gain
			}
		}
		if best < 0 {
			return false
		}
		if gi := int(s.of[best]); gi >= 0 {
			spare[gi]--
		}
		ms = append(ms, best)
	}
	if in.groupRule(ms) != "" {
		return false
	}
	for _, y := range ms[1:] {
		if gi := int(s.of[y]); gi >= 0 {
			g := s.groups[gi]
			g.members = with(g, y, -1)
			s.recompute(g)
		}
	}
	s.newGroup(ms)
	return true
}

// noValidGroup reports whether no valid group at all holds x, proved by
// enumerating every group of x and its compatible volunteers when they are
// at most proofLimit; false when there is one or the proof is too long.
func (in *inst) noValidGroup(x int) bool {
	var comp []int
	for j := range in.m {
		if j != x && in.conflict(x, j) == "" {
			comp = append(comp, j)
			if len(comp) > proofLimit {
				return false
			}
		}
	}
	return in.bestGroupAmong(x, comp) < 0
}
