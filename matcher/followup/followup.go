package followup

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// MoveStatus is what became of a chosen move.
type MoveStatus string

// The move statuses.
const (
	Realised  MoveStatus = "realised"
	OtherMove MoveStatus = "other_move"
	NotYet    MoveStatus = "not_yet"
	Left      MoveStatus = "left"
)

// MoveStatuses lists the statuses in report order.
func MoveStatuses() []MoveStatus { return []MoveStatus{Realised, OtherMove, NotYet, Left} }

// Health is the state of a pair or a group.
type Health string

// The health states.
const (
	OnTrack        Health = "on_track"
	NoFirstMeeting Health = "no_first_meeting"
	Inactive       Health = "inactive"
	NotAGoodFit    Health = "not_a_good_fit"
	Ended          Health = "ended"
)

// Healths lists the states in report order.
func Healths() []Health {
	return []Health{OnTrack, NoFirstMeeting, Inactive, NotAGoodFit, Ended}
}

// Plan sources of a move.
const (
	SourceOptimum       = "optimum"        // chosen by the optimum
	SourceDecision      = "decision"       // required by a committee decision
	SourceCommitteePlan = "committee_plan" // taken from the committee's own plan file
)

// Why codes, the reasons behind a status or a health; reports put them
// into words.
const (
	WhyHoldsTarget   = "holds_target"    // position_id is the target
	WhyJobMatches    = "job_matches"     // manager, function and grade match the target
	WhyJobChanged    = "job_changed"     // Detail: the fields that changed
	WhySameJob       = "same_job"        // nothing changed
	WhyBeforeUnknown = "before_unknown"  // previous people.csv not found
	WhyTargetUnknown = "target_unknown"  // no position_id and the target is unknown
	WhyLeft          = "left"            // not in people.csv
	WhyMenteeLeft    = "mentee_left"     // pair ended: the mentee left
	WhyMentorLeft    = "mentor_left"     // pair ended: the mentor left
	WhyClosed        = "closed"          // Detail: the closed_reason
	WhyFewMembers    = "too_few_members" // group ended: fewer than two members go on
	WhyFitAnswer     = "fit_answer"      // not_a_good_fit answered
	WhyNoMeeting     = "no_meeting"      // Detail: days since the start
	WhyTooEarly      = "too_early"       // no meeting yet, still within first_meeting_days
	WhySilent        = "silent"          // Detail: days since the last meeting
	WhyMeeting       = "meeting"         // met recently
)

// Input is what the follow-up reads.
type Input struct {
	Config    model.Followup
	Prev      *model.Previous
	People    []model.Person   // this quarter's people.csv
	Positions []model.Position // this quarter's positions.csv, may be nil
	Activity  []model.Activity
	// CommitteePlan is true when the previous plan was the committee's own
	// plan file.
	CommitteePlan bool
	// AsOf is "today", YYYY-MM-DD; Since the start of the quarter's pairs
	// and groups, or empty for AsOf − quarter_days.
	AsOf, Since string
}

// Move is the follow-up of one chosen move.
type Move struct {
	Prev   model.PrevMove
	Person *model.Person // now; nil when the person left
	Status MoveStatus
	Source string // SourceOptimum, SourceDecision or SourceCommitteePlan
	Why    string
	Detail string
}

// Goal is the latest attainment of one goal.
type Goal struct {
	Name   string
	Score  int
	Weight float64
	Date   string
}

// Life is what happened to a pair or a group.
type Life struct {
	Start                     string
	FirstMeeting, LastMeeting string          // empty when none
	DaysSinceMeeting          model.OptInt    // from the last meeting to AsOf
	Held, Planned             int             // sessions
	Fit                       model.FitAnswer // latest answer
	Rating                    model.OptFloat  // latest rating
	Goals                     []Goal          // by name
	MeanGoal                  model.OptFloat
	T                         model.OptFloat // GAS T-score
	Health                    Health
	Why, Detail               string
}

// Pair is the follow-up of one mentoring pair.
type Pair struct {
	Prev           model.PrevPair
	Mentee, Mentor *model.Person // now; nil when they left
	Life
	// Failed tells that the mentee needs another mentor next quarter: the
	// pair was not a good fit, or the mentor left.
	Failed bool
	// EndDate is when a pair that does not go on ended: the date of its
	// closed row or of its not_a_good_fit answer, else AsOf.
	EndDate string
}

// Member is one member of a group.
type Member struct {
	ID     string
	Person *model.Person // now; nil when the person left
	Closed bool          // a closed activity ends their membership
	Reason string        // closed_reason
}

// GoesOn tells whether the member stays in the group.
func (m *Member) GoesOn() bool { return m.Person != nil && !m.Closed }

