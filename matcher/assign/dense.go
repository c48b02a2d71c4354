package assign

import "math"

// denseCore solves a dense problem on the caller's row-major matrix c (n
// rows of m cells), without copying it. The arithmetic is float64; it is
// exact when every finite cost is an integer and every sum stays below
// 2^53 in magnitude (facts.exactInt): every intermediate value is then an
// integer that float64 represents exactly, so the result is the one int64
// arithmetic would give. Forbidden cells are +Inf (-Inf when neg is set),
// and IEEE arithmetic keeps them out of every minimum without a test.
type denseCore struct {
	*state[float64]
	c []float64
	// neg: the matrix holds scores to maximize; the core minimizes their
	// negation, computed on the fly.
	neg bool

	d      []float64 // distance of each column in the current search
	pred   []int32   // row from which each column was reached
	order  []int32   // columns marked by the search, scanned ones first
	marked int       // number of columns marked by the last search
	done   []int32   // columns scanned in the current search, in order
}

func newDenseCore(st *state[float64], c []float64, neg bool) *denseCore {
	return &denseCore{
		state: st,
		c:     c,
		neg:   neg,
		d:     make([]float64, st.m+1),
		pred:  make([]int32, st.m+1),
		order: make([]int32, st.m+1),
	}
}

func (e *denseCore) row(i int32) []float64 {
	m := e.m
	return e.c[int(i)*m : int(i)*m+m]
}

// cost returns the min-form cost of a stored value.
func (e *denseCore) cost(c float64) float64 {
	if e.neg {
		return -c
	}
	return c
}

func (e *denseCore) at(i, j int32) float64 {
	if int(j) == e.m {
		return e.zc
	}
	return e.cost(e.c[int(i)*e.m+int(j)])
}

// best2 scans row i for its two smallest reduced costs. On a tie for the
// smallest, a column with spare capacity wins (then the lowest index), so
// that a row facing identical columns takes a free one; the second is the
// lowest index at the second smallest reduced cost among the others.
func (e *denseCore) best2(i int32) best2[float64] {
	row := e.row(i)
	sign := 1.0
	if e.neg {
		sign = -1
	}
	u1, u2, j1, j2 := best2Row(row, e.v[:len(row)], e.flag[:len(row)], sign, e.inf)
	b := best2[float64]{u1: u1, u2: u2, j1: j1, j2: j2}
	if j1 >= 0 {
		b.c1 = e.cost(row[j1])
	}
	if j2 >= 0 {
		b.c2 = e.cost(row[j2])
	}
	return b
}

// best2Go is the two-smallest scan of best2 in Go, in one pass: j1 is the
// first column with spare capacity at the smallest reduced cost u1, else
// the first column there; u2 is the smallest reduced cost of the other
// columns and j2 the first of them there. Forbidden cells (+Inf) are
// never chosen.
func best2Go(row, v []float64, flag []uint8, sign, inf float64) (u1, u2 float64, j1, j2 int32) {
	v, flag = v[:len(row)], flag[:len(row)]
	u1, u2 = inf, inf
	// first, second, spare: columns at u1; above: first column at u2 > u1.
	first, second, spare, above := int32(-1), int32(-1), int32(-1), int32(-1)
	for j, c := range row {
		h := sign*c - v[j]
		switch {
		case h == inf:
		case h < u1:
			u2, above = u1, first
			u1, first, second, spare = h, int32(j), -1, -1
			if flag[j] == flagSpare {
				spare = int32(j)
			}
		case h == u1:
			if second < 0 {
				second = int32(j)
				u2 = u1
			}
			if spare < 0 && flag[j] == flagSpare {
				spare = int32(j)
			}
		case h < u2:
			u2, above = h, int32(j)
		}
	}
	j1, j2 = first, above
	if spare >= 0 {
		j1 = spare
	}
	if second >= 0 {
		j2 = first
		if j1 == first {
			j2 = second
		}
	}
	return u1, u2, j1, j2
}

