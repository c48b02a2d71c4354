package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/internal/printcheck"
)

// samplePackDecisions are the decisions of the README's example, which
// the full sample pack is printed with.
const samplePackDecisions = `kind,decision,move_id,person_id,position_id,mentee_id,mentor_id,note,decided_by,date
pair,require,,,,E0021,E0178,same site,committee,2026-11-30
move,forbid,M006,,,,,not this cycle,committee,2026-11-30
move,require,,E0040,P003,,,stretch agreed with the HR partner,committee,2026-11-30
`

// TestPackPrints prints the full committee pack a user gets from run, with
// every section: the sample's (init's files with codev.csv, a
// decisions.csv and --previous, in English and in French) and, with
// STRETCHMATCH_PRINT_5000=1, a generated organisation of 5,000 people. It reads each page
// back with pdftotext: every page carries the running header and its
// number, every table shows all its column headers on the page it starts
// on and on each page it goes on to, the summary holds on page 1, and the
// page count keeps to docs/printing.md.
func TestPackPrints(t *testing.T) {
	for _, tool := range []string{chromiumPath, "/usr/bin/pdftotext"} {
		if _, err := os.Stat(tool); err != nil {
			t.Skipf("no %s (apt-get install chromium poppler-utils): the printed pack is not checked", tool)
		}
	}
	doc, err := os.ReadFile(filepath.Join(testdataDir, "..", "..", "..", "docs", "printing.md"))
	if err != nil {
		t.Fatal(err)
	}
	limits := printcheck.Limits(string(doc))
	dir := t.TempDir()
	t.Chdir(dir)
	mustRun(t, "init", "s")
	if err := os.WriteFile(filepath.Join("s", "decisions.csv"), []byte(samplePackDecisions), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, lang, page string }{{"run-sample", "en", "Page"}, {"run-sample-fr", "fr", "Page"}} {
		t.Run(tc.name, func(t *testing.T) {
			out := "out-" + tc.lang
			mustRun(t, "run", "s", "--out", out, "--previous", filepath.Join("s", "previous"), "--lang", tc.lang,
				"--period", "2026 Q3")
			checkPrinted(t, tc.name, filepath.Join(dir, out, "report.html"), tc.page, limits,
				"Codevelopment", "Last quarter", "Committee decisions and their price")
		})
	}
	t.Run("run-synthetic-5000", func(t *testing.T) {
		if testing.Short() || os.Getenv("STRETCHMATCH_PRINT_5000") == "" {
			t.Skip("the full 5,000-person pack is printed with STRETCHMATCH_PRINT_5000=1 (and without -short)")
		}
		mustRun(t, "init", "big", "--synthetic", "5000")
		mustRun(t, "run", "big", "--out", "big-out", "--period", "2026 Q3")
		checkPrinted(t, "run-synthetic-5000", filepath.Join(dir, "big-out", "report.html"), "Page", limits, "Codevelopment")
	})
}

// checkPrinted prints page and checks the PDF against it; the English
// pack must also show each of sections.
func checkPrinted(t *testing.T, name, page, pageWord string, limits map[string][2]int, sections ...string) {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if err := printcheck.Print(chromiumPath, page, pdf, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	pages, err := printcheck.Pages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	secs, err := printcheck.Sections(b)
	if err != nil {
		t.Fatal(err)
	}
	limit, ok := limits[name]
	switch {
	case !ok:
		t.Errorf("docs/printing.md has no line for the %s pack", name)
	case len(pages) > limit[1]:
		t.Errorf("the %s pack prints in %d pages, more than the %d of docs/printing.md", name, len(pages), limit[1])
	case len(pages) != limit[0]:
		t.Logf("the %s pack prints in %d pages; docs/printing.md says %d (update it)", name, len(pages), limit[0])
	}
	if !strings.HasSuffix(name, "-fr") {
		all := strings.Join(pages, "\f")
		for _, s := range sections {
			if !strings.Contains(all, s) {
				t.Errorf("the printed %s pack has no %q", name, s)
			}
		}
	}
	for _, p := range printcheck.Check(secs, pages, pageWord, "2026 Q3") {
		t.Error(p)
	}
	t.Logf("%s: %d pages, %d sections", name, len(pages), len(secs))
}
