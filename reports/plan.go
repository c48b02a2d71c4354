package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
)

// PlanTable is plan.csv: every candidate move with its challenge, band,
// development value, whether it was chosen and, if not, why. Rows follow
// the order of SortScores.
func PlanTable(pl *matcher.Plan, lang Lang) *Table {
	t := &Table{
		Name:  "plan",
		Title: planTitle(T(lang, "t_plan"), pl, lang),
		Columns: []Column{
			{Key: "move_id", Label: T(lang, "move")},
			{Key: "person_id", Label: T(lang, "person_id")},
			{Key: "position_id", Label: T(lang, "position_id")},
			{Key: "challenge", Label: T(lang, "challenge"), Kind: Number},
			{Key: "band", Label: T(lang, "band")},
			{Key: "value", Label: T(lang, "value"), Kind: Number},
			{Key: "status", Label: T(lang, "status")},
			{Key: "reason", Label: T(lang, "reason")},
			{Key: "decision", Label: T(lang, "decision")},
		},
	}
	for _, e := range sortedEntries(pl) {
		s := e.Score
		t.Add(s.Move.ID, s.Person.ID, s.Position.ID, Num(s.Challenge, 1), string(s.Band),
			Num(e.Value, 3), string(e.Status), planReason(e, pl.AllowOverstretch, lang), DecisionWord(e.Decision))
	}
	return t
}

func sortedEntries(pl *matcher.Plan) []*matcher.PlanEntry {
	scores := make([]matcher.Score, 0, len(pl.Entries))
	byMove := make(map[*model.Move]*matcher.PlanEntry, len(pl.Entries))
	for i := range pl.Entries {
		scores = append(scores, *pl.Entries[i].Score)
		byMove[pl.Entries[i].Score.Move] = &pl.Entries[i]
	}
	out := make([]*matcher.PlanEntry, 0, len(scores))
	for _, s := range SortScores(scores) {
		out = append(out, byMove[s.Move])
	}
	return out
}

// PlanReason explains in words why a move was or was not chosen, saying
// when the committee decided it.
func PlanReason(e *matcher.PlanEntry, lang Lang) string {
	return planReason(e, false, lang)
}

func planReason(e *matcher.PlanEntry, allowOverstretch bool, lang Lang) string {
	s := e.Score
	switch {
	case e.Status == matcher.Chosen:
		why := fmt.Sprintf(T(lang, "why_chosen"), Num(e.Value, 3))
		if d := decisionReason(e, allowOverstretch, lang); d != "" {
			why += "; " + d
		}
		return why
	case e.Why == matcher.Excluded:
		if len(s.Triggers) > 0 {
			return fmt.Sprintf(T(lang, "why_excluded_trigger"), strings.Join(triggerIDs(s.Triggers), ", "))
		}
		return fmt.Sprintf(T(lang, "why_excluded"), Num(s.Challenge, 1))
	case e.Why == matcher.Duplicate:
		return fmt.Sprintf(T(lang, "why_duplicate"), e.By[0].Score.Move.ID)
	case e.Why == matcher.NoValue:
		return T(lang, "why_no_value")
	}
	return notChosenReason(e, lang)
}

// UnplacedTable lists the people with candidate moves left without one.
func UnplacedTable(pl *matcher.Plan, lang Lang, names Namer) *Table {
	t := &Table{
		Name:  "unplaced",
		Title: planTitle(T(lang, "t_unplaced"), pl, lang),
		Columns: []Column{
			{Key: "person_id", Label: T(lang, "person_id")},
			{Key: "person_name", Label: T(lang, "person")},
			{Key: "candidate_moves", Label: T(lang, "candidate_moves"), Kind: Number},
			{Key: "reason", Label: T(lang, "reason")},
		},
	}
	for _, u := range pl.Unplaced() {
		why := "unplaced_" + string(u.Why)
		if u.Why == matcher.PositionFilled {
			why = "unplaced_filled_other"
		}
		t.Add(u.Person.ID, names.Name(u.Person), strconv.Itoa(len(u.Moves)), T(lang, why))
	}
	return t
}

// OpenPositionsTable lists the positions with openings left after the plan.
func OpenPositionsTable(pl *matcher.Plan, lang Lang) *Table {
	t := &Table{
		Name:  "open_positions",
		Title: planTitle(T(lang, "t_open"), pl, lang),
		Columns: []Column{
			{Key: "position_id", Label: T(lang, "position_id")},
			{Key: "position_title", Label: T(lang, "position")},
			{Key: "openings", Label: T(lang, "openings_col"), Kind: Number},
			{Key: "filled", Label: T(lang, "filled"), Kind: Number},
			{Key: "eligible_candidates", Label: T(lang, "eligible_candidates"), Kind: Number},
			{Key: "reason", Label: T(lang, "reason")},
		},
	}
	for _, o := range pl.Open {
		why := "open_candidates_elsewhere"
		switch {
		case o.Proposed == 0:
			why = "open_no_candidate"
		case o.Candidates == 0:
			why = "open_only_overstretch"
		}
		t.Add(o.Position.ID, o.Position.Title, strconv.Itoa(max(o.Position.Openings, 1)), strconv.Itoa(o.Filled),
			strconv.Itoa(o.Candidates), T(lang, why))
	}
	return t
}
