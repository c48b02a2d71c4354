package codev

import (
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"math/bits"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// Rule is a reason two volunteers may never share a group, or a group is
// not allowed.
type Rule string

// The rules, in the order they are checked: a pair is reported under the
// first rule it breaks.
const (
	RuleLine       Rule = "same_line"          // one is in the other's chain of managers today
	RuleFutureLine Rule = "future_line"        // one is in the chain of the other's planned position
	RuleSameTeam   Rule = "same_team"          // both are in the same team
	RuleAvoid      Rule = "avoid"              // one is on the other's avoid list
	RuleMentorPair Rule = "mentor_pair"        // they are a current mentor–mentee pair
	RuleRepeat     Rule = "repeat"             // they shared a group within the last no_repeat cycles
	RuleCountry    Rule = "in_person_country"  // both meet in person but work in different countries
	RuleLanguage   Rule = "no_common_language" // the group has no language every member speaks
	RuleGender     Rule = "gender_isolated"    // a member is the only one of their gender (gender: rule)
)

// Rules lists every rule in the order they are checked.
var Rules = []Rule{RuleLine, RuleFutureLine, RuleSameTeam, RuleAvoid, RuleMentorPair, RuleRepeat,
	RuleCountry, RuleLanguage, RuleGender}

// NumRules is the number of rules in Rules.
const NumRules = 9

// Member is a volunteer with what the rules and the score need to know.
type Member struct {
	Person    *model.Person
	Volunteer *model.CodevVolunteer
	// Chain is the chain of managers above the person today, nearest first,
	// already cut at the line depth in force.
	Chain []string
	// Future is the chain of the position the person is planned to move to:
	// its manager first, cut at the line depth; nil without a planned move.
	Future []string
	// HasMove tells whether the person has a planned move; Challenge lists
	// its flags set and its criteria with a strong value (ids).
	HasMove   bool
	Challenge []string
}

// ID returns the member's person id.
func (m *Member) ID() string { return m.Person.ID }

// Problem is one instance of group formation.
type Problem struct {
	Config  model.CodevConfig
	Members []Member
	// MentorPairs are the current mentor–mentee pairs, by person ids.
	MentorPairs [][2]string
	// History is codev_history.csv: earlier groups.
	History []model.CodevHistoryRow
	// Seed changes the tie-breaks of the search, nothing else.
	Seed uint64
}

// qScale is the value of a perfect pair in the integer pair scores, so that
// sums are exact and independent of the order of the members.
const qScale = 1 << 20

// member is the interned form of a Member used by the search.
type member struct {
	id        string
	function  int32 // -1 when not given
	roleKind  int32
	team      int32
	division  int32
	site      int32
	country   int32
	gender    int32
	grade     int
	hasGrade  bool
	inPerson  bool
	langs     langSet
	hasLangs  bool
	challenge uint64
	hasMove   bool
	person    int32   // index in the people table
	chain     []int32 // people indexes
	future    []int32
	pairRules []pairRule // avoid lists, mentor pairs and repeats, by other member
	lineBloom [2]uint64  // bits of the people of chain and future, for a quick "not in"
	tie       uint64     // seeded tie-break
}

// pairRule is a rule that keeps a member apart from member j.
type pairRule struct {
	j    int32
	rule Rule
}

func bloomBit(person int32) (int, uint64) { return int(person>>6) & 1, 1 << (person & 63) }

// langSet is a set of interned languages.
type langSet [4]uint64

func (s *langSet) add(i int) { s[i/64] |= 1 << (i % 64) }
func (s langSet) and(t langSet) langSet {
	return langSet{s[0] & t[0], s[1] & t[1], s[2] & t[2], s[3] & t[3]}
}
func (s langSet) empty() bool { return s[0]|s[1]|s[2]|s[3] == 0 }
func (s langSet) has(i int) bool {
	return s[i/64]&(1<<(i%64)) != 0
}

// inst is the prepared instance: members sorted by person id.
type inst struct {
	cfg       model.CodevConfig
	m         []member
	src       []*Member // the caller's members, in the order of m
	pairs     map[uint64]Rule
	wq        [4]int64 // integer weights of the pair components: halves, halves, whole, quarters
	langNames []string
	chNames   []string
	genderOn  bool // gender counted as a rule
	genderW   bool // gender counted as a weight
	wPair     float64
	wGender   float64
	w         [4]float64 // function, grade, challenge, variety
}

// interner gives every distinct key a small number.
type interner map[string]int32

func (in interner) id(s string) int32 {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return -1
	}
	if v, ok := in[s]; ok {
		return v
	}
	v := int32(len(in))
	in[s] = v
	return v
}

