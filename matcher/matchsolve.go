package matcher

import (
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
	ms.addColumnCandidates(in)
	var sol, from *assign.Solution
	for round := 0; ; round++ {
		var err error
		sol, err = ms.solveCells(in, from)
		if err != nil {
			return nil, err
		}
		if round == maxRounds {
			return sol, nil // the last round solves every cell
		}
		var violated, rowsOff atomic.Int64
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
			if bad > 0 {
				rowsOff.Add(1)
			}
		})
		if violated.Load() == 0 {
			return sol, nil
		}
		from = nil
		if rowsOff.Load()*warmShare <= int64(n) {
			from = sol // few rows to route again: start from this solution
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

// warmShare: a round starts from the last round's solution when at most
// one row in warmShare broke its certificate. The first round's certificate
// is often broken on most rows (its duals know nothing of the competition
// for mentors outside each row's best cells), and a start that routes
// most rows again costs more than a fresh solve; a later round typically
// has a handful of such rows, and then costs about as much as they do (at
// 100,000 people the last round went from 18 s to 0.1 s).
var warmShare int64 = 16 // a variable for the tests, which set 1: every later round warm

// solveCells solves the problem restricted to the cells in[r] of each row
// (nil: every cell of the row) and the "no mentor" column, starting from
// prev when it is not nil (a solution on fewer cells; see
// assign.SolveFrom).
func (ms *matchSolve) solveCells(in [][]int32, prev *assign.Solution) (*assign.Solution, error) {
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
	if prev != nil {
		return assign.SolveFrom(prob, assign.Options{Maximize: true}, prev)
	}
	return assign.Solve(prob, assign.Options{Maximize: true})
}

// columnCandidates is how many of its best rows, per unit of room, each
// mentor column brings to the first solve (plus a few), on top of each
// row's own best cells.
const columnCandidates = 4

// addColumnCandidates adds to the first solve, for each mentor column, the
// cells of its best-scoring rows. The rows' own best cells concentrate on
// the popular mentors; without these, a mentor that few rows rank high
// stays empty in the first solve, its dual stays zero, and the certificate
// then fails on most rows, whose next solve carries their extra cells. A
// column's best rows are what the optimum tends to give it.
func (ms *matchSolve) addColumnCandidates(in [][]int32) {
	m := len(ms.capacity) - 1
	type cand struct {
		score int64
		r, k  int32
	}
	// worse orders candidates: lower score, then higher row, first.
	worse := func(a, b cand) bool { return a.score < b.score || a.score == b.score && a.r > b.r }
	heaps := make([][]cand, m)
	limit := make([]int, m)
	for c := range m {
		limit[c] = columnCandidates*ms.capacity[c] + 2
	}
	for r := range ms.rows {
		row := &ms.rows[r]
		if in[r] == nil {
			continue // every cell of the row is in
		}
		for k, c := range row.cols {
			x := cand{row.tier*ms.big + int64(row.keys[k]), int32(r), int32(k)}
			h := heaps[c]
			switch {
			case len(h) < limit[c]:
				h = append(h, x)
				for i := len(h) - 1; i > 0; {
					p := (i - 1) / 2
					if !worse(h[i], h[p]) {
						break
					}
					h[i], h[p] = h[p], h[i]
					i = p
				}
				heaps[c] = h
			case worse(h[0], x):
				h[0] = x
				for p := 0; ; {
					i := 2*p + 1
					if i >= len(h) {
						break
					}
					if i+1 < len(h) && worse(h[i+1], h[i]) {
						i++
					}
					if !worse(h[i], h[p]) {
						break
					}
					h[i], h[p] = h[p], h[i]
					p = i
				}
			}
		}
	}
	extra := make([][]int32, len(ms.rows))
	for _, h := range heaps {
		for _, x := range h {
			extra[x.r] = append(extra[x.r], x.k)
		}
	}
	forEachRow(len(ms.rows), func(r int, _ *solveRow) {
		if len(extra[r]) == 0 {
			return
		}
		slices.Sort(extra[r])
		add := extra[r][:0]
		for _, k := range extra[r] {
			if _, found := slices.BinarySearch(in[r], k); !found {
				add = append(add, k)
			}
		}
		in[r] = mergeSorted(in[r], add)
	})
}

// best returns the indices of the k highest keys (ties to the lower
// index), in ascending order; nil when there are at most k keys, meaning
// all of them. It keeps the k best seen so far in a heap whose root is the
// worst of them, so a row costs O(len(keys)·log k), not a sort.
func best(keys []int32, k int) []int32 {
	if len(keys) <= k {
		return nil
	}
	h := make([]int32, 0, k) // indices; h[0] the lowest key, then the highest index
	worse := func(a, b int32) bool { return keys[a] < keys[b] || keys[a] == keys[b] && a > b }
	down := func(p int) {
		for {
			c := 2*p + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && worse(h[c+1], h[c]) {
				c++
			}
			if !worse(h[c], h[p]) {
				return
			}
			h[p], h[c] = h[c], h[p]
			p = c
		}
	}
	for i := range keys {
		switch {
		case len(h) < k:
			h = append(h, int32(i))
			for c := len(h) - 1; c > 0; {
				p := (c - 1) / 2
				if !worse(h[c], h[p]) {
					break
				}
				h[p], h[c] = h[c], h[p]
				c = p
			}
		case keys[i] > keys[h[0]]:
			// A later index never beats an equal key.
			h[0] = int32(i)
			down(0)
		}
	}
	slices.Sort(h)
	return h
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
