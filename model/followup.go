package model

import "fmt"

// ActivityKind is what one row of activity.csv records.
type ActivityKind string

// The kinds of activity.
const (
	// KindMeeting is a session held by the pair or the group.
	KindMeeting ActivityKind = "meeting"
	// KindCheckin is a check-in by HR or the programme lead; it is not a
	// session.
	KindCheckin ActivityKind = "checkin"
	// KindSurvey is an answer to a relationship survey.
	KindSurvey ActivityKind = "survey"
	// KindClosed closes the pair (or the member's place in the group).
	KindClosed ActivityKind = "closed"
)

// FitAnswer is the answer to "is this a good fit?".
type FitAnswer string

// The fit answers.
const (
	FitGood     FitAnswer = "good_fit"
	FitDeciding FitAnswer = "still_deciding"
	FitNotGood  FitAnswer = "not_a_good_fit"
)

// Activity is one row of activity.csv: something that happened to a
// mentoring pair (MentorID set) or a codevelopment group (GroupID set)
// during the quarter.
type Activity struct {
	MenteeID     string // the mentee, or the member of the group
	MentorID     string // empty for a group's activity
	GroupID      string // empty for a pair's activity
	Date         string // YYYY-MM-DD
	Kind         ActivityKind
	Fit          FitAnswer // empty when not asked
	Rating       OptFloat  // 1–5
	Goal         string
	GoalScore    OptInt   // Goal Attainment Scaling level, −2…+2
	GoalWeight   OptFloat // weight of the goal in the T-score; default 1
	ClosedReason string
	Line         int
}

// PrevMove is a move chosen in the previous quarter's plan.csv.
type PrevMove struct {
	MoveID     string
	PersonID   string
	PositionID string
	Band       string
	Challenge  OptFloat
	// Decision is the committee's decision recorded in plan.csv
	// ("required", "forbidden") or empty when the move came from the
	// optimum.
	Decision string
	Line     int
}

// PrevPair is a pair of the previous quarter's pairs.csv.
type PrevPair struct {
	MenteeID, MenteeName string
	MentorID, MentorName string
	Fit                  OptFloat
	Tier                 OptInt
	Status               string // new or kept
	Decision             string // committee decision, empty when none
	Line                 int
}

// PrevGroup is a codevelopment group of the previous quarter's groups.csv,
// its members in file order.
type PrevGroup struct {
	ID      string
	Members []string
	// Sessions is the number of sessions of the group's calendar
	// (group_sessions.csv) dated on or before the day of the follow-up, or
	// absent when the calendar is not given.
	Sessions OptInt
}

// PrevSession is one row of the previous quarter's group_sessions.csv.
type PrevSession struct {
	GroupID string
	Date    string // YYYY-MM-DD, or empty when the calendar has no dates
}

// Previous is the previous quarter's pack as far as the follow-up needs it.
type Previous struct {
	Moves    []PrevMove // the chosen moves only, in file order
	Pairs    []PrevPair
	Groups   []PrevGroup
	Sessions []PrevSession
	// People and Positions are the previous quarter's input files when they
	// could be found (see the follow-up's documentation), else nil.
	People    []Person
	Positions []Position
	History   []HistoryPair
	// Decisions tells whether the previous pack was made under committee
	// decisions (its plan.csv or pairs.csv had a decision column).
	Decisions bool
}

// CodevMembership is one row of codev_history.csv: a person was in a group
// in a cycle.
type CodevMembership struct {
	GroupID, PersonID, Cycle string
}

// Followup holds the thresholds of the follow-up across quarters. The
// defaults are for a monthly rhythm of sessions.
type Followup struct {
	// FirstMeetingDays is how long after the start a pair or group may go
	// without a first meeting before it is flagged no_first_meeting.
	FirstMeetingDays int `yaml:"first_meeting_days"`
	// InactiveDays is how long after the last meeting a pair or group is
	// flagged inactive.
	InactiveDays int `yaml:"inactive_days"`
	// SessionEveryDays is the planned rhythm: one session per full period
	// of this many days since the start.
	SessionEveryDays int `yaml:"session_every_days"`
	// QuarterDays is how many days before the follow-up day the previous
	// quarter's pairs are taken to have started, unless --since is given.
	QuarterDays int `yaml:"quarter_days"`
	// GASCorrelation is ρ, the assumed correlation between goals in the
	// Goal Attainment Scaling T-score.
	GASCorrelation float64 `yaml:"gas_correlation"`
}

// DefaultFollowup returns the documented defaults: a first meeting within
// 21 days, inactive after 45 days without a meeting, one session every 30
// days, a quarter of 91 days, ρ = 0.3.
func DefaultFollowup() Followup {
	return Followup{FirstMeetingDays: 21, InactiveDays: 45, SessionEveryDays: 30, QuarterDays: 91, GASCorrelation: 0.3}
}

// Check reports the first threshold that makes no sense, naming its key.
func (f *Followup) Check() error {
	for _, d := range []struct {
		key string
		v   int
	}{{"followup.first_meeting_days", f.FirstMeetingDays}, {"followup.inactive_days", f.InactiveDays},
		{"followup.session_every_days", f.SessionEveryDays}, {"followup.quarter_days", f.QuarterDays}} {
		if d.v < 1 {
			return fmt.Errorf("%s: must be a whole number of days ≥ 1, got %d", d.key, d.v)
		}
	}
	if !(f.GASCorrelation >= 0 && f.GASCorrelation < 1) {
		return fmt.Errorf("followup.gas_correlation: must be ≥ 0 and below 1, got %v", f.GASCorrelation)
	}
	return nil
}
