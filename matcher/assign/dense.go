package assign

import "os"

// cell is the storage type of a dense cost matrix: the caller's float64
// values, or an integer copy (int32 when every cost fits and no cell is
// forbidden, int64 otherwise) for the exact integer path.
type cell interface{ ~int32 | ~int64 | ~float64 }

// denseCore solves a dense problem stored row-major in c (n rows of m
// cells, in min-cost form). Forbidden cells are +Inf in float storage and
// intForbidden in int64 storage; int32 storage has none.
type denseCore[C cell, D number] struct {
	*state[D]
	c []C
	// guard is set for int64 storage with forbidden cells: the loops then
	// compare a cell against a bound before subtracting from it.
	guard bool

	d    []D     // distance of each column in the current search
	todo   []int32 // searchJV: unmarked columns in ascending order
	order  []int32 // searchJV: marked columns, scanned ones first
	marked int     // searchJV: columns marked by the last search
	pred []int32 // row from which each column was reached
	done []int32 // columns scanned in the current search, in order
}

func newDenseCore[C cell, D number](st *state[D], c []C, guard bool) *denseCore[C, D] {
	return &denseCore[C, D]{
		state: st,
		c:     c,
		guard: guard,
		d:     make([]D, st.m+1),
		pred:  make([]int32, st.m+1),
		todo:  make([]int32, st.m+1),
		order: make([]int32, st.m+1),
	}
}

func (e *denseCore[C, D]) row(i int32) []C {
	m := e.m
	return e.c[int(i)*m : int(i)*m+m]
}

func (e *denseCore[C, D]) at(i, j int32) D {
	if int(j) == e.m {
		return e.zc
	}
	return D(e.c[int(i)*e.m+int(j)])
}

