package matcher

import (
	"math"

	"github.com/stretchmatch/stretchmatch/model"
)

// DecisionCost is the exact price of one committee decision: what the
// optimum with every other decision gains over the optimum with all of
// them. A move decision costs development value (Value); a pair decision
// costs priority points and fit points (Tier, then Fit, the lexicographic
// objective of matching), with the plan fixed.
type DecisionCost struct {
	Decision *model.Decision
	Value    float64
	Tier     int
	Fit      float64
}

// Prices are the prices of a set of decisions, one by one and together.
// Value costs are differences of totals rounded to 3 decimals, as shown.
type Prices struct {
	Costs []DecisionCost // in the order of the decisions
	// Value is the development value the whole set costs against the free
	// optimum (no decision at all); Tier and Fit are what the matching of
	// the free optimum gains over the matching under every decision.
	Value float64
	Tier  int
	Fit   float64
	// Scope says which decisions are priced: every one (a full cycle), or
	// only the moves of a plan or the pairs of a matching.
	Scope PriceScope
}

// Cycle is what PriceDecisions re-solves: the inputs of a plan and of a
// matching, and the options they were made with (decisions included).
type Cycle struct {
	Config    *model.Config
	Dataset   *model.Dataset
	Index     *Index
	Scores    []Score
	Positions []model.Position
	Plan      PlanOptions
	Match     MatchOptions
}

// PriceDecisions prices each decision of decisions exactly by re-solving
// without it, and the whole set against the free optimum; pl and mt are the
// plan and the matching under every decision (pl.Optimum is set to the
// free optimum's total). A decision already in a plan file's set
// (c.Plan.Decisions) is priced the same way. With no decision at all, the
// prices are zero and nothing is re-solved.
func PriceDecisions(c Cycle, decisions []*model.Decision, pl *Plan, mt *Matching) (*Prices, error) {
	pr := &Prices{}
	moves, pairs := c.Plan.Decisions, c.Match.Decisions
	if len(moves) == 0 && len(pairs) == 0 {
		pl.Optimum = pl.Total
		return pr, nil
	}
	tier, fit := matchTotals(mt)
	for _, d := range decisions {
		cost := DecisionCost{Decision: d}
		var err error
		if d.Kind == model.DecideMove {
			cost.Value, err = c.moveCost(d, pl)
		} else {
			cost.Tier, cost.Fit, err = c.pairGain(pl, without(pairs, d), tier, fit)
		}
		if err != nil {
			return nil, err
		}
		pr.Costs = append(pr.Costs, cost)
	}
	fp, err := c.freePlan()
	if err != nil {
		return nil, err
	}
	pl.Optimum = fp.Total
	pr.Value = valueDiff(fp.Total, pl.Total)
	if pr.Tier, pr.Fit, err = c.pairGain(fp, nil, tier, fit); err != nil {
		return nil, err
	}
	return pr, nil
}

// moveCost is the price of the move decision d: what planning again
// without it gains over pl.
func (c Cycle) moveCost(d *model.Decision, pl *Plan) (float64, error) {
	opt := c.Plan
	opt.Decisions = without(c.Plan.Decisions, d)
	p, err := MakePlan(c.Config, c.Scores, c.Positions, opt)
	if err != nil {
		return 0, err
	}
	return valueDiff(p.Total, pl.Total), nil
}

// freePlan is the plan without any decision: the free optimum.
func (c Cycle) freePlan() (*Plan, error) {
	free := c.Plan
	free.Decisions, free.Committee = nil, false
	return MakePlan(c.Config, c.Scores, c.Positions, free)
}

// pairGain matches pl again under the pair decisions ds and returns what
// that matching gains over the totals tier and fit (fit in hundredths, as
// matchTotals gives it): priority points, then fit points.
func (c Cycle) pairGain(pl *Plan, ds []*model.Decision, tier int, fit int64) (int, float64, error) {
	opt := c.Match
	opt.Decisions = ds
	m, err := Match(c.Config, c.Dataset, c.Index, pl, opt)
	if err != nil {
		return 0, 0, err
	}
	t, f := matchTotals(m)
	return t - tier, float64(f-fit) / 100, nil
}

// matchTotals returns Σ tier and Σ fit (in hundredths, as the solver sees
// it) over every pair of a matching, kept and required ones included.
func matchTotals(mt *Matching) (int, int64) {
	tier, fit := 0, int64(0)
	for i := range mt.Pairs {
		tier += mt.Pairs[i].Mentee.Tier
		fit += int64(fitKey(mt.Pairs[i].Fit.Total))
	}
	return tier, fit
}

// valueDiff is a − b for two totals of development value, each rounded to
// the 3 decimals every output shows them with, so that the printed figures
// add up ("22.477, 0.524 below the optimum 23.001").
func valueDiff(a, b float64) float64 {
	d := (math.Round(a*1000) - math.Round(b*1000)) / 1000
	if d == 0 {
		return 0 // no -0
	}
	return d
}

func without(ds []*model.Decision, d *model.Decision) []*model.Decision {
	out := make([]*model.Decision, 0, len(ds))
	for _, x := range ds {
		if x != d {
			out = append(out, x)
		}
	}
	return out
}
