package model

import (
	"fmt"
	"math"
)

// CodevMode tells how a volunteer of a codevelopment group takes part in
// its sessions.
type CodevMode string

// The modes of codev.csv.
const (
	CodevRemote   CodevMode = "remote"    // by video; the default
	CodevInPerson CodevMode = "in_person" // in a room: the group's in-person members share a country
)

// CodevVolunteer is one row of codev.csv: a person who volunteers for a
// codevelopment group.
type CodevVolunteer struct {
	PersonID string
	Mode     CodevMode // remote when the cell is empty
	Avoid    []string  // person ids never to share a group with
	Note     string
	Line     int
}

// CodevHistoryRow is one row of codev_history.csv: a person who was a
// member of an earlier codevelopment group.
type CodevHistoryRow struct {
	GroupID  string
	PersonID string
	Cycle    string // free text ordered as text, such as 2025-Q3; may be empty
	Line     int
}

// Codev is what codev.csv and codev_history.csv hold, rows in file order.
type Codev struct {
	Volunteers []CodevVolunteer
	History    []CodevHistoryRow
}

// Values of CodevConfig.Animator.
const (
	AnimatorRotating = "rotating" // the animator changes at every session
	AnimatorFixed    = "fixed"    // one member animates every session but their own
)

// Values of CodevConfig.Gender.
const (
	GenderRule   = "rule"   // a group never has exactly one member of a given gender
	GenderWeight = "weight" // a group where someone is alone of their gender scores less
	GenderOff    = "off"    // gender is not looked at
)

// CodevConfig holds the rules and weights of codevelopment groups.
type CodevConfig struct {
	MinSize int `yaml:"min_size"`
	MaxSize int `yaml:"max_size"`
	// NoRepeat is how many of the latest cycles of codev_history.csv keep
	// two people apart; 0 lifts the rule.
	NoRepeat int `yaml:"no_repeat"`
	// GradeSpread is the largest grade difference of two members that still
	// counts as a similar job.
	GradeSpread int `yaml:"grade_spread"`
	// Animator is "rotating" or "fixed".
	Animator string `yaml:"animator"`
	// Gender is "rule", "weight" or "off".
	Gender  string       `yaml:"gender"`
	Weights CodevWeights `yaml:"weights"`
}

// CodevWeights are the weights of the components of a group's score.
type CodevWeights struct {
	Function  float64 `yaml:"function"`
	Grade     float64 `yaml:"grade"`
	Challenge float64 `yaml:"challenge"`
	Variety   float64 `yaml:"variety"`
	Gender    float64 `yaml:"gender"`
}

// DefaultCodev returns the default codevelopment configuration.
func DefaultCodev() CodevConfig {
	return CodevConfig{
		MinSize: 5, MaxSize: 8, NoRepeat: 2, GradeSpread: 2,
		Animator: AnimatorRotating, Gender: GenderRule,
		Weights: CodevWeights{Function: 0.35, Grade: 0.2, Challenge: 0.25, Variety: 0.2, Gender: 0.1},
	}
}

// Check reports the first value that makes no sense, naming its key, or nil.
func (c *CodevConfig) Check() error {
	switch {
	case c.MinSize < 2:
		return fmt.Errorf("codev.min_size: must be at least 2, got %d", c.MinSize)
	case c.MaxSize < c.MinSize:
		return fmt.Errorf("codev.max_size: must be at least codev.min_size (%d), got %d", c.MinSize, c.MaxSize)
	case c.MaxSize > 64:
		return fmt.Errorf("codev.max_size: must be at most 64, got %d", c.MaxSize)
	case c.NoRepeat < 0:
		return fmt.Errorf("codev.no_repeat: must be ≥ 0 (0 lifts the rule), got %d", c.NoRepeat)
	case c.GradeSpread < 0:
		return fmt.Errorf("codev.grade_spread: must be ≥ 0, got %d", c.GradeSpread)
	case c.Animator != AnimatorRotating && c.Animator != AnimatorFixed:
		return fmt.Errorf("codev.animator: must be rotating or fixed, got %q", c.Animator)
	case c.Gender != GenderRule && c.Gender != GenderWeight && c.Gender != GenderOff:
		return fmt.Errorf("codev.gender: must be rule, weight or off, got %q", c.Gender)
	}
	w := c.Weights
	sum := 0.0
	for _, f := range []struct {
		key string
		v   float64
	}{{"function", w.Function}, {"grade", w.Grade}, {"challenge", w.Challenge}, {"variety", w.Variety}, {"gender", w.Gender}} {
		if !(f.v >= 0) || math.IsInf(f.v, 0) {
			return fmt.Errorf("codev.weights.%s: must be a number ≥ 0, got %v", f.key, f.v)
		}
		if f.key != "gender" || c.Gender == GenderWeight {
			sum += f.v
		}
	}
	if sum <= 0 {
		return fmt.Errorf("codev.weights: at least one weight in use must be above 0")
	}
	return nil
}
