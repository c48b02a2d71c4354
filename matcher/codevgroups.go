package matcher

import (
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
)

// CodevOptions control group formation. Zero values follow the
// configuration.
type CodevOptions struct {
	// LineDepth limits how many levels of managers the line rules look at;
	// 0 takes cfg.Match.LineDepth, where 0 means no limit.
	LineDepth int
	// Seed changes the tie-breaks of the search.
	Seed uint64
}

// CodevProblem gathers what forming codevelopment groups needs from a
// cycle: each volunteer of cv with their chain of managers today and, when
// pl (which may be nil) plans a move for them, the chain of the position
// they move to and the move's challenge (its flags set and its criteria
// with x ≥ match.need_min_x); the current mentor–mentee pairs (the active
// pairs of history.csv and the pairs of mt, which may be nil); and the
// earlier groups. Volunteers who are not in people.csv are left out (the
// data layer reports them).
func CodevProblem(cfg *model.Config, ds *model.Dataset, ix *Index, pl *Plan, mt *Matching, cv *model.Codev, opt CodevOptions) *codev.Problem {
	depth := opt.LineDepth
	if depth == 0 {
		depth = cfg.Match.LineDepth
	}
	mx := &matchCtx{cfg: cfg, ix: ix, depth: depth}
	var chosen map[string]*PlanEntry
	if pl != nil {
		chosen = pl.ChosenFor()
	}
	p := &codev.Problem{Config: cfg.Codev, History: cv.History, Seed: opt.Seed}
	for i := range cv.Volunteers {
		v := &cv.Volunteers[i]
		person := ix.People[v.PersonID]
		if person == nil {
			continue
		}
		m := codev.Member{Person: person, Volunteer: v, Chain: mx.chain(person.ID)}
		if e := chosen[person.ID]; e != nil {
			m.HasMove = true
			m.Challenge = needsOf(cfg, nil, e.Score)
			if mgr := e.Score.Position.ManagerID; mgr != "" {
				m.Future = append([]string{mgr}, mx.chain(mgr)...)
				if depth > 0 && len(m.Future) > depth {
					m.Future = m.Future[:depth]
				}
			}
		}
		p.Members = append(p.Members, m)
	}
	for i := range ds.History {
		if h := &ds.History[i]; h.Status != model.PairEnded {
			p.MentorPairs = append(p.MentorPairs, [2]string{h.MenteeID, h.MentorID})
		}
	}
	if mt != nil {
		for i := range mt.Pairs {
			p.MentorPairs = append(p.MentorPairs, [2]string{mt.Pairs[i].Mentee.Person.ID, mt.Pairs[i].Mentor.Person.ID})
		}
	}
	return p
}
