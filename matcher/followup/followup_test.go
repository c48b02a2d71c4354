package followup

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestTScoreByHand(t *testing.T) {
	for _, tt := range []struct {
		xs   []int
		ws   []float64
		want float64
	}{
		// Σwx = 2, Σw² = 4, (Σw)² = 16: 50 + 20/√(0.7·4 + 0.3·16) = 50 + 20/√7.6
		{[]int{1, 0, -1, 2}, []float64{1, 1, 1, 1}, 57.25476250110012},
		// Σwx = 5, Σw² = 10, (Σw)² = 16: 50 + 50/√11.8
		{[]int{2, -1}, []float64{3, 1}, 64.55556274348955},
		// one goal: the denominator is w, one level is 10 points
		{[]int{1}, []float64{1}, 60},
		{[]int{-2}, []float64{4}, 30},
		{[]int{0, 0, 0}, []float64{1, 2, 3}, 50},
		{nil, nil, 50},
	} {
		if got := TScore(tt.xs, tt.ws, 0.3); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("TScore(%v, %v) = %v, want %v", tt.xs, tt.ws, got, tt.want)
		}
	}
	// ρ = 0: the classic √Σw² denominator.
	if got := TScore([]int{1, 1}, []float64{1, 1}, 0); math.Abs(got-(50+20/math.Sqrt2)) > 1e-9 {
		t.Errorf("ρ = 0: %v", got)
	}
}

func person(id, position, manager, function string, grade int) model.Person {
	return model.Person{ID: id, Name: "P " + id, PositionID: position, ManagerID: manager, Function: function, Grade: model.Int(grade)}
}

func TestMoveStatuses(t *testing.T) {
	prev := &model.Previous{
		Moves: []model.PrevMove{
			{MoveID: "a", PersonID: "1", PositionID: "T1"},                       // holds T1
			{MoveID: "b", PersonID: "2", PositionID: "T2"},                       // no position_id, job matches T2
			{MoveID: "c", PersonID: "3", PositionID: "T3", Decision: "required"}, // moved elsewhere
			{MoveID: "d", PersonID: "4", PositionID: "T4"},                       // same job
			{MoveID: "e", PersonID: "5", PositionID: "T5"},                       // left
			{MoveID: "f", PersonID: "6", PositionID: "T6"},                       // previous job unknown
			{MoveID: "g", PersonID: "2", PositionID: "T7"},                       // job does not match T7, grade changed
		},
		People: []model.Person{
			person("1", "P1", "m", "sales", 5), person("2", "", "m", "sales", 5), person("3", "P3", "m", "sales", 5),
			person("4", "P4", "m", "sales", 5), person("5", "P5", "m", "sales", 5),
		},
		Positions: []model.Position{{ID: "T2", ManagerID: "boss", Function: "Finance", Grade: model.Int(6)}},
	}
	in := Input{
		Config: model.DefaultFollowup(), Prev: prev, AsOf: "2026-03-31",
		People: []model.Person{
			person("1", "T1", "x", "x", 9), person("2", "", "boss", "finance", 6), person("3", "P9", "m", "sales", 5),
			person("4", "P4", "m", "sales", 5), person("6", "", "m", "sales", 5),
		},
		Positions: []model.Position{{ID: "T7", ManagerID: "boss", Function: "finance", Grade: model.Int(7)}},
	}
	r, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ ID, Status, Source, Why, Detail string }
	var gs []got
	for _, m := range r.Moves {
		gs = append(gs, got{m.Prev.MoveID, string(m.Status), m.Source, m.Why, m.Detail})
	}
	want := []got{
		{"a", "realised", "optimum", WhyHoldsTarget, ""},
		{"b", "realised", "optimum", WhyJobMatches, ""},
		{"c", "other_move", "decision", WhyJobChanged, "position_id"},
		{"d", "not_yet", "optimum", WhySameJob, ""},
		{"e", "left", "optimum", WhyLeft, ""},
		{"f", "not_yet", "optimum", WhyTargetUnknown, ""},
		{"g", "other_move", "optimum", WhyJobChanged, "manager_id, function, grade"},
	}
	if diff := cmp.Diff(want, gs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	in.CommitteePlan = true
	r, _ = Compute(in)
	if r.Moves[0].Source != SourceCommitteePlan || r.Moves[2].Source != SourceDecision {
		t.Errorf("sources under a committee plan: %s %s", r.Moves[0].Source, r.Moves[2].Source)
	}
}

