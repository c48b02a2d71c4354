package assign

import (
	"math/rand/v2"
	"testing"
)

// randomGrowing returns a sparse problem with capacities and every row
// allowed on a last column of room n (so it is feasible), and the same
// problem with each other cell kept with probability keep.
func randomGrowing(rng *rand.Rand, n, m int, keep float64) (full, part *Problem) {
	capacity := make([]int, m+1)
	for j := range m {
		capacity[j] = rng.IntN(4)
	}
	capacity[m] = n
	var fs, ps []int
	var fc, pc []int
	var fv, pv []float64
	fs, ps = []int{0}, []int{0}
	for range n {
		for j := range m {
			if rng.IntN(3) == 0 {
				continue
			}
			v := float64(rng.IntN(3)*1000 + rng.IntN(40))
			fc, fv = append(fc, j), append(fv, v)
			if rng.Float64() < keep {
				pc, pv = append(pc, j), append(pv, v)
			}
		}
		fc, fv = append(fc, m), append(fv, 0)
		pc, pv = append(pc, m), append(pv, 0)
		fs, ps = append(fs, len(fc)), append(ps, len(pc))
	}
	full, part = NewSparse(n, m+1, fs, fc, fv), NewSparse(n, m+1, ps, pc, pv)
	full.SetCapacity(capacity)
	part.SetCapacity(capacity)
	return full, part
}

// TestSolveFrom solves random problems from the solution of a part of
// their cells, from a garbage start, and from scratch, maximizing and
// minimizing: the same optimum, and a certificate Verify accepts.
func TestSolveFrom(t *testing.T) {
	defer func(k int) { repairCells = k }(repairCells)
	rng := rand.New(rand.NewPCG(21, 4))
	for trial := range 400 {
		repairCells = []int{2, 0}[trial%2] // 0: every repair gives up, and SolveFrom solves afresh
		n, m := 1+rng.IntN(40), 1+rng.IntN(12)
		full, part := randomGrowing(rng, n, m, rng.Float64())
		opt := Options{Maximize: trial%2 == 0}
		want, err := Solve(full, opt)
		if err != nil {
			t.Fatal(err)
		}
		prev, err := Solve(part, opt)
		if err != nil {
			t.Fatal(err)
		}
		garbage := &Solution{RowCol: make([]int, n), V: make([]float64, m+1)}
		for i := range garbage.RowCol {
			garbage.RowCol[i] = rng.IntN(m+2) - 1
		}
		for j := range garbage.V {
			garbage.V[j] = float64(rng.IntN(3000))
			if !opt.Maximize {
				garbage.V[j] = -garbage.V[j]
			}
		}
		for name, start := range map[string]*Solution{"part": prev, "garbage": garbage, "itself": want} {
			got, err := SolveFrom(full, opt, start)
			if err != nil {
				t.Fatalf("trial %d from %s: %v", trial, name, err)
			}
			if got.Total != want.Total {
				t.Fatalf("trial %d from %s: total %v, want %v", trial, name, got.Total, want.Total)
			}
			if err := Verify(full, opt, got); err != nil {
				t.Fatalf("trial %d from %s: %v", trial, name, err)
			}
		}
	}
}
