package assign

import (
	"errors"
	"fmt"
	"strings"
)

// Errors returned by Solve and Verify. Test for them with errors.Is; every
// error returned by this package wraps exactly one of them.
var (
	// ErrBadCost: a cost is NaN or an infinity of the wrong sign (a
	// *CellError naming the cell), or too large for its sums to stay
	// finite.
	ErrBadCost = errors.New("assign: bad cost")
	// ErrBadInput: a capacity out of range (a *CapacityError naming the
	// column), or a sparse row listing a column out of range or twice.
	ErrBadInput = errors.New("assign: bad input")
	// ErrInfeasible: in Strict mode, some row cannot be assigned. The
	// error is an *InfeasibleError saying which rows and why.
	ErrInfeasible = errors.New("assign: infeasible")
	// ErrCertificate: Verify found a condition of the optimality
	// certificate that does not hold.
	ErrCertificate = errors.New("assign: certificate does not hold")
)

// Reason says why a Strict problem is infeasible.
type Reason int

const (
	// NoAllowedColumn: each row in Rows has no allowed cell at all.
	NoAllowedColumn Reason = iota + 1
	// HallViolation: the rows in Rows can only use the columns in Cols,
	// whose capacities sum to Capacity < len(Rows) (Hall's condition
	// fails for this set of rows).
	HallViolation
)

// String returns a short name of the reason.
func (r Reason) String() string {
	switch r {
	case NoAllowedColumn:
		return "no allowed column"
	case HallViolation:
		return "Hall's condition fails"
	}
	return fmt.Sprintf("Reason(%d)", int(r))
}

// InfeasibleError reports that not every row can be assigned, with the
// evidence. For NoAllowedColumn, Rows lists every row without an allowed
// cell. For HallViolation, Rows is a set S of rows whose allowed columns,
// listed in Cols, have total capacity Capacity < |S|; S is found by the
// shortest path search of the first row that could not be assigned, so
// |S| - Capacity is exactly 1. All lists are in ascending order.
type InfeasibleError struct {
	Reason   Reason
	Rows     []int
	Cols     []int
	Capacity int
}

// Error describes the rows, e.g. "assign: row 12 has no allowed column".
func (e *InfeasibleError) Error() string {
	var b strings.Builder
	switch e.Reason {
	case NoAllowedColumn:
		if len(e.Rows) == 1 {
			fmt.Fprintf(&b, "assign: row %d has no allowed column", e.Rows[0])
		} else {
			fmt.Fprintf(&b, "assign: %d rows have no allowed column: rows %s", len(e.Rows), list(e.Rows))
		}
	case HallViolation:
		fmt.Fprintf(&b, "assign: %d rows (rows %s) can only use %d columns (columns %s) of total capacity %d (Hall's condition fails)",
			len(e.Rows), list(e.Rows), len(e.Cols), list(e.Cols), e.Capacity)
	default:
		b.WriteString("assign: infeasible")
	}
	return b.String()
}

// Unwrap returns ErrInfeasible.
func (e *InfeasibleError) Unwrap() error { return ErrInfeasible }

// list formats at most ten indices.
func list(a []int) string {
	const most = 10
	var b strings.Builder
	for k, x := range a {
		if k == most {
			fmt.Fprintf(&b, " and %d more", len(a)-most)
			break
		}
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, x)
	}
	return b.String()
}
