package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestOutputScripts runs the scripts of testdata/outputs: every command
// that prints tables, in every --format and with every -o extension, with
// each output checked by the commands below (one CSV table, one JSON value,
// a workbook read back, an HTML page).
func TestOutputScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/outputs",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"onecsv":  cmdOneCSV,
			"onejson": cmdOneJSON,
			"xlsx":    cmdXLSX,
			"html":    cmdHTML,
		},
	})
}

// cmdOneCSV: onecsv FILE [HEADER...] checks that FILE holds exactly one CSV
// table (UTF-8 with ',', or with a byte-order mark and ';'): one header row
// beginning with the given keys, every row as wide as the header, no blank
// line and no second header anywhere.
func cmdOneCSV(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: onecsv FILE [HEADER...]")
	}
	err := oneCSVTable([]byte(ts.ReadFile(args[0])), args[1:])
	if neg != (err != nil) {
		ts.Fatalf("onecsv %s: %v", args[0], err)
	}
}

func oneCSVTable(b []byte, header []string) error {
	comma := ','
	if rest, ok := bytes.CutPrefix(b, []byte("\uFEFF")); ok {
		b, comma = rest, ';'
	}
	if len(b) == 0 {
		return errors.New("empty")
	}
	if bytes.Contains(b, []byte("\n\n")) || bytes.Contains(b, []byte("\r\n\r\n")) {
		// A blank line can only be inside a quoted cell.
		if err := blankOutsideQuotes(b); err != nil {
			return err
		}
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = comma
	recs, err := r.ReadAll() // FieldsPerRecord 0: every row as wide as the first
	if err != nil {
		return err
	}
	if !slices.Equal(recs[0][:min(len(header), len(recs[0]))], header) {
		return fmt.Errorf("header %q does not begin with %q", recs[0], header)
	}
	for i, rec := range recs[1:] {
		if slices.Equal(rec, recs[0]) {
			return fmt.Errorf("row %d repeats the header: a second table", i+2)
		}
	}
	return nil
}

// blankOutsideQuotes reports an empty line that is not inside quotes.
func blankOutsideQuotes(b []byte) error {
	quoted := false
	line, start := 1, true
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			if start {
				return fmt.Errorf("line %d is blank: several tables in one CSV", line)
			}
			line++
			start = true
			continue
		case c == '\r':
			continue
		}
		start = false
	}
	return nil
}

// cmdOneJSON: onejson FILE [KEY...] checks that FILE holds one JSON value:
// an array of rows, or, when keys are given, an object with exactly those
// keys in that order.
func cmdOneJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 {
		ts.Fatalf("usage: onejson FILE [KEY...]")
	}
	err := oneJSON([]byte(ts.ReadFile(args[0])), args[1:])
	if neg != (err != nil) {
		ts.Fatalf("onejson %s: %v", args[0], err)
	}
}

func oneJSON(b []byte, keys []string) error {
	d := json.NewDecoder(bytes.NewReader(b))
	var v any
	if err := d.Decode(&v); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("more than one JSON value")
	}
	if len(keys) == 0 {
		if _, ok := v.([]any); !ok {
			return fmt.Errorf("not an array of rows: %T", v)
		}
		return nil
	}
	// Keys in the order written.
	d = json.NewDecoder(bytes.NewReader(b))
	var got []string
	d.Token() // {
	for d.More() {
		k, _ := d.Token()
		got = append(got, k.(string))
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return err
		}
	}
	if !slices.Equal(got, keys) {
		return fmt.Errorf("keys %q, want %q", got, keys)
	}
	return nil
}

// cmdXLSX: xlsx FILE SHEET=NUMBERCOLUMN... checks that FILE is a workbook
// whose sheets are exactly the given ones, in order, each with a header row
// (frozen) and, when NUMBERCOLUMN is given (a header key's label, e.g.
// "Challenge"), that column's non-empty cells stored as numbers.
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: xlsx FILE SHEET[=NUMBERLABEL]...")
	}
	err := checkTablesWorkbook(ts.MkAbs(args[0]), args[1:])
	if neg != (err != nil) {
		ts.Fatalf("xlsx %s: %v", args[0], err)
	}
}

func checkTablesWorkbook(path string, specs []string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var want []string
	for _, s := range specs {
		name, _, _ := strings.Cut(s, "=")
		want = append(want, name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		return fmt.Errorf("sheets %q, want %q", got, want)
	}
	for _, s := range specs {
		sheet, label, _ := strings.Cut(s, "=")
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) == 0 {
			return fmt.Errorf("sheet %s: no header row (%v)", sheet, err)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			return fmt.Errorf("sheet %s: header row not frozen", sheet)
		}
		if label == "" {
			continue
		}
		col := slices.Index(rows[0], label)
		if col < 0 {
			return fmt.Errorf("sheet %s: no column %q in %q", sheet, label, rows[0])
		}
		numbers := 0
		for r := 2; r <= len(rows); r++ {
			cell, _ := excelize.CoordinatesToCellName(col+1, r)
			v, _ := f.GetCellValue(sheet, cell)
			if v == "" {
				continue
			}
			typ, _ := f.GetCellType(sheet, cell)
			if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
				return fmt.Errorf("sheet %s: %s = %q is not a number (type %v)", sheet, cell, v, typ)
			}
			numbers++
		}
		if numbers == 0 {
			return fmt.Errorf("sheet %s: column %q has no number", sheet, label)
		}
	}
	return nil
}

// cmdHTML: html FILE TABLE... checks that FILE is a self-contained HTML
// page holding a table with each id given, and nothing else but those.
func cmdHTML(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: html FILE TABLE...")
	}
	body := ts.ReadFile(args[0])
	var err error
	switch {
	case !strings.HasPrefix(body, "<!DOCTYPE html>"):
		err = errors.New("not an HTML page")
	case strings.Count(body, `class="pack-table`) != len(args)-1:
		err = fmt.Errorf("%d tables, want %d", strings.Count(body, `class="pack-table`), len(args)-1)
	}
	for _, id := range args[1:] {
		if err == nil && !strings.Contains(body, `<table id="`+id+`"`) {
			err = fmt.Errorf("no table %s", id)
		}
	}
	if neg != (err != nil) {
		ts.Fatalf("html %s: %v", args[0], err)
	}
}

// TestOneCSVTable checks the checker: a second table after a blank line,
// a second header, and a ragged row are all refused.
func TestOneCSVTable(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"a,b\n1,2\n", true},
		{"\uFEFFa;b\r\n1;2\r\n", true},
		{"a,b\n\"x\n\ny\",2\n", true},
		{"a,b\n1,2\n\nc,d\n3,4\n", false},
		{"a,b\n1,2\n\nc\n3\n", false},
		{"a,b\n1,2\na,b\n", false},
		{"a,b\n1\n", false},
		{"", false},
	} {
		if err := oneCSVTable([]byte(tt.in), []string{"a"}); (err == nil) != tt.ok {
			t.Errorf("%q: err = %v, want ok %v", tt.in, err, tt.ok)
		}
	}
}
