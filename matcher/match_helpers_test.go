package matcher

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/internal/oracle"
	"github.com/stretchmatch/stretchmatch/model"
)

// testOrg is a small organisation built in code for the matching tests:
// people with their managers, mentors, mentees, history, and optionally
// positions and moves to plan.
type testOrg struct {
	cfg model.Config
	ds  model.Dataset
	pl  *Plan
}

func newTestOrg() *testOrg { return &testOrg{cfg: model.Default()} }

type personOpt func(*model.Person)

func withTeam(t string) personOpt     { return func(p *model.Person) { p.Team = t } }
func withGrade(g int) personOpt       { return func(p *model.Person) { p.Grade = model.Int(g) } }
func withDivision(d string) personOpt { return func(p *model.Person) { p.Division = d } }
func withCountry(c string) personOpt  { return func(p *model.Person) { p.Country = c } }
func withFunction(f string) personOpt { return func(p *model.Person) { p.Function = f } }
func withRoleKind(k string) personOpt { return func(p *model.Person) { p.RoleKind = k } }
func withLanguages(l ...string) personOpt {
	return func(p *model.Person) { p.Languages = l }
}

type mentorOpt func(*model.Mentor)

func notAvailable() mentorOpt { return func(m *model.Mentor) { m.Available = false } }
func withExperience(tags ...string) mentorOpt {
	return func(m *model.Mentor) { m.Experience = tags }
}
func withMentorLanguages(l ...string) mentorOpt {
	return func(m *model.Mentor) { m.Languages = l }
}

type menteeOpt func(*model.Mentee)

func prefers(ids ...string) menteeOpt { return func(e *model.Mentee) { e.Preferences = ids } }
func avoids(ids ...string) menteeOpt  { return func(e *model.Mentee) { e.Avoid = ids } }
func withPriority(p int) menteeOpt    { return func(e *model.Mentee) { e.Priority = model.Int(p) } }

type positionOpt func(*model.Position)

func withPositionCountry(c string) positionOpt { return func(p *model.Position) { p.Country = c } }
func withPositionFunction(f string) positionOpt {
	return func(p *model.Position) { p.Function = f }
}
func withPositionRoleKind(k string) positionOpt {
	return func(p *model.Position) { p.RoleKind = k }
}
func withPositionDivision(d string) positionOpt {
	return func(p *model.Position) { p.Division = d }
}

// person adds a person reporting to manager ("" for the top).
func (o *testOrg) person(id, manager string, opts ...personOpt) *testOrg {
	p := model.Person{ID: id, Name: "Person " + id, ManagerID: manager}
	for _, f := range opts {
		f(&p)
	}
	o.ds.People = append(o.ds.People, p)
	return o
}

// mentor adds an available mentor row.
func (o *testOrg) mentor(id string, capacity int, opts ...mentorOpt) *testOrg {
	m := model.Mentor{PersonID: id, Capacity: capacity, Available: true}
	for _, f := range opts {
		f(&m)
	}
	o.ds.Mentors = append(o.ds.Mentors, m)
	return o
}

// mentee adds a mentee row.
func (o *testOrg) mentee(id string, opts ...menteeOpt) *testOrg {
	e := model.Mentee{PersonID: id}
	for _, f := range opts {
		f(&e)
	}
	o.ds.Mentees = append(o.ds.Mentees, e)
	return o
}

// history adds an earlier pair.
func (o *testOrg) history(mentee, mentor string, status model.PairStatus) *testOrg {
	o.ds.History = append(o.ds.History, model.HistoryPair{MenteeID: mentee, MentorID: mentor, Status: status})
	return o
}

// position adds an open position reporting to manager.
func (o *testOrg) position(id, manager string, opts ...positionOpt) *testOrg {
	p := model.Position{ID: id, Title: "Job " + id, ManagerID: manager, Openings: 1}
	for _, f := range opts {
		f(&p)
	}
	o.ds.Positions = append(o.ds.Positions, p)
	return o
}

