package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// committeeDecisions pins a pair, vetoes a chosen move and requires an
// overstretch move of the sample organisation.
const committeeDecisions = `kind,decision,move_id,person_id,position_id,mentee_id,mentor_id,note,decided_by,date
pair,require,,,,E0021,E0178,same site,committee,2026-11-30
move,forbid,M006,,,,,not this cycle,committee,2026-11-30
move,require,,E0040,P003,,,stretch agreed with the HR partner,committee,2026-11-30
`

// packSection returns the section of a Markdown pack that starts with the
// heading "## title", up to the next section.
func packSection(md, title string) string {
	i := strings.Index(md, "\n## "+title+"\n")
	if i < 0 {
		return ""
	}
	rest := md[i+1:]
	if j := strings.Index(rest[3:], "\n## "); j >= 0 {
		rest = rest[:j+4]
	}
	return rest
}

// TestDecisionsSectionGolden compares the pack's decisions section, in
// English and in French, with golden files (-update rewrites them), and
// checks that a pack without decisions has no such section.
func TestDecisionsSectionGolden(t *testing.T) {
	dir := t.TempDir()
	sampleDir(t, dir)
	t.Chdir(dir)
	mustRun(t, "run", "in", "--out", "plain")
	plain, err := os.ReadFile(filepath.Join("plain", "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "## The committee's decisions") {
		t.Error("a pack without decisions has a decisions section")
	}
	if err := os.WriteFile(filepath.Join("in", "decisions.csv"), []byte(committeeDecisions), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, title string }{{"en", "The committee's decisions"}, {"fr", "Décisions du comité"}} {
		t.Run(tc.lang, func(t *testing.T) {
			out := "out-" + tc.lang
			mustRun(t, "run", "in", "--out", out, "--lang", tc.lang)
			md, err := os.ReadFile(filepath.Join(out, "report.md"))
			if err != nil {
				t.Fatal(err)
			}
			got := packSection(string(md), tc.title)
			if got == "" {
				t.Fatalf("no section %q in report.md", tc.title)
			}
			golden := filepath.Join(testdataDir, "decisions_"+tc.lang+".md")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run the test with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("decisions section (%s) differs from %s (-want +got):\n%s", tc.lang, golden, diff)
			}
		})
	}
}
