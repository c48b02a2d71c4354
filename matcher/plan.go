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

// Forbidden: the committee forbade the move (a decision, or a plan file
// where it is not chosen).
const Forbidden WhyNot = "forbidden"

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
	// Instead is the move the person takes when it is not this one and Why
	// is PositionFilled: the position went to others, so the person was
	// given another of their moves.
	Instead *PlanEntry
	// Decision is the committee's decision on the move, nil if none.
	Decision *model.Decision
}

// Exception reports whether the move is chosen although it is overstretch
// and overstretch moves are excluded: the committee required it.
func (e *PlanEntry) Exception(allowOverstretch bool) bool {
	return e.Status == Chosen && e.Score.Band == Overstretch && !allowOverstretch
}

// OpenPosition is a position with openings left after the plan.
type OpenPosition struct {
	Position   *model.Position
	Filled     int
	Proposed   int // candidate moves for the position
	Candidates int // eligible candidate moves (not excluded)
}

// PlanMode tells which plan a Plan is.
type PlanMode string

// The plans a cycle can show.
const (
	// PlanOptimum is the free optimum: no decision.
	PlanOptimum PlanMode = "optimum"
	// PlanDecided is the optimum under the committee's decisions.
	PlanDecided PlanMode = "decided"
	// PlanCommittee is the committee's own plan, a plan file it edited.
	PlanCommittee PlanMode = "committee"
)

// Plan is the set of moves with the most total development value, under
// the committee's decisions when there are any.
type Plan struct {
	Entries []PlanEntry // one per move, in the order of the scores given
	Total   float64     // Σ v over chosen moves
	Open    []OpenPosition
	// AllowOverstretch records whether overstretch moves could be chosen.
	AllowOverstretch bool
	// Mode says which plan this is; Optimum is the total of the free
	// optimum, equal to Total for PlanOptimum and set by [PriceDecisions]
	// otherwise.
	Mode    PlanMode
	Optimum float64
}

// PlanOptions control planning.
type PlanOptions struct {
	AllowOverstretch bool
	// Decisions are the committee's move decisions: a required move is in
	// the plan (even overstretch, an exception), a forbidden one never. At
	// most one required move per person and Openings per position (the
	// reader of decisions checks it).
	Decisions []*model.Decision
	// Committee marks the decisions as the committee's own plan (a plan
	// file), for the Mode of the result.
	Committee bool
}

// planRows is the assignment problem of a plan: one row per person with
// eligible moves (by person id), the positions as columns and a last
// "no move" column.
type planRows struct {
	col      map[string]int // position id → column
	people   []string
	cells    map[string][]planCell
	required map[string]bool // person → has a required move
	capacity []int
}

type planCell struct {
	col   int
	entry int
}

