package assign

import (
	"math"
	"slices"
)

// Mode says what to do when not every row can be assigned.
type Mode int

const (
	// Strict requires every row to be assigned; otherwise Solve returns
	// an *InfeasibleError naming the rows that cannot be.
	Strict Mode = iota
	// MaxCardinality assigns as many rows as possible and, among all
	// assignments of that many rows, one of minimum total cost (maximum
	// total score). The other rows are returned in Solution.Unassigned.
	MaxCardinality
)

// Options control a solve. The zero value minimizes in Strict mode.
type Options struct {
	// Maximize makes the values scores to maximize instead of costs to
	// minimize. A forbidden cell is then -Inf (or absent from a sparse
	// problem), and +Inf is an error.
	Maximize bool
	// Mode is Strict or MaxCardinality.
	Mode Mode
}

// Solution is an optimal assignment with its dual certificate.
//
// When minimizing, the duals satisfy the conditions checked by Verify:
// U[i]+V[j] <= cost(i, j) on every allowed cell, with equality on the
// assigned cells; V[j] <= 0 for every column, and V[j] == 0 for every
// column with spare capacity; in MaxCardinality mode, every unassigned row
// has the same U, which is the largest of all U. When maximizing, every
// inequality is reversed (U[i]+V[j] >= score, V[j] >= 0, unassigned rows
// share the smallest U).
type Solution struct {
	// RowCol[i] is the column assigned to row i, or -1.
	RowCol []int
	// Total is the sum of the costs (scores) of the assigned cells.
	Total float64
	// U and V are the row and column duals.
	U, V []float64
	// Unassigned lists the rows left unassigned, in ascending order
	// (always empty in Strict mode).
	Unassigned []int
	// Exact reports that the solve ran in exact integer arithmetic: every
	// finite cost is an integer and every sum fits. Then Total, U and V
	// are exact integers. Otherwise they are float64 results, correct to
	// rounding.
	Exact bool
}

// ColRows returns, for each column, the rows assigned to it in ascending
// order.
func (s *Solution) ColRows() [][]int {
	out := make([][]int, len(s.V))
	for i, j := range s.RowCol {
		if j >= 0 {
			out[j] = append(out[j], i)
		}
	}
	return out
}

// arrPasses bounds the passes of the augmenting row reduction; passes stop
// earlier when one assigns no row.
const arrPasses = 16

// A dense problem with fewer allowed cells than sparseShare·n·m is solved
// on a compressed copy of its allowed cells; a sparse problem with at least
// denseShare·n·m is solved on a dense copy (then no larger than the
// compressed rows, and much faster to scan).
const (
	sparseShare = 0.25
	denseShare  = 0.6
)

// path selects how a problem is solved; the zero value chooses
// automatically. Tests force the other paths to cross-check them.
type path struct {
	float  bool // never take the exact path: float64 arithmetic, Exact false
	sparse int  // 0 automatic, 1 sparse, -1 dense
}

// Solve finds an optimal assignment of p under opt.
//
// It returns an error wrapping ErrBadCost or ErrBadInput for bad data (NaN
// costs, wrong-signed infinities, negative capacities, bad sparse
// indices), and, in Strict mode, an *InfeasibleError (wrapping
// ErrInfeasible) when some row cannot be assigned. It panics only on
// misuse: a nil Problem or an unknown Mode. The result depends only on
// the input: ties are broken by index, the same way on every run.
func Solve(p *Problem, opt Options) (*Solution, error) {
	return solve(p, opt, path{})
}

func solve(p *Problem, opt Options, pa path) (*Solution, error) {
	if opt.Mode != Strict && opt.Mode != MaxCardinality {
		panic("assign: unknown Mode")
	}
	f, err := analyse(p, opt.Maximize)
	if err != nil {
		return nil, err
	}
	if opt.Mode == Strict && len(f.noRow) > 0 {
		return nil, &InfeasibleError{Reason: NoAllowedColumn, Rows: f.noRow}
	}
	cells := float64(p.n) * float64(p.m)
	sparse := float64(f.allowed) < sparseShare*cells
	if p.IsSparse() {
		sparse = float64(f.allowed) < denseShare*cells
	}
	if pa.sparse != 0 {
		sparse = pa.sparse > 0
	}
	exact := f.exactInt(p.n, p.m) && !pa.float
	if sparse && exact {
		st := newState[int64](p.n, p.m, p.capacity)
		start, col, val := compress(p, f.allowed, opt.Maximize, func(x float64) int64 { return int64(x) })
		return finish(p, opt, st, newSparseCore(st, start, col, val), true)
	}
	st := newState[float64](p.n, p.m, p.capacity)
	if sparse {
		start, col, val := compress(p, f.allowed, opt.Maximize, func(x float64) float64 { return x })
		return finish(p, opt, st, newSparseCore(st, start, col, val), false)
	}
	// Dense problems are solved on the caller's matrix; float64 arithmetic
	// is exact on integral costs within the exactInt bound.
	c := p.dense
	if p.IsSparse() {
		c = densify(p, opt.Maximize)
	}
	return finish(p, opt, st, newDenseCore(st, c, opt.Maximize), exact)
}

// densify returns the row-major matrix of a sparse problem, with the
// forbidding infinity where no cell is listed.
func densify(p *Problem, maximize bool) []float64 {
	forbid := math.Inf(1)
	if maximize {
		forbid = math.Inf(-1)
	}
	c := make([]float64, p.n*p.m)
	for k := range c {
		c[k] = forbid
	}
	for i := 0; i < p.n; i++ {
		for k := p.start[i]; k < p.start[i+1]; k++ {
			c[i*p.m+p.col[k]] = p.val[k]
		}
	}
	return c
}

