package assign

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestVerifyHundredthOfAFitPoint checks that the certificate check sees a
// violation of one unit on problems scaled like the mentor matching (tier ·
// big + fit in hundredths, about 10⁷): one hundredth of a fit point. Each
// allowed cell left out of an optimal solution is raised, in turn, to one
// above U+V; each assigned cell is lowered by one; a column dual with room
// is moved by one. Every time Verify must fail, on the exact path and on
// the float path (values with a half), whose tolerance must stay below one.
func TestVerifyHundredthOfAFitPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(100, 1))
	for _, half := range []float64{0, 0.5} {
		n, m := 30, 8
		big := float64(2*10000*n + 1)
		cost := make([]float64, n*m)
		for i := range n {
			tier := float64(1 + rng.IntN(3))
			for j := range m {
				cost[i*m+j] = tier*big + float64(2000+rng.IntN(8000)) + half
			}
		}
		capacity := make([]int, m)
		for j := range capacity {
			capacity[j] = 1 + rng.IntN(3)
		}
		p := NewDense(n, m, cost)
		p.SetCapacity(capacity)
		opt := Options{Maximize: true, Mode: MaxCardinality}
		s, err := Solve(p, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(p, opt, s); err != nil {
			t.Fatalf("half %v: the optimal solution fails: %v", half, err)
		}
		if s.Exact != (half == 0) {
			t.Fatalf("half %v: Exact = %v", half, s.Exact)
		}
		raised := 0
		for i := range n {
			for j := range m {
				if s.RowCol[i] == j {
					continue
				}
				c := slices.Clone(cost)
				c[i*m+j] = s.U[i] + s.V[j] + 1
				q := NewDense(n, m, c)
				q.SetCapacity(capacity)
				if err := Verify(q, opt, s); !errors.Is(err, ErrCertificate) {
					t.Errorf("half %v: cell (%d, %d) raised one above U+V: Verify returned %v", half, i, j, err)
				}
				raised++
			}
		}
		for i, j := range s.RowCol {
			if j < 0 {
				continue
			}
			bad := *s
			bad.U = slices.Clone(s.U)
			bad.U[i]++ // assigned cell no longer tight, by one
			if err := Verify(p, opt, &bad); !errors.Is(err, ErrCertificate) {
				t.Errorf("half %v: row %d's dual one above tight: Verify returned %v", half, i, err)
			}
		}
		if raised == 0 {
			t.Fatal("no cell left out to raise")
		}
	}
}
