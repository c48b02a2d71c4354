package oracle

import (
	"math/rand/v2"
	"testing"
)

func TestMaxAssignAgainstBruteForce(t *testing.T) {
	rng := newRNG(13)
	for trial := range 3000 {
		n := 1 + rng.IntN(6)
		m := n + rng.IntN(3)
		w := make([][]float64, n)
		for i := range w {
			w[i] = make([]float64, m)
			for j := range w[i] {
				if rng.IntN(4) == 0 {
					w[i][j] = Forbidden
				} else {
					w[i][j] = float64(rng.IntN(7)) // many ties
				}
			}
		}
		want, wok := BruteAssign(w)
		got, col, ok := MaxAssign(w)
		if ok != wok || ok && got != want {
			t.Fatalf("trial %d: %v: MaxAssign %v %v, brute force %v %v", trial, w, got, ok, want, wok)
		}
		if ok {
			seen := map[int]bool{}
			sum := 0.0
			for i, j := range col {
				if seen[j] || w[i][j] == Forbidden {
					t.Fatalf("trial %d: column %d reused or forbidden", trial, j)
				}
				seen[j] = true
				sum += w[i][j]
			}
			if sum != got {
				t.Fatalf("trial %d: columns sum to %v, total %v", trial, sum, got)
			}
		}
	}
}

func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x0a11)) }
