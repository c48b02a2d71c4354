package matcher

import (
	"fmt"
	"slices"

	"github.com/stretchmatch/stretchmatch/matcher/assign"
	"github.com/stretchmatch/stretchmatch/model"
)

// PlanStatus tells whether a candidate move was chosen.
type PlanStatus string

// The statuses of a move in the plan.
const (
	Chosen    PlanStatus = "chosen"
	NotChosen PlanStatus = "not_chosen"
)

// WhyNot says why a move was not chosen.
type WhyNot string

// The reasons a candidate move is left out of the plan.
const (
	// Excluded: the move is overstretch and overstretch moves are excluded.
	Excluded WhyNot = "overstretch_excluded"
	// OtherMove: the person was given another of their candidate moves.
	OtherMove WhyNot = "other_move_chosen"
	// PositionFilled: every opening of the position went to other people.
	PositionFilled WhyNot = "position_filled"
	// NoValue: the move has no development value (challenge 0 or 100).
	NoValue WhyNot = "no_value"
	// Duplicate: another row of moves.csv proposes the same person for the
	// same position with at least the same value.
	Duplicate WhyNot = "duplicate"
)

// PlanEntry is the plan's verdict on one candidate move.
type PlanEntry struct {
	Score  *Score
	Value  float64 // development value v(C)
	Status PlanStatus
	Why    WhyNot // empty when chosen
	// By lists the moves that explain Why: the person's chosen move
	// (OtherMove), the moves that filled the position (PositionFilled), or
	// the duplicate kept (Duplicate).
	By []*PlanEntry
}

// OpenPosition is a position with openings left after the plan.
type OpenPosition struct {
	Position   *model.Position
	Filled     int
	Proposed   int // candidate moves for the position
	Candidates int // eligible candidate moves (not excluded)
}

// Plan is the set of moves with the most total development value.
type Plan struct {
	Entries []PlanEntry // one per move, in the order of the scores given
	Total   float64     // Σ v over chosen moves
	Open    []OpenPosition
	// AllowOverstretch records whether overstretch moves could be chosen.
	AllowOverstretch bool
}

// PlanOptions control planning.
type PlanOptions struct {
	AllowOverstretch bool
}

