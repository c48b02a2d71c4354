package matcher

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
)

// randomMatchSolve returns a matching problem of n rows and m mentor
// columns: random allowed cells, fit keys, tiers and capacities, with
// ties (keys on a coarse grid) when coarse is set.
func randomMatchSolve(rng *rand.Rand, n, m int, density float64, coarse bool) *matchSolve {
	ms := &matchSolve{rows: make([]solveRow, n), capacity: make([]int, m+1), big: int64(2*10000*n + 1)}
	for j := range m {
		ms.capacity[j] = 1 + rng.IntN(4)
	}
	ms.capacity[m] = n
	for r := range ms.rows {
		row := &ms.rows[r]
		row.tier = int64(1 + rng.IntN(3))
		for c := range m {
			if rng.Float64() >= density {
				continue
			}
			key := int32(rng.IntN(10001))
			if coarse {
				key = int32(rng.IntN(5) * 2500)
			}
			row.cols = append(row.cols, int32(c))
			row.keys = append(row.keys, key)
		}
	}
	return ms
}

// forcedOptimum re-solves ms with row r forced onto column c (all cells).
func forcedOptimum(t *testing.T, ms *matchSolve, r, c int) float64 {
	t.Helper()
	none := len(ms.capacity) - 1
	start := []int{0}
	var cols []int
	var vals []float64
	for i := range ms.rows {
		row := &ms.rows[i]
		for k, cc := range row.cols {
			if i != r || int(cc) == c {
				cols = append(cols, int(cc))
				vals = append(vals, ms.val(i, k))
			}
		}
		if i != r {
			cols = append(cols, none)
			vals = append(vals, 0)
		}
		start = append(start, len(cols))
	}
	p := assign.NewSparse(len(ms.rows), none+1, start, cols, vals)
	p.SetCapacity(ms.capacity)
	sol, err := assign.Solve(p, assign.Options{Maximize: true})
	if err != nil {
		t.Fatalf("forced re-solve of row %d onto %d: %v", r, c, err)
	}
	return sol.Total
}

// TestLossesAgainstResolve compares the loss of forcing every matched row
// onto each of a few other allowed columns with a re-solve that forces it,
// on random problems with and without ties, with the arcs each column
// keeps cut down to one or two (every search then scans rows) and at the
// default.
func TestLossesAgainstResolve(t *testing.T) {
	defer func(k, c int) { keptArcs, candidates = k, c }(keptArcs, candidates)
	trials := 24
	if testing.Short() {
		trials = 8
	}
	checked := 0
	for trial := range trials {
		rng := rand.New(rand.NewPCG(uint64(trial), 16))
		n, m := 20+rng.IntN(60), 4+rng.IntN(16)
		ms := randomMatchSolve(rng, n, m, 0.2+0.6*rng.Float64(), trial%2 == 1)
		candidates = 1 + rng.IntN(4)
		sol, err := ms.solve()
		if err != nil {
			t.Fatal(err)
		}
		var fs []forcedPair
		for r, c := range sol.RowCol {
			row := &ms.rows[r]
			for k, cc := range row.cols {
				if int(cc) != c && rng.IntN(3) == 0 {
					fs = append(fs, forcedPair{row: r, col: int(cc), val: ms.val(r, k)})
				}
			}
		}
		want := make([]float64, len(fs))
		for i, f := range fs {
			want[i] = sol.Total - forcedOptimum(t, ms, f.row, f.col)
		}
		for _, kept := range []int{1, 2, 96} {
			keptArcs = kept
			got := newLossGraph(ms, sol).losses(fs)
			for i, f := range fs {
				if math.Abs(got[i]-want[i]) > 1e-6 {
					t.Fatalf("trial %d (%d×%d), %d arcs kept: row %d onto %d loses %v, re-solve %v", trial, n, m, kept,
						f.row, f.col, got[i], want[i])
				}
			}
		}
		checked += len(fs)
	}
	if checked < 100 {
		t.Fatalf("only %d forced pairs checked", checked)
	}
	t.Logf("%d forced pairs checked", checked)
}

// TestBestAgainstSort compares best with sorting every index by key
// (descending, ties to the lower index) and keeping the first k.
func TestBestAgainstSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for trial := range 2000 {
		keys := make([]int32, rng.IntN(60))
		spread := 1 + rng.IntN(20)
		for i := range keys {
			keys[i] = int32(rng.IntN(spread))
		}
		k := 1 + rng.IntN(40)
		got := best(keys, k)
		if len(keys) <= k {
			if got != nil {
				t.Fatalf("trial %d: %d keys, k %d: got %v, want nil", trial, len(keys), k, got)
			}
			continue
		}
		idx := make([]int32, len(keys))
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortFunc(idx, func(a, b int32) int { return cmp.Or(cmp.Compare(keys[b], keys[a]), cmp.Compare(a, b)) })
		want := slices.Clone(idx[:k])
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: keys %v k %d: got %v, want %v", trial, keys, k, got, want)
		}
	}
}
