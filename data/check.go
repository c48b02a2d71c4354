package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"

	"github.com/stretchmatch/stretchmatch/model"
)

// colIndex returns the index of the named column in the table of file. It
// panics when there is none: the names below are fixed at compile time and
// the package tests load every one of them.
func colIndex(file, name string) int {
	for k, c := range tableOf(file) {
		if c.Name == name {
			return k
		}
	}
	panic("data: no column " + name + " in " + file)
}

// Table column indices used by the cross-checks.
var (
	kPersonID        = colIndex(FilePeople, "id")
	kPersonManager   = colIndex(FilePeople, "manager_id")
	kPositionID      = colIndex(FilePositions, "id")
	kPositionManager = colIndex(FilePositions, "manager_id")
	kMoveID          = colIndex(FileMoves, "id")
	kMovePerson      = colIndex(FileMoves, "person_id")
	kMovePosition    = colIndex(FileMoves, "position_id")
	kMentorPerson    = colIndex(FileMentors, "person_id")
	kMenteePerson    = colIndex(FileMentees, "person_id")
	kMenteePrefs     = colIndex(FileMentees, "preferences")
	kMenteeAvoid     = colIndex(FileMentees, "avoid")
	kHistoryMentee   = colIndex(FileHistory, "mentee_id")
	kHistoryMentor   = colIndex(FileHistory, "mentor_id")
)

// idSet is the set of ids of one file, for cross-checks.
type idSet struct {
	ok      bool           // the file could be checked against
	first   map[string]int // id → index of its first row
	partial map[string]bool
}

func (s *idSet) has(id string) bool {
	if _, ok := s.first[id]; ok {
		return true
	}
	return s.partial[id]
}

// index builds the id set of a file with n rows, reporting repeated ids
// through dup with the line of the first occurrence.
func index(fs *fileState, k, n int, id func(i int) (string, int), dup func(id string, line, firstLine int)) idSet {
	s := idSet{ok: fs.usable(k), first: make(map[string]int, n), partial: fs.partial}
	for i := 0; i < n; i++ {
		v, line := id(i)
		if v == "" {
			continue
		}
		if j, seen := s.first[v]; seen {
			_, firstLine := id(j)
			dup(v, line, firstLine)
			continue
		}
		s.first[v] = i
	}
	return s
}

