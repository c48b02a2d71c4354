package assign

import (
	"math"
	"slices"
)

// SolveFrom solves p like Solve, starting from prev, a solution of a
// problem with the same rows and columns (typically p with fewer cells,
// solved before). The result is as optimal as Solve's, with its own
// certificate; prev only saves work. Each row of prev keeps its column when
// that cell is still allowed and still the row's cheapest by prev's duals;
// the other rows are routed again by shortest augmenting paths. A column
// they leave with room but a nonzero dual is then emptied or refilled by a
// shortest path run backwards (rows moving into it), which restores the
// optimality conditions without touching the rest. A prev of the wrong
// shape, a MaxCardinality solve, a dense problem, or costs outside the
// exact integer path are solved from scratch. Among optimal assignments
// the one returned may differ from Solve's.
//
// This is for a caller solving a growing sequence of problems: when a
// solution certified on some cells violates the certificate on a few added
// ones, SolveFrom costs about as much as those few rows.
func SolveFrom(p *Problem, opt Options, prev *Solution) (*Solution, error) {
	if p == nil || prev == nil || opt.Mode != Strict || !p.IsSparse() || len(prev.RowCol) != p.n || len(prev.V) != p.m {
		return Solve(p, opt)
	}
	f, err := analyse(p, opt.Maximize)
	if err != nil {
		return nil, err
	}
	if len(f.noRow) > 0 || !f.exactInt(p.n, p.m) {
		return Solve(p, opt)
	}
	st := newState[int64](p.n, p.m, p.capacity)
	start, col, val := compress(p, f.allowed, opt.Maximize, func(x float64) int64 { return int64(x) })
	e := newSparseCore(st, start, col, val)
	free, ok := e.warmStart(prev, opt.Maximize)
	if !ok {
		return Solve(p, opt)
	}
	if dead := e.solveRows(free, true); len(dead) > 0 {
		return Solve(p, opt) // infeasible: Solve reports why
	}
	if !e.repair(repairCells * (len(col) + 2*p.m)) {
		return Solve(p, opt) // the repair would cost more than a fresh solve
	}
	if p.n == p.m && p.capacity == nil && p.n > 0 {
		// Every column is full: the normal form of the certificate, as in
		// finish.
		if top := slices.Max(st.v[:p.m]); top > 0 {
			for j := range st.v[:p.m] {
				st.v[j] -= top
			}
		}
	}
	return solution(p, opt, st, true), nil
}

// warmStart loads prev's column duals and keeps every row of prev whose
// column is still allowed, has room, and is the row's cheapest by the
// reduced costs. It returns the other rows, ascending, or false when
// prev's duals cannot be a solution's (a dual of the wrong sign, a
// fraction, too large a magnitude).
func (e *sparseCore[D]) warmStart(prev *Solution, maximize bool) ([]int32, bool) {
	sign := 1.0
	if maximize {
		sign = -1
	}
	st := e.state
	for j := range st.m {
		v := sign * prev.V[j]
		if !(v <= 0) || v != math.Trunc(v) || -v >= float64(intLimit)/4 {
			return nil, false
		}
		st.v[j] = D(v)
	}
	var free []int32
	for i := range int32(st.n) {
		if !e.keep(i, int32(prev.RowCol[i])) {
			free = append(free, i)
		}
	}
	return free, true
}

// keep puts row i back on column j if the optimality conditions allow it.
func (e *sparseCore[D]) keep(i, j int32) bool {
	st := e.state
	if j < 0 || int(j) >= st.m || !st.spare(j) {
		return false
	}
	lo, hi := e.start[i], e.start[i+1]
	k := lo
	for k < hi && e.col[k] != j {
		k++
	}
	if k == hi {
		return false
	}
	u := e.c[k] - st.v[j]
	for q := lo; q < hi; q++ {
		if e.c[q]-st.v[e.col[q]] < u {
			return false
		}
	}
	st.put(i, j, e.c[k])
	return true
}

// repairCells bounds the work of SolveFrom's repair, in passes over the
// cells (a variable for the tests, which set it to zero to force the
// fallback).
var repairCells = 2

// colCell is a cell seen from its column: its row and its index in the
// row-major storage.
type colCell struct{ row, k int32 }

// repair makes every column with room sit at the dual level zero (min
// form), the last optimality condition SolveFrom's start may break. For
// such a column j, a Dijkstra search runs backwards: from a column c with
// a place to fill, a row k at column x may move into c at its reduced cost
// c[k][c] − v[c] − u[k], leaving the place at x; the search may also stop
// at c, leaving the place empty at cost −v[c]. Raising the dual of every
// settled column c by D − dist(c), D the cost of the best path, keeps every
// reduced cost nonnegative, makes the path tight and brings the dual of
// the column left with room to zero; the rows of the path then move.
//
// The searches scan at most budget cells in all; repair reports false when
// they would need more (a start too far from the optimum), and the caller
// then solves afresh.
func (e *sparseCore[D]) repair(budget int) bool {
	st := e.state
	var colStart []int32
	var cells []colCell
	var rs *revSearch[D]
	for j := range int32(st.m) {
		for st.spare(j) && st.v[j] < 0 {
			if rs == nil {
				colStart, cells = e.transpose()
				rs = newRevSearch[D](st.m)
				rs.budget = budget
			}
			if !e.refill(j, colStart, cells, rs) {
				return false
			}
		}
	}
	return true
}