// best2 scans row i for its two smallest reduced costs.
func (e *denseCore[C, D]) best2(i int32) best2[D] {
	row := e.row(i)
	v := e.v[:len(row)]
	u1, u2 := e.inf, e.inf
	j1, j2 := int32(-1), int32(-1)
	if e.guard {
		for j, c := range row {
			if D(c) < u2+v[j] {
				h := D(c) - v[j]
				if h >= u1 {
					u2, j2 = h, int32(j)
				} else {
					u2, j2 = u1, j1
					u1, j1 = h, int32(j)
				}
			}
		}
	} else {
		for j, c := range row {
			if h := D(c) - v[j]; h < u2 {
				if h >= u1 {
					u2, j2 = h, int32(j)
				} else {
					u2, j2 = u1, j1
					u1, j1 = h, int32(j)
				}
			}
		}
	}
	b := best2[D]{u1: u1, u2: u2, j1: j1, j2: j2}
	if j1 >= 0 {
		b.c1 = D(row[j1])
	}
	if j2 >= 0 {
		b.c2 = D(row[j2])
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
func (e *denseCore[C, D]) columnReduction() []int32 {
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
			if D(c) < cm[j] {
				cm[j] = D(c)
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
				if int32(j) != j1 && D(c) < low+v[j] {
					low = D(c) - v[j]
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
// Dijkstra's method on reduced costs, scanning whole rows of the matrix
// (Jonker and Volgenant's augmentation, with Crouse's handling of
// rectangular problems: no padding). Among columns at the same distance it
// prefers one with spare capacity, then the lowest index. It returns the
// sink column and its distance, or -1 when no column with spare capacity
// can be reached; e.done then lists the columns reached.
func (e *denseCore[C, D]) search(f int32) (int32, D) {
	m := e.m
	inf := e.inf
	d := e.d[:m]
	for j := range d {
		d[j] = inf
	}
	e.d[m] = inf
	for _, j := range e.done {
		if e.flag[j] == flagDone {
			if e.spare(j) {
				e.flag[j] = flagSpare
			} else {
				e.flag[j] = flagFull
			}
		}
	}
	e.done = e.done[:0]

	i := f
	var level, hh D // hh = level - u(i); the free row has u = 0
	for {
		best, bj, bspare := inf, int32(-1), false
		if i < 0 {
			// The column just scanned holds no row (capacity zero).
			best, bj, bspare = e.minTodo()
		}
		for i >= 0 {
			best, bj, bspare = e.scan(i, hh)
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
			return -1, level
		}
		level = best
		if bspare {
			return bj, level
		}
		e.flag[bj] = flagDone
		e.done = append(e.done, bj)
		if i = e.head[bj]; i >= 0 {
			hh = level - e.u(i)
		}
	}
}

// minTodo returns the unscanned real column of smallest distance, with the
// tie rule of scan, without relaxing anything.
func (e *denseCore[C, D]) minTodo() (best D, bj int32, bspare bool) {
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
func (e *denseCore[C, D]) nextRow(i int32) int32 {
	if e.x[i] < 0 {
		return -1
	}
	return e.next[i]
}

// scan relaxes every unscanned column from row i, whose distance offset is
// hh, and returns the column of smallest distance among the unscanned ones
// (spare capacity first on ties, then lowest index).
func (e *denseCore[C, D]) scan(i int32, hh D) (best D, bj int32, bspare bool) {
	dbgStats.scans++
	row := e.row(i)
	v := e.v[:len(row)]
	d := e.d[:len(row)]
	pred := e.pred[:len(row)]
	flag := e.flag[:len(row)]
	best, bj = e.inf, -1
	if e.guard {
		for j, c := range row {
			fl := flag[j]
			if fl == flagDone {
				continue
			}
			dj := d[j]
			if D(c) < dj+v[j]-hh {
				dj = D(c) - v[j] + hh
				d[j] = dj
				pred[j] = i
			}
			if dj <= best {
				if dj < best {
					best, bj, bspare = dj, int32(j), fl == flagSpare
				} else if !bspare && fl == flagSpare {
					bj, bspare = int32(j), true
				}
			}
		}
		return
	}
	for j, c := range row {
		fl := flag[j]
		if fl == flagDone {
			continue
		}
		dj := d[j]
		if r := D(c) - v[j] + hh; r < dj {
			dj = r
			d[j] = r
			pred[j] = i
		}
		if dj <= best {
			if dj < best {
				best, bj, bspare = dj, int32(j), fl == flagSpare
			} else if !bspare && fl == flagSpare {
				bj, bspare = int32(j), true
			}
		}
	}
	return
}

// searchJV is search organised as in Jonker and Volgenant's code, with
// the columns in three sets: scanned, waiting at the current distance
// (order[:low] and order[low:up], a queue), and the others (todo, kept in
// ascending index order so that a row scan reads the matrix row forward).
// A row scan only visits todo, which shrinks as the search grows and
// shrinks at once when many costs tie: a column reaching the current
// distance joins the queue, and ends the search if it has spare capacity.
// Each row scan also finds the smallest distance among the columns it
// visits, so a new distance level needs no pass of its own.
func (e *denseCore[C, D]) searchJV(f int32) (int32, D) {
	m := e.m
	inf := e.inf
	for _, j := range e.order[:e.marked] {
		if e.spare(j) {
			e.flag[j] = flagSpare
		} else {
			e.flag[j] = flagFull
		}
	}
	order := e.order[:m]
	todo := e.todo[:m]
	d := e.d[:m]
	pred := e.pred[:m]
	flag := e.flag[:m]
	row := e.row(f)
	v := e.v[:len(row)]
	best, bj, bspare := inf, int32(-1), false
	for j, c := range row {
		todo[j] = int32(j)
		pred[j] = f
		h := inf
		if !e.guard || D(c) < inf+v[j] {
			h = D(c) - v[j]
		}
		d[j] = h
		if h <= best {
			sp := flag[j] == flagSpare
			if h < best || (sp && !bspare) {
				best, bj, bspare = h, int32(j), sp
			}
		}
	}
	var dz D
	if e.slack {
		dz = e.zc - e.v[m]
		e.pred[m] = f
	}
	low, up := 0, 0
	level := D(0)
	finish := func(j int32, l D) (int32, D) {
		e.done = order[:low]
		e.marked = up
		if int(j) == m {
			e.d[m] = dz
		}
		return j, l
	}
	for {
		if up == low {
			if e.slack && (dz < best || (dz == best && !bspare)) && dz < inf {
				return finish(int32(m), dz)
			}
			if bj < 0 || best >= inf {
				return finish(-1, level)
			}
			level = best
			if bspare {
				return finish(bj, level)
			}
			flag[bj] = flagDone
			order[up] = bj
			up++
		}
		j1 := order[low]
		low++
		i := e.head[j1]
		if i < 0 {
			// A closed column: find the next level by a plain pass.
			best, bj, bspare = e.minOf(todo)
			continue
		}
		for ; i >= 0; i = e.next[i] {
			hh := level - e.u(i)
			if e.slack {
				if r := e.zc - e.v[m] + hh; r < dz {
					dz = r
					e.pred[m] = i
					if r == level {
						return finish(int32(m), dz)
					}
				}
			}
			var sink int32
			if dbgFull {
				sink, up, best, bj, bspare = e.scanFull(i, hh, level, order, up)
			} else {
				sink, todo, up, best, bj, bspare = e.scanJV(i, hh, level, todo, order, up)
			}
			if sink >= 0 {
				return finish(sink, level)
			}
		}
	}
}

// minOf returns the column of smallest distance among the unmarked
// columns of cols (spare capacity first on ties, then lowest index).
func (e *denseCore[C, D]) minOf(cols []int32) (best D, bj int32, bspare bool) {
	best, bj = e.inf, -1
	for _, j := range cols {
		if e.flag[j] == flagDone {
			continue
		}
		if h := e.d[j]; h <= best {
			sp := e.flag[j] == flagSpare
			if h < best || (sp && !bspare) {
				best, bj, bspare = h, j, sp
			}
		}
	}
	return
}

// scanJV relaxes the columns of todo from row i (distance offset hh) and
// compacts todo, dropping the marked columns and those reaching level,
// which join the queue order[up:]. It returns a column with spare
// capacity reached at level, or -1 with the compacted todo, the new up,
// and the column of smallest distance among those left (spare capacity
// first on ties, then lowest index).
func (e *denseCore[C, D]) scanJV(i int32, hh, level D, todo, order []int32, up int) (sink int32, rest []int32, nup int, best D, bj int32, bspare bool) {
	dbgStats.scans++
	dbgStats.visits += len(todo)
	row := e.row(i)
	v := e.v[:len(row)]
	d := e.d[:len(row)]
	pred := e.pred[:len(row)]
	flag := e.flag[:len(row)]
	best, bj = e.inf, -1
	w := 0
	for k, j := range todo {
		fl := flag[j]
		if fl == flagDone {
			continue
		}
		c := D(row[j])
		dj := d[j]
		if !e.guard || c < dj+v[j]-hh {
			if h := c - v[j] + hh; h < dj {
				dj = h
				d[j] = h
				pred[j] = i
				if h == level {
					if fl == flagSpare {
						// Keep the unvisited columns for the caller's
						// bookkeeping: the search ends here.
						return j, todo, up, best, bj, bspare
					}
					flag[j] = flagDone
					order[up] = j
					up++
					continue
				}
			}
		}
		todo[w] = j
		w++
		_ = k
		if dj <= best {
			sp := fl == flagSpare
			if dj < best || (sp && !bspare) {
				best, bj, bspare = dj, j, sp
			}
		}
	}
	return -1, todo[:w], up, best, bj, bspare
}

// scanFull is scanJV over every column in index order, skipping the
// marked ones, without compacting a list.
func (e *denseCore[C, D]) scanFull(i int32, hh, level D, order []int32, up int) (sink int32, nup int, best D, bj int32, bspare bool) {
	row := e.row(i)
	v := e.v[:len(row)]
	d := e.d[:len(row)]
	pred := e.pred[:len(row)]
	flag := e.flag[:len(row)]
	best, bj = e.inf, -1
	for j, c := range row {
		fl := flag[j]
		if fl == flagDone {
			continue
		}
		dj := d[j]
		if !e.guard || D(c) < dj+v[j]-hh {
			if h := D(c) - v[j] + hh; h < dj {
				dj = h
				d[j] = h
				pred[j] = i
				if h == level {
					if fl == flagSpare {
						return int32(j), up, best, bj, bspare
					}
					flag[j] = flagDone
					order[up] = int32(j)
					up++
					continue
				}
			}
		}
		if dj <= best {
			sp := fl == flagSpare
			if dj < best || (sp && !bspare) {
				best, bj, bspare = dj, int32(j), sp
			}
		}
	}
	return -1, up, best, bj, bspare
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
func (e *denseCore[C, D]) solveRows(free []int32, stopAtFirst bool) []int32 {
	var dead []int32
	for _, f := range free {
		var sink int32
		var level D
		if dbgJV {
			sink, level = e.searchJV(f)
		} else {
			sink, level = e.search(f)
		}
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

var dbgJV = os.Getenv("DBG_JV") != ""

var dbgFull = os.Getenv("DBG_FULL") != ""
