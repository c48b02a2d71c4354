package assign

import "math"

// number is the arithmetic type of a solve: int64 for a sparse problem
// whose finite costs are integers small enough for every sum to stay exact,
// float64 otherwise (see facts.exactInt).
type number interface{ ~int64 | ~float64 }

// intInf stands for "unreached" in the int64 path. Every dual value and
// distance of an admitted problem stays below intLimit in magnitude (see
// facts.exactInt), so intInf plus or minus any of them neither overflows
// nor gets mistaken for a finite value. It is only compared with, never
// used as a cost: sparse storage holds allowed cells only.
const (
	intInf   int64 = 1 << 61
	intLimit int64 = 1 << 53
)

// infinity returns the "unreached" value of the arithmetic type D.
func infinity[D number]() D {
	var z D
	switch any(z).(type) {
	case float64:
		return D(math.Inf(1))
	default:
		return D(intInf)
	}
}

// Column flags used by the shortest path searches.
const (
	flagFull  uint8 = 0 // column has no spare capacity and is not yet scanned
	flagSpare uint8 = 1 // column can take one more row: a sink
	flagDone  uint8 = 2 // column scanned in the current search
)

// state is the assignment under construction and the column duals, shared
// by the dense and sparse cores. Rows assigned to the same column form a
// doubly linked list so that a column of capacity k can be scanned and
// edited in O(1) per row.
//
// Index m is an optional slack column (used only to finish a
// maximum-cardinality solve): every row may use it at cost zc, and the rows
// it holds are the unassigned ones.
type state[D number] struct {
	n, m int
	inf  D

	x    []int32 // column of each row, -1 when unassigned
	xc   []D     // cost of the cell (i, x[i])
	head []int32 // first row of each column, -1 when empty
	next []int32 // next row in the same column, -1 at the end
	prev []int32 // previous row in the same column, -1 at the start
	load []int32
	cap  []int32
	flag []uint8 // flagSpare or flagFull outside a search
	v    []D     // column duals
	room int     // spare capacity left in all columns together

	slack bool // column m is the slack column
	zc    D    // cost of the slack column for every row
}

func newState[D number](n, m int, capacity []int) *state[D] {
	s := &state[D]{
		n:    n,
		m:    m,
		inf:  infinity[D](),
		x:    make([]int32, n),
		xc:   make([]D, n),
		next: make([]int32, n),
		prev: make([]int32, n),
		head: make([]int32, m+1),
		load: make([]int32, m+1),
		cap:  make([]int32, m+1),
		flag: make([]uint8, m+1),
		v:    make([]D, m+1),
	}
	for i := range s.x {
		s.x[i] = -1
		s.next[i] = -1
		s.prev[i] = -1
	}
	for j := range s.head {
		s.head[j] = -1
		c := int32(1)
		if capacity != nil && j < m {
			c = int32(capacity[j])
		}
		if j == m {
			c = 0
		}
		s.cap[j] = c
		s.room += int(c)
		if c > 0 {
			s.flag[j] = flagSpare
		}
	}
	return s
}

// openSlack gives the slack column capacity k.
func (s *state[D]) openSlack(zc D, k int) {
	s.slack = true
	s.zc = zc
	s.cap[s.m] = int32(k)
	s.room += k
	s.flag[s.m] = flagSpare
}

// spare reports whether column j can take another row.
func (s *state[D]) spare(j int32) bool { return s.load[j] < s.cap[j] }

// put assigns the unassigned row i to column j at cost c.
func (s *state[D]) put(i, j int32, c D) {
	s.x[i] = j
	s.xc[i] = c
	h := s.head[j]
	s.next[i] = h
	s.prev[i] = -1
	if h >= 0 {
		s.prev[h] = i
	}
	s.head[j] = i
	s.load[j]++
	if s.load[j] <= s.cap[j] {
		s.room--
	}
	if s.load[j] >= s.cap[j] {
		s.flag[j] = flagFull
	}
}

