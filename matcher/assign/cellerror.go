package assign

import "fmt"

// CellError reports a cost that cannot be solved: NaN, or an infinity of
// the sign that does not forbid the cell. Row and Col are the indexes of
// the cell in the problem. It wraps ErrBadCost.
type CellError struct {
	Row, Col int
	Value    float64
	Forbid   float64 // the infinity that forbids a cell in this direction
}

func (e *CellError) Error() string {
	if e.Value != e.Value {
		return fmt.Sprintf("assign: cost of row %d column %d is NaN", e.Row, e.Col)
	}
	return fmt.Sprintf("assign: cost of row %d column %d is %v (use %v to forbid a cell)", e.Row, e.Col, e.Value, e.Forbid)
}

// Unwrap returns ErrBadCost.
func (e *CellError) Unwrap() error { return ErrBadCost }

// CapacityError reports a column capacity below 0 or above the largest
// the solver takes (math.MaxInt32). Col is the index of the column. It
// wraps ErrBadInput.
type CapacityError struct {
	Col, Capacity int
}

func (e *CapacityError) Error() string {
	if e.Capacity < 0 {
		return fmt.Sprintf("assign: column %d has negative capacity %d", e.Col, e.Capacity)
	}
	return fmt.Sprintf("assign: column %d capacity %d is too large", e.Col, e.Capacity)
}

// Unwrap returns ErrBadInput.
func (e *CapacityError) Unwrap() error { return ErrBadInput }