// MakePlan chooses at most one move per person and at most Openings people
// per position, maximising the total development value Σ v(C) exactly with
// the assignment solver (SPEC §5). positions lists every open position, so
// that those nobody was proposed for are reported open too.
func MakePlan(cfg *model.Config, scores []Score, positions []model.Position, opt PlanOptions) (*Plan, error) {
	pl := &Plan{Entries: make([]PlanEntry, len(scores)), AllowOverstretch: opt.AllowOverstretch}
	for i := range scores {
		pl.Entries[i] = PlanEntry{Score: &scores[i], Value: scores[i].Value(cfg), Status: NotChosen}
	}

	// Columns: the positions in their order, then one "no move" column
	// that every person may take at value 0.
	col := make(map[string]int, len(positions))
	for j := range positions {
		if _, dup := col[positions[j].ID]; !dup {
			col[positions[j].ID] = j
		}
	}
	// Rows: the people with at least one eligible move, by person id.
	type cell struct {
		col   int
		entry int
	}
	byPerson := make(map[string][]cell)
	var people []string
	for i := range pl.Entries {
		e := &pl.Entries[i]
		if e.Score.Band == Overstretch && !opt.AllowOverstretch {
			e.Why = Excluded
			continue
		}
		j, ok := col[e.Score.Position.ID]
		if !ok {
			return nil, fmt.Errorf("matcher: move %s: position %s is not open", e.Score.Move.ID, e.Score.Position.ID)
		}
		pid := e.Score.Person.ID
		cells := byPerson[pid]
		if len(cells) == 0 {
			people = append(people, pid)
		}
		if k := slices.IndexFunc(cells, func(c cell) bool { return c.col == j }); k >= 0 {
			// The same person proposed twice for one position: keep the
			// higher value, the earlier row on a tie.
			kept := &pl.Entries[cells[k].entry]
			if e.Value > kept.Value {
				kept.Why, kept.By = Duplicate, []*PlanEntry{e}
				cells[k].entry = i
			} else {
				e.Why, e.By = Duplicate, []*PlanEntry{kept}
			}
			continue
		}
		byPerson[pid] = append(cells, cell{j, i})
	}
	slices.Sort(people)

	none := len(positions)
	start := make([]int, 1, len(people)+1)
	var cols []int
	var vals []float64
	var entryOf []int
	for _, pid := range people {
		for _, c := range byPerson[pid] {
			cols = append(cols, c.col)
			vals = append(vals, pl.Entries[c.entry].Value)
			entryOf = append(entryOf, c.entry)
		}
		cols = append(cols, none)
		vals = append(vals, 0)
		entryOf = append(entryOf, -1)
		start = append(start, len(cols))
	}
	capacity := make([]int, len(positions)+1)
	for j := range positions {
		capacity[j] = max(positions[j].Openings, 1)
	}
	capacity[none] = len(people)

	prob := assign.NewSparse(len(people), len(positions)+1, start, cols, vals)
	prob.SetCapacity(capacity)
	sol, err := assign.Solve(prob, assign.Options{Maximize: true})
	if err != nil {
		return nil, fmt.Errorf("matcher: plan: %w", err)
	}

	filledBy := make([][]*PlanEntry, len(positions))
	chosenOf := make(map[string]*PlanEntry, len(people))
	for r, pid := range people {
		j := sol.RowCol[r]
		if j == none {
			continue
		}
		for k := start[r]; k < start[r+1]; k++ {
			if cols[k] == j {
				e := &pl.Entries[entryOf[k]]
				e.Status, e.Why = Chosen, ""
				pl.Total += e.Value
				filledBy[j] = append(filledBy[j], e)
				chosenOf[pid] = e
				break
			}
		}
	}

	// Explain every eligible move left out.
	candidates := make([]int, len(positions))
	for _, pid := range people {
		for _, c := range byPerson[pid] {
			candidates[c.col]++
			e := &pl.Entries[c.entry]
			switch {
			case e.Status == Chosen:
			case chosenOf[pid] != nil:
				e.Why, e.By = OtherMove, []*PlanEntry{chosenOf[pid]}
			case len(filledBy[c.col]) >= capacity[c.col]:
				e.Why, e.By = PositionFilled, filledBy[c.col]
			default:
				e.Why = NoValue
			}
		}
	}
	proposed := make([]int, len(positions))
	for i := range pl.Entries {
		if j, ok := col[pl.Entries[i].Score.Position.ID]; ok {
			proposed[j]++
		}
	}
	for j := range positions {
		if len(filledBy[j]) < capacity[j] {
			pl.Open = append(pl.Open, OpenPosition{Position: &positions[j], Filled: len(filledBy[j]),
				Proposed: proposed[j], Candidates: candidates[j]})
		}
	}
	return pl, nil
}

// Unplaced is a person with candidate moves who was given none.
type Unplaced struct {
	Person *model.Person
	Moves  []*PlanEntry
	// Why summarises: Excluded when every candidate was overstretch,
	// PositionFilled when every eligible candidate's position went to
	// others, NoValue otherwise.
	Why WhyNot
}

