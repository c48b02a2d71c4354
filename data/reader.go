package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
)

// header is the header row of one file mapped onto the file's column table.
type header struct {
	line  int      // physical line of the header row
	width int      // number of fields in the header row
	phys  []int    // table column index → field index in the file, -1 when absent
	names []string // the header's fields, as in the file
}

// has reports whether the table column k is present in the file.
func (h *header) has(k int) bool { return h != nil && h.phys[k] >= 0 }

// readHeader matches the header record against cols. Duplicate and missing
// required columns are reported to c; unknown columns are listed in notes.
func readHeader(rec record, cols []Column, idx headerIndex, c *collector, notes *Notes) *header {
	h := &header{line: rec.line, width: len(rec.fields), phys: make([]int, len(cols)), names: slices.Clone(rec.fields)}
	for k := range h.phys {
		h.phys[k] = -1
	}
	var unknown []string
	for i, name := range rec.fields {
		name = strings.TrimSpace(name)
		k, ok := idx[HeaderKey(name)]
		if !ok {
			if name != "" {
				unknown = append(unknown, fmt.Sprintf("%s (column %d)", quoteCell(name), i+1))
			}
			continue
		}
		if first := h.phys[k]; first >= 0 {
			c.add(rec.lineOf(i), i+1,
				fmt.Sprintf("duplicate column: %s is the %s column, like column %d %s", quoteCell(name), cols[k].Name, first+1, quoteCell(strings.TrimSpace(rec.fields[first]))),
				"remove or rename one of the two columns")
			continue
		}
		h.phys[k] = i
	}
	for k, col := range cols {
		if col.Required && h.phys[k] < 0 {
			// At the column where it would be added: after the last one.
			c.add(h.line, h.width+1, fmt.Sprintf("missing required column %q", col.Name), addColumnHint(col))
		}
	}
	if known := recognised(rec.fields, cols, h); len(known) > 0 {
		*notes = append(*notes, fmt.Sprintf("%s: recognised columns: %s", c.file, strings.Join(known, ", ")))
	}
	if len(unknown) > 0 {
		*notes = append(*notes, fmt.Sprintf("%s: ignored columns not used by stretchmatch: %s", c.file, strings.Join(unknown, ", ")))
	}
	return h
}

// recognised lists the columns of the file that were matched, in the
// file's order, each as its header and, when that differs, the standard
// name it was read as: `"Matricule" (column 1) as id`.
func recognised(fields []string, cols []Column, h *header) []string {
	byField := make([]int, len(fields))
	for i := range byField {
		byField[i] = -1
	}
	for k, i := range h.phys {
		if i >= 0 {
			byField[i] = k
		}
	}
	var out []string
	for i, k := range byField {
		if k < 0 {
			continue
		}
		name := strings.TrimSpace(fields[i])
		s := fmt.Sprintf("%s (column %d)", quoteCell(name), i+1)
		if name != cols[k].Name {
			s += " as " + cols[k].Name
		}
		out = append(out, s)
	}
	return out
}

func addColumnHint(col Column) string {
	names := col.Aliases
	if len(names) > 4 {
		names = names[:4]
	}
	return fmt.Sprintf("add a column named %s to the header; other accepted names include %s", col.Name, strings.Join(names, ", "))
}

// checkCells reports the problems of the decoded cells of rec (and an
// empty required cell) to fs, and keeps their warnings.
func checkCells(fs *fileState, cols []Column, cells []cell, rec *record, delim rune) {
	h, c := fs.h, &fs.c
	for k, cl := range cells {
		f := h.phys[k]
		if f < 0 {
			continue
		}
		if msg, hint := cl.problem(delim); msg != "" {
			c.add(rec.lineOf(f), f+1, cols[k].Name+" "+msg, hint)
		} else if cols[k].Required && cl.empty() {
			c.add(rec.lineOf(f), f+1, cols[k].Name+" is empty", "fill in the "+cols[k].Name+", or remove the row")
		} else if w, ok := cl.(warner); ok {
			if msg, hint := w.warning(); msg != "" {
				fs.warn = append(fs.warn, Problem{File: c.file, Line: rec.lineOf(f), Col: f + 1, Msg: cols[k].Name + " " + msg, Hint: hint})
			}
		}
	}
}

