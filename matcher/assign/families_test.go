package assign

import (
	"math"
	"math/rand/v2"
)

// The benchmark families of the assignment kit, regenerated in Go with
// seeded generators (the same shapes and value ranges, not the same
// numbers): all minimization, all feasible.
//
//	u1k     square, uniform integers in [0, 1000)
//	u1m     square, uniform integers in [0, 1e6)
//	flt     square, uniform float64 in [0, 1)
//	geo     square, floor(1e4 · distance) between random points
//	rect    n × 5n, uniform integers in [0, 1e6) (rectt: 5n × n, MaxCardinality)
//	f30     u1m with 30% of cells forbidden, a random permutation kept
//	f90     the same with 90% forbidden
//	slot    square, n/5 mentors each repeated in 5 identical columns
//	mentor  n mentees, ceil(1.2n/5) mentors of capacity 5 (native
//	        capacities, no repeated columns), 10% of pairs forbidden
var families = []string{"u1k", "u1m", "flt", "geo", "rect", "rectt", "f30", "f90", "slot", "mentor"}

// family returns an instance of the named family with about n rows.
func family(name string, n int, seed uint64) instance {
	rng := rand.New(rand.NewPCG(seed, uint64(len(name))<<32|uint64(n)))
	t := instance{n: n, m: n}
	fill := func(f func() float64) {
		t.cost = make([]float64, t.n*t.m)
		for k := range t.cost {
			t.cost[k] = f()
		}
	}
	switch name {
	case "u1k":
		fill(func() float64 { return float64(rng.IntN(1000)) })
	case "u1m":
		fill(func() float64 { return float64(rng.IntN(1_000_000)) })
	case "flt":
		fill(rng.Float64)
	case "geo":
		a, b := points(rng, n, 2), points(rng, n, 2)
		t.cost = distances(a, b, 1e4)
	case "rect":
		t.m = 5 * n
		fill(func() float64 { return float64(rng.IntN(1_000_000)) })
	case "rectt":
		t.n, t.m = 5*n, n
		t.opt.Mode = MaxCardinality
		fill(func() float64 { return float64(rng.IntN(1_000_000)) })
	case "f30", "f90":
		fill(func() float64 { return float64(rng.IntN(1_000_000)) })
		share := 0.3
		if name == "f90" {
			share = 0.9
		}
		keep := rng.Perm(n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if j != keep[i] && rng.Float64() < share {
					t.cost[i*n+j] = math.Inf(1)
				}
			}
		}
	case "slot":
		k := n / 5
		base := distances(points(rng, n, 4), points(rng, k, 4), 100)
		t.m = 5 * k
		t.cost = make([]float64, t.n*t.m)
		for i := 0; i < n; i++ {
			for j := 0; j < t.m; j++ {
				t.cost[i*t.m+j] = base[i*k+j/5]
			}
		}
	case "mentor":
		k := (int(math.Ceil(1.2*float64(n))) + 4) / 5
		t.m = k
		t.cost = distances(points(rng, n, 4), points(rng, k, 4), 100)
		t.capacity = make([]int, k)
		slots := make([]int, 0, 5*k)
		for j := range t.capacity {
			t.capacity[j] = 5
			for c := 0; c < 5; c++ {
				slots = append(slots, j)
			}
		}
		rng.Shuffle(len(slots), func(a, b int) { slots[a], slots[b] = slots[b], slots[a] })
		for i := 0; i < n; i++ {
			for j := 0; j < k; j++ {
				if j != slots[i] && rng.Float64() < 0.1 {
					t.cost[i*k+j] = math.Inf(1)
				}
			}
		}
	default:
		panic("unknown family " + name)
	}
	return t
}

func points(rng *rand.Rand, n, dim int) [][]float64 {
	p := make([][]float64, n)
	for i := range p {
		p[i] = make([]float64, dim)
		for d := range p[i] {
			p[i][d] = rng.Float64()
		}
	}
	return p
}

// distances returns floor(scale · |a_i - b_j|) row-major.
func distances(a, b [][]float64, scale float64) []float64 {
	c := make([]float64, len(a)*len(b))
	for i, p := range a {
		for j, q := range b {
			s := 0.0
			for d := range p {
				s += (p[d] - q[d]) * (p[d] - q[d])
			}
			c[i*len(b)+j] = math.Floor(scale * math.Sqrt(s))
		}
	}
	return c
}
