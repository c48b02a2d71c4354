package assign

import (
	"math"
	"testing"
)

// decodeInstance turns fuzz bytes into a problem of at most 6×6: a header
// byte (sizes), a flags byte (maximize, mode, capacities, fractional
// costs), then one byte per cell (values 0..3 mean forbidden for the top
// value, cost otherwise) and one per column capacity.
func decodeInstance(data []byte) (instance, bool) {
	if len(data) < 2 {
		return instance{}, false
	}
	in := instance{n: int(data[0] % 7), m: int(data[0] / 7 % 7)}
	flags := data[1]
	in.opt.Maximize = flags&1 != 0
	if flags&2 != 0 {
		in.opt.Mode = MaxCardinality
	}
	forbid := math.Inf(1)
	if in.opt.Maximize {
		forbid = math.Inf(-1)
	}
	data = data[2:]
	byteAt := func(k int) byte {
		if k < len(data) {
			return data[k]
		}
		return byte(k * 37)
	}
	in.cost = make([]float64, in.n*in.m)
	for k := range in.cost {
		b := byteAt(k)
		switch {
		case b%5 == 4:
			in.cost[k] = forbid
		case flags&8 != 0:
			in.cost[k] = float64(int(b)-128) / 8
		default:
			in.cost[k] = float64(b % 16)
		}
	}
	if flags&4 != 0 {
		in.capacity = make([]int, in.m)
		for j := range in.capacity {
			in.capacity[j] = int(byteAt(in.n*in.m+j) % 4)
		}
	}
	return in, true
}

// FuzzSolve checks Solve on every path against brute force, and Verify on
// every solution.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{0, 0})
	f.Add([]byte{3*7 + 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{2*7 + 5, 6, 4, 4, 4, 1, 1, 1, 1, 1, 1, 1, 0, 1, 2, 3, 1})
	f.Add([]byte{6*7 + 6, 15, 200, 3, 9, 14, 19, 24, 29, 33})
	f.Fuzz(func(t *testing.T, data []byte) {
		in, ok := decodeInstance(data)
		if !ok {
			return
		}
		check(t, nil, in)
	})
}
