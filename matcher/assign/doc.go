// Package assign solves linear assignment problems exactly. It knows
// nothing about people, only costs: n rows, m columns, the cost (or score)
// of each allowed cell, and how many rows each column may take.
//
// # Problems
//
// A Problem is built from a dense row-major matrix (NewDense), where +Inf
// forbids a cell when minimizing and -Inf when maximizing, or from
// compressed sparse rows (NewSparse), where the cells not listed are
// forbidden. SetCapacity lets column j take up to capacity[j] rows; columns
// are never copied to model capacities. Either side may be larger: n < m
// leaves columns unused, and n > m (or too little capacity) needs
// MaxCardinality mode or gives an infeasibility report. No numeric
// "infinity" stands in for a forbidden cell anywhere in the solver, so a
// forbidden cell is never part of a solution, whatever the costs.
//
// # Modes
//
// In Strict mode every row must be assigned. When that is impossible Solve
// returns an *InfeasibleError that says which rows and why: rows without
// any allowed cell, or a set of rows whose allowed columns have too little
// total capacity (Hall's condition fails for that set).
//
// In MaxCardinality mode Solve assigns as many rows as possible and, among
// those assignments, returns one of minimum total cost (maximum score):
// cardinality first, then cost, exactly, with no weighting of one against
// the other. The rows left out are listed in Solution.Unassigned.
//
// # Certificate
//
// Every Solution carries dual values U (rows) and V (columns) that prove
// its optimality; Verify checks them in one pass over the cells. For
// minimization: U[i]+V[j] <= cost on allowed cells, equality on assigned
// cells, V[j] <= 0 with equality on columns that have spare capacity, and
// in MaxCardinality mode a common, largest U for the unassigned rows plus
// the absence of any augmenting path. These are the complementary
// slackness conditions of the assignment linear program written as a
// transportation problem with unit supplies; see Verify for the details
// and the maximization form.
//
// # Exactness
//
// When every finite cost is an integer and 2·(n+m+2)·max|cost| < 2^53, so
// that no dual value or path length can leave the range where float64
// and int64 agree, the solve is exact (Solution.Exact): sparse problems
// run in int64 arithmetic; dense problems run in float64 arithmetic on the
// caller's matrix, where every intermediate value is then an integer that
// float64 holds exactly, so the result is bit for bit the one int64
// arithmetic gives, without a copy of the matrix. Other costs are solved
// in float64; Verify then allows a relative tolerance (Tolerance).
//
// # Determinism
//
// The same input gives the same assignment and duals on every run: rows
// are processed in index order, ties between columns at the same distance
// go to a column with spare capacity, then to the lowest index, and
// nothing depends on map order, goroutines or time.
//
// # Algorithms
//
// The solver is a shortest augmenting path method over the columns, with
// capacities handled natively: a column with spare capacity is a sink, and
// a full column of capacity k passes the search on to its k rows, which
// share its dual.
//
//   - Initialisation as in LAPJV, R. Jonker and A. Volgenant, "A shortest
//     augmenting path algorithm for dense and sparse linear assignment
//     problems", Computing 38 (1987) 325–340: column reduction with
//     reduction transfer for square unit-capacity problems, then passes
//     of augmenting row reduction until one assigns no further row, within
//     a work bound (Bertsekas's auction idea of a row bidding up the
//     column it takes, D. P. Bertsekas, "The auction
//     algorithm: a distributed relaxation method for the assignment
//     problem", Annals of OR 14 (1988) 105–123).
//   - Augmentation by Dijkstra's method on reduced costs, with the
//     columns at the current distance scanned breadth first and ties
//     broken toward free columns, as in LAPJV.
//   - Rectangular problems without padding, following D. F. Crouse, "On
//     implementing 2D rectangular assignment algorithms", IEEE
//     Transactions on Aerospace and Electronic Systems 52(4) (2016)
//     1679–1696 (the method of scipy's linear_sum_assignment): every
//     column starts at dual zero, the level that columns with spare
//     capacity keep, and the augmenting row reduction only lowers the dual
//     of a column it fills.
//   - Problems whose allowed cells are few (less than a quarter of n·m,
//     or given sparse) are solved on compressed rows, touching only the
//     allowed cells, as in LAPMOD: A. Volgenant, "Linear and semi-
//     assignment problems: a core oriented approach", Computers &
//     Operations Research 23(10) (1996) 917–932; its search keeps the
//     reached columns in a binary heap.
//   - MaxCardinality mode first runs the searches row by row; a row with
//     no augmenting path never gets one later, so the assigned rows form
//     a maximum-cardinality assignment. It then solves, warm-started, the
//     Strict problem with one more column that every row may use at a
//     common cost and whose capacity is the number of rows left out: its
//     rows are the unassigned ones, and its dual gives the common level of
//     the unassigned rows' U.
//   - SolveFrom warm-starts a sparse problem from the solution of a
//     problem with fewer cells: the rows whose column and duals still
//     meet the optimality conditions stay, the others are routed again,
//     and a column they leave with room and a nonzero dual is refilled or
//     brought to dual zero by one Dijkstra search run backwards (rows
//     moving into it), whose dual update keeps every reduced cost
//     nonnegative; the repair is bounded, beyond which it solves afresh.
//
// On amd64 the row scan of a dense problem, where hard problems spend
// their time, is assembly (scan_amd64.s), chosen at start-up from what the
// processor reports: with AVX-512 eight columns at a time under mask
// registers, with AVX2 four, in both without a branch on the data (relax
// the columns not yet marked, keep the smallest distance). A second vector
// pass, which marks the columns at the current distance and finds a sink
// among them, runs only when the smallest distance equals it or the
// current distance is exhausted, as in Jonker and Volgenant's code.
// Elsewhere the loops run in Go. Every path computes sign·cost − v + level
// in the same order, so they give the same bits and the same assignment
// (tests compare every level the processor runs).
//
// # Errors and panics
//
// Bad data is an error: NaN costs, infinities of the wrong sign, costs too
// large to sum, negative capacities, sparse rows listing a column out of
// range or twice (ErrBadCost, ErrBadInput), and infeasibility in Strict
// mode (ErrInfeasible). Misuse panics: slices of the wrong length given to
// a constructor or to SetCapacity, negative sizes, an unknown Mode.
//
// # Cost
//
// Memory is the caller's matrix plus O(n+m) for dense problems (the
// matrix is read in place, also when maximizing), and O(allowed cells)
// more for sparse ones. Time is O(n²·m) in the worst case and far less on
// typical inputs; docs/benchmarks.md compares it with scipy.
package assign
