package matcher

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
)

// forcedPair is a new pair whose row is to be forced onto col, the column
// of its next best, where its score is val.
type forcedPair struct {
	pair, row, col int
	val            float64
}

// lossGraph answers "how much value is lost if row r is forced onto column
// c" from an optimal solution and its duals, without a re-solve.
//
// With maximising duals U, V (U[i]+V[j] >= val on every allowed cell,
// equality on the assigned ones, V >= 0, and V = 0 on columns with room),
// any assignment A of every row loses OPT − val(A) = Σ s(i, A(i)) +
// Σ V[j]·free_j(A), where s = U + V − val >= 0. Forcing r from c0 onto c
// costs s(r, c) plus the shortest path from c to c0 over the columns and a
// sink t: j → j' moves a row assigned at j to j' at cost s(i, j') (the
// cheapest such row), j → t ends at a column with room at cost 0, and
// t → j frees one place of column j at cost V[j]. Every cost is >= 0, so
// Dijkstra applies; the path never leaves c0, so r's own cells never count.
//
// The graph is never built whole (it has as many arcs as the problem has
// cells). Each column keeps its cheapest arcs, sorted; a search expands a
// column from that list and scans the column's rows only when it needs
// arcs dearer than the list holds. The sink is a hub (it reaches every
// used column), so one search from it gives dist(t, j) for every column,
// and a search from c stops at t: a path through t costs
// dist(c, t) + dist(t, c0). Each search from c is bounded by the best path
// known to each of its targets and stops when no shorter one can exist,
// which keeps it to the few columns near c.
type lossGraph struct {
	ms    *matchSolve
	m     int // columns; node m is the sink
	u, v  []float64
	at    []int // column of each row
	spare []bool
	used  []bool
	// rowsAt[rowStart[j]:rowStart[j+1]] are the rows at column j.
	rowStart []int32
	rowsAt   []int32
	// cols[j] holds the cheapest arcs out of column j by weight (ties by
	// column), one per target; a search that needs dearer ones has the
	// list lengthened (grow), under grow[j], and every search after it
	// reads the longer list.
	cols     []atomic.Pointer[colArcs]
	grow     []sync.Mutex
	scratch  sync.Pool // *arcScratch
	fromSink []float64 // dist(t, j); fromSink[m] = 0
	toSink   []float64 // an upper bound of dist(j, t)
}

type lossArc struct {
	to int32
	w  float64
}

// colArcs is the list of a column's cheapest arcs: the first of them in
// the order of weight then target, all of them when full is set. A longer
// list starts with the shorter one, so a search may go on reading it where
// it stopped.
type colArcs struct {
	arcs []lossArc
	full bool
}

// keptArcs is how many of its cheapest arcs each column keeps at first;
// growFactor is how much longer a list gets when a search needs more.
var keptArcs = 96

const growFactor = 4

func newLossGraph(ms *matchSolve, sol *assign.Solution) *lossGraph {
	m := len(ms.capacity)
	g := &lossGraph{ms: ms, m: m, u: sol.U, v: sol.V, at: sol.RowCol, spare: make([]bool, m), used: make([]bool, m),
		rowStart: make([]int32, m+1), rowsAt: make([]int32, len(sol.RowCol))}
	for _, j := range sol.RowCol {
		g.rowStart[j+1]++
	}
	for j := range m {
		g.rowStart[j+1] += g.rowStart[j]
	}
	fill := slices.Clone(g.rowStart[:m])
	for i, j := range sol.RowCol {
		g.rowsAt[fill[j]] = int32(i)
		fill[j]++
	}
	for j := range m {
		load := int(g.rowStart[j+1] - g.rowStart[j])
		g.spare[j] = load < ms.capacity[j]
		g.used[j] = load > 0
	}
	g.buildArcs()
	g.fromSink = g.sinkDistances()
	return g
}

