package assign_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
)

// Three workers, three jobs, minimum total cost.
func ExampleSolve() {
	cost := []float64{
		4, 1, 3,
		2, 0, 5,
		3, 2, 2,
	}
	p := assign.NewDense(3, 3, cost)
	s, err := assign.Solve(p, assign.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("columns:", s.RowCol)
	fmt.Println("total:", s.Total)
	fmt.Println("certificate:", assign.Verify(p, assign.Options{}, s))
	// Output:
	// columns: [1 0 2]
	// total: 5
	// certificate: <nil>
}

// Four mentees and two mentors: mentor 0 takes one mentee, mentor 1 two.
// Scores are to maximize, -Inf where a pair is not allowed. Mentees 1 and
// 3 can only go to mentor 0, so one of them stays unmatched: as many
// mentees as possible are matched, and then the total score decides.
func ExampleSolve_capacities() {
	no := math.Inf(-1)
	score := []float64{
		9, 7,
		8, no,
		6, 7,
		5, no,
	}
	p := assign.NewDense(4, 2, score)
	p.SetCapacity([]int{1, 2})
	opt := assign.Options{Maximize: true, Mode: assign.MaxCardinality}
	s, err := assign.Solve(p, opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("mentor of each mentee:", s.RowCol)
	fmt.Println("unmatched:", s.Unassigned)
	fmt.Println("total score:", s.Total)
	// Output:
	// mentor of each mentee: [1 0 1 -1]
	// unmatched: [3]
	// total score: 22
}

// In Strict mode an infeasible problem is reported with its evidence.
func ExampleInfeasibleError() {
	inf := math.Inf(1)
	p := assign.NewDense(3, 3, []float64{
		1, inf, inf,
		2, inf, inf,
		3, 4, 5,
	})
	_, err := assign.Solve(p, assign.Options{})
	var e *assign.InfeasibleError
	if errors.As(err, &e) {
		fmt.Println(e.Reason, e.Rows, e.Cols)
	}
	fmt.Println(err)
	// Output:
	// Hall's condition fails [0 1] [0]
	// assign: 2 rows (rows 0, 1) can only use 1 columns (columns 0) of total capacity 1 (Hall's condition fails)
}
