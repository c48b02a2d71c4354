package synthetic_test

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/data/synthetic"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// generate resolves and generates opt, failing the test on error.
func generate(t testing.TB, opt synthetic.Options) (*model.Dataset, synthetic.Options) {
	t.Helper()
	res, err := opt.Resolve()
	if err != nil {
		t.Fatalf("Resolve(%+v): %v", opt, err)
	}
	ds, err := synthetic.Generate(opt)
	if err != nil {
		t.Fatalf("Generate(%+v): %v", opt, err)
	}
	return ds, res
}

// org20k is the organisation of 20,000 people with default options, shared
// by the tests that need a large one.
var org20k = sync.OnceValues(func() (*model.Dataset, error) {
	return synthetic.Generate(synthetic.Options{People: 20000, Seed: 7})
})

func TestGenerateIsDeterministic(t *testing.T) {
	opt := synthetic.Options{People: 1000, Seed: 42}
	a, _ := generate(t, opt)
	b, _ := generate(t, opt)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("two runs with the same options differ (-first +second):\n%s", diff)
	}
	opt.Seed = 43
	c, _ := generate(t, opt)
	if cmp.Equal(a, c) {
		t.Fatal("seeds 42 and 43 gave the same dataset")
	}
	// Not just a reshuffle: the people themselves differ.
	same := 0
	for i := range a.People {
		if a.People[i].Name == c.People[i].Name {
			same++
		}
	}
	if same > len(a.People)/10 {
		t.Errorf("seeds 42 and 43 share %d of %d names at the same rows", same, len(a.People))
	}
}

func TestGenerateStructure(t *testing.T) {
	cases := []synthetic.Options{
		{People: 1},
		{People: 2, Seed: 1},
		{People: 10, Seed: 2},
		{People: 11, Seed: 3}, // smallest organisation with divisions
		{People: 30, Seed: 4},
		{People: 1000, Seed: 5},
		{People: 20000, Seed: 7},
		// Explicit counts, at their limits.
		{People: 50, Seed: 8, Positions: 200, Moves: 3 * 49, Mentors: 20, Mentees: 29, MentorCapacity: 4, History: 290},
		{People: 200, Seed: 9, Positions: 3, Moves: 150, Mentors: 150, Mentees: 49, History: 1},
		{People: 500, Seed: 10, Positions: synthetic.None, Moves: synthetic.None, Mentors: synthetic.None,
			Mentees: synthetic.None, History: synthetic.None},
		{People: 500, Seed: 11, Mentors: synthetic.None, Mentees: 400},
	}
	for _, opt := range cases {
		t.Run(fmt.Sprintf("N=%d/seed=%d", opt.People, opt.Seed), func(t *testing.T) {
			var ds *model.Dataset
			var res synthetic.Options
			if opt == (synthetic.Options{People: 20000, Seed: 7}) {
				var err error
				if ds, err = org20k(); err != nil {
					t.Fatal(err)
				}
				res, _ = opt.Resolve()
			} else {
				ds, res = generate(t, opt)
			}
			checkDataset(t, ds, res)
		})
	}
}

// org is a dataset with its people indexed, for the checks.
type org struct {
	ds       *model.Dataset
	index    map[string]int // person id → row
	mgr      []int          // row of each person's manager, -1 at the top
	reports  [][]int
	size     []int // people in each subtree
	depth    []int
	mentor   map[string]bool
	mentee   map[string]bool
	posIndex map[string]int
}

