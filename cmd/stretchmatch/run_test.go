package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	nethtml "golang.org/x/net/html"

	"github.com/stretchmatch/stretchmatch/data"
)

// runFiles are the files run writes, in the order it writes them.
var runFiles = []string{
	"scores.csv", "plan.csv", "unplaced.csv", "open_positions.csv", "pairs.csv", "unmatched.csv",
	"broken_pairs.csv", "mentor_load.csv", "groups.csv", "group_sessions.csv", "codev_unplaced.csv",
	"group_summary.csv", "report.md", "report.html", "report.xlsx", "run.json",
}

// sampleDir writes the embedded sample into dir/in and returns that path.
func sampleDir(t *testing.T, dir string) string {
	t.Helper()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	err := fs.WalkDir(data.SampleFS(), ".", func(path string, d fs.DirEntry, err error) error {
		if d != nil && d.IsDir() && path != "." {
			return fs.SkipDir // the previous quarter's pack
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".csv") {
			return err
		}
		b, err := fs.ReadFile(data.SampleFS(), path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(in, path), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// cli runs the command line in-process and returns the exit code and the
// two streams.
func cli(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(args...)
	if code != exitOK {
		t.Fatalf("stretchmatch %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// readCSV returns the rows of a CSV output file, header first.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// TestRunReportGolden compares the committee pack in Markdown with the
// golden files, in English and in French. Run with -update to rewrite them
// after a deliberate change, then review the diff.
func TestRunReportGolden(t *testing.T) {
	dir := t.TempDir()
	sampleDir(t, dir)
	t.Chdir(dir) // the run record shows the paths as given: keep them relative
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			out := "out-" + lang
			mustRun(t, "run", "in", "--out", out, "--lang", lang)
			got, err := os.ReadFile(filepath.Join(out, "report.md"))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(testdataDir, "report_"+lang+".md")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run the test with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("report.md (%s) differs from %s (-want +got):\n%s", lang, golden, diff)
			}
		})
	}
}

// testdataDir is the absolute path of testdata, found before any test
// changes the working directory.
var testdataDir = func() string {
	d, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return d
}()

// TestRunOutputs checks the files of a run on the sample: all written,
// byte-identical on a rerun, run.json hashes and counts, the workbook read
// back, and the pack's tables holding as many rows as the CSV files.
func TestRunOutputs(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	out1, out2 := filepath.Join(dir, "out1"), filepath.Join(dir, "out2")
	stdout := mustRun(t, "run", in, "--out", out1)
	if !strings.Contains(stdout, "wrote 16 files into "+out1) || !strings.Contains(stdout, "95 candidate moves scored, 31 chosen") {
		t.Errorf("run summary:\n%s", stdout)
	}
	mustRun(t, "run", in, "--out", out2)
	entries, err := os.ReadDir(out1)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := slices.Sorted(slices.Values(runFiles)); !slices.Equal(names, want) {
		t.Errorf("run wrote %v, want %v", names, want)
	}

	t.Run("rerun is byte-identical", func(t *testing.T) {
		for _, name := range runFiles {
			a, _ := os.ReadFile(filepath.Join(out1, name))
			b, _ := os.ReadFile(filepath.Join(out2, name))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s: %d and %d bytes, not identical", name, len(a), len(b))
			}
		}
	})

	t.Run("same CSV as the stage commands", func(t *testing.T) {
		stage := filepath.Join(dir, "stage")
		mustRun(t, "score", in, "--out", stage, "--format", "csv")
		mustRun(t, "plan", in, "--out", stage, "--format", "csv")
		mustRun(t, "match", in, "--out", stage, "--format", "csv")
		for _, name := range runFiles[:8] {
			a, _ := os.ReadFile(filepath.Join(out1, name))
			b, err := os.ReadFile(filepath.Join(stage, name))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("%s differs from the one the stage command writes (%v)", name, err)
			}
		}
	})

	t.Run("run.json", func(t *testing.T) { checkRunJSON(t, in, filepath.Join(out1, "run.json")) })
	t.Run("workbook", func(t *testing.T) { checkWorkbook(t, out1) })
	t.Run("chromium", func(t *testing.T) { checkHTMLInChromium(t, out1) })
}

func checkRunJSON(t *testing.T, in, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Tool    string `json:"tool"`
		Version string `json:"version"`
		Inputs  map[string]struct {
			Path   string `json:"path"`
			Bytes  int    `json:"bytes"`
			SHA256 string `json:"sha256"`
		} `json:"inputs"`
		Config map[string]any `json:"config"`
		Counts map[string]int `json:"counts"`
	}
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatalf("run.json does not parse: %v", err)
	}
	if rec.Tool != "stretchmatch" || rec.Version != version {
		t.Errorf("run.json: tool %q version %q", rec.Tool, rec.Version)
	}
	files := []string{"people.csv", "positions.csv", "moves.csv", "mentors.csv", "mentees.csv", "history.csv",
		"codev.csv", "codev_history.csv"}
	if len(rec.Inputs) != len(files) {
		t.Errorf("run.json lists %d inputs, want %d", len(rec.Inputs), len(files))
	}
	for _, name := range files {
		content, err := os.ReadFile(filepath.Join(in, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(content)
		got := rec.Inputs[name]
		if got.SHA256 != hex.EncodeToString(sum[:]) || got.Bytes != len(content) || got.Path != filepath.Join(in, name) {
			t.Errorf("run.json %s: %+v, want sha256 %x of %d bytes", name, got, sum, len(content))
		}
	}
	want := map[string]int{"people": 252, "positions": 30, "moves": 95, "mentors": 30, "mentees": 50, "history": 6,
		"chosen_moves": 31, "pairs": 49, "unmatched": 1, "broken_pairs": 1,
		"volunteers": 43, "groups": 6, "codev_placed": 42, "codev_unplaced": 1}
	if diff := cmp.Diff(want, rec.Counts); diff != "" {
		t.Errorf("run.json counts (-want +got):\n%s", diff)
	}
	bands, _ := rec.Config["bands"].(map[string]any)
	match, _ := rec.Config["match"].(map[string]any)
	weights, _ := rec.Config["weights"].(map[string]any)
	if bands["comfort_below"] != 25.0 || match["min_fit"] != 20.0 || weights["pressure"] != 0.75 || len(weights) != 15 {
		t.Errorf("run.json config: bands %v, match %v, weights %v", bands, match, weights)
	}
	if bytes.Contains(b, []byte(time.Now().Format("2006-01-02"))) {
		t.Error("run.json holds today's date: reruns would differ")
	}
}

func checkWorkbook(t *testing.T, out string) {
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantSheets := []string{"summary", "exceptions", "fit_quartiles", "moves", "pairs",
		"overstretch_without_mentor", "hard_triggers", "unmatched", "broken_pairs",
		"equity_gender", "equity_division", "equity_grade_band", "equity_country",
		"bands_by_division", "bands_by_grade", "bands_by_gender", "mentor_load",
		"moves_chosen", "plan", "unplaced", "open_positions",
		"group_summary", "groups", "group_sessions", "codev_unplaced", "run", "inputs", "config"}
	if diff := cmp.Diff(wantSheets, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	pairsCSV := readCSV(t, filepath.Join(out, "pairs.csv"))
	rows, err := f.GetRows("pairs")
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"Mentee id", "Mentee", "Mentor id", "Mentor", "Fit", "Experience", "Preference", "Seniority",
		"Other division", "Location", "Preference rank", "Priority", "Status", "Reasons", "Next-best mentor",
		"Fit lost with next best", "Next-best fit", "Priority lost with next best", "Decision"}
	if diff := cmp.Diff(wantHeader, rows[0]); diff != "" {
		t.Errorf("pairs sheet header (-want +got):\n%s", diff)
	}
	if len(rows) != len(pairsCSV) {
		t.Errorf("pairs sheet has %d rows, pairs.csv %d", len(rows), len(pairsCSV))
	}
	// The fit of the first pair (column E) is a number equal to the CSV's.
	fitCol := slices.Index(pairsCSV[0], "fit")
	if fitCol != 4 {
		t.Fatalf("pairs.csv: fit in column %d", fitCol)
	}
	if typ, _ := f.GetCellType("pairs", "E2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("pairs!E2 has type %v, want a number", typ)
	}
	raw, _ := f.GetCellValue("pairs", "E2", excelize.Options{RawCellValue: true})
	got, err1 := strconv.ParseFloat(raw, 64)
	want, err2 := strconv.ParseFloat(pairsCSV[1][fitCol], 64)
	if err1 != nil || err2 != nil || got != want {
		t.Errorf("pairs!E2 = %q, pairs.csv fit = %q", raw, pairsCSV[1][fitCol])
	}
	for _, sheet := range []string{"moves", "plan", "unmatched", "mentor_load"} {
		csvName := map[string]string{"moves": "scores.csv"}[sheet]
		if csvName == "" {
			csvName = sheet + ".csv"
		}
		rows, _ := f.GetRows(sheet)
		if n := len(readCSV(t, filepath.Join(out, csvName))); len(rows) != n {
			t.Errorf("sheet %s has %d rows, %s %d", sheet, len(rows), csvName, n)
		}
	}
}

// chromiumPath is where the CI installs Chromium (apt-get install chromium).
const chromiumPath = "/usr/bin/chromium"

// checkHTMLInChromium opens report.html in headless Chromium and counts the
// body rows of each table in the DOM the browser built, against the rows of
// the CSV files.
func checkHTMLInChromium(t *testing.T, out string) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no Chromium at %s (apt-get install chromium): the page is not checked in a browser", chromiumPath)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	page, _ := filepath.Abs(filepath.Join(out, "report.html"))
	cmd := exec.CommandContext(ctx, chromiumPath, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", "file://"+page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dump, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v\n%s", err, stderr.String())
	}
	dom, err := nethtml.Parse(bytes.NewReader(dump))
	if err != nil {
		t.Fatalf("the dumped DOM does not parse: %v", err)
	}
	bodyRows := map[string]int{}
	var walk func(n *nethtml.Node, table string, inBody bool)
	walk = func(n *nethtml.Node, table string, inBody bool) {
		if n.Type == nethtml.ElementNode {
			switch n.Data {
			case "table":
				for _, a := range n.Attr {
					if a.Key == "id" {
						table = a.Val
						bodyRows[table] += 0
					}
				}
			case "tbody":
				inBody = true
			case "tr":
				if inBody {
					bodyRows[table]++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, table, inBody)
		}
	}
	walk(dom, "", false)
	// The sample's tables are shorter than the default row limit: each
	// shows every row of its CSV file. (The sample's mentor load is a
	// chart; its table is the workbook's.)
	for table, file := range map[string]string{
		"open_positions": "open_positions.csv",
		"pairs_view":     "pairs.csv", "unmatched": "unmatched.csv", "broken_pairs": "broken_pairs.csv",
	} {
		want := len(readCSV(t, filepath.Join(out, file))) - 1
		if got, ok := bodyRows[table]; !ok || got != want {
			t.Errorf("table %s: the browser shows %d rows (present: %v), %s has %d", table, got, ok, file, want)
		}
	}
	chosen := 0
	for _, row := range readCSV(t, filepath.Join(out, "plan.csv"))[1:] {
		if row[6] == "chosen" {
			chosen++
		}
	}
	// One line per person: the chosen moves and the people left without one.
	if want := chosen + len(readCSV(t, filepath.Join(out, "unplaced.csv"))) - 1; bodyRows["people"] != want {
		t.Errorf("table people: the browser shows %d rows, want %d chosen moves + unplaced people", bodyRows["people"], want)
	}
	// Tables left to the workbook are not on the page.
	for _, table := range []string{"moves", "plan", "moves_chosen", "pairs"} {
		if _, ok := bodyRows[table]; ok {
			t.Errorf("table %s is on the page: it belongs to the workbook only", table)
		}
	}
}

// TestRunRedact checks that --redact leaves no name of the sample's people
// in any output file: CSV, Markdown, HTML, the workbook's XML and run.json.
func TestRunRedact(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	names := sampleNameWords(t, in)
	if len(names) < 200 {
		t.Fatalf("only %d name words found in people.csv", len(names))
	}
	find := func(out string) []string {
		var hits []string
		for _, file := range runFiles {
			words := wordSet(outputText(t, filepath.Join(out, file)))
			for _, w := range names {
				if words[w] {
					hits = append(hits, file+": "+w)
				}
			}
		}
		return hits
	}
	// The search finds names when they are there…
	plain := filepath.Join(dir, "plain")
	mustRun(t, "run", in, "--out", plain)
	if hits := find(plain); len(hits) < 200 {
		t.Fatalf("without --redact only %d names found: the search is broken", len(hits))
	}
	// …and none with --redact.
	redacted := filepath.Join(dir, "redacted")
	mustRun(t, "run", in, "--out", redacted, "--redact")
	if hits := find(redacted); len(hits) > 0 {
		t.Errorf("--redact left %d names, such as:\n%s", len(hits), strings.Join(hits[:min(len(hits), 20)], "\n"))
	}
}

// words splits s into its words: runs of letters.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range words(s) {
		set[w] = true
	}
	return set
}

