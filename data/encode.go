package data

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// EncodeDataset writes ds as the six input files, with the canonical column
// names, comma-separated UTF-8 as WriteCSV writes them. Reading the result
// with Load gives ds back. Text cells are neutralised like every output,
// so a value beginning with '=', '+', '-' or '@' comes back with a leading
// quote.
func EncodeDataset(ds *model.Dataset) (Inputs, error) {
	optInt := func(o model.OptInt) string { return o.String() }
	num := func(o model.OptFloat) string {
		if !o.OK {
			return ""
		}
		return strconv.FormatFloat(o.V, 'f', -1, 64)
	}
	list := func(l []string) string { return strings.Join(l, "|") }
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	var firstErr error
	file := func(name string, header []string, n int, row func(i int) []string) *Source {
		rows := make([][]string, n)
		for i := range rows {
			rows[i] = row(i)
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, header, rows, CSVOptions{}); err != nil && firstErr == nil {
			firstErr = err
		}
		return &Source{Name: name, Data: b.Bytes()}
	}
	names := func(file string) []string {
		var h []string
		for _, c := range Columns(file) {
			h = append(h, c.Name)
		}
		return h
	}

	var in Inputs
	in.People = file(FilePeople, names(FilePeople), len(ds.People), func(i int) []string {
		p := &ds.People[i]
		return []string{p.ID, p.Name, p.ManagerID, p.Division, p.Function, p.Country, p.SiteType, p.RoleKind, p.ProductLine, p.Team,
			optInt(p.Grade), optInt(p.Headcount), list(p.FunctionsHeld), list(p.Languages), p.Gender, num(p.LearningOrientation), p.PositionID}
	})
	in.Positions = file(FilePositions, names(FilePositions), len(ds.Positions), func(i int) []string {
		q := &ds.Positions[i]
		return []string{q.ID, q.Title, q.ManagerID, q.Division, q.Function, q.Country, q.SiteType, q.RoleKind, q.ProductLine, q.Team,
			optInt(q.Grade), optInt(q.Headcount), yes(q.NewRole), yes(q.Critical), strconv.Itoa(q.Openings)}
	})
	var rated []int
	for c := range model.Catalog {
		if model.Catalog[c].Source == model.SourceRated {
			rated = append(rated, c)
		}
	}
	in.Moves = file(FileMoves, names(FileMoves), len(ds.Moves), func(i int) []string {
		mv := &ds.Moves[i]
		row := []string{mv.ID, mv.PersonID, mv.PositionID, mv.ProposedBy}
		for _, c := range rated {
			row = append(row, num(mv.Ratings[c]))
		}
		return append(row, num(mv.Support), mv.Note)
	})
	in.Mentors = file(FileMentors, names(FileMentors), len(ds.Mentors), func(i int) []string {
		m := &ds.Mentors[i]
		return []string{m.PersonID, strconv.Itoa(m.Capacity), list(m.Experience), list(m.Languages), yes(m.Available)}
	})
	in.Mentees = file(FileMentees, names(FileMentees), len(ds.Mentees), func(i int) []string {
		m := &ds.Mentees[i]
		return []string{m.PersonID, list(m.Needs), list(m.Preferences), list(m.Avoid), optInt(m.Priority)}
	})
	in.History = file(FileHistory, names(FileHistory), len(ds.History), func(i int) []string {
		h := &ds.History[i]
		status := string(h.Status)
		if status == "" {
			status = string(model.PairActive)
		}
		return []string{h.MenteeID, h.MentorID, status, h.Since}
	})
	return in, firstErr
}
