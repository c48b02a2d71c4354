// Package oracle recomputes, for the tests, every number the committee reads:
// the criteria, challenge, support, band, hard triggers and strategic
// verdict of a move, its development value v(C), the optimum of the plan,
// the rules and the fit of every mentee–mentor pair, the priority tiers, the
// optimum of the matching, the next-best mentor and the exact loss of
// choosing them.
//
// It is written from the specification alone and shares no code with the
// packages it checks: it reads model's nouns (the dataset and the
// configuration) and nothing of matcher, matcher/assign or reports. Its
// algorithms are deliberately the plain ones — straight sums, a dense
// Hungarian method over expanded capacity slots, brute force, a re-solve
// for every loss — so that a bug of the fast code cannot be copied here.
// Only _test.go files import it.
package oracle