// Unplaced lists, by person id, the people with candidate moves left
// without one, and why.
func (pl *Plan) Unplaced() []Unplaced {
	byPerson := make(map[string]*Unplaced)
	var ids []string
	placed := make(map[string]bool)
	for i := range pl.Entries {
		e := &pl.Entries[i]
		id := e.Score.Person.ID
		if e.Status == Chosen {
			placed[id] = true
			continue
		}
		u, ok := byPerson[id]
		if !ok {
			u = &Unplaced{Person: e.Score.Person}
			byPerson[id] = u
			ids = append(ids, id)
		}
		u.Moves = append(u.Moves, e)
	}
	slices.Sort(ids)
	var out []Unplaced
	for _, id := range ids {
		if placed[id] {
			continue
		}
		u := byPerson[id]
		u.Why = Excluded
		for _, e := range u.Moves {
			switch e.Why {
			case Excluded, Duplicate:
			case PositionFilled:
				if u.Why == Excluded {
					u.Why = PositionFilled
				}
			case NotGiven:
				if u.Why != NoValue {
					u.Why = NotGiven
				}
			default:
				u.Why = NoValue
			}
		}
		out = append(out, *u)
	}
	return out
}

// ChosenFor returns the chosen move of each person, by person id.
func (pl *Plan) ChosenFor() map[string]*PlanEntry {
	out := make(map[string]*PlanEntry)
	for i := range pl.Entries {
		if e := &pl.Entries[i]; e.Status == Chosen {
			out[e.Score.Person.ID] = e
		}
	}
	return out
}

// ChosenCount returns the number of moves chosen.
func (pl *Plan) ChosenCount() int {
	n := 0
	for i := range pl.Entries {
		if pl.Entries[i].Status == Chosen {
			n++
		}
	}
	return n
}

// NotGiven is the reason of a move left out of a plan given by the user
// (GivenPlan) for none of the other reasons.
const NotGiven WhyNot = "not_in_given_plan"

// GivenPlan returns the plan whose chosen moves are the moves of ids (such
// as the chosen rows of a plan.csv a committee edited), for matching to
// follow. Each id must be a move of scores and each person may have one
// chosen move. The other moves are not chosen: because the person has
// another move, because the chosen moves fill the position, or else
// NotGiven. Positions with openings left are reported open.
func GivenPlan(cfg *model.Config, scores []Score, positions []model.Position, ids []string) (*Plan, error) {
	pl := &Plan{Entries: make([]PlanEntry, len(scores)), AllowOverstretch: true}
	byMove := make(map[string]*PlanEntry, len(scores))
	for i := range scores {
		pl.Entries[i] = PlanEntry{Score: &scores[i], Value: scores[i].Value(cfg), Status: NotChosen}
		if _, dup := byMove[scores[i].Move.ID]; !dup {
			byMove[scores[i].Move.ID] = &pl.Entries[i]
		}
	}
	person := make(map[string]*PlanEntry)
	filled := make(map[string][]*PlanEntry)
	for _, id := range ids {
		e, ok := byMove[id]
		if !ok {
			return nil, fmt.Errorf("matcher: the given plan chooses move %s, which is not a candidate move", id)
		}
		if other, dup := person[e.Score.Person.ID]; dup {
			return nil, fmt.Errorf("matcher: the given plan chooses moves %s and %s for %s", other.Score.Move.ID, id, e.Score.Person.ID)
		}
		e.Status = Chosen
		person[e.Score.Person.ID] = e
		filled[e.Score.Position.ID] = append(filled[e.Score.Position.ID], e)
		pl.Total += e.Value
	}
	proposed := make(map[string]int)
	for i := range pl.Entries {
		e := &pl.Entries[i]
		proposed[e.Score.Position.ID]++
		if e.Status == Chosen {
			continue
		}
		switch by := filled[e.Score.Position.ID]; {
		case person[e.Score.Person.ID] != nil:
			e.Why, e.By = OtherMove, []*PlanEntry{person[e.Score.Person.ID]}
		case len(by) > 0 && len(by) >= e.Score.Position.Openings:
			e.Why, e.By = PositionFilled, by
		default:
			e.Why = NotGiven
		}
	}
	for i := range positions {
		p := &positions[i]
		if n := len(filled[p.ID]); n < p.Openings {
			pl.Open = append(pl.Open, OpenPosition{Position: p, Filled: n, Proposed: proposed[p.ID], Candidates: proposed[p.ID]})
		}
	}
	return pl, nil
}
