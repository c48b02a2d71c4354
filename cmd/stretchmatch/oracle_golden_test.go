package main

import (
	"encoding/csv"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/internal/oracle"
	"github.com/stretchmatch/stretchmatch/model"
)

// The golden files hold what the committee reads. These tests recompute
// every number of them with the independent oracle (internal/oracle,
// written from the specification without the matcher's code): a golden
// file can only be regenerated to numbers the oracle agrees with.

// csvTable is a CSV table with its columns by name.
type csvTable struct {
	col  map[string]int
	rows [][]string
}

func (t *csvTable) get(row []string, name string) string {
	k, ok := t.col[name]
	if !ok || k >= len(row) {
		return ""
	}
	return row[k]
}

// parseTables splits CSV text into its tables (separated by blank lines)
// and returns them by their first column name joined with the second.
func parseTables(t *testing.T, text string) map[string]*csvTable {
	t.Helper()
	out := map[string]*csvTable{}
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		recs, err := csv.NewReader(strings.NewReader(block)).ReadAll()
		if err != nil {
			t.Fatalf("golden CSV: %v", err)
		}
		tb := &csvTable{col: map[string]int{}, rows: recs[1:]}
		for i, h := range recs[0] {
			tb.col[h] = i
		}
		out[strings.Join(recs[0][:min(3, len(recs[0]))], ",")] = tb
	}
	return out
}

// tableWith returns the table whose header starts with the given columns.
func tableWith(t *testing.T, tables map[string]*csvTable, key, what string) *csvTable {
	t.Helper()
	tb, ok := tables[key]
	if !ok {
		t.Fatalf("%s: no table with header %s", what, key)
	}
	return tb
}

func readArchive(t *testing.T, path string) map[string]string {
	t.Helper()
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	return files
}

// num formats v with d decimals, rounding half away from zero as the
// committee's spreadsheets do.
func num(v float64, d int) string {
	p := math.Pow10(d)
	r := math.Round(v*p) / p
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', d, 64)
}