// MakePlan chooses at most one move per person and at most Openings people
// per position, maximising the total development value Σ v(C) exactly with
// the assignment solver (SPEC §5), under the committee's decisions in
// opt. positions lists every open position, so that those nobody was
// proposed for are reported open too. A move to a position not in
// positions is an error.
func MakePlan(cfg *model.Config, scores []Score, positions []model.Position, opt PlanOptions) (*Plan, error) {
	pl := &Plan{Entries: make([]PlanEntry, len(scores)), AllowOverstretch: opt.AllowOverstretch, Mode: PlanOptimum}
	switch {
	case opt.Committee:
		pl.Mode = PlanCommittee
	case len(opt.Decisions) > 0:
		pl.Mode = PlanDecided
	}
	decided := make(map[string]*model.Decision, len(opt.Decisions))
	for _, d := range opt.Decisions {
		decided[d.MoveID] = d
	}
	for i := range scores {
		pl.Entries[i] = PlanEntry{Score: &scores[i], Value: scores[i].Value(cfg), Status: NotChosen, Decision: decided[scores[i].Move.ID]}
	}
	pr, err := pl.rows(positions)
	if err != nil {
		return nil, err
	}
	none := len(positions)
	start := make([]int, 1, len(pr.people)+1)
	var cols []int
	var vals []float64
	var entryOf []int
	for _, pid := range pr.people {
		for _, c := range pr.cells[pid] {
			cols = append(cols, c.col)
			vals = append(vals, pl.Entries[c.entry].Value)
			entryOf = append(entryOf, c.entry)
		}
		if !pr.required[pid] {
			cols = append(cols, none)
			vals = append(vals, 0)
			entryOf = append(entryOf, -1)
		}
		start = append(start, len(cols))
	}
	prob := assign.NewSparse(len(pr.people), len(positions)+1, start, cols, vals)
	prob.SetCapacity(pr.capacity)
	sol, err := assign.Solve(prob, assign.Options{Maximize: true})
	if err != nil {
		return nil, fmt.Errorf("matcher: plan: %w", err)
	}
	filledBy := make([][]*PlanEntry, len(positions))
	for r := range pr.people {
		if j := sol.RowCol[r]; j != none {
			for k := start[r]; k < start[r+1]; k++ {
				if cols[k] == j {
					e := &pl.Entries[entryOf[k]]
					e.Status, e.Why = Chosen, ""
					pl.Total += e.Value
					filledBy[j] = append(filledBy[j], e)
					break
				}
			}
		}
	}
	if pl.Mode == PlanOptimum {
		pl.Optimum = pl.Total
	}
	pl.explain(pr, filledBy, positions)
	return pl, nil
}

// rows sorts the moves into the rows of the plan's problem: forbidden and
// excluded moves are explained and left out, a person proposed twice for
// one position keeps one cell (the required move, else the higher value,
// else the earlier row), and a person with a required move has that cell
// only.
func (pl *Plan) rows(positions []model.Position) (*planRows, error) {
	col := make(map[string]int, len(positions))
	for j := range positions {
		if _, dup := col[positions[j].ID]; !dup {
			col[positions[j].ID] = j
		}
	}
	pr := &planRows{col: col, cells: make(map[string][]planCell), required: make(map[string]bool)}
	for i := range pl.Entries {
		e := &pl.Entries[i]
		req := e.Decision != nil && e.Decision.Required()
		switch {
		case e.Decision != nil && !req:
			e.Why = Forbidden
			continue
		case e.Score.Band == Overstretch && !pl.AllowOverstretch && !req:
			e.Why = Excluded
			continue
		}
		j, ok := col[e.Score.Position.ID]
		if !ok {
			return nil, fmt.Errorf("matcher: move %s: position %s is not open", e.Score.Move.ID, e.Score.Position.ID)
		}
		pid := e.Score.Person.ID
		cells := pr.cells[pid]
		if len(cells) == 0 {
			pr.people = append(pr.people, pid)
		}
		if req {
			pr.required[pid] = true
		}
		if k := slices.IndexFunc(cells, func(c planCell) bool { return c.col == j }); k >= 0 {
			kept := &pl.Entries[cells[k].entry]
			if req || (e.Value > kept.Value && !(kept.Decision != nil && kept.Decision.Required())) {
				kept.Why, kept.By = Duplicate, []*PlanEntry{e}
				cells[k].entry = i
			} else {
				e.Why, e.By = Duplicate, []*PlanEntry{kept}
			}
			continue
		}
		pr.cells[pid] = append(cells, planCell{j, i})
	}
	slices.Sort(pr.people)
	for _, pid := range pr.people {
		// A person's required move is their only cell.
		if !pr.required[pid] {
			continue
		}
		cells := pr.cells[pid]
		k := slices.IndexFunc(cells, func(c planCell) bool {
			d := pl.Entries[c.entry].Decision
			return d != nil && d.Required()
		})
		pr.cells[pid] = []planCell{cells[k]}
	}
	pr.capacity = make([]int, len(positions)+1)
	for j := range positions {
		pr.capacity[j] = max(positions[j].Openings, 1)
	}
	pr.capacity[len(positions)] = len(pr.people)
	return pr, nil
}