// take removes row i from its column.
func (s *state[D]) take(i int32) {
	j := s.x[i]
	p, q := s.prev[i], s.next[i]
	if p >= 0 {
		s.next[p] = q
	} else {
		s.head[j] = q
	}
	if q >= 0 {
		s.prev[q] = p
	}
	s.x[i] = -1
	s.next[i] = -1
	s.prev[i] = -1
	s.load[j]--
	if s.load[j] < s.cap[j] {
		s.room++
		s.flag[j] = flagSpare
	}
}

// u returns the implicit dual of the assigned row i: the reduced cost of
// its own cell is zero.
func (s *state[D]) u(i int32) D { return s.xc[i] - s.v[s.x[i]] }

// arrBudget bounds the row steps of the augmenting row reduction, as a
// multiple of the free rows it starts with.
const arrBudget = 16

// best2 describes the two smallest reduced costs c[i][j] - v[j] of a row.
type best2[D number] struct {
	u1, u2 D     // smallest and second smallest reduced cost
	j1, j2 int32 // their columns (see the cores for ties); -1 if none
	c1, c2 D     // their costs
}

// arr runs Jonker and Volgenant's augmenting row reduction over the free
// rows: each free row takes the column of its smallest reduced cost, and
// that column's dual is lowered to the row's second smallest reduced cost
// so that the row it displaces looks elsewhere. It returns the rows still
// free. Capacities are respected: a full column of capacity above one is
// left to the shortest path phase, and a column's dual is only lowered
// once the column is full, which keeps every column with spare capacity
// at the dual level zero.
func (s *state[D]) arr(free []int32, passes int, row func(i int32) best2[D]) []int32 {
	// A displaced row is reconsidered at once; bound the work, since rows
	// competing for too few columns would otherwise drive a dual down
	// forever. A step costs one row scan, a small fraction of a shortest
	// path search, so the bound is generous. Rows left over go to the
	// shortest path phase.
	budget := arrBudget * (len(free) + 8)
	for pass := 0; pass < passes && len(free) > 0; pass++ {
		k, prv, nf := 0, len(free), 0
		// Rows are rewritten in place: nf never passes k.
		for k < prv {
			// With more rows than capacity, once every column is full the
			// rows left only trade places; the shortest path phase settles
			// which rows stay out.
			if budget--; budget < 0 || s.room == 0 {
				nf += copy(free[nf:], free[k:prv])
				break
			}
			i := free[k]
			k++
			b := row(i)
			if b.j1 < 0 {
				free[nf] = i
				nf++
				continue
			}
			lower := b.u1 < b.u2 && b.u2 < s.inf
			j, c := b.j1, b.c1
			if s.spare(j) {
				s.put(i, j, c)
				if lower && s.cap[j] == 1 {
					s.v[j] -= b.u2 - b.u1
				}
				continue
			}
			if b.u1 == b.u2 && b.j2 >= 0 {
				// A tie: take the second column instead, if it helps.
				j, c = b.j2, b.c2
				if s.spare(j) {
					s.put(i, j, c)
					continue
				}
			}
			if s.cap[j] != 1 {
				free[nf] = i
				nf++
				continue
			}
			i0 := s.head[j]
			if lower && j == b.j1 {
				s.v[j] -= b.u2 - b.u1
			}
			s.take(i0)
			s.put(i, j, c)
			if lower && j == b.j1 {
				k--
				free[k] = i0
			} else {
				free[nf] = i0
				nf++
			}
		}
		if pass >= 1 && nf >= prv {
			// A pass that frees as many rows as it started with will
			// not be followed by a better one.
			return free[:nf]
		}
		free = free[:nf]
	}
	return free
}

// augment moves rows along the predecessor chain ending at sink: each row
// on the path takes the next column, the first row (free) is assigned and
// the sink gains one row. at returns the cost of a cell on the path.
func (s *state[D]) augment(sink int32, pred []int32, at func(i, j int32) D) {
	j := sink
	for {
		i := pred[j]
		old := s.x[i]
		if old >= 0 {
			s.take(i)
		}
		s.put(i, j, at(i, j))
		if old < 0 {
			return
		}
		j = old
	}
}
