package main

import (
	"bytes"
	"fmt"
	"path"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher"
	"github.com/stretchmatch/stretchmatch/model"
	"github.com/stretchmatch/stretchmatch/reports"
)

// previousAsOf is the last day of the activity init --synthetic --previous
// writes.
const previousAsOf = "2026-03-27"

// syntheticPrevious treats the generated organisation ds as last quarter:
// it runs the cycle on it and returns the files of its pack (previous/:
// run.json, plan.csv, pairs.csv and copies of the input files), this
// quarter's people.csv (every third chosen move realised through
// position_id, every third other one replaced by a grade change) and an
// activity.csv whose pairs go through every health, all deterministic.
func syntheticPrevious(ds *model.Dataset, in data.Inputs) ([]initFile, error) {
	for _, s := range []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History} {
		s.Name = path.Join("previous", s.Name)
	}
	l := &loaded{Inputs: in, Config: model.Default(), Dataset: ds}
	c, err := runCycle(l, cycleFlags{}, nil)
	if err != nil {
		return nil, err
	}
	tables := []*reports.Table{reports.PlanTable(c.Plan, reports.EN), reports.PairsTable(c.Matching, reports.EN, reports.Namer{})}
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
	for _, s := range []*data.Source{in.People, in.Positions, in.Moves, in.Mentors, in.Mentees, in.History} {
		files = append(files, initFile{s.Name, s.Data})
	}
	people, err := peopleNow(ds, c.Plan)
	if err != nil {
		return nil, err
	}
	return append(files, initFile{data.FilePeople, people}, initFile{data.FileActivity, syntheticActivity(c.Matching)}), nil
}

// peopleNow returns people.csv a quarter later: the people of every third
// chosen move hold the target (position_id), those of every third other
// one are a grade up.
func peopleNow(ds *model.Dataset, pl *matcher.Plan) ([]byte, error) {
	now := *ds
	now.People = append([]model.Person(nil), ds.People...)
	at := make(map[string]int, len(now.People))
	for i := range now.People {
		at[now.People[i].ID] = i
	}
	k := 0
	for _, e := range pl.Entries {
		if e.Status != matcher.Chosen {
			continue
		}
		p := &now.People[at[e.Score.Person.ID]]
		switch k % 3 {
		case 0:
			p.PositionID = e.Score.Position.ID
		case 1:
			if p.Grade.OK {
				p.Grade.V++
			}
		}
		k++
	}
	enc, err := data.EncodeDataset(&now)
	if err != nil {
		return nil, err
	}
	return enc.People.Data, nil
}

// syntheticActivity writes an activity.csv for the pairs of mt: by pair
// number mod 10, 3 no meeting, 5 one early meeting, 7 not a good fit, 9
// closed, the others monthly meetings with a survey and, every third, two
// goals.
func syntheticActivity(mt *matcher.Matching) []byte {
	var b bytes.Buffer
	b.WriteString("mentee_id,mentor_id,date,kind,fit_answer,rating,goal,goal_score,closed_reason\n")
	row := func(e, m, date, kind, fit, rating, goal, score, reason string) {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%s,%s,%s,%s\n", e, m, date, kind, fit, rating, goal, score, reason)
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
	// The newest date, so that followup's default --as-of is the same
	// whatever the pairs.
	if len(mt.Pairs) > 0 {
		p := &mt.Pairs[0]
		row(p.Mentee.Person.ID, p.Mentor.Person.ID, previousAsOf, "checkin", "", "", "", "", "")
	}
	return b.Bytes()
}
