// Package codev forms professional codevelopment groups (Payette &
// Champagne, 1997): peers with similar jobs and the same kind of challenge,
// with no reporting line, team, mentoring pair or recent group between
// them, a language in common, and a calendar in which each member is the
// client once.
//
// The package knows people only through [Member]: the caller (package
// matcher) gives each volunteer's chain of managers today and after the
// planned move, and the move's challenge. It never reads files or flags.
//
// # Score
//
// A group's score is 100 · Σ w·c / Σ w over its components c ∈ [0,1]: the
// mean over the pairs of members of four pair components — same function
// (1; same role kind only 0.5), grades within grade_spread (1; a grade
// missing 0.5), shared challenge (the Jaccard index of the flags and strong
// criteria of both planned moves; both in place 0.5; one only 0) and
// variety (half for different divisions, half for different sites; a half
// with data missing 0.5) — and, when the gender is a weight, 1 when nobody
// is alone of their gender. Pair scores are integers (2^20 for a perfect
// pair) so that sums are exact and independent of the order of members.
//
// # Objective and search
//
// Lexicographic: the number of volunteers placed, then the worst group's
// score, then the total. CATME Team-Maker's heuristic (Layton, Loughry,
// Ohland & Ricco, 2010) maximises the minimum team score; the search here
// does the same and, unlike it, states a bound.
//
// Up to [ExactLimit] volunteers the optimum comes from exhaustive search
// over set partitions (each volunteer either left out or starting a group
// with later volunteers), which the tests check against a brute force over
// every labelling. Above, the search is:
//
//  1. a scan of every pair, keeping each volunteer's best compatible
//     partners (the rules are only checked for a pair that would enter the
//     list, the pair score being cheaper);
//  2. a greedy seating: volunteers whose best partners are the weakest
//     anchor groups first, each group taking the compatible candidate that
//     adds the most pair score up to min_size + 1 members; leftovers join
//     the group they fit best, replace a member who can move, or gather a
//     new group from members other groups can spare;
//  3. a local search of moves and swaps of one volunteer between the worst
//     group and another group, accepting a change only when the worst
//     score rises or stays and the total rises (a steepest-ascent max–min
//     neighbourhood search, as in the max–min diversity and grouping
//     literature: Glover, Kuo & Dhir, 1998), then a pass raising the total
//     without lowering the worst group;
//  4. restarts with other tie-breaks (16 for small instances, one from
//     8,000 volunteers), keeping the best by the objective.
//
// Every tie is broken by a hash of the seed and the person id, so the same
// problem and seed give the same groups whatever the order of the members.
//
// # Bound
//
// [Result.Bound] is an upper bound of the worst score for every grouping
// that places at least as many volunteers, the smaller of two bounds. The
// mean bound: the worst group is at most the size-weighted mean of the
// scores, and a member's share of it is at most the mean of their best
// min_size − 1 pair scores with compatible volunteers (averaging more
// partners can only lower it). The group bound: at most n − placed
// volunteers are left out, so among the n − placed + 1 volunteers whose
// best possible group scores least, one is placed; a volunteer's best
// possible group is found by enumeration when they have at most 14
// compatible volunteers, and bounded by their best pair scores and the best
// pair among their compatible volunteers when they have more, but fewer
// than the neighbour list holds. The second bound is tight for volunteers
// that the rules confine (a rare language, in-person members of one
// country); the first is loose when many volunteers compete for the same
// best partners.
//
// # Calendar
//
// [Calendar] gives one round per group: each member client once, members
// with a planned move first, the previous client reporting back, the
// animator rotating (the next client) or fixed (the last member, relieved
// by the first for their own session), never the client; session k is
// dated k − 1 periods after the start, months keeping the day of the month
// or the month's last day.
package codev
