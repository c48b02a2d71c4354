package matcher

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Rule is a reason a mentor may never be paired with a mentee (SPEC §6).
type Rule string

// The rules, in the order they are checked: a pair is reported under the
// first rule it breaks.
const (
	RuleSelf         Rule = "self"               // the mentor is the mentee
	RuleMentorInLine Rule = "mentor_in_line"     // the mentor is in the mentee's chain of managers
	RuleMenteeInLine Rule = "mentee_in_line"     // the mentee is in the mentor's chain of managers
	RuleFutureLine   Rule = "future_line"        // the mentor is in the chain of the mentee's planned position
	RuleSameTeam     Rule = "same_team"          // both are in the same team
	RuleAvoid        Rule = "avoid"              // the mentee asked to avoid this mentor
	RuleUnavailable  Rule = "unavailable"        // the mentor is not available, has capacity 0, or is not in mentors.csv
	RuleLanguage     Rule = "no_shared_language" // both list languages and share none
	RuleEndedBefore  Rule = "ended_before"       // an ended pair in history (lifted by AllowRepeat)
	RuleLowFit       Rule = "low_fit"            // the fit is below min_fit
)

// Rules lists every rule in the order they are checked.
var Rules = []Rule{RuleSelf, RuleMentorInLine, RuleMenteeInLine, RuleFutureLine, RuleSameTeam,
	RuleAvoid, RuleUnavailable, RuleLanguage, RuleEndedBefore, RuleLowFit}

// History-only reasons an active pair can be broken besides the rules.
const (
	RuleMentorFull    Rule = "mentor_full"           // more active pairs than the mentor's capacity
	RuleAlreadyPaired Rule = "mentee_already_paired" // a second active pair for the same mentee
)

// PairStatus tells a new pair from one kept from history.
type PairStatus string

// The statuses of a pair.
const (
	PairNew  PairStatus = "new"
	PairKept PairStatus = "kept"
)

// MatchOptions control matching. Zero values follow the configuration.
type MatchOptions struct {
	// LineDepth limits how many levels of managers the line rules look at;
	// 0 takes cfg.Match.LineDepth, where 0 means no limit.
	LineDepth int
	// AllowRepeat lifts the ended_before rule.
	AllowRepeat bool
	// Rematch ignores active pairs in history: everybody is matched anew.
	Rematch bool
	// Decisions are the committee's pair decisions: a required pair is
	// made and uses a place of its mentor (lifting ended_before and
	// low_fit, never another rule), a forbidden pair is never made, and
	// the rest is the optimum. Move decisions are ignored here (they
	// shape the plan).
	Decisions []*model.Decision
}

// Mentee is a mentee with what matching derived about them.
type Mentee struct {
	Person  *model.Person
	Row     *model.Mentee // nil for a mentee known only from history
	Planned *PlanEntry    // the planned move, or nil
	Tier    int
	needs   menteeSide
	avoid   map[string]bool
	langs   []string        // fold keys of the languages
	ended   map[string]bool // mentors of the mentee's ended pairs
	future  []string        // chain of the planned position: its manager first
	chain   []string        // chain of managers: direct manager first
}

// Mentor is a mentor with their person and load.
type Mentor struct {
	Person   *model.Person
	Row      *model.Mentor
	Capacity int
	Kept     int
	New      int
	side     mentorSide
	chain    []string
	langs    []string // fold keys of the languages
}

// Left returns the capacity the mentor has left.
func (m *Mentor) Left() int { return max(m.Capacity-m.Kept-m.New, 0) }

// Pair is a mentee paired with a mentor.
type Pair struct {
	Mentee *Mentee
	Mentor *Mentor
	Fit    Fit
	Status PairStatus
	// NextBest is the eligible mentor with the highest fit after the one
	// chosen (nil if none); Loss is the total fit the committee would lose
	// by forcing it, in fit points, and TierLoss the priority points, both
	// exact: the difference with a re-solve with that pair forced.
	NextBest    *Mentor
	NextBestFit Fit
	Loss        float64
	TierLoss    int
	// Decision is the committee's decision that requires the pair, nil if
	// none; Lifted lists the rules it lifts for this pair.
	Decision *model.Decision
	Lifted   []Rule
}

