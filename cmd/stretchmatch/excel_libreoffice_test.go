package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExcelCSVInFrenchLibreOffice opens the --excel CSV files of plan and
// match with a real spreadsheet application set up for France: LibreOffice
// Calc, headless, with a French locale (LC_ALL=fr_FR.UTF-8, and fr-FR as
// the language of the CSV import, which decides the decimal separator even
// where the system lacks the locale). It converts them to xlsx and checks
// that every challenge, value and fit cell is a number equal to the one of
// the plain CSV. As a control, the same file with decimal points is
// converted too, and its cells must come back as text: that is what
// French Excel does with them, and why --excel writes decimal commas.
//
// It needs soffice (Debian: libreoffice-calc-nogui) and takes a few
// seconds; it is skipped without it and with -short.
func TestExcelCSVInFrenchLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice: skipped with -short")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			t.Skip("LibreOffice (soffice) is not installed")
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	runOK(t, "init", in)
	runOK(t, "plan", in, "--excel", "-o", filepath.Join(dir, "plan.csv"))
	runOK(t, "match", in, "--excel", "-o", filepath.Join(dir, "pairs.csv"))
	plainPlan := runOK(t, "plan", in, "--format", "csv")
	plainPairs := runOK(t, "match", in, "--format", "csv")

	// The control: the --excel plan with decimal points put back.
	excelPlan, err := os.ReadFile(filepath.Join(dir, "plan.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dots := regexp.MustCompile(`(;-?[0-9]+),([0-9]+)(;|\r\n)`)
	pointPlan := excelPlan
	for range 2 { // neighbouring cells share a ';'
		pointPlan = dots.ReplaceAll(pointPlan, []byte("$1.$2$3"))
	}
	if bytes.Equal(pointPlan, excelPlan) {
		t.Fatal("the control file has no decimal point")
	}
	if err := os.WriteFile(filepath.Join(dir, "points.csv"), pointPlan, 0o644); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(dir, "xlsx")
	// Filter options: ';' separator, '"' quote, UTF-8, from line 1, no
	// column formats, language fr-FR (1036).
	cmd := exec.Command(soffice, "--headless", "--norestore",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--infilter=CSV:59,34,76,1,,1036", "--convert-to", "xlsx", "--outdir", out,
		filepath.Join(dir, "plan.csv"), filepath.Join(dir, "pairs.csv"), filepath.Join(dir, "points.csv"))
	cmd.Env = append(os.Environ(), "LC_ALL=fr_FR.UTF-8", "LANG=fr_FR.UTF-8", "HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}

	checkNumbers(t, filepath.Join(out, "plan.xlsx"), plainPlan, []string{"challenge", "value"}, true)
	checkNumbers(t, filepath.Join(out, "pairs.xlsx"), plainPairs, []string{"fit", "fit_experience", "loss_if_next_best"}, true)
	checkNumbers(t, filepath.Join(out, "points.xlsx"), plainPlan, []string{"challenge"}, false)
}

// runOK runs the command line in-process and returns its standard output.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Run(args, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("stretchmatch %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return stdout.String()
}

// checkNumbers compares the columns of the first sheet of the workbook
// with the plain CSV text: with numbers set, every non-empty cell must be
// a number cell of the same value; otherwise every non-empty cell must
// have been left as text.
func checkNumbers(t *testing.T, path, plain string, columns []string, numbers bool) {
	t.Helper()
	want, err := csv.NewReader(strings.NewReader(plain)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) != len(want) {
		t.Fatalf("%s: %d rows, want %d (%v)", path, len(rows), len(want), err)
	}
	checked := 0
	for _, name := range columns {
		c := indexOf(want[0], name)
		if c < 0 || indexOf(rows[0], name) != c {
			t.Fatalf("%s: column %s at %d, want %d", path, name, indexOf(rows[0], name), c)
		}
		for r := 1; r < len(want); r++ {
			if want[r][c] == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, _ := f.GetCellType(sheet, cell)
			raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
			if isNumber != numbers {
				t.Errorf("%s %s (%s row %d): %q has type %v, want number %v", filepath.Base(path), cell, name, r, raw, typ, numbers)
				continue
			}
			checked++
			if !numbers {
				continue
			}
			got, err1 := strconv.ParseFloat(raw, 64)
			exp, err2 := strconv.ParseFloat(want[r][c], 64)
			if err1 != nil || err2 != nil || got != exp {
				t.Errorf("%s %s (%s row %d) = %q, want %s", filepath.Base(path), cell, name, r, raw, want[r][c])
			}
		}
	}
	if checked < 10 {
		t.Errorf("%s: only %d cells checked", path, checked)
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