// move adds a candidate move with the given 1–5 ratings by criterion id.
func (o *testOrg) move(person, position string, ratings map[string]float64) *testOrg {
	mv := model.Move{ID: person + ">" + position, PersonID: person, PositionID: position}
	for id, r := range ratings {
		mv.Ratings[model.CriterionIndex(id)] = model.Float(r)
	}
	o.ds.Moves = append(o.ds.Moves, mv)
	return o
}

// plan scores every move and plans them; the matching then uses the plan.
func (o *testOrg) plan(t *testing.T, allowOverstretch bool) *Plan {
	t.Helper()
	ix := NewIndex(&o.ds)
	scores, err := ScoreAll(&o.cfg, &o.ds, ix)
	if err != nil {
		t.Fatalf("ScoreAll: %v", err)
	}
	pl, err := MakePlan(&o.cfg, scores, o.ds.Positions, PlanOptions{AllowOverstretch: allowOverstretch})
	if err != nil {
		t.Fatalf("MakePlan: %v", err)
	}
	o.pl = pl
	return pl
}

// match runs the matching on the organisation.
func (o *testOrg) match(t *testing.T, opt MatchOptions) *Matching {
	t.Helper()
	res, err := Match(&o.cfg, &o.ds, NewIndex(&o.ds), o.pl, opt)
	if err != nil {
		t.Fatalf("Match: %v", err)
	}
	checkNoRuleBroken(t, &o.cfg, &o.ds, o.pl, opt, res)
	return res
}

// checkNoRuleBroken recomputes every rule of SPEC §6 and the fit from the
// raw dataset for every pair of the result, kept or new, and checks
// capacities.
func checkNoRuleBroken(t *testing.T, cfg *model.Config, ds *model.Dataset, pl *Plan, opt MatchOptions, res *Matching) {
	t.Helper()
	or := newMatchOracle(cfg, ds, pl, opt)
	perMentor := map[string]int{}
	for _, p := range res.Pairs {
		e, m := p.Mentee.Person.ID, p.Mentor.Person.ID
		if r := or.rule(e, m); r != "" {
			t.Errorf("pair %s–%s (%s) breaks %s", e, m, p.Status, r)
		}
		if f := or.fit(e, m); !near(p.Fit.Total, f) {
			t.Errorf("pair %s–%s fit %v, oracle %v", e, m, p.Fit.Total, f)
		}
		perMentor[m]++
	}
	for m, k := range perMentor {
		if k > or.capacity(m) {
			t.Errorf("mentor %s has %d mentees for capacity %d", m, k, or.capacity(m))
		}
	}
}

// pairFor returns the pair of a mentee, or nil.
func pairFor(res *Matching, mentee string) *Pair {
	for i := range res.Pairs {
		if res.Pairs[i].Mentee.Person.ID == mentee {
			return &res.Pairs[i]
		}
	}
	return nil
}

// unmatchedFor returns the unmatched entry of a mentee, or nil.
func unmatchedFor(res *Matching, mentee string) *Unmatched {
	for i := range res.Unmatched {
		if res.Unmatched[i].Mentee.Person.ID == mentee {
			return &res.Unmatched[i]
		}
	}
	return nil
}

// mentorFor returns the load of a mentor, or nil.
func mentorFor(res *Matching, id string) *Mentor {
	for _, m := range res.Mentors {
		if m.Person.ID == id {
			return m
		}
	}
	return nil
}

// counts builds expected Excluded counts from rule → count.
func counts(by map[Rule]int) [NumRules]int {
	var out [NumRules]int
	for r, n := range by {
		i := slices.Index(Rules, r)
		if i < 0 {
			panic("unknown rule " + string(r))
		}
		out[i] = n
	}
	return out
}