func f1(v float64) string { return num(v, 1) }
func f2(v float64) string { return num(v, 2) }
func f3(v float64) string { return num(v, 3) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// cycleOracle is the oracle's view of one review cycle.
type cycleOracle struct {
	cfg      model.Config
	ds       *model.Dataset
	people   map[string]*model.Person
	pos      map[string]*model.Position
	scores   map[string]oracle.MoveScore // by move id
	moves    []oracle.PlanMove
	openings map[string]int
	allow    bool // the plan may choose overstretch moves
}

func newCycleOracle(ds *model.Dataset) *cycleOracle {
	c := &cycleOracle{cfg: model.Default(), ds: ds, people: map[string]*model.Person{}, pos: map[string]*model.Position{},
		scores: map[string]oracle.MoveScore{}, openings: map[string]int{}}
	for i := range ds.People {
		c.people[ds.People[i].ID] = &ds.People[i]
	}
	for i := range ds.Positions {
		c.pos[ds.Positions[i].ID] = &ds.Positions[i]
		c.openings[ds.Positions[i].ID] = ds.Positions[i].Openings
	}
	for i := range ds.Moves {
		mv := &ds.Moves[i]
		s := oracle.ScoreMove(&c.cfg, c.people[mv.PersonID], c.pos[mv.PositionID], mv)
		c.scores[mv.ID] = s
		c.moves = append(c.moves, oracle.PlanMove{ID: mv.ID, Person: mv.PersonID, Position: mv.PositionID, Value: s.Value, Band: s.Band})
	}
	return c
}

// checkScores compares every cell of a scores.csv with the oracle.
func (c *cycleOracle) checkScores(t *testing.T, tb *csvTable) {
	t.Helper()
	if len(tb.rows) != len(c.ds.Moves) {
		t.Errorf("scores: %d rows for %d moves", len(tb.rows), len(c.ds.Moves))
	}
	for _, row := range tb.rows {
		id := tb.get(row, "move_id")
		s, ok := c.scores[id]
		if !ok {
			t.Errorf("scores: unknown move %s", id)
			continue
		}
		want := map[string]string{
			"challenge": f1(s.C), "support": f2(s.S), "band": s.Band, "strategic_move": yesNo(s.Strategic),
			"triggers": strings.Join(s.Triggers, "|"), "conditions_held": strings.Join(s.Held, "|"),
		}
		var origins, flags []string
		for _, cr := range oracle.Criteria {
			want[cr] = f2(s.X[cr])
			origins = append(origins, cr+"="+s.Origin[cr])
		}
		for _, fl := range oracle.FlagIDs {
			if s.Flags[fl] {
				flags = append(flags, fl)
			}
		}
		want["origins"], want["flags"] = strings.Join(origins, "|"), strings.Join(flags, "|")
		for _, k := range slices.Sorted(maps.Keys(want)) {
			if got := tb.get(row, k); got != want[k] {
				t.Errorf("scores %s %s = %q, oracle %q", id, k, got, want[k])
			}
		}
		// The reasons name the three strongest contributions, in order.
		reasons, at := tb.get(row, "reasons"), 0
		for k, cr := range s.Top {
			w := fmt.Sprintf("%s (+%s, %s)", model.Catalog[model.CriterionIndex(cr)].LabelEN, f1(s.TopPoints[k]), s.Origin[cr])
			i := strings.Index(reasons[at:], w)
			if i < 0 {
				t.Errorf("scores %s reasons %q: no %q after position %d", id, reasons, w, at)
				break
			}
			at += i + len(w)
		}
	}
}

// checkPlan compares a plan.csv with the oracle: its value is the optimum,
// and every row's value, status and reason are right.
func (c *cycleOracle) checkPlan(t *testing.T, tb *csvTable) map[string]bool {
	t.Helper()
	chosen := map[string]bool{}
	total := 0.0
	for _, row := range tb.rows {
		if tb.get(row, "status") == "chosen" {
			chosen[tb.get(row, "move_id")] = true
			total += c.scores[tb.get(row, "move_id")].Value
		}
	}
	opt := oracle.PlanOptimum(c.moves, c.openings, c.allow)
	if math.Abs(total-opt) > 1e-9 {
		t.Errorf("plan: the chosen moves are worth %.6f, the optimum is %.6f", total, opt)
	}
	reasons, feasible := oracle.PlanReasons(c.moves, c.openings, c.allow, chosen)
	if !feasible {
		t.Errorf("plan: the chosen moves break a person's or a position's limit, or include an excluded move")
	}
	for _, row := range tb.rows {
		id := tb.get(row, "move_id")
		s := c.scores[id]
		for k, w := range map[string]string{"challenge": f1(s.C), "band": s.Band, "value": f3(s.Value)} {
			if got := tb.get(row, k); got != w {
				t.Errorf("plan %s %s = %q, oracle %q", id, k, got, w)
			}
		}
		got := tb.get(row, "reason")
		if chosen[id] {
			if w := "chosen: development value " + f3(s.Value); got != w {
				t.Errorf("plan %s reason %q, want %q", id, got, w)
			}
			continue
		}
		if st := tb.get(row, "status"); st != "not_chosen" {
			t.Errorf("plan %s status %q", id, st)
		}
		r := reasons[id]
		var want string
		switch r.Code {
		case "overstretch_excluded":
			want = "overstretch (challenge " + f1(s.C) + "): excluded unless --allow-overstretch"
			if len(s.Triggers) > 0 {
				want = "overstretch by hard trigger " + strings.Join(s.Triggers, ", ") + ": excluded unless --allow-overstretch"
			}
		case "other_move_chosen":
			o := c.scores[r.By[0]].Value
			want = fmt.Sprintf("the person takes move %s instead (value %s): this gives a total value at least as high", r.By[0], f3(o))
			if o >= s.Value-1e-9 {
				want = fmt.Sprintf("the person takes move %s instead (value %s, no less than %s)", r.By[0], f3(o), f3(s.Value))
			}
		case "duplicate":
			want = fmt.Sprintf("same person and position as move %s, which is kept", r.By[0])
		case "no_value":
			want = "no development value (challenge 0 or 100)"
		case "position_filled":
			want = c.filledReason(tb.get(row, "position_id"), s.Value, r)
		}
		if got != want {
			t.Errorf("plan %s reason %q, oracle %q", id, got, want)
		}
	}
	return chosen
}

// filledReason is the reason of a move whose position went to others:
// "higher-value candidates" only when every one of them has more value
// than the move, and the move the person takes instead when there is one.
func (c *cycleOracle) filledReason(pos string, value float64, r oracle.PlanReason) string {
	higher := true
	by := make([]string, len(r.By))
	for i, id := range r.By {
		v := c.scores[id].Value
		higher = higher && v > value+1e-9
		by[i] = fmt.Sprintf("%s (%s)", id, f3(v))
	}
	s := fmt.Sprintf("position %s went to %s, which gives a total value at least as high", pos, strings.Join(by, ", "))
	if higher {
		s = fmt.Sprintf("position %s went to higher-value candidates: %s", pos, strings.Join(by, ", "))
	}
	if r.Instead != "" {
		s += fmt.Sprintf("; the person takes move %s (value %s)", r.Instead, f3(c.scores[r.Instead].Value))
	}
	return s
}

// matchOracle prepares the matching oracle for the plan chosen.
func (c *cycleOracle) matchOracle(chosen map[string]bool) *oracle.Oracle {
	planned := map[string]oracle.Planned{}
	for i := range c.ds.Moves {
		mv := &c.ds.Moves[i]
		if chosen[mv.ID] {
			planned[mv.PersonID] = oracle.Planned{Score: c.scores[mv.ID], Position: c.pos[mv.PositionID]}
		}
	}
	return oracle.New(oracle.MatchInput{Cfg: &c.cfg, DS: c.ds, Planned: planned})
}

// checkPairs compares a pairs.csv with the oracle: every pair allowed, its
// fit and components, its tier; the new pairs an optimum of the whole
// problem; the next-best mentor, its fit, and the losses of a re-solve.
// It returns the number of new pairs of each mentor.
func checkPairs(t *testing.T, or *oracle.Oracle, tb *csvTable) map[string]int {
	t.Helper()
	pr := or.Problem()
	rowOf, colOf := map[string]int{}, map[string]int{}
	for i, e := range pr.Rows {
		rowOf[e] = i
	}
	for j, m := range pr.Cols {
		colOf[m] = j
	}
	optTier, optFit, _, ok := pr.Optimum(-1, -1)
	if !ok {
		t.Fatal("oracle: the matching has no solution")
	}
	keptWant := map[string]string{}
	for _, p := range or.Kept {
		keptWant[p.Mentee] = p.Mentor
	}
	tier, fit, nNew := 0, int64(0), map[string]int{}
	seen := map[string]bool{}
	for _, row := range tb.rows {
		e, m := tb.get(row, "mentee_id"), tb.get(row, "mentor_id")
		name := e + "–" + m
		if seen[e] {
			t.Errorf("pairs: mentee %s paired twice", e)
		}
		seen[e] = true
		rule, f := or.Rule(e, m)
		if rule != "" {
			t.Errorf("pairs %s breaks rule %s", name, rule)
			continue
		}
		want := map[string]string{"fit": f1(f.Total), "tier": strconv.Itoa(or.Tier(e)), "preference_rank": ""}
		if f.Rank > 0 {
			want["preference_rank"] = strconv.Itoa(f.Rank)
		}
		for k, id := range []string{"experience", "preference", "seniority", "cross_division", "location"} {
			want["fit_"+id] = ""
			if f.Has[k] {
				want["fit_"+id] = f2(f.C[k])
			}
		}
		status := tb.get(row, "status")
		if status == "kept" {
			if keptWant[e] != m {
				t.Errorf("pairs %s is kept, the oracle keeps %q", name, keptWant[e])
			}
			want["next_best_mentor_id"], want["loss_if_next_best"], want["next_best_fit"], want["priority_loss_if_next_best"] = "", "", "", ""
		} else {
			if status != "new" {
				t.Errorf("pairs %s status %q", name, status)
			}
			i, j := rowOf[e], colOf[m]
			if _, ok := colOf[m]; !ok {
				t.Errorf("pairs %s: mentor %s has no room", name, m)
				continue
			}
			nNew[m]++
			tier += pr.Tier[i]
			fit += f.Key()
			nb := pr.NextBest(i, j)
			want["next_best_mentor_id"], want["loss_if_next_best"], want["next_best_fit"], want["priority_loss_if_next_best"] = "", "", "", ""
			if nb >= 0 && testing.Short() {
				// The re-solves are the slow part: in -short, check one pair in five.
				if i%5 != 0 {
					delete(want, "loss_if_next_best")
					delete(want, "priority_loss_if_next_best")
				}
			}
			if nb >= 0 {
				want["next_best_mentor_id"] = pr.Cols[nb]
				want["next_best_fit"] = f1(pr.Fit[i][nb].Total)
				if _, check := want["loss_if_next_best"]; check {
					tl, fl := pr.Loss(i, nb, optTier, optFit)
					want["loss_if_next_best"] = f2(float64(fl) / 100)
					want["priority_loss_if_next_best"] = strconv.Itoa(tl)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(want)) {
			if got := tb.get(row, k); got != want[k] {
				t.Errorf("pairs %s %s = %q, oracle %q", name, k, got, want[k])
			}
		}
	}
	for e, m := range keptWant {
		if !seen[e] {
			t.Errorf("pairs: the oracle keeps %s–%s, the golden does not", e, m)
		}
	}
	if tier != optTier || fit != optFit {
		t.Errorf("pairs: new pairs total tier %d, fit %.2f; the optimum is tier %d, fit %.2f", tier, float64(fit)/100, optTier, float64(optFit)/100)
	}
	for m, k := range nNew {
		if k > or.Room(m) {
			t.Errorf("pairs: mentor %s has %d new mentees, room for %d", m, k, or.Room(m))
		}
	}
	return nNew
}

// checkUnmatched compares the unmatched mentees with the oracle: who, tier,
// and the counts of mentors excluded by each rule.
func checkUnmatched(t *testing.T, or *oracle.Oracle, matched map[string]bool, ids []string, tiers []string, excluded []string, eligible []string) {
	t.Helper()
	pr := or.Problem()
	var want []string
	for i, e := range pr.Rows {
		if !matched[e] {
			var ex []string
			for _, r := range oracle.Rules {
				if n := pr.Excluded[i][r]; n > 0 {
					ex = append(ex, fmt.Sprintf("%s=%d", r, n))
				}
			}
			want = append(want, fmt.Sprintf("%s tier %d excluded %s eligible %d", e, pr.Tier[i], strings.Join(ex, "|"), pr.Eligible[i]))
		}
	}
	var got []string
	for k := range ids {
		got = append(got, fmt.Sprintf("%s tier %s excluded %s eligible %s", ids[k], tiers[k], excluded[k], eligible[k]))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("unmatched:\n got %q\nwant %q", got, want)
	}
}

// checkLoad compares mentor load rows (id, capacity, assigned, left, kept,
// new) with the oracle.
func checkLoad(t *testing.T, or *oracle.Oracle, nNew map[string]int, rows [][6]string) {
	t.Helper()
	if len(rows) != len(or.MentorID) {
		t.Errorf("mentor load: %d rows for %d mentors", len(rows), len(or.MentorID))
	}
	for _, r := range rows {
		m := r[0]
		c, k, n := or.Capacity(m), or.Load[m], nNew[m]
		want := [6]string{m, strconv.Itoa(c), strconv.Itoa(k + n), strconv.Itoa(max(c-k-n, 0)), strconv.Itoa(k), strconv.Itoa(n)}
		if r != want {
			t.Errorf("mentor load %s: %v, oracle %v", m, r, want)
		}
	}
}

// mdTables returns the Markdown tables of a report, by the heading above
// them, each a list of rows of cells (header first).
func mdTables(text string) map[string][][]string {
	out := map[string][][]string{}
	head := ""
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "#") {
			head = strings.TrimSpace(strings.TrimLeft(line, "#"))
			// "Mentees left unmatched — the optimum: 23.001": the plan shown.
			head, _, _ = strings.Cut(head, " — ")
			continue
		}
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") {
			continue
		}
		line = strings.ReplaceAll(line, `\|`, "\x00")
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = mdUnescape.Replace(strings.ReplaceAll(strings.TrimSpace(cells[i]), "\x00", "|"))
		}
		out[head] = append(out[head], cells)
	}
	return out
}

