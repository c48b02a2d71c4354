package main

import (
	"bytes"
	"fmt"
	"path"
	"slices"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// previousAsOf is the last day of the activity init --synthetic --previous
// writes.
const previousAsOf = "2026-03-27"

// previousGroupsStart is the first session of the codevelopment groups of
// the generated previous quarter, monthly after it.
const previousGroupsStart = "2026-01-05"

// syntheticPrevious treats the generated organisation ds, with the
// codevelopment volunteers cv, as last quarter: it runs the cycle on it
// (groups included) and returns the files of its pack (previous/: run.json,
// plan.csv, pairs.csv, groups.csv, group_sessions.csv and copies of the
// input files), this quarter's input files (see quarterLater) and an
// activity.csv whose pairs and groups go through every health, all
// deterministic.
func syntheticPrevious(ds *model.Dataset, in data.Inputs, cv *model.Codev) ([]initFile, error) {
	cvSrc, err := data.EncodeCodev(cv)
	if err != nil {
		return nil, err
	}
	prevSrcs := []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History, cvSrc}
	for _, s := range prevSrcs {
		s.Name = path.Join("previous", s.Name)
	}
	l := &loaded{Inputs: in, Config: model.Default(), Dataset: ds, Codev: cv, CodevSource: cvSrc}
	c, err := runCycle(l, cycleFlags{Groups: groupsFlags{Start: previousGroupsStart, Every: "1m"}}, nil)
	if err != nil {
		return nil, err
	}
	tables := []*reports.Table{reports.PlanTable(c.Plan, reports.EN), reports.PairsTable(c.Matching, reports.EN, reports.Namer{})}
	if c.Groups != nil && len(c.Groups.Groups) > 0 {
		tables = append(tables, reports.GroupsTable(c.Groups, reports.EN, reports.Namer{}),
			reports.GroupSessionsTable(c.Groups, c.Calendars, reports.EN, reports.Namer{}))
	}
	csvs, err := renderCSV(tables, false)
	if err != nil {
		return nil, err
	}
	rec := c.runRecord()
	for _, f := range csvs {
		rec.Outputs = append(rec.Outputs, reports.HashInput(f.Name, "", f.Body))
	}
	var runJSON bytes.Buffer
	if err := reports.WriteRunJSON(&runJSON, &rec); err != nil {
		return nil, err
	}
	files := []initFile{{path.Join("previous", data.FileRunJSON), runJSON.Bytes()}}
	for _, f := range csvs {
		files = append(files, initFile{path.Join("previous", f.Name), f.Body})
	}
	for _, s := range prevSrcs {
		files = append(files, initFile{s.Name, s.Data})
	}
	var groups []codev.Group
	if c.Groups != nil {
		groups = c.Groups.Groups
	}
	left := leavers(ds, c.Plan, c.Matching, groups)
	now, err := quarterLater(ds, cv, c.Plan, left)
	if err != nil {
		return nil, err
	}
	return append(append(files, now...), initFile{data.FileActivity, syntheticActivity(c.Matching, groups)}), nil
}

// leavers are the people who left during the quarter, among those nobody
// reports to: the people of every sixth chosen move (the sixth, the
// twelfth, …), the mentor of the second pair, and one member of every
// tenth group from the first (which stays on track without them).
func leavers(ds *model.Dataset, pl *matcher.Plan, mt *matcher.Matching, groups []codev.Group) map[string]bool {
	manages := map[string]bool{}
	for i := range ds.People {
		manages[ds.People[i].ManagerID] = true
	}
	for i := range ds.Positions {
		manages[ds.Positions[i].ManagerID] = true
	}
	left := map[string]bool{}
	leave := func(id string) bool {
		if manages[id] || left[id] {
			return false
		}
		left[id] = true
		return true
	}
	k := 0
	for _, e := range pl.Entries {
		if e.Status != matcher.Chosen {
			continue
		}
		if k%6 == 5 {
			leave(e.Score.Person.ID)
		}
		k++
	}
	if len(mt.Pairs) > 1 {
		leave(mt.Pairs[1].Mentor.Person.ID)
	}
	for i := 0; i < len(groups); i += 10 {
		for _, m := range groups[i].Members {
			if leave(m.Person.ID) {
				break
			}
		}
	}
	return left
}

// quarterLater returns this quarter's input files: the organisation ds a
// quarter later, without the people who left (nor their moves, mentor and
// mentee rows, history pairs and codevelopment volunteering), the people
// of every third chosen move holding the target (position_id), those of
// every third other one a grade up.
func quarterLater(ds *model.Dataset, cv *model.Codev, pl *matcher.Plan, left map[string]bool) ([]initFile, error) {
	stays := func(ids ...string) bool {
		return !slices.ContainsFunc(ids, func(id string) bool { return left[id] })
	}
	now := model.Dataset{Positions: ds.Positions}
	at := map[string]int{}
	for _, p := range ds.People {
		if stays(p.ID) {
			at[p.ID] = len(now.People)
			now.People = append(now.People, p)
		}
	}
	k := 0
	for _, e := range pl.Entries {
		if e.Status != matcher.Chosen {
			continue
		}
		if i, ok := at[e.Score.Person.ID]; ok {
			p := &now.People[i]
			switch k % 3 {
			case 0:
				p.PositionID = e.Score.Position.ID
			case 1:
				if p.Grade.OK {
					p.Grade.V++
				}
			}
		}
		k++
	}
	for _, m := range ds.Moves {
		if stays(m.PersonID) {
			now.Moves = append(now.Moves, m)
		}
	}
	for _, m := range ds.Mentors {
		if stays(m.PersonID) {
			now.Mentors = append(now.Mentors, m)
		}
	}
	drop := func(ids []string) []string {
		return slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return left[id] })
	}
	for _, m := range ds.Mentees {
		if stays(m.PersonID) {
			m.Preferences, m.Avoid = drop(m.Preferences), drop(m.Avoid)
			now.Mentees = append(now.Mentees, m)
		}
	}
	for _, h := range ds.History {
		if stays(h.MenteeID, h.MentorID) {
			now.History = append(now.History, h)
		}
	}
	enc, err := data.EncodeDataset(&now)
	if err != nil {
		return nil, err
	}
	cvSrc, err := data.EncodeCodev(volunteersLeft(cv, left))
	if err != nil {
		return nil, err
	}
	var files []initFile
	for _, s := range []*data.Source{enc.People, enc.Positions, enc.Moves, enc.Mentors, enc.Mentees, enc.History, cvSrc} {
		files = append(files, initFile{s.Name, s.Data})
	}
	return files, nil
}