func pairKey(i, j int) uint64 {
	if i > j {
		i, j = j, i
	}
	return uint64(i)<<32 | uint64(j)
}

// prepare checks the problem and interns it. Every error names the
// package: they are mistakes of the caller, not bad data.
func prepare(p *Problem) (*inst, error) {
	if err := p.Config.Check(); err != nil {
		return nil, fmt.Errorf("codev: %w", err)
	}
	src := make([]*Member, len(p.Members))
	for i := range p.Members {
		if p.Members[i].Person == nil {
			return nil, fmt.Errorf("codev: member %d has no person", i)
		}
		src[i] = &p.Members[i]
	}
	slices.SortFunc(src, func(a, b *Member) int { return cmp.Compare(a.Person.ID, b.Person.ID) })
	for i := 1; i < len(src); i++ {
		if src[i].Person.ID == src[i-1].Person.ID {
			return nil, fmt.Errorf("codev: person %s is a member twice", src[i].Person.ID)
		}
	}
	cfg := p.Config
	in := &inst{cfg: cfg, src: src, m: make([]member, len(src)), pairs: map[uint64]Rule{}}
	in.genderOn = cfg.Gender == model.GenderRule
	in.genderW = cfg.Gender == model.GenderWeight
	w := cfg.Weights
	in.w = [4]float64{w.Function, w.Grade, w.Challenge, w.Variety}
	in.wPair = w.Function + w.Grade + w.Challenge + w.Variety
	if in.genderW {
		in.wGender = w.Gender
	}
	fn, rk, tm, dv, st, ct, gd, lg, ch, ppl := interner{}, interner{}, interner{}, interner{}, interner{}, interner{}, interner{}, interner{}, interner{}, interner{}
	byID := make(map[string]int, len(src))
	for i, s := range src {
		pr := s.Person
		byID[pr.ID] = i
		x := &in.m[i]
		x.id = pr.ID
		x.function, x.roleKind, x.team, x.division = fn.id(pr.Function), rk.id(pr.RoleKind), tm.id(pr.Team), dv.id(pr.Division)
		x.country, x.gender = ct.id(pr.Country), gd.id(pr.Gender)
		if pr.Country != "" || pr.SiteType != "" {
			x.site = st.id(pr.Country + "/" + pr.SiteType)
		} else {
			x.site = -1
		}
		x.grade, x.hasGrade = pr.Grade.V, pr.Grade.OK
		x.inPerson = s.Volunteer != nil && s.Volunteer.Mode == model.CodevInPerson
		for _, l := range pr.Languages {
			if k := lg.id(l); k >= 0 {
				if k >= 256 {
					return nil, errors.New("codev: more than 256 different languages")
				}
				x.langs.add(int(k))
				x.hasLangs = true
			}
		}
		x.hasMove = s.HasMove
		for _, c := range s.Challenge {
			if k := ch.id(c); k >= 0 {
				if k >= 64 {
					return nil, errors.New("codev: more than 64 different challenge tags")
				}
				x.challenge |= 1 << k
			}
		}
		x.person = ppl.id("\x00" + pr.ID)
		for _, c := range s.Chain {
			x.chain = append(x.chain, ppl.id("\x00"+c))
		}
		for _, c := range s.Future {
			x.future = append(x.future, ppl.id("\x00"+c))
		}
		for _, c := range append(slices.Clone(x.chain), x.future...) {
			w, b := bloomBit(c)
			x.lineBloom[w] |= b
		}
		h := fnv.New64a()
		fmt.Fprintf(h, "%d\x00%s", p.Seed, pr.ID)
		x.tie = h.Sum64()
	}
	in.langNames = names(lg)
	in.chNames = names(ch)
	mark := func(a, b string, r Rule) {
		i, ok1 := byID[a]
		j, ok2 := byID[b]
		if !ok1 || !ok2 || i == j {
			return
		}
		k := pairKey(i, j)
		if old, ok := in.pairs[k]; !ok || slices.Index(Rules, r) < slices.Index(Rules, old) {
			in.pairs[k] = r
		}
	}
	for _, s := range src {
		if s.Volunteer != nil {
			for _, a := range s.Volunteer.Avoid {
				mark(s.Person.ID, a, RuleAvoid)
			}
		}
	}
	for _, mp := range p.MentorPairs {
		mark(mp[0], mp[1], RuleMentorPair)
	}
	for _, g := range recentGroups(p.History, cfg.NoRepeat) {
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				mark(g[a], g[b], RuleRepeat)
			}
		}
	}
	keys := make([]uint64, 0, len(in.pairs))
	for k := range in.pairs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		i, j := int32(k>>32), int32(k&0xffffffff)
		in.m[i].pairRules = append(in.m[i].pairRules, pairRule{j, in.pairs[k]})
		in.m[j].pairRules = append(in.m[j].pairRules, pairRule{i, in.pairs[k]})
	}
	if in.wPair > 0 {
		f := func(w float64, units int) int64 { return int64(w / in.wPair * qScale / float64(units)) }
		in.wq = [4]int64{f(in.w[0], 2), f(in.w[1], 2), f(in.w[2], 1), f(in.w[3], 4)}
	}
	return in, nil
}