// Group is the follow-up of one codevelopment group.
type Group struct {
	Prev    model.PrevGroup
	Members []Member
	Life
}

// Result is the follow-up of a quarter.
type Result struct {
	AsOf, Since string
	Moves       []Move
	Pairs       []Pair
	Groups      []Group
	// Later is the number of activity rows dated after AsOf, which were
	// left out.
	Later int
	// Config is the thresholds used.
	Config model.Followup
}

const day = "2006-01-02"

// NewestDate returns the latest date of the activity, or "" when there is
// none.
func NewestDate(acts []model.Activity) string {
	newest := ""
	for i := range acts {
		if acts[i].Date > newest {
			newest = acts[i].Date
		}
	}
	return newest
}

// AddDays returns the date d (YYYY-MM-DD) plus n days.
func AddDays(d string, n int) (string, error) {
	t, err := time.Parse(day, d)
	if err != nil {
		return "", fmt.Errorf("followup: %q is not a date YYYY-MM-DD", d)
	}
	return t.AddDate(0, 0, n).Format(day), nil
}

// days returns b − a in days; both are valid dates.
func days(a, b string) int {
	ta, _ := time.Parse(day, a)
	tb, _ := time.Parse(day, b)
	return int(math.Round(tb.Sub(ta).Hours() / 24))
}

// Cycle returns the label of the quarter holding date d, such as "2026-Q1".
func Cycle(d string) string {
	t, err := time.Parse(day, d)
	if err != nil {
		return d
	}
	return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

// Compute follows up in.Prev. The only errors are dates that are not
// YYYY-MM-DD and an AsOf before Since; bad data was rejected by the
// readers. The result is deterministic: moves, pairs and groups keep the
// order of the previous pack's files.
func Compute(in Input) (*Result, error) {
	if _, err := time.Parse(day, in.AsOf); err != nil {
		return nil, fmt.Errorf("followup: the day of the follow-up %q is not a date YYYY-MM-DD", in.AsOf)
	}
	since := in.Since
	if since == "" {
		since, _ = AddDays(in.AsOf, -in.Config.QuarterDays)
	} else if _, err := time.Parse(day, since); err != nil {
		return nil, fmt.Errorf("followup: the start %q is not a date YYYY-MM-DD", since)
	}
	if since > in.AsOf {
		return nil, fmt.Errorf("followup: the start %s is after the day of the follow-up %s", since, in.AsOf)
	}
	r := &Result{AsOf: in.AsOf, Since: since, Config: in.Config}
	now := indexPeople(in.People)
	var before map[string]*model.Person
	if in.Prev.People != nil {
		before = indexPeople(in.Prev.People)
	}
	targets := map[string]*model.Position{}
	for _, list := range [][]model.Position{in.Prev.Positions, in.Positions} {
		for i := range list {
			targets[list[i].ID] = &list[i]
		}
	}
	for _, m := range in.Prev.Moves {
		r.Moves = append(r.Moves, followMove(m, now, before, targets, in.CommitteePlan))
	}
	pairActs := map[[2]string][]*model.Activity{}
	groupActs := map[string][]*model.Activity{}
	for i := range in.Activity {
		a := &in.Activity[i]
		if a.Date > in.AsOf {
			r.Later++
			continue
		}
		if a.GroupID != "" {
			groupActs[a.GroupID] = append(groupActs[a.GroupID], a)
		} else {
			k := [2]string{a.MenteeID, a.MentorID}
			pairActs[k] = append(pairActs[k], a)
		}
	}
	for _, p := range in.Prev.Pairs {
		r.Pairs = append(r.Pairs, followPair(p, now, pairActs[[2]string{p.MenteeID, p.MentorID}], since, in))
	}
	calendar := map[string]int{}
	hasCalendar := map[string]bool{}
	for _, s := range in.Prev.Sessions {
		hasCalendar[s.GroupID] = true
		if s.Date == "" || s.Date <= in.AsOf {
			calendar[s.GroupID]++
		}
	}
	for _, g := range in.Prev.Groups {
		if hasCalendar[g.ID] {
			g.Sessions = model.Int(calendar[g.ID])
		}
		r.Groups = append(r.Groups, followGroup(g, now, groupActs[g.ID], since, in))
	}
	return r, nil
}

func indexPeople(ps []model.Person) map[string]*model.Person {
	m := make(map[string]*model.Person, len(ps))
	for i := range ps {
		m[ps[i].ID] = &ps[i]
	}
	return m
}

func followMove(m model.PrevMove, now, before map[string]*model.Person, targets map[string]*model.Position, committeePlan bool) Move {
	mv := Move{Prev: m, Source: SourceOptimum}
	switch {
	case m.Decision == "required":
		mv.Source = SourceDecision
	case committeePlan:
		mv.Source = SourceCommitteePlan
	}
	p := now[m.PersonID]
	mv.Person = p
	if p == nil {
		mv.Status, mv.Why = Left, WhyLeft
		return mv
	}
	if p.PositionID != "" {
		if p.PositionID == m.PositionID {
			mv.Status, mv.Why = Realised, WhyHoldsTarget
			return mv
		}
	} else if t := targets[m.PositionID]; t != nil && matchesTarget(p, t) {
		mv.Status, mv.Why = Realised, WhyJobMatches
		return mv
	}
	b := before[m.PersonID]
	switch {
	case b == nil && p.PositionID == "" && targets[m.PositionID] == nil:
		mv.Status, mv.Why = NotYet, WhyTargetUnknown
	case b == nil:
		mv.Status, mv.Why = NotYet, WhyBeforeUnknown
	default:
		if changed := jobChanges(b, p); len(changed) > 0 {
			mv.Status, mv.Why, mv.Detail = OtherMove, WhyJobChanged, strings.Join(changed, ", ")
		} else {
			mv.Status, mv.Why = NotYet, WhySameJob
		}
	}
	return mv
}

// matchesTarget tells whether the person's manager, function and grade are
// those the target gives (at least one of them given).
func matchesTarget(p *model.Person, t *model.Position) bool {
	compared := 0
	if t.ManagerID != "" {
		compared++
		if p.ManagerID != t.ManagerID {
			return false
		}
	}
	if t.Function != "" {
		compared++
		if !strings.EqualFold(p.Function, t.Function) {
			return false
		}
	}
	if t.Grade.OK {
		compared++
		if !p.Grade.OK || p.Grade.V != t.Grade.V {
			return false
		}
	}
	return compared > 0
}

// jobChanges lists the fields of the job that differ between b (before)
// and p (now), each compared only when both give it.
func jobChanges(b, p *model.Person) []string {
	var out []string
	if b.PositionID != "" && p.PositionID != "" && b.PositionID != p.PositionID {
		out = append(out, "position_id")
	}
	if b.ManagerID != p.ManagerID {
		out = append(out, "manager_id")
	}
	if b.Function != "" && p.Function != "" && !strings.EqualFold(b.Function, p.Function) {
		out = append(out, "function")
	}
	if b.Grade.OK && p.Grade.OK && b.Grade.V != p.Grade.V {
		out = append(out, "grade")
	}
	return out
}

// sortActs orders activity by date, then line.
func sortActs(acts []*model.Activity) {
	slices.SortStableFunc(acts, func(a, b *model.Activity) int {
		return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.Line, b.Line))
	})
}