// crossCheck checks ids within and across files.
func (l *loader) crossCheck() {
	ds := &l.ds
	fp, fpos, fmv := &l.files[rolePeople], &l.files[rolePositions], &l.files[roleMoves]
	fmr, fme, fh := &l.files[roleMentors], &l.files[roleMentees], &l.files[roleHistory]

	people := index(fp, kPersonID, len(ds.People),
		func(i int) (string, int) { return ds.People[i].ID, ds.People[i].Line },
		func(id string, line, first int) {
			fp.addAt(line, kPersonID, fmt.Sprintf("duplicate id %s: first used on line %d", quoteCell(id), first),
				"give each person their own id, or remove the repeated row")
		})
	// unknownPerson reports a reference to a person who is not in people.csv.
	personLike := &lookAlikes{ids: func(yield func(string) bool) {
		for i := range ds.People {
			if !yield(ds.People[i].ID) {
				return
			}
		}
	}}
	unknownPerson := func(fs *fileState, line, k int, id string) {
		if id != "" && people.ok && !people.has(id) {
			fs.addAt(line, k, fmt.Sprintf("%s %s is not an id in people.csv%s", tableOf(fs.std)[k].Name, quoteCell(id), personLike.explain(id)),
				"write the id of a person in people.csv, or add the person there")
		}
	}

	for i := range ds.People {
		p := &ds.People[i]
		switch {
		case p.ManagerID == "" || p.ID == "":
		case p.ManagerID == p.ID:
			fp.addAt(p.Line, kPersonManager, fmt.Sprintf("person %s is their own manager", quoteCell(p.ID)),
				"write the id of their manager, or leave manager_id empty for the top of the organisation")
		case people.ok && !people.has(p.ManagerID):
			fp.addAt(p.Line, kPersonManager, fmt.Sprintf("manager_id %s is not an id in people.csv%s", quoteCell(p.ManagerID), personLike.explain(p.ManagerID)),
				"write the id of a person in people.csv, or leave the cell empty for the top of the organisation")
		}
	}
	if people.ok {
		l.checkCycles(&people)
	}

	positions := index(fpos, kPositionID, len(ds.Positions),
		func(i int) (string, int) { return ds.Positions[i].ID, ds.Positions[i].Line },
		func(id string, line, first int) {
			fpos.addAt(line, kPositionID, fmt.Sprintf("duplicate id %s: first used on line %d", quoteCell(id), first),
				"give each position its own id, or remove the repeated row")
		})
	for i := range ds.Positions {
		p := &ds.Positions[i]
		unknownPerson(fpos, p.Line, kPositionManager, p.ManagerID)
	}

	index(fmv, kMoveID, len(ds.Moves),
		func(i int) (string, int) { return ds.Moves[i].ID, ds.Moves[i].Line },
		func(id string, line, first int) {
			k := kMoveID
			if !fmv.h.has(k) {
				k = kMovePerson // the id is person_id>position_id
			}
			fmv.addAt(line, k, fmt.Sprintf("duplicate move id %s: first used on line %d", quoteCell(id), first),
				"give each move its own id, or remove the repeated row; without an id column a move's id is person_id>position_id")
		})
	if fmv.given && len(ds.Moves) > 0 && !fpos.given {
		fmv.c.addFile("positions.csv was not given, so the positions of the moves cannot be checked",
			"add positions.csv to the input folder, or name it with --positions FILE")
	}
	for i := range ds.Moves {
		m := &ds.Moves[i]
		unknownPerson(fmv, m.Line, kMovePerson, m.PersonID)
		if m.PositionID != "" && positions.ok && !positions.has(m.PositionID) {
			fmv.addAt(m.Line, kMovePosition, fmt.Sprintf("position_id %s is not an id in positions.csv", quoteCell(m.PositionID)),
				"write the id of a position in positions.csv, or add the position there")
		}
	}

	mentors := index(fmr, kMentorPerson, len(ds.Mentors),
		func(i int) (string, int) { return ds.Mentors[i].PersonID, ds.Mentors[i].Line },
		func(id string, line, first int) {
			fmr.addAt(line, kMentorPerson, fmt.Sprintf("mentor %s is listed twice: first on line %d", quoteCell(id), first),
				"keep one row per mentor")
		})
	for i := range ds.Mentors {
		unknownPerson(fmr, ds.Mentors[i].Line, kMentorPerson, ds.Mentors[i].PersonID)
	}

	index(fme, kMenteePerson, len(ds.Mentees),
		func(i int) (string, int) { return ds.Mentees[i].PersonID, ds.Mentees[i].Line },
		func(id string, line, first int) {
			fme.addAt(line, kMenteePerson, fmt.Sprintf("mentee %s is listed twice: first on line %d", quoteCell(id), first),
				"keep one row per mentee")
		})
	// Preferences and avoid lists must name mentors; when mentors.csv was
	// not given, nobody is a mentor.
	checkMentors := !fmr.given || mentors.ok
	notMentorHint := func(id, list string) string {
		if !fmr.given {
			return fmt.Sprintf("mentors.csv was not given: add it, or remove %s from %s", shown(id), list)
		}
		return fmt.Sprintf("add %s to mentors.csv, or remove them from %s", shown(id), list)
	}
	for i := range ds.Mentees {
		m := &ds.Mentees[i]
		unknownPerson(fme, m.Line, kMenteePerson, m.PersonID)
		for _, id := range m.Preferences {
			switch {
			case id == m.PersonID:
				fme.addAt(m.Line, kMenteePrefs, fmt.Sprintf("mentee %s lists themselves in preferences", quoteCell(m.PersonID)),
					"remove "+shown(id)+" from preferences")
			case checkMentors && !mentors.has(id):
				fme.addAt(m.Line, kMenteePrefs, fmt.Sprintf("mentee %s prefers %s, who is not a mentor", quoteCell(m.PersonID), quoteCell(id)),
					notMentorHint(id, "preferences"))
			}
		}
		for _, id := range m.Avoid {
			switch {
			case id == m.PersonID:
				fme.addAt(m.Line, kMenteeAvoid, fmt.Sprintf("mentee %s lists themselves in avoid", quoteCell(m.PersonID)),
					"remove "+shown(id)+" from avoid")
			case contains(m.Preferences, id):
				fme.addAt(m.Line, kMenteeAvoid, fmt.Sprintf("mentee %s both prefers and avoids %s", quoteCell(m.PersonID), quoteCell(id)),
					"keep "+shown(id)+" in only one of the two lists")
			case checkMentors && !mentors.has(id):
				fme.addAt(m.Line, kMenteeAvoid, fmt.Sprintf("mentee %s avoids %s, who is not a mentor", quoteCell(m.PersonID), quoteCell(id)),
					notMentorHint(id, "avoid"))
			}
		}
	}

	for i := range ds.History {
		h := &ds.History[i]
		unknownPerson(fh, h.Line, kHistoryMentee, h.MenteeID)
		unknownPerson(fh, h.Line, kHistoryMentor, h.MentorID)
		if h.MenteeID != "" && h.MenteeID == h.MentorID {
			fh.addAt(h.Line, kHistoryMentor, fmt.Sprintf("mentee_id and mentor_id are both %s", quoteCell(h.MenteeID)),
				"a person cannot mentor themselves: fix one of the two ids")
		}
	}
	checkHistoryPairs(fh, ds.History)
}

