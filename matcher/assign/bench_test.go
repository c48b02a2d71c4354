package assign

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher/assign/internal/lapm"
)

// BenchmarkFamilies solves one seeded instance of every family at n = 1000
// (BenchmarkLAPM runs the kit's own files, up to n = 4000).
func BenchmarkFamilies(b *testing.B) {
	for _, name := range families {
		for _, n := range []int{1000} {
			in := family(name, n, 1)
			p := in.dense()
			b.Run(fmt.Sprintf("%s_%d", name, n), func(b *testing.B) {
				b.ReportAllocs()
				var s *Solution
				for b.Loop() {
					var err error
					if s, err = Solve(p, in.opt); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(s.Total, "cost")
			})
		}
	}
}

// lapmDir returns the directory of .lapm files named by
// STRETCHMATCH_LAPM_DIR, or skips.
func lapmDir(b *testing.B) string {
	dir := os.Getenv("STRETCHMATCH_LAPM_DIR")
	if dir == "" {
		b.Skip("set STRETCHMATCH_LAPM_DIR to a directory of .lapm files (see docs/benchmarks.md)")
	}
	return dir
}

// BenchmarkLAPM solves every .lapm file of $STRETCHMATCH_LAPM_DIR, one
// sub-benchmark per file, and checks the optimal cost against the scipy
// results (scipy.tsv, written by the kit's scipy_bench.py) when the
// directory has them.
func BenchmarkLAPM(b *testing.B) {
	dir := lapmDir(b)
	names, err := filepath.Glob(filepath.Join(dir, "*.lapm"))
	if err != nil || len(names) == 0 {
		b.Skipf("no .lapm files in %s", dir)
	}
	slices.Sort(names)
	want := scipyCosts(b, filepath.Join(dir, "scipy.tsv"))
	for _, name := range names {
		base := strings.TrimSuffix(filepath.Base(name), ".lapm")
		b.Run(base, func(b *testing.B) {
			mat, err := lapm.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			p := lapmProblem(mat)
			b.ReportAllocs()
			b.ResetTimer()
			var s *Solution
			for b.Loop() {
				if s, err = Solve(p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(s.Total, "cost")
			if w, ok := want[base]; ok && !sameCost(s.Total, w, mat.Flags&lapm.FlagIntegral != 0) {
				b.Fatalf("%s: total %v, scipy %s", base, s.Total, w)
			}
		})
	}
}

// lapmProblem returns the problem of a .lapm matrix as a caller holding
// that data would build it: a matrix whose allowed cells are fewer than
// the sparse path's share is given as sparse rows of its allowed cells,
// since such a caller has its data in that form (the kit's LAPMOD anchor
// likewise gets its sparse rows built outside the timing); any other is
// given dense, in place.
func lapmProblem(mat *lapm.Matrix) *Problem {
	allowed := 0
	for _, c := range mat.Cost {
		if !math.IsInf(c, 1) {
			allowed++
		}
	}
	if float64(allowed) >= sparseShare*float64(mat.N)*float64(mat.M) {
		return NewDense(mat.N, mat.M, mat.Cost)
	}
	start := make([]int, 1, mat.N+1)
	cols := make([]int, 0, allowed)
	cost := make([]float64, 0, allowed)
	for i := 0; i < mat.N; i++ {
		for j, c := range mat.Cost[i*mat.M : (i+1)*mat.M] {
			if !math.IsInf(c, 1) {
				cols = append(cols, j)
				cost = append(cost, c)
			}
		}
		start = append(start, len(cols))
	}
	return NewSparse(mat.N, mat.M, start, cols, cost)
}

// scipyCosts reads name → optimal cost from a scipy_bench.py TSV, if any.
func scipyCosts(b *testing.B, name string) map[string]string {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) >= 8 && p[0] != "name" {
			out[p[0]] = p[7]
		}
	}
	return out
}

// sameCost compares a total with scipy's printed cost: exactly for
// integral matrices, to its nine printed decimals otherwise.
func sameCost(total float64, want string, integral bool) bool {
	w, err := strconv.ParseFloat(want, 64)
	if err != nil {
		return false
	}
	if integral {
		return total == w
	}
	return math.Abs(total-w) <= 1e-8*(1+math.Abs(w))
}

// BenchmarkORLib solves the sparse OR-Library instances through the
// sparse constructor.
func BenchmarkORLib(b *testing.B) {
	for _, name := range []string{"assignp800", "assignp1500", "assignp3000", "assignp5000", "assign800"} {
		b.Run(name, func(b *testing.B) {
			p, want := readORLib(b, name)
			b.ReportAllocs()
			b.ResetTimer()
			var s *Solution
			var err error
			for b.Loop() {
				if s, err = Solve(p, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			if s.Total != want {
				b.Fatalf("%s: total %v, published optimum %v", name, s.Total, want)
			}
		})
	}
}
