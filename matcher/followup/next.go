package followup

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// GoesOn tells whether a pair continues next quarter: on track, or
// needing a nudge (no first meeting, inactive). Ended pairs and pairs that
// are not a good fit do not.
func (p *Pair) GoesOn() bool {
	return p.Health == OnTrack || p.Health == NoFirstMeeting || p.Health == Inactive
}

// NextHistory returns next quarter's history.csv: the earlier pairs of the
// previous and of this quarter's history (an ended pair stays ended), then
// the previous quarter's pairs, active when they go on and ended
// otherwise, so that the next run keeps the first and never repeats the
// second. Pairs whose mentee or mentor is no longer in people.csv are left
// out, since the next run could not check them. As in history.csv, since
// is the date the status began: for a pair that goes on, the earliest
// start known, else the start of the quarter; for a pair that ended last
// quarter, the day it ended ([Pair].EndDate). Rows are sorted by mentee id,
// then mentor id.
func NextHistory(r *Result, people []model.Person, histories ...[]model.HistoryPair) []model.HistoryPair {
	here := indexPeople(people)
	rows := map[[2]string]*model.HistoryPair{}
	put := func(h model.HistoryPair) {
		if here[h.MenteeID] == nil || here[h.MentorID] == nil {
			return
		}
		k := [2]string{h.MenteeID, h.MentorID}
		old := rows[k]
		if old == nil {
			h.Line = 0
			rows[k] = &h
			return
		}
		if h.Status == model.PairEnded {
			old.Status = model.PairEnded
		}
		if h.Since != "" && (old.Since == "" || h.Since < old.Since) {
			old.Since = h.Since
		}
	}
	for _, hs := range histories {
		for _, h := range hs {
			if h.Status == "" {
				h.Status = model.PairActive
			}
			put(h)
		}
	}
	for i := range r.Pairs {
		p := &r.Pairs[i]
		st := model.PairEnded
		if p.GoesOn() {
			st = model.PairActive
		}
		k := [2]string{p.Prev.MenteeID, p.Prev.MentorID}
		old := rows[k]
		switch {
		case old != nil && st == model.PairActive:
			old.Status = model.PairActive // the pair went on this quarter
		case old != nil:
			old.Status, old.Since = model.PairEnded, p.EndDate
			continue
		}
		since := r.Since
		if st == model.PairEnded {
			since = p.EndDate
		}
		put(model.HistoryPair{MenteeID: p.Prev.MenteeID, MentorID: p.Prev.MentorID, Status: st, Since: since})
	}
	out := make([]model.HistoryPair, 0, len(rows))
	for _, h := range rows {
		out = append(out, *h)
	}
	slices.SortFunc(out, func(a, b model.HistoryPair) int {
		return cmp.Or(strings.Compare(a.MenteeID, b.MenteeID), strings.Compare(a.MentorID, b.MentorID))
	})
	return out
}

// NextMentee is one row of mentees_next.csv.
type NextMentee struct {
	model.Mentee
	// Raised tells that the priority was raised to 2 because the mentee's
	// pair failed.
	Raised bool
}

// NextMentees returns the mentees.csv suggested for next quarter: this
// quarter's mentees (in their order), with priority 2 at least for those
// whose pair failed (not a good fit, or the mentor left), then those
// failed mentees who are not in it yet, by id. Mentees no longer in
// people.csv are left out.
func NextMentees(r *Result, people []model.Person, mentees []model.Mentee) []NextMentee {
	here := indexPeople(people)
	failed := map[string]bool{}
	for i := range r.Pairs {
		if r.Pairs[i].Failed && here[r.Pairs[i].Prev.MenteeID] != nil {
			failed[r.Pairs[i].Prev.MenteeID] = true
		}
	}
	var out []NextMentee
	seen := map[string]bool{}
	for _, m := range mentees {
		if here[m.PersonID] == nil || seen[m.PersonID] {
			continue
		}
		seen[m.PersonID] = true
		n := NextMentee{Mentee: m}
		if failed[m.PersonID] && m.Priority.Or(1) < 2 {
			n.Priority, n.Raised = model.Int(2), true
		}
		n.Line = 0
		out = append(out, n)
	}
	var add []string
	for id := range failed {
		if !seen[id] {
			add = append(add, id)
		}
	}
	slices.Sort(add)
	for _, id := range add {
		out = append(out, NextMentee{Mentee: model.Mentee{PersonID: id, Priority: model.Int(2)}, Raised: true})
	}
	return out
}

// NextCodevHistory returns codev_history.csv extended with the previous
// quarter's groups under the label cycle: the earlier rows first (rows
// repeating a group, person and cycle are dropped), then every member of
// every group, in the order of groups.csv.
func NextCodevHistory(r *Result, earlier []model.CodevMembership, cycle string) []model.CodevMembership {
	seen := map[model.CodevMembership]bool{}
	var out []model.CodevMembership
	add := func(m model.CodevMembership) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	for _, m := range earlier {
		add(m)
	}
	for i := range r.Groups {
		for _, m := range r.Groups[i].Members {
			add(model.CodevMembership{GroupID: r.Groups[i].Prev.ID, PersonID: m.ID, Cycle: cycle})
		}
	}
	return out
}

// FollowedCycle returns the label of the quarter followed up, from since to
// asOf (both YYYY-MM-DD): the quarter of the day halfway between them, so
// that a follow-up made a few days before or after the quarter's end, with
// since a few days into the quarter before, still names the quarter the
// groups met in.
func FollowedCycle(since, asOf string) string {
	a, errA := time.Parse(day, since)
	_, errB := time.Parse(day, asOf)
	if errA != nil || errB != nil {
		return Cycle(since)
	}
	return Cycle(a.AddDate(0, 0, days(since, asOf)/2).Format(day))
}
