package followup_test

import (
	"fmt"

	"github.com/stretchmatch/stretchmatch/matcher/followup"
)

// Two goals, one met a level above expectations and one as expected, with
// equal weights and the usual ρ = 0.3: T = 50 + 10·1/√(0.7·2 + 0.3·4).
func ExampleTScore() {
	fmt.Printf("%.1f\n", followup.TScore([]int{1, 0}, []float64{1, 1}, 0.3))
	// Every goal as expected is 50; one goal a level below is 40.
	fmt.Printf("%.1f %.1f\n", followup.TScore([]int{0, 0, 0}, []float64{1, 1, 1}, 0.3), followup.TScore([]int{-1}, []float64{1}, 0.3))
	// Output:
	// 56.2
	// 50.0 40.0
}