// Unmatched is a mentee left without a mentor, and why.
type Unmatched struct {
	Mentee *Mentee
	// Excluded counts, for each rule of Rules, the mentors excluded by it
	// (each mentor under the first rule it breaks).
	Excluded [NumRules]int
	// Eligible counts the mentors the mentee could have had: when it is
	// above 0, they were all full with mentees of higher priority (or equal
	// priority and more total fit).
	Eligible int
	// Forbidden counts the mentors the mentee could have had but for the
	// committee's decision; FullByDecision the eligible mentors that are
	// full and hold at least one pair the committee required.
	Forbidden      int
	FullByDecision int
}

// NumRules is the number of rules in Rules.
const NumRules = 10

// Broken is an active pair of history that is no longer allowed.
type Broken struct {
	Pair *model.HistoryPair
	Rule Rule
}

// Matching is the result of matching mentees with mentors.
type Matching struct {
	Pairs     []Pair // kept pairs first, then new pairs, each by mentee id
	Unmatched []Unmatched
	Broken    []Broken
	Mentors   []*Mentor // in the order of mentors.csv
	TierTotal int       // Σ tier over the matched mentees of the solve
	FitTotal  float64   // Σ fit over the pairs of the solve
	// Plan is the plan the matching followed, nil without one.
	Plan *Plan
}

