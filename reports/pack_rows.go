package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// docPhrases holds the labels of the committee pack's documents that
// neither i18n.go nor pack.go has. Lookups only, through docT.
var docPhrases = map[string]phrase{
	"doc_more":         {"%d of %d rows shown; the %d others are in %s (sheet %s)%s.", "%d lignes sur %d affichées ; les %d autres sont dans %s (feuille %s)%s."},
	"doc_more_csv":     {" and %s", " et %s"},
	"doc_more_nosheet": {"%d of %d rows shown; the %d others are in %s%s.", "%d lignes sur %d affichées ; les %d autres sont dans %s%s."},
	"doc_filter":       {"Filter rows", "Filtrer les lignes"},
	"doc_sort":         {"Sort by this column", "Trier selon cette colonne"},
	"doc_confidential": {"Confidential — HR", "Confidentiel — RH"},
	"doc_period":       {"Period", "Période"},
	"doc_organisation": {"Organisation", "Organisation"},
	"doc_date":         {"Date", "Date"},
	"doc_figures":      {"Figures", "Figures"},
	"doc_not_shown":    {"Also in the workbook: %s.", "Aussi dans le classeur : %s."},
	"doc_colon":        {": ", " : "},
}

// docT returns the label of key in lang, from the documents' phrases first,
// then from [packT].
func docT(lang Lang, key string) string {
	if p, ok := docPhrases[key]; ok {
		if lang == FR {
			return p.fr
		}
		return p.en
	}
	return packT(lang, key)
}

// workbookFile is the name the committee pack's workbook is written under.
const workbookFile = "report.xlsx"

// shownRows returns the indexes of the rows of t that a document shows when
// at most limit rows may be shown (limit ≤ 0: every row). The rows marked
// Keep are chosen first, in order, then the others, in order, until limit;
// the indexes come back in the table's order.
func shownRows(t *Table, limit int) []int {
	n := len(t.Rows)
	if limit <= 0 || n <= limit || t.Whole {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	pick := make([]bool, n)
	left := limit
	for pass := 0; pass < 2 && left > 0; pass++ {
		for i := 0; i < n && left > 0; i++ {
			if !pick[i] && (pass == 1 || t.meta(i).Keep) {
				pick[i] = true
				left--
			}
		}
	}
	out := make([]int, 0, limit)
	for i, ok := range pick {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// moreRowsNote says how many rows of t a document left out and where they
// are: the workbook's sheet and, when t has one, its CSV file. It is empty
// when every row is shown.
func moreRowsNote(lang Lang, t *Table, shown int, sheet string) string {
	if shown >= len(t.Rows) {
		return ""
	}
	csv := ""
	if t.Source != "" {
		csv = fmt.Sprintf(docT(lang, "doc_more_csv"), t.Source)
	}
	if sheet == "" {
		return fmt.Sprintf(docT(lang, "doc_more_nosheet"), shown, len(t.Rows), len(t.Rows)-shown, workbookFile, csv)
	}
	return fmt.Sprintf(docT(lang, "doc_more"), shown, len(t.Rows), len(t.Rows)-shown, workbookFile, sheet, csv)
}

// inDocument tells whether the HTML and Markdown documents show t.
func inDocument(t *Table) bool { return t.Media != SheetOnly }

// inWorkbook tells whether the workbook has t.
func inWorkbook(t *Table) bool { return t.Media != DocOnly }

// packSheetNames returns the sheet name of every table of p that the
// workbook holds, as [WritePackXLSX] names them, and for each DocOnly view
// the sheet of the table it names as Full.
func packSheetNames(p *Pack) map[*Table]string {
	names := uniqueNamer{fit: fitSheetName}
	out := make(map[*Table]string)
	byName := make(map[string]string)
	for i := range p.Sections {
		for _, t := range p.Sections[i].tables() {
			if inWorkbook(t) {
				out[t] = names.name(sheetBase(t.Name))
				if _, ok := byName[t.Name]; !ok {
					byName[t.Name] = out[t]
				}
			}
		}
	}
	for i := range p.Sections {
		for _, t := range p.Sections[i].tables() {
			if !inWorkbook(t) && t.Full != "" {
				out[t] = byName[t.Full]
			}
		}
	}
	return out
}

// stripValues parses the cell of a Strip column: numbers separated by
// spaces, one per part. A missing or unreadable number is NaN.
func stripValues(cell string, parts int) []float64 {
	f := strings.Fields(cell)
	out := make([]float64, parts)
	for i := range out {
		out[i] = math.NaN()
		if i < len(f) {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				out[i] = v
			}
		}
	}
	return out
}

// stripShade returns the shade (0 to 4) of a value of a Strip cell: 0 for
// 0 or no value, then one step per quarter.
func stripShade(v float64) int {
	if !(v > 0) {
		return 0
	}
	return min(4, int(math.Ceil(v*4)))
}

// sparkBlocks are the characters of a strip in plain text, by shade.
var sparkBlocks = []string{"·", "▂", "▄", "▆", "█"}

// stripText draws a Strip cell as text: one block character per value.
func stripText(cell string, parts int) string {
	var b strings.Builder
	for _, v := range stripValues(cell, parts) {
		b.WriteString(sparkBlocks[stripShade(v)])
	}
	return b.String()
}
