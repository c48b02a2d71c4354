package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRedactEveryStderrPath runs every command that reads people with
// --redact on bad inputs whose messages quote names — a manager cycle, a
// name typed where an id belongs in mentees.csv, decisions.csv, codev.csv,
// an edited plan and activity.csv — and checks that standard error holds
// the pseudonyms and none of the names; without --redact the names show.
func TestRedactEveryStderrPath(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on the sample; skipped with -short")
	}
	base := t.TempDir()
	sample := filepath.Join(base, "sample")
	var out, errOut bytes.Buffer
	if code := Run([]string{"init", sample}, nil, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	names := []string{"Inès Garnier", "Greta Çelik", "Ralf Krüger"}
	pseudo := []string{"Russet Stoat BA0P", "Pearl Wren N62A", "Azure Lark BCJK"}
	// variant copies the sample into a folder and applies edits: file name
	// → a function of its text.
	variant := func(name string, edits map[string]func(string) string) string {
		dir := filepath.Join(base, name)
		copyTree(t, sample, dir)
		for f, edit := range edits {
			p := filepath.Join(dir, f)
			b, _ := os.ReadFile(p)
			if err := os.WriteFile(p, []byte(edit(string(b))), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("the sample has no %q", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	appendLine := func(line string) func(string) string { return func(s string) string { return s + line + "\n" } }
	data := variant("data", map[string]func(string) string{
		"people.csv":  replace("E0001,Inès Garnier,,", "E0001,Inès Garnier,E0019,"),
		"mentees.csv": replace("E0021,change_management|remote_teams,E0048,,", "E0021,change_management|remote_teams,Ralf Krüger,,"),
	})
	decisions := variant("decisions", map[string]func(string) string{
		"decisions.csv": func(string) string {
			return "kind,decision,mentee_id,mentor_id,note\npair,require,Ralf Krüger,E0178,x\npair,forbid,Greta Çelik,E0178,\n"
		},
	})
	codev := variant("codev", map[string]func(string) string{"codev.csv": appendLine("Inès Garnier,remote,,x")})
	activity := variant("activity", map[string]func(string) string{"activity.csv": appendLine("E0242,Ralf Krüger,,2026-01-05,meeting,,,,,,")})
	plan := filepath.Join(base, "plan.csv")
	if err := os.WriteFile(plan, []byte("move_id,person_id,status\nM021,Inès Garnier,chosen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := [][]string{}
	for _, dir := range []string{data, decisions, codev} {
		for _, c := range []string{"validate", "score", "plan", "match", "report", "groups"} {
			cases = append(cases, []string{c, dir})
		}
		cases = append(cases, []string{"run", dir, "--out", filepath.Join(base, "out")},
			[]string{"followup", filepath.Join(dir, "previous"), dir})
	}
	cases = append(cases,
		[]string{"followup", filepath.Join(activity, "previous"), activity},
		[]string{"match", sample, "--plan", plan},
		[]string{"report", sample, "--plan", plan},
		[]string{"run", sample, "--plan", plan, "--out", filepath.Join(base, "out")})
	for _, args := range cases {
		name := strings.Join(args, " ")
		var o, e bytes.Buffer
		if code := Run(append(args, "--redact"), nil, &o, &e); code != 1 {
			t.Errorf("%s --redact: exit %d, want 1: %s", name, code, e.String())
			continue
		}
		stderr := e.String()
		for _, n := range names {
			if strings.Contains(stderr, n) {
				t.Errorf("%s --redact: standard error names %q:\n%s", name, n, stderr)
			}
		}
		if !strings.Contains(stderr, pseudo[0]) && !strings.Contains(stderr, pseudo[1]) && !strings.Contains(stderr, pseudo[2]) {
			t.Errorf("%s --redact: no pseudonym on standard error:\n%s", name, stderr)
		}
		e.Reset()
		Run(args, nil, &o, &e)
		if stderr := e.String(); !strings.Contains(stderr, names[0]) && !strings.Contains(stderr, names[1]) && !strings.Contains(stderr, names[2]) {
			t.Errorf("%s: without --redact the names are not shown:\n%s", name, stderr)
		}
	}
}

// copyTree copies the files of folder src, and of its subfolders, to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