// Match pairs the mentees of ds with its mentors (SPEC §6): never breaking a
// rule, maximising first the total priority tier of the mentees matched,
// then their total fit, exactly, in one solve. pl may be nil (no plan).
func Match(cfg *model.Config, ds *model.Dataset, ix *Index, pl *Plan, opt MatchOptions) (*Matching, error) {
	depth := opt.LineDepth
	if depth == 0 {
		depth = cfg.Match.LineDepth
	}
	mx := &matchCtx{cfg: cfg, ix: ix, depth: depth, opt: opt, ended: map[string]map[string]bool{}}
	for i := range ds.History {
		h := &ds.History[i]
		if h.Status == model.PairEnded {
			if mx.ended[h.MenteeID] == nil {
				mx.ended[h.MenteeID] = map[string]bool{}
			}
			mx.ended[h.MenteeID][h.MentorID] = true
		}
	}
	var planned map[string]*PlanEntry
	if pl != nil {
		planned = pl.ChosenFor()
	}

	res := &Matching{Plan: pl}
	mentorByID := make(map[string]*Mentor, len(ds.Mentors))
	for i := range ds.Mentors {
		row := &ds.Mentors[i]
		p, ok := ix.People[row.PersonID]
		if !ok {
			return nil, fmt.Errorf("matcher: mentor %s is not in people", row.PersonID)
		}
		if _, dup := mentorByID[row.PersonID]; dup {
			continue
		}
		m := mx.newMentor(p, row)
		mentorByID[p.ID] = m
		res.Mentors = append(res.Mentors, m)
	}
	menteeByID := make(map[string]*Mentee, len(ds.Mentees))
	var mentees []*Mentee
	for i := range ds.Mentees {
		row := &ds.Mentees[i]
		p, ok := ix.People[row.PersonID]
		if !ok {
			return nil, fmt.Errorf("matcher: mentee %s is not in people", row.PersonID)
		}
		if _, dup := menteeByID[row.PersonID]; dup {
			continue
		}
		e := mx.newMentee(p, row, planned[p.ID])
		menteeByID[p.ID] = e
		mentees = append(mentees, e)
	}

	pd := newPairDecisions(opt.Decisions)
	if errs := mx.makeRequired(&pd, ds, menteeByID, mentorByID, res); len(errs) > 0 {
		return nil, errs
	}
	kept := make(map[string]bool)
	for _, p := range res.Pairs {
		kept[p.Mentee.Person.ID] = true
	}
	if !opt.Rematch {
		if err := mx.keepHistory(ds, &pd, menteeByID, mentorByID, planned, kept, res); err != nil {
			return nil, err
		}
	}

	// The solve: every mentee not kept, against every mentor with room.
	var rows []*Mentee
	for _, e := range mentees {
		if !kept[e.Person.ID] {
			rows = append(rows, e)
		}
	}
	slices.SortFunc(rows, func(a, b *Mentee) int { return strings.Compare(a.Person.ID, b.Person.ID) })
	mentors := slices.Clone(res.Mentors)
	slices.SortFunc(mentors, func(a, b *Mentor) int { return strings.Compare(a.Person.ID, b.Person.ID) })

	n, m := len(rows), len(mentors)
	big := int64(2*10000*n + 1) // above twice any total fit in hundredths
	none := m
	cells := make([]solveRow, n)
	why := make([]Unmatched, n)
	decided := make(map[*Mentor]bool)
	for _, p := range res.Pairs {
		if p.Decision != nil {
			decided[p.Mentor] = true
		}
	}
	rk := newRuleKeys(mx, rows, mentors)
	forEachRow(n, func(r int, buf *solveRow) {
		e := rows[r]
		buf.cols, buf.keys = buf.cols[:0], buf.keys[:0]
		for c, mt := range mentors {
			rule, key := rk.check(r, c)
			switch {
			case rule != ruleNone:
				why[r].Excluded[rule]++
				continue
			case pd.forbids(e, mt):
				why[r].Forbidden++
				continue
			}
			why[r].Eligible++
			if mt.Left() == 0 {
				if decided[mt] {
					why[r].FullByDecision++
				}
				continue
			}
			buf.cols = append(buf.cols, int32(c))
			buf.keys = append(buf.keys, key)
		}
		cells[r] = solveRow{cols: slices.Clone(buf.cols), keys: slices.Clone(buf.keys), tier: int64(rows[r].Tier)}
	})
	capacity := make([]int, m+1)
	for c, mt := range mentors {
		capacity[c] = mt.Left()
	}
	capacity[none] = n
	ms := &matchSolve{rows: cells, capacity: capacity, big: big}
	sol, err := ms.solve()
	if err != nil {
		return nil, fmt.Errorf("matcher: match: %w", err)
	}

	var forced []forcedPair
	for r, e := range rows {
		c := sol.RowCol[r]
		if c == none {
			why[r].Mentee = e
			res.Unmatched = append(res.Unmatched, why[r])
			continue
		}
		mt := mentors[c]
		mt.New++
		res.TierTotal += e.Tier
		_, fit := mx.check(e, mt)
		res.FitTotal += fit.Total
		pair := Pair{Mentee: e, Mentor: mt, Fit: fit, Status: PairNew}
		// Next best: the other mentor with room and the highest fit,
		// ties by mentor id.
		row := &cells[r]
		bestK := -1
		for k, cc := range row.cols {
			if int(cc) == c {
				continue
			}
			if bestK < 0 || row.keys[k] > row.keys[bestK] {
				bestK = k
			}
		}
		if bestK >= 0 {
			nb := mentors[row.cols[bestK]]
			pair.NextBest = nb
			_, pair.NextBestFit = mx.check(e, nb)
			forced = append(forced, forcedPair{pair: len(res.Pairs), row: r, col: int(row.cols[bestK]),
				val: ms.val(r, bestK)})
		}
		res.Pairs = append(res.Pairs, pair)
	}
	if len(forced) > 0 {
		lg := newLossGraph(ms, sol)
		for i, loss := range lg.losses(forced) {
			diff := int64(math.Round(loss))
			tierLoss := (diff + big/2) / big
			p := &res.Pairs[forced[i].pair]
			p.TierLoss = int(tierLoss)
			p.Loss = float64(diff-tierLoss*big) / 100
		}
	}
	slices.SortStableFunc(res.Pairs, func(a, b Pair) int {
		if a.Status != b.Status {
			if a.Status == PairKept {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Mentee.Person.ID, b.Mentee.Person.ID)
	})
	return res, nil
}

// Kept returns the number of pairs kept from history.
func (mt *Matching) Kept() int {
	n := 0
	for i := range mt.Pairs {
		if mt.Pairs[i].Status == PairKept {
			n++
		}
	}
	return n
}

func ruleIndex(r Rule) int { return slices.Index(Rules, r) }

// matchCtx holds what every rule check needs.
type matchCtx struct {
	cfg   *model.Config
	ix    *Index
	depth int
	opt   MatchOptions
	ended map[string]map[string]bool // mentee id → mentor ids of their ended pairs
}

// chain returns the managers above id, nearest first, up to the depth
// limit; it stops at an unknown id or a cycle (both reported by validation).
func (mx *matchCtx) chain(id string) []string {
	var out []string
	seen := map[string]bool{id: true}
	p := mx.ix.People[id]
	for p != nil && p.ManagerID != "" && !seen[p.ManagerID] {
		if mx.depth > 0 && len(out) >= mx.depth {
			break
		}
		out = append(out, p.ManagerID)
		seen[p.ManagerID] = true
		p = mx.ix.People[p.ManagerID]
	}
	return out
}

func (mx *matchCtx) newMentor(p *model.Person, row *model.Mentor) *Mentor {
	capacity := row.Capacity
	if !row.Available {
		capacity = 0
	}
	m := &Mentor{Person: p, Row: row, Capacity: capacity, chain: mx.chain(p.ID)}
	m.side = mentorSide{person: p, keys: keysOf(p), experience: make(map[string]bool, len(row.Experience))}
	for _, t := range row.Experience {
		m.side.experience[strings.ToLower(strings.TrimSpace(t))] = true
	}
	langs := row.Languages
	if len(langs) == 0 {
		langs = p.Languages
	}
	m.langs = foldKeys(langs)
	return m
}

func (mx *matchCtx) newMentee(p *model.Person, row *model.Mentee, planned *PlanEntry) *Mentee {
	e := &Mentee{Person: p, Row: row, Planned: planned, chain: mx.chain(p.ID), avoid: map[string]bool{}, ended: mx.ended[p.ID]}
	var tags, prefs []string
	if row != nil {
		tags, prefs = row.Needs, row.Preferences
		for _, a := range row.Avoid {
			e.avoid[a] = true
		}
	}
	var plannedScore *Score
	e.Tier = 1
	if planned != nil {
		plannedScore = planned.Score
		switch {
		case planned.Score.Band == Overstretch:
			e.Tier = 3
		case planned.Score.Band == Stretch && planned.Score.Challenge >= mx.cfg.Match.Tier2Min-eps:
			e.Tier = 2
		}
		if mgr := planned.Score.Position.ManagerID; mgr != "" {
			e.future = append([]string{mgr}, mx.chain(mgr)...)
			if mx.depth > 0 && len(e.future) > mx.depth {
				e.future = e.future[:mx.depth]
			}
		}
	}
	if row != nil && row.Priority.OK {
		e.Tier = row.Priority.V
	}
	e.needs = menteeSide{person: p, keys: keysOf(p), needs: needsOf(mx.cfg, tags, plannedScore), rank: map[string]int{}}
	e.langs = foldKeys(p.Languages)
	for i, id := range prefs {
		if _, dup := e.needs.rank[id]; !dup {
			e.needs.rank[id] = i + 1
		}
	}
	e.needs.ranked = len(prefs)
	return e
}

// check returns the first rule the pair breaks ("" if none) and its fit.
func (mx *matchCtx) check(e *Mentee, m *Mentor) (Rule, Fit) { return mx.rule(e, m, true) }

// rule is check, with the fit's Shared list filled only with detail.
func (mx *matchCtx) rule(e *Mentee, m *Mentor, detail bool) (Rule, Fit) {
	ep, mp := e.Person, m.Person
	switch {
	case ep.ID == mp.ID:
		return RuleSelf, Fit{}
	case slices.Contains(e.chain, mp.ID):
		return RuleMentorInLine, Fit{}
	case slices.Contains(m.chain, ep.ID):
		return RuleMenteeInLine, Fit{}
	case slices.Contains(e.future, mp.ID):
		return RuleFutureLine, Fit{}
	case e.needs.keys.team != "" && e.needs.keys.team == m.side.keys.team:
		return RuleSameTeam, Fit{}
	case e.avoid[mp.ID]:
		return RuleAvoid, Fit{}
	case m.Capacity <= 0:
		return RuleUnavailable, Fit{}
	case len(e.langs) > 0 && len(m.langs) > 0 && !shareAny(e.langs, m.langs):
		return RuleLanguage, Fit{}
	case e.ended[mp.ID] && !mx.opt.AllowRepeat && !mx.cfg.Match.AllowRepeat:
		return RuleEndedBefore, Fit{}
	}
	f := fitOf(mx.cfg, &e.needs, &m.side, detail)
	if f.Total < mx.cfg.Match.MinFit-eps {
		return RuleLowFit, f
	}
	return "", f
}

// shareAny reports whether two lists of fold keys have one in common.
func shareAny(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// foldKeys returns the fold keys of a list, leaving out empty entries.
func foldKeys(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if k := foldKey(s); k != "" {
			out = append(out, k)
		}
	}
	return out
}
