package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher/assign"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

type assignOptions struct {
	IO          *iostreams
	Output      outputOptions
	Matrix      string
	Maximize    bool
	Strict      bool
	Capacity    []string // COL=N
	CapacityRow string
	Delimiter   string
	Decimals    int
	Stats       bool
	OutDir      string
}

func newAssignCmd(ios *iostreams, runF func(*assignOptions) error) *cobra.Command {
	opts := &assignOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "assign MATRIX.csv",
		Short: "Solve a general assignment problem from a cost or score matrix",
		Long: `Solve an assignment problem exactly: give each row at most one column, each
column at most its capacity (default 1), minimising the total cost, or with
--maximize maximising the total score.

MATRIX.csv holds the row ids in the first column and the column ids in the
header row; each cell is a number, or empty or 'x' for a forbidden pair. It
is read like the input files (UTF-8 or Windows-1252, comma, semicolon or tab,
decimal comma with semicolon or tab; '-' reads standard input).

As many rows as possible are assigned, and among those assignments the
cheapest (best); the rows left out are listed. With --strict, a matrix where
some row cannot be assigned is an error that says which rows and why.`,
		Example: `  stretchmatch assign costs.csv
  stretchmatch assign scores.csv --maximize --capacity ana=2 --capacity bruno=3
  stretchmatch assign scores.csv --maximize --capacity-row capacity --format json`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			opts.Matrix = args[0]
			if err := opts.Output.check(ios); err != nil {
				return err
			}
			if opts.CapacityRow != "" && len(opts.Capacity) > 0 {
				return usageErrorf("--capacity and --capacity-row cannot be used together")
			}
			if _, err := parseCapacities(opts.Capacity); err != nil {
				return err
			}
			if _, err := (&inputOptions{Delimiter: opts.Delimiter}).delimiter(); err != nil {
				return err
			}
			if opts.Decimals < -1 || opts.Decimals > 12 {
				return usageErrorf("--decimals %d: choose from 0 to 12, or -1 for automatic", opts.Decimals)
			}
			if runF != nil {
				return runF(opts)
			}
			return runAssign(opts)
		}),
	}
	addOutputFlags(cmd, &opts.Output)
	declareTables(cmd, &opts.Output, "assignment", "totals")
	f := cmd.Flags()
	f.BoolVar(&opts.Maximize, "maximize", false, "the cells are scores to maximise instead of costs to minimise")
	f.BoolVar(&opts.Strict, "strict", false, "fail unless every row can be assigned, saying why not")
	f.StringArrayVar(&opts.Capacity, "capacity", nil, "`COL=N`: column COL takes up to N rows (repeatable)")
	f.StringVar(&opts.CapacityRow, "capacity-row", "", "the row `ID` that holds each column's capacity")
	f.StringVar(&opts.Delimiter, "delimiter", "", "force the CSV delimiter: {comma|semicolon|tab}")
	f.IntVar(&opts.Decimals, "decimals", -1, "decimals of values and total (default: the fewest, up to 6, that show every cell exactly)")
	f.BoolVar(&opts.Stats, "stats", false, "print one line of sizes and timings on standard error")
	f.StringVar(&opts.OutDir, "out", "", "also write assignment.csv and totals.csv into `DIR`")
	return cmd
}

// parseCapacities reads --capacity COL=N flags, in order.
func parseCapacities(flags []string) ([][2]string, error) {
	var out [][2]string
	for _, f := range flags {
		col, n, ok := strings.Cut(f, "=")
		if !ok || strings.TrimSpace(col) == "" {
			return nil, usageErrorf("--capacity %q: write COL=N", f)
		}
		if v, err := strconv.Atoi(strings.TrimSpace(n)); err != nil || v < 0 || v > model.MaxWhole {
			return nil, usageErrorf("--capacity %q: N must be a whole number from 0 to %d", f, model.MaxWhole)
		}
		out = append(out, [2]string{data.NormalizeID(col), strings.TrimSpace(n)})
	}
	return out, nil
}

