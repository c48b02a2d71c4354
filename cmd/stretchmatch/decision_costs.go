package main

import (
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// priceStage prices, for the --out of plan (kind move) or match (kind
// pair), the decisions of decisions.csv of that kind, and returns
// decision_costs.csv; nil when decisions.csv has none of them. opt are the
// options of the matching made (unused for moves).
func (c *cycle) priceStage(kind model.DecisionKind, opt matcher.MatchOptions, lang reports.Lang) (*reports.Table, error) {
	var priced []*model.Decision
	for i := range c.Decisions {
		if c.Decisions[i].Kind == kind {
			priced = append(priced, &c.Decisions[i])
		}
	}
	if len(priced) == 0 {
		return nil, nil
	}
	opt.Decisions = c.Decisions.Pairs()
	cy := matcher.Cycle{Config: &c.Config, Dataset: c.Dataset, Index: c.Index, Scores: c.Scores,
		Positions: c.Dataset.Positions, Plan: c.planOptions(), Match: opt}
	var err error
	if kind == model.DecideMove {
		c.Prices, err = matcher.PriceMoveDecisions(cy, priced, c.Plan)
	} else {
		c.Prices, err = matcher.PricePairDecisions(cy, priced, c.Plan, c.Matching)
	}
	if err != nil {
		return nil, err
	}
	return reports.DecisionCostsTable(c.Prices, c.Plan, lang), nil
}

// appendTable returns tables with t after them, when t is not nil.
func appendTable(tables []*reports.Table, t *reports.Table) []*reports.Table {
	if t == nil {
		return tables
	}
	return append(tables[:len(tables):len(tables)], t)
}