// names returns the keys of an interner by their number.
func names(in interner) []string {
	out := make([]string, len(in))
	for k, v := range in {
		out[v] = k
	}
	return out
}

// recentGroups returns the member lists of the earlier groups whose cycle
// is among the latest n distinct cycles (ordered as text; an empty cycle
// counts as the latest). n = 0 gives none.
func recentGroups(rows []model.CodevHistoryRow, n int) [][]string {
	if n <= 0 || len(rows) == 0 {
		return nil
	}
	var cycles []string
	for _, r := range rows {
		if r.Cycle != "" && !slices.Contains(cycles, r.Cycle) {
			cycles = append(cycles, r.Cycle)
		}
	}
	slices.Sort(cycles)
	if len(cycles) > n {
		cycles = cycles[len(cycles)-n:]
	}
	groups := map[string][]string{}
	var order []string
	for _, r := range rows {
		if r.Cycle != "" && !slices.Contains(cycles, r.Cycle) {
			continue
		}
		if _, ok := groups[r.GroupID]; !ok {
			order = append(order, r.GroupID)
		}
		groups[r.GroupID] = append(groups[r.GroupID], r.PersonID)
	}
	out := make([][]string, len(order))
	for i, g := range order {
		out[i] = groups[g]
	}
	return out
}

// conflict returns the first pair rule that keeps members i and j apart,
// or "".
func (in *inst) conflict(i, j int) Rule {
	a, b := &in.m[i], &in.m[j]
	wa, ba := bloomBit(a.person)
	wb, bb := bloomBit(b.person)
	maybeA, maybeB := b.lineBloom[wa]&ba != 0, a.lineBloom[wb]&bb != 0
	switch {
	case maybeB && slices.Contains(a.chain, b.person) || maybeA && slices.Contains(b.chain, a.person):
		return RuleLine
	case maybeB && slices.Contains(a.future, b.person) || maybeA && slices.Contains(b.future, a.person):
		return RuleFutureLine
	case a.team >= 0 && a.team == b.team:
		return RuleSameTeam
	}
	if len(a.pairRules) > 0 && len(b.pairRules) > 0 {
		for _, pr := range a.pairRules {
			if int(pr.j) == j {
				return pr.rule
			}
		}
	}
	switch {
	case a.inPerson && b.inPerson && a.country >= 0 && b.country >= 0 && a.country != b.country:
		return RuleCountry
	case a.hasLangs && b.hasLangs && a.langs.and(b.langs).empty():
		return RuleLanguage
	}
	return ""
}

