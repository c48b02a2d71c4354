package model

// DecisionKind tells what a committee decision is about.
type DecisionKind string

// The kinds of decision.
const (
	DecideMove DecisionKind = "move" // a candidate move of moves.csv
	DecidePair DecisionKind = "pair" // a mentee with a mentor
)

// DecisionVerb tells whether a decision requires or forbids.
type DecisionVerb string

// What a decision does.
const (
	Require DecisionVerb = "require"
	Forbid  DecisionVerb = "forbid"
)

// Decision is one decision of the committee: a move or a pair that must be
// in the plan or the matching (Require) or must never be (Forbid). It comes
// from a row of decisions.csv, or from a row of a plan file the committee
// edited (a chosen move is required, a move not chosen forbidden).
type Decision struct {
	Kind DecisionKind
	Verb DecisionVerb
	// MoveID is the move of a move decision: the reader resolves it from
	// person_id and position_id when the row gives those instead.
	MoveID     string
	PersonID   string // the move's person (move decisions)
	PositionID string // the move's position (move decisions)
	MenteeID   string // pair decisions
	MentorID   string // pair decisions
	Note       string // the committee's words, carried into every output showing the decision
	DecidedBy  string
	Date       string // YYYY-MM-DD, or empty
	// FromPlan marks a decision read from a plan file the committee
	// edited rather than from decisions.csv.
	FromPlan bool

	// Source is the file the decision was read from, as shown in messages;
	// Line its physical line there, and Cols the column of each field.
	Source string
	Line   int
	Cols   DecisionCols
}

// DecisionCols holds the 1-based column of each field of a decision in its
// file, 0 when the file has no such column.
type DecisionCols struct {
	Kind, Verb, Move, Person, Position, Mentee, Mentor int
}

// Required reports whether the decision requires its move or pair.
func (d *Decision) Required() bool { return d.Verb == Require }

// Decisions is the set of a committee's decisions, in the order they were
// read.
type Decisions []Decision

// Moves returns the move decisions, in order.
func (ds Decisions) Moves() []*Decision { return ds.of(DecideMove) }

// Pairs returns the pair decisions, in order.
func (ds Decisions) Pairs() []*Decision { return ds.of(DecidePair) }

func (ds Decisions) of(k DecisionKind) []*Decision {
	var out []*Decision
	for i := range ds {
		if ds[i].Kind == k {
			out = append(out, &ds[i])
		}
	}
	return out
}
