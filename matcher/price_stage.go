package matcher

import "github.com/stretchmatch/stretchmatch/model"

// PriceScope says which decisions a [Prices] covers.
type PriceScope int

const (
	// PriceCycle: every decision, the whole set against the free optimum
	// and its matching (the prices of a full cycle).
	PriceCycle PriceScope = iota
	// PriceMoves: the move decisions only, against the free optimum of the
	// plan; no matching is made (Tier and Fit are not set).
	PriceMoves
	// PricePairs: the pair decisions only, with the plan fixed, against
	// the matching of that plan without any pair decision (Value is not
	// set).
	PricePairs
)

// PriceMoveDecisions prices each move decision of decisions exactly, by
// planning again without it, and the whole set of move decisions in force
// (c.Plan.Decisions) against the free optimum, which it sets as
// pl.Optimum. Pair decisions are left out: pricing them needs a matching.
func PriceMoveDecisions(c Cycle, decisions []*model.Decision, pl *Plan) (*Prices, error) {
	pr := &Prices{Scope: PriceMoves}
	for _, d := range decisions {
		if d.Kind != model.DecideMove {
			continue
		}
		v, err := c.moveCost(d, pl)
		if err != nil {
			return nil, err
		}
		pr.Costs = append(pr.Costs, DecisionCost{Decision: d, Value: v})
	}
	fp, err := c.freePlan()
	if err != nil {
		return nil, err
	}
	pl.Optimum = fp.Total
	pr.Value = valueDiff(fp.Total, pl.Total)
	return pr, nil
}

// PricePairDecisions prices each pair decision of decisions exactly, with
// the plan pl fixed, by matching again without it; the whole set of pair
// decisions in force (c.Match.Decisions) is priced against the matching of
// pl without any of them. mt is the matching under every decision. Move
// decisions are left out: they are priced with the plan.
func PricePairDecisions(c Cycle, decisions []*model.Decision, pl *Plan, mt *Matching) (*Prices, error) {
	pr := &Prices{Scope: PricePairs}
	tier, fit := matchTotals(mt)
	for _, d := range decisions {
		if d.Kind != model.DecidePair {
			continue
		}
		t, f, err := c.pairGain(pl, without(c.Match.Decisions, d), tier, fit)
		if err != nil {
			return nil, err
		}
		pr.Costs = append(pr.Costs, DecisionCost{Decision: d, Tier: t, Fit: f})
	}
	var err error
	if pr.Tier, pr.Fit, err = c.pairGain(pl, nil, tier, fit); err != nil {
		return nil, err
	}
	return pr, nil
}