// sampleNameWords returns the first and last names in the name column of
// people.csv (every word of two letters or more, "Marie-Ève" giving "Marie"
// and "Ève"), leaving out the words that also occur in the other columns or
// in positions.csv, such as a city that is also a first name: those may
// rightly appear in the outputs.
func sampleNameWords(t *testing.T, in string) []string {
	people := readCSV(t, filepath.Join(in, "people.csv"))
	var other strings.Builder
	for _, row := range people[1:] {
		other.WriteString(strings.Join(slices.Delete(slices.Clone(row), 1, 2), " ") + "\n")
	}
	positions, _ := os.ReadFile(filepath.Join(in, "positions.csv"))
	other.Write(positions)
	otherWords := wordSet(other.String())
	seen := map[string]bool{}
	var out []string
	for _, row := range people[1:] {
		for _, w := range words(row[1]) {
			if seen[w] || otherWords[w] || utf8.RuneCountInString(w) < 2 {
				continue
			}
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// outputText returns the text of an output file: a workbook's XML parts
// joined, everything with XML and HTML entities decoded.
func outputText(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".xlsx") {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var all bytes.Buffer
		for _, f := range zr.File {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(&all, r)
			r.Close()
			all.WriteByte('\n')
		}
		b = all.Bytes()
	}
	return html.UnescapeString(string(b))
}

// TestRunBadInputWritesNothing checks that run on invalid input exits 1 and
// leaves OUT as it was: an existing folder keeps its bytes, a missing one is
// not created.
func TestRunBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	moves := filepath.Join(in, "moves.csv")
	b, _ := os.ReadFile(moves)
	lines := strings.SplitAfter(string(b), "\n")
	lines = append(lines[:2], lines[1:]...) // a duplicate move id
	if err := os.WriteFile(moves, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}

	existing := filepath.Join(dir, "existing")
	os.MkdirAll(existing, 0o755)
	keep := []byte("move_id,kept\nM1,yes\n")
	os.WriteFile(filepath.Join(existing, "scores.csv"), keep, 0o644)
	code, _, errOut := cli("run", in, "--out", existing)
	if code != exitData || !strings.Contains(errOut, "moves.csv:3:") || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	entries, _ := os.ReadDir(existing)
	got, _ := os.ReadFile(filepath.Join(existing, "scores.csv"))
	if len(entries) != 1 || !bytes.Equal(got, keep) {
		t.Errorf("the existing output folder was touched: %d entries, scores.csv %q", len(entries), got)
	}

	missing := filepath.Join(dir, "missing")
	if code, _, _ := cli("run", in, "--out", missing); code != exitData {
		t.Errorf("exit %d, want %d", code, exitData)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the output folder was created: %v", err)
	}
}

// TestReportFormulaText checks that a name beginning with '=' is stored in
// the workbook as text, never as a formula.
func TestReportFormulaText(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	people := filepath.Join(in, "people.csv")
	b, _ := os.ReadFile(people)
	const evil = "=HYPERLINK(\"http://example.com\",\"x\")"
	crafted := strings.Replace(string(b), "E0021,Hélène Girard,", `E0021,"=HYPERLINK(""http://example.com"",""x"")",`, 1)
	if crafted == string(b) {
		t.Fatal("the sample no longer has E0021 Hélène Girard: pick another person")
	}
	os.WriteFile(people, []byte(crafted), 0o644)
	book := filepath.Join(dir, "pack.xlsx")
	mustRun(t, "report", in, "-o", book)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("moves")
	found := 0
	for r, row := range rows {
		for c, v := range row {
			if v != evil {
				continue
			}
			found++
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if formula, _ := f.GetCellFormula("moves", cell); formula != "" {
				t.Errorf("moves!%s holds the formula %q", cell, formula)
			}
			if typ, _ := f.GetCellType("moves", cell); typ != excelize.CellTypeInlineString {
				t.Errorf("moves!%s has type %v, want an inline string", cell, typ)
			}
		}
	}
	if found == 0 {
		t.Error("the crafted name is not in the moves sheet")
	}
}