// chunkRows is how many rows are decoded by gocsv at a time, so that memory
// beyond the dataset stays bounded whatever the size of the file.
const chunkRows = 1024

// rowsDecoder hands a batch of rows, canonical header first, to gocsv.
type rowsDecoder struct{ rows [][]string }

// GetCSVRows implements gocsv.Decoder.
func (d *rowsDecoder) GetCSVRows() ([][]string, error) { return d.rows, nil }

// rowPtr is a pointer to a row struct.
type rowPtr[R any] interface {
	*R
	cells([]cell) []cell
}

// decodeRows reads every data record from cr, reports ragged records and
// bad or missing cells to fs, and calls each for every record that has the
// right number of fields (bad cells included, so that ids still count in
// the cross-checks). The key (first table column) of a ragged record is
// remembered in fs.partial so that references to it are not reported as
// unknown too. It returns the number of data records seen, ragged ones and
// ones with a syntax error included.
func decodeRows[R any, P rowPtr[R]](cr *csvReader, fs *fileState, cols []Column, each func(P, *record)) int {
	h, c := fs.h, &fs.c
	names := make([]string, len(cols))
	for k, col := range cols {
		names[k] = col.Name
	}
	chunk := max(1, min(chunkRows, cr.estimateRows()))
	batch := make([][]string, 1, chunk+1)
	batch[0] = names
	bufs := make([][]string, chunk)
	recs := make([]record, 0, chunk)
	out := make([]R, chunk)
	var cellBuf []cell
	delim := cr.t.delim

	flush := func() {
		if len(recs) == 0 {
			return
		}
		rows := out[:len(recs)]
		if err := gocsv.UnmarshalDecoder(&rowsDecoder{rows: batch}, &rows); err != nil {
			// Typed cells never fail, so this is a bug, not bad data.
			c.add(recs[0].line, 0, "internal error while decoding: "+err.Error(), "please report this")
			recs, batch = recs[:0], batch[:1]
			return
		}
		for i := range recs {
			rec := &recs[i]
			p := P(&rows[i])
			cellBuf = p.cells(cellBuf)
			checkCells(fs, cols, cellBuf, rec, delim)
			each(p, rec)
		}
		recs, batch = recs[:0], batch[:1]
	}

	seen := 0
	for {
		rec, ok := cr.next()
		if !ok {
			break
		}
		seen++
		if len(rec.fields) != h.width && !blankTail(rec.fields, h.width) {
			c.add(rec.line, raggedColumn(len(rec.fields), h.width),
				fmt.Sprintf("row has %d fields but the header has %d", len(rec.fields), h.width),
				fmt.Sprintf("check for a missing or extra %s, and put cells that contain one in quotes", delimWord(delim)))
			if f := h.phys[0]; f >= 0 && f < len(rec.fields) {
				if fs.partial == nil {
					fs.partial = make(map[string]bool)
				}
				fs.partial[strings.TrimSpace(rec.fields[f])] = true
			}
			continue
		}
		row := bufs[len(recs)]
		if row == nil {
			row = make([]string, len(cols))
			bufs[len(recs)] = row
		}
		for k, f := range h.phys {
			if f >= 0 {
				row[k] = rec.fields[f]
			} else {
				row[k] = ""
			}
		}
		batch = append(batch, row)
		recs = append(recs, rec)
		if len(recs) == chunk {
			flush()
		}
	}
	flush()
	return seen + cr.broken
}

// blankTail reports whether fields has more than width fields and all the
// extra ones are blank: spreadsheets often leave trailing separators.
// raggedColumn returns the column to report for a row of n fields under a
// header of width fields: the first extra field, or the first missing one.
func raggedColumn(n, width int) int { return min(n, width) + 1 }

func blankTail(fields []string, width int) bool {
	if len(fields) <= width {
		return false
	}
	for _, f := range fields[width:] {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func delimWord(r rune) string {
	switch r {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return strconv.QuoteRune(r)
}
