package reports

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// renderXLSX writes p and opens the workbook back.
func renderXLSX(t *testing.T, p *Pack) ([]byte, *excelize.File) {
	t.Helper()
	var b bytes.Buffer
	if err := WritePackXLSX(&b, p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return b.Bytes(), f
}

func TestWritePackXLSXSheets(t *testing.T) {
	_, f := renderXLSX(t, samplePack(EN))
	want := []string{"summary", "moves", "pairs", "unmatched", "broken_pairs", "mentor_load", "run"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet %d, want 0", got)
	}
	p := samplePack(EN)
	for _, tbl := range packTables(p) {
		rows, err := f.GetRows(tbl.Name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(tbl.Rows)+1 {
			t.Errorf("sheet %s: %d rows, want %d", tbl.Name, len(rows), len(tbl.Rows)+1)
			continue
		}
		if !slices.Equal(rows[0], tbl.Labels()) {
			t.Errorf("sheet %s: header %q, want %q", tbl.Name, rows[0], tbl.Labels())
		}
		// Cells read back as shown: numbers through their number format.
		for r, row := range tbl.Rows {
			got := rows[r+1]
			for c, want := range row {
				cell := ""
				if c < len(got) {
					cell = got[c]
				}
				if cell != want {
					t.Errorf("sheet %s row %d col %d: %q, want %q", tbl.Name, r+2, c+1, cell, want)
				}
			}
		}
		panes, err := f.GetPanes(tbl.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
			t.Errorf("sheet %s: panes %+v, want row 1 frozen", tbl.Name, panes)
		}
	}
}

func TestWritePackXLSXHeaderAndFilter(t *testing.T) {
	_, f := renderXLSX(t, smallPack(FR))
	if got, want := f.GetSheetList(), []string{"summary", "moves", "exceptions"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, _ := f.GetRows("moves")
	if want := []string{"Mouvement", "Personne", "Défi", "Soutien", "Raisons"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %q, want %q", rows[0], want)
	}
	for _, cell := range []string{"A1", "C1", "E1"} {
		id, _ := f.GetCellStyle("moves", cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.Font == nil || !st.Font.Bold || st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 {
			t.Errorf("header %s: style %+v, want bold on a fill", cell, st)
		}
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	for sheet, want := range map[string]string{
		"summary":    "'summary'!$A$1:$C$4",
		"moves":      "'moves'!$A$1:$E$4",
		"exceptions": "'exceptions'!$A$1:$B$1",
	} {
		if filters[sheet] != want {
			t.Errorf("sheet %s: autofilter on %q, want %q", sheet, filters[sheet], want)
		}
	}
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		w, err := f.GetColWidth("moves", col)
		if err != nil {
			t.Fatal(err)
		}
		if w < xlsxMinWidth || w > xlsxMaxWidth {
			t.Errorf("column %s is %.1f wide, want %.0f to %.0f", col, w, xlsxMinWidth, xlsxMaxWidth)
		}
	}
	short, _ := f.GetColWidth("moves", "A") // "Mouvement", "M1"…
	long, _ := f.GetColWidth("moves", "E")  // "nouvelle fonction ; à l'étranger"
	if long <= short {
		t.Errorf("the reasons column (%.1f) is not wider than the id column (%.1f)", long, short)
	}
}

func TestWritePackXLSXCells(t *testing.T) {
	_, f := renderXLSX(t, smallPack(EN))
	const sheet = "moves"

	// A Number cell is a number, shown with its decimals.
	for _, c := range []struct {
		cell, raw, format string
	}{
		{"C2", "62.5", "0.00"},
		{"C4", "-4", "0.00"},
		{"D4", "10.5", "0.0"},
	} {
		typ, err := f.GetCellType(sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s: cell type %v, want a number", c.cell, typ)
		}
		raw, _ := f.GetCellValue(sheet, c.cell, excelize.Options{RawCellValue: true})
		if raw != c.raw {
			t.Errorf("%s: raw value %q, want %q", c.cell, raw, c.raw)
		}
		id, _ := f.GetCellStyle(sheet, c.cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
			t.Errorf("%s: number format %v, want %q", c.cell, st.CustomNumFmt, c.format)
		}
	}

	// An empty Number cell stays empty.
	if v, _ := f.GetCellValue(sheet, "D3"); v != "" {
		t.Errorf("D3 holds %q, want nothing", v)
	}

	// Text is text, even when it looks like a formula.
	for _, c := range []struct{ cell, want string }{
		{"E3", "=SUM(A1)"},
		{"E4", "@risk, +1 -1"},
		{"B2", "Ada | Lovelace"},
		{"B3", "<script>alert(1)</script>"},
	} {
		if formula, _ := f.GetCellFormula(sheet, c.cell); formula != "" {
			t.Errorf("%s: formula %q, want none", c.cell, formula)
		}
		if v, _ := f.GetCellValue(sheet, c.cell); v != c.want {
			t.Errorf("%s: %q, want %q", c.cell, v, c.want)
		}
		if typ, _ := f.GetCellType(sheet, c.cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v, want an inline string", c.cell, typ)
		}
	}
}

func TestWritePackXLSXNumberThatIsNot(t *testing.T) {
	tbl := &Table{Name: "t", Columns: []Column{{Key: "n", Label: "N", Kind: Number}}}
	tbl.Add("n/a")
	tbl.Add("=1+1")
	tbl.Add("12")
	_, f := renderXLSX(t, &Pack{Sections: []Section{{Tables: []*Table{tbl}}}})
	for _, c := range []struct {
		cell string
		typ  excelize.CellType
	}{{"A2", excelize.CellTypeInlineString}, {"A3", excelize.CellTypeInlineString}, {"A4", excelize.CellTypeUnset}} {
		if typ, _ := f.GetCellType("t", c.cell); typ != c.typ {
			t.Errorf("%s: cell type %v, want %v", c.cell, typ, c.typ)
		}
		if formula, _ := f.GetCellFormula("t", c.cell); formula != "" {
			t.Errorf("%s: formula %q", c.cell, formula)
		}
	}
}

func TestWritePackXLSXSheetNames(t *testing.T) {
	col := []Column{{Key: "a", Label: "A"}}
	names := []string{
		"moves",
		"Moves",
		`a/b:c*d?e[f]g\h`,
		"a_name_that_is_far_too_long_for_an_excel_sheet",
		"a_name_that_is_far_too_long_for_an_excel_sheet",
		"history",
		"'quoted'",
		"",
	}
	var tables []*Table
	for _, n := range names {
		tables = append(tables, &Table{Name: n, Columns: col})
	}
	_, f := renderXLSX(t, &Pack{Sections: []Section{{Tables: tables}}})
	want := []string{
		"moves",
		"Moves (2)",
		"a_b_c_d_e_f_g_h",
		"a_name_that_is_far_too_long_for",
		"a_name_that_is_far_too_long (2)",
		"history_",
		"quoted",
		"Sheet",
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets\n%q\nwant\n%q", got, want)
	}
}

func TestWritePackXLSXDocProps(t *testing.T) {
	p := smallPack(FR)
	_, f := renderXLSX(t, p)
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Title != p.Title || props.Subject != p.Subtitle || props.Creator != "stretchmatch" ||
		props.Created != packTimestamp || props.Modified != packTimestamp || props.Language != "fr" {
		t.Errorf("document properties %+v", props)
	}
}

func TestWritePackXLSXNoTable(t *testing.T) {
	_, f := renderXLSX(t, &Pack{Title: "Empty", Lang: FR})
	if got := f.GetSheetList(); len(got) != 1 {
		t.Fatalf("sheets %q, want one", got)
	}
	rows, _ := f.GetRows(f.GetSheetList()[0])
	if len(rows) != 2 || rows[0][0] != "Empty" || rows[1][0] != "Ce dossier ne contient aucun tableau." {
		t.Errorf("rows %q", rows)
	}
}

func TestWritePackXLSXDeterministic(t *testing.T) {
	first, _ := renderXLSX(t, samplePack(EN))
	second, _ := renderXLSX(t, samplePack(EN))
	if !bytes.Equal(first, second) {
		t.Error("two writes of the same pack give different bytes")
	}
}

// TestWritePackXLSXPrintSetup: every sheet prints on A4 landscape, one page
// wide, with its header row repeated, and keeps its autofilter (the sheet
// properties of the page fit used to be lost when the filter was set after
// them).
func TestWritePackXLSXPrintSetup(t *testing.T) {
	_, f := renderXLSX(t, smallPack(EN))
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, s := range f.GetSheetList() {
		pl, err := f.GetPageLayout(s)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want A4 landscape one page wide", s, pl)
		}
		sp, err := f.GetSheetProps(s)
		if err != nil {
			t.Fatal(err)
		}
		if sp.FitToPage == nil || !*sp.FitToPage {
			t.Errorf("%s: not fitted to the page", s)
		}
		if want := "'" + s + "'!$1:$1"; titles[s] != want {
			t.Errorf("%s: print titles %q, want %q", s, titles[s], want)
		}
	}
}

// TestWritePackXLSXInFolder: a workbook written with its temporary files in
// a folder of the caller's is the same, and leaves nothing there.
func TestWritePackXLSXInFolder(t *testing.T) {
	p := smallPack(EN)
	want, _ := renderXLSX(t, p)
	dir := t.TempDir()
	var got bytes.Buffer
	if err := WritePackXLSXIn(&got, p, dir); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Error("the workbook differs when its temporary files go to a folder of the caller's")
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("left in the folder: %v", left)
	}
}
