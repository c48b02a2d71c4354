package matcher

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchmatch/stretchmatch/internal/oracle"
	"github.com/stretchmatch/stretchmatch/model"
)

// competitiveOrg builds a seeded organisation where the restricted rounds
// of the matching solve matter: nMentees mentees competing for nMentors
// mentors of capacity 1–2 (fewer places than mentees), coarse data so that
// many fits tie, priorities 1–3, teams, reporting lines, languages, avoid
// lists, preferences and history.
func competitiveOrg(seed uint64, nMentees, nMentors int) *model.Dataset {
	rng := rand.New(rand.NewPCG(seed, 0xc0de))
	ds := &model.Dataset{}
	n := nMentees + nMentors + 10
	divisions := []string{"Ops", "Sales", "R&D"}
	countries := []string{"FR", "DE", "US"}
	tags := []string{"finance", "team_building", "change_country", "pressure"}
	for i := range n {
		p := model.Person{ID: fmt.Sprintf("P%04d", i), Name: fmt.Sprintf("Person %d", i),
			Grade: model.Int(3 + rng.IntN(4)), Division: divisions[rng.IntN(3)], Country: countries[rng.IntN(3)],
			Team: fmt.Sprintf("T%d", rng.IntN(n/6+1))}
		if i > 0 {
			p.ManagerID = fmt.Sprintf("P%04d", rng.IntN(i))
		}
		if rng.IntN(8) == 0 {
			p.Languages = []string{"fr"}
		} else if rng.IntN(2) == 0 {
			p.Languages = []string{"en", "fr"}
		}
		ds.People = append(ds.People, p)
	}
	perm := rng.Perm(n - 1)
	for k := range nMentors {
		i := perm[k] + 1
		m := model.Mentor{PersonID: ds.People[i].ID, Capacity: 1 + rng.IntN(2), Available: rng.IntN(20) > 0}
		for _, t := range tags {
			if rng.IntN(2) == 0 {
				m.Experience = append(m.Experience, t)
			}
		}
		ds.Mentors = append(ds.Mentors, m)
	}
	for k := range nMentees {
		i := perm[nMentors+k] + 1
		e := model.Mentee{PersonID: ds.People[i].ID}
		for _, t := range tags {
			if rng.IntN(3) == 0 {
				e.Needs = append(e.Needs, t)
			}
		}
		if rng.IntN(3) == 0 {
			e.Priority = model.Int(1 + rng.IntN(3))
		}
		for range rng.IntN(3) {
			e.Preferences = append(e.Preferences, ds.Mentors[rng.IntN(nMentors)].PersonID)
		}
		if rng.IntN(6) == 0 {
			e.Avoid = []string{ds.Mentors[rng.IntN(nMentors)].PersonID}
		}
		ds.Mentees = append(ds.Mentees, e)
		if rng.IntN(10) == 0 {
			st := model.PairActive
			if rng.IntN(2) == 0 {
				st = model.PairEnded
			}
			ds.History = append(ds.History, model.HistoryPair{MenteeID: e.PersonID,
				MentorID: ds.Mentors[rng.IntN(nMentors)].PersonID, Status: st, Since: "2025-01-01"})
		}
	}
	return ds
}

