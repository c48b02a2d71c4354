// Package reports turns results into tables and documents: terminal tables,
// Markdown, JSON, and (for the committee pack) HTML and Excel.
//
// Every output is built from a [Table]: typed columns with a stable key (the
// CSV and JSON name, never translated) and a label in the chosen language,
// and rows of already formatted cells. Numbers are formatted once, with fixed
// decimals, so every format shows the same digits and reruns are
// byte-identical. Writing CSV files is the job of package data, which owns
// CSV hygiene; this package never opens files.
//
// The committee pack ([Committee]) is a [Pack] of sections: the one-page
// summary, one line per person, pairs, exceptions, the equity audit (impact
// ratios against the four-fifths rule), mentor load, plan and run record.
// Its writers lay it out as a printable HTML page (inline SVG charts, a
// running header, a row limit that keeps the rows the committee must see),
// as Markdown, and as a workbook that always holds every row.
//
// The follow-up across quarters has its tables in followup.go (labels in
// followup_i18n.go):
// moves_followup, pairs_followup, groups_followup, history_next,
// mentees_next, codev_history_next, and the pack's "Last quarter" section
// ([LastQuarterSection], lastquarter.go).
package reports
