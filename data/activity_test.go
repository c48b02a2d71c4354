package data

import (
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

var testRefs = ActivityRefs{
	Pair: func(mentee, mentor string) bool {
		return mentee == "e1" && mentor == "m1" || mentee == "e2" && mentor == "m2"
	},
	Group: func(group, person string) (bool, bool) {
		if group != "G1" {
			return false, false
		}
		return true, person == "e1" || person == "e3"
	},
}

func readActivity(t *testing.T, text string) ([]model.Activity, error) {
	t.Helper()
	acts, _, err := ReadActivity(Source{Name: "activity.csv", Data: []byte(text)}, ReadOptions{}, testRefs)
	return acts, err
}

func TestReadActivityForms(t *testing.T) {
	text := "Matricule;Mentor;Groupe;Date de la séance;Type;Adéquation;Satisfaction;Objectif;Atteinte;Poids;Motif\r\n" +
		"e1;m1;;31/01/2026;séance;oui;4,5;Déléguer;+1;2;\r\n" +
		"e1;m1;;2026-02-28T10:00:00;point;à voir;;Déléguer;\u22122;;\r\n" +
		"e2;m2;;05.03.26;enquête;non;2;;;;\r\n" +
		"e2;m2;;06/03/2026 14:30;clôture;;;;;;mentor moved abroad\r\n" +
		"e3;;G1;15/01/2026;;;;;0;;\r\n"
	acts, err := readActivity(t, text)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Activity{
		{MenteeID: "e1", MentorID: "m1", Date: "2026-01-31", Kind: model.KindMeeting, Fit: model.FitGood,
			Rating: model.Float(4.5), Goal: "Déléguer", GoalScore: model.Int(1), GoalWeight: model.Float(2), Line: 2},
		{MenteeID: "e1", MentorID: "m1", Date: "2026-02-28", Kind: model.KindCheckin, Fit: model.FitDeciding,
			Goal: "Déléguer", GoalScore: model.Int(-2), Line: 3},
		{MenteeID: "e2", MentorID: "m2", Date: "2026-03-05", Kind: model.KindSurvey, Fit: model.FitNotGood,
			Rating: model.Float(2), Line: 4},
		{MenteeID: "e2", MentorID: "m2", Date: "2026-03-06", Kind: model.KindClosed, ClosedReason: "mentor moved abroad", Line: 5},
		{MenteeID: "e3", GroupID: "G1", Date: "2026-01-15", Kind: model.KindMeeting, GoalScore: model.Int(0), Line: 6},
	}
	if diff := cmp.Diff(want, acts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadActivityProblems(t *testing.T) {
	text := "mentee_id,mentor_id,group_id,date,kind,fit_answer,rating,goal,goal_score,goal_weight,closed_reason\n" +
		"e1,m1,,2026-13-01,meeting,,,,,,\n" + // bad date
		"e1,,,2026-01-01,meeting,,,,,,\n" + // neither
		"e1,m1,G1,2026-01-01,meeting,,,,,,\n" + // both
		"e1,m9,,2026-01-01,meeting,,,,,,\n" + // unknown pair
		"e1,,G9,2026-01-01,meeting,,,,,,\n" + // unknown group
		"e2,,G1,2026-01-01,meeting,,,,,,\n" + // not a member
		"e1,m1,,2026-01-01,dinner,maybe,6,g,3,,\n" + // bad kind, fit, rating, score
		"e1,m1,,2026-01-01,meeting,,,,,,moved\n" + // reason on a meeting
		"e1,m1,,2026-01-01,meeting,,,g,,0,\n" + // weight 0, weight without score
		",m1,,,meeting,,,,,,\n" // empty required cells
	_, err := readActivity(t, text)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	want := []string{
		`activity.csv:2:4: date "2026-13-01" is not a date`,
		`activity.csv:3:2: neither mentor_id nor group_id is given`,
		`activity.csv:4:3: both mentor_id "m1" and group_id "G1" are given`,
		`activity.csv:5:2: "e1" and "m9" were not a pair last quarter`,
		`activity.csv:6:3: group "G9" is not in the previous groups.csv`,
		`activity.csv:7:1: "e2" is not a member of group "G1"`,
		`activity.csv:8:5: kind "dinner" is not a kind of activity`,
		`activity.csv:8:6: fit_answer "maybe" is not an answer about the fit`,
		`activity.csv:8:7: rating "6" is outside 1–5`,
		`activity.csv:8:9: goal_score "3" is outside −2…+2`,
		`activity.csv:9:11: closed_reason "moved" is given on a meeting`,
		`activity.csv:10:10: goal_weight "0" is not above 0`,
		`activity.csv:11:1: mentee_id is empty`,
		`activity.csv:11:4: date is empty`,
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.File+":"+strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Col)+": "+p.Msg)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, p := range ps {
		if p.Hint == "" {
			t.Errorf("no hint: %v", p)
		}
	}
}

func TestReadActivityMissingColumnsAndEmpty(t *testing.T) {
	_, err := readActivity(t, "mentor_id,kind\nm1,meeting\n")
	if err == nil || !strings.Contains(err.Error(), `activity.csv:1:3: missing required column "mentee_id"`) ||
		!strings.Contains(err.Error(), `activity.csv:1:3: missing required column "date"`) {
		t.Errorf("missing columns: %v", err)
	}
	_, err = readActivity(t, "")
	if err == nil || !strings.Contains(err.Error(), "activity.csv:1:1: file is empty") {
		t.Errorf("empty file: %v", err)
	}
	acts, notes, err := ReadActivity(Source{Name: "a.csv", Data: []byte("mentee_id,mentor_id,date\n")}, ReadOptions{}, ActivityRefs{})
	if err != nil || len(acts) != 0 || !strings.Contains(strings.Join(notes, "\n"), "a.csv: no activity") {
		t.Errorf("header only: %v %v %v", acts, notes, err)
	}
}

func TestParseDayEdges(t *testing.T) {
	for in, want := range map[string]string{
		"2026-02-28": "2026-02-28", "28/02/2026": "2026-02-28", "1/2/2026": "2026-02-01", "28/02/26": "2026-02-28",
		"28-02-2026": "2026-02-28", "28.02.2026": "2026-02-28", "2026-02-28 08:00": "2026-02-28",
		"29/02/2026": "", "02/30/2026": "", "2026/02/28": "", "0001-01-01": "", "x": "",
	} {
		got, ok := ParseDay(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDay(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestActivityRowFollowsTable(t *testing.T) {
	cols := Columns(FileActivity)
	r := &activityRow{}
	v := reflect.ValueOf(r).Elem()
	cells := r.cells(nil)
	if v.NumField() != len(cols) || len(cells) != len(cols) {
		t.Fatalf("%d fields, %d cells, %d columns", v.NumField(), len(cells), len(cols))
	}
	for k, c := range cols {
		if tag := v.Type().Field(k).Tag.Get("csv"); tag != c.Name {
			t.Errorf("field %d has tag %q, want %q", k, tag, c.Name)
		}
		if reflect.ValueOf(cells[k]).Pointer() != v.Field(k).Addr().Pointer() {
			t.Errorf("cells()[%d] is not field %d", k, k)
		}
		if c.Kind.String() == "unknown" {
			t.Errorf("column %s has a kind without a name", c.Name)
		}
	}
}

func TestReadmeListsActivityAliases(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Columns(FileActivity) {
		name := c.Name
		if c.Required {
			name = "**" + name + "**"
		}
		row := "| " + name + " | " + strings.Join(c.Aliases, ", ") + " |"
		if !strings.Contains(string(b), row) {
			t.Errorf("README.md lacks the row of activity.csv column %s:\n%s", c.Name, row)
		}
	}
}

// FuzzReadActivity checks that no bytes make ReadActivity panic, that the
// result is deterministic, and that every problem points inside the file.
func FuzzReadActivity(f *testing.F) {
	f.Add([]byte("mentee_id,mentor_id,group_id,date,kind,fit_answer,rating,goal,goal_score,goal_weight,closed_reason\ne1,m1,,2026-01-31,meeting,good_fit,4,g,1,2,\n"))
	f.Add([]byte("Matricule;Mentor;Date\r\ne1;m1;31/01/26\r\ne2;m2;31.01.2026 10:00\r\n"))
	f.Add([]byte("mentee_id,group_id,date,kind,closed_reason\ne1,G1,2026-01-31,closed,left\ne3,G9,x,y,\n"))
	f.Add([]byte("\xef\xbb\xbfmentee_id\tmentor_id\tdate\tgoal_score\ne1\tm1\t2026-01-01\t\u22122\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := Source{Name: "activity.csv", Data: b}
		a1, n1, e1 := ReadActivity(src, ReadOptions{}, testRefs)
		a2, n2, e2 := ReadActivity(src, ReadOptions{}, testRefs)
		if !cmp.Equal(a1, a2) || !cmp.Equal(n1, n2) || (e1 == nil) != (e2 == nil) || e1 != nil && e1.Error() != e2.Error() {
			t.Fatal("ReadActivity is not deterministic")
		}
		if e1 == nil {
			for _, a := range a1 {
				if a.MenteeID == "" || a.Date == "" || (a.MentorID == "") == (a.GroupID == "") {
					t.Fatalf("row breaks the rules: %+v", a)
				}
			}
			return
		}
		var ps Problems
		if !errors.As(e1, &ps) || len(ps) == 0 {
			t.Fatalf("error %T is not a non-empty Problems", e1)
		}
		lines := strings.Count(string(b), "\n") + strings.Count(string(b), "\r") + 1
		for _, p := range ps {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || strings.ContainsAny(p.String(), "\n\r") {
				t.Fatalf("bad problem %#v", p)
			}
		}
	})
}
