package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExcelCSVGolden pins the bytes of --excel CSV: byte-order mark, ';',
// CRLF, decimal commas in number columns only (never in text such as
// "0.776" inside a reason), negative numbers left as numbers, text cells
// neutralised, cells holding ';' quoted. Run with -update to rewrite the
// golden files after a deliberate change.
func TestExcelCSVGolden(t *testing.T) {
	dir := t.TempDir()
	matrix := filepath.Join(dir, "m.csv")
	if err := os.WriteFile(matrix, []byte("id,a;b,=c\n-r1,-1.25,2.5\n@r2,3,-0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"excel_criteria.csv", []string{"criteria", "--excel", "--format", "csv"}},
		{"excel_assign.csv", []string{"assign", matrix, "--excel", "--format", "csv"}},
		{"excel_assign_totals.csv", []string{"assign", matrix, "--excel", "--table", "totals", "-o", "-", "--format", "csv"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(tt.args, strings.NewReader(""), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("%s differs (-want +got):\n%s", path, diff)
			}
		})
	}
}
