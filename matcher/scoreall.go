package matcher

import (
	"fmt"

	"github.com/stretchmatch/stretchmatch/model"
)

// Index gives access to the people and positions of a dataset by id.
type Index struct {
	People    map[string]*model.Person
	Positions map[string]*model.Position
}

// NewIndex indexes the people and positions of ds. With duplicate ids (which
// validation reports) the first row wins.
func NewIndex(ds *model.Dataset) *Index {
	ix := &Index{
		People:    make(map[string]*model.Person, len(ds.People)),
		Positions: make(map[string]*model.Position, len(ds.Positions)),
	}
	for i := range ds.People {
		if _, dup := ix.People[ds.People[i].ID]; !dup {
			ix.People[ds.People[i].ID] = &ds.People[i]
		}
	}
	for i := range ds.Positions {
		if _, dup := ix.Positions[ds.Positions[i].ID]; !dup {
			ix.Positions[ds.Positions[i].ID] = &ds.Positions[i]
		}
	}
	return ix
}

// ScoreAll scores every move of ds, in the order of moves.csv. A move that
// names an unknown person or position is an error: validation catches it
// first on data read from files.
func ScoreAll(cfg *model.Config, ds *model.Dataset, ix *Index) ([]Score, error) {
	scores := make([]Score, len(ds.Moves))
	w := cfg.WeightVector()
	for i := range ds.Moves {
		mv := &ds.Moves[i]
		p, ok := ix.People[mv.PersonID]
		if !ok {
			return nil, fmt.Errorf("matcher: move %s: unknown person %s", mv.ID, mv.PersonID)
		}
		pos, ok := ix.Positions[mv.PositionID]
		if !ok {
			return nil, fmt.Errorf("matcher: move %s: unknown position %s", mv.ID, mv.PositionID)
		}
		scores[i] = scoreMove(cfg, &w, p, pos, mv)
	}
	return scores, nil
}
