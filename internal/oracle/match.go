package oracle

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Rules are the rule codes of SPEC §6 in the order they are checked: a pair
// is reported under the first one it breaks.
var Rules = []string{"self", "mentor_in_line", "mentee_in_line", "future_line", "same_team",
	"avoid", "unavailable", "no_shared_language", "ended_before", "low_fit"}

// Planned is the move planned for a mentee: its score and target position.
type Planned struct {
	Score    MoveScore
	Position *model.Position
}

// MatchInput is everything matching reads.
type MatchInput struct {
	Cfg         *model.Config
	DS          *model.Dataset
	Planned     map[string]Planned // by person id
	LineDepth   int                // 0: cfg.Match.LineDepth
	AllowRepeat bool
	Rematch     bool
}

// FitResult is the fit of a pair, with each component (absent: no data).
type FitResult struct {
	Total float64
	C     [5]float64
	Has   [5]bool
	Rank  int // the mentor's rank in the mentee's preferences, 0 if none
}

// Key is the fit in hundredths of a point, the precision the matching
// maximises at.
func (f FitResult) Key() int64 { return int64(math.Round(f.Total * 100)) }

// Pair is a pair of the oracle's matching.
type Pair struct {
	Mentee, Mentor string
	Fit            FitResult
	Tier           int
	Kept           bool
}

// Broken is an active pair of history that is not kept.
type Broken struct {
	Mentee, Mentor, Since, Rule string
}

// Oracle is the matching problem of one dataset, recomputed from the rows.
type Oracle struct {
	in       MatchInput
	people   map[string]*model.Person
	mentors  map[string]*model.Mentor // first row of each mentor
	mentees  map[string]*model.Mentee // first row of each mentee
	ended    map[[2]string]bool
	Mentees  []string       // mentees.csv ids, de-duplicated, sorted
	MentorID []string       // mentors.csv ids, de-duplicated, sorted
	Kept     []Pair         // pairs kept from history
	Broken   []Broken       // active pairs not kept
	Load     map[string]int // kept pairs by mentor
}

// New prepares the matching oracle, including the history.
func New(in MatchInput) *Oracle {
	o := &Oracle{in: in, people: map[string]*model.Person{}, mentors: map[string]*model.Mentor{},
		mentees: map[string]*model.Mentee{}, ended: map[[2]string]bool{}, Load: map[string]int{}}
	ds := in.DS
	for i := range ds.People {
		o.people[ds.People[i].ID] = &ds.People[i]
	}
	for i := range ds.Mentors {
		if _, dup := o.mentors[ds.Mentors[i].PersonID]; !dup {
			o.mentors[ds.Mentors[i].PersonID] = &ds.Mentors[i]
			o.MentorID = append(o.MentorID, ds.Mentors[i].PersonID)
		}
	}
	for i := range ds.Mentees {
		if _, dup := o.mentees[ds.Mentees[i].PersonID]; !dup {
			o.mentees[ds.Mentees[i].PersonID] = &ds.Mentees[i]
			o.Mentees = append(o.Mentees, ds.Mentees[i].PersonID)
		}
	}
	sort.Strings(o.MentorID)
	sort.Strings(o.Mentees)
	for _, h := range ds.History {
		if h.Status == model.PairEnded {
			o.ended[[2]string{h.MenteeID, h.MentorID}] = true
		}
	}
	if in.Rematch {
		return o
	}
	var active []model.HistoryPair
	for _, h := range ds.History {
		if h.Status != model.PairEnded {
			active = append(active, h)
		}
	}
	sort.SliceStable(active, func(a, b int) bool {
		x, y := active[a], active[b]
		if x.MenteeID != y.MenteeID {
			return x.MenteeID < y.MenteeID
		}
		if x.Since != y.Since {
			return x.Since < y.Since
		}
		return x.MentorID < y.MentorID
	})
	paired := map[string]bool{}
	for _, h := range active {
		b := Broken{Mentee: h.MenteeID, Mentor: h.MentorID, Since: h.Since}
		switch {
		case o.mentors[h.MentorID] == nil:
			b.Rule = "unavailable"
		case paired[h.MenteeID]:
			b.Rule = "mentee_already_paired"
		default:
			if r, _ := o.Rule(h.MenteeID, h.MentorID); r != "" {
				b.Rule = r
			} else if o.Load[h.MentorID] >= o.Capacity(h.MentorID) {
				b.Rule = "mentor_full"
			}
		}
		if b.Rule != "" {
			o.Broken = append(o.Broken, b)
			continue
		}
		paired[h.MenteeID] = true
		o.Load[h.MentorID]++
		_, f := o.Rule(h.MenteeID, h.MentorID)
		o.Kept = append(o.Kept, Pair{Mentee: h.MenteeID, Mentor: h.MentorID, Fit: f, Tier: o.Tier(h.MenteeID), Kept: true})
	}
	return o
}

