// Package matcher holds the domain algorithms of stretchmatch: scoring
// candidate moves against the development criteria (SPEC §4), choosing the
// set of moves with the most development value (§5), and pairing mentees
// with mentors outside their reporting line (§6). The committee's
// decisions (required and forbidden moves and pairs) are constraints of
// the plan ([PlanOptions].Decisions) and of the matching
// ([MatchOptions].Decisions), not another algorithm; [PriceDecisions]
// prices each one exactly by solving again without it.
//
// Functions here take model values and return results; they never read
// files or flags. The optimisations are solved exactly by package
// matcher/assign. The follow-up of a previous quarter (moves realised,
// health of pairs and groups, next quarter's history) is package
// matcher/followup.
package matcher
