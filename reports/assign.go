package reports

import (
	"strconv"
	"strings"
)

// AssignmentTables describes the solution of a general assignment problem:
// one row per matrix row with its column and value (empty when the row is
// left unassigned), and a summary with the total and the counts.
func AssignmentTables(rows, cols []string, cells []float64, rowCol []int, total float64, decimals int, lang Lang) []*Table {
	return AssignmentTablesTotal(rows, cols, cells, rowCol, Num(total, decimals), decimals, lang)
}

// AssignmentTablesTotal is [AssignmentTables] with the total already
// written, such as by [ExactSum].
func AssignmentTablesTotal(rows, cols []string, cells []float64, rowCol []int, total string, decimals int, lang Lang) []*Table {
	a := &Table{
		Name:  "assignment",
		Title: T(lang, "t_assignment"),
		Columns: []Column{
			{Key: "row", Label: T(lang, "row")},
			{Key: "column", Label: T(lang, "column")},
			{Key: "value", Label: T(lang, "value"), Kind: Number},
		},
	}
	assigned := 0
	var unassigned []string
	for i, r := range rows {
		j := rowCol[i]
		if j < 0 {
			a.Add(r, "", "")
			unassigned = append(unassigned, r)
			continue
		}
		assigned++
		a.Add(r, cols[j], Num(cells[i*len(cols)+j], decimals))
	}
	s := &Table{
		Name:  "totals",
		Title: T(lang, "t_totals"),
		Columns: []Column{
			{Key: "total", Label: T(lang, "total"), Kind: Number},
			{Key: "assigned", Label: T(lang, "assigned"), Kind: Number},
			{Key: "unassigned", Label: T(lang, "unassigned"), Kind: Number},
			{Key: "unassigned_rows", Label: T(lang, "unassigned_rows")},
		},
	}
	s.Add(total, strconv.Itoa(assigned), strconv.Itoa(len(unassigned)), strings.Join(unassigned, "|"))
	return []*Table{a, s}
}
