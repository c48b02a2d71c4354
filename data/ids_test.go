package data

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIDsCompareInNFC: "José" written with a combining accent (NFD, as
// macOS files often have it) is the same id as "José" written with é.
func TestIDsCompareInNFC(t *testing.T) {
	nfcJose, nfdJose := "Jos\u00e9", "Jose\u0301"
	ds := mustLoad(t, Inputs{
		People:  src("people.csv", "id,name,manager_id\n"+nfcJose+",José Ruiz,\n2,Ann, "+nfdJose+" \n"),
		Mentors: src("mentors.csv", "person_id\n"+nfdJose+"\n"),
	}, ReadOptions{})
	if ds.People[1].ManagerID != nfcJose || ds.Mentors[0].PersonID != nfcJose {
		t.Errorf("ids not normalised: %q %q", ds.People[1].ManagerID, ds.Mentors[0].PersonID)
	}
	// The same id written both ways twice is a duplicate.
	got := problemLines(t, Inputs{People: src("people.csv", "id,name\n"+nfcJose+",A\n"+nfdJose+",B\n")}, ReadOptions{})
	want := []string{`people.csv:3:1: duplicate id "José": first used on line 2 (give each person their own id, or remove the repeated row)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if !SameID(" "+nfdJose, nfcJose+" ") || SameID("Jose", nfcJose) {
		t.Error("SameID")
	}
}

// TestLookAlikeIDsShowCodePoints: an unknown id that prints like a known
// one (a Cyrillic о, a zero-width space) is shown with its code points.
func TestLookAlikeIDsShowCodePoints(t *testing.T) {
	got := problemLines(t, Inputs{
		People:  src("people.csv", "id,name\nJosé,José Ruiz\nAnn,Ann Lee\n"),
		Mentors: src("mentors.csv", "person_id\nJ\u043esé\nAn\u200bn\nBob\n"),
	}, ReadOptions{})
	want := []string{
		`mentors.csv:2:1: person_id "Jоsé" is not an id in people.csv (it prints like the id "José" but is another string: U+004A U+043E U+0073 U+00E9 here, U+004A U+006F U+0073 U+00E9 there) (write the id of a person in people.csv, or add the person there)`,
		`mentors.csv:3:1: person_id "An\u200bn" is not an id in people.csv (it prints like the id "Ann" but is another string: U+0041 U+006E U+200B U+006E here, U+0041 U+006E U+006E there) (write the id of a person in people.csv, or add the person there)`,
		`mentors.csv:4:1: person_id "Bob" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}

// TestHistoryContradictions: a pair both active and ended, and a pair
// listed twice, are reported at their row; two ended stints are not.
func TestHistoryContradictions(t *testing.T) {
	people := src("people.csv", "id,name\n1,Ann\n2,Bob\n3,Cy\n4,Dee\n")
	got := problemLines(t, Inputs{People: people, History: src("history.csv",
		"mentee_id,mentor_id,status,since\n"+
			"1,2,active,2025-01-01\n"+
			"1,2,ended,2024-01-01\n"+
			"3,4,ended,2023-01-01\n"+
			"3,4,ended,2024-06-01\n"+
			"4,1,,\n"+
			"4,1,active,\n")}, ReadOptions{})
	want := []string{
		`history.csv:3:3: the pair of mentee "1" and mentor "2" is ended here but active on line 2 (keep one row per pair, with its current status)`,
		`history.csv:7:1: the pair of mentee "4" and mentor "1" is listed twice: first on line 6 (remove the repeated row)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
}
