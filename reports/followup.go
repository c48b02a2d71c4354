package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/matcher/followup"
	"github.com/stretchmatch/stretchmatch/model"
)

// fuName returns the name to show for a person who may have left: their
// name now, else the name the previous pack gave (a pseudonym with
// redaction).
func fuName(names Namer, p *model.Person, id, prevName string) string {
	switch {
	case p != nil:
		return names.Name(p)
	case names.Redact && prevName != "":
		return Pseudonym(id)
	}
	return prevName
}

// fuWhy puts a why code of the follow-up into words.
func fuWhy(lang Lang, why, detail string) string {
	switch why {
	case followup.WhyClosed:
		if detail == "" {
			return fuT(lang, "why_closed_plain")
		}
		return fmt.Sprintf(fuT(lang, "why_closed"), detail)
	case followup.WhyJobChanged, followup.WhyFewMembers, followup.WhyNoMeeting, followup.WhyTooEarly,
		followup.WhySilent, followup.WhyMeeting:
		return fmt.Sprintf(fuT(lang, "why_"+why), detail)
	case followup.WhyFitAnswer:
		if detail != "" {
			return fmt.Sprintf(fuT(lang, "why_fit_answer_n"), detail)
		}
	}
	return fuT(lang, "why_"+why)
}

func optNum(o model.OptFloat, decimals int) string {
	if !o.OK {
		return ""
	}
	return Num(o.V, decimals)
}

// MovesFollowupTable is moves_followup.csv: every move chosen last
// quarter, its plan source and what became of it.
func MovesFollowupTable(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "moves_followup", Title: fuT(lang, "t_moves_followup"), Columns: []Column{
		{Key: "move_id", Label: fuT(lang, "move")},
		{Key: "person_id", Label: fuT(lang, "person_id")},
		{Key: "person_name", Label: fuT(lang, "person")},
		{Key: "position_id", Label: fuT(lang, "position_id")},
		{Key: "band", Label: fuT(lang, "band")},
		{Key: "source", Label: fuT(lang, "source")},
		{Key: "status", Label: fuT(lang, "status")},
		{Key: "reason", Label: fuT(lang, "reason")},
	}}
	for _, m := range r.Moves {
		name := ""
		if m.Person != nil {
			name = names.Name(m.Person)
		}
		t.Add(m.Prev.MoveID, m.Prev.PersonID, name, m.Prev.PositionID, m.Prev.Band, m.Source, string(m.Status),
			fuWhy(lang, m.Why, m.Detail))
	}
	return t
}

func goalsCell(gs []followup.Goal) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		name := g.Name
		if name == "" {
			name = "-"
		}
		parts[i] = fmt.Sprintf("%s=%+d", name, g.Score)
		if g.Score == 0 {
			parts[i] = name + "=0"
		}
		if g.Weight != 1 {
			parts[i] += "×" + strconv.FormatFloat(g.Weight, 'f', -1, 64)
		}
	}
	return strings.Join(parts, "|")
}

// PairsFollowupTable is pairs_followup.csv: every pair of last quarter,
// its health and why, its sessions and goals, and whether it goes on.
func PairsFollowupTable(r *followup.Result, lang Lang, names Namer) *Table {
	t := &Table{Name: "pairs_followup", Title: fuT(lang, "t_pairs_followup"), Columns: []Column{
		{Key: "mentee_id", Label: fuT(lang, "mentee_id")},
		{Key: "mentee_name", Label: fuT(lang, "mentee")},
		{Key: "mentor_id", Label: fuT(lang, "mentor_id")},
		{Key: "mentor_name", Label: fuT(lang, "mentor")},
		{Key: "start", Label: fuT(lang, "start")},
		{Key: "health", Label: fuT(lang, "health")},
		{Key: "reason", Label: fuT(lang, "reason")},
		{Key: "first_meeting", Label: fuT(lang, "first_meeting")},
		{Key: "last_meeting", Label: fuT(lang, "last_meeting")},
		{Key: "days_since_meeting", Label: fuT(lang, "days_since"), Kind: Number},
		{Key: "sessions_held", Label: fuT(lang, "held"), Kind: Number},
		{Key: "sessions_planned", Label: fuT(lang, "planned"), Kind: Number},
		{Key: "fit_answer", Label: fuT(lang, "fit_answer")},
		{Key: "rating", Label: fuT(lang, "rating"), Kind: Number},
		{Key: "goals", Label: fuT(lang, "goals")},
		{Key: "mean_goal_score", Label: fuT(lang, "mean_goal"), Kind: Number},
		{Key: "gas_t", Label: fuT(lang, "gas_t"), Kind: Number},
		{Key: "next_status", Label: fuT(lang, "next_status")},
	}}
	for i := range r.Pairs {
		p := &r.Pairs[i]
		next := string(model.PairEnded)
		if p.GoesOn() {
			next = string(model.PairActive)
		}
		t.Add(p.Prev.MenteeID, fuName(names, p.Mentee, p.Prev.MenteeID, p.Prev.MenteeName),
			p.Prev.MentorID, fuName(names, p.Mentor, p.Prev.MentorID, p.Prev.MentorName),
			p.Start, string(p.Health), fuWhy(lang, p.Why, p.Detail), p.FirstMeeting, p.LastMeeting,
			optInt(p.DaysSinceMeeting), strconv.Itoa(p.Held), strconv.Itoa(p.Planned), string(p.Fit),
			optNum(p.Rating, 1), goalsCell(p.Goals), optNum(p.MeanGoal, 2), optNum(p.T, 1), next)
	}
	return t
}

