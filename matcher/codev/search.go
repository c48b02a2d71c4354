package codev

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// neighbour is a compatible volunteer and the pair score with them.
type neighbour struct {
	j int32
	q int64
}

// state is a grouping under construction or improvement.
type state struct {
	in     *inst
	of     []int32 // member → group index, -1 when unplaced
	groups []*grp
	nb     [][]neighbour // best compatible volunteers of each member, best first
	degree []int         // compatible volunteers of each member, capped at the length of nb
	u      []float64     // per-member upper bound of the mean pair score (bound)
	salt   uint64        // varies the tie-breaks of one restart
}

// tie returns member x's tie-break in this restart: the seeded tie-break
// mixed with the restart's salt (SplitMix64's finaliser).
func (s *state) tie(x int) uint64 {
	z := s.in.m[x].tie + s.salt*0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// restart returns a fresh state on the same instance and neighbour lists,
// with the tie-breaks of restart r.
func (s *state) restart(r int) *state {
	return &state{in: s.in, nb: s.nb, degree: s.degree, u: s.u, salt: uint64(r)}
}

type grp struct {
	members []int
	sumQ    int64
	score   float64
}

// better orders neighbours: higher pair score first, then the seeded
// tie-break, then the index.
func (in *inst) better(a, b neighbour) bool {
	if a.q != b.q {
		return a.q > b.q
	}
	ta, tb := in.m[a.j].tie, in.m[b.j].tie
	if ta != tb {
		return ta < tb
	}
	return a.j < b.j
}

// scan computes, for every member, the best k compatible volunteers (and
// so whether there are at least min_size − 1 of them), and the bound of
// their mean pair score in any group. Rows
// are computed in parallel; each row is computed alone, so the result does
// not depend on the scheduling.
func (s *state) scan(k int) {
	in := s.in
	n := len(in.m)
	s.nb = make([][]neighbour, n)
	s.degree = make([]int, n)
	s.u = make([]float64, n)
	need := in.cfg.MinSize - 1
	workers := min(runtime.GOMAXPROCS(0), max(1, n/256))
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range workers {
		wg.Go(func() {
			for i := range next {
				s.scanRow(i, k, need)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (s *state) scanRow(i, k, need int) {
	in := s.in
	top := make([]neighbour, 0, k+1)
	for j := range in.m {
		if j == i {
			continue
		}
		c := neighbour{int32(j), in.q(i, j)}
		// The rules are checked only for a volunteer who would enter the
		// list: the pair score is cheaper.
		if len(top) == k && !in.better(c, top[k-1]) || in.conflict(i, j) != "" {
			continue
		}
		pos, _ := slices.BinarySearchFunc(top, c, func(a, b neighbour) int {
			if in.better(a, b) {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, pos, c)
		if len(top) > k {
			top = top[:k]
		}
	}
	// The list is full or holds every compatible volunteer, so its length
	// tells whether there are enough of them.
	s.nb[i], s.degree[i] = top, len(top)
	if len(top) >= need && need > 0 {
		var sum int64
		for _, c := range top[:need] {
			sum += c.q
		}
		s.u[i] = float64(sum) / float64(need) / qScale
	}
}

// rowSum returns Σ q(x, a) over the members a of g other than skip.
func (s *state) rowSum(x int, g *grp, skip int) int64 {
	var t int64
	for _, a := range g.members {
		if a != x && a != skip {
			t += s.in.q(x, a)
		}
	}
	return t
}

// fits reports whether x may join the members of g other than skip.
func (s *state) fits(x int, g *grp, skip int) bool {
	for _, a := range g.members {
		if a != skip && a != x && s.in.conflict(x, a) != "" {
			return false
		}
	}
	return true
}

// with returns the members of g without out and with in (each -1 for
// none), in a fresh slice.
func with(g *grp, out, in int) []int {
	ms := make([]int, 0, len(g.members)+1)
	for _, a := range g.members {
		if a != out {
			ms = append(ms, a)
		}
	}
	if in >= 0 {
		ms = append(ms, in)
	}
	return ms
}

// delta evaluates the pair part of g without out and with in (each -1
// for none): the new sum and size, and whether the size stays in bounds and
// every pair is allowed. It does not look at the group rules.
func (s *state) delta(g *grp, out, in int) (int64, int, bool) {
	size := len(g.members)
	sum := g.sumQ
	if out >= 0 {
		sum -= s.rowSum(out, g, -1)
		size--
	}
	if in >= 0 {
		size++
	}
	if size < s.in.cfg.MinSize || size > s.in.cfg.MaxSize {
		return 0, 0, false
	}
	if in >= 0 {
		if !s.fits(in, g, out) {
			return 0, 0, false
		}
		sum += s.rowSum(in, g, out)
	}
	return sum, size, true
}

// finish checks the group rules of g without out and with in, and returns
// its score.
func (s *state) finish(g *grp, out, in int, sum int64) (float64, bool) {
	ms := with(g, out, in)
	if s.in.groupRule(ms) != "" {
		return 0, false
	}
	return s.in.groupScore(sum, len(ms), s.in.genderBalanced(ms)), true
}

// change evaluates g without out and with in: the new sum and score, and
// whether the group keeps every rule.
func (s *state) change(g *grp, out, in int) (int64, float64, bool) {
	sum, _, ok := s.delta(g, out, in)
	if !ok {
		return 0, 0, false
	}
	score, ok := s.finish(g, out, in, sum)
	return sum, score, ok
}

// newGroup adds a group of members (already checked).
func (s *state) newGroup(ms []int) {
	g := &grp{members: slices.Clone(ms)}
	s.recompute(g)
	for _, x := range ms {
		s.of[x] = int32(len(s.groups))
	}
	s.groups = append(s.groups, g)
}

func (s *state) recompute(g *grp) {
	var sum int64
	for a := range g.members {
		for b := a + 1; b < len(g.members); b++ {
			sum += s.in.q(g.members[a], g.members[b])
		}
	}
	g.sumQ = sum
	g.score = s.in.groupScore(sum, len(g.members), s.in.genderBalanced(g.members))
}

// setMembers replaces the members of group gi.
func (s *state) setMembers(gi int, ms []int, sum int64, score float64) {
	g := s.groups[gi]
	g.members, g.sumQ, g.score = ms, sum, score
	for _, x := range ms {
		s.of[x] = int32(gi)
	}
}

// construct seats the volunteers greedily: the volunteers whose best
// partners are the weakest anchor groups first, and each group takes, one by one,
// the compatible candidate that adds the most pair score, up to the target
// size. Volunteers left over join the group they fit best.
func (s *state) construct() {
	in := s.in
	n := len(in.m)
	s.of = make([]int32, n)
	for i := range s.of {
		s.of[i] = -1
	}
	order := make([]int, 0, n)
	for i := range n {
		if s.degree[i] >= in.cfg.MinSize-1 {
			order = append(order, i)
		}
	}
	// The volunteers whose best partners are the weakest go first.
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(s.u[a], s.u[b]); c != 0 {
			return c
		}
		return cmp.Compare(s.tie(a), s.tie(b))
	})
	target := min(in.cfg.MinSize+1, in.cfg.MaxSize)
	for pass := 0; pass < 2; pass++ {
		for _, a := range order {
			if s.of[a] < 0 {
				if ms := s.grow(a, target); ms != nil {
					s.newGroup(ms)
				}
			}
		}
		for _, x := range order {
			if s.of[x] < 0 {
				s.insert(x)
			}
		}
		target = in.cfg.MinSize
	}
}

// grow builds a group around anchor a from unplaced volunteers, or returns
// nil when no valid group of at least min_size comes out.
func (s *state) grow(a, target int) []int {
	in := s.in
	ms := []int{a}
	sums := map[int]int64{}
	var cands []int
	addCands := func(x int) {
		for _, c := range s.nb[x] {
			j := int(c.j)
			if s.of[j] >= 0 || slices.Contains(ms, j) {
				continue
			}
			if _, ok := sums[j]; !ok {
				cands = append(cands, j)
			}
			sums[j] += 0
		}
	}
	addCands(a)
	for _, j := range cands {
		sums[j] = in.q(j, a)
	}
	for len(ms) < in.cfg.MaxSize {
		best := -1
		for _, j := range cands {
			if slices.Contains(ms, j) || !s.fitsAll(j, ms) || !in.commonLangs(append(ms[:len(ms):len(ms)], j)).ok {
				continue
			}
			if best < 0 || sums[j] > sums[best] || sums[j] == sums[best] && s.tie(j) < s.tie(best) {
				best = j
			}
		}
		if best < 0 {
			break
		}
		if len(ms) >= target && (!in.genderOn || in.genderBalanced(ms)) {
			break
		}
		ms = append(ms, best)
		before := len(cands)
		addCands(best)
		for _, j := range cands[before:] {
			var t int64
			for _, x := range ms {
				t += in.q(j, x)
			}
			sums[j] = t
		}
		for _, j := range cands[:before] {
			if !slices.Contains(ms, j) {
				sums[j] += in.q(j, best)
			}
		}
	}
	if len(ms) < in.cfg.MinSize || in.groupRule(ms) != "" {
		return nil
	}
	return ms
}

func (s *state) fitsAll(x int, ms []int) bool {
	for _, a := range ms {
		if s.in.conflict(x, a) != "" {
			return false
		}
	}
	return true
}

// insert puts x into the group, among those of its neighbours with room,
// where the score after is highest.
func (s *state) insert(x int) bool {
	best, bestScore, bestSum := -1, 0.0, int64(0)
	for _, c := range s.nb[x] {
		gi := int(s.of[c.j])
		if gi < 0 || gi == best {
			continue
		}
		sum, score, ok := s.change(s.groups[gi], -1, x)
		if ok && (best < 0 || score > bestScore) {
			best, bestScore, bestSum = gi, score, sum
		}
	}
	if best < 0 {
		return false
	}
	s.setMembers(best, with(s.groups[best], -1, x), bestSum, bestScore)
	return true
}

// lowest returns the indexes of the three lowest-scoring groups (-1 when
// fewer), ties by index.
func (s *state) lowest() [3]int {
	low := [3]int{-1, -1, -1}
	for gi, g := range s.groups {
		for k := range low {
			if low[k] < 0 || g.score < s.groups[low[k]].score {
				copy(low[k+1:], low[k:2])
				low[k] = gi
				break
			}
		}
	}
	return low
}

// move is a change of two groups: group a loses out and gains in, group
// b the reverse (either may be -1).
type move struct {
	a, b         int
	out, in      int
	sumA, sumB   int64
	scoreA       float64
	scoreB       float64
	newMin, gain float64
}

// improveWorst raises the worst group's score, then the total, with the
// best move of one or two volunteers between the worst group and another
// group, until no move improves the objective or the iteration budget is
// spent.
func (s *state) improveWorst(budget int) {
	for it := 0; it < budget && len(s.groups) > 0; it++ {
		low := s.lowest()
		m, ok := s.bestMoveFor(low[0], low)
		if !ok {
			return
		}
		s.apply(m)
	}
}

// othersMin returns the lowest score among the groups other than a and b.
func (s *state) othersMin(low [3]int, a, b int) float64 {
	for _, gi := range low {
		if gi >= 0 && gi != a && gi != b {
			return s.groups[gi].score
		}
	}
	return 101
}

// acceptable reports whether a move giving the new lowest score nm and the
// total gain improves the objective (worst, then total) and beats the best
// move found so far.
func (s *state) acceptable(nm, gain, worst float64, found bool, best *move) bool {
	if nm < worst || nm == worst && gain <= 1e-9 {
		return false
	}
	return !found || nm > best.newMin || nm == best.newMin && gain > best.gain
}

// bestMoveFor returns the best improving move involving group a, given the
// three lowest groups: a swap, a volunteer moving into a, or one leaving a.
func (s *state) bestMoveFor(a int, low [3]int) (move, bool) {
	ga := s.groups[a]
	worst := s.groups[low[0]].score
	var best move
	found := false
	consider := func(b, out, in int) {
		gb := s.groups[b]
		sumA, sizeA, okA := s.delta(ga, out, in)
		if !okA {
			return
		}
		// b loses in and gains out.
		sumB, sizeB, okB := s.delta(gb, in, out)
		if !okB {
			return
		}
		// Scores with a perfect gender balance bound the true ones: the
		// group rules are only checked for a move that could be chosen.
		hiA, hiB := s.in.groupScore(sumA, sizeA, true), s.in.groupScore(sumB, sizeB, true)
		others := s.othersMin(low, a, b)
		if !s.acceptable(min(hiA, hiB, others), hiA+hiB-ga.score-gb.score, worst, found, &best) {
			return
		}
		scoreA, okA := s.finish(ga, out, in, sumA)
		if !okA {
			return
		}
		scoreB, okB := s.finish(gb, in, out, sumB)
		if !okB {
			return
		}
		nm, gain := min(scoreA, scoreB, others), scoreA+scoreB-ga.score-gb.score
		if !s.acceptable(nm, gain, worst, found, &best) {
			return
		}
		best = move{a: a, b: b, out: out, in: in, sumA: sumA, sumB: sumB, scoreA: scoreA, scoreB: scoreB, newMin: nm, gain: gain}
		found = true
	}
	seen := map[int]bool{}
	for _, x := range ga.members {
		for _, c := range s.nb[x] {
			y := int(c.j)
			b := int(s.of[y])
			if b < 0 || b == a || seen[y] {
				continue
			}
			seen[y] = true
			consider(b, -1, y) // y moves into a
			for _, x2 := range ga.members {
				consider(b, x2, y) // swap
			}
		}
	}
	// A member of a leaves for a group of one of their neighbours.
	for _, x := range ga.members {
		done := map[int]bool{}
		for _, c := range s.nb[x] {
			b := int(s.of[c.j])
			if b < 0 || b == a || done[b] {
				continue
			}
			done[b] = true
			consider(b, x, -1)
		}
	}
	return best, found
}

func (s *state) apply(m move) {
	ga, gb := s.groups[m.a], s.groups[m.b]
	msA := with(ga, m.out, m.in)
	msB := with(gb, m.in, m.out)
	s.setMembers(m.a, msA, m.sumA, m.scoreA)
	s.setMembers(m.b, msB, m.sumB, m.scoreB)
}

// improveTotal raises the total score with moves that keep every group at
// or above the worst score, visiting the groups in order, for at most
// passes passes.
func (s *state) improveTotal(passes int) {
	for p := 0; p < passes; p++ {
		improved := false
		for gi := range s.groups {
			low := s.lowest()
			if m, ok := s.bestMoveFor(gi, low); ok {
				s.apply(m)
				improved = true
			}
		}
		if !improved {
			return
		}
	}
}

// placeLeftovers tries again to seat unplaced volunteers: into any group
// with room, in exchange for a member who can go to another group, or in a
// new group of members that other groups can spare.
func (s *state) placeLeftovers() {
	for x := range s.in.m {
		if s.of[x] >= 0 || s.degree[x] < s.in.cfg.MinSize-1 {
			continue
		}
		if !s.insert(x) && !s.insertAnywhere(x) && !s.swapIn(x) {
			s.gather(x)
		}
	}
}

// insertAnywhere puts x into the group with room, among all groups, where
// the score after is highest.
func (s *state) insertAnywhere(x int) bool {
	best, bestScore, bestSum := -1, 0.0, int64(0)
	for gi, g := range s.groups {
		if len(g.members) >= s.in.cfg.MaxSize {
			continue
		}
		if sum, score, ok := s.change(g, -1, x); ok && (best < 0 || score > bestScore) {
			best, bestScore, bestSum = gi, score, sum
		}
	}
	if best < 0 {
		return false
	}
	s.setMembers(best, with(s.groups[best], -1, x), bestSum, bestScore)
	return true
}

// swapIn seats x in place of a member y of a group of one of x's
// neighbours, y moving to a group of one of y's neighbours that has room;
// the pair of groups whose lower score is highest after wins.
func (s *state) swapIn(x int) bool {
	type cand struct {
		a, b, y        int
		sumA, sumB     int64
		scoreA, scoreB float64
	}
	var best *cand
	tried := map[int]bool{}
	for _, c := range s.nb[x] {
		a := int(s.of[c.j])
		if a < 0 || tried[a] {
			continue
		}
		tried[a] = true
		ga := s.groups[a]
		for _, y := range ga.members {
			sumA, scoreA, ok := s.change(ga, y, x)
			if !ok {
				continue
			}
			done := map[int]bool{a: true}
			for _, d := range s.nb[y] {
				b := int(s.of[d.j])
				if b < 0 || done[b] || len(s.groups[b].members) >= s.in.cfg.MaxSize {
					continue
				}
				done[b] = true
				sumB, scoreB, ok := s.change(s.groups[b], -1, y)
				if ok && (best == nil || min(scoreA, scoreB) > min(best.scoreA, best.scoreB)) {
					best = &cand{a, b, y, sumA, sumB, scoreA, scoreB}
				}
			}
		}
	}
	if best == nil {
		return false
	}
	s.setMembers(best.a, with(s.groups[best.a], best.y, x), best.sumA, best.scoreA)
	s.of[best.y] = -1
	s.setMembers(best.b, with(s.groups[best.b], -1, best.y), best.sumB, best.scoreB)
	return true
}

// gather forms a new group around x with members of x's neighbour list
// taken from groups that can spare them (above min_size), one at a time, the compatible volunteer
// adding the most pair score first. It reports whether the group formed.
func (s *state) gather(x int) bool {
	in := s.in
	spare := make(map[int]int) // group → members it can still give
	ms := []int{x}
	for len(ms) < in.cfg.MinSize {
		best, bestGain := -1, int64(-1)
		for _, c := range s.nb[x] {
			y := int(c.j)
			gi := int(s.of[y])
			if gi < 0 || slices.Contains(ms, y) {
				continue
			}
			if _, ok := spare[gi]; !ok {
				spare[gi] = len(s.groups[gi].members) - in.cfg.MinSize
			}
			if spare[gi] <= 0 || !s.fitsAll(y, ms) || !in.commonLangs(append(slices.Clone(ms), y)).ok {
				continue
			}
			// The group giving y must keep its rules without y and the
			// members it already gave.
			left := slices.DeleteFunc(with(s.groups[gi], y, -1), func(z int) bool { return slices.Contains(ms, z) })
			if in.groupRule(left) != "" {
				continue
			}
			var gain int64
			for _, z := range ms {
				gain += in.q(y, z)
			}
			if gain > bestGain {
				best, bestGain = y, gain
			}
		}
		if best < 0 {
			return false
		}
		spare[int(s.of[best])]--
		ms = append(ms, best)
	}
	if in.groupRule(ms) != "" {
		return false
	}
	for _, y := range ms[1:] {
		gi := int(s.of[y])
		g := s.groups[gi]
		g.members = with(g, y, -1)
		s.recompute(g)
	}
	s.newGroup(ms)
	return true
}
