package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/reports"
)

// pandasScript reads CSV files with pandas as an analyst would (plain:
// defaults; --excel: sep=';', decimal=',', utf-8-sig) and prints, for
// each, its shape and the names of the columns pandas read as numbers.
const pandasScript = `
import json, sys
import pandas as pd
out = []
for path, excel in json.load(sys.stdin):
    kw = dict(sep=";", decimal=",", encoding="utf-8-sig") if excel else {}
    df = pd.read_csv(path, **kw)
    num = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
    out.append({"rows": len(df), "cols": list(df.columns), "numeric": num})
print(json.dumps(out))
`

// TestCSVInPandas loads the CSV of every command that prints tables with
// pandas, plain and --excel: each is one table with the rows and columns
// the tool wrote, and the number columns that have values are read as
// numbers in both. Skipped without python3 and pandas, and with -short.
func TestCSVInPandas(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Python: skipped with -short")
	}
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if python, err = exec.LookPath("python3"); err != nil {
			t.Skip("python3 is not installed")
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "s")
	runOK(t, "init", in)
	matrix := filepath.Join(dir, "m.csv")
	if err := os.WriteFile(matrix, []byte("id,a,b\nr1,1e-05,2.5\nr2,−3,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type file struct {
		args  []string
		excel bool
		want  *reports.Table
	}
	var files []file
	var spec [][2]any
	for _, args := range [][]string{{"score", in}, {"plan", in}, {"match", in}, {"assign", matrix}, {"criteria"}, {"demo"}, {"validate", in}} {
		want := mainTable(t, args)
		for _, excel := range []bool{false, true} {
			name := filepath.Join(dir, fmt.Sprintf("%s_%v.csv", args[0], excel))
			cmd := append(append([]string{}, args...), "-o", name)
			if excel {
				cmd = append(cmd, "--excel")
			}
			runOK(t, cmd...)
			files = append(files, file{cmd, excel, want})
			spec = append(spec, [2]any{name, excel})
		}
	}
	stdin, _ := json.Marshal(spec)
	py := exec.Command(python, "-c", pandasScript)
	py.Stdin = bytes.NewReader(stdin)
	out, err := py.Output()
	if err != nil {
		if strings.Contains(string(out)+err.Error(), "No module named") {
			t.Skip("pandas is not installed")
		}
		t.Fatalf("pandas: %v\n%s", err, out)
	}
	var got []struct {
		Rows    int
		Cols    []string
		Numeric []string
	}
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(files) {
		t.Fatalf("%v: %s", err, out)
	}
	for k, f := range files {
		g, want := got[k], f.want
		if g.Rows != len(want.Rows) || strings.Join(g.Cols, ",") != strings.Join(want.Keys(), ",") {
			t.Errorf("%v: pandas read %d rows of %v, want %d of %v", f.args, g.Rows, g.Cols, len(want.Rows), want.Keys())
		}
		numbers := 0
		for i, c := range want.Columns {
			if c.Kind == reports.Number && hasValues(want, i) {
				numbers++
				if !contains(g.Numeric, c.Key) {
					t.Errorf("%v: pandas reads %s as text", f.args, c.Key)
				}
			}
		}
		if numbers == 0 {
			t.Errorf("%v: no number column checked", f.args)
		}
	}
}

// mainTable returns the main table of a command: its CSV cells, and the
// kind of each column as its JSON writes it.
func mainTable(t *testing.T, args []string) *reports.Table {
	t.Helper()
	body := runOK(t, append(append([]string{}, args...), "--format", "csv")...)
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	jsonArgs := append(append([]string{}, args...), "--format", "json", "--table", mainName(args[0]))
	var rows any
	if err := json.Unmarshal([]byte(runOK(t, jsonArgs...)), &rows); err != nil {
		t.Fatal(err)
	}
	tab := &reports.Table{Rows: recs[1:]}
	for _, k := range recs[0] {
		tab.Columns = append(tab.Columns, reports.Column{Key: k, Kind: jsonKind(rows, k)})
	}
	return tab
}

// jsonKind tells whether a JSON array of rows holds column key as numbers.
func jsonKind(v any, key string) reports.Kind {
	list, _ := v.([]any)
	for _, r := range list {
		if m, ok := r.(map[string]any); ok {
			if _, isNum := m[key].(float64); isNum {
				return reports.Number
			}
		}
	}
	return reports.Text
}

// mainName is the name of the main table of a command, the first of the
// tables its help lists.
func mainName(command string) string {
	return map[string]string{"score": "scores", "plan": "plan", "match": "pairs", "assign": "assignment",
		"criteria": "criteria", "demo": "summary", "validate": "dataset"}[command]
}

func hasValues(t *reports.Table, i int) bool {
	for _, r := range t.Rows {
		if r[i] != "" {
			return true
		}
	}
	return false
}
