package reports

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// packTimestamp is the creation and modification time written in every
// workbook, so that reruns give byte-identical files.
const packTimestamp = "2000-01-01T00:00:00Z"

// Column widths of the workbook, in characters.
const (
	xlsxMinWidth = 8.0
	xlsxMaxWidth = 60.0
)

// WritePackXLSX writes p as an Excel workbook with one sheet per table, in
// the order of the pack (the first sheet is the first table of the first
// section, and it is the active one). A sheet is named after its table's
// Name, made valid for Excel: at most 31 characters, none of []:*?/\, unique
// regardless of case ("moves (2)" for a repeat). Row 1 holds the column
// labels, bold on a fill, frozen, with an autofilter and repeated on every
// printed page; sheets print on A4 landscape, one page wide.
//
// Number cells are stored as numbers with a format showing as many decimals
// as the formatted cell ("0.00" for "3.25"); an empty Number cell stays
// empty, and one that does not parse as a number is stored as text. Text
// cells are always stored as strings, never as formulas, even when they
// begin with '=', '+', '-' or '@'. The document properties carry the title,
// the run line as subject, "stretchmatch" as creator and a fixed date, so
// that the same pack always gives the same bytes. Charts are left out.
//
// WritePackXLSX panics if a table row does not have one cell per column.
func WritePackXLSX(w io.Writer, p *Pack) error { return WritePackXLSXIn(w, p, "") }

// WritePackXLSXIn is WritePackXLSX with the temporary files in dir (""
// for the system's folder): a sheet of more than 16 MB of XML is buffered
// in a file there while the workbook is written, and removed with it. A
// caller that may be stopped before that (by a signal) gives a private
// folder it removes itself.
func WritePackXLSXIn(w io.Writer, p *Pack, dir string) error {
	var opts []excelize.Options
	if dir != "" {
		opts = append(opts, excelize.Options{TmpDir: dir})
	}
	f := excelize.NewFile(opts...)
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	if err := writePackSheets(f, p); err != nil {
		return fmt.Errorf("reports: pack %q: %w", p.Title, err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("reports: pack %q: %w", p.Title, err)
	}
	return nil
}

func writePackSheets(f *excelize.File, p *Pack) error {
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	names := uniqueNamer{fit: fitSheetName}
	const blank = "Sheet1" // the sheet of a new workbook
	// Every sheet is made and the first made active before any is written:
	// setting the active sheet reads every sheet back, which would parse
	// again what the stream writers wrote.
	type sheet struct {
		name string
		t    *Table
	}
	var sheets []sheet
	for i := range p.Sections {
		for _, t := range p.Sections[i].tables() {
			if !inWorkbook(t) {
				continue
			}
			checkRows(t)
			name := names.name(sheetBase(t.Name))
			if len(sheets) == 0 {
				err = f.SetSheetName(blank, name)
			} else {
				_, err = f.NewSheet(name)
			}
			if err != nil {
				return err
			}
			sheets = append(sheets, sheet{name, t})
		}
	}
	f.SetActiveSheet(0)
	for _, sh := range sheets {
		if err := writeSheet(f, sh.name, sh.t, st); err != nil {
			return fmt.Errorf("table %s: %w", sh.t.Name, err)
		}
	}
	if len(sheets) == 0 {
		// No table: say so on the only sheet rather than leave it blank.
		if err := f.SetCellStr(blank, "A1", p.Title); err != nil {
			return err
		}
		if err := f.SetCellStr(blank, "A2", packT(p.Lang, "pack_empty")); err != nil {
			return err
		}
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:          p.Title,
		Subject:        p.Subtitle,
		Creator:        "stretchmatch",
		LastModifiedBy: "stretchmatch",
		Created:        packTimestamp,
		Modified:       packTimestamp,
		Language:       htmlLang(p.Lang),
	})
}

// xlsxStyles holds the style ids of a workbook. Number styles are made on
// first use, one per count of decimals.
type xlsxStyles struct {
	f                   *excelize.File
	head, headNum, wrap int
	numbers             map[int]int // decimals -> style id; lookups only
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}
	border := []excelize.Border{{Type: "bottom", Color: "8EA9C1", Style: 1}}
	font := &excelize.Font{Bold: true, Color: "1F2933"}
	st := &xlsxStyles{f: f, numbers: make(map[int]int)}
	var err error
	if st.head, err = f.NewStyle(&excelize.Style{Font: font, Fill: fill, Border: border,
		Alignment: &excelize.Alignment{Vertical: "center"}}); err != nil {
		return nil, err
	}
	if st.headNum, err = f.NewStyle(&excelize.Style{Font: font, Fill: fill, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}); err != nil {
		return nil, err
	}
	if st.wrap, err = f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return nil, err
	}
	return st, nil
}

// number returns the style showing a number with decimals digits after the
// point.
func (st *xlsxStyles) number(decimals int) (int, error) {
	if id, ok := st.numbers[decimals]; ok {
		return id, nil
	}
	format := "0"
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	id, err := st.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	st.numbers[decimals] = id
	return id, nil
}

