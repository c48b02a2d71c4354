// Package model holds the nouns of stretchmatch: people, positions, candidate
// moves, mentors, mentees and earlier pairs, the committee's decisions; the
// catalog of development criteria and move flags; the default
// configuration; and the nouns of the follow-up across quarters (the
// previous pack's moves, pairs and groups, activity, the followup
// thresholds).
//
// The package does no I/O and knows nothing about files or the command line:
// package data turns CSV and YAML into these values, package matcher computes
// on them and package reports renders the results.
//
// Optional numbers are held in [OptInt] and [OptFloat] so that an empty cell
// ("not given") is never confused with zero.
package model