// eachArc calls f with every arc out of column j (several per target:
// one per row at j), the sink excluded.
func (g *lossGraph) eachArc(j int, f func(to int, w float64)) {
	none := g.m - 1
	for _, i := range g.rowsAt[g.rowStart[j]:g.rowStart[j+1]] {
		row := &g.ms.rows[i]
		ui := g.u[i]
		for k, c := range row.cols {
			f(int(c), ui+g.v[c]-g.ms.val(int(i), k))
		}
		f(none, ui+g.v[none])
	}
}

// buildArcs keeps the keptArcs cheapest arcs of every column, and bounds
// from above each column's distance to the sink along them.
func (g *lossGraph) buildArcs() {
	m := g.m
	g.scratch.New = func() any {
		best := make([]float64, m)
		for j := range best {
			best[j] = math.Inf(1)
		}
		return &arcScratch{best: best}
	}
	g.cols = make([]atomic.Pointer[colArcs], m)
	g.grow = make([]sync.Mutex, m)
	forEachRow(m, func(j int, _ *solveRow) {
		sc := g.scratch.Get().(*arcScratch)
		arcs := g.cheapest(j, sc, keptArcs)
		g.scratch.Put(sc)
		g.cols[j].Store(&colArcs{arcs: arcs, full: len(arcs) < keptArcs})
	})
	// Upper bounds of dist(j, t): a few Bellman–Ford passes over the kept
	// arcs, each bound the cost of a real path.
	g.toSink = make([]float64, m)
	for j := range m {
		g.toSink[j] = math.Inf(1)
		if g.spare[j] {
			g.toSink[j] = 0
		}
	}
	for range 32 {
		changed := false
		for j := range m {
			for _, a := range g.cols[j].Load().arcs {
				if d := a.w + g.toSink[a.to]; d < g.toSink[j] {
					g.toSink[j] = d
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
}

// longer returns a list of column j's cheapest arcs longer than have
// arcs, or the full one. Each column's rows are scanned again only when a
// search reaches the end of its list, and the list then grows by
// growFactor: a column costs its cells a few times in all, not once per
// search that needs its dearer arcs.
func (g *lossGraph) longer(j, have int) *colArcs {
	g.grow[j].Lock()
	defer g.grow[j].Unlock()
	ca := g.cols[j].Load()
	if ca.full || len(ca.arcs) > have {
		return ca
	}
	k := growFactor * max(len(ca.arcs), 1)
	sc := g.scratch.Get().(*arcScratch)
	arcs := g.cheapest(j, sc, k)
	g.scratch.Put(sc)
	ca = &colArcs{arcs: arcs, full: len(arcs) < k}
	g.cols[j].Store(ca)
	return ca
}

// arcScratch is the per-worker scratch of cheapest: best[to] is +Inf
// outside the targets in touched.
type arcScratch struct {
	best    []float64
	touched []int32
}

// cheapest returns the keep cheapest arcs out of column j, one per
// target, by weight then target.
func (g *lossGraph) cheapest(j int, sc *arcScratch, keep int) []lossArc {
	if g.rowStart[j] == g.rowStart[j+1] {
		return nil
	}
	sc.touched = sc.touched[:0]
	g.eachArc(j, func(to int, w float64) {
		if old := sc.best[to]; w < old {
			if math.IsInf(old, 1) {
				sc.touched = append(sc.touched, int32(to))
			}
			sc.best[to] = w
		}
	})
	// The keep cheapest in a heap whose root is the dearest of them.
	dearer := func(a, b lossArc) bool { return a.w > b.w || a.w == b.w && a.to > b.to }
	out := make([]lossArc, 0, min(len(sc.touched), keep))
	for _, to := range sc.touched {
		a := lossArc{to: to, w: sc.best[to]}
		sc.best[to] = math.Inf(1)
		if len(out) < keep {
			out = append(out, a)
			for c := len(out) - 1; c > 0; {
				p := (c - 1) / 2
				if !dearer(out[c], out[p]) {
					break
				}
				out[c], out[p] = out[p], out[c]
				c = p
			}
			continue
		}
		if !dearer(out[0], a) {
			continue
		}
		out[0] = a
		for p := 0; ; {
			c := 2*p + 1
			if c >= len(out) {
				break
			}
			if c+1 < len(out) && dearer(out[c+1], out[c]) {
				c++
			}
			if !dearer(out[c], out[p]) {
				break
			}
			out[p], out[c] = out[c], out[p]
			p = c
		}
	}
	slices.SortFunc(out, func(a, b lossArc) int { return cmp.Or(cmp.Compare(a.w, b.w), cmp.Compare(a.to, b.to)) })
	return out
}

// sinkDistances returns dist(t, j) for every node, by one Dijkstra search
// from the sink over the whole graph.
func (g *lossGraph) sinkDistances() []float64 {
	m := g.m
	dist := make([]float64, m+1)
	for j := range dist {
		dist[j] = math.Inf(1)
	}
	done := make([]bool, m+1)
	var h distHeap
	dist[m] = 0
	done[m] = true
	for j := range m {
		if g.used[j] && g.v[j] < dist[j] {
			dist[j] = g.v[j]
			h.push(g.v[j], j)
		}
	}
	for h.len() > 0 {
		d, j := h.pop()
		if done[j] || d > dist[j] {
			continue
		}
		done[j] = true
		g.eachArc(j, func(to int, w float64) {
			if nd := d + w; nd < dist[to] {
				dist[to] = nd
				h.push(nd, to)
			}
		})
	}
	return dist
}

// losses returns OPT − the optimum with each row forced onto its column.
// Pairs sharing a next-best column share one search; the searches run in
// parallel.
func (g *lossGraph) losses(fs []forcedPair) []float64 {
	out := make([]float64, len(fs))
	bySource := make(map[int][]int)
	var sources []int
	for i, f := range fs {
		if _, ok := bySource[f.col]; !ok {
			sources = append(sources, f.col)
		}
		bySource[f.col] = append(bySource[f.col], i)
	}
	m := g.m
	searchers := make(chan *lossSearch, 64)
	get := func() *lossSearch {
		select {
		case s := <-searchers:
			return s
		default:
			return newLossSearch(m)
		}
	}
	put := func(s *lossSearch) {
		select {
		case searchers <- s:
		default:
		}
	}
	forEachRow(len(sources), func(k int, _ *solveRow) {
		c := sources[k]
		s := get()
		defer put(s)
		var targets []int
		for _, i := range bySource[c] {
			targets = append(targets, g.at[fs[i].row])
		}
		s.run(g, c, targets)
		for _, i := range bySource[c] {
			f := fs[i]
			out[i] = g.u[f.row] + g.v[f.col] - f.val + s.answer[g.at[f.row]]
		}
		s.reset()
	})
	return out
}

// lossSearch is the scratch of one bounded search; reset leaves it as new
// in time proportional to what the search touched.
type lossSearch struct {
	dist    []float64
	done    []bool
	want    []bool
	best    []float64 // the best known path to each target
	answer  []float64 // dist to each target, once resolved
	touched []int
	tgts    []int
	h       distHeap
}

func newLossSearch(m int) *lossSearch {
	s := &lossSearch{dist: make([]float64, m+1), done: make([]bool, m+1), want: make([]bool, m+1),
		best: make([]float64, m+1), answer: make([]float64, m+1)}
	for j := range s.dist {
		s.dist[j], s.best[j], s.answer[j] = math.Inf(1), math.Inf(1), math.Inf(1)
	}
	return s
}

func (s *lossSearch) reset() {
	for _, j := range s.touched {
		s.dist[j], s.done[j] = math.Inf(1), false
	}
	for _, j := range s.tgts {
		s.want[j], s.best[j], s.answer[j] = false, math.Inf(1), math.Inf(1)
	}
	s.touched, s.tgts = s.touched[:0], s.tgts[:0]
	s.h.items = s.h.items[:0]
}

// run finds dist(c, j) for every target j, leaving it in answer[j].
func (s *lossSearch) run(g *lossGraph, c int, targets []int) {
	m := g.m
	for _, j := range targets {
		if !s.want[j] {
			s.want[j] = true
			s.tgts = append(s.tgts, j)
		}
	}
	left := len(s.tgts)
	if c < m && !math.IsInf(g.toSink[c], 1) {
		for _, t := range s.tgts {
			s.best[t] = g.toSink[c] + g.fromSink[t]
		}
	}
	bound := math.Inf(1) // max over the unresolved targets of best
	rebound := func() {
		bound = math.Inf(-1)
		for _, j := range s.tgts {
			if !s.done[j] && s.best[j] > bound {
				bound = s.best[j]
			}
		}
	}
	stale := false // a target at the bound got a better path
	relax := func(to int, nd float64) {
		if nd < s.dist[to] {
			if math.IsInf(s.dist[to], 1) {
				s.touched = append(s.touched, to)
			}
			s.dist[to] = nd
			s.h.push(nd, to)
			if s.want[to] && nd < s.best[to] {
				stale = stale || s.best[to] == bound
				s.best[to] = nd
			}
		}
	}
	relax(c, 0)
	rebound()
	for s.h.len() > 0 && left > 0 {
		d, j := s.h.pop()
		if s.done[j] || d > s.dist[j] {
			continue
		}
		if d >= bound {
			break // no target can be reached below its best known path
		}
		s.done[j] = true
		if s.want[j] {
			left--
			rebound()
		}
		if j == m {
			// Through the sink: dist(c, t) + dist(t, j) for every target.
			for _, t := range s.tgts {
				if nd := d + g.fromSink[t]; !s.done[t] && nd < s.best[t] {
					s.best[t] = nd
				}
			}
			rebound()
			continue
		}
		if g.spare[j] {
			relax(m, d)
		}
		lim := bound - d
		ca := g.cols[j].Load()
		for k := 0; ; k++ {
			if k == len(ca.arcs) {
				if ca.full || k == 0 {
					break
				}
				if ca = g.longer(j, k); k == len(ca.arcs) {
					break
				}
			}
			a := ca.arcs[k]
			if a.w >= lim {
				break
			}
			relax(int(a.to), d+a.w)
		}
		if stale {
			rebound()
			stale = false
		}
	}
	for _, j := range s.tgts {
		if s.done[j] {
			s.answer[j] = min(s.dist[j], s.best[j])
		} else {
			s.answer[j] = s.best[j]
		}
	}
}

// distHeap is a binary min-heap of (distance, node), ties to the lower
// node.
type distHeap struct{ items []distItem }

type distItem struct {
	d float64
	j int
}

func (h *distHeap) len() int { return len(h.items) }

func (h *distHeap) less(a, b int) bool {
	x, y := h.items[a], h.items[b]
	return x.d < y.d || x.d == y.d && x.j < y.j
}

func (h *distHeap) push(d float64, j int) {
	h.items = append(h.items, distItem{d, j})
	for k := len(h.items) - 1; k > 0; {
		p := (k - 1) / 2
		if !h.less(k, p) {
			break
		}
		h.items[k], h.items[p] = h.items[p], h.items[k]
		k = p
	}
}

func (h *distHeap) pop() (float64, int) {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for k := 0; ; {
		l, r, small := 2*k+1, 2*k+2, k
		if l < last && h.less(l, small) {
			small = l
		}
		if r < last && h.less(r, small) {
			small = r
		}
		if small == k {
			break
		}
		h.items[k], h.items[small] = h.items[small], h.items[k]
		k = small
	}
	return top.d, top.j
}