// GroupsFollowupTable is groups_followup.csv: every codevelopment group of
// last quarter, who goes on, its health and sessions.
func GroupsFollowupTable(r *followup.Result, lang Lang) *Table {
	t := &Table{Name: "groups_followup", Title: fuT(lang, "t_groups_followup"), Columns: []Column{
		{Key: "group_id", Label: fuT(lang, "group_id")},
		{Key: "members", Label: fuT(lang, "members")},
		{Key: "going_on", Label: fuT(lang, "going_on"), Kind: Number},
		{Key: "out", Label: fuT(lang, "out")},
		{Key: "start", Label: fuT(lang, "start")},
		{Key: "health", Label: fuT(lang, "health")},
		{Key: "reason", Label: fuT(lang, "reason")},
		{Key: "first_meeting", Label: fuT(lang, "first_meeting")},
		{Key: "last_meeting", Label: fuT(lang, "last_meeting")},
		{Key: "days_since_meeting", Label: fuT(lang, "days_since"), Kind: Number},
		{Key: "sessions_held", Label: fuT(lang, "held"), Kind: Number},
		{Key: "sessions_planned", Label: fuT(lang, "planned"), Kind: Number},
		{Key: "goals", Label: fuT(lang, "goals")},
		{Key: "mean_goal_score", Label: fuT(lang, "mean_goal"), Kind: Number},
		{Key: "gas_t", Label: fuT(lang, "gas_t"), Kind: Number},
	}}
	for i := range r.Groups {
		g := &r.Groups[i]
		var ids, out []string
		goesOn := 0
		for _, m := range g.Members {
			ids = append(ids, m.ID)
			switch {
			case m.Person == nil:
				out = append(out, m.ID+"="+fuT(lang, "left"))
			case m.Closed:
				reason := m.Reason
				if reason == "" {
					reason = fuT(lang, "why_closed_plain")
				}
				out = append(out, m.ID+"="+reason)
			default:
				goesOn++
			}
		}
		t.Add(g.Prev.ID, strings.Join(ids, "|"), strconv.Itoa(goesOn), strings.Join(out, "|"), g.Start,
			string(g.Health), fuWhy(lang, g.Why, g.Detail), g.FirstMeeting, g.LastMeeting, optInt(g.DaysSinceMeeting),
			strconv.Itoa(g.Held), strconv.Itoa(g.Planned), goalsCell(g.Goals), optNum(g.MeanGoal, 2), optNum(g.T, 1))
	}
	return t
}

// HistoryNextTable is history_next.csv, a history.csv for the next run.
// Its headers are the canonical ones whatever the language, so that the
// file is read back as it is.
func HistoryNextTable(rows []model.HistoryPair, lang Lang) *Table {
	t := &Table{Name: "history_next", Title: fuT(lang, "t_history_next"), Columns: []Column{
		{Key: "mentee_id", Label: fuT(lang, "mentee_id")},
		{Key: "mentor_id", Label: fuT(lang, "mentor_id")},
		{Key: "status", Label: fuT(lang, "status")},
		{Key: "since", Label: fuT(lang, "since")},
	}}
	for _, h := range rows {
		t.Add(h.MenteeID, h.MentorID, string(h.Status), h.Since)
	}
	return t
}

// MenteesNextTable is mentees_next.csv, a mentees.csv for the next run
// with a reason column (ignored when read back).
func MenteesNextTable(rows []followup.NextMentee, lang Lang) *Table {
	t := &Table{Name: "mentees_next", Title: fuT(lang, "t_mentees_next"), Columns: []Column{
		{Key: "person_id", Label: fuT(lang, "person_col")},
		{Key: "needs", Label: fuT(lang, "needs")},
		{Key: "preferences", Label: fuT(lang, "preferences")},
		{Key: "avoid", Label: fuT(lang, "avoid")},
		{Key: "priority", Label: fuT(lang, "priority"), Kind: Number},
		{Key: "reason", Label: fuT(lang, "reason")},
	}}
	for _, m := range rows {
		why := ""
		if m.Raised {
			why = fuT(lang, "why_pair_failed")
		}
		t.Add(m.PersonID, strings.Join(m.Needs, "|"), strings.Join(m.Preferences, "|"), strings.Join(m.Avoid, "|"),
			m.Priority.String(), why)
	}
	return t
}

// CodevHistoryNextTable is codev_history_next.csv: codev_history.csv with
// last quarter's groups added.
func CodevHistoryNextTable(rows []model.CodevMembership, lang Lang) *Table {
	t := &Table{Name: "codev_history_next", Title: fuT(lang, "t_codev_next"), Columns: []Column{
		{Key: "group_id", Label: fuT(lang, "group_id")},
		{Key: "person_id", Label: fuT(lang, "person_col")},
		{Key: "cycle", Label: fuT(lang, "cycle")},
	}}
	for _, m := range rows {
		t.Add(m.GroupID, m.PersonID, m.Cycle)
	}
	return t
}
