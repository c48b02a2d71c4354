// Package synthetic owns the generated organisations of stretchmatch: a
// realistic company of any size, with open positions, candidate moves,
// mentors, mentees and earlier mentoring pairs, for trials
// (`stretchmatch init --synthetic N`), tests and benchmarks.
//
// [Generate] returns model values only, exactly as package data would read
// them back from the CSV files it writes (tags lower-case, empty lists nil,
// each row's Line set to its physical line in its file: the header is line
// 1, the first row line 2). The package does no I/O; package data writes the
// files.
//
// # Determinism
//
// The same [Options] give the same dataset, value for value, on every
// platform: all randomness comes from one math/rand/v2 PCG source seeded
// with Options.Seed, and no output depends on map iteration order.
//
// # What the organisation looks like
//
// People form one management tree of about log6(N) + 1 levels: the chief
// executive, division heads (5 to 12 divisions, Corporate the smallest),
// then managers of managers with 4–10 reports, and first-line managers of
// teams of 4 to 15 individual contributors, who make up about 85% of the
// people. Each division head's subtree is their division; functions,
// countries (20, on six continents, weighted toward Europe and North
// America), cities, product lines and head-office or field sites are
// mostly shared down a subtree. Grades fall from 16 at the top to 3–7 for
// individual contributors, with noise. Names mix origins and accents
// (Zoé Dubœuf, Björn Ångström, Núria Ibáñez, Minh Nguyễn…) and repeat, as
// they do in real companies; ids are "S000123" for people and "P00042"
// for positions.
//
// Positions report to managers, mostly in their manager's division,
// function, country and team; some are management jobs, about 15% new
// roles and 20% critical, a few with 2–3 openings. Candidate moves are
// drawn near (same division, function and country, at most a grade up),
// stretch (one or two big changes) and far (three or more), with ratings
// that follow the distance, so that the moves spread over the comfort,
// stretch and overstretch bands; about 20% of ratings are left empty.
// Mentors are senior people; about 60% of mentees have candidate moves.
//
// # Invariants
//
// Every dataset [Generate] returns passes package data's validation, and:
//
//   - People: ids are unique; exactly one person, the first row, has no
//     manager; every manager comes before their reports in the file, so the
//     chain of managers has no cycle. Every manager's grade is above each
//     of their direct reports' grades. Headcount is the number of people in
//     the person's subtree, direct and indirect (0 for individual
//     contributors). Every manager but the chief executive has 4 to 15
//     direct reports; the chief executive has one per division (2 to 12),
//     or, in an organisation of at most 10 people, everyone else. The
//     direct reports of a manager, and only they, share a team, whose name
//     is unique ("Lyon Sales 12"); the chief executive belongs to the
//     team they lead. Everyone has a division, function, country code of
//     the built-in table, site type, role kind, grade and languages.
//   - Positions: ids are unique; each reports to a person with direct
//     reports (the chief executive in an organisation of one) and belongs
//     to that manager's team; openings are 1 to 3.
//   - Moves: id is "person_id>position_id" and no person–position pair
//     repeats; each mover (anyone but the chief executive) has 1 to 3
//     moves, proposed_by their manager's id, to positions that do not
//     report to them; ratings and support are whole numbers 1–5, given for
//     rated criteria only.
//   - Mentors and mentees: nobody is both, and the chief executive is
//     neither. Mentors' grades are at least the median grade of the people
//     below the top, when there are enough such people. Preferences (up to
//     5, most wanted first) and avoid lists (up to 2) name distinct
//     mentors and are disjoint; priority, when given, is 1–3.
//   - History: mentors come from the mentors, mentees are never mentors, no
//     mentee–mentor pair repeats, a mentee has at most one active pair, and
//     dates are YYYY-MM-DD between 2023 and 2026.
//   - Counts: every table has exactly the number of rows [Options.Resolve]
//     reports.
package synthetic