// pairParts returns the four pair components in [0,1]: same function (or
// role kind), grades within the spread, shared challenge, variety.
func (in *inst) pairParts(i, j int) [4]float64 {
	a, b := &in.m[i], &in.m[j]
	var p [4]float64
	switch {
	case a.function >= 0 && a.function == b.function:
		p[0] = 1
	case a.roleKind >= 0 && a.roleKind == b.roleKind:
		p[0] = 0.5
	}
	switch {
	case !a.hasGrade || !b.hasGrade:
		p[1] = 0.5
	case abs(a.grade-b.grade) <= in.cfg.GradeSpread:
		p[1] = 1
	}
	switch {
	case !a.hasMove && !b.hasMove:
		p[2] = 0.5
	case a.hasMove && b.hasMove:
		if u := bits.OnesCount64(a.challenge | b.challenge); u == 0 {
			p[2] = 0.5
		} else {
			p[2] = float64(bits.OnesCount64(a.challenge&b.challenge)) / float64(u)
		}
	}
	p[3] = 0.5*differ(a.division, b.division) + 0.5*differ(a.site, b.site)
	return p
}

// q returns the pair score of members i and j, an integer in [0, qScale]:
// the weighted pair components of pairParts, in integer arithmetic.
func (in *inst) q(i, j int) int64 {
	a, b := &in.m[i], &in.m[j]
	var fn, gr, va int64
	switch {
	case a.function >= 0 && a.function == b.function:
		fn = 2
	case a.roleKind >= 0 && a.roleKind == b.roleKind:
		fn = 1
	}
	switch {
	case !a.hasGrade || !b.hasGrade:
		gr = 1
	case abs(a.grade-b.grade) <= in.cfg.GradeSpread:
		gr = 2
	}
	va = quarter(a.division, b.division) + quarter(a.site, b.site)
	t := in.wq[0]*fn + in.wq[1]*gr + in.wq[3]*va
	switch {
	case a.hasMove && b.hasMove:
		if u := bits.OnesCount64(a.challenge | b.challenge); u == 0 {
			t += in.wq[2] / 2
		} else {
			t += in.wq[2] * int64(bits.OnesCount64(a.challenge&b.challenge)) / int64(u)
		}
	case !a.hasMove && !b.hasMove:
		t += in.wq[2] / 2
	}
	return t
}

// quarter is differ in quarters of a point: 2 for different, 1 for unknown.
func quarter(a, b int32) int64 {
	switch {
	case a < 0 || b < 0:
		return 1
	case a != b:
		return 2
	}
	return 0
}

func differ(a, b int32) float64 {
	switch {
	case a < 0 || b < 0:
		return 0.5
	case a != b:
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// groupScore returns the score 0–100 of a group from its sum of pair scores,
// its size and whether nobody is alone of their gender.
func (in *inst) groupScore(sumQ int64, size int, genderOK bool) float64 {
	if size < 2 {
		return 0
	}
	pairs := int64(size) * int64(size-1) / 2
	pair := float64(sumQ) / float64(pairs*qScale)
	gen := 0.0
	if genderOK {
		gen = 1
	}
	return 100 * (in.wPair*pair + in.wGender*gen) / (in.wPair + in.wGender)
}

// groupRule returns the group rule that members (allowed pairwise) break,
// or "": no language common to every member who lists languages, or a
// member alone of their gender when gender is a rule.
func (in *inst) groupRule(members []int) Rule {
	if !in.commonLangs(members).ok {
		return RuleLanguage
	}
	if in.genderOn && !in.genderBalanced(members) {
		return RuleGender
	}
	return ""
}

type langsResult struct {
	set langSet
	ok  bool
}

func (in *inst) commonLangs(members []int) langsResult {
	all := langSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	any := false
	for _, i := range members {
		if in.m[i].hasLangs {
			all = all.and(in.m[i].langs)
			any = true
		}
	}
	if !any {
		return langsResult{ok: true}
	}
	return langsResult{set: all, ok: !all.empty()}
}

// genderBalanced reports whether no given gender appears exactly once.
func (in *inst) genderBalanced(members []int) bool {
	var small [8]int32
	counts := small[:0]
	var ids [8]int32
	genders := ids[:0]
	for _, i := range members {
		g := in.m[i].gender
		if g < 0 {
			continue
		}
		k := slices.Index(genders, g)
		if k < 0 {
			genders = append(genders, g)
			counts = append(counts, 1)
		} else {
			counts[k]++
		}
	}
	return !slices.Contains(counts, 1)
}
