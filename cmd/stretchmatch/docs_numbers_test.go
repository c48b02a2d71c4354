package main

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// The worked example of docs/scoring.md and of the README follows move M073
// of the sample. These tests read both documents, take every number they
// state about it, and compare it with what the code computes: a number
// changed in a document, or in the code, fails here.

// workedExample scores and plans the sample with the default configuration
// and returns M073's score and the plan.
func workedExample(t *testing.T) (*model.Config, *matcher.Score, *matcher.Plan) {
	t.Helper()
	ds := loadSample(t)
	cfg := model.Default()
	scores, err := matcher.ScoreAll(&cfg, ds, matcher.NewIndex(ds))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := matcher.MakePlan(&cfg, scores, ds.Positions, matcher.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range scores {
		if scores[i].Move.ID == "M073" {
			return &cfg, &scores[i], pl
		}
	}
	t.Fatal("no move M073 in the sample")
	return nil, nil, nil
}

func planEntry(t *testing.T, pl *matcher.Plan, id string) *matcher.PlanEntry {
	t.Helper()
	for i := range pl.Entries {
		if pl.Entries[i].Score.Move.ID == id {
			return &pl.Entries[i]
		}
	}
	t.Fatalf("no move %s in the plan", id)
	return nil
}

// docTable returns the rows (cells trimmed, bold marks removed) of the
// first Markdown table of text whose header starts with the given cells.
func docTable(t *testing.T, text, what string, header ...string) [][]string {
	t.Helper()
	var rows [][]string
	in := false
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "|") {
			if in {
				break
			}
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(cells[i], "**", ""))
		}
		if !in {
			if len(cells) >= len(header) && strings.Join(cells[:len(header)], "|") == strings.Join(header, "|") {
				in = true
			}
			continue
		}
		if strings.HasPrefix(cells[0], "---") || strings.HasPrefix(cells[0], ":--") {
			continue
		}
		rows = append(rows, cells)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no table with header %v", what, header)
	}
	return rows
}

// docNumber finds re in text and returns its first group as a number.
func docNumber(t *testing.T, text, what, re string) float64 {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("%s: no %q", what, re)
		return 0
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatalf("%s: %q: %v", what, m[1], err)
	}
	return v
}

