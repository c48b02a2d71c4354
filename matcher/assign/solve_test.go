package assign

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

var inf = math.Inf(1)

// TestFamilies solves seeded instances of every benchmark family on every
// path, verifies each solution, and checks that the dense and sparse
// paths, and the exact and float arithmetic, agree on the optimum.
func TestFamilies(t *testing.T) {
	sizes := []int{40, 200, 600}
	if testing.Short() {
		sizes = []int{40}
	}
	for _, name := range families {
		for _, n := range sizes {
			in := family(name, n, 7)
			for _, maximize := range []bool{false, true} {
				in := in
				if maximize {
					in = negated(in)
				}
				var totals []float64
				for _, pa := range []path{{}, {sparse: -1}, {sparse: 1}, {sparse: 1, float: true}} {
					p := in.dense()
					if pa.sparse > 0 {
						p = in.sparse(nil)
					}
					s, err := solve(p, in.opt, pa)
					if err != nil {
						t.Fatalf("%s_%d max=%v %+v: %v", name, n, maximize, pa, err)
					}
					if err := Verify(p, in.opt, s); err != nil {
						t.Fatalf("%s_%d max=%v %+v: %v", name, n, maximize, pa, err)
					}
					if name != "flt" && !s.Exact && !pa.float {
						t.Errorf("%s_%d %+v: integral problem not solved exactly", name, n, pa)
					}
					totals = append(totals, s.Total)
				}
				for _, x := range totals[1:] {
					if math.Abs(x-totals[0]) > 1e-9*(1+math.Abs(x)) {
						t.Fatalf("%s_%d max=%v: paths disagree: %v", name, n, maximize, totals)
					}
				}
			}
		}
	}
}

// negated returns in as a maximization of the negated costs, which has
// the same optimal assignments.
func negated(in instance) instance {
	out := in
	out.cost = make([]float64, len(in.cost))
	for k, c := range in.cost {
		out.cost[k] = -c
	}
	out.opt.Maximize = true
	return out
}

