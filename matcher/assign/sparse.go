package assign

// sparseCore solves a problem stored as compressed sparse rows (in
// min-cost form): row i may use the columns col[start[i]:start[i+1]] at the
// costs c[start[i]:start[i+1]]; every other cell is forbidden. The search
// touches only the allowed cells, as in Volgenant's LAPMOD, and keeps the
// reached columns in a binary heap, so its cost follows the number of
// allowed cells rather than n·m.
type sparseCore[D number] struct {
	*state[D]
	start []int32
	col   []int32
	c     []D

	d       []D
	pred    []int32
	done    []int32 // columns scanned in the current search, in order
	touched []int32 // columns whose distance was set in the current search
	heap    []int32
	pos     []int32 // position of each column in heap, -1 when absent

	// exact: D is int64. Reduced costs are then exactly nonnegative, so a
	// search never offers a scanned column a shorter distance than the
	// one it was scanned at, and the cell loop skips the test of its flag.
	exact bool
}

func newSparseCore[D number](st *state[D], start, col []int32, c []D) *sparseCore[D] {
	e := &sparseCore[D]{
		state: st,
		start: start,
		col:   col,
		c:     c,
		d:     make([]D, st.m+1),
		pred:  make([]int32, st.m+1),
		pos:   make([]int32, st.m+1),
	}
	for j := range e.d {
		e.d[j] = st.inf
		e.pos[j] = -1
	}
	var zero D
	_, e.exact = any(zero).(int64)
	return e
}

func (e *sparseCore[D]) at(i, j int32) D {
	if int(j) == e.m {
		return e.zc
	}
	lo, hi := e.start[i], e.start[i+1]
	for k := lo; k < hi; k++ {
		if e.col[k] == j {
			return e.c[k]
		}
	}
	panic("assign: internal error: cell not in row")
}

func (e *sparseCore[D]) best2(i int32) best2[D] {
	lo, hi := e.start[i], e.start[i+1]
	cols, cs := e.col[lo:hi], e.c[lo:hi]
	cs = cs[:len(cols)]
	v := e.v
	b := best2[D]{u1: e.inf, u2: e.inf, j1: -1, j2: -1}
	for k, j := range cols {
		h := cs[k] - v[j]
		if h < b.u2 || (h == b.u2 && j < b.j2) {
			if h > b.u1 || (h == b.u1 && j > b.j1) {
				b.u2, b.j2, b.c2 = h, j, cs[k]
			} else {
				b.u2, b.j2, b.c2 = b.u1, b.j1, b.c1
				b.u1, b.j1, b.c1 = h, j, cs[k]
			}
		}
	}
	return b
}

// columnReduction is the sparse version of denseCore.columnReduction.
func (e *sparseCore[D]) columnReduction() []int32 {
	n, m := e.n, e.m
	colMin := make([]D, m)
	arg := make([]int32, m)
	for j := range colMin {
		colMin[j] = e.inf
		arg[j] = -1
	}
	for i := 0; i < n; i++ {
		lo, hi := e.start[i], e.start[i+1]
		for k := lo; k < hi; k++ {
			j := e.col[k]
			if c := e.c[k]; c < colMin[j] || (c == colMin[j] && int32(i) < arg[j]) {
				colMin[j] = c
				arg[j] = int32(i)
			}
		}
	}
	matches := make([]int32, n)
	for j := m - 1; j >= 0; j-- {
		i := arg[j]
		if i < 0 {
			continue
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
			low := e.inf
			lo, hi := e.start[i], e.start[i+1]
			for k := lo; k < hi; k++ {
				if j := e.col[k]; j != j1 {
					if h := e.c[k] - e.v[j]; h < low {
						low = h
					}
				}
			}
			if low < e.inf {
				e.v[j1] -= low
			}
		}
	}
	return free
}

// less orders heap entries: smaller distance, then spare capacity, then
// lower index.
func (e *sparseCore[D]) less(a, b int32) bool {
	da, db := e.d[a], e.d[b]
	if da != db {
		return da < db
	}
	sa, sb := e.flag[a] == flagSpare, e.flag[b] == flagSpare
	if sa != sb {
		return sa
	}
	return a < b
}

func (e *sparseCore[D]) up(k int) {
	h := e.heap
	j := h[k]
	for k > 0 {
		p := (k - 1) / 2
		if !e.less(j, h[p]) {
			break
		}
		h[k] = h[p]
		e.pos[h[k]] = int32(k)
		k = p
	}
	h[k] = j
	e.pos[j] = int32(k)
}

func (e *sparseCore[D]) pop() int32 {
	h := e.heap
	top := h[0]
	e.pos[top] = -1
	last := h[len(h)-1]
	h = h[:len(h)-1]
	e.heap = h
	if len(h) == 0 {
		return top
	}
	k := 0
	for {
		c := 2*k + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && e.less(h[c+1], h[c]) {
			c++
		}
		if !e.less(h[c], last) {
			break
		}
		h[k] = h[c]
		e.pos[h[k]] = int32(k)
		k = c
	}
	h[k] = last
	e.pos[last] = int32(k)
	return top
}

// relax offers distance r to column j from row i.
func (e *sparseCore[D]) relax(j int32, r D, i int32) {
	if r >= e.d[j] {
		return
	}
	if e.d[j] == e.inf {
		e.touched = append(e.touched, j)
	}
	e.d[j] = r
	e.pred[j] = i
	if e.pos[j] < 0 {
		e.heap = append(e.heap, j)
		e.up(len(e.heap) - 1)
	} else {
		e.up(int(e.pos[j]))
	}
}

// reset clears the search state of the touched columns.
func (e *sparseCore[D]) reset() {
	for _, j := range e.touched {
		e.d[j] = e.inf
		e.pos[j] = -1
	}
	e.touched = e.touched[:0]
	e.heap = e.heap[:0]
	for _, j := range e.done {
		if e.spare(j) {
			e.flag[j] = flagSpare
		} else {
			e.flag[j] = flagFull
		}
	}
}

// search is the sparse counterpart of denseCore.search.
func (e *sparseCore[D]) search(f int32) (int32, D) {
	e.reset()
	e.done = e.done[:0]
	m := int32(e.m)
	i := f
	var level, hh D
	for {
		for ; i >= 0; i = e.nextRow(i) {
			if e.x[i] >= 0 {
				hh = level - e.u(i)
			} else {
				hh = 0
			}
			lo, hi := e.start[i], e.start[i+1]
			cols, cs := e.col[lo:hi], e.c[lo:hi]
			cs = cs[:len(cols)]
			v, d := e.v, e.d
			if e.exact {
				for k, j := range cols {
					if r := cs[k] - v[j] + hh; r < d[j] {
						e.relax(j, r, i)
					}
				}
			} else {
				for k, j := range cols {
					if e.flag[j] == flagDone {
						continue
					}
					if r := cs[k] - v[j] + hh; r < d[j] {
						e.relax(j, r, i)
					}
				}
			}
			if e.slack {
				e.relax(m, e.zc-e.v[m]+hh, i)
			}
		}
		if len(e.heap) == 0 {
			return -1, level
		}
		j := e.pop()
		level = e.d[j]
		if e.flag[j] == flagSpare {
			return j, level
		}
		e.flag[j] = flagDone
		e.done = append(e.done, j)
		i = e.head[j]
	}
}

func (e *sparseCore[D]) nextRow(i int32) int32 {
	if e.x[i] < 0 {
		return -1
	}
	return e.next[i]
}

// solveRows is the sparse counterpart of denseCore.solveRows.
func (e *sparseCore[D]) solveRows(free []int32, stopAtFirst bool) []int32 {
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
