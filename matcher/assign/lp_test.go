package assign

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// lpOptimum solves the linear relaxation of in with gonum's simplex
// method, in standard form (min c·x, A x = b, x >= 0):
//
//	row i:     Σ_j x_ij (+ t_i in MaxCardinality mode) = 1
//	column j:  Σ_i x_ij + s_j = capacity_j
//
// The slacks keep A of full rank, so no equality needs to be dropped. In
// MaxCardinality mode a first program maximizes Σ x, and a second one
// fixes Σ x to that maximum. The assignment polytope is integral, so the
// relaxation's optimum is the assignment optimum.
func lpOptimum(t *testing.T, in instance) (count int, total float64, feasible bool) {
	t.Helper()
	sign := 1.0
	if in.opt.Maximize {
		sign = -1
	}
	capOf := func(j int) int {
		if in.capacity == nil {
			return 1
		}
		return in.capacity[j]
	}
	type cellRef struct{ i, j int }
	var cells []cellRef
	var cost []float64
	for i := 0; i < in.n; i++ {
		for j := 0; j < in.m; j++ {
			if c := sign * in.cost[i*in.m+j]; !math.IsInf(c, 1) && capOf(j) > 0 {
				cells = append(cells, cellRef{i, j})
				cost = append(cost, c)
			}
		}
	}
	maxCard := in.opt.Mode == MaxCardinality
	nx := len(cells)
	nvar := nx + in.m
	if maxCard {
		nvar += in.n
	}
	build := func(fixed int) (*mat.Dense, []float64) {
		rows := in.n + in.m
		if fixed >= 0 {
			rows++
		}
		A := mat.NewDense(rows, nvar, nil)
		b := make([]float64, rows)
		for k, c := range cells {
			A.Set(c.i, k, 1)
			A.Set(in.n+c.j, k, 1)
			if fixed >= 0 {
				A.Set(rows-1, k, 1)
			}
		}
		for i := 0; i < in.n; i++ {
			b[i] = 1
			if maxCard {
				A.Set(i, nx+in.m+i, 1)
			}
		}
		for j := 0; j < in.m; j++ {
			A.Set(in.n+j, nx+j, 1)
			b[in.n+j] = float64(capOf(j))
		}
		if fixed >= 0 {
			b[rows-1] = float64(fixed)
		}
		return A, b
	}
	if maxCard {
		if nx == 0 {
			return 0, 0, true
		}
		c := make([]float64, nvar)
		for k := 0; k < nx; k++ {
			c[k] = -1
		}
		A, b := build(-1)
		opt, _, err := lp.Simplex(c, A, b, 1e-10, nil)
		if err != nil {
			t.Fatalf("%v: cardinality LP: %v", in, err)
		}
		count = int(math.Round(-opt))
		if count == 0 {
			return 0, 0, true
		}
		A, b = build(count)
		c = make([]float64, nvar)
		copy(c, cost)
		opt, _, err = lp.Simplex(c, A, b, 1e-10, nil)
		if err != nil {
			t.Fatalf("%v: cost LP: %v", in, err)
		}
		return count, sign * opt, true
	}
	if in.n == 0 {
		return 0, 0, true
	}
	if nx < in.n {
		return 0, 0, false // fewer allowed cells than rows
	}
	c := make([]float64, nvar)
	copy(c, cost)
	A, b := build(-1)
	opt, _, err := lp.Simplex(c, A, b, 1e-10, nil)
	if errors.Is(err, lp.ErrInfeasible) {
		return 0, 0, false
	}
	if err != nil {
		t.Fatalf("%v: LP: %v", in, err)
	}
	return in.n, sign * opt, true
}

// TestSimplexOracle compares Solve with gonum's lp.Simplex on seeded
// instances up to 30×30.
func TestSimplexOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	trials := 60
	if testing.Short() {
		trials = 15
	}
	for k := 0; k < trials; k++ {
		in := randomInstance(rng, 4)
		in.n, in.m = 1+rng.IntN(16), 1+rng.IntN(16)
		if k%10 == 0 {
			in.n, in.m = 30, 20+rng.IntN(11)
		}
		if k%3 == 0 {
			in.m = in.n
		}
		in = regenerate(rng, in)
		if k%2 == 0 {
			for i := range in.cost {
				if !math.IsInf(in.cost[i], 0) {
					in.cost[i] = math.Round(rng.Float64()*1e6) / 64
				}
			}
		}
		count, total, ok := lpOptimum(t, in)
		s, err := Solve(in.dense(), in.opt)
		if !ok {
			if !errors.Is(err, ErrInfeasible) {
				t.Fatalf("%v: LP infeasible, Solve returned %v", in, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%v: %v", in, err)
		}
		if got := in.n - len(s.Unassigned); got != count || math.Abs(s.Total-total) > 1e-6*(1+math.Abs(total)) {
			t.Fatalf("%v: got %d rows, total %v; simplex %d rows, total %v", in, got, s.Total, count, total)
		}
		if err := Verify(in.dense(), in.opt, s); err != nil {
			t.Fatalf("%v: %v", in, err)
		}
	}
}
