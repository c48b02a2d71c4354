package data

import (
	"fmt"
	"math"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Matrix is a score or cost matrix read for `stretchmatch assign`.
type Matrix struct {
	Rows, Cols []string // row ids (first column) and column ids (header)
	// Cells holds len(Rows)·len(Cols) values, row after row. +Inf marks a
	// forbidden pair (an empty cell, "x" or "X").
	Cells []float64
	// Capacity holds how many rows each column can take, from the capacity
	// row; nil when no capacity row was asked for.
	Capacity []int
	// HeaderLine is the line of the header in the file, RowLines the line
	// of each row and CapacityLine that of the capacity row (0 without one),
	// so that later messages can name the cells they are about.
	HeaderLine   int
	RowLines     []int
	CapacityLine int
}

// At returns the cell of row i and column j; it panics when they are out
// of range.
func (m *Matrix) At(i, j int) float64 {
	if j < 0 || j >= len(m.Cols) {
		panic("data: matrix column out of range")
	}
	return m.Cells[i*len(m.Cols)+j]
}

// ReadMatrix reads a matrix CSV: the header row holds a corner cell (any
// text) and then the column ids; every other row holds a row id and one
// cell per column. Cells are numbers (any sign; a decimal comma is accepted
// when the delimiter is ';' or tab), or empty or "x" for a forbidden pair.
// The file is read with the same rules as the input files (UTF-8 with or
// without byte-order mark or Windows-1252, CRLF or LF, delimiter detected
// unless opt.Delimiter forces it).
//
// When capacityRow is not empty, the row with that id (compared
// case-insensitively) is not a row of the matrix but gives each column's
// capacity: a whole number ≥ 0, an empty cell meaning 1.
//
// Every problem is reported, as a [Problems]: empty file, unreadable
// encoding, no column or no row, empty or repeated row or column id (naming
// the first occurrence), ragged row, cell that is not a number, bad
// capacity, capacity row missing. The matrix is nil then. An invalid
// opt.Delimiter is a plain error. ReadMatrix never panics.
func ReadMatrix(src Source, opt ReadOptions, capacityRow string) (*Matrix, error) {
	cr, head, c, err := openTable(src, opt, hintEmptyMatrix)
	if err != nil {
		return nil, err
	}
	m := &Matrix{HeaderLine: head.line}
	width := len(head.fields)
	colAt := map[string]int{}
	for j := 1; j < width; j++ {
		id := strings.TrimSpace(head.fields[j])
		switch first, dup := colAt[id]; {
		case id == "":
			c.add(head.lineOf(j), j+1, "column id is empty", "write an id for every column of the header after the first cell")
		case dup:
			c.add(head.lineOf(j), j+1, fmt.Sprintf("duplicate column id %s: first in column %d", quoteCell(id), first+1),
				"give each column its own id")
		default:
			colAt[id] = j
		}
		m.Cols = append(m.Cols, id)
	}
	if width < 2 {
		c.add(head.line, 2, "the header has no column ids", "write the column ids after the first cell of the header row")
		return nil, Problems(c.sorted())
	}
	delim := cr.t.delim
	rowAt := map[string]int{}
	capLine := 0
	for {
		rec, ok := cr.next()
		if !ok {
			break
		}
		if len(rec.fields) != width && !blankTail(rec.fields, width) {
			c.add(rec.line, raggedColumn(len(rec.fields), width), fmt.Sprintf("row has %d fields but the header has %d", len(rec.fields), width),
				fmt.Sprintf("check for a missing or extra %s, and put cells that contain one in quotes", delimWord(delim)))
			continue
		}
		id := strings.TrimSpace(rec.fields[0])
		if capacityRow != "" && strings.EqualFold(id, capacityRow) {
			if capLine > 0 {
				c.add(rec.line, 1, fmt.Sprintf("duplicate capacity row %s: first on line %d", quoteCell(id), capLine), "keep one capacity row")
				continue
			}
			capLine = rec.line
			m.Capacity = make([]int, width-1)
			for j := 1; j < width; j++ {
				m.Capacity[j-1] = readCapacity(c, &rec, j, delim)
			}
			continue
		}
		switch first, dup := rowAt[id]; {
		case id == "":
			c.add(rec.line, 1, "row id is empty", "write the row id in the first cell of every row")
		case dup:
			c.add(rec.line, 1, fmt.Sprintf("duplicate row id %s: first on line %d", quoteCell(id), first), "give each row its own id")
		default:
			rowAt[id] = rec.line
		}
		m.Rows = append(m.Rows, id)
		m.RowLines = append(m.RowLines, rec.line)
		for j := 1; j < width; j++ {
			m.Cells = append(m.Cells, readMatrixCell(c, &rec, j, delim))
		}
	}
	if len(m.Rows) == 0 && len(c.list) == 0 {
		c.add(head.line, 0, "the file has a header but no rows", "add one row per row id below the header")
	}
	if capacityRow != "" && capLine == 0 && len(c.list) == 0 {
		c.addFile(fmt.Sprintf("no row %q with the column capacities", capacityRow),
			fmt.Sprintf("add a row whose first cell is %s and whose cells give each column's capacity", capacityRow))
	}
	if len(c.list) > 0 {
		return nil, Problems(c.sorted())
	}
	m.CapacityLine = capLine
	return m, nil
}

const hintEmptyMatrix = "write the column ids in the header row and one row per row id below it"

// openTable decodes a CSV file other than the six input files (a matrix, a
// plan) and reads its header record. Problems in the file come back as
// [Problems]; an invalid forced delimiter as a plain error.
func openTable(src Source, opt ReadOptions, emptyHint string) (*csvReader, record, *collector, error) {
	if opt.Delimiter != 0 && !validDelimiter(opt.Delimiter) {
		return nil, record{}, nil, fmt.Errorf("data: invalid delimiter %q", opt.Delimiter)
	}
	c := &collector{file: src.Name}
	var notes Notes
	t, ok := decodeText(&src, opt.Delimiter, emptyHint, c, &notes)
	if !ok || !checkLines(&t, opt.Limits.withDefaults().MaxLine, c) {
		return nil, record{}, nil, Problems(c.sorted())
	}
	cr := newCSVReader(&t, c)
	head, ok := cr.next()
	if !ok {
		if len(c.list) == 0 {
			c.add(1, 1, "file is empty", emptyHint)
		}
		return nil, record{}, nil, Problems(c.sorted())
	}
	return cr, head, c, nil
}

func readMatrixCell(c *collector, rec *record, j int, delim rune) float64 {
	s := strings.TrimSpace(rec.fields[j])
	if s == "" || s == "x" || s == "X" {
		return math.Inf(1)
	}
	f, comma, ok := parseNumber(s)
	switch {
	case !ok:
		c.add(rec.lineOf(j), j+1, notNumber(s, "a number"),
			"write a number, or leave the cell empty or write x to forbid the pair")
	case comma && delim == ',':
		c.add(rec.lineOf(j), j+1, fmt.Sprintf("%s has a decimal comma in a comma-separated file", quoteCell(s)),
			"write "+strings.Replace(s, ",", ".", 1)+" with a decimal point, or save the file with ';' as separator")
	case math.Abs(f) > model.MaxExactCost:
		c.add(rec.lineOf(j), j+1, fmt.Sprintf("%s is too large to be computed exactly: at most %d in magnitude", quoteCell(s), int64(model.MaxExactCost)),
			"scale every value of the matrix down, dividing them all by the same number")
	default:
		return f
	}
	return math.Inf(1)
}

func readCapacity(c *collector, rec *record, j int, delim rune) int {
	var n number
	v, ok := n.parseInt(rec.fields[j])
	switch {
	case n.raw == "":
		return 1
	case ok && v.V < 0:
		n.msg = fmt.Sprintf("%s is negative", quoteCell(n.raw))
	}
	if msg, hint := n.check(delim, "write how many rows the column can take, 0 or more, or leave the cell empty for 1"); msg != "" {
		c.add(rec.lineOf(j), j+1, "capacity "+msg, hint)
		return 0
	}
	return v.V
}