// live fills the meetings, answers and goals of a life from acts (sorted).
func (l *Life) live(acts []*model.Activity, cfg model.Followup, asOf string) {
	goals := map[string]*Goal{}
	var names []string
	for _, a := range acts {
		if a.Kind == model.KindMeeting && a.Date != l.LastMeeting {
			l.Held++
			if l.FirstMeeting == "" {
				l.FirstMeeting = a.Date
			}
			l.LastMeeting = a.Date
		}
		if a.Fit != "" {
			l.Fit = a.Fit
		}
		if a.Rating.OK {
			l.Rating = a.Rating
		}
		if a.GoalScore.OK {
			g := goals[a.Goal]
			if g == nil {
				g = &Goal{Name: a.Goal, Weight: 1}
				goals[a.Goal] = g
				names = append(names, a.Goal)
			}
			g.Score, g.Date = a.GoalScore.V, a.Date
			if a.GoalWeight.OK {
				g.Weight = a.GoalWeight.V
			}
		}
	}
	if l.LastMeeting != "" {
		l.DaysSinceMeeting = model.Int(days(l.LastMeeting, asOf))
	}
	slices.Sort(names)
	var xs []int
	var ws []float64
	for _, n := range names {
		g := goals[n]
		l.Goals = append(l.Goals, *g)
		xs = append(xs, g.Score)
		ws = append(ws, g.Weight)
	}
	if len(xs) > 0 {
		sum := 0
		for _, x := range xs {
			sum += x
		}
		l.MeanGoal = model.Float(float64(sum) / float64(len(xs)))
		l.T = model.Float(TScore(xs, ws, cfg.GASCorrelation))
	}
}