// checkMatchingAgainstOracle checks a matching against the oracle's exact
// dense solve of the whole problem: every pair allowed with the oracle's
// fit and tier, the kept pairs, the optimum of total tier then total fit,
// the next-best mentor and its fit, and (for the pairs losses selects) the
// losses against a re-solve with the pair forced. It returns the oracle's
// problem.
func checkMatchingAgainstOracle(t *testing.T, name string, cfg *model.Config, ds *model.Dataset, opt MatchOptions, res *Matching, losses func(i int) bool) *oracle.Problem {
	t.Helper()
	or := oracle.New(oracle.MatchInput{Cfg: cfg, DS: ds, LineDepth: opt.LineDepth, AllowRepeat: opt.AllowRepeat, Rematch: opt.Rematch})
	pr := or.Problem()
	optTier, optFit, _, ok := pr.Optimum(-1, -1)
	if !ok {
		t.Fatalf("%s: the oracle finds no solution", name)
	}
	rowOf, colOf := map[string]int{}, map[string]int{}
	for i, e := range pr.Rows {
		rowOf[e] = i
	}
	for j, m := range pr.Cols {
		colOf[m] = j
	}
	kept := map[string]string{}
	for _, p := range or.Kept {
		kept[p.Mentee] = p.Mentor
	}
	tier, fit := 0, int64(0)
	for _, p := range res.Pairs {
		e, m := p.Mentee.Person.ID, p.Mentor.Person.ID
		rule, f := or.Rule(e, m)
		if rule != "" {
			t.Errorf("%s: pair %s–%s breaks %s", name, e, m, rule)
			continue
		}
		if fitKey(p.Fit.Total) != f.Key() || p.Mentee.Tier != or.Tier(e) {
			t.Errorf("%s: pair %s–%s fit %.2f tier %d, oracle %.2f tier %d", name, e, m, p.Fit.Total, p.Mentee.Tier, f.Total, or.Tier(e))
		}
		if p.Status == PairKept {
			if kept[e] != m {
				t.Errorf("%s: pair %s–%s kept, the oracle keeps %q", name, e, m, kept[e])
			}
			continue
		}
		i, j := rowOf[e], colOf[m]
		tier += pr.Tier[i]
		fit += f.Key()
		nb := pr.NextBest(i, j)
		switch {
		case nb < 0 && p.NextBest != nil:
			t.Errorf("%s: pair %s–%s next best %s, the oracle has none", name, e, m, p.NextBest.Person.ID)
		case nb >= 0 && (p.NextBest == nil || p.NextBest.Person.ID != pr.Cols[nb]):
			t.Errorf("%s: pair %s–%s next best %v, oracle %s", name, e, m, p.NextBest, pr.Cols[nb])
		case nb >= 0 && losses(i):
			tl, fl := pr.Loss(i, nb, optTier, optFit)
			if p.TierLoss != tl || int64(math.Round(p.Loss*100)) != fl {
				t.Errorf("%s: pair %s–%s loss %.2f tier %d, oracle re-solve %.2f tier %d", name, e, m, p.Loss, p.TierLoss, float64(fl)/100, tl)
			}
		}
	}
	if len(res.Pairs)-res.Kept() != 0 && (tier != optTier || fit != optFit) {
		t.Errorf("%s: total tier %d fit %.2f, the oracle's optimum tier %d fit %.2f", name, tier, float64(fit)/100, optTier, float64(optFit)/100)
	}
	if res.Kept() != len(or.Kept) {
		t.Errorf("%s: %d pairs kept, the oracle keeps %d", name, res.Kept(), len(or.Kept))
	}
	return pr
}

// restrictedOptimum is the optimum of the problem restricted to the k best
// cells of each row, as the first round of the solve has it: what the
// rounds must improve on.
func restrictedOptimum(pr *oracle.Problem, k int) (int, int64) {
	r := *pr
	r.Allowed = make([][]bool, len(pr.Allowed))
	for i, al := range pr.Allowed {
		r.Allowed[i] = make([]bool, len(al))
		var cells []int
		for j := range al {
			if al[j] {
				cells = append(cells, j)
			}
		}
		// The k best keys, ties to the lower column.
		for range k {
			best := -1
			for _, j := range cells {
				if !r.Allowed[i][j] && (best < 0 || pr.Fit[i][j].Key() > pr.Fit[i][best].Key()) {
					best = j
				}
			}
			if best >= 0 {
				r.Allowed[i][best] = true
			}
		}
	}
	t, f, _, _ := r.Optimum(-1, -1)
	return t, f
}

