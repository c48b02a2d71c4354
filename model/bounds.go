package model

// Bounds of the numbers read from the input files and the configuration.
// They keep every later computation exact: sums of whole numbers stay far
// below 2^53 (where float64 stops counting by one) and capacities fit the
// 32-bit counters of the solver; weights keep every score finite.
const (
	// MaxWhole bounds, in magnitude, every whole number of the input files:
	// grades, headcounts, capacities, openings.
	MaxWhole = 1_000_000_000
	// MaxWeight bounds criterion weights and fit weights.
	MaxWeight = 1000
	// MaxExactCost bounds, in magnitude, the values of an assignment
	// matrix: 2^53 - 1, below which float64 holds every integer.
	MaxExactCost = 1<<53 - 1
)