// syntheticActivity writes an activity.csv for the pairs of mt and the
// codevelopment groups: pairs by number mod 10, 3 no meeting, 5 one early
// meeting, 7 not a good fit, 9 closed, the others monthly meetings with a
// survey and, every third, two goals; then the groups' rows (see
// groupActivity).
func syntheticActivity(mt *matcher.Matching, groups []codev.Group) []byte {
	var b bytes.Buffer
	b.WriteString("mentee_id,mentor_id,group_id,date,kind,fit_answer,rating,goal,goal_score,closed_reason\n")
	row := func(e, m, date, kind, fit, rating, goal, score, reason string) {
		fmt.Fprintf(&b, "%s,%s,,%s,%s,%s,%s,%s,%s,%s\n", e, m, date, kind, fit, rating, goal, score, reason)
	}
	goals := []string{"delegate", "network", "strategic_thinking", "public_speaking", "negotiation"}
	for i := range mt.Pairs {
		e, m := mt.Pairs[i].Mentee.Person.ID, mt.Pairs[i].Mentor.Person.ID
		day := i%20 + 5
		switch i % 10 {
		case 3:
		case 5:
			row(e, m, "2026-01-08", "meeting", "", "", "", "", "")
		case 7:
			row(e, m, "2026-01-14", "meeting", "", "", "", "", "")
			row(e, m, "2026-02-02", "survey", "not_a_good_fit", "2", "", "", "")
		case 9:
			row(e, m, "2026-01-09", "meeting", "", "", "", "", "")
			row(e, m, "2026-03-02", "closed", "", "4", "", "", "goals met")
		default:
			row(e, m, fmt.Sprintf("2026-01-%02d", day), "meeting", "", "", "", "", "")
			row(e, m, fmt.Sprintf("2026-02-%02d", day), "survey", "good_fit", "4", "", "", "")
			row(e, m, fmt.Sprintf("2026-03-%02d", min(day, 27)), "meeting", "", "", "", "", "")
			if i%3 == 0 {
				row(e, m, fmt.Sprintf("2026-03-%02d", min(day, 27)), "checkin", "", "", goals[i%5], fmt.Sprint(i%5-2), "")
				row(e, m, fmt.Sprintf("2026-03-%02d", min(day, 27)), "checkin", "", "", goals[(i+2)%5], fmt.Sprint((i+1)%3), "")
			}
		}
	}
	groupActivity(&b, groups, goals)
	// The newest date, so that followup's default --as-of is the same
	// whatever the pairs.
	if len(mt.Pairs) > 0 {
		p := &mt.Pairs[0]
		row(p.Mentee.Person.ID, p.Mentor.Person.ID, previousAsOf, "checkin", "", "", "", "", "")
	}
	return b.Bytes()
}

// groupActivity writes the activity rows of the codevelopment groups, by
// group number mod 5: 0 a session each month with a goal per member, 1
// none, 2 one early session, 3 not a good fit, 4 closed by all members but
// one.
func groupActivity(b *bytes.Buffer, groups []codev.Group, goals []string) {
	groupRow := func(person, group, date, kind, fit, goal, score, reason string) {
		fmt.Fprintf(b, "%s,,%s,%s,%s,%s,,%s,%s,%s\n", person, group, date, kind, fit, goal, score, reason)
	}
	for i := range groups {
		g := &groups[i]
		for j, m := range g.Members {
			id := m.Person.ID
			switch i % 5 {
			case 0:
				for _, d := range []string{"2026-01-05", "2026-02-05", "2026-03-05"} {
					groupRow(id, g.ID, d, "meeting", "", "", "", "")
				}
				groupRow(id, g.ID, "2026-03-05", "checkin", "", goals[j%5], fmt.Sprint((i+j)%3-1), "")
			case 2:
				groupRow(id, g.ID, "2026-01-05", "meeting", "", "", "", "")
			case 3:
				groupRow(id, g.ID, "2026-01-05", "meeting", "", "", "", "")
				groupRow(id, g.ID, "2026-02-05", "survey", "not_a_good_fit", "", "", "")
			case 4:
				groupRow(id, g.ID, "2026-01-05", "meeting", "", "", "", "")
				if j > 0 {
					groupRow(id, g.ID, "2026-02-20", "closed", "", "", "", "no time left")
				}
			}
		}
	}
}

// volunteersLeft are the codevelopment volunteers of cv who did not leave,
// without the people who left in their avoid lists.
func volunteersLeft(cv *model.Codev, left map[string]bool) *model.Codev {
	out := &model.Codev{}
	for _, v := range cv.Volunteers {
		if !left[v.PersonID] {
			v.Avoid = slices.DeleteFunc(slices.Clone(v.Avoid), func(id string) bool { return left[id] })
			out.Volunteers = append(out.Volunteers, v)
		}
	}
	return out
}
