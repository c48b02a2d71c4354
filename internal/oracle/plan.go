package oracle

import "math"

// PlanMove is a candidate move as the plan sees it.
type PlanMove struct {
	ID, Person, Position string
	Value                float64
	Band                 string
}

// eligible tells whether the plan may choose the move.
func (m PlanMove) eligible(allowOverstretch bool) bool {
	return allowOverstretch || m.Band != "overstretch"
}

// PlanOptimum returns the largest total development value of a plan (at
// most one move per person, at most openings[position] people per
// position), by the Hungarian method over one column per opening and one
// "no move" column per person.
func PlanOptimum(moves []PlanMove, openings map[string]int, allowOverstretch bool) float64 {
	var people []string
	row := map[string]int{}
	for _, m := range moves {
		if !m.eligible(allowOverstretch) {
			continue
		}
		if _, ok := row[m.Person]; !ok {
			row[m.Person] = len(people)
			people = append(people, m.Person)
		}
	}
	slot := map[string][]int{}
	ncols := 0
	for _, m := range moves {
		if _, ok := slot[m.Position]; ok || !m.eligible(allowOverstretch) {
			continue
		}
		k := max(openings[m.Position], 1)
		for range k {
			slot[m.Position] = append(slot[m.Position], ncols)
			ncols++
		}
	}
	n := len(people)
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, ncols+n)
		for j := range ncols {
			w[i][j] = Forbidden
		}
	}
	for _, m := range moves {
		if !m.eligible(allowOverstretch) {
			continue
		}
		for _, j := range slot[m.Position] {
			w[row[m.Person]][j] = math.Max(w[row[m.Person]][j], m.Value)
		}
	}
	total, _, _ := MaxAssign(w)
	return total
}

// PlanBrute is PlanOptimum by trying every choice of at most one move per
// person, for a handful of people.
func PlanBrute(moves []PlanMove, openings map[string]int, allowOverstretch bool) float64 {
	byPerson := map[string][]PlanMove{}
	var people []string
	for _, m := range moves {
		if !m.eligible(allowOverstretch) {
			continue
		}
		if _, ok := byPerson[m.Person]; !ok {
			people = append(people, m.Person)
		}
		byPerson[m.Person] = append(byPerson[m.Person], m)
	}
	filled := map[string]int{}
	best := 0.0
	var rec func(i int, sum float64)
	rec = func(i int, sum float64) {
		if i == len(people) {
			best = math.Max(best, sum)
			return
		}
		rec(i+1, sum) // no move
		for _, m := range byPerson[people[i]] {
			if filled[m.Position] < max(openings[m.Position], 1) {
				filled[m.Position]++
				rec(i+1, sum+m.Value)
				filled[m.Position]--
			}
		}
	}
	rec(0, 0)
	return best
}

// PlanReason is why the plan left a move out, with the moves that explain it.
type PlanReason struct {
	Code string // overstretch_excluded, other_move_chosen, position_filled, duplicate, no_value
	By   []string
	// Instead is the move the person takes when Code is position_filled
	// and the person was given another move; "" otherwise.
	Instead string
}

// valueTol is the difference under which two development values count as
// equal: the oracle and the program may round their last bits apart.
const valueTol = 1e-9

// PlanReasons explains each move left out of the plan whose chosen moves
// are chosen: excluded as overstretch; duplicate of a row proposing the
// same person for the same position with at least its value (the earlier
// row on a tie); the person's other move chosen, when that move has at
// least its value or this move's position still had room; every opening
// of the position taken (with the move the person takes instead, if any);
// otherwise no value. It also checks the plan is feasible: ok is false
// when a person has two chosen moves, a position more people than
// openings, or a chosen move is not eligible.
func PlanReasons(moves []PlanMove, openings map[string]int, allowOverstretch bool, chosen map[string]bool) (map[string]PlanReason, bool) {
	ok := true
	chosenOf := map[string]PlanMove{}
	filledBy := map[string][]string{}
	for _, m := range moves {
		if !chosen[m.ID] {
			continue
		}
		if _, dup := chosenOf[m.Person]; dup || !m.eligible(allowOverstretch) {
			ok = false
		}
		chosenOf[m.Person] = m
		filledBy[m.Position] = append(filledBy[m.Position], m.ID)
	}
	for pos, by := range filledBy {
		if len(by) > max(openings[pos], 1) {
			ok = false
		}
	}
	// The row kept for each person and position.
	kept := map[[2]string]PlanMove{}
	for _, m := range moves {
		if !m.eligible(allowOverstretch) {
			continue
		}
		k := [2]string{m.Person, m.Position}
		if o, seen := kept[k]; !seen || m.Value > o.Value {
			kept[k] = m
		}
	}
	out := map[string]PlanReason{}
	for _, m := range moves {
		if chosen[m.ID] {
			continue
		}
		k := kept[[2]string{m.Person, m.Position}]
		other, placed := chosenOf[m.Person]
		full := len(filledBy[m.Position]) >= max(openings[m.Position], 1)
		switch {
		case !m.eligible(allowOverstretch):
			out[m.ID] = PlanReason{Code: "overstretch_excluded"}
		case k.ID != m.ID:
			out[m.ID] = PlanReason{Code: "duplicate", By: []string{k.ID}}
		case placed && (other.Value >= m.Value-valueTol || !full):
			out[m.ID] = PlanReason{Code: "other_move_chosen", By: []string{other.ID}}
		case full:
			out[m.ID] = PlanReason{Code: "position_filled", By: filledBy[m.Position], Instead: other.ID}
		default:
			out[m.ID] = PlanReason{Code: "no_value"}
		}
	}
	return out, ok
}
