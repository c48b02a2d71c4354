package matcher

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
)

// solveRow is one row of the matching solve: the mentors with room a mentee
// may have, in mentor order, with their fit in hundredths, and the mentee's
// priority tier.
type solveRow struct {
	cols []int32
	keys []int32
	tier int64
}

// forEachRow calls f for every row in [0, n), spread over the available
// processors. Each worker hands f a scratch row of its own; f must only
// write to the slots of its row.
func forEachRow(n int, f func(r int, scratch *solveRow)) {
	workers := min(runtime.GOMAXPROCS(0), max(n/64, 1))
	if workers <= 1 {
		var scratch solveRow
		for r := range n {
			f(r, &scratch)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var scratch solveRow
			for {
				lo := int(next.Add(32)) - 32
				if lo >= n {
					return
				}
				for r := lo; r < min(lo+32, n); r++ {
					f(r, &scratch)
				}
			}
		})
	}
	wg.Wait()
}

// candidates is how many of its best cells each row brings to the first
// solve of matchSolve (a variable for the tests, which lower it).
var candidates = 32

// margin: when some cells violate the certificate, the cells that lie
// within five fit points of its bound join the problem with them, since
// the next solve would likely violate them (at 50,000 people this saves a
// third solve).
const margin = 500

// matchSolve is the matching problem: every row against the mentor columns
// with the "no mentor" column last, scores tier·big + fit key, the mentor
// columns with their room and the last column with room for every row.
//
// Large organisations give tens of millions of allowed cells, yet an
// optimal assignment uses few of them: each mentee ends with one of their
// best mentors, or with none. solve therefore first solves the problem
// restricted to the best cells of each row, then checks the dual
// certificate of that solution on every cell left out. The cells that
// violate it join the problem and the solve is repeated; when none does,
// the solution and its duals are optimal for the whole problem (LP
// duality), so the result is exact, not a heuristic.
type matchSolve struct {
	rows     []solveRow
	capacity []int
	big      int64
}

// val returns the score of cell k of row r.
func (ms *matchSolve) val(r, k int) float64 {
	row := &ms.rows[r]
	return float64(row.tier*ms.big + int64(row.keys[k]))
}

// solve returns an optimal solution of the whole problem, with duals that
// certify it on every cell.
func (ms *matchSolve) solve() (*assign.Solution, error) {
	n := len(ms.rows)
	in := make([][]int32, n) // the cells of each row in the restricted problem, ascending
	forEachRow(n, func(r int, _ *solveRow) { in[r] = best(ms.rows[r].keys, candidates) })
	for round := 0; ; round++ {
		sol, err := ms.solveCells(in)
		if err != nil {
			return nil, err
		}
		if round == maxRounds {
			return sol, nil // the last round solves every cell
		}
		var violated atomic.Int64
		forEachRow(n, func(r int, _ *solveRow) {
			row := &ms.rows[r]
			if in[r] == nil || len(in[r]) == len(row.cols) {
				return // every cell of the row is in
			}
			var extra []int32
			bad := 0
			k0 := 0
			for k := range row.cols {
				if k0 < len(in[r]) && int(in[r][k0]) == k {
					k0++
					continue
				}
				switch slack := sol.U[r] + sol.V[row.cols[k]] - ms.val(r, k); {
				case slack < 0:
					bad++
					extra = append(extra, int32(k))
				case slack < margin:
					extra = append(extra, int32(k))
				}
			}
			if len(extra) > 0 {
				in[r] = mergeSorted(in[r], extra)
			}
			violated.Add(int64(bad))
		})
		if violated.Load() == 0 {
			return sol, nil
		}
		if round == maxRounds-1 {
			for r := range in {
				in[r] = nil // every cell
			}
		}
	}
}

// maxRounds bounds the restricted solves; the last one takes every cell.
const maxRounds = 6

// solveCells solves the problem restricted to the cells in[r] of each row
// (nil: every cell of the row) and the "no mentor" column.
func (ms *matchSolve) solveCells(in [][]int32) (*assign.Solution, error) {
	none := len(ms.capacity) - 1
	total := 0
	for r := range ms.rows {
		if in[r] == nil {
			total += len(ms.rows[r].cols) + 1
		} else {
			total += len(in[r]) + 1
		}
	}
	start := make([]int, 1, len(ms.rows)+1)
	cols := make([]int, 0, total)
	vals := make([]float64, 0, total)
	for r := range ms.rows {
		row := &ms.rows[r]
		if in[r] == nil {
			for k, c := range row.cols {
				cols = append(cols, int(c))
				vals = append(vals, ms.val(r, k))
			}
		} else {
			for _, k := range in[r] {
				cols = append(cols, int(row.cols[k]))
				vals = append(vals, ms.val(r, int(k)))
			}
		}
		cols = append(cols, none)
		vals = append(vals, 0)
		start = append(start, len(cols))
	}
	prob := assign.NewSparse(len(ms.rows), none+1, start, cols, vals)
	prob.SetCapacity(ms.capacity)
	return assign.Solve(prob, assign.Options{Maximize: true})
}