// pairCase builds a follow-up of one pair e–m started on since with the
// given activity, as of asOf.
func pairCase(t *testing.T, since, asOf string, people []model.Person, acts ...model.Activity) Pair {
	t.Helper()
	for i := range acts {
		acts[i].MenteeID, acts[i].MentorID, acts[i].Line = "e", "m", i+2
		if acts[i].Kind == "" {
			acts[i].Kind = model.KindMeeting
		}
	}
	if people == nil {
		people = []model.Person{person("e", "", "", "", 3), person("m", "", "", "", 6)}
	}
	r, err := Compute(Input{Config: model.DefaultFollowup(), AsOf: asOf, Since: since, People: people, Activity: acts,
		Prev: &model.Previous{Pairs: []model.PrevPair{{MenteeID: "e", MentorID: "m"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return r.Pairs[0]
}

func TestPairHealthEdges(t *testing.T) {
	const since = "2026-01-01"
	meet := func(d string) model.Activity { return model.Activity{Date: d} }
	for _, tt := range []struct {
		name   string
		asOf   string
		people []model.Person
		acts   []model.Activity
		health Health
		why    string
		failed bool
	}{
		// first_meeting_days = 21: day 21 without a meeting is still on time, day 22 is not.
		{"no meeting, day 21", "2026-01-22", nil, nil, OnTrack, WhyTooEarly, false},
		{"no meeting, day 22", "2026-01-23", nil, nil, NoFirstMeeting, WhyNoMeeting, false},
		// inactive_days = 45: 45 days after the last meeting is on track, 46 inactive.
		{"last meeting 45 days ago", "2026-03-17", nil, []model.Activity{meet("2026-01-31")}, OnTrack, WhyMeeting, false},
		{"last meeting 46 days ago", "2026-03-18", nil, []model.Activity{meet("2026-01-31")}, Inactive, WhySilent, false},
		// a check-in is not a session
		{"check-ins only", "2026-03-18", nil, []model.Activity{{Date: "2026-03-01", Kind: model.KindCheckin}}, NoFirstMeeting, WhyNoMeeting, false},
		// the latest fit answer counts
		{"not a good fit", "2026-03-01", nil, []model.Activity{meet("2026-01-10"), {Date: "2026-02-01", Kind: model.KindSurvey, Fit: model.FitNotGood}}, NotAGoodFit, WhyFitAnswer, true},
		{"changed its mind", "2026-03-01", nil, []model.Activity{meet("2026-02-10"), {Date: "2026-01-20", Kind: model.KindSurvey, Fit: model.FitNotGood}, {Date: "2026-02-20", Kind: model.KindSurvey, Fit: model.FitGood}}, OnTrack, WhyMeeting, false},
		{"closed", "2026-03-01", nil, []model.Activity{meet("2026-01-10"), {Date: "2026-02-01", Kind: model.KindClosed, ClosedReason: "goals met"}}, Ended, WhyClosed, false},
		// activity after the day of the follow-up is left out
		{"closed later", "2026-01-31", nil, []model.Activity{meet("2026-01-10"), {Date: "2026-02-01", Kind: model.KindClosed}}, OnTrack, WhyMeeting, false},
		{"mentor left", "2026-03-01", []model.Person{person("e", "", "", "", 3)}, nil, Ended, WhyMentorLeft, true},
		{"mentee left", "2026-03-01", []model.Person{person("m", "", "", "", 3)}, nil, Ended, WhyMenteeLeft, false},
	} {
		p := pairCase(t, since, tt.asOf, tt.people, tt.acts...)
		if p.Health != tt.health || p.Why != tt.why || p.Failed != tt.failed {
			t.Errorf("%s: got %s/%s failed=%v, want %s/%s failed=%v", tt.name, p.Health, p.Why, p.Failed, tt.health, tt.why, tt.failed)
		}
	}
}

func TestPairSessionsAndGoals(t *testing.T) {
	p := pairCase(t, "2026-01-01", "2026-03-31", nil,
		model.Activity{Date: "2026-01-15", Goal: "delegate", GoalScore: model.Int(-1)},
		model.Activity{Date: "2026-01-15"}, // the same day is one session
		model.Activity{Date: "2026-02-12", Goal: "delegate", GoalScore: model.Int(1), GoalWeight: model.Float(2)},
		model.Activity{Date: "2026-03-10", Kind: model.KindCheckin, Goal: "network", GoalScore: model.Int(0), Rating: model.Float(4)},
		model.Activity{Date: "2026-03-20"},
	)
	if p.Held != 3 || p.FirstMeeting != "2026-01-15" || p.LastMeeting != "2026-03-20" || p.DaysSinceMeeting.V != 11 {
		t.Errorf("sessions: held %d first %s last %s days %v", p.Held, p.FirstMeeting, p.LastMeeting, p.DaysSinceMeeting)
	}
	// 89 days at one session per 30 days: two full periods.
	if p.Planned != 2 {
		t.Errorf("planned %d, want 2", p.Planned)
	}
	want := []Goal{{"delegate", 1, 2, "2026-02-12"}, {"network", 0, 1, "2026-03-10"}}
	if diff := cmp.Diff(want, p.Goals); diff != "" {
		t.Errorf("goals (-want +got):\n%s", diff)
	}
	// T = 50 + 10·2/√(0.7·5 + 0.3·9) = 50 + 20/√6.2
	if !p.T.OK || math.Abs(p.T.V-(50+20/math.Sqrt(6.2))) > 1e-9 || p.MeanGoal.V != 0.5 || p.Rating.V != 4 {
		t.Errorf("T %v mean %v rating %v", p.T, p.MeanGoal, p.Rating)
	}
	for _, tt := range []struct {
		start, asOf string
		want        int
	}{{"2026-01-01", "2026-01-01", 0}, {"2026-01-01", "2026-01-30", 0}, {"2026-01-01", "2026-01-31", 1}, {"2026-01-01", "2026-03-31", 2}, {"2026-01-01", "2026-04-01", 3}} {
		if got := planned(tt.start, tt.asOf, 30); got != tt.want {
			t.Errorf("planned(%s, %s) = %d, want %d", tt.start, tt.asOf, got, tt.want)
		}
	}
}

func TestGroupHealth(t *testing.T) {
	people := []model.Person{person("a", "", "", "", 1), person("b", "", "", "", 1), person("c", "", "", "", 1), person("d", "", "", "", 1)}
	prev := &model.Previous{
		Groups: []model.PrevGroup{
			{ID: "G1", Members: []string{"a", "b", "c"}},
			{ID: "G2", Members: []string{"a", "b", "x"}},
			{ID: "G3", Members: []string{"c", "d"}},
			{ID: "G4", Members: []string{"a", "d"}},
			{ID: "G5", Members: []string{"b", "c", "d"}},
		},
		Sessions: []model.PrevSession{{GroupID: "G1", Date: "2026-01-10"}, {GroupID: "G1", Date: "2026-02-10"}, {GroupID: "G1", Date: "2026-04-10"}},
	}
	acts := []model.Activity{
		{MenteeID: "a", GroupID: "G1", Date: "2026-01-10", Kind: model.KindMeeting},
		{MenteeID: "b", GroupID: "G1", Date: "2026-02-10", Kind: model.KindMeeting},
		{MenteeID: "b", GroupID: "G2", Date: "2026-02-10", Kind: model.KindClosed, ClosedReason: "no time"},
		{MenteeID: "c", GroupID: "G3", Date: "2026-02-10", Kind: model.KindSurvey, Fit: model.FitNotGood},
		{MenteeID: "d", GroupID: "G3", Date: "2026-02-11", Kind: model.KindSurvey, Fit: model.FitGood},
		// G5: one answer of three is not a good fit, under half; a meeting 45 days before.
		{MenteeID: "b", GroupID: "G5", Date: "2026-01-15", Kind: model.KindMeeting, Fit: model.FitNotGood},
		{MenteeID: "c", GroupID: "G5", Date: "2026-01-15", Kind: model.KindSurvey, Fit: model.FitGood},
		{MenteeID: "d", GroupID: "G5", Date: "2026-01-16", Kind: model.KindSurvey, Fit: model.FitDeciding},
	}
	r, err := Compute(Input{Config: model.DefaultFollowup(), AsOf: "2026-03-01", Since: "2026-01-01", People: people, Activity: acts, Prev: prev})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Health        Health
		Why           string
		Held, Planned int
	}
	var gs []got
	for _, g := range r.Groups {
		gs = append(gs, got{g.Health, g.Why, g.Held, g.Planned})
	}
	want := []got{
		{OnTrack, WhyMeeting, 2, 2},          // calendar: two sessions by 1 March
		{Ended, WhyFewMembers, 0, 1},         // x left, b closed: only a goes on
		{NotAGoodFit, WhyFitAnswer, 0, 1},    // one of two answers is not a good fit
		{NoFirstMeeting, WhyNoMeeting, 0, 1}, // rhythm: 59 days, one full period
		{OnTrack, WhyMeeting, 1, 1},          // 1 of 3 answers not a good fit; last meeting 45 days ago
	}
	if diff := cmp.Diff(want, gs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	codev := NextCodevHistory(r, []model.CodevMembership{{GroupID: "G0", PersonID: "a", Cycle: "2025-Q4"}}, "2026-Q1")
	if len(codev) != 1+3+3+2+2+3 || codev[1] != (model.CodevMembership{GroupID: "G1", PersonID: "a", Cycle: "2026-Q1"}) {
		t.Errorf("codev history: %v", codev)
	}
}

func TestNextHistoryAndMentees(t *testing.T) {
	people := []model.Person{person("e1", "", "", "", 1), person("e2", "", "", "", 1), person("e3", "", "", "", 1),
		person("m1", "", "", "", 5), person("m2", "", "", "", 5), person("m3", "", "", "", 5)}
	prev := &model.Previous{Pairs: []model.PrevPair{
		{MenteeID: "e1", MentorID: "m1", Status: "kept"}, // goes on
		{MenteeID: "e2", MentorID: "m2"},                 // not a good fit
		{MenteeID: "e3", MentorID: "m3"},                 // closed
		{MenteeID: "e4", MentorID: "m1"},                 // mentee left
	}}
	acts := []model.Activity{
		{MenteeID: "e1", MentorID: "m1", Date: "2026-03-01", Kind: model.KindMeeting},
		{MenteeID: "e2", MentorID: "m2", Date: "2026-03-01", Kind: model.KindSurvey, Fit: model.FitNotGood},
		{MenteeID: "e3", MentorID: "m3", Date: "2026-03-01", Kind: model.KindClosed},
	}
	r, err := Compute(Input{Config: model.DefaultFollowup(), AsOf: "2026-03-31", People: people, Activity: acts, Prev: prev})
	if err != nil {
		t.Fatal(err)
	}
	if r.Since != "2025-12-30" {
		t.Errorf("since %s, want 91 days before", r.Since)
	}
	earlier := []model.HistoryPair{
		{MenteeID: "e1", MentorID: "m1", Status: model.PairActive, Since: "2025-06-01"},
		{MenteeID: "e1", MentorID: "m2", Status: model.PairEnded, Since: "2025-01-01"},
		{MenteeID: "e9", MentorID: "m2", Status: model.PairEnded},
	}
	got := NextHistory(r, people, earlier)
	want := []model.HistoryPair{
		{MenteeID: "e1", MentorID: "m1", Status: model.PairActive, Since: "2025-06-01"},
		{MenteeID: "e1", MentorID: "m2", Status: model.PairEnded, Since: "2025-01-01"},
		{MenteeID: "e2", MentorID: "m2", Status: model.PairEnded, Since: "2026-03-01"},
		{MenteeID: "e3", MentorID: "m3", Status: model.PairEnded, Since: "2026-03-01"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	ms := NextMentees(r, people, []model.Mentee{{PersonID: "e3", Needs: []string{"x"}}, {PersonID: "e9"}})
	wantM := []NextMentee{
		{Mentee: model.Mentee{PersonID: "e3", Needs: []string{"x"}}},
		{Mentee: model.Mentee{PersonID: "e2", Priority: model.Int(2)}, Raised: true},
	}
	if diff := cmp.Diff(wantM, ms); diff != "" {
		t.Errorf("mentees (-want +got):\n%s", diff)
	}
}

func TestComputeDates(t *testing.T) {
	prev := &model.Previous{}
	if _, err := Compute(Input{Config: model.DefaultFollowup(), Prev: prev, AsOf: "31/03/2026"}); err == nil {
		t.Error("bad as-of accepted")
	}
	if _, err := Compute(Input{Config: model.DefaultFollowup(), Prev: prev, AsOf: "2026-03-31", Since: "2026-04-01"}); err == nil {
		t.Error("start after as-of accepted")
	}
	if Cycle("2026-03-31") != "2026-Q1" || Cycle("2026-10-01") != "2026-Q4" {
		t.Errorf("Cycle: %s %s", Cycle("2026-03-31"), Cycle("2026-10-01"))
	}
	if NewestDate([]model.Activity{{Date: "2026-01-02"}, {Date: "2026-03-01"}, {Date: "2026-02-01"}}) != "2026-03-01" {
		t.Error("NewestDate")
	}
}

func TestFollowedCycle(t *testing.T) {
	for _, tt := range []struct{ since, asOf, want string }{
		{"2025-12-30", "2026-03-31", "2026-Q1"}, // since in the quarter before
		{"2026-01-01", "2026-04-02", "2026-Q1"}, // as-of in the quarter after
		{"2026-04-01", "2026-06-30", "2026-Q2"},
		{"2026-03-01", "2026-03-31", "2026-Q1"},
		{"2025-11-15", "2026-01-13", "2025-Q4"}, // halfway: 14 December
		{"2026-02-30", "2026-03-31", "2026-02-30"},
	} {
		if got := FollowedCycle(tt.since, tt.asOf); got != tt.want {
			t.Errorf("FollowedCycle(%s, %s) = %s, want %s", tt.since, tt.asOf, got, tt.want)
		}
	}
}
