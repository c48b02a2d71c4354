package assign

import (
	"bufio"
	"compress/bzip2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher/assign/internal/lapm"
)

// orlibDir holds the OR-Library instances, compressed with bzip2, and their
// published optima.
var orlibDir = filepath.Join("testdata", "orlib")

// readORLib loads an OR-Library instance as a sparse problem, with its
// published optimum.
func readORLib(tb testing.TB, name string) (*Problem, float64) {
	tb.Helper()
	opt := publishedOptima(tb)
	want, ok := opt[name]
	if !ok {
		tb.Fatalf("%s: no published optimum", name)
	}
	f, err := os.Open(filepath.Join(orlibDir, name+".txt.bz2"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	o, err := lapm.ReadORLib(bufio.NewReader(bzip2.NewReader(f)), strings.HasPrefix(name, "assignp"))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return NewSparse(o.N, o.N, o.Start, o.Cols, o.Cost), want
}

// publishedOptima reads assignopt.txt.
func publishedOptima(tb testing.TB) map[string]float64 {
	tb.Helper()
	f, err := os.Open(filepath.Join(orlibDir, "assignopt.txt"))
	if err != nil {
		tb.Fatalf("OR-Library optima: %v", err)
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Fields(sc.Text())
		if len(p) == 2 && strings.HasPrefix(p[0], "assign") {
			if v, err := strconv.ParseFloat(p[1], 64); err == nil {
				out[p[0]] = v
			}
		}
	}
	return out
}

// TestORLib solves all twelve OR-Library instances, sparse and dense (the
// sparse files become dense matrices with +Inf for the missing pairs), and
// compares with the published optima.
func TestORLib(t *testing.T) {
	names := []string{"assign100", "assign200", "assign300", "assign400", "assign500", "assign600",
		"assign700", "assign800", "assignp800", "assignp1500", "assignp3000", "assignp5000"}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			if testing.Short() && (name == "assignp5000" || name == "assign800" || name == "assignp3000") {
				t.Skip("large instance skipped in -short mode")
			}
			p, want := readORLib(t, name)
			s, err := Solve(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if s.Total != want || !s.Exact {
				t.Fatalf("sparse: total %v (exact %v), published optimum %v", s.Total, s.Exact, want)
			}
			if err := Verify(p, Options{}, s); err != nil {
				t.Fatal(err)
			}
			d := denseOf(p)
			s2, err := Solve(d, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if s2.Total != want {
				t.Fatalf("dense: total %v, published optimum %v", s2.Total, want)
			}
			if err := Verify(d, Options{}, s2); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// denseOf returns the dense form of a sparse problem: +Inf where no cell
// is listed.
func denseOf(p *Problem) *Problem {
	o := lapm.ORLib{N: p.n, Start: p.start, Cols: p.col, Cost: p.val}
	if p.m != p.n {
		panic("denseOf: square problems only")
	}
	d := NewDense(p.n, p.m, o.Dense().Cost)
	d.SetCapacity(p.capacity)
	return d
}
