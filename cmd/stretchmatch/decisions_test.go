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

// TestOwnPlanGivesTheSameCycle feeds the tool's own untouched plan.csv
// back as the committee's plan: the same moves, pairs, unplaced people and
// open positions, and the same reasons, but for two kinds of sentence: a
// chosen move says it is the committee's choice, and a claim that only an
// optimum can make ("at least as high") gives way to the committee's
// choice.
func TestOwnPlanGivesTheSameCycle(t *testing.T) {
	dir := t.TempDir()
	sampleDir(t, dir)
	t.Chdir(dir)
	mustRun(t, "run", "in", "--out", "free")
	mustRun(t, "run", "in", "--plan", "free/plan.csv", "--out", "own")
	for _, f := range []string{"unplaced.csv", "open_positions.csv", "pairs.csv", "unmatched.csv", "mentor_load.csv", "broken_pairs.csv"} {
		a, _ := os.ReadFile(filepath.Join("free", f))
		b, _ := os.ReadFile(filepath.Join("own", f))
		if string(a) != string(b) || len(a) == 0 {
			t.Errorf("%s differs with the tool's own plan", f)
		}
	}
	free, own := readCSV(t, filepath.Join("free", "plan.csv")), readCSV(t, filepath.Join("own", "plan.csv"))
	if len(free) != len(own) {
		t.Fatalf("%d rows, %d with the own plan", len(free), len(own))
	}
	const reason, status, decision = 7, 6, 8
	for i := 1; i < len(free); i++ {
		f, o := free[i], own[i]
		if f[0] != o[0] || f[status] != o[status] {
			t.Errorf("row %d: %v, with the own plan %v", i, f[:status+1], o[:status+1])
			continue
		}
		want := map[string]string{"chosen": "required", "not_chosen": "forbidden"}[f[status]]
		switch {
		case o[decision] != want:
			t.Errorf("%s: decision %q, want %q", o[0], o[decision], want)
		case f[status] == "chosen" && o[reason] != f[reason]+"; chosen in the committee's plan":
			t.Errorf("%s: reason %q, free %q", o[0], o[reason], f[reason])
		case f[status] == "not_chosen" && o[reason] != f[reason] &&
			!(strings.Contains(f[reason], "at least as high") && strings.HasPrefix(o[reason], "the committee ")):
			t.Errorf("%s: reason %q, free %q", o[0], o[reason], f[reason])
		}
	}
	md, err := os.ReadFile(filepath.Join("own", "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "the committee's plan: 23.001, 0.000 below the optimum 23.001") {
		t.Error("the pack does not say it shows the committee's plan, at the optimum")
	}
}