// Capacity is a mentor's capacity: 0 when unavailable or not a mentor.
func (o *Oracle) Capacity(mentor string) int {
	m := o.mentors[mentor]
	if m == nil || !m.Available {
		return 0
	}
	return m.Capacity
}

// Room is what a mentor has left for new pairs after the kept ones.
func (o *Oracle) Room(mentor string) int { return max(o.Capacity(mentor)-o.Load[mentor], 0) }

func (o *Oracle) depth() int {
	if o.in.LineDepth > 0 {
		return o.in.LineDepth
	}
	return o.in.Cfg.Match.LineDepth
}

// above returns the chain of managers of id, direct manager first, up to
// the depth limit, stopping at a cycle or an unknown id.
func (o *Oracle) above(id string) []string {
	var out []string
	seen := map[string]bool{id: true}
	for p := o.people[id]; p != nil && p.ManagerID != "" && !seen[p.ManagerID]; p = o.people[p.ManagerID] {
		if d := o.depth(); d > 0 && len(out) == d {
			break
		}
		out = append(out, p.ManagerID)
		seen[p.ManagerID] = true
	}
	return out
}

// Tier is the mentee's priority tier.
func (o *Oracle) Tier(mentee string) int {
	if e := o.mentees[mentee]; e != nil && e.Priority.OK {
		return e.Priority.V
	}
	pl, ok := o.in.Planned[mentee]
	switch {
	case !ok:
		return 1
	case pl.Score.Band == "overstretch":
		return 3
	case pl.Score.Band == "stretch" && pl.Score.C >= o.in.Cfg.Match.Tier2Min-tol:
		return 2
	}
	return 1
}