// best returns the indices of the k highest keys (ties to the lower
// index), in ascending order; nil when there are at most k keys, meaning
// all of them.
func best(keys []int32, k int) []int32 {
	if len(keys) <= k {
		return nil
	}
	idx := make([]int32, len(keys))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Or(cmp.Compare(keys[b], keys[a]), cmp.Compare(a, b)) })
	idx = idx[:k:k]
	slices.Sort(idx)
	return idx
}

// mergeSorted merges two ascending lists without common elements.
func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] < b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

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
type lossGraph struct {
	m     int       // columns; node m is the sink
	w     []float64 // w[j*m+j']: cheapest move of a row at j to j'
	v     []float64
	u     []float64
	spare []bool
	used  []bool // column has at least one row
	at    []int  // column of each row
}

func newLossGraph(ms *matchSolve, sol *assign.Solution) *lossGraph {
	m := len(ms.capacity)
	none := m - 1
	g := &lossGraph{m: m, w: make([]float64, m*m), v: sol.V, u: sol.U, spare: make([]bool, m),
		used: make([]bool, m), at: sol.RowCol}
	for k := range g.w {
		g.w[k] = math.Inf(1)
	}
	load := make([]int, m)
	for i, j := range sol.RowCol {
		load[j]++
		w := g.w[j*m : (j+1)*m]
		row := &ms.rows[i]
		for k, c := range row.cols {
			if s := sol.U[i] + sol.V[c] - ms.val(i, k); s < w[c] {
				w[c] = s
			}
		}
		if s := sol.U[i] + sol.V[none]; s < w[none] {
			w[none] = s
		}
	}
	for j := range m {
		g.spare[j] = load[j] < ms.capacity[j]
		g.used[j] = load[j] > 0
	}
	return g
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
	type scratch struct {
		dist []float64
		done []bool
		want []bool
	}
	pool := sync.Pool{New: func() any {
		return &scratch{dist: make([]float64, m+1), done: make([]bool, m+1), want: make([]bool, m+1)}
	}}
	forEachRow(len(sources), func(s int, _ *solveRow) {
		c := sources[s]
		sc := pool.Get().(*scratch)
		defer pool.Put(sc)
		dist, done, want := sc.dist, sc.done, sc.want
		left := 0
		for j := range dist {
			dist[j], done[j], want[j] = math.Inf(1), false, false
		}
		for _, i := range bySource[c] {
			if t := g.at[fs[i].row]; !want[t] {
				want[t] = true
				left++
			}
		}
		// Dijkstra over the columns and the sink m; each step relaxes the
		// arcs of the node just settled and picks the next one in the same
		// pass (ties to the lower index, the sink last).
		dist[c] = 0
		for j := c; ; {
			done[j] = true
			if want[j] {
				if left--; left == 0 {
					break
				}
			}
			d := dist[j]
			next, best := -1, math.Inf(1)
			if j == m {
				for jj := range m {
					if done[jj] {
						continue
					}
					nd := dist[jj]
					if g.used[jj] && d+g.v[jj] < nd {
						nd = d + g.v[jj]
						dist[jj] = nd
					}
					if nd < best {
						next, best = jj, nd
					}
				}
			} else {
				if g.spare[j] && d < dist[m] {
					dist[m] = d
				}
				row := g.w[j*m : (j+1)*m]
				done := done[:len(row)]
				dist := dist[:len(row)]
				for jj, s := range row {
					if done[jj] {
						continue
					}
					nd := dist[jj]
					if d+s < nd {
						nd = d + s
						dist[jj] = nd
					}
					if nd < best {
						next, best = jj, nd
					}
				}
			}
			if !done[m] && dist[m] < best {
				next, best = m, dist[m]
			}
			if next < 0 || math.IsInf(best, 1) {
				break
			}
			j = next
		}
		for _, i := range bySource[c] {
			f := fs[i]
			out[i] = g.u[f.row] + g.v[f.col] - f.val + dist[g.at[f.row]]
		}
	})
	return out
}
