package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// csvText is one CSV source decoded to UTF-8, with its byte-order mark and
// any leading "sep=" line removed, and its delimiter known.
type csvText struct {
	name       string
	body       []byte
	lineOffset int  // physical lines removed before body (the "sep=" line)
	delim      rune // field delimiter
}

// hintSaveUTF8 is what to do with a file that cannot be decoded.
const hintSaveUTF8 = `open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated`

// validDelimiter reports whether r can separate fields.
func validDelimiter(r rune) bool {
	return r != 0 && r != '"' && r != '\r' && r != '\n' && r != utf8.RuneError && utf8.ValidRune(r)
}

// decodeText turns the raw bytes of src into UTF-8 CSV text and finds its
// delimiter (forced when forced is not 0). Problems (empty file, with
// emptyHint,
// unreadable encoding) go to c, in which case ok is false. Facts worth
// telling with --verbose are appended to notes.
func decodeText(src *Source, forced rune, emptyHint string, c *collector, notes *Notes) (t csvText, ok bool) {
	t.name = src.Name
	data := src.Data
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, 0, "file is empty", emptyHint)
		return t, false
	}
	data, utf16Name, isUTF16 := fromUTF16(data)
	if notText(data, c) {
		return t, false
	}
	var enc string
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		if !utf8.Valid(data[3:]) {
			reportInvalidUTF8(c, data, 3)
			return t, false
		}
		data = data[3:]
		enc = EncodingUTF8BOM
	case isUTF16:
		enc = utf16Name
	case utf8.Valid(data):
		enc = EncodingUTF8
	case hasMultiByte(data):
		// Valid UTF-8 letters elsewhere: the file is UTF-8, damaged.
		reportInvalidUTF8(c, data, 0)
		return t, false
	default:
		// Five bytes have no character in Windows-1252: a file holding one
		// is in some other encoding, and decoding it would turn letters into
		// control characters.
		if i := indexUnmapped1252(data); i >= 0 {
			c.add(physicalLine(data, i), fieldColumn(data, i),
				fmt.Sprintf("unreadable encoding: byte 0x%02X is neither UTF-8 nor Windows-1252 (the file is in another encoding)", data[i]),
				hintSaveUTF8)
			return t, false
		}
		dec, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil { // cannot happen: every byte has a mapping
			c.add(0, 0, "unreadable encoding: "+err.Error(), hintSaveUTF8)
			return t, false
		}
		data = dec
		enc = "Windows-1252 (the bytes are not valid UTF-8)"
	}

	// Excel understands a first line "sep=;" naming the delimiter.
	if d, n := sepLine(data); n > 0 {
		data = data[n:]
		t.lineOffset = 1
		if forced == 0 {
			forced = d
		}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.add(0, 0, "file is empty", emptyHint)
		return t, false
	}
	// Old Mac files end lines with a lone CR.
	lineEnds := ""
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
		lineEnds = "; line ends CR (old Mac)"
	} else if !checkLoneCR(data, t.lineOffset, c) {
		return t, false
	}
	t.body = data
	how := "forced"
	if forced != 0 {
		t.delim = forced
	} else {
		t.delim = detectDelimiter(data)
		how = "detected from the header line"
	}
	*notes = append(*notes, fmt.Sprintf("%s: encoding %s; delimiter %s %s%s", src.Name, enc, delimName(t.delim), how, lineEnds))
	return t, true
}

// notText reports, to c, a workbook or a file holding NUL bytes, which no
// CSV reader can read, and tells whether it did.
func notText(data []byte, c *collector) bool {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		c.add(0, 0, "unreadable encoding: this is an Excel workbook (.xlsx), not a CSV file", hintSaveUTF8)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		c.add(0, 0, "unreadable encoding: this is an old Excel workbook (.xls), not a CSV file", hintSaveUTF8)
	case bytes.IndexByte(data, 0) >= 0:
		i := bytes.IndexByte(data, 0)
		c.add(physicalLine(data, i), fieldColumn(data, i), "unreadable encoding: the file contains NUL bytes (UTF-16 or not a text file)", hintSaveUTF8)
	default:
		return false
	}
	return true
}

// indexUnmapped1252 returns the offset of the first byte of b that has no
// character in Windows-1252, or -1.
func indexUnmapped1252(b []byte) int {
	for i, ch := range b {
		switch ch {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return i
		}
	}
	return -1
}

// fieldColumn returns the 1-based column of the field holding the byte at
// offset i of b: one more than the delimiters before it on its line,
// outside quotes. The delimiter is the one the header line suggests.
func fieldColumn(b []byte, i int) int {
	start := bytes.LastIndexAny(b[:i], "\r\n") + 1
	delim := byte(detectDelimiter(b))
	col, quoted := 1, false
	for _, ch := range b[start:i] {
		switch {
		case ch == '"':
			quoted = !quoted
		case ch == delim && !quoted:
			col++
		}
	}
	return col
}

// physicalLine returns the 1-based line of the byte at offset i of b; lines
// end with LF, or with a lone CR in a file that has no LF.
func physicalLine(b []byte, i int) int {
	sep := byte('\n')
	if bytes.IndexByte(b, '\n') < 0 {
		sep = '\r'
	}
	return bytes.Count(b[:i], []byte{sep}) + 1
}

// sepLine recognises a first line "sep=X" and returns X and the length of
// the line with its line break.
func sepLine(b []byte) (rune, int) {
	if len(b) < 5 || !strings.EqualFold(string(b[:4]), "sep=") {
		return 0, 0
	}
	r, size := utf8.DecodeRune(b[4:])
	if !validDelimiter(r) {
		return 0, 0
	}
	rest := b[4+size:]
	switch {
	case len(rest) == 0:
		return r, len(b)
	case rest[0] == '\n':
		return r, 4 + size + 1
	case len(rest) > 1 && rest[0] == '\r' && rest[1] == '\n':
		return r, 4 + size + 2
	}
	return 0, 0
}