func runAssign(opts *assignOptions) error {
	t0 := time.Now()
	var raw []byte
	var err error
	if opts.Matrix == "-" {
		raw, err = data.ReadAllLimited(opts.IO.In, "standard input", 0)
	} else {
		raw, err = data.ReadFileLimited(opts.Matrix, 0)
	}
	var ps data.Problems
	if err != nil && !errors.As(err, &ps) {
		return fmt.Errorf("cannot read the matrix: %w (check the path of MATRIX.csv)", err)
	}
	if err != nil {
		return err
	}
	delim, _ := (&inputOptions{Delimiter: opts.Delimiter}).delimiter()
	mx, err := data.ReadMatrix(data.Source{Name: opts.Matrix, Data: raw}, data.ReadOptions{Delimiter: delim}, opts.CapacityRow)
	if err != nil {
		return err
	}
	n, m := len(mx.Rows), len(mx.Cols)
	cells := mx.Cells
	if opts.Maximize {
		// The reader marks forbidden cells +Inf; a maximisation forbids -Inf.
		cells = make([]float64, len(mx.Cells))
		for i, v := range mx.Cells {
			if math.IsInf(v, 1) {
				v = math.Inf(-1)
			}
			cells[i] = v
		}
	}
	p := assign.NewDense(n, m, cells)
	capacity := mx.Capacity
	if caps, _ := parseCapacities(opts.Capacity); len(caps) > 0 {
		capacity = make([]int, m)
		for j := range capacity {
			capacity[j] = 1
		}
		given := make([]string, m) // the flag that set each column
		for _, c := range caps {
			j := indexFold(mx.Cols, c[0])
			if j < 0 {
				return usageErrorf("--capacity %s=%s: %s has no column %q", c[0], c[1], opts.Matrix, c[0])
			}
			v, _ := strconv.Atoi(c[1])
			if given[j] != "" && v != capacity[j] {
				return usageErrorf("--capacity %s=%s contradicts --capacity %s for column %q: give each column one capacity", c[0], c[1], given[j], mx.Cols[j])
			}
			capacity[j], given[j] = v, c[0]+"="+c[1]
		}
	}
	if capacity != nil {
		p.SetCapacity(capacity)
	}
	parsed := time.Now()
	mode := assign.MaxCardinality
	if opts.Strict {
		mode = assign.Strict
	}
	sol, err := assign.Solve(p, assign.Options{Maximize: opts.Maximize, Mode: mode})
	solved := time.Now()
	lang, _ := opts.Output.language()
	if err != nil {
		return assignError(err, mx, opts.Matrix, lang)
	}
	dec := opts.Decimals
	if dec < 0 {
		dec = autoDecimals(mx.Cells)
	}
	total := assignedTotal(cells, m, sol.RowCol, dec)
	tables := reports.AssignmentTablesTotal(mx.Rows, mx.Cols, cells, sol.RowCol, total, dec, lang)
	if opts.Stats {
		fmt.Fprintf(opts.IO.ErrOut, "stats: rows=%d cols=%d parse_ms=%d solve_ms=%d total=%s\n",
			n, m, parsed.Sub(t0).Milliseconds(), solved.Sub(parsed).Milliseconds(), total)
	}
	if opts.OutDir != "" {
		if err := writeOutputs(opts.OutDir, []string{opts.Matrix}, opts.Output.Excel, tables...); err != nil {
			return err
		}
	}
	return writeTables(opts.IO, &opts.Output, []string{opts.Matrix}, tables...)
}

// assignedTotal writes the exact sum of the assigned cells with dec
// decimals: the solver's float64 total loses units above 2^53.
func assignedTotal(cells []float64, m int, rowCol []int, dec int) string {
	vals := make([]float64, 0, len(rowCol))
	for i, j := range rowCol {
		if j >= 0 {
			vals = append(vals, cells[i*m+j])
		}
	}
	return reports.ExactSum(vals, dec)
}

func indexFold(ids []string, id string) int {
	for i, v := range ids {
		if v == id {
			return i
		}
	}
	for i, v := range ids {
		if strings.EqualFold(v, id) {
			return i
		}
	}
	return -1
}

// autoDecimals returns the fewest decimals, up to 6, that show every finite
// cell exactly.
func autoDecimals(cells []float64) int {
	for d := 0; d < 6; d++ {
		p := math.Pow10(d)
		exact := true
		for _, v := range cells {
			if !math.IsInf(v, 0) && math.Abs(v*p-math.Round(v*p)) > 1e-9*math.Max(1, math.Abs(v*p)) {
				exact = false
				break
			}
		}
		if exact {
			return d
		}
	}
	return 6
}
