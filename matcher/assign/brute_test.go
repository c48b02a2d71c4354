package assign

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// instance is a small test problem kept as a full matrix of values in the
// caller's orientation (forbidden cells hold the forbidding infinity).
type instance struct {
	n, m     int
	cost     []float64
	capacity []int // nil: all ones
	opt      Options
}

func (t instance) String() string {
	return fmt.Sprintf("%d×%d max=%v mode=%d cap=%v cost=%v", t.n, t.m, t.opt.Maximize, t.opt.Mode, t.capacity, t.cost)
}

func (t instance) dense() *Problem {
	p := NewDense(t.n, t.m, t.cost)
	p.SetCapacity(t.capacity)
	return p
}

// sparse lists the allowed cells only, each row in a scrambled order.
func (t instance) sparse(rng *rand.Rand) *Problem {
	forbid := math.Inf(1)
	if t.opt.Maximize {
		forbid = math.Inf(-1)
	}
	start := []int{0}
	var cols []int
	var vals []float64
	for i := 0; i < t.n; i++ {
		k0 := len(cols)
		for j := 0; j < t.m; j++ {
			if c := t.cost[i*t.m+j]; c != forbid {
				cols = append(cols, j)
				vals = append(vals, c)
			}
		}
		if rng != nil {
			rc, rv := cols[k0:], vals[k0:]
			rng.Shuffle(len(rc), func(a, b int) {
				rc[a], rc[b] = rc[b], rc[a]
				rv[a], rv[b] = rv[b], rv[a]
			})
		}
		start = append(start, len(cols))
	}
	p := NewSparse(t.n, t.m, start, cols, vals)
	p.SetCapacity(t.capacity)
	return p
}

// brute returns the optimum by dynamic programming over the rows and the
// remaining capacities: the largest number of rows that can be assigned
// (n in Strict mode, or ok=false) and the best total for that number.
func brute(t instance) (count int, total float64, ok bool) {
	capOf := func(j int) int {
		if t.capacity == nil {
			return 1
		}
		return t.capacity[j]
	}
	sign := 1.0
	if t.opt.Maximize {
		sign = -1
	}
	type key struct {
		i   int
		rem string
	}
	type val struct {
		count int
		cost  float64
		ok    bool
	}
	memo := map[key]val{}
	rem := make([]byte, t.m)
	for j := range rem {
		rem[j] = byte(capOf(j))
	}
	better := func(a, b val) bool { // a better than b
		if !b.ok {
			return a.ok
		}
		if !a.ok {
			return false
		}
		if a.count != b.count {
			return a.count > b.count
		}
		return a.cost < b.cost
	}
	var rec func(i int) val
	rec = func(i int) val {
		if i == t.n {
			return val{ok: true}
		}
		k := key{i, string(rem)}
		if r, ok := memo[k]; ok {
			return r
		}
		best := val{}
		if t.opt.Mode == MaxCardinality {
			best = rec(i + 1)
		}
		for j := 0; j < t.m; j++ {
			c := sign * t.cost[i*t.m+j]
			if math.IsInf(c, 1) || rem[j] == 0 {
				continue
			}
			rem[j]--
			r := rec(i + 1)
			rem[j]++
			if !r.ok {
				continue
			}
			cand := val{count: r.count + 1, cost: r.cost + c, ok: true}
			if better(cand, best) {
				best = cand
			}
		}
		memo[k] = best
		return best
	}
	r := rec(0)
	return r.count, sign * r.cost, r.ok
}

// randomInstance draws a small problem: sizes up to maxN, integer costs
// from a small range (many ties) or floats, some forbidden cells, random
// capacities, either direction and mode.
func randomInstance(rng *rand.Rand, maxN int) instance {
	t := instance{n: rng.IntN(maxN + 1), m: rng.IntN(maxN + 1)}
	t.opt.Maximize = rng.IntN(2) == 0
	if rng.IntN(2) == 0 {
		t.opt.Mode = MaxCardinality
	}
	forbid := math.Inf(1)
	if t.opt.Maximize {
		forbid = math.Inf(-1)
	}
	pForbid := []float64{0, 0.2, 0.5, 0.8}[rng.IntN(4)]
	kind := rng.IntN(3)
	t.cost = make([]float64, t.n*t.m)
	for k := range t.cost {
		switch {
		case rng.Float64() < pForbid:
			t.cost[k] = forbid
		case kind == 0:
			t.cost[k] = float64(rng.IntN(4))
		case kind == 1:
			t.cost[k] = float64(rng.IntN(201) - 100)
		default:
			t.cost[k] = math.Round(rng.Float64()*1e6) / 1024 // exact binary fractions
		}
	}
	if rng.IntN(2) == 0 {
		t.capacity = make([]int, t.m)
		for j := range t.capacity {
			t.capacity[j] = rng.IntN(4)
		}
	}
	return t
}