// checkDataset checks every invariant of the package documentation on ds,
// generated with the resolved options opt.
func checkDataset(t *testing.T, ds *model.Dataset, opt synthetic.Options) *org {
	t.Helper()
	o := &org{ds: ds}
	n := opt.People
	for _, c := range []struct {
		table     string
		got, want int
		isNil     bool
	}{
		{"people", len(ds.People), n, ds.People == nil},
		{"positions", len(ds.Positions), opt.Positions, ds.Positions == nil},
		{"moves", len(ds.Moves), opt.Moves, ds.Moves == nil},
		{"mentors", len(ds.Mentors), opt.Mentors, ds.Mentors == nil},
		{"mentees", len(ds.Mentees), opt.Mentees, ds.Mentees == nil},
		{"history", len(ds.History), opt.History, ds.History == nil},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d rows, want %d", c.table, c.got, c.want)
		}
		if c.want == 0 && !c.isNil {
			t.Errorf("%s: empty but not nil", c.table)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	checkPeople(t, o)
	checkPositions(t, o)
	checkMoves(t, o)
	checkMentoring(t, o, opt)
	return o
}

var (
	personID   = regexp.MustCompile(`^S[0-9]{6,}$`)
	positionID = regexp.MustCompile(`^P[0-9]{5,}$`)
	date       = regexp.MustCompile(`^202[3-6]-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`)
	tagRE      = regexp.MustCompile(`^[a-z][a-z_]*$`)
	langRE     = regexp.MustCompile(`^[a-z]{2}$`)
)

func checkPeople(t *testing.T, o *org) {
	t.Helper()
	ps := o.ds.People
	n := len(ps)
	o.index = make(map[string]int, n)
	for i, p := range ps {
		if !personID.MatchString(p.ID) {
			t.Errorf("people row %d: id %q is not like S000123", i, p.ID)
		}
		if j, dup := o.index[p.ID]; dup {
			t.Errorf("people rows %d and %d: same id %q", j, i, p.ID)
		}
		o.index[p.ID] = i
		if p.Line != i+2 {
			t.Errorf("people row %d: Line %d, want %d", i, p.Line, i+2)
		}
	}

	// One tree: one root, first; every manager before their reports.
	o.mgr = make([]int, n)
	o.reports = make([][]int, n)
	o.depth = make([]int, n)
	for i, p := range ps {
		o.mgr[i] = -1
		if p.ManagerID == "" {
			if i != 0 {
				t.Errorf("person %s (row %d) has no manager: only the first row may", p.ID, i)
			}
			continue
		}
		m, ok := o.index[p.ManagerID]
		switch {
		case !ok:
			t.Fatalf("person %s: manager %q does not exist", p.ID, p.ManagerID)
		case m >= i:
			t.Fatalf("person %s (row %d): manager %s comes at row %d, not before", p.ID, i, p.ManagerID, m)
		}
		o.mgr[i] = m
		o.reports[m] = append(o.reports[m], i)
		o.depth[i] = o.depth[m] + 1
	}
	if ps[0].ManagerID != "" {
		t.Fatalf("the first person %s has manager %q: want the top of the organisation", ps[0].ID, ps[0].ManagerID)
	}

	// Headcount is the real subtree size; grades fall along every edge.
	o.size = make([]int, n)
	for i := n - 1; i >= 0; i-- {
		o.size[i]++
		if o.mgr[i] >= 0 {
			o.size[o.mgr[i]] += o.size[i]
		}
	}
	for i, p := range ps {
		if !p.Headcount.OK || p.Headcount.V != o.size[i]-1 {
			t.Errorf("person %s: headcount %s, want %d (people under them)", p.ID, p.Headcount, o.size[i]-1)
		}
		if !p.Grade.OK || p.Grade.V < 1 {
			t.Errorf("person %s: grade %s, want a whole number ≥ 1", p.ID, p.Grade)
		}
		if m := o.mgr[i]; m >= 0 && ps[m].Grade.V <= p.Grade.V {
			t.Errorf("person %s: grade %d, not below their manager %s's grade %d", p.ID, p.Grade.V, ps[m].ID, ps[m].Grade.V)
		}
	}
	if ps[0].Grade.V < 16 {
		t.Errorf("top grade %d, want at least 16", ps[0].Grade.V)
	}

	// Spans.
	top := len(o.reports[0])
	switch {
	case n <= 10 && top != n-1:
		t.Errorf("top of an organisation of %d has %d reports, want everyone", n, top)
	case n > 10 && (top < 2 || top > 12):
		t.Errorf("top has %d reports, want one per division, 2–12", top)
	}
	for i := 1; i < n; i++ {
		if s := len(o.reports[i]); s > 0 && (s < 4 || s > 15) {
			t.Errorf("manager %s has %d direct reports, want 4–15", ps[i].ID, s)
		}
	}

	// Divisions: each division head's subtree is their division.
	if n > 10 {
		divs := map[string]bool{}
		for _, h := range o.reports[0] {
			if divs[ps[h].Division] {
				t.Errorf("two division heads for %q", ps[h].Division)
			}
			divs[ps[h].Division] = true
		}
		if n >= 26 && len(divs) < 5 {
			t.Errorf("%d divisions, want at least 5", len(divs))
		}
		for i := 1; i < n; i++ {
			if o.depth[i] > 1 && ps[i].Division != ps[o.mgr[i]].Division {
				t.Errorf("person %s is in %q, their manager %s in %q", ps[i].ID, ps[i].Division, ps[o.mgr[i]].ID, ps[o.mgr[i]].Division)
			}
		}
	}

	// Teams: the direct reports of a manager, and only they, share a team.
	owner := map[string]int{}
	for m := range ps {
		if len(o.reports[m]) == 0 {
			continue
		}
		team := ps[o.reports[m][0]].Team
		if team == "" {
			t.Errorf("reports of %s have no team", ps[m].ID)
		}
		for _, r := range o.reports[m] {
			if ps[r].Team != team {
				t.Errorf("%s and %s report to %s but are in teams %q and %q", ps[o.reports[m][0]].ID, ps[r].ID, ps[m].ID, team, ps[r].Team)
			}
		}
		if other, dup := owner[team]; dup {
			t.Errorf("team %q is led by both %s and %s", team, ps[other].ID, ps[m].ID)
		}
		owner[team] = m
	}
	if n > 1 && ps[0].Team != ps[1].Team {
		t.Errorf("top is in team %q, want the team they lead, %q", ps[0].Team, ps[1].Team)
	}

	for _, p := range ps {
		if p.Name == "" || strings.TrimSpace(p.Name) != p.Name || !strings.Contains(p.Name, " ") {
			t.Errorf("person %s: name %q, want first and last name", p.ID, p.Name)
		}
		if p.Division == "" || p.Function == "" || p.Team == "" && n > 1 {
			t.Errorf("person %s: division %q, function %q, team %q: want all given", p.ID, p.Division, p.Function, p.Team)
		}
		checkJob(t, "person "+p.ID, p.Country, p.SiteType, p.RoleKind)
		if p.Gender != "" && p.Gender != "F" && p.Gender != "M" {
			t.Errorf("person %s: gender %q", p.ID, p.Gender)
		}
		if lo := p.LearningOrientation; lo.OK && (lo.V < 1 || lo.V > 5 || lo.V*2 != math.Trunc(lo.V*2)) {
			t.Errorf("person %s: learning orientation %v, want 1–5 in halves", p.ID, lo.V)
		}
		checkTags(t, "person "+p.ID+" languages", p.Languages, langRE, 1, 4)
		if len(p.FunctionsHeld) > 3 || slices.Contains(p.FunctionsHeld, p.Function) || hasRepeat(p.FunctionsHeld) {
			t.Errorf("person %s: functions held %q with current function %q: want 0–3 past functions, distinct", p.ID, p.FunctionsHeld, p.Function)
		}
		if p.FunctionsHeld != nil && len(p.FunctionsHeld) == 0 {
			t.Errorf("person %s: functions held empty but not nil", p.ID)
		}
	}
}

// checkJob checks the coded fields of a job.
func checkJob(t *testing.T, who, country, site, role string) {
	t.Helper()
	if !model.KnownCountry(country) || country != strings.ToUpper(country) {
		t.Errorf("%s: country %q is not an upper-case code of the table", who, country)
	}
	if site != "hq" && site != "field" {
		t.Errorf("%s: site type %q", who, site)
	}
	if role != "line" && role != "staff" {
		t.Errorf("%s: role kind %q", who, role)
	}
}

// checkTags checks a list of lower-case tags: min to max of them, each
// matching re, none repeated; nil when empty.
func checkTags(t *testing.T, what string, tags []string, re *regexp.Regexp, lo, hi int) {
	t.Helper()
	if len(tags) < lo || len(tags) > hi || hasRepeat(tags) || tags != nil && len(tags) == 0 {
		t.Errorf("%s: %q, want %d–%d distinct tags (nil when none)", what, tags, lo, hi)
	}
	for _, s := range tags {
		if !re.MatchString(s) {
			t.Errorf("%s: tag %q does not match %s", what, s, re)
		}
	}
}

func hasRepeat(list []string) bool {
	seen := make(map[string]bool, len(list))
	for _, s := range list {
		if seen[s] {
			return true
		}
		seen[s] = true
	}
	return false
}

func checkPositions(t *testing.T, o *org) {
	t.Helper()
	ps := o.ds.People
	o.posIndex = make(map[string]int, len(o.ds.Positions))
	for j, q := range o.ds.Positions {
		if !positionID.MatchString(q.ID) {
			t.Errorf("position row %d: id %q is not like P00042", j, q.ID)
		}
		if _, dup := o.posIndex[q.ID]; dup {
			t.Errorf("position %s repeated", q.ID)
		}
		o.posIndex[q.ID] = j
		if q.Line != j+2 {
			t.Errorf("position %s: Line %d, want %d", q.ID, q.Line, j+2)
		}
		m, ok := o.index[q.ManagerID]
		if !ok {
			t.Errorf("position %s: manager %q does not exist", q.ID, q.ManagerID)
			continue
		}
		if len(o.reports[m]) == 0 && len(ps) > 1 {
			t.Errorf("position %s: reports to %s, who manages nobody", q.ID, q.ManagerID)
		}
		if len(o.reports[m]) > 0 && q.Team != ps[o.reports[m][0]].Team {
			t.Errorf("position %s: team %q, want its manager's team %q", q.ID, q.Team, ps[o.reports[m][0]].Team)
		}
		if q.Title == "" || q.Division == "" || q.Function == "" {
			t.Errorf("position %s: title %q, division %q, function %q: want all given", q.ID, q.Title, q.Division, q.Function)
		}
		checkJob(t, "position "+q.ID, q.Country, q.SiteType, q.RoleKind)
		if !q.Grade.OK || q.Grade.V < 1 || !q.Headcount.OK || q.Headcount.V < 0 {
			t.Errorf("position %s: grade %s, headcount %s", q.ID, q.Grade, q.Headcount)
		}
		if q.Openings < 1 || q.Openings > 3 {
			t.Errorf("position %s: %d openings, want 1–3", q.ID, q.Openings)
		}
	}
}

func checkMoves(t *testing.T, o *org) {
	t.Helper()
	ps := o.ds.People
	perPerson := map[string]int{}
	ids := map[string]bool{}
	for k, mv := range o.ds.Moves {
		if mv.Line != k+2 {
			t.Errorf("move %s: Line %d, want %d", mv.ID, mv.Line, k+2)
		}
		if mv.ID != mv.PersonID+">"+mv.PositionID {
			t.Errorf("move %s: id is not person_id>position_id", mv.ID)
		}
		if ids[mv.ID] {
			t.Errorf("move %s: person–position pair repeated", mv.ID)
		}
		ids[mv.ID] = true
		i, ok := o.index[mv.PersonID]
		j, okPos := o.posIndex[mv.PositionID]
		if !ok || !okPos {
			t.Errorf("move %s: unknown person or position", mv.ID)
			continue
		}
		if i == 0 {
			t.Errorf("move %s: the top of the organisation has a candidate move", mv.ID)
			continue
		}
		if mv.ProposedBy != ps[o.mgr[i]].ID {
			t.Errorf("move %s: proposed by %q, want the person's manager %s", mv.ID, mv.ProposedBy, ps[o.mgr[i]].ID)
		}
		if o.ds.Positions[j].ManagerID == mv.PersonID {
			t.Errorf("move %s: the position reports to the person", mv.ID)
		}
		if k > 0 && o.index[o.ds.Moves[k-1].PersonID] > i {
			t.Errorf("move %s: not in the order of people.csv", mv.ID)
		}
		perPerson[mv.PersonID]++
		for c, r := range mv.Ratings {
			switch {
			case !r.OK:
			case model.Catalog[c].Source != model.SourceRated:
				t.Errorf("move %s: derived criterion %s is rated", mv.ID, model.Catalog[c].ID)
			case r.V < 1 || r.V > 5 || r.V != math.Trunc(r.V):
				t.Errorf("move %s: %s rated %v, want 1–5", mv.ID, model.Catalog[c].ID, r.V)
			}
		}
		if s := mv.Support; s.OK && (s.V < 1 || s.V > 5 || s.V != math.Trunc(s.V)) {
			t.Errorf("move %s: support %v, want 1–5", mv.ID, s.V)
		}
	}
	for id, c := range perPerson {
		if c > synthetic.MaxMovesPerPerson {
			t.Errorf("person %s has %d candidate moves, want at most %d", id, c, synthetic.MaxMovesPerPerson)
		}
	}
}

func checkMentoring(t *testing.T, o *org, opt synthetic.Options) {
	t.Helper()
	ps := o.ds.People
	o.mentor = map[string]bool{}
	for k, m := range o.ds.Mentors {
		i, ok := o.index[m.PersonID]
		switch {
		case !ok:
			t.Errorf("mentor %q does not exist", m.PersonID)
		case i == 0:
			t.Errorf("mentor %s is the top of the organisation", m.PersonID)
		case o.mentor[m.PersonID]:
			t.Errorf("mentor %s listed twice", m.PersonID)
		case k > 0 && o.index[o.ds.Mentors[k-1].PersonID] > i:
			t.Errorf("mentor %s: not in the order of people.csv", m.PersonID)
		}
		o.mentor[m.PersonID] = true
		if m.Line != k+2 {
			t.Errorf("mentor %s: Line %d, want %d", m.PersonID, m.Line, k+2)
		}
		if want := opt.MentorCapacity; want > 0 && m.Capacity != want || want == 0 && (m.Capacity < 1 || m.Capacity > 3) {
			t.Errorf("mentor %s: capacity %d, want %d (0 = 1–3)", m.PersonID, m.Capacity, want)
		}
		checkTags(t, "mentor "+m.PersonID+" experience", m.Experience, tagRE, 1, 6)
		checkTags(t, "mentor "+m.PersonID+" languages", m.Languages, langRE, 0, 5)
	}
	// Mentors are senior: at least the median grade below the top, when
	// enough people are.
	if n := len(ps); n > 1 {
		grades := make([]int, 0, n-1)
		for _, p := range ps[1:] {
			grades = append(grades, p.Grade.V)
		}
		slices.Sort(grades)
		median := grades[(len(grades)-1)/2]
		senior := 0
		for _, g := range grades {
			if g >= median {
				senior++
			}
		}
		if senior >= len(o.ds.Mentors) {
			for _, m := range o.ds.Mentors {
				if g := ps[o.index[m.PersonID]].Grade.V; g < median {
					t.Errorf("mentor %s: grade %d, below the median %d", m.PersonID, g, median)
				}
			}
		}
	}

	o.mentee = map[string]bool{}
	for k, m := range o.ds.Mentees {
		i, ok := o.index[m.PersonID]
		switch {
		case !ok:
			t.Errorf("mentee %q does not exist", m.PersonID)
		case i == 0:
			t.Errorf("mentee %s is the top of the organisation", m.PersonID)
		case o.mentee[m.PersonID]:
			t.Errorf("mentee %s listed twice", m.PersonID)
		case o.mentor[m.PersonID]:
			t.Errorf("%s is both a mentor and a mentee", m.PersonID)
		case k > 0 && o.index[o.ds.Mentees[k-1].PersonID] > i:
			t.Errorf("mentee %s: not in the order of people.csv", m.PersonID)
		}
		o.mentee[m.PersonID] = true
		if m.Line != k+2 {
			t.Errorf("mentee %s: Line %d, want %d", m.PersonID, m.Line, k+2)
		}
		checkTags(t, "mentee "+m.PersonID+" needs", m.Needs, tagRE, 1, 4)
		for _, l := range []struct {
			name string
			ids  []string
			max  int
		}{{"preferences", m.Preferences, synthetic.MaxPreferences}, {"avoid", m.Avoid, synthetic.MaxAvoid}} {
			if len(l.ids) > l.max || hasRepeat(l.ids) || l.ids != nil && len(l.ids) == 0 {
				t.Errorf("mentee %s: %s %q, want at most %d distinct ids", m.PersonID, l.name, l.ids, l.max)
			}
			for _, id := range l.ids {
				if !o.mentor[id] {
					t.Errorf("mentee %s: %s names %q, who is not a mentor", m.PersonID, l.name, id)
				}
			}
		}
		for _, id := range m.Avoid {
			if slices.Contains(m.Preferences, id) {
				t.Errorf("mentee %s both prefers and avoids %s", m.PersonID, id)
			}
		}
		if p := m.Priority; p.OK && (p.V < 1 || p.V > 3) {
			t.Errorf("mentee %s: priority %d", m.PersonID, p.V)
		}
	}

	pairs := map[[2]string]bool{}
	active := map[string]bool{}
	for k, h := range o.ds.History {
		if h.Line != k+2 {
			t.Errorf("history row %d: Line %d, want %d", k, h.Line, k+2)
		}
		if _, ok := o.index[h.MenteeID]; !ok || h.MenteeID == ps[0].ID {
			t.Errorf("history row %d: mentee %q is not a person below the top", k, h.MenteeID)
		}
		if !o.mentor[h.MentorID] {
			t.Errorf("history row %d: mentor %q is not in mentors", k, h.MentorID)
		}
		if o.mentor[h.MenteeID] {
			t.Errorf("history row %d: mentee %s is a mentor", k, h.MenteeID)
		}
		key := [2]string{h.MenteeID, h.MentorID}
		if pairs[key] {
			t.Errorf("history row %d: pair %s–%s repeated", k, h.MenteeID, h.MentorID)
		}
		pairs[key] = true
		switch h.Status {
		case model.PairActive:
			if active[h.MenteeID] {
				t.Errorf("history row %d: mentee %s has two active pairs", k, h.MenteeID)
			}
			active[h.MenteeID] = true
		case model.PairEnded:
		default:
			t.Errorf("history row %d: status %q", k, h.Status)
		}
		if !date.MatchString(h.Since) {
			t.Errorf("history row %d: since %q, want YYYY-MM-DD in 2023–2026", k, h.Since)
		}
	}
}

func TestResolveDefaults(t *testing.T) {
	for _, c := range []struct {
		in, want synthetic.Options
	}{
		{synthetic.Options{People: 1}, synthetic.Options{People: 1, Positions: 1}},
		{synthetic.Options{People: 10}, synthetic.Options{People: 10, Positions: 10, Moves: 4, Mentees: 2}},
		{synthetic.Options{People: 1000, Seed: 3}, synthetic.Options{People: 1000, Seed: 3, Positions: 40, Moves: 400, Mentors: 40, Mentees: 200, History: 50}},
		{synthetic.Options{People: 50000, Mentees: 10000, Mentors: 2000, MentorCapacity: 5, Moves: 20000},
			synthetic.Options{People: 50000, Positions: 2000, Moves: 20000, Mentors: 2000, Mentees: 10000, MentorCapacity: 5, History: 2500}},
		{synthetic.Options{People: 100, Positions: synthetic.None, Mentors: -7},
			synthetic.Options{People: 100, Mentees: 20}},
	} {
		got, err := c.in.Resolve()
		if err != nil {
			t.Errorf("Resolve(%+v): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Resolve(%+v)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

func TestGenerateRejectsNonsense(t *testing.T) {
	for _, c := range []struct {
		opt  synthetic.Options
		want string
	}{
		{synthetic.Options{}, "People must be at least 1"},
		{synthetic.Options{People: -3}, "People must be at least 1"},
		{synthetic.Options{People: synthetic.MaxPeople + 1}, "at most"},
		{synthetic.Options{People: 10, MentorCapacity: -1}, "MentorCapacity"},
		{synthetic.Options{People: 10, Mentors: 5, Mentees: 5}, "5 mentors and 5 mentees need 10 people"},
		{synthetic.Options{People: 1, Mentees: 1}, "need 1 people"},
		{synthetic.Options{People: 10, Positions: synthetic.None, Moves: 3}, "need positions"},
		{synthetic.Options{People: 10, Moves: 28}, "28 moves is more than 27"},
		{synthetic.Options{People: 10, Positions: 2, Moves: 19}, "19 moves is more than 18"},
		{synthetic.Options{People: 1, Moves: 1}, "more than 0"},
		{synthetic.Options{People: 10, Mentors: synthetic.None, History: 1}, "need mentors"},
		{synthetic.Options{People: 10, Mentors: 2, Mentees: 3, History: 8}, "more than 7"},
	} {
		ds, err := synthetic.Generate(c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "synthetic: ") {
			t.Errorf("Generate(%+v) = %v, want an error with %q", c.opt, err, c.want)
		}
		if ds != nil {
			t.Errorf("Generate(%+v) returned a dataset with its error", c.opt)
		}
	}
}

// TestGenerateFitsTightPositions asks for every possible move when people
// manage most of the positions: the one error Resolve cannot foresee.
func TestGenerateFitsTightPositions(t *testing.T) {
	// With one position, whoever it reports to cannot move to it.
	ds, res := generate(t, synthetic.Options{People: 30, Seed: 1, Positions: 1, Moves: 28})
	checkDataset(t, ds, res)
	if _, err := synthetic.Generate(synthetic.Options{People: 30, Seed: 1, Positions: 1, Moves: 29}); err == nil ||
		!strings.Contains(err.Error(), "29 moves do not fit") {
		t.Errorf("29 moves to one position among 29 people, one of whom it reports to: got %v, want a 'do not fit' error", err)
	}
}

func TestGenerateRealism(t *testing.T) {
	ds, err := org20k()
	if err != nil {
		t.Fatal(err)
	}
	ps := ds.People
	n := len(ps)
	opt, _ := synthetic.Options{People: n}.Resolve()
	o := checkDataset(t, ds, opt)
	share := func(k, of int) float64 { return float64(k) / float64(of) }
	within := func(what string, v, lo, hi float64) {
		t.Helper()
		if v < lo || v > hi {
			t.Errorf("%s = %.3f, want %.3g–%.3g", what, v, lo, hi)
		} else {
			t.Logf("%s = %.3f", what, v)
		}
	}

	// Depth: log6(N) + 1 levels for the bulk, a thin deeper tail.
	perDepth := map[int]int{}
	deepest := 0
	for _, d := range o.depth {
		perDepth[d]++
		deepest = max(deepest, d)
	}
	bulk := 0
	for d := range deepest + 1 {
		if share(perDepth[d], n) >= 0.01 {
			bulk = d
		}
	}
	want := math.Log(float64(n))/math.Log(6) + 1
	within("levels holding ≥ 1% of people", float64(bulk+1), want-1, want+1)
	within("levels", float64(deepest+1), want-1, want+2.5)

	// Spans, individual contributors.
	managers, usual, wide := 0, 0, 0
	for i := 1; i < n; i++ {
		if s := len(o.reports[i]); s > 0 {
			managers++
			if s <= 10 {
				usual++
			} else {
				wide++
			}
		}
	}
	within("share of managers with 4–10 reports", share(usual, managers), 0.85, 0.99)
	within("share of individual contributors", 1-share(managers+1, n), 0.8, 0.9)
	if wide == 0 {
		t.Error("no first-line manager has more than 10 reports")
	}

	// Variety.
	distinct := func(f func(p *model.Person) string) map[string]int {
		m := map[string]int{}
		for i := range ps {
			m[f(&ps[i])]++
		}
		return m
	}
	continents := distinct(func(p *model.Person) string { c, _ := model.Continent(p.Country); return c })
	within("divisions", float64(len(distinct(func(p *model.Person) string { return p.Division }))), 7, 12)
	within("functions", float64(len(distinct(func(p *model.Person) string { return p.Function }))), 12, 16)
	within("countries", float64(len(distinct(func(p *model.Person) string { return p.Country }))), 15, 20)
	within("continents", float64(len(continents)), 5, 6)
	within("share of people in Europe", share(continents["EU"], n), 0.45, 0.85)
	within("share at head offices", share(distinct(func(p *model.Person) string { return p.SiteType })["hq"], n), 0.05, 0.4)
	within("share in line roles", share(distinct(func(p *model.Person) string { return p.RoleKind })["line"], n), 0.4, 0.75)
	genders := distinct(func(p *model.Person) string { return p.Gender })
	within("share of women", share(genders["F"], n), 0.44, 0.52)
	within("share of gender not given", share(genders[""], n), 0.01, 0.03)
	within("share of learning orientation not given",
		share(countIf(ps, func(p *model.Person) bool { return !p.LearningOrientation.OK }), n), 0.12, 0.18)

	names := distinct(func(p *model.Person) string { return p.Name })
	accented := countIf(ps, func(p *model.Person) bool { return !isASCII(p.Name) })
	within("share of names with accents", share(accented, n), 0.15, 0.6)
	within("share of distinct names", share(len(names), n), 0.35, 0.95)
	for _, want := range []string{"Zoé", "Hélène", "Jérôme", "Björn", "Núria", "Çelik", "Nguyễn", "Dubœuf", "Müller", "O'Brien"} {
		if countIf(ps, func(p *model.Person) bool { return strings.Contains(p.Name, want) }) == 0 {
			t.Errorf("nobody is named %s", want)
		}
	}

	// Positions.
	qs := ds.Positions
	within("share of new roles", share(countIfPos(qs, func(q *model.Position) bool { return q.NewRole }), len(qs)), 0.10, 0.21)
	within("share of critical positions", share(countIfPos(qs, func(q *model.Position) bool { return q.Critical }), len(qs)), 0.14, 0.27)
	within("share of management positions", share(countIfPos(qs, func(q *model.Position) bool { return q.Headcount.V > 0 }), len(qs)), 0.1, 0.5)
	within("share of positions with several openings", share(countIfPos(qs, func(q *model.Position) bool { return q.Openings > 1 }), len(qs)), 0.08, 0.25)

	// Moves: ratings, spread over the bands.
	rated, empty := 0, 0
	perPerson := map[string]int{}
	perPosition := map[string]int{}
	for _, mv := range ds.Moves {
		perPerson[mv.PersonID]++
		perPosition[mv.PositionID]++
		for c, r := range mv.Ratings {
			if model.Catalog[c].Source == model.SourceRated {
				rated++
				if !r.OK {
					empty++
				}
			}
		}
	}
	within("share of empty ratings", share(empty, rated), 0.19, 0.21)
	counts := map[int]int{}
	for _, c := range perPerson {
		counts[c]++
	}
	for c := 1; c <= 3; c++ {
		within(fmt.Sprintf("share of movers with %d moves", c), share(counts[c], len(perPerson)), 0.15, 0.5)
	}
	within("candidates per position with any", share(len(ds.Moves), len(perPosition)), 4, 20)

	cfg := model.Default()
	scores, err := matcher.ScoreAll(&cfg, ds, matcher.NewIndex(ds))
	if err != nil {
		t.Fatal(err)
	}
	bands := map[matcher.Band]int{}
	for _, s := range scores {
		bands[s.Band]++
	}
	within("share of comfort moves", share(bands[matcher.Comfort], len(scores)), 0.05, 0.25)
	within("share of stretch moves", share(bands[matcher.Stretch], len(scores)), 0.5, 0.8)
	within("share of overstretch moves", share(bands[matcher.Overstretch], len(scores)), 0.1, 0.35)

	// Mentoring.
	capacity, available := 0, 0
	for _, m := range ds.Mentors {
		capacity += m.Capacity
		if m.Available {
			available++
		}
	}
	within("mean mentor capacity", share(capacity, len(ds.Mentors)), 1.8, 2.2)
	within("share of available mentors", share(available, len(ds.Mentors)), 0.85, 0.98)
	moving, ranking := 0, 0
	for _, m := range ds.Mentees {
		if perPerson[m.PersonID] > 0 {
			moving++
		}
		if len(m.Preferences) > 0 {
			ranking++
		}
	}
	within("share of mentees with candidate moves", share(moving, len(ds.Mentees)), 0.55, 0.65)
	within("share of mentees who rank mentors", share(ranking, len(ds.Mentees)), 0.55, 0.75)
	active := 0
	for _, h := range ds.History {
		if h.Status == model.PairActive {
			active++
		}
	}
	within("share of active history pairs", share(active, len(ds.History)), 0.58, 0.62)
}

func countIf(ps []model.Person, f func(p *model.Person) bool) int {
	k := 0
	for i := range ps {
		if f(&ps[i]) {
			k++
		}
	}
	return k
}

func countIfPos(qs []model.Position, f func(q *model.Position) bool) int {
	k := 0
	for i := range qs {
		if f(&qs[i]) {
			k++
		}
	}
	return k
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestGenerateLoadsBack writes generated datasets as the six CSV files
// and reads them with package data: no problem is found, and the values
// read, Line fields included, are the values generated.
func TestGenerateLoadsBack(t *testing.T) {
	for _, opt := range []synthetic.Options{
		{People: 1},
		{People: 10, Seed: 1},
		{People: 3000, Seed: 2},
		{People: 400, Seed: 3, MentorCapacity: 3, Positions: synthetic.None, Moves: synthetic.None},
	} {
		t.Run(fmt.Sprintf("N=%d", opt.People), func(t *testing.T) {
			want, _ := generate(t, opt)
			in := writeCSV(t, want)
			got, _, err := data.Load(in, data.ReadOptions{})
			if err != nil {
				t.Fatalf("data.Load: %v", err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("read back (-generated +read):\n%s", diff)
			}
		})
	}
}

// writeCSV writes ds as the six input files, as init --synthetic does.
func writeCSV(t *testing.T, ds *model.Dataset) data.Inputs {
	t.Helper()
	in, err := data.EncodeDataset(ds)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func ExampleGenerate() {
	ds, err := synthetic.Generate(synthetic.Options{People: 1000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(ds.People), "people,", len(ds.Positions), "positions,", len(ds.Moves), "candidate moves")
	fmt.Println(len(ds.Mentors), "mentors,", len(ds.Mentees), "mentees,", len(ds.History), "earlier pairs")
	fmt.Println("top of the organisation:", ds.People[0].ID, ds.People[0].Function, ds.People[0].Headcount)
	// Output:
	// 1000 people, 40 positions, 400 candidate moves
	// 40 mentors, 200 mentees, 50 earlier pairs
	// top of the organisation: S000001 General Management 999
}

// BenchmarkGenerate50k generates the organisation of the performance
// target (SPEC §10): 50,000 people, 10,000 mentees, 2,000 mentors of
// capacity 5 and 20,000 candidate moves.
func BenchmarkGenerate50k(b *testing.B) {
	opt := synthetic.Options{People: 50000, Seed: 1, Mentees: 10000, Mentors: 2000, MentorCapacity: 5, Moves: 20000}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := synthetic.Generate(opt); err != nil {
			b.Fatal(err)
		}
	}
}