// countsString shows the non-zero counts by rule.
func countsString(c [NumRules]int) string {
	var parts []string
	for i, n := range c {
		if n != 0 {
			parts = append(parts, fmt.Sprintf("%s=%d", Rules[i], n))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}

// pairKey is a pair as plain values, for comparing two runs.
type pairKey struct {
	Mentee, Mentor string
	FitKey         int64
	Status         PairStatus
	NextBest       string
	NextBestFitKey int64
	LossKey        int64
	TierLoss       int
	Tier           int
}

func pairKeys(res *Matching) []pairKey {
	out := make([]pairKey, len(res.Pairs))
	for i, p := range res.Pairs {
		k := pairKey{Mentee: p.Mentee.Person.ID, Mentor: p.Mentor.Person.ID, FitKey: fitKey(p.Fit.Total),
			Status: p.Status, LossKey: int64(math.Round(p.Loss * 100)), TierLoss: p.TierLoss, Tier: p.Mentee.Tier}
		if p.NextBest != nil {
			k.NextBest = p.NextBest.Person.ID
			k.NextBestFitKey = fitKey(p.NextBestFit.Total)
		}
		out[i] = k
	}
	return out
}

// ---------------------------------------------------------------------------
// Random organisations.

// randOrg is a random small organisation with the options to match it.
type randOrg struct {
	cfg   model.Config
	ds    model.Dataset
	opt   MatchOptions
	allow bool // plan with overstretch moves allowed
}

var (
	randTeams      = []string{"", "", "T1", "T2", "T3", "t1 "}
	randDivisions  = []string{"", "Ops", "Sales", "ops"}
	randCountries  = []string{"", "FR", "DE", "US", "JP", "XX", "fr"}
	randFunctions  = []string{"", "Finance", "Sales", "IT"}
	randLanguages  = []string{"en", "fr", "de", "EN"}
	randTags       = []string{"change_country", "Staff_To_Line", "team_building", "pressure", "ambiguity", "new_conditions", "abrupt_leap", "finance", "first_management", "change_function"}
	randRoleKinds  = []string{"", "line", "staff"}
	randSiteTypes  = []string{"", "hq", "field"}
	randRatedIDs   = []string{"failure_visible", "take_charge", "pressure", "influence_without_authority", "ambiguity", "high_visibility", "team_building", "strategic"}
	randHistStatus = []model.PairStatus{model.PairActive, model.PairEnded, ""}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// subset returns a random subset of xs in random order.
func subset[T any](rng *rand.Rand, xs []T, p float64) []T {
	var out []T
	for _, x := range xs {
		if rng.Float64() < p {
			out = append(out, x)
		}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// randomMatchOrg builds 2–7 mentees, 1–4 mentors with capacities 0–2 and a
// few other people, in a random manager tree, with random attributes,
// needs, experience, preferences, avoid lists, priorities, history,
// positions and moves, and random matching options.
func randomMatchOrg(rng *rand.Rand) *randOrg {
	ro := &randOrg{cfg: model.Default()}
	nMentees, nMentors, nOthers := 2+rng.IntN(6), 1+rng.IntN(4), 1+rng.IntN(4)
	n := nMentees + nMentors + nOthers
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("E%02d", i+1)
	}
	// The manager tree: each person reports to someone earlier in a random
	// order, or to nobody.
	order := rng.Perm(n)
	mgr := make([]string, n)
	for k := 1; k < n; k++ {
		if rng.IntN(5) != 0 {
			mgr[order[k]] = ids[order[rng.IntN(k)]]
		}
	}
	for i, id := range ids {
		p := model.Person{
			ID: id, Name: "Person " + id, ManagerID: mgr[i],
			Team: pick(rng, randTeams), Division: pick(rng, randDivisions), Country: pick(rng, randCountries),
			Function: pick(rng, randFunctions), RoleKind: pick(rng, randRoleKinds), SiteType: pick(rng, randSiteTypes),
			Languages: subset(rng, randLanguages, 0.3),
		}
		if rng.IntN(4) != 0 {
			p.Grade = model.Int(1 + rng.IntN(8))
		}
		if rng.IntN(2) == 0 {
			p.Headcount = model.Int(rng.IntN(3) * 3)
		}
		if rng.IntN(3) == 0 {
			p.LearningOrientation = model.Float(float64(1 + rng.IntN(5)))
		}
		ro.ds.People = append(ro.ds.People, p)
	}
	perm := rng.Perm(n)
	menteeIDs := make([]string, nMentees)
	mentorIDs := make([]string, nMentors)
	for i := range menteeIDs {
		menteeIDs[i] = ids[perm[i]]
	}
	for i := range mentorIDs {
		mentorIDs[i] = ids[perm[nMentees+i]]
	}
	if rng.IntN(6) == 0 { // someone both mentee and mentor
		mentorIDs[0] = menteeIDs[rng.IntN(nMentees)]
	}
	for _, id := range mentorIDs {
		m := model.Mentor{PersonID: id, Capacity: pick(rng, []int{0, 1, 1, 2, 2}), Available: rng.IntN(10) != 0,
			Experience: subset(rng, randTags, 0.3)}
		if rng.IntN(4) == 0 {
			m.Languages = subset(rng, randLanguages, 0.4)
		}
		ro.ds.Mentors = append(ro.ds.Mentors, m)
	}
	for _, id := range menteeIDs {
		e := model.Mentee{PersonID: id, Needs: subset(rng, randTags, 0.2)}
		if rng.IntN(2) == 0 {
			e.Preferences = subset(rng, append(slices.Clone(mentorIDs), pick(rng, ids)), 0.5)
		}
		if rng.IntN(5) == 0 {
			e.Avoid = subset(rng, mentorIDs, 0.4)
		}
		if rng.IntN(3) == 0 {
			e.Priority = model.Int(1 + rng.IntN(3))
		}
		ro.ds.Mentees = append(ro.ds.Mentees, e)
	}
	for range rng.IntN(5) {
		h := model.HistoryPair{MenteeID: pick(rng, menteeIDs), MentorID: pick(rng, mentorIDs), Status: pick(rng, randHistStatus)}
		if rng.IntN(6) == 0 {
			h.MenteeID = pick(rng, ids)
		}
		if rng.IntN(8) == 0 {
			h.MentorID = pick(rng, ids)
		}
		ro.ds.History = append(ro.ds.History, h)
	}
	// Positions and moves: the plan gives tiers, needs and future lines.
	nPos := rng.IntN(4)
	for j := range nPos {
		pos := model.Position{
			ID: fmt.Sprintf("J%d", j+1), Title: "Job", Openings: 1,
			Team: pick(rng, randTeams), Division: pick(rng, randDivisions), Country: pick(rng, randCountries),
			Function: pick(rng, randFunctions), RoleKind: pick(rng, randRoleKinds), SiteType: pick(rng, randSiteTypes),
			NewRole: rng.IntN(4) == 0, Critical: rng.IntN(4) == 0,
		}
		if rng.IntN(5) != 0 {
			pos.ManagerID = pick(rng, ids)
		}
		if rng.IntN(4) != 0 {
			pos.Grade = model.Int(1 + rng.IntN(8))
		}
		if rng.IntN(2) == 0 {
			pos.Headcount = model.Int(rng.IntN(4) * 4)
		}
		ro.ds.Positions = append(ro.ds.Positions, pos)
	}
	if nPos > 0 {
		for _, id := range menteeIDs {
			for range rng.IntN(3) {
				mv := model.Move{PersonID: id, PositionID: pick(rng, ro.ds.Positions).ID}
				mv.ID = fmt.Sprintf("%s>%s#%d", mv.PersonID, mv.PositionID, len(ro.ds.Moves))
				for _, c := range subset(rng, randRatedIDs, 0.5) {
					mv.Ratings[model.CriterionIndex(c)] = model.Float(float64(1 + rng.IntN(5)))
				}
				if rng.IntN(2) == 0 {
					mv.Support = model.Float(float64(1 + rng.IntN(5)))
				}
				ro.ds.Moves = append(ro.ds.Moves, mv)
			}
		}
	}
	ro.allow = rng.IntN(2) == 0
	ro.cfg.Match.MinFit = pick(rng, []float64{0, 20, 20, 40})
	ro.cfg.Match.LineDepth = pick(rng, []int{0, 0, 1})
	ro.cfg.Match.AllowRepeat = rng.IntN(10) == 0
	ro.opt = MatchOptions{
		LineDepth:   pick(rng, []int{0, 0, 1, 2}),
		AllowRepeat: rng.IntN(5) == 0,
		Rematch:     rng.IntN(5) == 0,
	}
	return ro
}

// run scores and plans the organisation, then matches it.
func (ro *randOrg) run(t *testing.T) (*Plan, *Matching) {
	t.Helper()
	ix := NewIndex(&ro.ds)
	scores, err := ScoreAll(&ro.cfg, &ro.ds, ix)
	if err != nil {
		t.Fatalf("ScoreAll: %v", err)
	}
	pl, err := MakePlan(&ro.cfg, scores, ro.ds.Positions, PlanOptions{AllowOverstretch: ro.allow})
	if err != nil {
		t.Fatalf("MakePlan: %v", err)
	}
	res, err := Match(&ro.cfg, &ro.ds, ix, pl, ro.opt)
	if err != nil {
		t.Fatalf("Match: %v", err)
	}
	checkNoRuleBroken(t, &ro.cfg, &ro.ds, pl, ro.opt, res)
	return pl, res
}

// ---------------------------------------------------------------------------
// An oracle for SPEC §6 written from the raw organisation.

// matchOracle recomputes the rules, fits, tiers and history of SPEC §6 from
// the raw dataset, without the matcher's own structures.
type matchOracle struct {
	ds      *model.Dataset
	cfg     *model.Config
	opt     MatchOptions
	depth   int
	people  map[string]*model.Person
	mentors []string // distinct mentor ids in the order of mentors.csv
	mentor  map[string]*model.Mentor
	mentees []string // distinct mentee ids in the order of mentees.csv
	mentee  map[string]*model.Mentee
	planned map[string]*Score // the chosen move of each person
}

func newMatchOracle(cfg *model.Config, ds *model.Dataset, pl *Plan, opt MatchOptions) *matchOracle {
	or := &matchOracle{ds: ds, cfg: cfg, opt: opt, depth: opt.LineDepth,
		people: map[string]*model.Person{}, mentor: map[string]*model.Mentor{},
		mentee: map[string]*model.Mentee{}, planned: map[string]*Score{}}
	if or.depth == 0 {
		or.depth = cfg.Match.LineDepth
	}
	for i := range ds.People {
		if _, dup := or.people[ds.People[i].ID]; !dup {
			or.people[ds.People[i].ID] = &ds.People[i]
		}
	}
	for i := range ds.Mentors {
		if _, dup := or.mentor[ds.Mentors[i].PersonID]; !dup {
			or.mentor[ds.Mentors[i].PersonID] = &ds.Mentors[i]
			or.mentors = append(or.mentors, ds.Mentors[i].PersonID)
		}
	}
	for i := range ds.Mentees {
		if _, dup := or.mentee[ds.Mentees[i].PersonID]; !dup {
			or.mentee[ds.Mentees[i].PersonID] = &ds.Mentees[i]
			or.mentees = append(or.mentees, ds.Mentees[i].PersonID)
		}
	}
	if pl != nil {
		for i := range pl.Entries {
			if pl.Entries[i].Status == Chosen {
				or.planned[pl.Entries[i].Score.Person.ID] = pl.Entries[i].Score
			}
		}
	}
	return or
}

// above walks the managers above id, nearest first, at most depth of them
// (0: all), stopping at an unknown id or a loop.
func (or *matchOracle) above(id string) []string {
	var out []string
	cur := id
	for {
		p := or.people[cur]
		if p == nil || p.ManagerID == "" || p.ManagerID == id || slices.Contains(out, p.ManagerID) {
			return out
		}
		if or.depth > 0 && len(out) == or.depth {
			return out
		}
		out = append(out, p.ManagerID)
		cur = p.ManagerID
	}
}

// futureLine is the chain of the position the mentee is planned to move
// to: its manager first, at most depth people.
func (or *matchOracle) futureLine(mentee string) []string {
	s := or.planned[mentee]
	if s == nil || s.Position.ManagerID == "" {
		return nil
	}
	line := append([]string{s.Position.ManagerID}, or.above(s.Position.ManagerID)...)
	if or.depth > 0 && len(line) > or.depth {
		line = line[:or.depth]
	}
	return line
}

func same(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }

// capacity is the mentor's capacity, 0 when unavailable or not a mentor.
func (or *matchOracle) capacity(mentor string) int {
	m := or.mentor[mentor]
	if m == nil || !m.Available {
		return 0
	}
	return m.Capacity
}

// rule returns the first rule of SPEC §6, in the order of Rules, that the
// pair breaks, or "".
func (or *matchOracle) rule(mentee, mentor string) Rule {
	e, m := or.people[mentee], or.people[mentor]
	row := or.mentee[mentee]
	if mentee == mentor {
		return RuleSelf
	}
	if slices.Contains(or.above(mentee), mentor) {
		return RuleMentorInLine
	}
	if slices.Contains(or.above(mentor), mentee) {
		return RuleMenteeInLine
	}
	if slices.Contains(or.futureLine(mentee), mentor) {
		return RuleFutureLine
	}
	if strings.TrimSpace(e.Team) != "" && same(e.Team, m.Team) {
		return RuleSameTeam
	}
	if row != nil && slices.Contains(row.Avoid, mentor) {
		return RuleAvoid
	}
	if or.capacity(mentor) == 0 {
		return RuleUnavailable
	}
	langs := m.Languages
	if mr := or.mentor[mentor]; mr != nil && len(mr.Languages) > 0 {
		langs = mr.Languages
	}
	if len(e.Languages) > 0 && len(langs) > 0 && !slices.ContainsFunc(e.Languages, func(a string) bool {
		return slices.ContainsFunc(langs, func(b string) bool { return same(a, b) })
	}) {
		return RuleLanguage
	}
	if !or.opt.AllowRepeat && !or.cfg.Match.AllowRepeat && slices.ContainsFunc(or.ds.History, func(h model.HistoryPair) bool {
		return h.Status == model.PairEnded && h.MenteeID == mentee && h.MentorID == mentor
	}) {
		return RuleEndedBefore
	}
	if or.fit(mentee, mentor) < or.cfg.Match.MinFit-1e-9 {
		return RuleLowFit
	}
	return ""
}

// needs returns the mentee's needs, lower-cased and without repeats.
func (or *matchOracle) needs(mentee string) map[string]bool {
	needs := map[string]bool{}
	add := func(t string) {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			needs[t] = true
		}
	}
	if row := or.mentee[mentee]; row != nil {
		for _, t := range row.Needs {
			add(t)
		}
	}
	if s := or.planned[mentee]; s != nil {
		// The planned move as the independent oracle scores it, not as
		// the matcher did.
		sc := oracle.ScoreMove(or.cfg, s.Person, s.Position, s.Move)
		for _, f := range oracle.FlagIDs {
			if sc.Flags[f] {
				add(f)
			}
		}
		for _, c := range oracle.Criteria {
			if sc.X[c] >= or.cfg.Match.NeedMinX-1e-9 {
				add(c)
			}
		}
	}
	return needs
}

// fit computes F of SPEC §6 from the raw rows.
func (or *matchOracle) fit(mentee, mentor string) float64 {
	e, m := or.people[mentee], or.people[mentor]
	w := or.cfg.Match.FitWeights
	sumW, sumWC := 0.0, 0.0
	add := func(weight, c float64) { sumW += weight; sumWC += weight * c }

	if needs := or.needs(mentee); len(needs) > 0 {
		lived := map[string]bool{}
		if mr := or.mentor[mentor]; mr != nil {
			for _, t := range mr.Experience {
				lived[strings.ToLower(strings.TrimSpace(t))] = true
			}
		}
		shared := 0
		for n := range needs {
			if lived[n] {
				shared++
			}
		}
		add(w.Experience, float64(shared)/float64(len(needs)))
	}
	if row := or.mentee[mentee]; row != nil && len(row.Preferences) > 0 {
		c := 0.0
		if r := slices.Index(row.Preferences, mentor); r >= 0 {
			c = 1 - float64(r)/float64(len(row.Preferences))
		}
		add(w.Preference, c)
	}
	if e.Grade.OK && m.Grade.OK {
		c := 0.0
		switch g := m.Grade.V - e.Grade.V; {
		case g >= 1 && g <= 3:
			c = 1
		case g == 0:
			c = 0.3
		case g > 3:
			c = 0.6
		}
		add(w.Seniority, c)
	}
	if strings.TrimSpace(e.Division) != "" && strings.TrimSpace(m.Division) != "" {
		add(w.CrossDivision, b2f(!same(e.Division, m.Division)))
	}
	if strings.TrimSpace(e.Country) != "" && strings.TrimSpace(m.Country) != "" {
		c := 0.0
		ce, ok1 := model.Continent(e.Country)
		cm, ok2 := model.Continent(m.Country)
		switch {
		case same(e.Country, m.Country):
			c = 1
		case ok1 && ok2 && ce == cm:
			c = 0.5
		}
		add(w.Location, c)
	}
	if sumW == 0 {
		return 50
	}
	return 100 * sumWC / sumW
}

// tier is the mentee's priority tier: the override, else from the band of
// the planned move.
func (or *matchOracle) tier(mentee string) int {
	if row := or.mentee[mentee]; row != nil && row.Priority.OK {
		return row.Priority.V
	}
	s := or.planned[mentee]
	if s == nil {
		return 1
	}
	switch sc := oracle.ScoreMove(or.cfg, s.Person, s.Position, s.Move); {
	case sc.Band == "overstretch":
		return 3
	case sc.Band == "stretch" && sc.C >= or.cfg.Match.Tier2Min-1e-9:
		return 2
	}
	return 1
}

// brokenRef is an active pair of history reported broken.
type brokenRef struct {
	Mentee, Mentor string
	Rule           Rule
}

// history walks the active pairs of history by mentee id, since date and
// mentor id (so that row order does not matter) and returns those kept
// (mentee → mentor), the mentors' kept counts and the broken pairs.
func (or *matchOracle) history() (kept map[string]string, load map[string]int, broken []brokenRef) {
	kept, load = map[string]string{}, map[string]int{}
	if or.opt.Rematch {
		return kept, load, nil
	}
	pairs := slices.Clone(or.ds.History)
	slices.SortStableFunc(pairs, func(a, b model.HistoryPair) int {
		if a.MenteeID != b.MenteeID {
			return strings.Compare(a.MenteeID, b.MenteeID)
		}
		if a.Since != b.Since {
			return strings.Compare(a.Since, b.Since)
		}
		return strings.Compare(a.MentorID, b.MentorID)
	})
	for _, h := range pairs {
		if h.Status == model.PairEnded {
			continue
		}
		var r Rule
		switch _, paired := kept[h.MenteeID]; {
		case or.mentor[h.MentorID] == nil:
			r = RuleUnavailable
		case paired:
			r = RuleAlreadyPaired
		default:
			r = or.rule(h.MenteeID, h.MentorID)
			if r == "" && load[h.MentorID] >= or.capacity(h.MentorID) {
				r = RuleMentorFull
			}
		}
		if r != "" {
			broken = append(broken, brokenRef{h.MenteeID, h.MentorID, r})
			continue
		}
		kept[h.MenteeID] = h.MentorID
		load[h.MentorID]++
	}
	return kept, load, broken
}

// bfOption is one allowed mentor of a mentee in the brute force.
type bfOption struct {
	col  int
	tier int
	fit  int64 // hundredths
}

// bruteForceMatch enumerates every assignment of each row to one of its
// options with room, or to nobody, and returns the lexicographic maximum
// of (Σ tier, Σ fit). Row forced (≥ 0) must take column forcedCol.
func bruteForceMatch(opts [][]bfOption, left []int, forced, forcedCol int) (int, int64) {
	left = slices.Clone(left)
	bestTier, bestFit := -1, int64(-1)
	var rec func(i, tier int, fit int64)
	rec = func(i, tier int, fit int64) {
		if i == len(opts) {
			if tier > bestTier || tier == bestTier && fit > bestFit {
				bestTier, bestFit = tier, fit
			}
			return
		}
		if i != forced {
			rec(i+1, tier, fit)
		}
		for _, o := range opts[i] {
			if (i == forced && o.col != forcedCol) || left[o.col] == 0 {
				continue
			}
			left[o.col]--
			rec(i+1, tier+o.tier, fit+o.fit)
			left[o.col]++
		}
	}
	rec(0, 0, 0)
	return bestTier, bestFit
}

// shuffled returns a copy of ds with its people, mentors, mentees and
// (when withHistory) history rows in a random order.
func shuffled(rng *rand.Rand, ds *model.Dataset, withHistory bool) model.Dataset {
	out := *ds
	out.People = slices.Clone(ds.People)
	out.Mentors = slices.Clone(ds.Mentors)
	out.Mentees = slices.Clone(ds.Mentees)
	out.History = slices.Clone(ds.History)
	rng.Shuffle(len(out.People), func(i, j int) { out.People[i], out.People[j] = out.People[j], out.People[i] })
	rng.Shuffle(len(out.Mentors), func(i, j int) { out.Mentors[i], out.Mentors[j] = out.Mentors[j], out.Mentors[i] })
	rng.Shuffle(len(out.Mentees), func(i, j int) { out.Mentees[i], out.Mentees[j] = out.Mentees[j], out.Mentees[i] })
	if withHistory {
		rng.Shuffle(len(out.History), func(i, j int) { out.History[i], out.History[j] = out.History[j], out.History[i] })
	}
	return out
}

// largeMatchOrg builds a flat-ish organisation for benchmarks: managers
// of ten people each, nMentees mentees and nMentors mentors of capacity 5,
// with random grades, divisions, countries, needs and experience.
func largeMatchOrg(rng *rand.Rand, nMentees, nMentors int) *randOrg {
	ro := &randOrg{cfg: model.Default()}
	n := nMentees + nMentors
	for i := range n {
		p := model.Person{ID: fmt.Sprintf("E%06d", i), Grade: model.Int(1 + rng.IntN(10)),
			Division: pick(rng, randDivisions[1:]), Country: pick(rng, randCountries[1:6]),
			Team: fmt.Sprintf("T%d", i/10)}
		if i >= 10 {
			p.ManagerID = fmt.Sprintf("E%06d", rng.IntN(i/10+1))
		}
		ro.ds.People = append(ro.ds.People, p)
	}
	for _, i := range rng.Perm(n)[:nMentors] {
		ro.ds.Mentors = append(ro.ds.Mentors, model.Mentor{PersonID: ro.ds.People[i].ID, Capacity: 5,
			Available: true, Experience: subset(rng, randTags, 0.3)})
	}
	isMentor := map[string]bool{}
	for _, m := range ro.ds.Mentors {
		isMentor[m.PersonID] = true
	}
	for i := range ro.ds.People {
		if id := ro.ds.People[i].ID; !isMentor[id] {
			ro.ds.Mentees = append(ro.ds.Mentees, model.Mentee{PersonID: id, Needs: subset(rng, randTags, 0.2)})
		}
	}
	return ro
}