// revSearch is the scratch of the backward searches of repair.
type revSearch[D number] struct {
	dist    []D
	settled []bool
	predRow []int32 // the row that moves out of a column into predCol
	predCol []int32
	predK   []int32 // that row's cell in predCol
	touched []int32
	done    []int32
	heap    []revItem[D]
	budget  int // cells the searches may still scan
}

type revItem[D number] struct {
	d D
	c int32
}

func newRevSearch[D number](m int) *revSearch[D] {
	rs := &revSearch[D]{dist: make([]D, m), settled: make([]bool, m), predRow: make([]int32, m),
		predCol: make([]int32, m), predK: make([]int32, m)}
	inf := infinity[D]()
	for c := range rs.dist {
		rs.dist[c] = inf
	}
	return rs
}

func (rs *revSearch[D]) push(d D, c int32) {
	h := append(rs.heap, revItem[D]{d, c})
	for k := len(h) - 1; k > 0; {
		p := (k - 1) / 2
		if h[p].d < h[k].d || h[p].d == h[k].d && h[p].c < h[k].c {
			break
		}
		h[p], h[k] = h[k], h[p]
		k = p
	}
	rs.heap = h
}

func (rs *revSearch[D]) pop() revItem[D] {
	h := rs.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for k := 0; ; {
		l, r, s := 2*k+1, 2*k+2, k
		if l < last && (h[l].d < h[s].d || h[l].d == h[s].d && h[l].c < h[s].c) {
			s = l
		}
		if r < last && (h[r].d < h[s].d || h[r].d == h[s].d && h[r].c < h[s].c) {
			s = r
		}
		if s == k {
			break
		}
		h[k], h[s] = h[s], h[k]
		k = s
	}
	rs.heap = h
	return top
}

// refill runs one backward search from column j (see repair); false when
// it ran out of budget, leaving the state unchanged but the scratch dirty.
func (e *sparseCore[D]) refill(j int32, colStart []int32, cells []colCell, rs *revSearch[D]) bool {
	st := e.state
	inf := infinity[D]()
	rs.dist[j] = 0
	rs.touched = append(rs.touched[:0], j)
	rs.done = rs.done[:0]
	rs.heap = append(rs.heap[:0], revItem[D]{0, j})
	best, end := inf, int32(-1)
	for len(rs.heap) > 0 {
		it := rs.pop()
		c, d := it.c, it.d
		if rs.settled[c] || d > rs.dist[c] {
			continue
		}
		if d >= best {
			break
		}
		rs.settled[c] = true
		rs.done = append(rs.done, c)
		if t := d - st.v[c]; t < best {
			best, end = t, c
		}
		if best <= d {
			break // c is at the dual level zero: no path beats leaving its place empty
		}
		if rs.budget -= int(colStart[c+1] - colStart[c]); rs.budget < 0 {
			return false
		}
		for _, cell := range cells[colStart[c]:colStart[c+1]] {
			k := cell.row
			x := st.x[k]
			if x == c || x < 0 || int(x) >= st.m || rs.settled[x] {
				continue
			}
			if nd := d + e.c[cell.k] - st.v[c] - st.u(k); nd < rs.dist[x] && nd < best {
				if rs.dist[x] == inf {
					rs.touched = append(rs.touched, x)
				}
				rs.dist[x] = nd
				rs.predRow[x], rs.predCol[x], rs.predK[x] = k, c, cell.k
				rs.push(nd, x)
			}
		}
	}
	for _, c := range rs.done {
		if rs.dist[c] < best {
			st.v[c] += best - rs.dist[c]
		}
	}
	// The path from j to end, then its rows move, from j's side.
	var path []int32
	for c := end; c != j; c = rs.predCol[c] {
		path = append(path, c)
	}
	for q := len(path) - 1; q >= 0; q-- {
		x := path[q]
		k := rs.predRow[x]
		st.take(k)
		st.put(k, rs.predCol[x], e.c[rs.predK[x]])
	}
	for _, c := range rs.touched {
		rs.dist[c], rs.settled[c] = inf, false
	}
	return true
}

// transpose returns the cells of every column: column j's are
// cells[start[j]:start[j+1]], in row order.
func (e *sparseCore[D]) transpose() ([]int32, []colCell) {
	start := make([]int32, e.m+1)
	for _, j := range e.col {
		start[j+1]++
	}
	for j := range e.m {
		start[j+1] += start[j]
	}
	fill := slices.Clone(start[:e.m])
	cells := make([]colCell, len(e.col))
	for i := range int32(e.n) {
		for k := e.start[i]; k < e.start[i+1]; k++ {
			j := e.col[k]
			cells[fill[j]] = colCell{row: i, k: k}
			fill[j]++
		}
	}
	return start, cells
}
