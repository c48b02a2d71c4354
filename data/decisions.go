package data

import (
	"fmt"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// FileDecisions is the standard name of the committee's decisions, an
// optional input of DIR.
const FileDecisions = "decisions.csv"

// The columns of decisions.csv, in the order of its table in [Columns].
const (
	dcKind = iota
	dcDecision
	dcMove
	dcPerson
	dcPosition
	dcMentee
	dcMentor
	dcNote
	dcDecidedBy
	dcDate
	dcCount
)

// kindWords and verbWords are the accepted words of the kind and decision
// cells, by HeaderKey (so case and accents do not matter).
var (
	kindWords = map[string]model.DecisionKind{
		"move": model.DecideMove, "mouvement": model.DecideMove,
		"pair": model.DecidePair, "binome": model.DecidePair,
	}
	verbWords = map[string]model.DecisionVerb{
		"require": model.Require, "required": model.Require, "imposer": model.Require, "impose": model.Require,
		"forbid": model.Forbid, "forbidden": model.Forbid, "interdire": model.Forbid, "interdit": model.Forbid,
	}
)

// ReadDecisions reads the committee's decisions.csv (SPEC §3) against the
// dataset it applies to, with the rules of every input file: encodings,
// delimiter detection, header aliases in English and French.
//
// It checks each row alone (kind and decision words, the columns its kind
// needs and no others, ids known: a move of moves.csv, a mentee of
// mentees.csv, a mentor of mentors.csv) and the rows together (a row
// repeated, a move or pair both required and forbidden, two required moves
// for one person or more than a position's openings, two required pairs for
// one mentee, more required pairs than a mentor's capacity). The rules of
// matching that a required pair must respect are checked by the matcher.
//
// Every problem is reported at once, as [Problems] naming FILE:LINE:COLUMN.
// A header with no rows is no decision at all.
func ReadDecisions(src Source, opt ReadOptions, ds *model.Dataset) (model.Decisions, error) {
	const hint = "give a decisions.csv with a header of kind, decision and the ids, one decision per row"
	cr, head, c, err := openTable(src, opt, hint)
	if err != nil {
		return nil, err
	}
	var notes Notes
	h := readHeader(head, tableOf(FileDecisions), headerIndexes[FileDecisions], c, &notes)
	if len(c.list) > 0 {
		return nil, Problems(c.sorted())
	}
	dr := newDecisionReader(src.Name, h, c, ds)
	for {
		rec, ok := cr.next()
		if !ok {
			break
		}
		if len(rec.fields) != h.width && !blankTail(rec.fields, h.width) {
			c.add(rec.line, raggedColumn(len(rec.fields), h.width), fmt.Sprintf("row has %d fields but the header has %d", len(rec.fields), h.width),
				fmt.Sprintf("check for a missing or extra %s, and put cells that contain one in quotes", delimWord(cr.t.delim)))
			continue
		}
		dr.row(&rec)
	}
	if len(c.list) > 0 {
		return nil, Problems(c.sorted())
	}
	return dr.out, nil
}

// decisionReader checks the rows of decisions.csv one by one and against
// each other.
type decisionReader struct {
	file string
	h    *header
	c    *collector
	ds   *model.Dataset
	out  model.Decisions

	moves      map[string]*model.Move
	movesOf    map[[2]string]*model.Move // person, position → first move
	openings   map[string]int
	mentees    map[string]bool
	mentorCap  map[string]int  // capacity of the available mentors
	mentorSeen map[string]bool // every mentor of mentors.csv
	people     map[string]bool

	seen         map[string]seenDecision // kind|id → first row deciding it
	requiredMove map[string]int          // person → line of their required move
	requiredTo   map[string][]int        // position → lines of the moves required to it
	pairOf       map[string]int          // mentee → line of their required pair
	pairsTo      map[string][]int        // mentor → lines of the pairs required with them
}

type seenDecision struct {
	line int
	verb model.DecisionVerb
}

func newDecisionReader(file string, h *header, c *collector, ds *model.Dataset) *decisionReader {
	dr := &decisionReader{file: file, h: h, c: c, ds: ds,
		moves: map[string]*model.Move{}, movesOf: map[[2]string]*model.Move{}, openings: map[string]int{},
		mentees: map[string]bool{}, mentorCap: map[string]int{}, mentorSeen: map[string]bool{}, people: map[string]bool{},
		seen: map[string]seenDecision{}, requiredMove: map[string]int{}, requiredTo: map[string][]int{},
		pairOf: map[string]int{}, pairsTo: map[string][]int{}}
	for i := range ds.Moves {
		m := &ds.Moves[i]
		if _, dup := dr.moves[m.ID]; !dup {
			dr.moves[m.ID] = m
		}
		if k := [2]string{m.PersonID, m.PositionID}; dr.movesOf[k] == nil {
			dr.movesOf[k] = m
		}
	}
	for i := range ds.Positions {
		if _, dup := dr.openings[ds.Positions[i].ID]; !dup {
			dr.openings[ds.Positions[i].ID] = max(ds.Positions[i].Openings, 1)
		}
	}
	for i := range ds.Mentees {
		dr.mentees[ds.Mentees[i].PersonID] = true
	}
	for i := range ds.Mentors {
		m := &ds.Mentors[i]
		if !dr.mentorSeen[m.PersonID] {
			dr.mentorSeen[m.PersonID] = true
			if m.Available {
				dr.mentorCap[m.PersonID] = m.Capacity
			}
		}
	}
	for i := range ds.People {
		dr.people[ds.People[i].ID] = true
	}
	return dr
}

// cell returns the trimmed cell of column k, with a neutralising quote
// written by stretchmatch's own CSV files removed, and its position.
func (dr *decisionReader) cell(rec *record, k int) (string, int, int) {
	f := dr.h.phys[k]
	if f < 0 {
		return "", rec.line, 0
	}
	return Unneutralize(strings.TrimSpace(rec.fields[f])), rec.lineOf(f), f + 1
}

// col returns the 1-based column of k in the file, 0 when absent.
func (dr *decisionReader) col(k int) int { return dr.h.phys[k] + 1 }

// at reports a problem at the cell of column k of rec (the row's first
// column when the file has no such column).
func (dr *decisionReader) at(rec *record, k int, msg, hint string) {
	_, line, col := dr.cell(rec, k)
	dr.c.add(line, col, msg, hint)
}

func (dr *decisionReader) row(rec *record) {
	var v [dcCount]string
	for k := range v {
		v[k], _, _ = dr.cell(rec, k)
	}
	before := len(dr.c.list)
	kind, kindOK := kindWords[HeaderKey(v[dcKind])]
	switch {
	case v[dcKind] == "":
		dr.at(rec, dcKind, "kind is empty", "write move or pair (mouvement, binôme)")
	case !kindOK:
		dr.at(rec, dcKind, fmt.Sprintf("kind %s is neither move nor pair", quoteCell(v[dcKind])), "write move or pair (mouvement, binôme)")
	}
	verb, verbOK := verbWords[HeaderKey(v[dcDecision])]
	switch {
	case v[dcDecision] == "":
		dr.at(rec, dcDecision, "decision is empty", "write require or forbid (imposer, interdire)")
	case !verbOK:
		dr.at(rec, dcDecision, fmt.Sprintf("decision %s is neither require nor forbid", quoteCell(v[dcDecision])), "write require or forbid (imposer, interdire)")
	}
	var date dateCell
	_ = date.UnmarshalCSV(v[dcDate])
	if msg, hint := date.problem(0); msg != "" {
		dr.at(rec, dcDate, "date "+msg, hint)
	}
	if !kindOK {
		return
	}
	d := model.Decision{Kind: kind, Verb: verb, Note: v[dcNote], DecidedBy: v[dcDecidedBy], Date: date.v,
		Source: dr.file, Line: rec.line,
		Cols: model.DecisionCols{Kind: dr.col(dcKind), Verb: dr.col(dcDecision), Move: dr.col(dcMove),
			Person: dr.col(dcPerson), Position: dr.col(dcPosition), Mentee: dr.col(dcMentee), Mentor: dr.col(dcMentor)}}
	var key string
	if kind == model.DecideMove {
		key = dr.moveRow(rec, &v, &d)
	} else {
		key = dr.pairRow(rec, &v, &d)
	}
	if len(dr.c.list) > before || !verbOK {
		return
	}
	if dr.together(rec, key, &d) {
		dr.out = append(dr.out, d)
	}
}

// moveRow checks the columns of a move decision and resolves its move. It
// returns the key of the move, "" after a problem.
func (dr *decisionReader) moveRow(rec *record, v *[dcCount]string, d *model.Decision) string {
	const mismatch = "a move decision names move_id, or person_id and position_id: leave mentee_id and mentor_id empty, or write kind pair"
	for _, k := range []int{dcMentee, dcMentor} {
		if v[k] != "" {
			dr.at(rec, k, fmt.Sprintf("%s is given for a move decision", tableOf(FileDecisions)[k].Name), mismatch)
			return ""
		}
	}
	id, person, position := v[dcMove], v[dcPerson], v[dcPosition]
	var mv *model.Move
	switch {
	case id != "":
		if mv = dr.moves[id]; mv == nil {
			dr.at(rec, dcMove, fmt.Sprintf("move %s is not in moves.csv", quoteCell(id)), "use the id of a candidate move of moves.csv, as in plan.csv")
			return ""
		}
		if person != "" && person != mv.PersonID {
			dr.at(rec, dcPerson, fmt.Sprintf("move %s is for %s, not %s", quoteCell(id), mv.PersonID, quoteCell(person)), "correct person_id, or leave it empty")
			return ""
		}
		if position != "" && position != mv.PositionID {
			dr.at(rec, dcPosition, fmt.Sprintf("move %s is to %s, not %s", quoteCell(id), mv.PositionID, quoteCell(position)), "correct position_id, or leave it empty")
			return ""
		}
	case person == "" && position == "":
		dr.at(rec, dcMove, "a move decision names no move", "write the move_id, or the person_id and the position_id")
		return ""
	case person == "" || position == "":
		k, name := dcPerson, "person_id"
		if position == "" {
			k, name = dcPosition, "position_id"
		}
		dr.at(rec, k, name+" is empty", "give both person_id and position_id, or the move_id")
		return ""
	default:
		if mv = dr.movesOf[[2]string{person, position}]; mv == nil {
			msg := fmt.Sprintf("no candidate move of %s to %s in moves.csv", quoteCell(person), quoteCell(position))
			if !dr.people[person] {
				msg = fmt.Sprintf("person %s is not in people.csv", quoteCell(person))
			}
			dr.at(rec, dcPerson, msg, "decide on a move proposed in moves.csv")
			return ""
		}
	}
	d.MoveID, d.PersonID, d.PositionID = mv.ID, mv.PersonID, mv.PositionID
	return "move|" + mv.ID
}

// pairRow checks the columns of a pair decision. It returns the key of the
// pair, "" after a problem.
func (dr *decisionReader) pairRow(rec *record, v *[dcCount]string, d *model.Decision) string {
	const mismatch = "a pair decision names mentee_id and mentor_id: leave move_id, person_id and position_id empty, or write kind move"
	for _, k := range []int{dcMove, dcPerson, dcPosition} {
		if v[k] != "" {
			dr.at(rec, k, fmt.Sprintf("%s is given for a pair decision", tableOf(FileDecisions)[k].Name), mismatch)
			return ""
		}
	}
	mentee, mentor := v[dcMentee], v[dcMentor]
	ok := true
	switch {
	case mentee == "":
		dr.at(rec, dcMentee, "mentee_id is empty", "write the person_id of a mentee of mentees.csv")
		ok = false
	case !dr.mentees[mentee]:
		dr.at(rec, dcMentee, fmt.Sprintf("%s is not a mentee in mentees.csv", quoteCell(mentee)), "decide on a mentee of mentees.csv, or add them there")
		ok = false
	}
	switch {
	case mentor == "":
		dr.at(rec, dcMentor, "mentor_id is empty", "write the person_id of a mentor of mentors.csv")
		ok = false
	case !dr.mentorSeen[mentor]:
		dr.at(rec, dcMentor, fmt.Sprintf("%s is not a mentor in mentors.csv", quoteCell(mentor)), "decide on a mentor of mentors.csv, or add them there")
		ok = false
	}
	if !ok {
		return ""
	}
	d.MenteeID, d.MentorID = mentee, mentor
	return "pair|" + mentee + "|" + mentor
}

// together checks a well-formed decision against the rows before it and
// records it. It reports whether the decision is kept.
func (dr *decisionReader) together(rec *record, key string, d *model.Decision) bool {
	verbCol := dcDecision
	if first, dup := dr.seen[key]; dup {
		what := "move " + d.MoveID
		if d.Kind == model.DecidePair {
			what = "pair " + d.MenteeID + "–" + d.MentorID
		}
		if first.verb == d.Verb {
			dr.at(rec, verbCol, fmt.Sprintf("%s is decided twice: line %d already %ss it", what, first.line, d.Verb), "keep one row per decision")
		} else {
			dr.at(rec, verbCol, fmt.Sprintf("%s is both %s (line %d) and %s (this line)", what, pastVerb(first.verb), first.line, pastVerb(d.Verb)),
				"keep the row of the committee's final decision")
		}
		return false
	}
	dr.seen[key] = seenDecision{rec.line, d.Verb}
	if !d.Required() {
		return true
	}
	if d.Kind == model.DecideMove {
		if first, dup := dr.requiredMove[d.PersonID]; dup {
			dr.at(rec, dcMove, fmt.Sprintf("person %s already has a required move on line %d", d.PersonID, first),
				"require at most one move per person")
			return false
		}
		if lines := dr.requiredTo[d.PositionID]; len(lines) >= dr.openings[d.PositionID] {
			dr.at(rec, dcMove, fmt.Sprintf("position %s has %d opening(s), already required on line %s", d.PositionID, dr.openings[d.PositionID], joinLines(lines)),
				"require at most openings moves per position, or raise openings in positions.csv")
			return false
		}
		dr.requiredMove[d.PersonID] = rec.line
		dr.requiredTo[d.PositionID] = append(dr.requiredTo[d.PositionID], rec.line)
		return true
	}
	if first, dup := dr.pairOf[d.MenteeID]; dup {
		dr.at(rec, dcMentee, fmt.Sprintf("mentee %s already has a required pair on line %d", d.MenteeID, first),
			"require at most one pair per mentee")
		return false
	}
	if capacity, avail := dr.mentorCap[d.MentorID]; avail {
		if lines := dr.pairsTo[d.MentorID]; len(lines) >= capacity {
			dr.at(rec, dcMentor, fmt.Sprintf("mentor %s has capacity %d, already required on line %s", d.MentorID, capacity, joinLines(lines)),
				"require at most capacity pairs per mentor, or raise capacity in mentors.csv")
			return false
		}
	}
	dr.pairOf[d.MenteeID] = rec.line
	dr.pairsTo[d.MentorID] = append(dr.pairsTo[d.MentorID], rec.line)
	return true
}

func pastVerb(v model.DecisionVerb) string {
	if v == model.Require {
		return "required"
	}
	return "forbidden"
}

func joinLines(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = fmt.Sprint(l)
	}
	return strings.Join(s, ", ")
}

