package data

import (
	"fmt"
	"strings"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

// FileActivity is the standard name of the activity export read by the
// follow-up: what happened to each pair and group during the quarter.
const FileActivity = "activity.csv"

// activityColumns is the column table of activity.csv (part of the single
// table behind [Columns]).
var activityColumns = []Column{
	{Name: "mentee_id", Required: true, Kind: KindID,
		Aliases: []string{"mentee", "mentoré", "participant", "member id", "person id", "membre", "matricule"},
		Doc:     "id of the mentee (or of the member of a codevelopment group)"},
	{Name: "mentor_id", Kind: KindID,
		Aliases: []string{"mentor"},
		Doc:     "id of the mentor; give it or group_id, not both"},
	{Name: "group_id", Kind: KindID,
		Aliases: []string{"group", "codev group", "groupe", "id groupe", "groupe codev"},
		Doc:     "id of the codevelopment group (groups.csv); give it or mentor_id, not both"},
	{Name: "date", Required: true, Kind: KindDay,
		Aliases: []string{"activity date", "meeting date", "date de la séance", "date séance", "jour"},
		Doc:     "when it happened: YYYY-MM-DD, or day first as French Excel writes it (31/01/2026, 31/01/26, 31.01.2026), a time after the date (14:30, 14h30, T14:30:00Z) is checked and ignored"},
	{Name: "kind", Kind: KindActivity,
		Aliases: []string{"type", "activity", "event", "type d'activité", "nature", "événement"},
		Doc:     "meeting, checkin, survey or closed (French: séance, point, enquête, clôture); default meeting"},
	{Name: "fit_answer", Kind: KindFit,
		Aliases: []string{"fit", "good fit", "is it a good fit", "match fit", "adéquation", "bon binôme"},
		Doc:     "good_fit, still_deciding or not_a_good_fit (French: oui, à voir, non)"},
	{Name: "rating", Kind: KindRating,
		Aliases: []string{"satisfaction", "relationship rating", "note", "note de la relation"},
		Doc:     "how the relationship is rated, 1 (poor) to 5 (excellent)"},
	{Name: "goal", Kind: KindText,
		Aliases: []string{"objective", "goal name", "objectif", "but"},
		Doc:     "the goal the goal_score is about"},
	{Name: "goal_score", Kind: KindGoalScore,
		Aliases: []string{"gas", "goal attainment", "attainment", "score objectif", "atteinte", "atteinte objectif"},
		Doc:     "Goal Attainment Scaling level of the goal: −2 much less than expected … 0 expected … +2 much more"},
	{Name: "goal_weight", Kind: KindWeight,
		Aliases: []string{"weight", "poids", "poids objectif"},
		Doc:     "weight of the goal in the T-score, a number above 0; default 1"},
	{Name: "closed_reason", Kind: KindText,
		Aliases: []string{"reason", "close reason", "motif", "motif de clôture", "raison"},
		Doc:     "why the pair or the membership was closed (kind closed only)"},
}

// The kinds of the activity columns.
const (
	// KindDay is a date in ISO or French day-first form, kept as
	// YYYY-MM-DD.
	KindDay Kind = iota + 100
	// KindActivity is meeting, checkin, survey or closed.
	KindActivity
	// KindFit is good_fit, still_deciding or not_a_good_fit.
	KindFit
	// KindGoalScore is a whole number from −2 to +2.
	KindGoalScore
	// KindWeight is a number above 0.
	KindWeight
)

// activityKindNames describe the kinds above for help texts.
var activityKindNames = map[Kind]string{
	KindDay:       "date (YYYY-MM-DD or DD/MM/YYYY)",
	KindActivity:  "meeting, checkin, survey or closed",
	KindFit:       "good_fit, still_deciding or not_a_good_fit",
	KindGoalScore: "whole number −2…+2",
	KindWeight:    "number above 0",
}

var activityWords = map[string]string{
	"meeting": "meeting", "session": "meeting", "seance": "meeting", "reunion": "meeting", "rencontre": "meeting", "rendezvous": "meeting", "entretien": "meeting",
	"checkin": "checkin", "point": "checkin", "suivi": "checkin", "pointdesuivi": "checkin", "jalon": "checkin", "milestone": "checkin",
	"survey": "survey", "enquete": "survey", "questionnaire": "survey", "sondage": "survey",
	"closed": "closed", "close": "closed", "closing": "closed", "ended": "closed", "end": "closed", "cloture": "closed", "fin": "closed", "termine": "closed", "bilan": "closed",
}

var fitWords = map[string]string{
	"goodfit": "good_fit", "good": "good_fit", "yes": "good_fit", "oui": "good_fit", "bon": "good_fit", "bonneadequation": "good_fit",
	"stilldeciding": "still_deciding", "deciding": "still_deciding", "unsure": "still_deciding", "notsure": "still_deciding",
	"tooearly": "still_deciding", "avoir": "still_deciding", "incertain": "still_deciding", "tropt": "still_deciding", "troptot": "still_deciding",
	"notagoodfit": "not_a_good_fit", "notgoodfit": "not_a_good_fit", "badfit": "not_a_good_fit", "no": "not_a_good_fit", "non": "not_a_good_fit",
	"mauvaiseadequation": "not_a_good_fit", "pasadapte": "not_a_good_fit",
}

// dayLayouts are the date forms accepted in activity.csv: ISO, then the
// day-first forms French Excel writes.
var dayLayouts = [...]string{"2006-01-02", "2/1/2006", "2/1/06", "2-1-2006", "2-1-06", "2.1.2006", "2.1.06"}

// ParseDay reads a date as activity.csv accepts it (ISO, or day first as
// French Excel writes it: 31/01/2026, 31/01/26, 31-01-2026, 31.01.2026),
// ignoring a time after it ("31/01/2026 14:30", "2026-01-31T14:30:00"), and
// returns it as YYYY-MM-DD. The time must be one (see isTimeOfDay).
func ParseDay(s string) (string, bool) {
	if i := strings.IndexAny(s, " T\u00a0"); i > 0 {
		if !isTimeOfDay(strings.TrimSpace(strings.TrimPrefix(strings.ReplaceAll(s[i:], "\u00a0", " "), "T"))) {
			return "", false
		}
		s = s[:i]
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 {
				return "", false
			}
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

// dayCell is a date in ISO or French day-first form.
type dayCell struct {
	v, raw string
	bad    bool
}

func (c *dayCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	if c.raw != "" {
		v, ok := ParseDay(c.raw)
		c.v, c.bad = v, !ok
	}
	return nil
}
func (c *dayCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is not a date", quoteCell(c.raw)), "write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2026-01-31 or 31/01/2026"
	}
	return "", ""
}
func (c *dayCell) empty() bool { return c.raw == "" }

// activityCell is meeting, checkin, survey or closed.
type activityCell struct{ enumCell }

func (c *activityCell) UnmarshalCSV(s string) error { c.set(s, activityWords); return nil }
func (c *activityCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is not a kind of activity", quoteCell(c.raw)), "write meeting, checkin, survey or closed (séance, point, enquête, clôture), or leave the cell empty for a meeting"
	}
	return "", ""
}

// fitCell is good_fit, still_deciding or not_a_good_fit.
type fitCell struct{ enumCell }

func (c *fitCell) UnmarshalCSV(s string) error { c.set(s, fitWords); return nil }
func (c *fitCell) problem(rune) (string, string) {
	if c.bad {
		return fmt.Sprintf("%s is not an answer about the fit", quoteCell(c.raw)), "write good_fit, still_deciding or not_a_good_fit (oui, à voir, non), or leave the cell empty"
	}
	return "", ""
}

// goalScoreCell is a whole number from −2 to +2; the Unicode minus is
// accepted.
type goalScoreCell struct {
	number
	v model.OptInt
}

func (c *goalScoreCell) UnmarshalCSV(s string) error {
	v, ok := c.parseInt(strings.ReplaceAll(s, "\u2212", "-"))
	c.raw = strings.TrimSpace(s)
	if ok && (v.V < -2 || v.V > 2) {
		c.msg = fmt.Sprintf("%s is outside −2…+2", quoteCell(c.raw))
		return nil
	}
	c.v = v
	return nil
}
func (c *goalScoreCell) problem(d rune) (string, string) {
	return c.check(d, "write the Goal Attainment Scaling level: -2, -1, 0 (as expected), +1 or +2, or leave the cell empty")
}

// weightCell is a number above 0.
type weightCell struct {
	number
	v model.OptFloat
}

func (c *weightCell) UnmarshalCSV(s string) error {
	c.raw = strings.TrimSpace(s)
	if c.raw == "" {
		return nil
	}
	f, comma, ok := parseNumber(c.raw)
	switch {
	case !ok:
		c.msg = fmt.Sprintf("%s is not a number", quoteCell(c.raw))
	case f <= 0:
		c.msg = fmt.Sprintf("%s is not above 0", quoteCell(c.raw))
	default:
		c.comma = comma
		c.v = model.Float(f)
	}
	return nil
}
func (c *weightCell) problem(d rune) (string, string) {
	return c.check(d, "write a weight above 0, such as 1 or 2, or leave the cell empty for 1")
}

// relationCell is a rating of the relationship, 1–5.
type relationCell struct{ ratingCell }

func (c *relationCell) problem(d rune) (string, string) {
	if msg, _ := c.ratingCell.problem(d); msg != "" {
		return msg, "write a number from 1 (poor) to 5 (excellent), or leave the cell empty"
	}
	return "", ""
}

type activityRow struct {
	MenteeID     textCell      `csv:"mentee_id"`
	MentorID     textCell      `csv:"mentor_id"`
	GroupID      textCell      `csv:"group_id"`
	Date         dayCell       `csv:"date"`
	Kind         activityCell  `csv:"kind"`
	Fit          fitCell       `csv:"fit_answer"`
	Rating       relationCell  `csv:"rating"`
	Goal         textCell      `csv:"goal"`
	GoalScore    goalScoreCell `csv:"goal_score"`
	GoalWeight   weightCell    `csv:"goal_weight"`
	ClosedReason textCell      `csv:"closed_reason"`
}

func (r *activityRow) cells(b []cell) []cell {
	return append(b[:0], &r.MenteeID, &r.MentorID, &r.GroupID, &r.Date, &r.Kind, &r.Fit,
		&r.Rating, &r.Goal, &r.GoalScore, &r.GoalWeight, &r.ClosedReason)
}

func (r *activityRow) model(line int) model.Activity {
	kind := model.ActivityKind(r.Kind.v)
	if kind == "" {
		kind = model.KindMeeting
	}
	return model.Activity{
		MenteeID: r.MenteeID.v, MentorID: r.MentorID.v, GroupID: r.GroupID.v, Date: r.Date.v,
		Kind: kind, Fit: model.FitAnswer(r.Fit.v), Rating: r.Rating.v, Goal: r.Goal.v,
		GoalScore: r.GoalScore.v, GoalWeight: r.GoalWeight.v, ClosedReason: r.ClosedReason.v,
		Line: line,
	}
}

// ActivityRefs tells [ReadActivity] which pairs and groups exist, so that
// a row naming another one is reported. A nil function checks nothing.
type ActivityRefs struct {
	// Pair reports whether mentee and mentor were a pair.
	Pair func(mentee, mentor string) bool
	// Group reports whether the group exists and whether person is one of
	// its members.
	Group func(group, person string) (exists, member bool)
}

// Table column indices of activity.csv used by the checks.
var (
	kActMentee = colIndex(FileActivity, "mentee_id")
	kActMentor = colIndex(FileActivity, "mentor_id")
	kActGroup  = colIndex(FileActivity, "group_id")
	kActReason = colIndex(FileActivity, "closed_reason")
	kActWeight = colIndex(FileActivity, "goal_weight")
)

// ReadActivity reads activity.csv with the rules of every input file
// (encodings, delimiters, header aliases, typed cells) and returns its
// rows in file order. Besides bad cells, these are problems: a row with
// neither mentor_id nor group_id or with both; a closed_reason on a row
// whose kind is not closed; a goal_weight without a goal_score; a pair or
// group that refs does not know, or a person who is not in the group. A
// header with no rows gives no activity and a note.
//
// Every problem is reported, as [Problems] naming FILE:LINE:COLUMN; the
// only other error is an invalid opt.Delimiter. ReadActivity never panics.
func ReadActivity(src Source, opt ReadOptions, refs ActivityRefs) ([]model.Activity, Notes, error) {
	if opt.Delimiter != 0 && !validDelimiter(opt.Delimiter) {
		return nil, nil, fmt.Errorf("data: invalid delimiter %q", opt.Delimiter)
	}
	var notes Notes
	fs := &fileState{std: FileActivity, c: collector{file: src.Name}, given: true}
	const emptyHint = "export the activity again with its header row, or leave the file out"
	t, ok := decodeText(&src, opt.Delimiter, emptyHint, &fs.c, &notes)
	if !ok {
		return nil, notes, Problems(fs.c.sorted())
	}
	cr := newCSVReader(&t, &fs.c)
	rec, ok := cr.next()
	if !ok {
		if len(fs.c.list) == 0 {
			fs.c.add(0, 0, "file is empty", emptyHint)
		}
		return nil, notes, Problems(fs.c.sorted())
	}
	cols := tableOf(FileActivity)
	fs.h = readHeader(rec, cols, headerIndexes[FileActivity], &fs.c, &notes)
	var out []model.Activity
	n := decodeRows(cr, fs, cols, func(r *activityRow, rec *record) {
		fs.keep(rec)
		a := r.model(rec.line)
		checkActivity(fs, &a, r, refs)
		out = append(out, a)
	})
	if n == 0 {
		notes = append(notes, fmt.Sprintf("%s: no activity (the file has only its header)", src.Name))
	}
	if len(fs.c.list) > 0 {
		return nil, notes, Problems(fs.c.sorted())
	}
	return out, notes, nil
}

// checkActivity applies the rules across the cells of one row.
func checkActivity(fs *fileState, a *model.Activity, r *activityRow, refs ActivityRefs) {
	line := a.Line
	switch {
	case a.MentorID == "" && a.GroupID == "":
		k := kActMentor
		if !fs.h.has(k) {
			k = kActGroup
		}
		fs.addAt(line, k, "neither mentor_id nor group_id is given",
			"write the mentor of a mentoring pair, or the group of a codevelopment group")
	case a.MentorID != "" && a.GroupID != "":
		fs.addAt(line, kActGroup, fmt.Sprintf("both mentor_id %s and group_id %s are given", quoteCell(a.MentorID), quoteCell(a.GroupID)),
			"write one row for the pair and another for the group")
	case a.MenteeID == "":
		// reported as an empty required cell
	case a.MentorID != "" && refs.Pair != nil && !refs.Pair(a.MenteeID, a.MentorID):
		fs.addAt(line, kActMentor, fmt.Sprintf("%s and %s were not a pair last quarter", quoteCell(a.MenteeID), quoteCell(a.MentorID)),
			"check the ids against the previous pairs.csv, or remove the row")
	case a.GroupID != "" && refs.Group != nil:
		exists, member := refs.Group(a.GroupID, a.MenteeID)
		switch {
		case !exists:
			fs.addAt(line, kActGroup, fmt.Sprintf("group %s is not in the previous groups.csv", quoteCell(a.GroupID)),
				"check the group id, or remove the row")
		case !member:
			fs.addAt(line, kActMentee, fmt.Sprintf("%s is not a member of group %s", quoteCell(a.MenteeID), quoteCell(a.GroupID)),
				"check the member's id against the previous groups.csv")
		}
	}
	if a.ClosedReason != "" && !r.Kind.bad && a.Kind != model.KindClosed {
		fs.addAt(line, kActReason, fmt.Sprintf("closed_reason %s is given on a %s", quoteCell(a.ClosedReason), a.Kind),
			"write closed in the kind column, or clear the reason")
	}
	if a.GoalWeight.OK && !a.GoalScore.OK && r.GoalScore.empty() {
		fs.addAt(line, kActWeight, "goal_weight is given without a goal_score", "write the goal's score, or clear the weight")
	}
}
