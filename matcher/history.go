package matcher

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// keepHistory keeps the active pairs of history still allowed, marking
// their mentees in kept; the others are reported broken with the rule that
// breaks them. A pair the committee forbade, or whose mentee it paired with
// another mentor, is broken by RuleDecision; a required pair that is also
// active was already made (kept) by makeRequired.
func (mx *matchCtx) keepHistory(ds *model.Dataset, pd *pairDecisions, mentees map[string]*Mentee, mentors map[string]*Mentor,
	planned map[string]*PlanEntry, kept map[string]bool, res *Matching) error {
	// Active pairs in a fixed order, whatever the order of the rows: with
	// two active pairs for one mentee, the earlier one is kept.
	order := make([]*model.HistoryPair, 0, len(ds.History))
	for i := range ds.History {
		order = append(order, &ds.History[i])
	}
	slices.SortStableFunc(order, func(a, b *model.HistoryPair) int {
		return cmp.Or(strings.Compare(a.MenteeID, b.MenteeID), strings.Compare(a.Since, b.Since),
			strings.Compare(a.MentorID, b.MentorID))
	})
	for _, h := range order {
		if h.Status == model.PairEnded {
			continue
		}
		if d := pd.of[h.MenteeID]; d != nil && d.MentorID == h.MentorID {
			continue // made by the decision
		}
		e := mentees[h.MenteeID]
		if e == nil {
			p, ok := mx.ix.People[h.MenteeID]
			if !ok {
				return fmt.Errorf("matcher: history mentee %s is not in people", h.MenteeID)
			}
			e = mx.newMentee(p, nil, planned[p.ID])
		}
		m := mentors[h.MentorID]
		var rule Rule
		var fit Fit
		switch {
		case pd.of[h.MenteeID] != nil || pd.forbid[[2]string{h.MenteeID, h.MentorID}] != nil:
			rule = RuleDecision
		case m == nil:
			rule = RuleUnavailable
		case kept[e.Person.ID]:
			rule = RuleAlreadyPaired
		default:
			rule, fit = mx.check(e, m)
			if rule == "" && m.Kept+m.New >= m.Capacity {
				rule = RuleMentorFull
			}
		}
		if rule != "" {
			res.Broken = append(res.Broken, Broken{Pair: h, Rule: rule})
			continue
		}
		kept[e.Person.ID] = true
		m.Kept++
		res.Pairs = append(res.Pairs, Pair{Mentee: e, Mentor: m, Fit: fit, Status: PairKept})
	}
	return nil
}
