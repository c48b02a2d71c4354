package assign

import (
	"fmt"
	"math"
)

// Tolerance is the relative tolerance Verify allows on a solution that is
// not Exact: a condition holds when it holds to Tolerance·(1+C), where C
// is the largest finite |cost| of the problem. Exact solutions are checked
// with no tolerance at all.
const Tolerance = 1e-9

// Verify checks that s is an optimal solution of p under opt, using the
// dual certificate carried by s, in O(n·m) time for a dense problem and
// O(allowed cells) for a sparse one. The conditions, stated for
// minimization (for maximization read every cost and dual negated, so
// that every inequality is reversed):
//
//  1. every assigned cell is allowed and its column's capacity is
//     positive; no column holds more rows than its capacity;
//  2. U[i]+V[j] <= cost(i, j) on every allowed cell of an open column
//     (a column of capacity zero is closed: its cells are treated as
//     forbidden);
//  3. U[i]+V[j] == cost(i, j) on every assigned cell;
//  4. V[j] <= 0 for every column, and V[j] == 0 for every column with
//     spare capacity;
//  5. in Strict mode every row is assigned; in MaxCardinality mode the
//     unassigned rows all have the same U, no row has a larger U, and no
//     augmenting path exists (from an unassigned row, along allowed
//     cells, to a column with spare capacity), so no assignment covers
//     more rows;
//  6. Unassigned lists exactly the rows with RowCol -1, and Total is the
//     sum of the assigned costs.
//
// Conditions 1–4 are the complementary slackness conditions of the linear
// program min Σ c·x subject to Σ_j x_ij = 1 (Strict) or Σ_j x_ij <= 1 with
// Σ x = k (MaxCardinality), and Σ_i x_ij <= capacity_j, x >= 0; together
// they prove that no assignment of the same number of rows costs less.
//
// Verify returns nil when every condition holds, an error wrapping
// ErrCertificate naming the first one that fails, or the error Solve
// would return for bad data. It panics if p or s is nil.
func Verify(p *Problem, opt Options, s *Solution) error {
	f, err := analyse(p, opt.Maximize)
	if err != nil {
		return err
	}
	n, m := p.n, p.m
	if len(s.RowCol) != n || len(s.U) != n || len(s.V) != m {
		return certErr("solution has %d rows, %d row duals, %d column duals for a %d×%d problem",
			len(s.RowCol), len(s.U), len(s.V), n, m)
	}
	tol := 0.0
	if !s.Exact {
		tol = Tolerance * (1 + f.maxAbs)
	}
	sign := 1.0
	forbid := math.Inf(1)
	if opt.Maximize {
		sign, forbid = -1, math.Inf(-1)
	}
	u := func(i int) float64 { return sign * s.U[i] }
	v := func(j int) float64 { return sign * s.V[j] }

	capacity := make([]int, m)
	for j := range capacity {
		capacity[j] = p.Capacity(j)
	}

	// 1. Assigned cells and loads.
	load := make([]int, m)
	total := 0.0
	var unassigned []int
	for i, j := range s.RowCol {
		if j == -1 {
			unassigned = append(unassigned, i)
			continue
		}
		if j < 0 || j >= m {
			return certErr("row %d is assigned to column %d, outside [0, %d)", i, j, m)
		}
		c, ok := p.Cost(i, j)
		if !ok || c == forbid {
			return certErr("row %d is assigned to the forbidden cell (%d, %d)", i, i, j)
		}
		load[j]++
		total += c
	}
	for j, l := range load {
		if l > capacity[j] {
			return certErr("column %d holds %d rows, capacity %d", j, l, capacity[j])
		}
	}

	// 2 and 3. Dual feasibility and tightness.
	for i := 0; i < n; i++ {
		ui := u(i)
		var bad error
		p.eachCell(i, func(j int, c float64) {
			if bad != nil || c == forbid || capacity[j] == 0 {
				return
			}
			slack := sign*c - ui - v(j)
			if slack < -tol {
				bad = certErr("cell (%d, %d): U+V exceeds the cost by %g", i, j, -slack)
			} else if s.RowCol[i] == j && slack > tol {
				bad = certErr("assigned cell (%d, %d) is not tight: slack %g", i, j, slack)
			}
		})
		if bad != nil {
			return bad
		}
	}

	// 4. Column duals.
	for j := 0; j < m; j++ {
		if v(j) > tol {
			return certErr("column %d has dual %g on the wrong side of zero", j, s.V[j])
		}
		if load[j] < capacity[j] && math.Abs(v(j)) > tol {
			return certErr("column %d has spare capacity but dual %g, not 0", j, s.V[j])
		}
	}

	// 5. Rows.
	if opt.Mode == Strict && len(unassigned) > 0 {
		return certErr("row %d is unassigned in Strict mode", unassigned[0])
	}
	if len(unassigned) > 0 {
		top := u(unassigned[0])
		for _, i := range unassigned {
			if math.Abs(u(i)-top) > tol {
				return certErr("unassigned rows %d and %d have different duals", unassigned[0], i)
			}
		}
		for i := 0; i < n; i++ {
			if u(i) > top+tol {
				return certErr("row %d has a dual beyond the unassigned rows' level", i)
			}
		}
		if i, j, ok := augmentingPath(p, s.RowCol, load, forbid, unassigned); ok {
			return certErr("not a maximum-cardinality assignment: row %d reaches column %d, which has spare capacity", i, j)
		}
	}

	// 6. Bookkeeping.
	if len(unassigned) != len(s.Unassigned) {
		return certErr("Unassigned lists %d rows, RowCol leaves %d", len(s.Unassigned), len(unassigned))
	}
	for k, i := range unassigned {
		if s.Unassigned[k] != i {
			return certErr("Unassigned[%d] is %d, want %d", k, s.Unassigned[k], i)
		}
	}
	if math.Abs(total-s.Total) > tol*float64(n+1) {
		return certErr("Total is %v, the assigned costs sum to %v", s.Total, total)
	}
	return nil
}

// augmentingPath searches, breadth first, for an alternating path from an
// unassigned row to a column with spare capacity. It returns the row and
// column at its ends.
func augmentingPath(p *Problem, rowCol, load []int, forbid float64, from []int) (int, int, bool) {
	rows := make([][]int, p.m)
	for i, j := range rowCol {
		if j >= 0 {
			rows[j] = append(rows[j], i)
		}
	}
	seenRow := make([]bool, p.n)
	seenCol := make([]bool, p.m)
	queue := append([]int(nil), from...)
	origin := make([]int, p.n)
	for _, i := range from {
		seenRow[i] = true
		origin[i] = i
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		found := -1
		p.eachCell(i, func(j int, c float64) {
			if found >= 0 || c == forbid || seenCol[j] || p.Capacity(j) == 0 {
				return
			}
			seenCol[j] = true
			if load[j] < p.Capacity(j) {
				found = j
				return
			}
			for _, r := range rows[j] {
				if !seenRow[r] {
					seenRow[r] = true
					origin[r] = origin[i]
					queue = append(queue, r)
				}
			}
		})
		if found >= 0 {
			return origin[i], found, true
		}
	}
	return 0, 0, false
}

func certErr(format string, a ...any) error {
	return fmt.Errorf("assign: %s: %w", fmt.Sprintf(format, a...), ErrCertificate)
}