// Unneutralize undoes [Neutralize]: a cell that begins with a single quote
// followed by '=', '+', '-', '@', a tab or a carriage return loses the
// quote. stretchmatch reads back its own output this way.
func Unneutralize(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r':
			return s[1:]
		}
	}
	return s
}

// MergePlanDecisions joins the decisions of a plan file (plan, from
// [ReadPlanDecisions]) to those of decisions.csv (base) and returns the
// plan's decisions that are not already in base. A plan row that
// contradicts a row of decisions.csv, a second required move for one
// person, or more required moves for a position than its openings, across
// the two files, are [Problems] at the plan file's row.
func MergePlanDecisions(base, plan model.Decisions, ds *model.Dataset) (model.Decisions, error) {
	byMove := map[string]*model.Decision{}
	person := map[string]*model.Decision{}
	to := map[string]int{}
	for i := range base {
		d := &base[i]
		if d.Kind != model.DecideMove {
			continue
		}
		byMove[d.MoveID] = d
		if d.Required() {
			person[d.PersonID] = d
			to[d.PositionID]++
		}
	}
	openings := map[string]int{}
	for i := range ds.Positions {
		if _, dup := openings[ds.Positions[i].ID]; !dup {
			openings[ds.Positions[i].ID] = max(ds.Positions[i].Openings, 1)
		}
	}
	var ps Problems
	var out model.Decisions
	for _, d := range plan {
		at := func(msg, hint string) {
			ps = append(ps, Problem{File: d.Source, Line: d.Line, Col: max(d.Cols.Move, 1), Msg: msg, Hint: hint})
		}
		if b := byMove[d.MoveID]; b != nil {
			if b.Verb != d.Verb {
				at(fmt.Sprintf("move %s is %s here, but %s:%d %ss it", d.MoveID, planWord(d.Verb), b.Source, b.Line, b.Verb),
					"make the plan and decisions.csv agree")
			}
			continue
		}
		if d.Required() {
			if b := person[d.PersonID]; b != nil {
				at(fmt.Sprintf("person %s already has the move %s required by %s:%d", d.PersonID, b.MoveID, b.Source, b.Line),
					"choose at most one move per person")
				continue
			}
			if to[d.PositionID] >= openings[d.PositionID] {
				at(fmt.Sprintf("position %s has %d opening(s), all required by decisions.csv", d.PositionID, openings[d.PositionID]),
					"choose at most openings moves per position")
				continue
			}
		}
		out = append(out, d)
	}
	if len(ps) > 0 {
		return nil, ps
	}
	return out, nil
}
