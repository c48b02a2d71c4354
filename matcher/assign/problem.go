package assign

import (
	"fmt"
	"math"
)

// Problem is an assignment problem: n rows, m columns, the cost (or score)
// of every allowed cell, and the capacity of every column. Build one with
// NewDense or NewSparse, then optionally SetCapacity. A Problem keeps the
// slices it is given without copying them: do not change them while the
// Problem is in use. Solve and Verify never modify a Problem, so one
// Problem may be solved from several goroutines at once.
type Problem struct {
	n, m int

	dense []float64 // row-major n×m, nil for a sparse problem

	start []int     // sparse: row i holds cells start[i]:start[i+1]
	col   []int     // sparse: column of each cell
	val   []float64 // sparse: cost of each cell

	capacity []int // nil: every column takes one row
}

// NewDense returns a problem whose cell (i, j) costs cost[i*m+j]. When
// minimizing, +Inf marks a forbidden cell; when maximizing, -Inf does (see
// Options). Values are checked by Solve: a NaN, or an infinity of the
// wrong sign, is reported there as an error wrapping ErrBadCost.
//
// NewDense panics if n or m is negative or len(cost) != n*m.
func NewDense(n, m int, cost []float64) *Problem {
	if n < 0 || m < 0 {
		panic(fmt.Sprintf("assign: NewDense: negative size %d×%d", n, m))
	}
	if len(cost) != n*m {
		panic(fmt.Sprintf("assign: NewDense: %d costs for a %d×%d problem", len(cost), n, m))
	}
	return &Problem{n: n, m: m, dense: cost}
}

// NewSparse returns a problem given in compressed sparse row form: row i
// may use column cols[k] at cost cost[k] for k in rowStart[i]:rowStart[i+1];
// every cell not listed is forbidden. Within a row the columns may come in
// any order. An infinite cost in the forbidding direction (+Inf when
// minimizing, -Inf when maximizing) also forbids its cell.
//
// Solve reports as errors (wrapping ErrBadInput or ErrBadCost) a column
// index outside [0, m), a cell listed twice, a NaN or a wrong-signed
// infinity. NewSparse panics if n or m is negative, len(rowStart) != n+1,
// rowStart is not non-decreasing from 0 to len(cols), or len(cost) !=
// len(cols).
func NewSparse(n, m int, rowStart, cols []int, cost []float64) *Problem {
	if n < 0 || m < 0 {
		panic(fmt.Sprintf("assign: NewSparse: negative size %d×%d", n, m))
	}
	if len(rowStart) != n+1 {
		panic(fmt.Sprintf("assign: NewSparse: %d row starts for %d rows (want n+1)", len(rowStart), n))
	}
	if len(cost) != len(cols) {
		panic(fmt.Sprintf("assign: NewSparse: %d costs for %d cells", len(cost), len(cols)))
	}
	if rowStart[0] != 0 || rowStart[n] != len(cols) {
		panic("assign: NewSparse: rowStart must run from 0 to len(cols)")
	}
	for i := 0; i < n; i++ {
		if rowStart[i] > rowStart[i+1] {
			panic(fmt.Sprintf("assign: NewSparse: rowStart decreases at row %d", i))
		}
	}
	return &Problem{n: n, m: m, start: rowStart, col: cols, val: cost}
}

// SetCapacity lets column j take up to capacity[j] rows (the default is
// one). A capacity of zero closes the column. Columns are never copied: a
// column of capacity k costs the same to solve as a column of capacity 1.
// Solve reports a negative capacity as an error wrapping ErrBadInput.
// SetCapacity panics if len(capacity) != Cols(); a nil slice restores the
// default.
func (p *Problem) SetCapacity(capacity []int) {
	if capacity != nil && len(capacity) != p.m {
		panic(fmt.Sprintf("assign: SetCapacity: %d capacities for %d columns", len(capacity), p.m))
	}
	p.capacity = capacity
}

// Rows returns the number of rows.
func (p *Problem) Rows() int { return p.n }

// Cols returns the number of columns.
func (p *Problem) Cols() int { return p.m }

// Capacity returns the capacity of column j.
func (p *Problem) Capacity(j int) int {
	if p.capacity == nil {
		return 1
	}
	return p.capacity[j]
}

// IsSparse reports whether the problem was built with NewSparse.
func (p *Problem) IsSparse() bool { return p.start != nil }

// Cost returns the value of cell (i, j) as given to the constructor, and
// false if the cell is not listed in a sparse problem. It panics if i or j
// is out of range.
func (p *Problem) Cost(i, j int) (float64, bool) {
	if i < 0 || i >= p.n || j < 0 || j >= p.m {
		panic(fmt.Sprintf("assign: Cost(%d, %d) outside a %d×%d problem", i, j, p.n, p.m))
	}
	if p.start == nil {
		return p.dense[i*p.m+j], true
	}
	for k := p.start[i]; k < p.start[i+1]; k++ {
		if p.col[k] == j {
			return p.val[k], true
		}
	}
	return 0, false
}