// rhythm decides the health from the meetings, once ending and fit are
// ruled out.
func (l *Life) rhythm(cfg model.Followup, asOf string) {
	elapsed := days(l.Start, asOf)
	switch {
	case l.LastMeeting == "" && elapsed > cfg.FirstMeetingDays:
		l.Health, l.Why, l.Detail = NoFirstMeeting, WhyNoMeeting, fmt.Sprint(elapsed)
	case l.LastMeeting == "":
		l.Health, l.Why, l.Detail = OnTrack, WhyTooEarly, fmt.Sprint(elapsed)
	case l.DaysSinceMeeting.V > cfg.InactiveDays:
		l.Health, l.Why, l.Detail = Inactive, WhySilent, fmt.Sprint(l.DaysSinceMeeting.V)
	default:
		l.Health, l.Why, l.Detail = OnTrack, WhyMeeting, fmt.Sprint(l.DaysSinceMeeting.V)
	}
}

// planned returns the sessions planned from start to asOf: one per full
// period of every days.
func planned(start, asOf string, every int) int {
	return max(days(start, asOf), 0) / every
}

func followPair(p model.PrevPair, now map[string]*model.Person, acts []*model.Activity, since string, in Input) Pair {
	sortActs(acts)
	pr := Pair{Prev: p, Mentee: now[p.MenteeID], Mentor: now[p.MentorID]}
	pr.Start = since
	pr.live(acts, in.Config, in.AsOf)
	pr.Planned = planned(since, in.AsOf, in.Config.SessionEveryDays)
	var closed, fit *model.Activity
	for _, a := range acts {
		if a.Kind == model.KindClosed {
			closed = a
		}
		if a.Fit != "" {
			fit = a
		}
	}
	pr.EndDate = in.AsOf
	switch {
	case pr.Mentee == nil:
		pr.Health, pr.Why = Ended, WhyMenteeLeft
	case pr.Mentor == nil:
		pr.Health, pr.Why, pr.Failed = Ended, WhyMentorLeft, true
	case closed != nil:
		pr.Health, pr.Why, pr.Detail, pr.EndDate = Ended, WhyClosed, closed.ClosedReason, closed.Date
	case pr.Fit == model.FitNotGood:
		pr.Health, pr.Why, pr.Failed, pr.EndDate = NotAGoodFit, WhyFitAnswer, true, fit.Date
	default:
		pr.rhythm(in.Config, in.AsOf)
		pr.EndDate = ""
	}
	return pr
}

func followGroup(g model.PrevGroup, now map[string]*model.Person, acts []*model.Activity, since string, in Input) Group {
	sortActs(acts)
	gr := Group{Prev: g}
	gr.Start = since
	closed := map[string]string{}
	isClosed := map[string]bool{}
	latestFit := map[string]model.FitAnswer{}
	for _, a := range acts {
		if a.Kind == model.KindClosed {
			isClosed[a.MenteeID], closed[a.MenteeID] = true, a.ClosedReason
		}
		if a.Fit != "" {
			latestFit[a.MenteeID] = a.Fit
		}
	}
	goesOn, answered, notFit := 0, 0, 0
	for _, id := range g.Members {
		m := Member{ID: id, Person: now[id], Closed: isClosed[id], Reason: closed[id]}
		gr.Members = append(gr.Members, m)
		if !m.GoesOn() {
			continue
		}
		goesOn++
		if f := latestFit[id]; f != "" {
			answered++
			if f == model.FitNotGood {
				notFit++
			}
		}
	}
	gr.live(acts, in.Config, in.AsOf)
	gr.Fit = "" // a group's answers are counted per member below
	if g.Sessions.OK {
		gr.Planned = g.Sessions.V
	} else {
		gr.Planned = planned(since, in.AsOf, in.Config.SessionEveryDays)
	}
	switch {
	case goesOn < 2:
		gr.Health, gr.Why, gr.Detail = Ended, WhyFewMembers, fmt.Sprint(goesOn)
	case answered > 0 && 2*notFit >= answered:
		gr.Health, gr.Why, gr.Detail = NotAGoodFit, WhyFitAnswer, fmt.Sprintf("%d/%d", notFit, answered)
	default:
		gr.rhythm(in.Config, in.AsOf)
	}
	return gr
}

// TScore returns the Goal Attainment Scaling T-score of the attainments xs
// (−2…+2) with weights ws and inter-goal correlation rho:
// 50 + 10·Σwx / √((1−ρ)Σw² + ρ(Σw)²). It panics when xs and ws differ in
// length, and returns 50 for no goals.
func TScore(xs []int, ws []float64, rho float64) float64 {
	if len(xs) != len(ws) {
		panic("followup: TScore needs one weight per goal")
	}
	var swx, sw, sw2 float64
	for i, x := range xs {
		swx += ws[i] * float64(x)
		sw += ws[i]
		sw2 += ws[i] * ws[i]
	}
	den := math.Sqrt((1-rho)*sw2 + rho*sw*sw)
	if den == 0 {
		return 50
	}
	return 50 + 10*swx/den
}
