package reports

import (
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// samplePack runs the whole cycle on the embedded sample and builds the
// committee pack.
func cyclePack(t *testing.T, lang Lang) (*Pack, []matcher.Score, *matcher.Plan, *matcher.Matching, *model.Dataset) {
	t.Helper()
	cfg := model.Default()
	in, err := data.SampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := data.Load(in, data.ReadOptions{Config: &cfg})
	if err != nil {
		t.Fatal(err)
	}
	ix := matcher.NewIndex(ds)
	scores, err := matcher.ScoreAll(&cfg, ds, ix)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := matcher.MakePlan(&cfg, scores, ds.Positions, matcher.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mt, err := matcher.Match(&cfg, ds, ix, pl, matcher.MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := Committee(CommitteeInput{Config: &cfg, Dataset: ds, Scores: scores, Plan: pl, Matching: mt, Lang: lang,
		Run: RunRecord{Version: "test", Config: &cfg}})
	return p, scores, pl, mt, ds
}

// cell returns the cell of table t in the row whose first cell is first,
// and the column with key.
func cell(t *testing.T, tb *Table, first, key string) string {
	t.Helper()
	if tb == nil {
		t.Fatalf("no table")
	}
	k := slices.IndexFunc(tb.Columns, func(c Column) bool { return c.Key == key })
	for _, row := range tb.Rows {
		if row[0] == first {
			return row[k]
		}
	}
	t.Fatalf("table %s: no row %q", tb.Name, first)
	return ""
}

// TestCommitteeNumbers recomputes the pack's figures from the results of
// the cycle: sections in the order of the specification, counts by band,
// quartiles of the fit (nearest rank, as stat.Empirical), equity totals.
func TestCommitteeNumbers(t *testing.T) {
	p, scores, pl, mt, ds := cyclePack(t, EN)
	var names []string
	for _, s := range p.Sections {
		names = append(names, s.Name)
	}
	if want := []string{"summary", "people", "pairs", "exceptions", "equity", "mentor_load", "plan", "run"}; !slices.Equal(names, want) {
		t.Errorf("sections %v, want %v", names, want)
	}

	sum := PackTable(p, "summary")
	bands := map[matcher.Band]int{}
	strategic := 0
	for _, s := range scores {
		bands[s.Band]++
		if s.Strategic {
			strategic++
		}
	}
	for what, want := range map[string]int{
		"candidate moves":               len(scores),
		"moves in the comfort band":     bands[matcher.Comfort],
		"moves in the stretch band":     bands[matcher.Stretch],
		"moves in the overstretch band": bands[matcher.Overstretch],
		"strategic moves":               strategic,
		"moves chosen":                  pl.ChosenCount(),
		"mentees matched":               len(mt.Pairs),
		"mentees left unmatched":        len(mt.Unmatched),
	} {
		if got := cell(t, sum, what, "count"); got != strconv.Itoa(want) {
			t.Errorf("summary %q = %s, want %d", what, got, want)
		}
	}
	matched := 100 * float64(len(mt.Pairs)) / float64(len(mt.Pairs)+len(mt.Unmatched))
	if got := cell(t, sum, "mentees matched", "share"); got != Num(matched, 1) {
		t.Errorf("matched share %s, want %s", got, Num(matched, 1))
	}

	// Quartiles: the smallest fit with at least p of the fits at or below it.
	var fits []float64
	for _, pr := range mt.Pairs {
		fits = append(fits, pr.Fit.Total)
	}
	slices.Sort(fits)
	q := PackTable(p, "fit_quartiles")
	for label, p := range map[string]float64{"first quartile": 0.25, "median": 0.5, "third quartile": 0.75} {
		want := fits[int(math.Ceil(p*float64(len(fits))))-1]
		if got := cell(t, q, label, "fit"); got != Num(want, 1) {
			t.Errorf("%s %s, want %s", label, got, Num(want, 1))
		}
	}
	if got := cell(t, q, "lowest", "fit"); got != Num(fits[0], 1) {
		t.Errorf("lowest %s, want %s", got, Num(fits[0], 1))
	}

	// Equity by division: the group rows add up to the totals of the cycle.
	eq := PackTable(p, "bands_by_division")
	col := func(key string) int { return slices.IndexFunc(eq.Columns, func(c Column) bool { return c.Key == key }) }
	var people, moves, mentees, match int
	for _, row := range eq.Rows[:len(eq.Rows)-1] { // the last row is the total
		n := func(key string) int { v, _ := strconv.Atoi(row[col(key)]); return v }
		people += n("people")
		moves += n("moves")
		mentees += n("mentees")
		match += n("matched")
	}
	if people != len(ds.People) || moves != len(scores) || mentees != len(mt.Pairs)+len(mt.Unmatched) || match != len(mt.Pairs) {
		t.Errorf("equity by division adds up to %d people, %d moves, %d mentees, %d matched; want %d, %d, %d, %d",
			people, moves, mentees, match, len(ds.People), len(scores), len(mt.Pairs)+len(mt.Unmatched), len(mt.Pairs))
	}
	if len(eq.Rows) < 6 {
		t.Errorf("equity by division has %d rows: the sample has at least 5 divisions and a total", len(eq.Rows))
	}
	if PackTable(p, "bands_by_gender") == nil || PackTable(p, "equity_gender") == nil {
		t.Error("no equity table by gender, though the sample gives gender")
	}
}

// TestCommitteeRedacted checks that with a redacting namer no person's name
// is left in any table of the pack.
func TestCommitteeRedacted(t *testing.T) {
	cfg := model.Default()
	_, scores, pl, mt, ds := cyclePack(t, FR)
	p := Committee(CommitteeInput{Config: &cfg, Dataset: ds, Scores: scores, Plan: pl, Matching: mt, Lang: FR,
		Names: Namer{Redact: true}, Run: RunRecord{Version: "test", Config: &cfg}})
	names := map[string]bool{}
	for _, pe := range ds.People {
		names[pe.Name] = true
	}
	for _, s := range p.Sections {
		for _, tb := range s.Tables {
			for _, row := range tb.Rows {
				for _, c := range row {
					if names[c] {
						t.Fatalf("table %s shows the name %q", tb.Name, c)
					}
				}
			}
		}
	}
}