// columnReduction is the first phase of LAPJV for a square problem with
// unit capacities: each column's dual is its smallest cost, and a row that
// is the minimum of exactly one column keeps that column; a row that is
// the minimum of several keeps the cheapest. The reduction transfer then
// lowers the dual of the column kept by a row that won only it, so that
// the row's reduced cost becomes its second best. It returns the free
// rows in ascending order.
func (e *denseCore) columnReduction() []int32 {
	n, m := e.n, e.m
	colMin := e.d[:m]
	arg := e.pred[:m]
	for j := range colMin {
		colMin[j] = e.inf
		arg[j] = -1
	}
	// Every dual is zero and no column is marked yet: a row relaxation
	// from offset zero is the column minimum update, the first row
	// keeping a tie.
	sign := 1.0
	if e.neg {
		sign = -1
	}
	for i := 0; i < n; i++ {
		relaxRow(e.row(int32(i)), e.v[:m], colMin, arg, e.flag[:m], 0, int32(i), sign)
	}
	matches := make([]int32, n)
	for j := m - 1; j >= 0; j-- {
		i := arg[j]
		if i < 0 {
			continue // a forbidden column: the search will report it
		}
		e.v[j] = colMin[j]
		matches[i]++
		if matches[i] == 1 {
			e.put(i, int32(j), colMin[j])
		} else if colMin[j] < e.v[e.x[i]] {
			e.take(i)
			e.put(i, int32(j), colMin[j])
		}
	}
	free := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		switch matches[i] {
		case 0:
			free = append(free, int32(i))
		case 1:
			j1 := e.x[i]
			row := e.row(int32(i))
			v := e.v[:len(row)]
			low := e.inf
			for j, c := range row {
				if h := e.cost(c) - v[j]; int32(j) != j1 && h < low {
					low = h
				}
			}
			if low < e.inf {
				e.v[j1] -= low
			}
		}
	}
	return free
}

// search finds a shortest augmenting path from the free row f with
// Dijkstra's method on reduced costs (Jonker and Volgenant's augmentation,
// with Crouse's handling of rectangular problems: no padding).
//
// As in Jonker and Volgenant's code, the columns at the current distance
// (the level) are scanned breadth first: order[low:up] holds the columns
// of the level still to scan. A row scan (relax) reads a whole matrix row
// forward, lowers the distances of the columns not yet marked and returns
// the smallest of them. Only when that minimum equals the level, or when
// the level is exhausted, does a second pass (ties) mark every column at
// the new level, in index order, and look for one with spare capacity: a
// sink, taken at once (the first by index). This matters when many costs
// tie: the search grows level by level and meets a column with spare
// capacity early (on uniform costs in [0, 1000) it scans about six times
// fewer rows than taking the lowest index first), and a row scan that
// finds nothing at the level costs a single pass over the row.
//
// It returns the sink column and its distance, or -1 when no column with
// spare capacity can be reached; e.done then lists the columns reached,
// all full.
func (e *denseCore) search(f int32) (int32, float64) {
	m := e.m
	inf := e.inf
	for _, j := range e.order[:e.marked] {
		if e.spare(j) {
			e.flag[j] = flagSpare
		} else {
			e.flag[j] = flagFull
		}
	}
	d := e.d[:m]
	for j := range d {
		d[j] = inf
	}
	e.d[m] = inf
	order := e.order[:m]
	low, up := 0, 0 // order[:low] scanned, order[low:up] waiting at level
	finish := func(j int32, l float64) (int32, float64) {
		e.done = order[:low]
		e.marked = up
		return j, l
	}

	i := f
	var level, hh float64 // hh = level - u(i); the free row has u = 0
	// best is the smallest distance of the unmarked real columns when
	// fresh is set: each relax computes it, and marking ties spoils it.
	best, fresh := inf, false
	for {
		for i >= 0 {
			best, fresh = e.relax(i, hh), true
			if e.slack {
				if r := e.zc - e.v[m] + hh; r < e.d[m] {
					e.d[m] = r
					e.pred[m] = i
				}
			}
			// Several rows share a column of capacity above one: scan
			// them all before looking at the distances.
			if i = e.nextRow(i); i >= 0 {
				hh = level - e.u(i)
			}
		}
		z := inf // distance of the slack column, a sink
		if e.slack {
			z = e.d[m]
		}
		if low == up {
			// The level is exhausted: the next one is the smallest
			// distance left.
			if !fresh {
				best, fresh = e.minTodo(), true
			}
			next := min(best, z)
			if next >= inf {
				return finish(-1, level)
			}
			level = next
		}
		if fresh && best == level {
			k, sink := e.ties(level, order[up:])
			up += k
			fresh = false
			if sink >= 0 {
				return finish(sink, level)
			}
		}
		if z == level {
			return finish(int32(m), level)
		}
		j := order[low]
		low++
		if i = e.head[j]; i >= 0 {
			hh = level - e.u(i)
		}
	}
}