// mdUnescape undoes the Markdown escapes of the pack's cells.
var mdUnescape = strings.NewReplacer(`\_`, "_", `\*`, "*", `\[`, "[", `\]`, "]", `\!`, "!", `\~`, "~",
	`\<`, "<", `\>`, ">", `\&`, "&", `\@`, "@", `\#`, "#", `\\`, `\`, "&lt;", "<", "&gt;", ">", "&amp;", "&")

func loadSample(t *testing.T) *model.Dataset {
	t.Helper()
	in, err := data.SampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := data.Load(in, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestSampleGoldensAgainstOracle checks the sample's golden scores, plan
// and pairs (testdata/script/cycle_sample.txtar) and the counts of its
// golden committee pack (testdata/report_en.md) with the oracle.
func TestSampleGoldensAgainstOracle(t *testing.T) {
	c := newCycleOracle(loadSample(t))
	files := readArchive(t, "testdata/script/cycle_sample.txtar")
	c.checkScores(t, tableWith(t, parseTables(t, files["scores.csv"]), "move_id,person_id,person_name", "scores.csv"))
	chosen := c.checkPlan(t, tableWith(t, parseTables(t, files["plan.csv"]), "move_id,person_id,position_id", "plan.csv"))
	or := c.matchOracle(chosen)
	pairs := tableWith(t, parseTables(t, files["match.csv"]), "mentee_id,mentee_name,mentor_id", "match.csv")
	nNew := checkPairs(t, or, pairs)

	report, err := os.ReadFile("testdata/report_en.md")
	if err != nil {
		t.Fatal(err)
	}
	md := mdTables(string(report))
	matched := map[string]bool{}
	for _, row := range pairs.rows {
		matched[pairs.get(row, "mentee_id")] = true
	}
	var ids, tiers, excl, elig []string
	for _, r := range mdFind(t, md, "Mentees left unmatched")[1:] {
		ids, tiers, excl, elig = append(ids, r[0]), append(tiers, r[2]), append(excl, r[4]), append(elig, r[5])
	}
	checkUnmatched(t, or, matched, ids, tiers, excl, elig)
	// The pack draws the mentor load as a chart: its numbers are those of
	// mentor_load.csv.
	var load [][6]string
	ml := tableWith(t, parseTables(t, files["mentor_load.csv"]), "mentor_id,mentor_name,capacity", "mentor_load.csv")
	for _, r := range ml.rows {
		load = append(load, [6]string{ml.get(r, "mentor_id"), ml.get(r, "capacity"), ml.get(r, "assigned"), ml.get(r, "left"), ml.get(r, "kept"), ml.get(r, "new")})
	}
	checkLoad(t, or, nNew, load)
	var broken []string
	for _, r := range mdFind(t, md, "Earlier pairs no longer allowed")[1:] {
		broken = append(broken, strings.Join(r[:4], " "))
	}
	var wantBroken []string
	for _, b := range or.Broken {
		wantBroken = append(wantBroken, strings.Join([]string{b.Mentee, b.Mentor, b.Since, b.Rule}, " "))
	}
	if !slices.Equal(broken, wantBroken) {
		t.Errorf("broken pairs %q, oracle %q", broken, wantBroken)
	}
	c.checkEquity(t, md, chosen, or.Mentees, matched)
	c.checkUnplacedAndOpen(t, tableWith(t, parseTables(t, files["unplaced.csv"]), "person_id,person_name,candidate_moves", "unplaced.csv"),
		mdTable(mdFind(t, md, "Positions left open"), "position_id", "position_title", "openings", "filled", "eligible_candidates", "reason"), chosen)
	c.checkKeyFigures(t, mdFind(t, md, "Key figures"), chosen, or, len(pairs.rows), pairs)
}

// mdFind returns the table of mdTables whose heading is title, or title
// followed by " — " and the plan it shows; a missing table fails the test.
func mdFind(t *testing.T, md map[string][][]string, title string) [][]string {
	t.Helper()
	for head, rows := range md {
		if (head == title || strings.HasPrefix(head, title+" — ")) && len(rows) > 0 {
			return rows
		}
	}
	t.Fatalf("report_en.md has no table %q", title)
	return nil
}

// mdTable names the columns of a Markdown table of mdTables.
func mdTable(rows [][]string, cols ...string) *csvTable {
	tb := &csvTable{col: map[string]int{}}
	for i, c := range cols {
		tb.col[c] = i
	}
	if len(rows) > 0 {
		tb.rows = rows[1:]
	}
	return tb
}

// checkKeyFigures recomputes the key figures of the pack's summary.
func (c *cycleOracle) checkKeyFigures(t *testing.T, rows [][]string, chosen map[string]bool, or *oracle.Oracle, nPairs int, pairs *csvTable) {
	t.Helper()
	bands := map[string]int{}
	strategic := 0
	people := map[string]bool{}
	for _, m := range c.ds.Moves {
		s := c.scores[m.ID]
		bands[s.Band]++
		if s.Strategic {
			strategic++
		}
		people[m.PersonID] = true
	}
	nMoves := len(c.ds.Moves)
	open := 0
	filled := map[string]int{}
	for id := range chosen {
		for _, m := range c.moves {
			if m.ID == id {
				filled[m.Position]++
			}
		}
	}
	for _, p := range c.ds.Positions {
		if filled[p.ID] < max(p.Openings, 1) {
			open++
		}
	}
	places, used := 0, 0
	for _, m := range or.MentorID {
		places += or.Capacity(m)
	}
	kept := 0
	for _, r := range pairs.rows {
		if pairs.get(r, "status") == "kept" {
			kept++
		}
	}
	used = nPairs
	mentees := len(or.Mentees)
	want := map[string][2]string{
		"candidate moves":                     {strconv.Itoa(nMoves), ""},
		"moves in the comfort band":           {strconv.Itoa(bands["comfort"]), pct(bands["comfort"], nMoves)},
		"moves in the stretch band":           {strconv.Itoa(bands["stretch"]), pct(bands["stretch"], nMoves)},
		"moves in the overstretch band":       {strconv.Itoa(bands["overstretch"]), pct(bands["overstretch"], nMoves)},
		"strategic moves":                     {strconv.Itoa(strategic), pct(strategic, nMoves)},
		"people with a candidate move":        {strconv.Itoa(len(people)), ""},
		"moves chosen":                        {strconv.Itoa(len(chosen)), pct(len(chosen), len(people))},
		"total development value of the plan": {f3(oracle.PlanOptimum(c.moves, c.openings, c.allow)), ""},
		"positions left open":                 {strconv.Itoa(open), ""},
		"mentees":                             {strconv.Itoa(mentees), ""},
		"mentees matched":                     {strconv.Itoa(nPairs), pct(nPairs, mentees)},
		"pairs kept from history":             {strconv.Itoa(kept), pct(kept, mentees)},
		"mentees left unmatched":              {strconv.Itoa(mentees - nPairs), pct(mentees-nPairs, mentees)},
		"earlier pairs no longer allowed":     {strconv.Itoa(len(or.Broken)), ""},
		"mentor places":                       {strconv.Itoa(places), ""},
		"mentor places used":                  {strconv.Itoa(used), pct(used, places)},
	}
	seen := 0
	for _, r := range rows[1:] {
		w, ok := want[r[0]]
		if !ok {
			continue
		}
		seen++
		if r[1] != w[0] || r[2] != w[1] {
			t.Errorf("key figure %q: %s %s, oracle %s %s", r[0], r[1], r[2], w[0], w[1])
		}
	}
	if seen != len(want) {
		t.Errorf("key figures: %d of the %d figures found", seen, len(want))
	}
}

// checkEquity recomputes the equity tables of the pack (by gender,
// division, grade band and country): for each group its people, the rate
// of a candidate move proposed, of a stretch or strategic move chosen (of
// the group's people) and of a mentee matched (of its mentees), each
// rate's impact ratio against the highest rate of the groups of 5 or more
// with a value, the ⚑ flags below 0.8 and the mean challenge of the moves
// chosen; groups under 5 show "< 5" and nothing else.
func (c *cycleOracle) checkEquity(t *testing.T, md map[string][][]string, chosen map[string]bool, mentees []string, matched map[string]bool) {
	t.Helper()
	band := func(p *model.Person) string {
		if !p.Grade.OK {
			return ""
		}
		lo := (p.Grade.V-1)/3*3 + 1
		return fmt.Sprintf("%d–%d", lo, lo+2)
	}
	groups := map[string]func(p *model.Person) string{
		"Equity by gender":     func(p *model.Person) string { return p.Gender },
		"Equity by division":   func(p *model.Person) string { return p.Division },
		"Equity by grade band": band,
		"Equity by country":    func(p *model.Person) string { return p.Country },
	}
	for _, title := range slices.Sorted(maps.Keys(groups)) {
		key := groups[title]
		rows := md[title]
		if len(rows) < 2 {
			t.Errorf("equity: no table %q", title)
			continue
		}
		type counts struct {
			people, proposed, stretch, chosen, mentees, matched int
			sumC                                                float64
		}
		by := map[string]*counts{}
		get := func(id string) *counts {
			k := key(c.people[id])
			if k == "" {
				k = "(not given)"
			}
			if by[k] == nil {
				by[k] = &counts{}
			}
			return by[k]
		}
		for _, p := range c.ds.People {
			get(p.ID).people++
		}
		proposed := map[string]bool{}
		for _, mv := range c.ds.Moves {
			if !proposed[mv.PersonID] {
				proposed[mv.PersonID] = true
				get(mv.PersonID).proposed++
			}
			if s := c.scores[mv.ID]; chosen[mv.ID] {
				g := get(mv.PersonID)
				g.chosen++
				g.sumC += s.C
				if s.Band == "stretch" || s.Strategic {
					g.stretch++
				}
			}
		}
		for _, id := range mentees {
			g := get(id)
			g.mentees++
			if matched[id] {
				g.matched++
			}
		}
		rates := func(g *counts) [3]float64 {
			r := [3]float64{math.NaN(), math.NaN(), math.NaN()}
			if g.people >= 5 {
				r[0], r[1] = float64(g.proposed)/float64(g.people), float64(g.stretch)/float64(g.people)
			}
			if g.mentees >= 5 {
				r[2] = float64(g.matched) / float64(g.mentees)
			}
			return r
		}
		var best [3]float64
		for k, g := range by {
			for i, r := range rates(g) {
				if k != "(not given)" && r > best[i] {
					best[i] = r
				}
			}
		}
		listed := map[string]bool{}
		for _, r := range rows[1:] {
			g := by[r[0]]
			if g == nil || len(r) != 11 {
				t.Errorf("equity %s: unknown group or wrong row %q", title, r)
				continue
			}
			listed[r[0]] = true
			want := []string{r[0], "< 5", "", "", "", "", "", "", "", "", ""}
			if g.people >= 5 {
				rs := rates(g)
				var flags []string
				for i, name := range []string{"proposed", "stretch chosen", "matched"} {
					at := 2 + []int{0, 2, 6}[i]
					if !math.IsNaN(rs[i]) {
						want[at] = f1(100 * rs[i])
					}
					if !math.IsNaN(rs[i]) && r[0] != "(not given)" && best[i] > 0 {
						want[at+1] = f2(rs[i] / best[i])
						if rs[i]/best[i] < 0.8 {
							flags = append(flags, name)
						}
					}
				}
				want[1], want[7] = strconv.Itoa(g.people), strconv.Itoa(g.mentees)
				if g.chosen > 0 {
					want[6] = f1(g.sumC / float64(g.chosen))
				}
				if g.mentees < 5 {
					want[7] = "< 5"
				}
				if len(flags) > 0 {
					want[10] = "⚑ " + strings.Join(flags, ", ")
				}
			}
			if !slices.Equal(r, want) {
				t.Errorf("equity %s:\n got %q\nwant %q", title, r, want)
			}
		}
		for k := range by {
			if !listed[k] {
				t.Errorf("equity %s: group %q is missing", title, k)
			}
		}
	}
}

func pct(a, b int) string {
	if b == 0 {
		return ""
	}
	return f1(100 * float64(a) / float64(b))
}

// TestSyntheticGoldensAgainstOracle checks every golden file of
// testdata/script/cycle_synthetic.txtar, a seeded synthetic organisation
// with competition for mentors, against the oracle.
func TestSyntheticGoldensAgainstOracle(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := cli("init", dir+"/s", "--synthetic", "300", "--seed", "3"); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	in, err := data.ReadInputs(dir+"/s", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := data.Load(in, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := newCycleOracle(ds)
	files := readArchive(t, "testdata/script/cycle_synthetic.txtar")
	table := func(name, key string) *csvTable { return tableWith(t, parseTables(t, files[name]), key, name) }
	c.checkScores(t, table("scores.csv", "move_id,person_id,person_name"))
	chosen := c.checkPlan(t, table("plan.csv", "move_id,person_id,position_id"))
	c.checkUnplacedAndOpen(t, table("unplaced.csv", "person_id,person_name,candidate_moves"),
		table("open_positions.csv", "position_id,position_title,openings"), chosen)
	or := c.matchOracle(chosen)
	pairs := table("pairs.csv", "mentee_id,mentee_name,mentor_id")
	nNew := checkPairs(t, or, pairs)
	matched := map[string]bool{}
	for _, row := range pairs.rows {
		matched[pairs.get(row, "mentee_id")] = true
	}
	um := table("unmatched.csv", "mentee_id,mentee_name,tier")
	var ids, tiers, excl, elig []string
	for _, r := range um.rows {
		ids, tiers = append(ids, um.get(r, "mentee_id")), append(tiers, um.get(r, "tier"))
		excl, elig = append(excl, um.get(r, "excluded_by")), append(elig, um.get(r, "eligible_mentors"))
	}
	if len(ids) == 0 || len(pairs.rows) < 20 {
		t.Fatalf("the organisation has %d pairs and %d unmatched mentees: no competition to check", len(pairs.rows), len(ids))
	}
	checkUnmatched(t, or, matched, ids, tiers, excl, elig)
	ml := table("mentor_load.csv", "mentor_id,mentor_name,capacity")
	var load [][6]string
	for _, r := range ml.rows {
		load = append(load, [6]string{ml.get(r, "mentor_id"), ml.get(r, "capacity"), ml.get(r, "assigned"),
			ml.get(r, "left"), ml.get(r, "kept"), ml.get(r, "new")})
	}
	checkLoad(t, or, nNew, load)
	bp := table("broken_pairs.csv", "mentee_id,mentor_id,since")
	var broken, wantBroken []string
	for _, r := range bp.rows {
		broken = append(broken, strings.Join([]string{bp.get(r, "mentee_id"), bp.get(r, "mentor_id"), bp.get(r, "since"), bp.get(r, "rule")}, " "))
	}
	for _, b := range or.Broken {
		wantBroken = append(wantBroken, strings.Join([]string{b.Mentee, b.Mentor, b.Since, b.Rule}, " "))
	}
	if !slices.Equal(broken, wantBroken) {
		t.Errorf("broken pairs %q, oracle %q", broken, wantBroken)
	}

	// The same organisation planned with --allow-overstretch: the plan's
	// optimum takes the falling side of v(C), and the mentees planned on
	// an overstretch move get priority 3.
	c.allow = true
	chosen = c.checkPlan(t, table("plan_overstretch.csv", "move_id,person_id,position_id"))
	c.checkUnplacedAndOpen(t, table("unplaced_overstretch.csv", "person_id,person_name,candidate_moves"),
		table("open_positions_overstretch.csv", "position_id,position_title,openings"), chosen)
	or = c.matchOracle(chosen)
	pairs = table("pairs_overstretch.csv", "mentee_id,mentee_name,mentor_id")
	nNew = checkPairs(t, or, pairs)
	tier3 := 0
	for _, r := range pairs.rows {
		if pairs.get(r, "tier") == "3" {
			tier3++
		}
	}
	overstretch := 0
	for id := range chosen {
		if c.scores[id].Band == "overstretch" {
			overstretch++
		}
	}
	if tier3 == 0 || overstretch == 0 {
		t.Errorf("with --allow-overstretch: %d overstretch moves chosen, %d pairs of tier 3: nothing to check", overstretch, tier3)
	}
	ml = table("mentor_load_overstretch.csv", "mentor_id,mentor_name,capacity")
	load = nil
	for _, r := range ml.rows {
		load = append(load, [6]string{ml.get(r, "mentor_id"), ml.get(r, "capacity"), ml.get(r, "assigned"),
			ml.get(r, "left"), ml.get(r, "kept"), ml.get(r, "new")})
	}
	checkLoad(t, or, nNew, load)
}

// checkUnplacedAndOpen compares unplaced.csv (people with candidate moves
// given none, and why) and open_positions.csv (positions with openings left)
// with the oracle's reading of the plan.
func (c *cycleOracle) checkUnplacedAndOpen(t *testing.T, unplaced, open *csvTable, chosen map[string]bool) {
	t.Helper()
	reasons, _ := oracle.PlanReasons(c.moves, c.openings, c.allow, chosen)
	type person struct {
		moves int
		why   string
	}
	byPerson := map[string]*person{}
	placed := map[string]bool{}
	var order []string
	filled, eligible, proposed := map[string]int{}, map[string]int{}, map[string]int{}
	for _, m := range c.moves {
		proposed[m.Position]++
		if chosen[m.ID] {
			placed[m.Person] = true
			filled[m.Position]++
			eligible[m.Position]++
			continue
		}
		r := reasons[m.ID].Code
		if r != "overstretch_excluded" && r != "duplicate" {
			eligible[m.Position]++
		}
		p := byPerson[m.Person]
		if p == nil {
			p = &person{why: "overstretch_excluded"}
			byPerson[m.Person] = p
			order = append(order, m.Person)
		}
		p.moves++
		switch r {
		case "overstretch_excluded", "duplicate":
		case "position_filled":
			if p.why == "overstretch_excluded" {
				p.why = "position_filled"
			}
		default:
			p.why = "no_value"
		}
	}
	text := map[string]string{
		"overstretch_excluded": "all candidate moves are overstretch",
		"position_filled":      "the positions of their eligible moves went to other candidates",
		"no_value":             "no candidate move has development value",
	}
	slices.Sort(order)
	var want []string
	for _, id := range order {
		if !placed[id] {
			want = append(want, fmt.Sprintf("%s %d %s", id, byPerson[id].moves, text[byPerson[id].why]))
		}
	}
	var got []string
	for _, r := range unplaced.rows {
		got = append(got, fmt.Sprintf("%s %s %s", unplaced.get(r, "person_id"), unplaced.get(r, "candidate_moves"), unplaced.get(r, "reason")))
	}
	if !slices.Equal(got, want) {
		t.Errorf("unplaced:\n got %q\nwant %q", got, want)
	}
	want, got = nil, nil
	for _, p := range c.ds.Positions {
		k := max(p.Openings, 1)
		if filled[p.ID] >= k {
			continue
		}
		why := "candidates placed elsewhere or overstretch"
		switch {
		case proposed[p.ID] == 0:
			why = "nobody was proposed"
		case eligible[p.ID] == 0:
			why = "every candidate is overstretch"
		}
		want = append(want, fmt.Sprintf("%s %d %d %d %s", p.ID, k, filled[p.ID], eligible[p.ID], why))
	}
	for _, r := range open.rows {
		got = append(got, fmt.Sprintf("%s %s %s %s %s", open.get(r, "position_id"), open.get(r, "openings"),
			open.get(r, "filled"), open.get(r, "eligible_candidates"), open.get(r, "reason")))
	}
	if !slices.Equal(got, want) {
		t.Errorf("open positions:\n got %q\nwant %q", got, want)
	}
}
