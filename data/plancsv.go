package data

import (
	"fmt"
	"strings"

	"github.com/stretchmatch/stretchmatch/model"
)

// ReadPlanChoice reads a plan.csv written by `stretchmatch plan` (and
// possibly edited by a committee) and returns the ids of the moves whose
// status is "chosen", in file order. Only two columns are read: move_id and
// status (also "statut"; "choisi" is accepted for chosen, "non_choisi" for
// not chosen); person_id, when present, must name the move's person. Each
// chosen move must be a move of ds, and a person may have one chosen move
// at most. The file is read with the same rules as the input files.
//
// Every problem is reported, as [Problems] naming FILE:LINE:COLUMN.
func ReadPlanChoice(src Source, opt ReadOptions, ds *model.Dataset) ([]string, error) {
	const hint = "give the plan.csv written by stretchmatch plan: a header with move_id and status, one move per row"
	cr, head, c, err := openTable(src, opt, hint)
	if err != nil {
		return nil, err
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
		return nil, Problems(c.sorted())
	}
	moves := make(map[string]*model.Move, len(ds.Moves))
	for i := range ds.Moves {
		if _, dup := moves[ds.Moves[i].ID]; !dup {
			moves[ds.Moves[i].ID] = &ds.Moves[i]
		}
	}
	width := len(head.fields)
	var chosen []string
	firstLine := map[string]int{} // person id → line of their first chosen move
	seen := map[string]int{}      // move id → line
	rows := 0
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
		status := strings.ToLower(strings.TrimSpace(rec.fields[colStatus]))
		switch status {
		case "chosen", "choisi":
		case "not_chosen", "non_choisi", "not chosen", "non choisi", "":
			continue
		default:
			c.add(rec.lineOf(colStatus), colStatus+1, fmt.Sprintf("status %s is neither chosen nor not_chosen", quoteCell(status)),
				"write chosen for a move the committee keeps, not_chosen otherwise")
			continue
		}
		id := strings.TrimSpace(rec.fields[colMove])
		mv, known := moves[id]
		switch first, dup := seen[id]; {
		case id == "":
			c.add(rec.lineOf(colMove), colMove+1, "move id is empty", "write the id of the move, as in moves.csv")
			continue
		case dup:
			c.add(rec.lineOf(colMove), colMove+1, fmt.Sprintf("move %s is chosen twice: first on line %d", quoteCell(id), first),
				"keep one row per move")
			continue
		case !known:
			c.add(rec.lineOf(colMove), colMove+1, fmt.Sprintf("move %s is not in moves.csv", quoteCell(id)),
				"use a plan made from the same moves.csv, or remove the row")
			continue
		}
		if colPerson >= 0 {
			if p := strings.TrimSpace(rec.fields[colPerson]); p != "" && p != mv.PersonID {
				c.add(rec.lineOf(colPerson), colPerson+1, fmt.Sprintf("move %s is for %s, not %s", quoteCell(id), mv.PersonID, quoteCell(p)),
					"use a plan made from the same moves.csv")
				continue
			}
		}
		if first, dup := firstLine[mv.PersonID]; dup {
			c.add(rec.lineOf(colMove), colMove+1, fmt.Sprintf("person %s already has a chosen move on line %d", mv.PersonID, first),
				"choose at most one move per person")
			continue
		}
		firstLine[mv.PersonID] = rec.line
		seen[id] = rec.line
		chosen = append(chosen, id)
	}
	if rows == 0 && len(c.list) == 0 {
		c.add(head.line, 1, "the file has a header but no rows", hint)
	}
	if len(c.list) > 0 {
		return nil, Problems(c.sorted())
	}
	return chosen, nil
}