// writeSheet fills the sheet name with t: labels in row 1, then the rows.
// The rows go through excelize's stream writer, which writes each row's XML
// once instead of building the whole sheet in memory first (at 200,000
// people the workbook took 13 s of processor time the other way); what the
// stream writer cannot set after its first row (column widths, panes, the
// page setup and the autofilter) is set before it.
func writeSheet(f *excelize.File, name string, t *Table, st *xlsxStyles) error {
	if len(t.Columns) == 0 {
		return nil
	}
	widths := make([]int, len(t.Columns))
	for c, col := range t.Columns {
		widths[c] = utf8.RuneCountInString(col.Label) + 2 // room for the filter button
	}
	for _, row := range t.Rows {
		for c, v := range row {
			widths[c] = max(widths[c], utf8.RuneCountInString(v))
		}
	}
	last := len(t.Columns)
	lastCol, _ := excelize.ColumnNumberToName(last)
	// The autofilter first: it rewrites the sheet properties printSetup
	// then completes.
	if err := f.AutoFilter(name, "A1:"+lastCol+strconv.Itoa(len(t.Rows)+1), nil); err != nil {
		return err
	}
	if err := printSetup(f, name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// wrapped[c]: text too long to show on one line wraps inside column c.
	wrapped := make([]bool, len(t.Columns))
	for c, n := range widths {
		width := math.Min(math.Max(math.Round(float64(n)*11+20)/10, xlsxMinWidth), xlsxMaxWidth)
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
		wrapped[c] = t.Columns[c].Kind == Text && width == xlsxMaxWidth && len(t.Rows) > 0
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	cells := make([]any, len(t.Columns))
	for c, col := range t.Columns {
		style := st.head
		if col.Kind == Number {
			style = st.headNum
		}
		cells[c] = excelize.Cell{StyleID: style, Value: col.Label}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, v := range row {
			cell, err := sheetCell(t.Columns[c].Kind, v, st)
			if err != nil {
				return err
			}
			if wrapped[c] {
				cell.StyleID = st.wrap
			}
			cells[c] = cell
		}
		ref, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sheetCell is one cell of a table row: a number in a Number column when
// it parses as a finite number, with a style showing as many decimals as
// v; a string otherwise (the stream writer stores it as an inline string:
// Excel never reads it as a formula); nothing for an empty v.
func sheetCell(k Kind, v string, st *xlsxStyles) (excelize.Cell, error) {
	if v == "" {
		return excelize.Cell{}, nil
	}
	if k == Number {
		if x, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			style, err := st.number(numberDecimals(v))
			if err != nil {
				return excelize.Cell{}, err
			}
			return excelize.Cell{StyleID: style, Value: x}, nil
		}
	}
	return excelize.Cell{Value: v}, nil
}

// printSetup makes the sheet print on A4 landscape, one page wide, with the
// header row on every page.
func printSetup(f *excelize.File, sheet string) error {
	size, orientation := 9, "landscape" // 9 is A4 in the OOXML paper codes
	wide, tall := 1, 0                  // 0: as many pages down as needed
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$1:$1",
		Scope:    sheet,
	})
}

// sortedZip is the workbook's zip writer: it holds every entry until Close
// and then writes them in one order, names descending (excelize writes
// the sheets of stream writers in the order of a map, so the same pack
// would otherwise give different bytes).
type sortedZip struct {
	w       io.Writer
	entries []zipEntry
}

type zipEntry struct {
	name string
	body *bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	e := zipEntry{name: name, body: new(bytes.Buffer)}
	z.entries = append(z.entries, e)
	return e.body, nil
}

func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("reports: workbook: adding a file system is not supported")
}

func (z *sortedZip) Close() error {
	slices.SortStableFunc(z.entries, func(a, b zipEntry) int { return strings.Compare(b.name, a.name) })
	// The entries are compressed side by side, at the fastest level: a
	// large pack's sheets are hundreds of megabytes of repetitive XML,
	// which that level still shrinks about tenfold. Each entry's bytes
	// depend only on its content, so the workbook stays byte-identical.
	packed := make([]packedEntry, len(z.entries))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(z.entries)) {
		wg.Go(func() {
			for k := range work {
				packed[k] = deflateEntry(z.entries[k])
			}
		})
	}
	for k := range z.entries {
		work <- k
	}
	close(work)
	wg.Wait()
	zw := zip.NewWriter(z.w)
	for _, p := range packed {
		if p.err != nil {
			return p.err
		}
		w, err := zw.CreateRaw(p.header)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// packedEntry is a compressed zip entry ready to be written raw.
type packedEntry struct {
	header *zip.FileHeader
	data   []byte
	err    error
}

func deflateEntry(e zipEntry) packedEntry {
	body := e.body.Bytes()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err == nil {
		_, err = fw.Write(body)
	}
	if err == nil {
		err = fw.Close()
	}
	h := &zip.FileHeader{
		Name:               e.name,
		Method:             zip.Deflate,
		CRC32:              crc32.ChecksumIEEE(body),
		CompressedSize64:   uint64(buf.Len()),
		UncompressedSize64: uint64(len(body)),
	}
	e.body.Reset() // the uncompressed sheet is no longer needed
	return packedEntry{header: h, data: buf.Bytes(), err: err}
}
