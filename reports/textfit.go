package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
)

// VisibleControls returns s with every control character shown as a
// visible escape, so that data can never move the cursor, ring the bell,
// change colours or reorder text on a terminal: tab, line feed and carriage
// return as \t, \n and \r, other C0 and C1 controls and DEL as \xHH or
// \u00HH, and the bidirectional embedding, override and isolate marks as
// \u202E and the like. A backslash is left as it is.
func VisibleControls(s string) string {
	if strings.IndexFunc(s, needsEscape) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F
}

// Terminal layout limits.
const (
	minTextWidth = 10 // a shrunk text column keeps at least this many cells
	maxCellLines = 3  // a wrapped cell takes at most this many lines
)

// WriteTextWidth writes the table as [WriteText] does, with control
// characters shown as escapes (see [VisibleControls]), fitted to a terminal
// of width cells (0: no limit). When the table is wider, the widest text
// columns are narrowed, one cell at a time, down to 10 cells; their cells
// are wrapped at spaces onto at most three lines, the last one cut with
// "…" when the text is longer. Numbers and ids (the columns whose key is
// "id", "row", "column" or ends in "_id") are never wrapped or cut, so a
// table whose numbers and ids alone are too wide stays wider than width.
func WriteTextWidth(w io.Writer, t *Table, width int) error {
	v := &Table{Name: t.Name, Title: t.Title, Columns: t.Columns, Rows: make([][]string, len(t.Rows))}
	labels := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		labels[i] = VisibleControls(c.Label)
	}
	for r, row := range t.Rows {
		v.Rows[r] = make([]string, len(row))
		for i, cell := range row {
			v.Rows[r][i] = VisibleControls(cell)
		}
	}
	if width > 0 {
		fitColumns(v, labels, width)
	}
	cols := make([]Column, len(v.Columns))
	copy(cols, v.Columns)
	for i := range cols {
		cols[i].Label = labels[i]
	}
	v.Columns = cols
	return WriteText(w, v)
}

// fixedColumn reports whether a column is never wrapped or cut.
func fixedColumn(c Column) bool {
	return c.Kind == Number || c.Key == "id" || c.Key == "row" || c.Key == "column" || strings.HasSuffix(c.Key, "_id")
}

// fitColumns narrows the text columns of v (and their labels) until the
// table, borders included, fits width, then wraps their cells.
func fitColumns(v *Table, labels []string, width int) {
	n := len(v.Columns)
	widths := make([]int, n)
	for i := range v.Columns {
		widths[i] = runewidth.StringWidth(labels[i])
		for _, row := range v.Rows {
			for _, line := range strings.Split(row[i], "\n") {
				widths[i] = max(widths[i], runewidth.StringWidth(line))
			}
		}
	}
	total := func() int {
		s := 3*n + 1 // "│ " before each column, " " after, and the last "│"
		for _, x := range widths {
			s += x
		}
		return s
	}
	natural := append([]int(nil), widths...)
	for total() > width {
		widest := -1
		for i, c := range v.Columns {
			if !fixedColumn(c) && widths[i] > minTextWidth && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		widths[widest]--
	}
	for i := range v.Columns {
		if widths[i] >= natural[i] {
			continue
		}
		labels[i] = wrapCell(labels[i], widths[i])
		for _, row := range v.Rows {
			row[i] = wrapCell(row[i], widths[i])
		}
	}
}

// wrapCell breaks s into lines of at most width cells, at spaces where it
// can and inside a word where it must, keeping at most maxCellLines lines
// and ending the last with "…" when text was left out.
func wrapCell(s string, width int) string {
	if runewidth.StringWidth(s) <= width {
		return s
	}
	var lines []string
	line := ""
	flush := func() {
		lines = append(lines, line)
		line = ""
	}
	for _, word := range strings.Fields(s) {
		for runewidth.StringWidth(word) > width {
			// A word longer than the column: break it.
			if line != "" {
				flush()
			}
			head := runewidth.Truncate(word, width, "")
			lines = append(lines, head)
			word = word[len(head):]
		}
		switch {
		case line == "":
			line = word
		case runewidth.StringWidth(line)+1+runewidth.StringWidth(word) <= width:
			line += " " + word
		default:
			flush()
			line = word
		}
	}
	if line != "" {
		flush()
	}
	if len(lines) > maxCellLines {
		last := lines[maxCellLines-1] + " " + lines[maxCellLines]
		lines = append(lines[:maxCellLines-1], runewidth.Truncate(last+"…", width, "…"))
	}
	return strings.Join(lines, "\n")
}
