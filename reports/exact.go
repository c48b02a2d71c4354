package reports

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// ExactSum returns the sum of values, computed exactly (every float64 is a
// binary fraction; their sum is kept as a fraction, never rounded on the
// way), written with decimals decimals, halves rounded away from zero like
// [Num]. With decimals < 0 it writes the float64 nearest the exact sum
// with the fewest digits that read back to it. Infinite and NaN values
// are skipped.
//
// A float64 sum of integers above 2^53 loses units, and one of decimals
// drifts (0.1 + 0.2 = 0.30000000000000004); ExactSum does neither.
func ExactSum(values []float64, decimals int) string {
	sum := new(big.Rat)
	var x big.Rat
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		sum.Add(sum, x.SetFloat64(v))
	}
	if decimals < 0 {
		f, _ := sum.Float64()
		return strconv.FormatFloat(f+0, 'f', -1, 64)
	}
	s := sum.FloatString(decimals)
	if strings.TrimLeft(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // no sign on zero
	}
	return s
}