// shown returns an id as written in a hint: as is when it is plain, quoted
// when it holds spaces, quotes or characters that do not print.
func shown(id string) string {
	if id == "" || strings.ContainsFunc(id, func(r rune) bool { return r == ' ' || r == '"' || !unicode.IsPrint(r) }) {
		return strconv.Quote(id)
	}
	return id
}

// maxCycleNames is how many people a cycle message names before "… and N
// more".
const maxCycleNames = 12

// checkCycles reports every cycle in the chain of managers of people.csv.
//
// A first linear pass marks the people whose chain of managers reaches the
// top of the organisation; only the others (people on a cycle, and people
// whose chain runs into one) go into a gonum graph, whose strongly connected
// components with more than one person are the cycles (Tarjan's algorithm,
// topo.TarjanSCC). Each cycle is reported once, at the row of its person
// with the smallest id, and names the people in the order of the chain.
func (l *loader) checkCycles(people *idSet) {
	ps := l.ds.People
	n := len(ps)
	// mgr[i] is the row of person i's manager, or -1 at the top, for an
	// unknown manager, a self-manager or a repeated row (all reported
	// elsewhere).
	mgr := make([]int32, n)
	for i := range ps {
		mgr[i] = -1
		if j, ok := people.first[ps[i].ManagerID]; ok && people.first[ps[i].ID] == i && j != i {
			mgr[i] = int32(j)
		}
	}
	const (
		unknown = iota
		visiting
		reachesTop
		onOrIntoCycle
	)
	state := make([]uint8, n)
	var stack []int32
	for i := range ps {
		if state[i] != unknown {
			continue
		}
		stack = stack[:0]
		j := int32(i)
		result := uint8(reachesTop)
		for {
			if j < 0 {
				break
			}
			switch state[j] {
			case unknown:
				state[j] = visiting
				stack = append(stack, j)
				j = mgr[j]
				continue
			case visiting:
				result = onOrIntoCycle
			default:
				result = state[j]
			}
			break
		}
		for _, k := range stack {
			state[k] = result
		}
	}

	g := simple.NewDirectedGraph()
	for i := range ps {
		if state[i] == onOrIntoCycle {
			g.SetEdge(g.NewEdge(simple.Node(i), simple.Node(mgr[i])))
		}
	}
	if g.Nodes().Len() == 0 {
		return
	}
	fp := &l.files[rolePeople]
	for _, comp := range topo.TarjanSCC(g) {
		if len(comp) < 2 {
			continue
		}
		start := int(comp[0].ID())
		for _, nd := range comp[1:] {
			if i := int(nd.ID()); compareIDs(ps[i].ID, ps[start].ID) < 0 {
				start = i
			}
		}
		var names []string
		i := start
		for {
			if len(names) == maxCycleNames {
				names = append(names, fmt.Sprintf("… and %d more", len(comp)-maxCycleNames))
				break
			}
			names = append(names, fmt.Sprintf("%s %s", ps[i].ID, quoteCell(l.showName(&ps[i]))))
			i = int(mgr[i])
			if i == start {
				names = append(names, fmt.Sprintf("%s %s", ps[i].ID, quoteCell(l.showName(&ps[i]))))
				break
			}
		}
		fp.addAt(ps[start].Line, kPersonManager, "manager cycle: "+strings.Join(names, " → "),
			"each person's manager_id leads back to them: fix the manager_id of one of these people so that the chain ends at the top of the organisation")
	}
}

// compareIDs orders ids naturally: ids made only of digits compare as
// numbers (then by length, so "07" comes after "7"), and come before other
// ids, which compare as strings.
func compareIDs(a, b string) int {
	da, db := allDigits(a), allDigits(b)
	switch {
	case da && db:
		ta, tb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if len(ta) != len(tb) {
			return len(ta) - len(tb)
		}
		if c := strings.Compare(ta, tb); c != 0 {
			return c
		}
		return len(a) - len(b)
	case da:
		return -1
	case db:
		return 1
	}
	return strings.Compare(a, b)
}

// showName is the name of p as messages show it: through ShowName of the
// read options when given (a pseudonym under redaction), else as written.
func (l *loader) showName(p *model.Person) string {
	if l.showNameFn != nil {
		return l.showNameFn(p.ID, p.Name)
	}
	return p.Name
}