// detectDelimiter counts commas, semicolons and tabs outside quotes on the
// first line (a quoted header cell may hold a line break) and returns the
// most frequent; ties go to ',' first, then ';'.
func detectDelimiter(b []byte) rune {
	var comma, semi, tab int
	inQuote := false
scan:
	for _, ch := range b {
		switch ch {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				break scan
			}
		case ',':
			if !inQuote {
				comma++
			}
		case ';':
			if !inQuote {
				semi++
			}
		case '\t':
			if !inQuote {
				tab++
			}
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

func delimName(r rune) string {
	switch r {
	case ',':
		return "',' (comma)"
	case ';':
		return "';' (semicolon)"
	case '\t':
		return "tab"
	}
	return fmt.Sprintf("%q", r)
}

// record is one CSV record with the physical lines of its fields.
type record struct {
	fields []string
	line   int   // physical line of the first field
	lines  []int // physical line of each field when the record spans several lines; nil otherwise
}

// lineOf returns the physical line of field i (0-based).
func (r *record) lineOf(i int) int {
	if r.lines != nil && i >= 0 && i < len(r.lines) {
		return r.lines[i]
	}
	return r.line
}

// blank reports whether every field of the record is empty or spaces, as in
// the ";;;;" rows spreadsheets leave below a table.
func (r *record) blank() bool {
	for _, f := range r.fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvReader reads the records of a csvText with a private encoding/csv
// reader, reporting syntax errors and skipping blank records.
type csvReader struct {
	t      *csvText
	r      *csv.Reader
	c      *collector
	done   bool
	broken int // records skipped for a syntax error or a cell too long
	// maxCell is the most characters a cell may hold.
	maxCell int
}

func newCSVReader(t *csvText, c *collector) *csvReader {
	r := csv.NewReader(bytes.NewReader(t.body))
	r.Comma = t.delim
	r.FieldsPerRecord = -1 // ragged rows are reported by the caller
	r.ReuseRecord = false
	return &csvReader{t: t, r: r, c: c, maxCell: SheetCellChars}
}

// estimateRows returns an upper bound of the number of data rows: the
// number of lines, less the header's.
func (cr *csvReader) estimateRows() int {
	n := bytes.Count(cr.t.body, []byte{'\n'})
	if len(cr.t.body) > 0 && cr.t.body[len(cr.t.body)-1] != '\n' {
		n++
	}
	return max(n-1, 0)
}

// next returns the next non-blank record, or false at the end of the
// input. Records with a syntax error are reported and skipped.
func (cr *csvReader) next() (record, bool) {
	for !cr.done {
		start := cr.r.InputOffset()
		fields, err := cr.r.Read()
		if err == io.EOF {
			cr.done = true
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				cr.c.add(0, 0, "cannot read the file: "+err.Error(), hintSaveUTF8)
				cr.done = true
				break
			}
			// A quote left open runs to the end of the input, with an odd
			// number of quotes since the start of the record.
			open := cr.r.InputOffset() == int64(len(cr.t.body)) &&
				bytes.Count(cr.t.body[start:], []byte{'"'})%2 == 1
			cr.syntaxError(pe, len(fields), open)
			cr.broken++
			continue
		}
		restoreNeutralized(fields)
		for i, f := range fields {
			fields[i] = nfc(f) // ids and names compare in normal form C
		}
		rec := record{fields: fields}
		first, _ := cr.r.FieldPos(0)
		last, _ := cr.r.FieldPos(len(fields) - 1)
		rec.line = first + cr.t.lineOffset
		if last != first {
			rec.lines = make([]int, len(fields))
			for i := range fields {
				l, _ := cr.r.FieldPos(i)
				rec.lines[i] = l + cr.t.lineOffset
			}
		}
		if rec.blank() {
			continue
		}
		if longCells(&rec, cr.maxCell, cr.c) {
			cr.broken++
			continue
		}
		return rec, true
	}
	return record{}, false
}

// syntaxError reports a CSV syntax error. done is the number of fields
// read before the error, so the faulty field is column done+1; open tells
// that a quote was left open up to the end of the input.
func (cr *csvReader) syntaxError(pe *csv.ParseError, done int, open bool) {
	off := cr.t.lineOffset
	col := done + 1
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		cr.c.add(pe.Line+off, col, `a quote " appears inside a cell that does not start with a quote`,
			`put the whole cell in quotes and double the quotes inside it: "5"" screen"`)
	case errors.Is(pe.Err, csv.ErrQuote) && open && pe.Line == pe.StartLine:
		cr.c.add(pe.StartLine+off, col, "the quote that opens this cell is never closed",
			`close the quote at the end of the cell and double the quotes inside it: "5"" screen"`)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line != pe.StartLine:
		cr.c.add(pe.StartLine+off, col,
			fmt.Sprintf("the quote that opens this cell is not closed properly: lines %d to %d were read as one cell", pe.StartLine+off, pe.Line+off),
			`close the quote at the end of the cell and double the quotes inside it: "5"" screen"`)
	case errors.Is(pe.Err, csv.ErrQuote):
		cr.c.add(pe.Line+off, col, "a quoted cell has text after its closing quote",
			`close the quote at the end of the cell and double the quotes inside it: "5"" screen"`)
	default:
		cr.c.add(pe.Line+off, col, pe.Err.Error(), hintSaveUTF8)
	}
}