// explain says why every move left out was not chosen, and lists the
// positions left open. Each reason is a fact of the plan: the person's
// chosen move has at least this move's value (or the committee required
// it, or this move's position had room), or the position is full (naming
// who has it), or else the move has no value to add.
func (pl *Plan) explain(pr *planRows, filledBy [][]*PlanEntry, positions []model.Position) {
	chosenOf := pl.ChosenFor()
	candidates := make([]int, len(positions))
	proposed := make([]int, len(positions))
	for i := range pl.Entries {
		e := &pl.Entries[i]
		j, open := pr.col[e.Score.Position.ID]
		if !open {
			continue
		}
		proposed[j]++
		other := chosenOf[e.Score.Person.ID]
		full := len(filledBy[j]) >= pr.capacity[j]
		if e.Why == Forbidden && e.Decision.FromPlan {
			pl.planFact(e, other, full, filledBy[j])
			continue
		}
		switch e.Why {
		case Excluded, Forbidden, Duplicate:
			continue
		}
		candidates[j]++
		if e.Status == Chosen {
			continue
		}
		switch {
		case other != nil && (other.Value >= e.Value || other.Decision != nil || !full):
			e.Why, e.By = OtherMove, []*PlanEntry{other}
		case full:
			e.Why, e.By, e.Instead = PositionFilled, filledBy[j], other
		default:
			e.Why = NoValue
		}
	}
	for j := range positions {
		if len(filledBy[j]) < pr.capacity[j] {
			pl.Open = append(pl.Open, OpenPosition{Position: &positions[j], Filled: len(filledBy[j]),
				Proposed: proposed[j], Candidates: candidates[j]})
		}
	}
}

// planFact explains a move that a plan file leaves out by a fact that
// holds whatever the file chose, when there is one: the move is
// overstretch (and excluded), the person's chosen move has at least its
// value or was chosen by the file too, or the position is full of moves of
// higher value or chosen by the file. Otherwise Why stays Forbidden: the
// committee's plan did not choose it.
func (pl *Plan) planFact(e, other *PlanEntry, full bool, filled []*PlanEntry) {
	byFile := func(x *PlanEntry) bool { return x.Decision != nil && x.Decision.Required() }
	higher := full && !slices.ContainsFunc(filled, func(x *PlanEntry) bool { return x.Value <= e.Value })
	switch {
	case e.Score.Band == Overstretch && !pl.AllowOverstretch:
		e.Why = Excluded
	case other != nil && other.Value >= e.Value:
		e.Why, e.By = OtherMove, []*PlanEntry{other}
	case higher:
		e.Why, e.By, e.Instead = PositionFilled, filled, other
	case other != nil && byFile(other):
		e.Why, e.By = OtherMove, []*PlanEntry{other}
	case full && !slices.ContainsFunc(filled, func(x *PlanEntry) bool { return !byFile(x) }):
		e.Why, e.By = PositionFilled, filled
	}
}

// Unplaced is a person with candidate moves who was given none.
type Unplaced struct {
	Person *model.Person
	Moves  []*PlanEntry
	// Why summarises: Excluded when every candidate was overstretch,
	// Forbidden when every candidate was forbidden by the committee or
	// overstretch, PositionFilled when the position of every other
	// candidate went to others, NoValue otherwise.
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
		var filled, forbidden, noValue bool
		for _, e := range u.Moves {
			switch e.Why {
			case Excluded, Duplicate:
			case PositionFilled:
				filled = true
			case Forbidden:
				forbidden = true
			default:
				noValue = true
			}
		}
		switch {
		case noValue:
			u.Why = NoValue
		case filled:
			u.Why = PositionFilled
		case forbidden:
			u.Why = Forbidden
		default:
			u.Why = Excluded
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
