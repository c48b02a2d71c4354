package reports

import (
	"math"
	"strconv"
)

// Num formats v with exactly decimals digits after the point, rounding half
// away from zero, never printing "-0". NaN and infinities give "".
func Num(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	p := math.Pow10(decimals)
	r := math.Round(v*p) / p
	if r == 0 {
		r = 0 // drop the sign of -0
	}
	return strconv.FormatFloat(r, 'f', decimals, 64)
}
