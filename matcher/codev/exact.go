package codev

// exact returns an optimal grouping by exhaustive search: every way of
// splitting the volunteers into valid groups and volunteers left out,
// compared by the number placed, then the worst score, then the total. The
// volunteers are taken in order; the first grouping found among equals is
// kept, so the answer is deterministic.
func (in *inst) exact() [][]int {
	n := len(in.m)
	e := &exactSearch{in: in, decided: make([]bool, n), bestPlaced: -1}
	e.rec(0, 0, 101, 0)
	return e.best
}

type exactSearch struct {
	in         *inst
	decided    []bool
	cur        [][]int
	best       [][]int
	bestPlaced int
	bestWorst  float64
	bestTotal  float64
}

// better reports whether (placed, worst, total) beats the best so far.
func (e *exactSearch) better(placed int, worst, total float64) bool {
	switch {
	case placed != e.bestPlaced:
		return placed > e.bestPlaced
	case worst != e.bestWorst:
		return worst > e.bestWorst
	}
	return total > e.bestTotal+1e-9
}

func (e *exactSearch) rec(from, placed int, worst, total float64) {
	n := len(e.in.m)
	for from < n && e.decided[from] {
		from++
	}
	left := 0
	for i := from; i < n; i++ {
		if !e.decided[i] {
			left++
		}
	}
	if placed+left < e.bestPlaced || placed+left == e.bestPlaced && len(e.cur) > 0 && worst < e.bestWorst {
		return
	}
	if from == n {
		w := worst
		if len(e.cur) == 0 {
			w = 0
		}
		if e.better(placed, w, total) {
			e.bestPlaced, e.bestWorst, e.bestTotal = placed, w, total
			e.best = make([][]int, len(e.cur))
			for i, g := range e.cur {
				e.best[i] = append([]int(nil), g...)
			}
		}
		return
	}
	// from is left out.
	e.decided[from] = true
	e.rec(from+1, placed, worst, total)
	// from starts a group with later volunteers.
	group := []int{from}
	var pick func(next int)
	pick = func(next int) {
		cfg := e.in.cfg
		if len(group) >= cfg.MinSize && e.in.groupRule(group) == "" {
			var sum int64
			for a := range group {
				for b := a + 1; b < len(group); b++ {
					sum += e.in.q(group[a], group[b])
				}
			}
			sc := e.in.groupScore(sum, len(group), e.in.genderBalanced(group))
			for _, x := range group[1:] {
				e.decided[x] = true
			}
			e.cur = append(e.cur, group)
			e.rec(from+1, placed+len(group), min(worst, sc), total+sc)
			e.cur = e.cur[:len(e.cur)-1]
			for _, x := range group[1:] {
				e.decided[x] = false
			}
		}
		if len(group) == cfg.MaxSize {
			return
		}
		for j := next; j < n; j++ {
			if e.decided[j] || !e.fits(j, group) {
				continue
			}
			group = append(group, j)
			pick(j + 1)
			group = group[:len(group)-1]
		}
	}
	pick(from + 1)
	e.decided[from] = false
}

func (e *exactSearch) fits(j int, group []int) bool {
	for _, a := range group {
		if e.in.conflict(a, j) != "" {
			return false
		}
	}
	return true
}