// Needs returns the mentee's needs, lower case: their tags, then the flags
// set and the criteria with x ≥ need_min_x of the planned move.
func (o *Oracle) Needs(mentee string) []string {
	var out []string
	add := func(t string) {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	if e := o.mentees[mentee]; e != nil {
		for _, t := range e.Needs {
			add(t)
		}
	}
	if pl, ok := o.in.Planned[mentee]; ok {
		for _, f := range FlagIDs {
			if pl.Score.Flags[f] {
				add(f)
			}
		}
		for _, c := range Criteria {
			if pl.Score.X[c] >= o.in.Cfg.Match.NeedMinX-tol {
				add(c)
			}
		}
	}
	return out
}

// Fit computes the fit of mentor for mentee (SPEC §6).
func (o *Oracle) Fit(mentee, mentor string) FitResult {
	var f FitResult
	e, m := o.people[mentee], o.people[mentor]
	row := o.mentees[mentee]
	if needs := o.Needs(mentee); len(needs) > 0 {
		f.Has[0] = true
		lived := map[string]bool{}
		if mr := o.mentors[mentor]; mr != nil {
			for _, t := range mr.Experience {
				lived[strings.ToLower(strings.TrimSpace(t))] = true
			}
		}
		n := 0
		for _, t := range needs {
			if lived[t] {
				n++
			}
		}
		f.C[0] = float64(n) / float64(len(needs))
	}
	if row != nil && len(row.Preferences) > 0 {
		f.Has[1] = true
		k := len(row.Preferences)
		if r := slices.Index(row.Preferences, mentor); r >= 0 {
			f.Rank = r + 1
			f.C[1] = 1 - float64(r)/float64(k)
		}
	}
	if e.Grade.OK && m.Grade.OK {
		f.Has[2] = true
		g := m.Grade.V - e.Grade.V
		switch {
		case g < 0:
			f.C[2] = 0
		case g == 0:
			f.C[2] = 0.3
		case g <= 3:
			f.C[2] = 1
		default:
			f.C[2] = 0.6
		}
	}
	if given(e.Division) && given(m.Division) {
		f.Has[3] = true
		if !same(e.Division, m.Division) {
			f.C[3] = 1
		}
	}
	if given(e.Country) && given(m.Country) {
		f.Has[4] = true
		c1, ok1 := model.Continent(e.Country)
		c2, ok2 := model.Continent(m.Country)
		switch {
		case same(e.Country, m.Country):
			f.C[4] = 1
		case ok1 && ok2 && c1 == c2:
			f.C[4] = 0.5
		}
	}
	fw := o.in.Cfg.Match.FitWeights
	w := [5]float64{fw.Experience, fw.Preference, fw.Seniority, fw.CrossDivision, fw.Location}
	sw, swc := 0.0, 0.0
	for k := range w {
		if f.Has[k] {
			sw += w[k]
			swc += w[k] * f.C[k]
		}
	}
	f.Total = 50
	if sw > 0 {
		f.Total = 100 * swc / sw
	}
	return f
}

// Rule returns the first rule the pair breaks ("" when allowed) and the
// fit (computed once no other rule applies).
func (o *Oracle) Rule(mentee, mentor string) (string, FitResult) {
	e, m := o.people[mentee], o.people[mentor]
	row, mrow := o.mentees[mentee], o.mentors[mentor]
	var future []string
	if pl, ok := o.in.Planned[mentee]; ok && pl.Position.ManagerID != "" {
		future = append([]string{pl.Position.ManagerID}, o.above(pl.Position.ManagerID)...)
		if d := o.depth(); d > 0 && len(future) > d {
			future = future[:d]
		}
	}
	langs := func(l []string) []string {
		var out []string
		for _, s := range l {
			if given(s) {
				out = append(out, s)
			}
		}
		return out
	}
	el := langs(e.Languages)
	var ml []string
	if mrow != nil {
		ml = langs(mrow.Languages)
	}
	if len(ml) == 0 {
		ml = langs(m.Languages)
	}
	share := false
	for _, a := range el {
		for _, b := range ml {
			share = share || same(a, b)
		}
	}
	switch {
	case mentee == mentor:
		return "self", FitResult{}
	case slices.Contains(o.above(mentee), mentor):
		return "mentor_in_line", FitResult{}
	case slices.Contains(o.above(mentor), mentee):
		return "mentee_in_line", FitResult{}
	case slices.Contains(future, mentor):
		return "future_line", FitResult{}
	case given(e.Team) && same(e.Team, m.Team):
		return "same_team", FitResult{}
	case row != nil && slices.Contains(row.Avoid, mentor):
		return "avoid", FitResult{}
	case o.Capacity(mentor) <= 0:
		return "unavailable", FitResult{}
	case len(el) > 0 && len(ml) > 0 && !share:
		return "no_shared_language", FitResult{}
	case o.ended[[2]string{mentee, mentor}] && !o.in.AllowRepeat && !o.in.Cfg.Match.AllowRepeat:
		return "ended_before", FitResult{}
	}
	f := o.Fit(mentee, mentor)
	if f.Total < o.in.Cfg.Match.MinFit-tol {
		return "low_fit", f
	}
	return "", f
}

// Problem is the matching solve: the mentees not kept (rows, by id) against
// the mentors with room (by id), with the allowed cells.
type Problem struct {
	Rows, Cols []string
	Tier       []int
	Allowed    [][]bool
	Fit        [][]FitResult
	Excluded   []map[string]int // by row: mentors excluded under each rule
	Eligible   []int            // by row: mentors allowed, with room or not
	Big        float64
	o          *Oracle
}

// Problem builds the matching solve.
func (o *Oracle) Problem() *Problem {
	kept := map[string]bool{}
	for _, p := range o.Kept {
		kept[p.Mentee] = true
	}
	pr := &Problem{o: o}
	for _, e := range o.Mentees {
		if !kept[e] {
			pr.Rows = append(pr.Rows, e)
		}
	}
	for _, m := range o.MentorID {
		if o.Room(m) > 0 {
			pr.Cols = append(pr.Cols, m)
		}
	}
	pr.Big = float64(2*10000*len(pr.Rows) + 1)
	for _, e := range pr.Rows {
		pr.Tier = append(pr.Tier, o.Tier(e))
		ex := map[string]int{}
		elig := 0
		for _, m := range o.MentorID {
			if r, _ := o.Rule(e, m); r != "" {
				ex[r]++
			} else {
				elig++
			}
		}
		pr.Excluded = append(pr.Excluded, ex)
		pr.Eligible = append(pr.Eligible, elig)
		al := make([]bool, len(pr.Cols))
		fits := make([]FitResult, len(pr.Cols))
		for j, m := range pr.Cols {
			r, f := o.Rule(e, m)
			al[j], fits[j] = r == "", f
		}
		pr.Allowed = append(pr.Allowed, al)
		pr.Fit = append(pr.Fit, fits)
	}
	return pr
}

// Score is the objective of a cell: tier·big + fit in hundredths.
func (pr *Problem) Score(i, j int) float64 {
	return float64(pr.Tier[i])*pr.Big + float64(pr.Fit[i][j].Key())
}

// Optimum solves the problem exactly, densely: one column per place of
// every mentor, one "no mentor" column per row. force maps a row to the only
// mentor column it may take (-1: none). It returns the optimum's total
// tier, total fit key and each row's mentor column (-1 unmatched).
func (pr *Problem) Optimum(forceRow, forceCol int) (tier int, fit int64, col []int, ok bool) {
	var slotCol []int
	for j, m := range pr.Cols {
		for range pr.o.Room(m) {
			slotCol = append(slotCol, j)
		}
	}
	n, s := len(pr.Rows), len(slotCol)
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, s+n)
		for k, j := range slotCol {
			w[i][k] = Forbidden
			if pr.Allowed[i][j] && (i != forceRow || j == forceCol) {
				w[i][k] = pr.Score(i, j)
			}
		}
		for k := s; k < s+n; k++ {
			if i == forceRow {
				w[i][k] = Forbidden
			}
		}
	}
	_, cols, ok := MaxAssign(w)
	if !ok {
		return 0, 0, nil, false
	}
	col = make([]int, n)
	for i, k := range cols {
		col[i] = -1
		if k < s {
			col[i] = slotCol[k]
			tier += pr.Tier[i]
			fit += pr.Fit[i][slotCol[k]].Key()
		}
	}
	return tier, fit, col, true
}

// NextBest returns the column of the eligible mentor with room and the
// highest fit after column chosen (ties to the lower mentor id), or -1.
func (pr *Problem) NextBest(i, chosen int) int {
	best := -1
	for j := range pr.Cols {
		if j == chosen || !pr.Allowed[i][j] {
			continue
		}
		if best < 0 || pr.Fit[i][j].Key() > pr.Fit[i][best].Key() {
			best = j
		}
	}
	return best
}

// Loss returns what forcing row i onto column j costs against the optimum
// (tier, fit key), by a re-solve.
func (pr *Problem) Loss(i, j int, optTier int, optFit int64) (int, int64) {
	t, f, _, ok := pr.Optimum(i, j)
	if !ok {
		return -1, -1
	}
	return optTier - t, optFit - f
}
