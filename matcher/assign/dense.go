package assign

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
// that a row facing identical columns takes a free one.
func (e *denseCore) best2(i int32) best2[float64] {
	row := e.row(i)
	v := e.v[:len(row)]
	flag := e.flag[:len(row)]
	u1, u2 := e.inf, e.inf
	j1, j2 := int32(-1), int32(-1)
	s1 := false // column j1 has spare capacity
	neg := 1.0
	if e.neg {
		neg = -1
	}
	for j, c := range row {
		h := neg*c - v[j]
		if h > u2 {
			continue
		}
		if h == u2 && (h != u1 || s1 || h == e.inf || flag[j] != flagSpare) {
			continue
		}
		if h > u1 || (h == u1 && (s1 || flag[j] != flagSpare)) {
			u2, j2 = h, int32(j)
		} else {
			u2, j2 = u1, j1
			u1, j1, s1 = h, int32(j), flag[j] == flagSpare
		}
	}
	b := best2[float64]{u1: u1, u2: u2, j1: j1, j2: j2}
	if j1 >= 0 {
		b.c1 = e.cost(row[j1])
	}
	if j2 >= 0 {
		b.c2 = e.cost(row[j2])
	}
	return b
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
	for i := 0; i < n; i++ {
		row := e.row(int32(i))
		cm := colMin[:len(row)]
		am := arg[:len(row)]
		for j, c := range row {
			if c = e.cost(c); c < cm[j] {
				cm[j] = c
				am[j] = int32(i)
			}
		}
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
// Each row scan reads a whole matrix row forward, relaxes the unscanned
// columns and returns the nearest one, preferring spare capacity on ties,
// then the lowest index. As in Jonker and Volgenant's code, columns at the
// current distance are scanned breadth first: when a scan finds columns
// at the current distance, all of them join a queue (one pass over the
// distances, skipped when the nearest column is the only one). This
// matters when many costs tie: the search then grows level by level and
// meets a column with spare capacity early (on uniform costs in [0, 1000)
// it scans about six times fewer rows than taking the lowest index). It returns the sink column and its distance, or
// -1 when no column with spare capacity can be reached; e.done then lists
// the columns reached, all full.
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
	for {
		best, bj, bspare, ties := inf, int32(-1), false, 2
		if i < 0 {
			// The column just scanned holds no row (capacity zero).
			best, bj, bspare = e.minTodo()
		}
		for i >= 0 {
			best, bj, bspare, ties = e.scan(i, hh)
			if e.slack {
				if r := e.zc - e.v[m] + hh; r < e.d[m] {
					e.d[m] = r
					e.pred[m] = i
				}
			}
			// Several rows share a column of capacity above one: scan
			// them all before choosing the next column.
			if i = e.nextRow(i); i >= 0 {
				hh = level - e.u(i)
			}
		}
		if e.slack {
			if z := e.d[m]; z < best || (z == best && !bspare && z < inf) {
				best, bj, bspare = z, int32(m), true
			}
		}
		if bj < 0 || best >= inf {
			if low == up {
				return finish(-1, level)
			}
		} else if bspare && (best == level || low == up) {
			return finish(bj, best)
		} else if best == level && ties == 1 {
			e.flag[bj] = flagDone
			order[up] = bj
			up++
		} else if best == level {
			// Columns tied at the current distance: queue them all.
			for j, dj := range d {
				if dj == level && e.flag[j] != flagDone {
					e.flag[j] = flagDone
					order[up] = int32(j)
					up++
				}
			}
		}
		if low == up {
			// Next distance level.
			level = best
			e.flag[bj] = flagDone
			order[up] = bj
			up++
		}
		j := order[low]
		low++
		if i = e.head[j]; i >= 0 {
			hh = level - e.u(i)
		}
	}
}

// minTodo returns the unscanned real column of smallest distance, with the
// tie rule of scan, without relaxing anything.
func (e *denseCore) minTodo() (best float64, bj int32, bspare bool) {
	best, bj = e.inf, -1
	for j, dj := range e.d[:e.m] {
		fl := e.flag[j]
		if fl == flagDone {
			continue
		}
		if dj < best || (dj == best && !bspare && fl == flagSpare) {
			best, bj, bspare = dj, int32(j), fl == flagSpare
		}
	}
	return
}

// nextRow returns the next row to scan in the column being scanned, or -1.
// The free row f (unassigned) has no next row.
func (e *denseCore) nextRow(i int32) int32 {
	if e.x[i] < 0 {
		return -1
	}
	return e.next[i]
}

// scan relaxes every unscanned column from row i, whose distance offset is
// hh, and returns the column of smallest distance among the unscanned ones
// (spare capacity first on ties, then lowest index) and how many columns
// share that distance. This loop is where a
// hard problem spends its time: it reads the row forward and touches only
// the compact per-column arrays d, v, pred and flag.
func (e *denseCore) scan(i int32, hh float64) (best float64, bj int32, bspare bool, ties int) {
	row := e.row(i)
	v := e.v[:len(row)]
	d := e.d[:len(row)]
	pred := e.pred[:len(row)]
	flag := e.flag[:len(row)]
	if e.neg {
		if best, bj, bspare, ties, ok := e.scanMaxRow(row, v, d, pred, flag, hh, i); ok {
			return best, bj, bspare, ties
		}
		return e.scanGo(row, v, d, pred, flag, hh, i, -1)
	}
	return e.scanMinRow(row, v, d, pred, flag, hh, i)
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

// scanGo is the row scan in Go, used where no assembly version exists and
// by the tests that compare the two: r = sign·c − v + hh, sign −1 for the
// scores of a maximization, computed in the same order as the kernels so
// that every path gives the same bits.
func (e *denseCore) scanGo(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32, sign float64) (best float64, bj int32, bspare bool, ties int) {
	v, d, pred, flag = v[:len(row)], d[:len(row)], pred[:len(row)], flag[:len(row)]
	best, bj = e.inf, -1
	for j, c := range row {
		fl := flag[j]
		if fl == flagDone {
			continue
		}
		dj := d[j]
		if r := sign*c - v[j] + hh; r < dj {
			dj = r
			d[j] = r
			pred[j] = i
		}
		if dj <= best {
			if dj < best {
				best, bj, bspare, ties = dj, int32(j), fl == flagSpare, 1
			} else {
				ties++
				if !bspare && fl == flagSpare {
					bj, bspare = int32(j), true
				}
			}
		}
	}
	return
}
