package data

import (
	"fmt"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// ReadPlanDecisions reads a plan.csv written by `stretchmatch plan` and
// edited by a committee, "the committee's plan": every move of the file is
// a decision, required when its status is "chosen", forbidden when it is
// "not_chosen" (also "choisi", "non_choisi"). Only move_id and status
// (also "statut") are read; person_id, when present, must name the move's
// person. Ids neutralised by stretchmatch's own CSV writer ('@M021) are
// read back. The file is read with the same rules as the input files.
//
// Problems, every one at once as [Problems] naming FILE:LINE:COLUMN: an
// empty or unknown status, an empty or unknown move id, a move listed twice
// (with the same status or with two), two chosen moves for one person, more
// chosen moves for a position than its openings, a header with no rows.
// Overstretch moves may be chosen (the plan flags them). The note returned
// says how many candidate moves of ds the file leaves out (the plan chooses
// among them freely); it is "" when the file lists them all.
func ReadPlanDecisions(src Source, opt ReadOptions, ds *model.Dataset) (model.Decisions, string, error) {
	const hint = "give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row"
	cr, head, c, err := openTable(src, opt, hint)
	if err != nil {
		return nil, "", err
	}
	colMove, colStatus, colPerson := -1, -1, -1
	for i, f := range head.fields {
		switch HeaderKey(f) {
		case "moveid", "move", "idmouvement", "mouvement":
			colMove = i
		case "status", "statut":
			colStatus = i
		case "personid", "person", "idpersonne", "personne", "collaborateur":
			colPerson = i
		}
	}
	if colMove < 0 {
		c.add(head.line, 1, `missing required column "move_id"`, hint)
	}
	if colStatus < 0 {
		c.add(head.line, 1, `missing required column "status"`, hint)
	}
	if len(c.list) > 0 {
		return nil, "", Problems(c.sorted())
	}
	pr := newPlanReader(c, ds)
	width := len(head.fields)
	rows := 0
	var out model.Decisions
	for {
		rec, ok := cr.next()
		if !ok {
			break
		}
		rows++
		if len(rec.fields) != width && !blankTail(rec.fields, width) {
			c.add(rec.line, min(len(rec.fields), width)+1, fmt.Sprintf("row has %d fields but the header has %d", len(rec.fields), width),
				fmt.Sprintf("check for a missing or extra %s, and put cells that contain one in quotes", delimWord(cr.t.delim)))
			continue
		}
		person := ""
		if colPerson >= 0 {
			person = Unneutralize(strings.TrimSpace(rec.fields[colPerson]))
		}
		if d, ok := pr.row(&rec, colMove, colStatus, colPerson, person); ok {
			d.Source, d.Line = src.Name, rec.line
			out = append(out, d)
		}
	}
	if rows == 0 && len(c.list) == 0 {
		c.add(head.line, 1, "the file has a header but no rows", hint)
	}
	if len(c.list) > 0 {
		return nil, "", Problems(c.sorted())
	}
	note := ""
	if left := len(pr.moves) - len(pr.seen); left > 0 {
		note = fmt.Sprintf("%s: %d of the %d candidate moves of moves.csv are not in the file: the plan chooses among them freely (add them with a status to decide them)",
			src.Name, left, len(pr.moves))
	}
	return out, note, nil
}

// planReader checks the rows of a plan file against each other.
type planReader struct {
	c        *collector
	moves    map[string]*model.Move
	openings map[string]int
	seen     map[string]seenDecision // move id → first row
	chosenOf map[string]int          // person → line of their chosen move
	chosenTo map[string][]int        // position → lines of the moves chosen to it
}

func newPlanReader(c *collector, ds *model.Dataset) *planReader {
	pr := &planReader{c: c, moves: make(map[string]*model.Move, len(ds.Moves)), openings: map[string]int{},
		seen: map[string]seenDecision{}, chosenOf: map[string]int{}, chosenTo: map[string][]int{}}
	for i := range ds.Moves {
		if _, dup := pr.moves[ds.Moves[i].ID]; !dup {
			pr.moves[ds.Moves[i].ID] = &ds.Moves[i]
		}
	}
	for i := range ds.Positions {
		if _, dup := pr.openings[ds.Positions[i].ID]; !dup {
			pr.openings[ds.Positions[i].ID] = max(ds.Positions[i].Openings, 1)
		}
	}
	return pr
}

// row checks one row and returns its decision.
func (pr *planReader) row(rec *record, colMove, colStatus, colPerson int, person string) (model.Decision, bool) {
	c := pr.c
	status := strings.ToLower(strings.TrimSpace(rec.fields[colStatus]))
	var verb model.DecisionVerb
	switch status {
	case "chosen", "choisi":
		verb = model.Require
	case "not_chosen", "non_choisi", "not chosen", "non choisi":
		verb = model.Forbid
	case "":
		c.add(rec.lineOf(colStatus), colStatus+1, "status is empty",
			"write chosen for a move the committee keeps, not_chosen for one it rejects, or remove the row to let the plan decide")
		return model.Decision{}, false
	default:
		c.add(rec.lineOf(colStatus), colStatus+1, fmt.Sprintf("status %s is neither chosen nor not_chosen", quoteCell(status)),
			"write chosen for a move the committee keeps, not_chosen otherwise")
		return model.Decision{}, false
	}
	id := Unneutralize(strings.TrimSpace(rec.fields[colMove]))
	at := func(msg, hint string) { c.add(rec.lineOf(colMove), colMove+1, msg, hint) }
	mv, known := pr.moves[id]
	first, dup := pr.seen[id]
	switch {
	case id == "":
		at("move id is empty", "write the id of the move, as in moves.csv")
		return model.Decision{}, false
	case dup && first.verb == verb:
		at(fmt.Sprintf("move %s is listed twice: first on line %d", quoteCell(id), first.line), "keep one row per move")
		return model.Decision{}, false
	case dup:
		at(fmt.Sprintf("move %s is %s on line %d and %s here", quoteCell(id), planWord(first.verb), first.line, planWord(verb)),
			"keep one row per move, with the committee's final status")
		return model.Decision{}, false
	case !known:
		at(fmt.Sprintf("move %s is not in moves.csv", quoteCell(id)), "use a plan made from the same moves.csv, or remove the row")
		return model.Decision{}, false
	}
	pr.seen[id] = seenDecision{rec.line, verb}
	if person != "" && person != mv.PersonID {
		c.add(rec.lineOf(colPerson), colPerson+1, fmt.Sprintf("move %s is for %s, not %s", quoteCell(id), mv.PersonID, quoteCell(person)),
			"use a plan made from the same moves.csv")
		return model.Decision{}, false
	}
	if verb == model.Require {
		if line, two := pr.chosenOf[mv.PersonID]; two {
			at(fmt.Sprintf("person %s already has a chosen move on line %d", mv.PersonID, line), "choose at most one move per person")
			return model.Decision{}, false
		}
		if lines := pr.chosenTo[mv.PositionID]; len(lines) >= pr.openings[mv.PositionID] {
			at(fmt.Sprintf("position %s has %d opening(s), already chosen on line %s", mv.PositionID, pr.openings[mv.PositionID], joinLines(lines)),
				"choose at most openings moves per position, or raise openings in positions.csv")
			return model.Decision{}, false
		}
		pr.chosenOf[mv.PersonID] = rec.line
		pr.chosenTo[mv.PositionID] = append(pr.chosenTo[mv.PositionID], rec.line)
	}
	return model.Decision{Kind: model.DecideMove, Verb: verb, MoveID: mv.ID, PersonID: mv.PersonID, PositionID: mv.PositionID,
		FromPlan: true, Cols: model.DecisionCols{Move: colMove + 1, Verb: colStatus + 1}}, true
}

func planWord(v model.DecisionVerb) string {
	if v == model.Require {
		return "chosen"
	}
	return "not_chosen"
}

// PlanEdited reports whether a plan.csv written by stretchmatch was edited
// by hand since: a row whose status says chosen while its reason says why
// the move was not chosen, or the reverse (stretchmatch writes the reason
// of each status, "chosen: …" or "retenu : …" for a chosen move). It
// returns the line of the first such row, 0 when there is none or when
// src is not such a plan file.
func PlanEdited(src Source) int {
	cr, head, _, err := openTable(src, ReadOptions{}, "")
	if err != nil {
		return 0
	}
	colStatus, colReason := -1, -1
	for i, f := range head.fields {
		switch HeaderKey(f) {
		case "status", "statut":
			colStatus = i
		case "reason", "raison":
			colReason = i
		}
	}
	if colStatus < 0 || colReason < 0 {
		return 0
	}
	for {
		rec, ok := cr.next()
		if !ok {
			return 0
		}
		if len(rec.fields) <= max(colStatus, colReason) {
			continue
		}
		reason := strings.TrimSpace(rec.fields[colReason])
		saysChosen := strings.HasPrefix(reason, "chosen:") || strings.HasPrefix(reason, "retenu :")
		switch strings.ToLower(strings.TrimSpace(rec.fields[colStatus])) {
		case "chosen", "choisi":
			if !saysChosen {
				return rec.line
			}
		default:
			if saysChosen {
				return rec.line
			}
		}
	}
}
