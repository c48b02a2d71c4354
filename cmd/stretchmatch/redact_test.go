package main

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// redactCommands lists every command that prints or writes people's names,
// with what it can print and write: the --format values, the extensions -o
// accepts, and whether it takes --out DIR. A new command is one more row.
var redactCommands = []struct {
	name string
	// "IN" stands for the folder of the sample's inputs, "CUR" for a
	// folder made by init (this quarter's inputs with activity.csv) and
	// "PREV" for its previous/ (last quarter's pack).
	args    []string
	formats []string
	exts    []string
	out     bool
}{
	{"score", []string{"score", "IN"}, tableFormats, tableExts, true},
	{"plan", []string{"plan", "IN"}, tableFormats, tableExts, true},
	{"match", []string{"match", "IN"}, tableFormats, tableExts, true},
	{"report", []string{"report", "IN"}, []string{"markdown", "html"}, []string{".md", ".html", ".xlsx"}, true},
	{"run", []string{"run", "IN"}, nil, nil, true},
	{"demo", []string{"demo"}, tableFormats, tableExts, true},
	{"groups", []string{"groups", "IN"}, tableFormats, tableExts, true},
	{"followup", []string{"followup", "PREV", "CUR"}, tableFormats, tableExts, true},
}

var (
	tableFormats = []string{"table", "csv", "json", "markdown"}
	tableExts    = []string{".csv", ".md", ".json", ".txt", ".html", ".xlsx"}
)

// redactCase is one way of running a command: its arguments and the
// folder its files go to.
type redactCase struct {
	name string
	args []string
}

func redactCases(folders map[string]string, dir string) []redactCase {
	var cases []redactCase
	for _, c := range redactCommands {
		base := slices.Clone(c.args)
		for i := range base {
			if f, ok := folders[base[i]]; ok {
				base[i] = f
			}
		}
		for _, f := range c.formats {
			cases = append(cases, redactCase{c.name + " --format " + f, append(slices.Clone(base), "--format", f)})
		}
		for _, e := range c.exts {
			cases = append(cases, redactCase{c.name + " -o " + e, append(slices.Clone(base), "-o", filepath.Join(dir, "file"+e))})
		}
		if c.out {
			cases = append(cases, redactCase{c.name + " --out", append(slices.Clone(base), "--out", filepath.Join(dir, "out"))})
		}
		if c.name != "run" && c.name != "report" {
			cases = append(cases, redactCase{c.name + " --excel --lang fr", append(slices.Clone(base), "--excel", "--lang", "fr")})
		}
	}
	return cases
}

// filesText returns the text of every file under dir: a workbook's XML
// parts joined, entities decoded.
func filesText(t *testing.T, dir string) string {
	t.Helper()
	var all strings.Builder
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err == nil {
			for _, f := range zr.File {
				r, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				io.Copy(&all, r)
				r.Close()
				all.WriteByte('\n')
			}
		} else {
			all.Write(b)
		}
		all.WriteByte('\n')
		return nil
	})
	return html.UnescapeString(all.String())
}

// nameHits returns the name words found in text.
func nameHits(text string, names []string) []string {
	set := wordSet(text)
	var hits []string
	for _, w := range names {
		if set[w] {
			hits = append(hits, w)
		}
	}
	return hits
}

// TestRedactEveryPath runs every command that prints or writes names in
// every way it can (each --format, each -o extension, --out, --excel and
// French labels), and searches standard output, standard error and every
// file written for every first and last name of the sample's people: with
// --redact there must be none. Without --redact the same search finds the
// names, so that it is known to look in the right place.
func TestRedactEveryPath(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	names := sampleNameWords(t, in)
	cur := filepath.Join(dir, "cur")
	if code, _, stderr := cli("init", cur); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	folders := map[string]string{"IN": in, "CUR": cur, "PREV": filepath.Join(cur, "previous")}
	found := map[string]int{}
	for _, c := range redactCases(folders, filepath.Join(dir, "w")) {
		for _, redact := range []bool{false, true} {
			w := filepath.Join(dir, "w")
			os.RemoveAll(w)
			if err := os.MkdirAll(w, 0o755); err != nil {
				t.Fatal(err)
			}
			args := c.args
			if redact {
				args = append(slices.Clone(args), "--redact")
			}
			code, stdout, stderr := cli(args...)
			if code != 0 {
				t.Errorf("%s: exit %d: %s", c.name, code, stderr)
				continue
			}
			hits := nameHits(stdout+"\n"+stderr+"\n"+filesText(t, w), names)
			if !redact {
				found[strings.Fields(c.name)[0]] += len(hits)
				if len(hits) == 0 {
					t.Logf("%s: no names to redact on this path", c.name)
				}
				continue
			}
			if len(hits) > 0 {
				t.Errorf("%s --redact: %d names left, such as %q", c.name, len(hits), hits[:min(5, len(hits))])
			}
		}
	}
	for _, c := range redactCommands {
		if found[c.name] < 50 {
			t.Errorf("%s without --redact: only %d names found on all its paths: the search is broken", c.name, found[c.name])
		}
	}
}

// TestRedactProblems checks the error path: with --redact, the problems
// reported on standard error about bad input (a manager cycle names the
// people in it) name nobody.
func TestRedactProblems(t *testing.T) {
	dir := t.TempDir()
	in := sampleDir(t, dir)
	people := readCSV(t, filepath.Join(in, "people.csv"))
	// E0186 and E0428 become each other's manager.
	var a, b []string
	for _, r := range people[1:] {
		switch r[0] {
		case "E0186":
			a = r
		case "E0428":
			b = r
		}
	}
	if a == nil || b == nil {
		t.Fatal("the sample has no E0186 or E0428")
	}
	text, err := os.ReadFile(filepath.Join(in, "people.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "E0186,"):
			lines[i] = strings.Replace(l, ","+a[2]+",", ",E0428,", 1)
		case strings.HasPrefix(l, "E0428,"):
			lines[i] = strings.Replace(l, ","+b[2]+",", ",E0186,", 1)
		}
	}
	if err := os.WriteFile(filepath.Join(in, "people.csv"), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	names := append(words(a[1]), words(b[1])...)
	for _, c := range redactCommands {
		if !slices.Contains(c.args, "IN") {
			continue // the embedded sample has no bad input
		}
		args := slices.Clone(c.args)
		args[slices.Index(args, "IN")] = in
		args = append(args, "--out", filepath.Join(dir, "out-"+c.name))
		code, _, stderr := cli(args...)
		if code != 1 || !strings.Contains(stderr, "manager cycle") {
			t.Errorf("%s: exit %d, stderr %q: want the manager cycle reported", c.name, code, stderr)
			continue
		}
		if hits := nameHits(stderr, names); len(hits) == 0 {
			t.Errorf("%s without --redact: the cycle names nobody: %q", c.name, stderr)
		}
		code, _, stderr = cli(append(args, "--redact")...)
		if hits := nameHits(stderr, names); code != 1 || len(hits) > 0 {
			t.Errorf("%s --redact: exit %d, names %q on standard error: %q", c.name, code, hits, stderr)
		}
	}
}
