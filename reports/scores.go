package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// byChallenge orders scores by challenge, highest first, then move id.
func byChallenge(a, b *matcher.Score) int {
	switch {
	case a.Challenge > b.Challenge:
		return -1
	case a.Challenge < b.Challenge:
		return 1
	}
	return strings.Compare(a.Move.ID, b.Move.ID)
}

// SortScores orders scores by person id, then challenge (highest first),
// then move id: the order of scores.csv and of the moves table.
func SortScores(scores []matcher.Score) []*matcher.Score {
	out := make([]*matcher.Score, len(scores))
	for i := range scores {
		out[i] = &scores[i]
	}
	slices.SortStableFunc(out, func(a, b *matcher.Score) int {
		if c := strings.Compare(a.Person.ID, b.Person.ID); c != 0 {
			return c
		}
		return byChallenge(a, b)
	})
	return out
}

// ScoresTable is scores.csv: one row per move with every criterion's value,
// the origins, flags, challenge, support, band, strategic verdict, triggers
// and the reasons in words. The verdict column is named strategic_move: the
// criterion of the same name already holds the column "strategic".
func ScoresTable(scores []matcher.Score, cfg *model.Config, lang Lang, names Namer) *Table {
	cols := []Column{
		{Key: "move_id", Label: T(lang, "move")},
		{Key: "person_id", Label: T(lang, "person_id")},
		{Key: "person_name", Label: T(lang, "person")},
		{Key: "position_id", Label: T(lang, "position_id")},
		{Key: "position_title", Label: T(lang, "position")},
	}
	for _, c := range model.Catalog {
		// English headers are the criterion ids, as in the CSV; French
		// ones are the French labels.
		label := c.ID
		if lang == FR {
			label = c.Label(string(FR))
		}
		cols = append(cols, Column{Key: c.ID, Label: label, Kind: Number})
	}
	cols = append(cols,
		Column{Key: "origins", Label: T(lang, "origins")},
		Column{Key: "flags", Label: T(lang, "flags")},
		Column{Key: "challenge", Label: T(lang, "challenge"), Kind: Number},
		Column{Key: "support", Label: T(lang, "support"), Kind: Number},
		Column{Key: "band", Label: T(lang, "band")},
		Column{Key: "strategic_move", Label: T(lang, "strategic")},
		Column{Key: "triggers", Label: T(lang, "triggers")},
		Column{Key: "reasons", Label: T(lang, "reasons")},
		Column{Key: "conditions_held", Label: T(lang, "conditions_held")},
	)
	t := &Table{Name: "scores", Title: T(lang, "t_scores"), Columns: cols}
	for _, s := range SortScores(scores) {
		row := []string{s.Move.ID, s.Person.ID, names.Name(s.Person), s.Position.ID, s.Position.Title}
		origins := make([]string, model.NumCriteria)
		for i, c := range model.Catalog {
			row = append(row, Num(s.X[i], 2))
			origins[i] = c.ID + "=" + s.Origin[i].String()
		}
		row = append(row,
			strings.Join(origins, "|"),
			strings.Join(FlagIDs(s), "|"),
			Num(s.Challenge, 1),
			Num(s.Support, 2),
			string(s.Band),
			YesNo(s.Strategic),
			strings.Join(triggerIDs(s.Triggers), "|"),
			Reasons(s, lang),
			strings.Join(s.ConditionsHeld(cfg), "|"),
		)
		t.Add(row...)
	}
	return t
}

// FlagIDs lists the ids of the flags set on a move, in catalog order.
func FlagIDs(s *matcher.Score) []string {
	var ids []string
	for i, f := range model.Flags {
		if s.Flags[i] {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

func triggerIDs(ts []matcher.Trigger) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = string(t)
	}
	return ids
}

// YesNo writes a boolean as "yes" or "no", the same in every language so
// that spreadsheets can filter on it.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Reasons explains a move's score in words: the hard triggers that fired,
// then the (up to) three strongest contributions with their points of
// challenge and where each value came from.
func Reasons(s *matcher.Score, lang Lang) string {
	var parts []string
	for _, tr := range s.Triggers {
		parts = append(parts, T(lang, "trigger_"+string(tr)))
	}
	for _, c := range s.Top() {
		cr := model.Catalog[c.Criterion]
		parts = append(parts, fmt.Sprintf("%s (+%s, %s)", cr.Label(string(lang)), Num(c.Points, 1),
			T(lang, "origin_"+s.Origin[c.Criterion].String())))
	}
	if len(parts) == 0 {
		return T(lang, "no_challenge")
	}
	return strings.Join(parts, "; ")
}

// ScoresView is the short view of a scores table for people: ids and names,
// challenge, support, band, strategic verdict, triggers and reasons.
func ScoresView(full *Table) *Table {
	keep := []string{"move_id", "person_name", "position_title", "challenge", "support", "band", "strategic_move", "triggers", "reasons"}
	return Project(full, keep...)
}

// Project returns a table holding only the named columns of t, in the order
// given. A key t does not have is a programming error and panics.
func Project(t *Table, keys ...string) *Table {
	idx := make([]int, len(keys))
	out := &Table{Name: t.Name, Title: t.Title}
	for k, key := range keys {
		idx[k] = -1
		for i, c := range t.Columns {
			if c.Key == key {
				idx[k] = i
				out.Columns = append(out.Columns, c)
			}
		}
		if idx[k] < 0 {
			panic("reports: table " + t.Name + " has no column " + key)
		}
	}
	for _, row := range t.Rows {
		r := make([]string, len(idx))
		for k, i := range idx {
			r[k] = row[i]
		}
		out.Rows = append(out.Rows, r)
	}
	return out
}
