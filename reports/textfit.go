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
	roomyTextWidth = 10 // text columns are first narrowed down to this
	minTextWidth   = 6  // and then, when needed, down to this
	maxCellLines   = 3  // a wrapped cell takes at most this many lines
	maxLabelLines  = 4  // a wrapped label takes at most this many lines
)

// WriteTextWidth writes the table as [WriteText] does, with control
// characters shown as escapes (see [VisibleControls]), fitted to a terminal
// of width cells (0: no limit). When the table is wider, columns are
// narrowed one cell at a time, the widest first: text columns down to 10
// cells, then the labels of number and id columns down to their longest
// word, then text columns down to 6 cells, then those labels down to their
// widest cell. Text is wrapped at spaces onto at most three lines, the last
// one cut with "…" when the text is longer. The cells of numbers and ids
// (the columns whose key is "id", "row", "column" or ends in "_id") are
// never wrapped or cut, so a table whose numbers and ids alone are too wide
// stays wider than width.
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

// fixedColumn reports whether a column's cells are never wrapped or cut.
func fixedColumn(c Column) bool {
	return c.Kind == Number || c.Key == "id" || c.Key == "row" || c.Key == "column" || strings.HasSuffix(c.Key, "_id")
}

// textWidth is the width of the widest line of s.
func textWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, runewidth.StringWidth(line))
	}
	return w
}

// fitColumns narrows the columns of v (and their labels) until the table,
// borders included, fits width, then wraps their cells.
func fitColumns(v *Table, labels []string, width int) {
	n := len(v.Columns)
	natural, cells, word := make([]int, n), make([]int, n), make([]int, n)
	for i := range v.Columns {
		for _, row := range v.Rows {
			cells[i] = max(cells[i], textWidth(row[i]))
		}
		for _, f := range strings.Fields(labels[i]) {
			word[i] = max(word[i], runewidth.StringWidth(f))
		}
		natural[i] = max(cells[i], textWidth(labels[i]))
	}
	widths := append([]int(nil), natural...)
	total := func() int {
		s := 3*n + 1 // "│ " before each column, " " after, and the last "│"
		for _, x := range widths {
			s += x
		}
		return s
	}
	// The floor of each column in each phase.
	phases := []func(i int) int{
		func(i int) int { return textFloor(v.Columns[i], cells[i], word[i], roomyTextWidth) },
		func(i int) int { return fixedFloor(v.Columns[i], cells[i], word[i], true) },
		func(i int) int { return textFloor(v.Columns[i], cells[i], word[i], minTextWidth) },
		func(i int) int { return fixedFloor(v.Columns[i], cells[i], word[i], false) },
	}
	for _, floor := range phases {
		for total() > width {
			widest := -1
			for i := range v.Columns {
				if widths[i] > floor(i) && (widest < 0 || widths[i] > widths[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				break
			}
			widths[widest]--
		}
	}
	for i := range v.Columns {
		if widths[i] >= natural[i] {
			continue
		}
		labels[i] = wrapLines(labels[i], widths[i], maxLabelLines)
		if fixedColumn(v.Columns[i]) {
			continue
		}
		for _, row := range v.Rows {
			row[i] = wrapLines(row[i], widths[i], maxCellLines)
		}
	}
}

// textFloor is how narrow a text column may get: floor, or less when its
// cells and label are narrower; a fixed column does not move here.
func textFloor(c Column, cells, word, floor int) int {
	if fixedColumn(c) {
		return 1 << 30
	}
	return min(floor, max(cells, word))
}

// fixedFloor is how narrow a number or id column may get: its widest cell,
// and, while words keeps, the longest word of its label; a text column
// does not move here.
func fixedFloor(c Column, cells, word int, words bool) int {
	if !fixedColumn(c) {
		return 1 << 30
	}
	if words {
		return max(cells, word)
	}
	return max(cells, 1)
}

// wrapCell wraps s at width with at most maxCellLines lines.
func wrapCell(s string, width int) string { return wrapLines(s, width, maxCellLines) }

// wrapLines breaks s into lines of at most width cells, at spaces where it
// can and inside a word where it must, keeping at most maxLines lines and
// ending the last with "…" when text was left out.
func wrapLines(s string, width, maxLines int) string {
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
	if len(lines) > maxLines {
		last := lines[maxLines-1] + " " + lines[maxLines]
		lines = append(lines[:maxLines-1], runewidth.Truncate(last+"…", width, "…"))
	}
	return strings.Join(lines, "\n")
}
