package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
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
func WritePackXLSX(w io.Writer, p *Pack) error {
	f := excelize.NewFile()
	defer f.Close()
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
	first := true
	for i := range p.Sections {
		for _, t := range p.Sections[i].tables() {
			if !inWorkbook(t) {
				continue
			}
			checkRows(t)
			name := names.name(sheetBase(t.Name))
			if first {
				err = f.SetSheetName(blank, name)
				first = false
			} else {
				_, err = f.NewSheet(name)
			}
			if err != nil {
				return err
			}
			if err := writeSheet(f, name, t, st); err != nil {
				return fmt.Errorf("table %s: %w", t.Name, err)
			}
		}
	}
	if first {
		// No table: say so on the only sheet rather than leave it blank.
		if err := f.SetCellStr(blank, "A1", p.Title); err != nil {
			return err
		}
		if err := f.SetCellStr(blank, "A2", packT(p.Lang, "pack_empty")); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
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
func writeSheet(f *excelize.File, name string, t *Table, st *xlsxStyles) error {
	if len(t.Columns) == 0 {
		return nil
	}
	widths := make([]int, len(t.Columns))
	for c, col := range t.Columns {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		if err := f.SetCellStr(name, cell, col.Label); err != nil {
			return err
		}
		style := st.head
		if col.Kind == Number {
			style = st.headNum
		}
		if err := f.SetCellStyle(name, cell, cell, style); err != nil {
			return err
		}
		widths[c] = utf8.RuneCountInString(col.Label) + 2 // room for the filter button
	}
	for r, row := range t.Rows {
		for c, v := range row {
			widths[c] = max(widths[c], utf8.RuneCountInString(v))
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			if err := writeCell(f, name, cell, t.Columns[c].Kind, v, st); err != nil {
				return err
			}
		}
	}

	last := len(t.Columns)
	lastCol, _ := excelize.ColumnNumberToName(last)
	for c, n := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		width := math.Min(math.Max(math.Round(float64(n)*11+20)/10, xlsxMinWidth), xlsxMaxWidth)
		if err := f.SetColWidth(name, col, col, width); err != nil {
			return err
		}
		if t.Columns[c].Kind == Text && width == xlsxMaxWidth && len(t.Rows) > 0 {
			// Too long to show on one line: wrap inside the column.
			from := col + "2"
			to := col + strconv.Itoa(len(t.Rows)+1)
			if err := f.SetCellStyle(name, from, to, st.wrap); err != nil {
				return err
			}
		}
	}

	if err := f.SetPanes(name, &excelize.Panes{
		Freeze:      true,
		YSplit:      1,
		TopLeftCell: "A2",
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := f.AutoFilter(name, "A1:"+lastCol+strconv.Itoa(len(t.Rows)+1), nil); err != nil {
		return err
	}
	return printSetup(f, name)
}

// writeCell stores one non-empty cell: a number in a Number column when it
// parses as a finite number, a string otherwise.
func writeCell(f *excelize.File, sheet, cell string, k Kind, v string, st *xlsxStyles) error {
	if k == Number {
		if x, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			if err := f.SetCellFloat(sheet, cell, x, -1, 64); err != nil {
				return err
			}
			style, err := st.number(numberDecimals(v))
			if err != nil {
				return err
			}
			return f.SetCellStyle(sheet, cell, cell, style)
		}
	}
	// SetCellStr stores a shared string: Excel never reads it as a formula.
	return f.SetCellStr(sheet, cell, v)
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