// TestSlotCapacities checks that repeating a column k times and giving it
// capacity k are the same problem.
func TestSlotCapacities(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	for trial := 0; trial < 20; trial++ {
		n, k := 10+rng.IntN(40), 2+rng.IntN(8)
		capacity := make([]int, k)
		var slots []int
		for j := range capacity {
			capacity[j] = rng.IntN(5)
			for c := 0; c < capacity[j]; c++ {
				slots = append(slots, j)
			}
		}
		base := make([]float64, n*k)
		for i := range base {
			base[i] = float64(rng.IntN(50))
			if rng.IntN(6) == 0 {
				base[i] = inf
			}
		}
		wide := make([]float64, n*len(slots))
		for i := 0; i < n; i++ {
			for s, j := range slots {
				wide[i*len(slots)+s] = base[i*k+j]
			}
		}
		opt := Options{Mode: MaxCardinality}
		p := NewDense(n, k, base)
		p.SetCapacity(capacity)
		a, err := Solve(p, opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Solve(NewDense(n, len(slots), wide), opt)
		if err != nil {
			t.Fatal(err)
		}
		if a.Total != b.Total || len(a.Unassigned) != len(b.Unassigned) {
			t.Fatalf("capacities: %d unassigned, total %v; repeated columns: %d unassigned, total %v",
				len(a.Unassigned), a.Total, len(b.Unassigned), b.Total)
		}
		if err := Verify(p, opt, a); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDeterminism(t *testing.T) {
	for _, name := range []string{"u1k", "slot", "mentor", "rectt", "f90"} {
		in := family(name, 150, 3)
		a, err := Solve(in.dense(), in.opt)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Solve(in.dense(), in.opt)
		if err != nil {
			t.Fatal(err)
		}
		cp := in
		cp.cost = slices.Clone(in.cost)
		cp.capacity = slices.Clone(in.capacity)
		c, err := Solve(cp.dense(), cp.opt)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.RowCol, b.RowCol) || !slices.Equal(a.RowCol, c.RowCol) ||
			!slices.Equal(a.U, c.U) || !slices.Equal(a.V, c.V) {
			t.Fatalf("%s: solving twice gave different assignments", name)
		}
	}
}

// TestCases holds hand-made and frozen cases, each with its expected
// optimum.
func TestCases(t *testing.T) {
	cases := []struct {
		name     string
		n, m     int
		cost     []float64
		capacity []int
		opt      Options
		rowCol   []int // nil: not checked
		total    float64
		err      error // expected error, if any
	}{
		{name: "empty", n: 0, m: 0, rowCol: []int{}},
		{name: "no rows", n: 0, m: 3, cost: []float64{}, rowCol: []int{}},
		{name: "no columns strict", n: 2, m: 0, cost: []float64{}, err: ErrInfeasible},
		{name: "no columns maxcard", n: 2, m: 0, cost: []float64{}, opt: Options{Mode: MaxCardinality}, rowCol: []int{-1, -1}},
		{name: "one cell", n: 1, m: 1, cost: []float64{7}, rowCol: []int{0}, total: 7},
		{name: "one row", n: 1, m: 4, cost: []float64{5, 3, inf, 3}, rowCol: []int{1}, total: 3},
		{name: "one column", n: 3, m: 1, cost: []float64{5, 2, 4}, opt: Options{Mode: MaxCardinality}, rowCol: []int{-1, 0, -1}, total: 2},
		{name: "one column maximize", n: 3, m: 1, cost: []float64{5, 2, 4}, opt: Options{Mode: MaxCardinality, Maximize: true}, rowCol: []int{0, -1, -1}, total: 5},
		{name: "all forbidden strict", n: 2, m: 2, cost: []float64{inf, inf, inf, inf}, err: ErrInfeasible},
		{name: "all forbidden maxcard", n: 2, m: 2, cost: []float64{inf, inf, inf, inf}, opt: Options{Mode: MaxCardinality}, rowCol: []int{-1, -1}},
		{name: "classic 3x3", n: 3, m: 3, cost: []float64{4, 1, 3, 2, 0, 5, 3, 2, 2}, rowCol: []int{1, 0, 2}, total: 5},
		{name: "wide", n: 2, m: 4, cost: []float64{9, 9, 1, 9, 9, 9, 2, 3}, rowCol: []int{2, 3}, total: 4},
		{name: "tall maxcard", n: 4, m: 2, cost: []float64{1, 9, 2, 9, 9, 9, 9, 1}, opt: Options{Mode: MaxCardinality}, rowCol: []int{0, -1, -1, 1}, total: 2},
		{name: "capacity", n: 3, m: 2, cost: []float64{1, 5, 1, 5, 1, 5}, capacity: []int{2, 1}, total: 7},
		{name: "capacity zero", n: 2, m: 2, cost: []float64{1, 5, 1, 5}, capacity: []int{0, 2}, rowCol: []int{1, 1}, total: 10},
		{name: "capacity zero maxcard", n: 2, m: 2, cost: []float64{1, 5, 1, 5}, capacity: []int{0, 0}, opt: Options{Mode: MaxCardinality}, rowCol: []int{-1, -1}},
		// Cardinality first: the expensive pair is kept because it lets
		// two rows be assigned instead of one.
		{name: "cardinality first", n: 2, m: 2, cost: []float64{1, 100, 0, inf}, opt: Options{Mode: MaxCardinality}, rowCol: []int{1, 0}, total: 100},
		// Among maximum-cardinality sets of rows, the cheapest one: a
		// later row displaces an earlier one.
		{name: "displace earlier row", n: 2, m: 1, cost: []float64{10, 1}, opt: Options{Mode: MaxCardinality}, rowCol: []int{-1, 0}, total: 1},
		{name: "maximize forbidden", n: 2, m: 2, cost: []float64{math.Inf(-1), 3, 2, 8}, opt: Options{Maximize: true}, rowCol: []int{1, 0}, total: 5},
		{name: "ties", n: 3, m: 3, cost: []float64{0, 0, 0, 0, 0, 0, 0, 0, 0}, total: 0},
		{name: "negative costs", n: 2, m: 3, cost: []float64{-5, -1, 0, -7, -3, -1}, rowCol: []int{0, 1}, total: -8},
		{name: "NaN", n: 2, m: 2, cost: []float64{1, math.NaN(), 3, 4}, err: ErrBadCost},
		{name: "wrong infinity", n: 2, m: 2, cost: []float64{1, math.Inf(-1), 3, 4}, err: ErrBadCost},
		{name: "wrong infinity maximize", n: 2, m: 2, cost: []float64{1, inf, 3, 4}, opt: Options{Maximize: true}, err: ErrBadCost},
		{name: "negative capacity", n: 1, m: 2, cost: []float64{1, 2}, capacity: []int{1, -1}, err: ErrBadInput},
		{name: "huge", n: 1, m: 1, cost: []float64{math.MaxFloat64}, err: ErrBadCost},
		{name: "fractional", n: 2, m: 2, cost: []float64{0.5, 0.25, 0.125, 1}, total: 0.375},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := NewDense(c.n, c.m, c.cost)
			p.SetCapacity(c.capacity)
			s, err := Solve(p, c.opt)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("got error %v, want %v", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.rowCol != nil && !slices.Equal(s.RowCol, c.rowCol) {
				t.Errorf("RowCol %v, want %v", s.RowCol, c.rowCol)
			}
			if s.Total != c.total {
				t.Errorf("Total %v, want %v", s.Total, c.total)
			}
			if err := Verify(p, c.opt, s); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestInfeasibleReport(t *testing.T) {
	t.Run("no allowed column", func(t *testing.T) {
		p := NewDense(4, 3, []float64{
			1, 2, 3,
			inf, inf, inf,
			4, 5, 6,
			inf, inf, inf,
		})
		_, err := Solve(p, Options{})
		var e *InfeasibleError
		if !errors.As(err, &e) || e.Reason != NoAllowedColumn || !slices.Equal(e.Rows, []int{1, 3}) {
			t.Fatalf("got %v", err)
		}
		if got, want := err.Error(), "assign: 2 rows have no allowed column: rows 1, 3"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})
	t.Run("single row message", func(t *testing.T) {
		_, err := Solve(NewDense(13, 1, append(make([]float64, 12), inf)), Options{})
		if err == nil || err.Error() != "assign: row 12 has no allowed column" {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("Hall", func(t *testing.T) {
		// Rows 0, 2 and 4 can only use columns 1 and 3.
		p := NewDense(5, 5, []float64{
			inf, 1, inf, 2, inf,
			1, 1, 1, 1, 1,
			inf, 3, inf, 1, inf,
			1, 1, 1, 1, 1,
			inf, 2, inf, 2, inf,
		})
		_, err := Solve(p, Options{})
		var e *InfeasibleError
		if !errors.As(err, &e) || e.Reason != HallViolation {
			t.Fatalf("got %v", err)
		}
		if !slices.Equal(e.Rows, []int{0, 2, 4}) || !slices.Equal(e.Cols, []int{1, 3}) || e.Capacity != 2 {
			t.Fatalf("got rows %v cols %v capacity %d", e.Rows, e.Cols, e.Capacity)
		}
		if !errors.Is(err, ErrInfeasible) {
			t.Error("error does not wrap ErrInfeasible")
		}
		s, err := Solve(p, Options{Mode: MaxCardinality})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Unassigned) != 1 {
			t.Fatalf("unassigned %v, want one of rows 0, 2, 4", s.Unassigned)
		}
		if err := Verify(p, Options{Mode: MaxCardinality}, s); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Hall with capacities", func(t *testing.T) {
		p := NewDense(4, 2, []float64{1, inf, 2, inf, 3, inf, 1, 1})
		p.SetCapacity([]int{2, 5})
		_, err := Solve(p, Options{})
		var e *InfeasibleError
		if !errors.As(err, &e) || !slices.Equal(e.Rows, []int{0, 1, 2}) || !slices.Equal(e.Cols, []int{0}) || e.Capacity != 2 {
			t.Fatalf("got %v", err)
		}
	})
}

func TestSparseInput(t *testing.T) {
	start := []int{0, 2, 3}
	p := NewSparse(2, 3, start, []int{2, 0, 2}, []float64{1, 5, 2})
	s, err := Solve(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.RowCol, []int{0, 2}) || s.Total != 7 {
		t.Fatalf("got %v total %v", s.RowCol, s.Total)
	}
	if err := Verify(p, Options{}, s); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		cols []int
		want error
	}{
		{[]int{0, 0, 1}, ErrBadInput},
		{[]int{0, 3, 1}, ErrBadInput},
		{[]int{0, -1, 1}, ErrBadInput},
	} {
		if _, err := Solve(NewSparse(2, 3, start, bad.cols, []float64{1, 2, 3}), Options{}); !errors.Is(err, bad.want) {
			t.Errorf("cols %v: got %v, want %v", bad.cols, err, bad.want)
		}
	}
	if _, err := Solve(NewSparse(2, 3, start, []int{0, 1, 1}, []float64{1, math.NaN(), 3}), Options{}); !errors.Is(err, ErrBadCost) {
		t.Errorf("NaN: got %v", err)
	}
}

func TestMisusePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"dense length":    func() { NewDense(2, 2, make([]float64, 3)) },
		"negative size":   func() { NewDense(-1, 2, nil) },
		"row starts":      func() { NewSparse(2, 2, []int{0, 1}, []int{0}, []float64{1}) },
		"cost length":     func() { NewSparse(1, 2, []int{0, 1}, []int{0}, []float64{1, 2}) },
		"decreasing":      func() { NewSparse(2, 2, []int{0, 2, 1}, []int{0}, []float64{1}) },
		"capacity length": func() { NewDense(1, 2, []float64{1, 2}).SetCapacity([]int{1}) },
		"unknown mode":    func() { _, _ = Solve(NewDense(1, 1, []float64{1}), Options{Mode: 7}) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

// TestVerifyRejects checks that Verify notices broken certificates.
func TestVerifyRejects(t *testing.T) {
	p := NewDense(3, 3, []float64{4, 1, 3, 2, 0, 5, 3, 2, 2})
	good, err := Solve(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	breakers := map[string]func(s *Solution){
		"suboptimal":      func(s *Solution) { s.RowCol = []int{0, 1, 2}; s.Total = 6 },
		"dual too high":   func(s *Solution) { s.U[0] += 1 },
		"not tight":       func(s *Solution) { s.U[0] -= 1 },
		"total":           func(s *Solution) { s.Total++ },
		"column capacity": func(s *Solution) { s.RowCol = []int{1, 1, 2} },
		"unassigned":      func(s *Solution) { s.RowCol[2] = -1; s.Unassigned = []int{2} },
	}
	for name, br := range breakers {
		s := *good
		s.RowCol = slices.Clone(good.RowCol)
		s.U = slices.Clone(good.U)
		s.V = slices.Clone(good.V)
		br(&s)
		if err := Verify(p, Options{}, &s); !errors.Is(err, ErrCertificate) {
			t.Errorf("%s: Verify returned %v", name, err)
		}
	}
	// A maximum-cardinality claim that misses an augmenting path.
	q := NewDense(2, 2, []float64{1, inf, 1, 1})
	s := &Solution{RowCol: []int{0, -1}, Total: 1, U: []float64{1, 1}, V: []float64{0, 0}, Unassigned: []int{1}, Exact: true}
	if err := Verify(q, Options{Mode: MaxCardinality}, s); !errors.Is(err, ErrCertificate) {
		t.Errorf("missed augmenting path: Verify returned %v", err)
	}
}

func TestColRows(t *testing.T) {
	p := NewDense(3, 2, []float64{1, 5, 1, 5, 9, 1})
	p.SetCapacity([]int{2, 1})
	s, err := Solve(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := s.ColRows()
	if len(got) != 2 || !slices.Equal(got[0], []int{0, 1}) || !slices.Equal(got[1], []int{2}) {
		t.Fatalf("ColRows %v", got)
	}
}

// levels returns the vector levels this processor runs, the Go loops
// first.
func levels() []vectorLevel {
	var out []vectorLevel
	for l := vecNone; l <= vector; l++ {
		out = append(out, l)
	}
	return out
}

// TestRelaxKernels compares, on both signs, the row relaxation of every
// vector level this processor runs with the Go loop: same distances,
// predecessors and smallest distance, on rows with ties, forbidden cells
// and marked columns, of every length around the vector widths.
func TestRelaxKernels(t *testing.T) {
	defer func(old vectorLevel) { vector = old }(vector)
	rng := rand.New(rand.NewPCG(12, 13))
	for trial := 0; trial < 3000; trial++ {
		m := rng.IntN(70)
		neg := rng.IntN(2) == 0
		sign := 1.0
		if neg {
			sign = -1
		}
		row := make([]float64, m)
		v := make([]float64, m)
		flag := make([]uint8, m)
		d := make([]float64, m)
		for j := range row {
			row[j] = float64(rng.IntN(6))
			if rng.IntN(5) == 0 {
				// Forbidden cells are +Inf as costs, -Inf as scores.
				row[j] = math.Inf(int(sign))
			}
			v[j] = -float64(rng.IntN(4))
			flag[j] = uint8(rng.IntN(3))
			d[j] = float64(rng.IntN(8))
			if rng.IntN(4) == 0 {
				d[j] = inf
			}
		}
		hh := float64(rng.IntN(3))
		wantD, wantP := slices.Clone(d), make([]int32, m)
		want := relaxGo(row, v, wantD, wantP, flag, hh, 7, sign)
		for _, l := range levels() {
			vector = l
			gotD, gotP := slices.Clone(d), make([]int32, m)
			got := relaxRow(row, v, gotD, gotP, flag, hh, 7, sign)
			if got != want || !slices.Equal(gotD, wantD) || !slices.Equal(gotP, wantP) {
				t.Fatalf("trial %d, %v (neg %v): best %v, Go %v\nd %v\nGo %v\npred %v\nGo %v\nrow %v v %v flag %v",
					trial, l, neg, got, want, gotD, wantD, gotP, wantP, row, v, flag)
			}
		}
	}
}

// TestTiesKernels compares the tie marking of every vector level with the
// Go loop: same columns in the same order, same flags, same sink.
func TestTiesKernels(t *testing.T) {
	defer func(old vectorLevel) { vector = old }(vector)
	rng := rand.New(rand.NewPCG(14, 15))
	for trial := 0; trial < 3000; trial++ {
		m := rng.IntN(70)
		d := make([]float64, m)
		flag := make([]uint8, m)
		for j := range d {
			d[j] = float64(rng.IntN(3))
			flag[j] = uint8(rng.IntN(3))
		}
		level := float64(rng.IntN(3))
		wantF, wantO := slices.Clone(flag), make([]int32, m)
		wantK, wantS := tiesGo(d, wantF, wantO, level, 0)
		for _, l := range levels() {
			vector = l
			gotF, gotO := slices.Clone(flag), make([]int32, m)
			gotK, gotS := tiesRow(d, gotF, gotO, level)
			if gotK != wantK || gotS != wantS || !slices.Equal(gotF, wantF) || !slices.Equal(gotO, wantO) {
				t.Fatalf("trial %d, %v: %d columns, sink %d, order %v, flags %v; Go %d, %d, %v, %v\nd %v flag %v level %v",
					trial, l, gotK, gotS, gotO[:gotK], gotF, wantK, wantS, wantO[:wantK], wantF, d, flag, level)
			}
		}
	}
}

// TestKernelsSameSolution solves float and integer problems, minimizing
// and maximizing, with every vector level this processor runs: the row
// scans compute the same bits, so the assignments, totals and duals are
// equal.
func TestKernelsSameSolution(t *testing.T) {
	defer func(old vectorLevel) { vector = old }(vector)
	rng := rand.New(rand.NewPCG(21, 22))
	for trial := range 60 {
		n, m := 20+rng.IntN(60), 20+rng.IntN(60)
		cost := make([]float64, n*m)
		for k := range cost {
			if trial%2 == 0 {
				cost[k] = rng.Float64() * 1000
			} else {
				cost[k] = float64(rng.IntN(50))
			}
		}
		opt := Options{Maximize: trial%4 >= 2, Mode: MaxCardinality}
		var want *Solution
		for _, l := range levels() {
			vector = l
			s, err := Solve(NewDense(n, m, cost), opt)
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want = s
				continue
			}
			if !slices.Equal(s.RowCol, want.RowCol) || s.Total != want.Total || !slices.Equal(s.U, want.U) || !slices.Equal(s.V, want.V) {
				t.Fatalf("trial %d (%d×%d, maximize %v): %v and the Go loops disagree: total %v vs %v", trial, n, m, opt.Maximize, l, s.Total, want.Total)
			}
		}
	}
}

// TestCellsKernels compares the input check of every vector level with
// the Go loop, on rows of integers, fractions, huge values, signed zeros,
// NaNs and infinities of both signs.
func TestCellsKernels(t *testing.T) {
	defer func(old vectorLevel) { vector = old }(vector)
	rng := rand.New(rand.NewPCG(16, 17))
	for trial := 0; trial < 4000; trial++ {
		m := rng.IntN(70)
		cells := make([]float64, m)
		for j := range cells {
			switch rng.IntN(12) {
			case 0:
				cells[j] = math.Inf(1)
			case 1:
				if trial%7 == 0 {
					cells[j] = math.Inf(-1)
				}
			case 2:
				if trial%11 == 0 {
					cells[j] = math.NaN()
				}
			case 3:
				cells[j] = math.Copysign(0, -1)
			case 4:
				if trial%3 == 0 {
					cells[j] = rng.Float64() - 0.5
				}
			case 5:
				cells[j] = -math.MaxFloat64 * rng.Float64()
			default:
				cells[j] = float64(rng.IntN(2000) - 1000)
			}
		}
		forbid := math.Inf(1 - 2*(trial%2))
		wa, wm, wf, wb := scanCells(cells, forbid)
		for _, l := range levels() {
			vector = l
			a, mx, f, b := checkCells(cells, forbid)
			if b != wb || (wb < 0 && (a != wa || mx != wm || (f == 0) != (wf == 0))) {
				t.Fatalf("trial %d, %v: (%d %v %x %d), Go (%d %v %x %d)\ncells %v forbid %v",
					trial, l, a, mx, f, b, wa, wm, wf, wb, cells, forbid)
			}
		}
	}
}

// TestBest2Kernels compares the two-smallest scan of the augmenting row
// reduction at every vector level with the Go loop: same values, same
// columns under the tie rules, on rows with many ties, forbidden cells and
// spare columns, both signs.
func TestBest2Kernels(t *testing.T) {
	defer func(old vectorLevel) { vector = old }(vector)
	rng := rand.New(rand.NewPCG(18, 19))
	for trial := 0; trial < 4000; trial++ {
		m := rng.IntN(70)
		sign := 1.0
		if trial%2 == 1 {
			sign = -1
		}
		row := make([]float64, m)
		v := make([]float64, m)
		flag := make([]uint8, m)
		spread := 1 + rng.IntN(6)
		for j := range row {
			row[j] = float64(rng.IntN(spread))
			if rng.IntN(4) == 0 || trial%9 == 0 {
				row[j] = math.Inf(int(sign))
			}
			v[j] = -float64(rng.IntN(2))
			flag[j] = uint8(rng.IntN(2))
		}
		w1, w2, wj1, wj2 := best2Go(row, v, flag, sign, inf)
		for _, l := range levels() {
			vector = l
			u1, u2, j1, j2 := best2Row(row, v, flag, sign, inf)
			if u1 != w1 || u2 != w2 || j1 != wj1 || j2 != wj2 {
				t.Fatalf("trial %d, %v: (%v %v %d %d), Go (%v %v %d %d)\nrow %v v %v flag %v",
					trial, l, u1, u2, j1, j2, w1, w2, wj1, wj2, row, v, flag)
			}
		}
	}
}
