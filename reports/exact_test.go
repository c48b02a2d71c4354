package reports

import "testing"

func TestExactSum(t *testing.T) {
	for _, tt := range []struct {
		vals []float64
		dec  int
		want string
	}{
		{[]float64{1 << 52, 1<<52 + 1}, 0, "9007199254740993"}, // 2^53+1: a float64 sum gives ...992
		{[]float64{1<<53 - 1, 1<<53 - 1, 1<<53 - 1}, 0, "27021597764222973"},
		{[]float64{0.1, 0.2}, 1, "0.3"},
		{[]float64{0.1, 0.2}, -1, "0.30000000000000004"}, // the float64 nearest the exact sum, read back exactly
		{[]float64{0.25, 0.5}, 1, "0.8"},                 // halves away from zero, like Num
		{[]float64{-0.01}, 1, "0.0"},                     // no sign on zero
		{[]float64{2.5, -1}, 0, "2"},
	} {
		if got := ExactSum(tt.vals, tt.dec); got != tt.want {
			t.Errorf("ExactSum(%v, %d) = %s, want %s", tt.vals, tt.dec, got, tt.want)
		}
	}
}
