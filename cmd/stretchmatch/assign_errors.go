package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher/assign"
	"github.com/stretchmatch/stretchmatch/reports"
)

// assignError turns an error of the solver into problems that name the
// rows and columns of the matrix file by their ids, at FILE:LINE:COLUMN
// of the row or the cell they are about. Errors it does not know are
// returned as they are.
func assignError(err error, mx *data.Matrix, file string, lang reports.Lang) error {
	var inf *assign.InfeasibleError
	var cell *assign.CellError
	var capa *assign.CapacityError
	switch {
	case errors.As(err, &inf):
		return infeasibleProblems(inf, mx, file, lang)
	case errors.As(err, &cell) && cell.Row < len(mx.Rows) && cell.Col < len(mx.Cols):
		what := say(lang, "is not a number (NaN)")
		if cell.Value == cell.Value {
			what = say(lang, "is an infinity of the wrong sign")
		}
		return data.Problems{{File: file, Line: mx.RowLines[cell.Row], Col: cell.Col + 2,
			Msg:  say(lang, "the cell of row %s and column %s %s", strconv.Quote(mx.Rows[cell.Row]), strconv.Quote(mx.Cols[cell.Col]), what),
			Hint: say(lang, "write a number, or leave the cell empty or write x to forbid the pair")}}
	case errors.As(err, &capa) && capa.Col < len(mx.Cols):
		p := data.Problem{File: file, Line: mx.CapacityLine, Col: capa.Col + 2,
			Msg:  say(lang, "the capacity %d of column %s is out of range", capa.Capacity, strconv.Quote(mx.Cols[capa.Col])),
			Hint: say(lang, "give a whole number from 0 to %d", 2147483647)}
		if mx.CapacityLine == 0 {
			p.Line, p.Col = mx.HeaderLine, capa.Col+2
		}
		return data.Problems{p}
	case errors.Is(err, assign.ErrBadCost):
		return fmt.Errorf("%s: %s", file, say(lang, "the values are too large to be summed exactly (scale every value of the matrix down, dividing them all by the same number)"))
	}
	return err
}

// infeasibleProblems turns the solver's evidence of a --strict matrix that
// cannot be assigned whole into one problem per row without an allowed
// cell, or one problem at the first row of a set of rows that share too
// few places.
func infeasibleProblems(inf *assign.InfeasibleError, mx *data.Matrix, file string, lang reports.Lang) error {
	if inf.Reason == assign.NoAllowedColumn {
		var ps data.Problems
		for _, i := range inf.Rows {
			ps = append(ps, data.Problem{File: file, Line: mx.RowLines[i], Col: 1,
				Msg:  say(lang, "not every row can be assigned: no allowed column for %s", mx.Rows[i]),
				Hint: say(lang, "allow a cell, or drop --strict to assign the others")})
		}
		return ps
	}
	rows := make([]string, len(inf.Rows))
	lines := make([]string, len(inf.Rows))
	for k, i := range inf.Rows {
		rows[k], lines[k] = mx.Rows[i], strconv.Itoa(mx.RowLines[i])
	}
	cols := make([]string, len(inf.Cols))
	for k, j := range inf.Cols {
		cols[k] = mx.Cols[j]
	}
	line := 0
	if len(inf.Rows) > 0 {
		line = mx.RowLines[inf.Rows[0]]
	}
	return data.Problems{{File: file, Line: line, Col: 1,
		Msg: say(lang, "not every row can be assigned: the %d [row|rows] %s (lines %s) can only use %d [column|columns] (%s), which take %d in all",
			len(rows), strings.Join(rows, ", "), strings.Join(lines, ", "), len(cols), strings.Join(cols, ", "), inf.Capacity),
		Hint: say(lang, "raise a capacity, allow more cells, or drop --strict")}}
}