// minTodo returns the smallest distance of the real columns not marked.
func (e *denseCore) minTodo() float64 {
	best := e.inf
	for j, dj := range e.d[:e.m] {
		if e.flag[j] != flagDone && dj < best {
			best = dj
		}
	}
	return best
}

// nextRow returns the next row to scan in the column being scanned, or -1.
// The free row f (unassigned) has no next row.
func (e *denseCore) nextRow(i int32) int32 {
	if e.x[i] < 0 {
		return -1
	}
	return e.next[i]
}

// relax lowers the distance of every column not marked through row i,
// whose distance offset is hh (r = cost − v + hh), and returns the
// smallest distance among those columns. This is where a hard problem
// spends its time: it reads the row forward and touches only the compact
// per-column arrays d, v, pred and flag.
func (e *denseCore) relax(i int32, hh float64) float64 {
	row := e.row(i)
	sign := 1.0
	if e.neg {
		sign = -1
	}
	return relaxRow(row, e.v[:len(row)], e.d[:len(row)], e.pred[:len(row)], e.flag[:len(row)], hh, i, sign)
}

// ties marks, in index order, every column not yet marked whose distance
// is level, writing them to order; it returns how many and the first of
// them with spare capacity, or -1.
func (e *denseCore) ties(level float64, order []int32) (int, int32) {
	return tiesRow(e.d[:e.m], e.flag[:e.m], order, level)
}

// relaxGo is the row relaxation in Go, used where no vector kernel runs
// and for the columns after the last full vector: r = sign·c − v + hh,
// sign −1 for the scores of a maximization, computed in the same order as
// the kernels so that every path gives the same bits.
func relaxGo(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32, sign float64) float64 {
	v, d, pred, flag = v[:len(row)], d[:len(row)], pred[:len(row)], flag[:len(row)]
	best := math.Inf(1)
	for j, c := range row {
		if flag[j] == flagDone {
			continue
		}
		dj := d[j]
		if r := sign*c - v[j] + hh; r < dj {
			dj = r
			d[j] = r
			pred[j] = i
		}
		best = min(best, dj)
	}
	return best
}

// tiesGo is the tie marking of ties in Go.
func tiesGo(d []float64, flag []uint8, order []int32, level float64, base int) (int, int32) {
	flag = flag[:len(d)]
	k, sink := 0, int32(-1)
	for j, dj := range d {
		if dj != level || flag[j] == flagDone {
			continue
		}
		if sink < 0 && flag[j] == flagSpare {
			sink = int32(base + j)
		}
		flag[j] = flagDone
		order[k] = int32(base + j)
		k++
	}
	return k, sink
}

// update moves the duals of the scanned columns after a search that
// reached level: the reduced costs stay non-negative and become zero along
// the shortest path tree.
func update[D number](v, d []D, done []int32, level D) {
	for _, j := range done {
		v[j] += d[j] - level
	}
}

// solveRows runs the shortest augmenting path phase for the given free
// rows, in order. It returns the rows for which no augmenting path exists;
// when stopAtFirst is set it stops at the first such row, with e.done
// listing the columns reachable from it.
func (e *denseCore) solveRows(free []int32, stopAtFirst bool) []int32 {
	var dead []int32
	for _, f := range free {
		if e.room == 0 && !stopAtFirst {
			// Every column is full: no search can succeed.
			dead = append(dead, f)
			continue
		}
		sink, level := e.search(f)
		if sink < 0 {
			dead = append(dead, f)
			if stopAtFirst {
				return dead
			}
			continue
		}
		update(e.v, e.d, e.done, level)
		e.augment(sink, e.pred, e.at)
	}
	return dead
}