// eachCell calls f for every cell listed in row i (every column for a
// dense problem), with its value as given.
func (p *Problem) eachCell(i int, f func(j int, c float64)) {
	if p.start == nil {
		row := p.dense[i*p.m : i*p.m+p.m]
		for j, c := range row {
			f(j, c)
		}
		return
	}
	for k := p.start[i]; k < p.start[i+1]; k++ {
		f(p.col[k], p.val[k])
	}
}

// facts is what one pass over the costs learns about a problem.
type facts struct {
	allowed  int     // number of allowed cells
	maxAbs   float64 // largest finite |cost|
	integral bool    // every finite cost is an integer
	fits32   bool    // every finite cost fits in an int32
	noRow    []int   // rows without an allowed cell
}

// exactInt reports whether the int64 path is exact for these facts: every
// dual value and distance stays below intLimit.
func (f *facts) exactInt(n, m int) bool {
	if !f.integral {
		return false
	}
	// Duals and path lengths are sums of at most n+m+2 terms of size at
	// most 2·maxAbs each.
	return f.maxAbs*2*float64(n+m+2) < float64(intLimit)
}

// analyse checks every value of p and collects the facts used to choose a
// solving path. Bad data is returned as an error.
func analyse(p *Problem, maximize bool) (*facts, error) {
	f := &facts{integral: true, fits32: true}
	forbid, wrong := math.Inf(1), math.Inf(-1)
	if maximize {
		forbid, wrong = wrong, forbid
	}
	if p.capacity != nil {
		for j, c := range p.capacity {
			if c < 0 {
				return nil, &CapacityError{Col: j, Capacity: c}
			}
			if c > math.MaxInt32 {
				return nil, &CapacityError{Col: j, Capacity: c}
			}
		}
	}
	var seen []int32
	if p.start != nil {
		seen = make([]int32, p.m)
		for j := range seen {
			seen[j] = -1
		}
	}
	for i := 0; i < p.n; i++ {
		if p.start != nil {
			for k := p.start[i]; k < p.start[i+1]; k++ {
				j := p.col[k]
				if j < 0 || j >= p.m {
					return nil, fmt.Errorf("assign: row %d lists column %d outside [0, %d): %w", i, j, p.m, ErrBadInput)
				}
				if seen[j] == int32(i) {
					return nil, fmt.Errorf("assign: row %d lists column %d twice: %w", i, j, ErrBadInput)
				}
				seen[j] = int32(i)
			}
		}
		var cells []float64
		if p.start == nil {
			cells = p.dense[i*p.m : i*p.m+p.m]
		} else {
			cells = p.val[p.start[i]:p.start[i+1]]
		}
		allowed, maxAbs, frac, bad := checkCells(cells, forbid)
		if bad >= 0 {
			j, c := bad, cells[bad]
			if p.start != nil {
				j = p.col[p.start[i]+bad]
			}
			return nil, &CellError{Row: i, Col: j, Value: c, Forbid: forbid}
		}
		f.maxAbs = max(f.maxAbs, maxAbs)
		f.integral = f.integral && frac == 0
		if allowed == 0 {
			f.noRow = append(f.noRow, i)
		}
		f.allowed += allowed
	}
	if f.maxAbs >= math.MaxInt32 {
		f.fits32 = false
	}
	// Keep sums of n+m+2 costs finite in float64.
	if f.maxAbs > math.MaxFloat64/float64(4*(p.n+p.m+2)) {
		return nil, fmt.Errorf("assign: cost magnitude %g is too large to sum: %w", f.maxAbs, ErrBadCost)
	}
	return f, nil
}

// scanCells checks one row of values: it returns the number of finite
// values, their largest magnitude, the OR of the bits of their fractional
// parts (zero when all are integers), and the index of the first NaN or
// wrong-signed infinity, or -1. It reads the whole matrix once per solve,
// so it is kept to a tight loop.
func scanCells(cells []float64, forbid float64) (allowed int, maxAbs float64, frac uint64, bad int) {
	for k, c := range cells {
		a := math.Abs(c)
		if !(a <= math.MaxFloat64) {
			if c == forbid {
				continue
			}
			return allowed, maxAbs, frac, k
		}
		allowed++
		if a > maxAbs {
			maxAbs = a
		}
		frac |= math.Float64bits(c - math.Trunc(c))
	}
	return allowed, maxAbs, frac, -1
}