// wantNum checks that the document's number doc, written with the decimals
// it has, is the code's value v rounded.
func wantNum(t *testing.T, what string, doc string, v float64) {
	t.Helper()
	d := 0
	if k := strings.IndexByte(doc, '.'); k >= 0 {
		d = len(doc) - k - 1
	}
	if num(v, d) != doc {
		t.Errorf("%s: the document says %s, the code gives %s", what, doc, num(v, d))
	}
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestScoringDocNumbers(t *testing.T) {
	cfg, s, pl := workedExample(t)
	doc := readDoc(t, "../../docs/scoring.md")
	w := cfg.WeightVector()
	sumW := 0.0
	for _, x := range w {
		sumW += x
	}

	// Step 2: the flags.
	for _, r := range docTable(t, doc, "scoring.md flags", "flag", "test", "value") {
		ids, vals := strings.Split(r[0], " / "), strings.Split(r[2], " / ")
		for k, id := range ids {
			f := model.FlagIndex(id)
			if f < 0 || k >= len(vals) {
				t.Errorf("scoring.md flags: row %q", r)
				continue
			}
			if want := map[bool]string{true: "1", false: "0"}[s.Flags[f]]; vals[k] != want {
				t.Errorf("scoring.md flag %s = %s, the code gives %s", id, vals[k], want)
			}
		}
	}

	// Step 3: the fifteen criteria.
	rows := docTable(t, doc, "scoring.md criteria", "criterion", "w", "origin")
	n := 0
	for _, r := range rows {
		if r[0] == "total" {
			wantNum(t, "scoring.md Σw", r[1], sumW)
			wantNum(t, "scoring.md Σw·x", r[5], s.Challenge*sumW/100)
			continue
		}
		i := model.CriterionIndex(r[0])
		if i < 0 {
			t.Errorf("scoring.md: unknown criterion %q", r[0])
			continue
		}
		n++
		wantNum(t, "scoring.md w of "+r[0], r[1], w[i])
		if r[2] != s.Origin[i].String() {
			t.Errorf("scoring.md origin of %s = %s, the code gives %s", r[0], r[2], s.Origin[i])
		}
		wantNum(t, "scoring.md x of "+r[0], r[4], s.X[i])
		wantNum(t, "scoring.md w·x of "+r[0], r[5], w[i]*s.X[i])
		wantNum(t, "scoring.md points of "+r[0], r[6], 100*w[i]*s.X[i]/sumW)
	}
	if n != model.NumCriteria {
		t.Errorf("scoring.md lists %d criteria", n)
	}

	// Step 4: challenge, support, peak, band.
	for _, r := range docTable(t, doc, "scoring.md step 4", "quantity", "computation", "value") {
		switch {
		case strings.HasPrefix(r[0], "challenge"):
			f := strings.Fields(r[2]) // "60.26 (printed 60.3)"
			wantNum(t, "scoring.md C", f[0], s.Challenge)
			wantNum(t, "scoring.md C printed", strings.TrimSuffix(f[2], ")"), s.Challenge)
		case strings.HasPrefix(r[0], "support"):
			wantNum(t, "scoring.md S", r[2], s.Support)
		case strings.HasPrefix(r[0], "top of the stretch band"):
			wantNum(t, "scoring.md P", r[2], s.Peak(cfg))
		case strings.HasPrefix(r[0], "band"):
			if r[2] != string(s.Band) {
				t.Errorf("scoring.md band %s, the code gives %s", r[2], s.Band)
			}
		}
	}

	// Step 6: the strategic conditions and the verdict.
	for _, r := range docTable(t, doc, "scoring.md step 6", "condition", "x") {
		if r[0] == "verdict" {
			if want := map[bool]string{true: "strategic", false: "not strategic"}[s.Strategic]; r[len(r)-1] != want {
				t.Errorf("scoring.md verdict %s, the code gives %s", r[len(r)-1], want)
			}
			continue
		}
		wantNum(t, "scoring.md step 6 x of "+r[0], r[1], s.X[model.CriterionIndex(r[0])])
	}

	// Step 7: the value and the plan's other candidates.
	wantNum(t, "scoring.md v", strconv.FormatFloat(docNumber(t, doc, "scoring.md v", `v\(C\) = C / P = [0-9.]+ / [0-9.]+ = \*\*([0-9.]+)\*\*`), 'f', 3, 64), s.Value(cfg))
	for _, c := range []struct{ id, re string }{
		{"M053", `M053 to P017 \(C ([0-9.]+), v [0-9.]+\)`}, {"M053", `M053 to P017 \(C [0-9.]+, v ([0-9.]+)\)`},
		{"M072", `M072 by E0028 \(C ([0-9.]+), v [0-9.]+\)`}, {"M072", `M072 by E0028 \(C [0-9.]+, v ([0-9.]+)\)`},
	} {
		m := regexp.MustCompile(c.re).FindStringSubmatch(strings.Join(strings.Fields(doc), " "))
		if m == nil {
			t.Errorf("scoring.md: no %q", c.re)
			continue
		}
		e := planEntry(t, pl, c.id)
		v := e.Value
		if strings.Contains(c.re, `\(C (`) {
			v = e.Score.Challenge
		}
		wantNum(t, "scoring.md "+c.id, m[1], v)
	}
	if e := planEntry(t, pl, "M073"); e.Status != matcher.Chosen {
		t.Error("scoring.md: the plan chooses M073, the code does not")
	}

	// Step 8: the three strongest contributions.
	re := regexp.MustCompile(`(?m)^[0-9]\. .*\(([a-z_]+)\): \+([0-9.]+), ([a-z]+)$`)
	got := re.FindAllStringSubmatch(doc, -1)
	top := s.Top()
	if len(got) != len(top) {
		t.Fatalf("scoring.md step 8 lists %d contributions, the code has %d", len(got), len(top))
	}
	for k, c := range top {
		id := model.Catalog[c.Criterion].ID
		if got[k][1] != id || got[k][3] != s.Origin[c.Criterion].String() {
			t.Errorf("scoring.md contribution %d: %s (%s), the code gives %s (%s)", k+1, got[k][1], got[k][3], id, s.Origin[c.Criterion])
		}
		wantNum(t, "scoring.md contribution "+id, got[k][2], c.Points)
	}

	// Step 9: the CSV row, verbatim as score prints it.
	dir := t.TempDir()
	in := sampleDir(t, dir)
	code, stdout, stderr := cli("score", in, "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	var row string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "M073,") {
			row = l
		}
	}
	if block := regexp.MustCompile("(?s)```csv\n(move_id,[^\n]*)\n(M073,[^\n]*)\n```").FindStringSubmatch(doc); block == nil {
		t.Error("scoring.md: no CSV block with the row of M073")
	} else if header := strings.SplitN(stdout, "\n", 2)[0]; block[1] != header || block[2] != row {
		t.Errorf("scoring.md step 9:\n doc  %s\n      %s\n code %s\n      %s", block[1], block[2], header, row)
	}
}