// TestMatchRestrictedRoundsAgainstOracle matches organisations of hundreds
// of mentees and 50–200 mentors with the first solve restricted to one or
// two cells per row (under the default rules, with --line-depth 2 and
// --allow-repeat, and with --rematch), and checks everything against the
// oracle's dense exact solve. At least one of them must need the rounds: its restricted
// first solve is worse than the optimum.
func TestMatchRestrictedRoundsAgainstOracle(t *testing.T) {
	defer func(k int) { candidates = k }(candidates)
	sizes := []struct {
		seed              uint64
		mentees, mentors  int
		candidates, every int // every: check the losses of one pair in every
		opt               MatchOptions
	}{
		{1, 200, 50, 1, 40, MatchOptions{}},
		{2, 300, 120, 2, 60, MatchOptions{}},
		{3, 380, 200, 1, 95, MatchOptions{}},
		{4, 220, 60, 2, 55, MatchOptions{LineDepth: 2, AllowRepeat: true}},
		{5, 220, 60, 1, 55, MatchOptions{Rematch: true}},
	}
	if testing.Short() {
		sizes = sizes[:1]
	}
	needed := 0
	for _, sz := range sizes {
		name := fmt.Sprintf("seed %d, %d mentees, %d mentors, %d candidates, %+v", sz.seed, sz.mentees, sz.mentors, sz.candidates, sz.opt)
		ds := competitiveOrg(sz.seed, sz.mentees, sz.mentors)
		cfg := model.Default()
		candidates = sz.candidates
		res, err := Match(&cfg, ds, NewIndex(ds), nil, sz.opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Unmatched) == 0 {
			t.Fatalf("%s: everybody matched: no competition", name)
		}
		pr := checkMatchingAgainstOracle(t, name, &cfg, ds, sz.opt, res, func(i int) bool { return i%sz.every == 0 })
		optTier, optFit, _, _ := pr.Optimum(-1, -1)
		if rt, rf := restrictedOptimum(pr, sz.candidates); rt != optTier || rf != optFit {
			needed++
		}
		// Ties in fit between a mentee's best mentors, where a tie break
		// could go either way.
		ties := 0
		for i := range pr.Rows {
			seen := map[int64]bool{}
			for j := range pr.Cols {
				if k := pr.Fit[i][j].Key(); pr.Allowed[i][j] && seen[k] {
					ties++
				} else if pr.Allowed[i][j] {
					seen[k] = true
				}
			}
		}
		if ties < len(pr.Rows) {
			t.Errorf("%s: only %d ties in fit", name, ties)
		}
	}
	if needed == 0 {
		t.Error("no organisation needed the rounds: the restricted first solve was already optimal")
	}
}

// TestMatchSolveCertificateHundredth: the certificate check of the
// restricted solve must see a violation of one hundredth of a fit point.
// Restricted to one cell per row, the first solve below gives mentor 1 to
// row 0 or 1 and mentor 0 to row 2; the optimum gives mentor 0 to the other
// of rows 0 and 1 instead, one hundredth of a point better. The first
// solve's duals are violated by exactly that much on a cell left out.
func TestMatchSolveCertificateHundredth(t *testing.T) {
	defer func(k int) { candidates = k }(candidates)
	candidates = 1
	ms := &matchSolve{capacity: []int{1, 1, 3}, big: 2*10000*3 + 1}
	for _, keys := range [][]int32{{5001, 5003}, {5001, 5003}, {5000, 5000}} {
		ms.rows = append(ms.rows, solveRow{cols: []int32{0, 1}, keys: keys, tier: 1})
	}
	in := make([][]int32, len(ms.rows))
	for r := range in {
		in[r] = best(ms.rows[r].keys, candidates)
	}
	first, err := ms.solveCells(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	worst := 0.0
	for r := range ms.rows {
		for k, c := range ms.rows[r].cols {
			worst = math.Min(worst, first.U[r]+first.V[c]-ms.val(r, k))
		}
	}
	if worst != -1 {
		t.Fatalf("the first solve's certificate is violated by %v hundredths, the test needs exactly 1", -worst)
	}
	sol, err := ms.solve()
	if err != nil {
		t.Fatal(err)
	}
	want := float64(2*ms.big + 5003 + 5001)
	if sol.Total != want || first.Total != want-1 {
		t.Errorf("solve total %v, want %v (first solve %v)", sol.Total, want, first.Total)
	}
}