// core is a solving engine over a dense or sparse cost storage.
type core[D number] interface {
	best2(i int32) best2[D]
	columnReduction() []int32
	solveRows(free []int32, stopAtFirst bool) []int32
	reached() []int32
}

func (e *denseCore) reached() []int32     { return e.done }
func (e *sparseCore[D]) reached() []int32 { return e.done }

// compress returns the allowed cells of p in compressed sparse row form,
// in min-cost form (negated when maximizing), converted by conv.
func compress[D number](p *Problem, allowed int, maximize bool, conv func(float64) D) (start, col []int32, val []D) {
	forbid := math.Inf(1)
	sign := 1.0
	if maximize {
		forbid, sign = math.Inf(-1), -1
	}
	start = make([]int32, p.n+1)
	col = make([]int32, 0, allowed)
	val = make([]D, 0, allowed)
	for i := 0; i < p.n; i++ {
		if p.start == nil {
			for j, c := range p.dense[i*p.m : i*p.m+p.m] {
				if c != forbid {
					col = append(col, int32(j))
					val = append(val, conv(sign*c))
				}
			}
		} else {
			lo, hi := p.start[i], p.start[i+1]
			for k, c := range p.val[lo:hi] {
				if c != forbid {
					col = append(col, int32(p.col[lo+k]))
					val = append(val, conv(sign*c))
				}
			}
		}
		start[i+1] = int32(len(col))
	}
	return start, col, val
}

// finish runs the solving phases on an engine and builds the Solution.
func finish[D number](p *Problem, opt Options, st *state[D], c core[D], exact bool) (*Solution, error) {
	n, m := p.n, p.m
	square := opt.Mode == Strict && n == m && p.capacity == nil
	var free []int32
	if square {
		// Jonker–Volgenant initialisation.
		free = c.columnReduction()
	} else {
		// Every column starts at the dual level zero, which stays the
		// level of the columns with spare capacity (Crouse's rectangular
		// shortest augmenting path); the row reduction is the first pass
		// of the augmenting row reduction.
		free = make([]int32, 0, n)
		for i := 0; i < n; i++ {
			free = append(free, int32(i))
		}
	}
	free = st.arr(free, arrPasses, c.best2)
	slices.Sort(free)
	dead := c.solveRows(free, opt.Mode == Strict)
	if len(dead) > 0 && opt.Mode == Strict {
		return nil, hall(st, dead[0], c.reached())
	}
	if len(dead) > 0 {
		// The assigned rows form a maximum-cardinality assignment (a row
		// with no augmenting path never gets one later). Among
		// assignments of that size, the cheapest is the optimal Strict
		// assignment of the problem with one more column, of capacity
		// len(dead), that every row may use at a common cost: its rows
		// are the unassigned ones. The common cost is the largest row
		// dual, so the current duals stay feasible.
		zc := D(0)
		first := true
		for i := 0; i < n; i++ {
			if st.x[i] >= 0 {
				if u := st.u(int32(i)); first || u > zc {
					zc, first = u, false
				}
			}
		}
		st.openSlack(zc, len(dead))
		if rest := c.solveRows(dead, true); len(rest) > 0 {
			panic("assign: internal error: the slack column is unreachable")
		}
	}
	if square && n > 0 {
		// All columns are full: shift the duals so that the largest V is
		// zero, the normal form of the certificate.
		top := slices.Max(st.v[:m])
		if top > 0 {
			for j := range st.v[:m] {
				st.v[j] -= top
			}
		}
	}
	return solution(p, opt, st, exact), nil
}

// hall builds the Hall violation found by the failed search from row f:
// the rows reached (f and the rows of the scanned columns) can only use
// the scanned columns, which are all full.
func hall[D number](st *state[D], f int32, done []int32) *InfeasibleError {
	e := &InfeasibleError{Reason: HallViolation, Rows: []int{int(f)}}
	for _, j := range done {
		e.Cols = append(e.Cols, int(j))
		e.Capacity += int(st.cap[j])
		for i := st.head[j]; i >= 0; i = st.next[i] {
			e.Rows = append(e.Rows, int(i))
		}
	}
	slices.Sort(e.Rows)
	slices.Sort(e.Cols)
	return e
}

// solution converts the engine's state to a Solution in the caller's
// orientation.
func solution[D number](p *Problem, opt Options, st *state[D], exact bool) *Solution {
	n, m := p.n, p.m
	s := &Solution{
		RowCol: make([]int, n),
		U:      make([]float64, n),
		V:      make([]float64, m),
		Exact:  exact,
	}
	sign := D(1)
	if opt.Maximize {
		sign = -1
	}
	var total D
	for i := 0; i < n; i++ {
		j := st.x[i]
		var u D
		switch {
		case j < 0:
			panic("assign: internal error: row left without a column")
		case int(j) == m:
			s.RowCol[i] = -1
			s.Unassigned = append(s.Unassigned, i)
			u = st.zc - st.v[m]
		default:
			s.RowCol[i] = int(j)
			u = st.u(int32(i))
			total += st.xc[i]
		}
		s.U[i] = float64(sign * u)
	}
	for j := 0; j < m; j++ {
		s.V[j] = float64(sign * st.v[j])
	}
	if exact {
		s.Total = float64(sign * total)
	} else {
		// Sum the caller's values, in row order.
		for i, j := range s.RowCol {
			if j >= 0 {
				c, _ := p.Cost(i, j)
				s.Total += c
			}
		}
	}
	if s.Unassigned == nil {
		s.Unassigned = []int{}
	}
	return s
}