func TestReadmeWorkedExampleNumbers(t *testing.T) {
	cfg, s, pl := workedExample(t)
	all := readDoc(t, "../../README.md")
	start := strings.Index(all, "### A worked example")
	if start < 0 {
		t.Fatal("README: no worked example")
	}
	doc := all[start:]
	doc = doc[:strings.Index(doc[4:], "\n## ")+4]
	w := cfg.WeightVector()
	sumW := 0.0
	for _, x := range w {
		sumW += x
	}
	n := 0
	for _, r := range docTable(t, doc, "README worked example", "criterion", "w", "x", "origin") {
		i := model.CriterionIndex(r[0])
		if i < 0 {
			t.Errorf("README: unknown criterion %q", r[0])
			continue
		}
		n++
		if v, err := strconv.ParseFloat(r[1], 64); err != nil || v != w[i] {
			t.Errorf("README w of %s = %s, the code has %v", r[0], r[1], w[i])
		}
		wantNum(t, "README x of "+r[0], r[2], s.X[i])
		if r[3] != s.Origin[i].String() {
			t.Errorf("README origin of %s = %s, the code gives %s", r[0], r[3], s.Origin[i])
		}
	}
	if n != model.NumCriteria {
		t.Errorf("README lists %d criteria", n)
	}
	flat := strings.Join(strings.Fields(doc), " ")
	num := func(what, re string) string {
		m := regexp.MustCompile(re).FindStringSubmatch(flat)
		if m == nil {
			t.Fatalf("README: no %s (%q)", what, re)
		}
		return m[1]
	}
	wantNum(t, "README Σw", num("Σw", `Σw = ([0-9.]+) and`), sumW)
	wantNum(t, "README Σw·x", num("Σw·x", `Σw·x = ([0-9.]+),`), s.Challenge*sumW/100)
	wantNum(t, "README C", num("C", `\*\*C = 100 · [0-9.]+ / [0-9.]+ = ([0-9.]+)\*\*`), s.Challenge)
	wantNum(t, "README C printed", num("C printed", `\(printed ([0-9.]+)\)`), s.Challenge)
	wantNum(t, "README S", num("S", `\*\*S = \(4 − 1\)/4 = ([0-9.]+)\*\*`), s.Support)
	wantNum(t, "README P", num("P", `P = 60 \+ 10 · [0-9.]+ = ([0-9.]+)`), s.Peak(cfg))
	wantNum(t, "README v", num("v", `v = [0-9.]+ / [0-9.]+ = \*\*([0-9.]+)\*\*`), s.Value(cfg))
	if b := num("band", `with no hard trigger \(only two of the three changes .many_changes. needs\): \*\*([a-z]+)\*\*`); b != string(s.Band) {
		t.Errorf("README band %s, the code gives %s", b, s.Band)
	}
	if !strings.Contains(flat, "**strategic**") != !s.Strategic {
		t.Errorf("README: strategic %v", s.Strategic)
	}
	var flags []string
	for i, f := range model.Flags {
		if s.Flags[i] {
			flags = append(flags, f.ID)
		}
	}
	wantFlags := strings.Join(flags[:len(flags)-1], ", ") + " and " + flags[len(flags)-1]
	if !strings.Contains(flat, "The move flags are "+wantFlags+".") {
		t.Errorf("README: the move flags are not %q", wantFlags)
	}
	var reasons []string
	for _, c := range s.Top() {
		reasons = append(reasons, model.Catalog[c.Criterion].LabelEN+" (+"+num2(c.Points)+", "+s.Origin[c.Criterion].String()+")")
	}
	if want := `"` + strings.Join(reasons, "; ") + `"`; !strings.Contains(flat, want) {
		t.Errorf("README: the reasons are not %s", want)
	}
	if e := planEntry(t, pl, "M073"); e.Status != matcher.Chosen {
		t.Error("README: the plan chooses M073, the code does not")
	}
}

func num2(v float64) string { return num(v, 1) }
