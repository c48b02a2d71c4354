package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Kind tells how a column's cells are to be read.
type Kind int

// The kinds of column.
const (
	// Text cells are written as they are.
	Text Kind = iota
	// Number cells hold a decimal number formatted with fixed decimals, or
	// "" when there is no value. They are right-aligned in text tables and
	// written as JSON numbers (null when empty).
	Number
	// Strip cells hold several numbers in [0,1] separated by spaces, one per
	// entry of the column's Parts: the committee pack draws them as a strip
	// of small shaded cells. Other writers treat them as text.
	Strip
)

// Column describes one column of a table.
type Column struct {
	Key   string // stable name: CSV header and JSON key
	Label string // header shown to people, in the chosen language
	Kind  Kind
	Parts []string // for a Strip column: the label of each number
}

// Table is a titled grid of formatted cells. Each row has one cell per
// column; a row of another length is a programming error and makes the
// writers panic.
type Table struct {
	Name    string // stable name, used for file and sheet names
	Title   string // shown above the table in documents
	Columns []Column
	Rows    [][]string
	// The committee pack reads the fields below; the other writers ignore
	// them. Meta, when not nil, has one entry per row (see [RowMeta]).
	Meta   []RowMeta
	Source string // the CSV file that holds every row, named when the pack shows fewer
	Full   string // for a DocOnly view: the Name of the table whose sheet has every row
	Media  Media  // where the committee pack shows the table
	Whole  bool   // a summary: shown in full whatever the pack's row limit
}

// Media tells which documents of the committee pack show a table.
type Media int

// The documents that show a table.
const (
	// Everywhere: the HTML and Markdown documents and the workbook.
	Everywhere Media = iota
	// SheetOnly: the workbook only (full numbers that would not print).
	SheetOnly
	// DocOnly: the HTML and Markdown documents only (a view of a table the
	// workbook has in full).
	DocOnly
)

// RowMeta says how the committee pack treats one row of a table.
type RowMeta struct {
	Keep bool   // the committee must see the row: it comes first when rows are limited
	ID   string // HTML id of the row, for links from elsewhere; "" for none
	Link string // id the row's first cell links to; "" for none
}

// AddMeta appends a row with its [RowMeta]. It panics if the row does not
// have one cell per column.
func (t *Table) AddMeta(m RowMeta, cells ...string) {
	for len(t.Meta) < len(t.Rows) {
		t.Meta = append(t.Meta, RowMeta{})
	}
	t.Add(cells...)
	t.Meta = append(t.Meta, m)
}

// meta returns the [RowMeta] of row i, the zero value when there is none.
func (t *Table) meta(i int) RowMeta {
	if i < len(t.Meta) {
		return t.Meta[i]
	}
	return RowMeta{}
}

// Keys returns the stable column keys, in order.
func (t *Table) Keys() []string {
	keys := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		keys[i] = c.Key
	}
	return keys
}

// Labels returns the column labels, in order.
func (t *Table) Labels() []string {
	labels := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		labels[i] = c.Label
	}
	return labels
}

// Add appends a row. It panics if the row does not have one cell per column.
func (t *Table) Add(cells ...string) {
	if len(cells) != len(t.Columns) {
		panic(fmt.Sprintf("reports: table %s: row has %d cells, want %d", t.Name, len(cells), len(t.Columns)))
	}
	t.Rows = append(t.Rows, cells)
}

// WriteText writes the table for a terminal, with box borders, labels as
// they are (no automatic upper-casing) and numbers right-aligned.
func WriteText(w io.Writer, t *Table) error {
	aligns := make([]tw.Align, len(t.Columns))
	for i, c := range t.Columns {
		aligns[i] = tw.AlignLeft
		if c.Kind == Number {
			aligns[i] = tw.AlignRight
		}
	}
	var buf bytes.Buffer
	tbl := tablewriter.NewTable(&buf,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	tbl.Header(t.Labels())
	for _, row := range t.Rows {
		// Append keeps the slice it is given: pass a copy.
		if err := tbl.Append(append([]string(nil), row...)); err != nil {
			return fmt.Errorf("reports: table %s: %w", t.Name, err)
		}
	}
	if err := tbl.Render(); err != nil {
		return fmt.Errorf("reports: table %s: %w", t.Name, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteMarkdown writes the table as a GitHub-flavoured Markdown table, with
// '|' escaped and line breaks inside cells turned into spaces.
func WriteMarkdown(w io.Writer, t *Table) error {
	var b strings.Builder
	b.WriteString("|")
	for _, c := range t.Columns {
		b.WriteString(" " + mdCell(c.Label) + " |")
	}
	b.WriteString("\n|")
	for _, c := range t.Columns {
		if c.Kind == Number {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, row := range t.Rows {
		if len(row) != len(t.Columns) {
			panic(fmt.Sprintf("reports: table %s: row has %d cells, want %d", t.Name, len(row), len(t.Columns)))
		}
		b.WriteString("|")
		for _, cell := range row {
			b.WriteString(" " + mdCell(cell) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscaper escapes, in a table cell, every character that could start
// Markdown or GFM syntax: emphasis, code, links and images, raw HTML and
// entities, strikethrough, the cell separator, and the autolinks that GFM
// makes of "http://", "www." and e-mail addresses. Line breaks become
// spaces, as a cell holds one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"!", `\!`, "~", `\~`, "<", `\<`, ">", `\>`, "&", `\&`, "@", `\@`, "://", `\://`,
	"www.", `www\.`, "WWW.", `WWW\.`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func mdCell(s string) string { return VisibleControls(mdEscaper.Replace(s)) }

// MarkdownText escapes s for a one-line Markdown heading or paragraph, so
// that no text of the data forms a link, an image, emphasis or HTML.
func MarkdownText(s string) string { return mdText(s) }

// WriteJSON writes the table as a JSON array of objects keyed by column key,
// in column order, with Number cells as JSON numbers (null when empty).
func WriteJSON(w io.Writer, t *Table) error {
	var b bytes.Buffer
	b.WriteString("[")
	for r, row := range t.Rows {
		if len(row) != len(t.Columns) {
			panic(fmt.Sprintf("reports: table %s: row has %d cells, want %d", t.Name, len(row), len(t.Columns)))
		}
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, c := range t.Columns {
			if i > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c.Key)
			b.Write(k)
			b.WriteString(": ")
			b.WriteString(jsonValue(c.Kind, row[i]))
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func jsonValue(k Kind, cell string) string {
	if k == Number {
		if cell == "" {
			return "null"
		}
		if json.Valid([]byte(cell)) {
			var n json.Number
			if json.Unmarshal([]byte(cell), &n) == nil {
				return cell
			}
		}
	}
	v, _ := json.Marshal(cell)
	return string(v)
}