// check solves t on every path and compares each result with brute force.
func check(t *testing.T, rng *rand.Rand, in instance) {
	t.Helper()
	count, total, ok := brute(in)
	paths := []struct {
		name string
		p    *Problem
		pa   path
	}{
		{"auto", in.dense(), path{}},
		{"dense-int", in.dense(), path{sparse: -1}},
		{"dense-float", in.dense(), path{sparse: -1, float: true}},
		{"sparse-int", in.sparse(rng), path{sparse: 1}},
		{"sparse-float", in.sparse(rng), path{sparse: 1, float: true}},
	}
	for _, c := range paths {
		s, err := solve(c.p, in.opt, c.pa)
		if !ok {
			var ie *InfeasibleError
			if err == nil || !errors.As(err, &ie) {
				t.Fatalf("%s %v: want infeasible, got %v (%v)", c.name, in, err, s)
			}
			checkInfeasible(t, in, ie)
			continue
		}
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, in, err)
		}
		got := in.n - len(s.Unassigned)
		if got != count || math.Abs(s.Total-total) > 1e-9*(1+math.Abs(total)) {
			t.Fatalf("%s %v: got %d rows total %v, brute force %d rows total %v (rowcol %v)", c.name, in, got, s.Total, count, total, s.RowCol)
		}
		if err := Verify(c.p, in.opt, s); err != nil {
			t.Fatalf("%s %v: %v\nsolution %+v", c.name, in, err, s)
		}
	}
	// SolveFrom from an arbitrary start (every row on column 0, every
	// dual zero) reaches the same optimum.
	sp := in.sparse(rng)
	s, err := SolveFrom(sp, in.opt, &Solution{RowCol: make([]int, in.n), V: make([]float64, in.m)})
	switch {
	case !ok:
		var ie *InfeasibleError
		if err == nil || !errors.As(err, &ie) {
			t.Fatalf("warm %v: want infeasible, got %v (%v)", in, err, s)
		}
	case err != nil:
		t.Fatalf("warm %v: %v", in, err)
	case in.n-len(s.Unassigned) != count || math.Abs(s.Total-total) > 1e-9*(1+math.Abs(total)):
		t.Fatalf("warm %v: total %v, brute force %v", in, s.Total, total)
	default:
		if err := Verify(sp, in.opt, s); err != nil {
			t.Fatalf("warm %v: %v\nsolution %+v", in, err, s)
		}
	}
}

// checkInfeasible checks that the reported rows really cannot all be
// assigned.
func checkInfeasible(t *testing.T, in instance, e *InfeasibleError) {
	t.Helper()
	p := in.dense()
	forbid := math.Inf(1)
	if in.opt.Maximize {
		forbid = math.Inf(-1)
	}
	switch e.Reason {
	case NoAllowedColumn:
		for _, i := range e.Rows {
			for j := 0; j < in.m; j++ {
				if c, _ := p.Cost(i, j); c != forbid {
					t.Fatalf("%v: row %d reported without allowed column has column %d", in, i, j)
				}
			}
		}
	case HallViolation:
		inCols := map[int]bool{}
		capSum := 0
		for _, j := range e.Cols {
			inCols[j] = true
			capSum += p.Capacity(j)
		}
		if capSum != e.Capacity || capSum >= len(e.Rows) {
			t.Fatalf("%v: Hall set %d rows, capacity %d (reported %d)", in, len(e.Rows), capSum, e.Capacity)
		}
		for _, i := range e.Rows {
			for j := 0; j < in.m; j++ {
				if c, _ := p.Cost(i, j); c != forbid && p.Capacity(j) > 0 && !inCols[j] {
					t.Fatalf("%v: Hall row %d can use column %d outside the reported set", in, i, j)
				}
			}
		}
	default:
		t.Fatalf("%v: unknown reason %v", in, e.Reason)
	}
}

func TestBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	trials := 40000
	if testing.Short() {
		trials = 3000
	}
	for k := 0; k < trials; k++ {
		check(t, rng, randomInstance(rng, 7))
	}
}

func TestBruteForceSize8(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	trials := 300
	if testing.Short() {
		trials = 50
	}
	for k := 0; k < trials; k++ {
		in := randomInstance(rng, 8)
		in.n, in.m = 8, 5+rng.IntN(4)
		if rng.IntN(2) == 0 {
			in.n, in.m = in.m, in.n
		}
		in = regenerate(rng, in)
		check(t, rng, in)
	}
}

// regenerate redraws the costs and capacities of in for its (new) size.
func regenerate(rng *rand.Rand, in instance) instance {
	forbid := math.Inf(1)
	if in.opt.Maximize {
		forbid = math.Inf(-1)
	}
	in.cost = make([]float64, in.n*in.m)
	for k := range in.cost {
		if rng.IntN(5) == 0 {
			in.cost[k] = forbid
		} else {
			in.cost[k] = float64(rng.IntN(10))
		}
	}
	if in.capacity != nil {
		in.capacity = make([]int, in.m)
		for j := range in.capacity {
			in.capacity[j] = rng.IntN(3)
		}
	}
	return in
}
