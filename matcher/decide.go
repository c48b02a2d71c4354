package matcher

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// RuleDecision breaks an active pair of history that the committee forbade,
// or whose mentee the committee paired with another mentor.
const RuleDecision Rule = "committee_decision"

// DecisionError is a committee decision that cannot hold, such as a
// required pair that breaks a rule no decision can lift. Col is the column
// of the decision's file the problem is about.
type DecisionError struct {
	Decision *model.Decision
	Col      int
	Msg      string
	Hint     string
}

// DecisionErrors are every decision that cannot hold; nothing is decided
// when there is one.
type DecisionErrors []DecisionError

// Error gives one "FILE:LINE:COLUMN: what (what to do)" per line.
func (es DecisionErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = fmt.Sprintf("%s:%d:%d: %s (%s)", e.Decision.Source, e.Decision.Line, max(e.Col, 1), e.Msg, e.Hint)
	}
	return strings.Join(lines, "\n")
}

// liftable are the rules a required pair lifts.
var liftable = []Rule{RuleEndedBefore, RuleLowFit}

// requiredPair checks a pair the committee requires: it returns the fit,
// the rules the decision lifts, and a DecisionError when the pair breaks
// a rule that no decision lifts (naming the people of the chain for the
// line rules).
func (mx *matchCtx) requiredPair(d *model.Decision, e *Mentee, m *Mentor) (Fit, []Rule, *DecisionError) {
	rule, fit := mx.rule(e, m, true)
	var lifted []Rule
	if rule == RuleEndedBefore {
		lifted = append(lifted, RuleEndedBefore)
		rule, fit = "", fitOf(mx.cfg, &e.needs, &m.side, true)
		if fit.Total < mx.cfg.Match.MinFit-eps {
			rule = RuleLowFit
		}
	}
	if rule == RuleLowFit {
		lifted = append(lifted, RuleLowFit)
		rule = ""
	}
	if rule == "" {
		return fit, lifted, nil
	}
	ep, mp := e.Person.ID, m.Person.ID
	var msg string
	switch rule {
	case RuleSelf:
		msg = fmt.Sprintf("the pair %s–%s is one person", ep, mp)
	case RuleMentorInLine:
		msg = fmt.Sprintf("mentor %s is in the line of managers of mentee %s: %s", mp, ep, chainTo(ep, e.chain, mp))
	case RuleMenteeInLine:
		msg = fmt.Sprintf("mentee %s is in the line of managers of mentor %s: %s", ep, mp, chainTo(mp, m.chain, ep))
	case RuleFutureLine:
		msg = fmt.Sprintf("mentor %s is in the line of the position %s that mentee %s moves to: %s", mp,
			e.Planned.Score.Position.ID, ep, chainTo(e.Planned.Score.Position.ID, e.future, mp))
	case RuleSameTeam:
		msg = fmt.Sprintf("mentee %s and mentor %s are both in team %s", ep, mp, e.Person.Team)
	case RuleAvoid:
		msg = fmt.Sprintf("mentee %s asks to avoid mentor %s (mentees.csv)", ep, mp)
	case RuleUnavailable:
		msg = fmt.Sprintf("mentor %s is not available (mentors.csv: available no or capacity 0)", mp)
	case RuleLanguage:
		langs := m.Row.Languages
		if len(langs) == 0 {
			langs = m.Person.Languages
		}
		msg = fmt.Sprintf("mentee %s (%s) and mentor %s (%s) share no language", ep, strings.Join(e.Person.Languages, "|"), mp, strings.Join(langs, "|"))
	default:
		msg = fmt.Sprintf("the pair %s–%s breaks rule %s", ep, mp, rule)
	}
	return fit, nil, &DecisionError{Decision: d, Col: d.Cols.Mentor,
		Msg:  "the required pair breaks rule " + string(rule) + ": " + msg,
		Hint: "a decision lifts only ended_before and low_fit: remove the row or choose another mentor"}
}

// chainTo writes a line of managers from start up to the person end, as
// "A → B → C".
func chainTo(start string, chain []string, end string) string {
	parts := []string{start}
	for _, id := range chain {
		parts = append(parts, id)
		if id == end {
			break
		}
	}
	return strings.Join(parts, " → ")
}

// pairDecisions indexes the pair decisions of a matching.
type pairDecisions struct {
	required []*model.Decision
	forbid   map[[2]string]*model.Decision // mentee, mentor
	of       map[string]*model.Decision    // mentee → required pair
}

func newPairDecisions(ds []*model.Decision) pairDecisions {
	pd := pairDecisions{forbid: map[[2]string]*model.Decision{}, of: map[string]*model.Decision{}}
	for _, d := range ds {
		if d.Kind != model.DecidePair {
			continue
		}
		if d.Required() {
			pd.required = append(pd.required, d)
			pd.of[d.MenteeID] = d
		} else {
			pd.forbid[[2]string{d.MenteeID, d.MentorID}] = d
		}
	}
	return pd
}

// forbids reports whether the committee forbade the pair.
// Without forbidden pairs it costs no look-up: it runs on every pair of
// mentee and mentor (320 million at 200,000 people).
func (pd *pairDecisions) forbids(e *Mentee, m *Mentor) bool {
	return len(pd.forbid) > 0 && pd.forbid[[2]string{e.Person.ID, m.Person.ID}] != nil
}

// makeRequired makes the pairs the committee requires, before history and
// the solve: each uses a place of its mentor. A required pair that is also
// an active pair of history is kept. It returns every decision that cannot
// hold.
func (mx *matchCtx) makeRequired(pd *pairDecisions, ds *model.Dataset, mentees map[string]*Mentee, mentors map[string]*Mentor, res *Matching) DecisionErrors {
	var errs DecisionErrors
	for _, d := range pd.required {
		e, m := mentees[d.MenteeID], mentors[d.MentorID]
		if e == nil || m == nil {
			errs = append(errs, DecisionError{Decision: d, Col: d.Cols.Mentee,
				Msg:  fmt.Sprintf("the pair %s–%s is not a mentee of mentees.csv with a mentor of mentors.csv", d.MenteeID, d.MentorID),
				Hint: "decide on a mentee and a mentor of this cycle"})
			continue
		}
		fit, lifted, err := mx.requiredPair(d, e, m)
		if err != nil {
			errs = append(errs, *err)
			continue
		}
		if m.Kept+m.New >= m.Capacity {
			errs = append(errs, DecisionError{Decision: d, Col: d.Cols.Mentor,
				Msg:  fmt.Sprintf("mentor %s has capacity %d and more required pairs", m.Person.ID, m.Capacity),
				Hint: "require at most capacity pairs per mentor"})
			continue
		}
		status := PairNew
		if slices.ContainsFunc(ds.History, func(h model.HistoryPair) bool {
			return h.Status == model.PairActive && h.MenteeID == d.MenteeID && h.MentorID == d.MentorID
		}) && !mx.opt.Rematch {
			status = PairKept
			m.Kept++
		} else {
			m.New++
		}
		res.Pairs = append(res.Pairs, Pair{Mentee: e, Mentor: m, Fit: fit, Status: status, Decision: d, Lifted: lifted})
	}
	return errs
}
