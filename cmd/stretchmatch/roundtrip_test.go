package main

import (
	"path/filepath"
	"slices"
	"testing"
)

// csvRecords returns the rows of a CSV output file as maps from column
// name to cell.
func csvRecords(t *testing.T, path string) []map[string]string {
	t.Helper()
	rows := readCSV(t, path)
	if len(rows) == 0 {
		t.Fatalf("%s is empty", path)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, name := range rows[0] {
			m[name] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// coMembers returns the pairs of people who share a group in a groups.csv.
func coMembers(t *testing.T, path string) map[[2]string]string {
	t.Helper()
	members := map[string][]string{}
	var ids []string
	for _, r := range csvRecords(t, path) {
		if members[r["group_id"]] == nil {
			ids = append(ids, r["group_id"])
		}
		members[r["group_id"]] = append(members[r["group_id"]], r["person_id"])
	}
	out := map[[2]string]string{}
	for _, g := range ids {
		m := slices.Sorted(slices.Values(members[g]))
		for i := range m {
			for j := i + 1; j < len(m); j++ {
				out[[2]string{m[i], m[j]}] = g
			}
		}
	}
	return out
}

// TestRoundTripWithGroups follows a generated previous quarter up and runs
// the next quarter on the files the follow-up wrote: the pairs that go on
// are kept (or listed as broken, with the rule), the ended ones are never
// made again, and no two people who shared a group last quarter share one
// again within codev.no_repeat; without codev_history_next.csv the same
// run does repeat groups, so the check has teeth.
func TestRoundTripWithGroups(t *testing.T) {
	t.Chdir(t.TempDir())
	mustRun(t, "init", "syn", "--synthetic", "300", "--seed", "3", "--previous")
	mustRun(t, "followup", filepath.Join("syn", "previous"), "syn", "--out", "fu")
	mustRun(t, "run", "syn", "--history", "fu/history_next.csv", "--mentees", "fu/mentees_next.csv",
		"--codev-history", "fu/codev_history_next.csv", "--out", "next")
	mustRun(t, "run", "syn", "--history", "fu/history_next.csv", "--mentees", "fu/mentees_next.csv", "--out", "nohist")

	type pair struct{ mentee, mentor string }
	next := map[pair]string{}
	for _, r := range csvRecords(t, "next/pairs.csv") {
		next[pair{r["mentee_id"], r["mentor_id"]}] = r["status"]
	}
	broken := map[pair]bool{}
	for _, r := range csvRecords(t, "next/broken_pairs.csv") {
		broken[pair{r["mentee_id"], r["mentor_id"]}] = true
	}
	history := map[pair]string{}
	for _, r := range csvRecords(t, "fu/history_next.csv") {
		history[pair{r["mentee_id"], r["mentor_id"]}] = r["status"]
	}
	kept, ended := 0, 0
	for _, r := range csvRecords(t, "fu/pairs_followup.csv") {
		p := pair{r["mentee_id"], r["mentor_id"]}
		switch r["next_status"] {
		case "active":
			if history[p] != "active" {
				t.Errorf("pair %v goes on but history_next.csv says %q", p, history[p])
			}
			switch {
			case next[p] == "kept":
				kept++
			case !broken[p]:
				t.Errorf("pair %v went on but next quarter neither kept it nor listed it as broken (status %q)", p, next[p])
			}
		case "ended":
			ended++
			if s, ok := next[p]; ok {
				t.Errorf("pair %v ended last quarter but next quarter made it again (%s)", p, s)
			}
		}
	}
	if kept == 0 || ended == 0 {
		t.Fatalf("%d pairs kept and %d ended: the round trip shows nothing", kept, ended)
	}

	last := coMembers(t, "syn/previous/groups.csv")
	if len(last) == 0 {
		t.Fatal("the previous quarter has no groups")
	}
	hist := map[string]bool{}
	for _, r := range csvRecords(t, "fu/codev_history_next.csv") {
		hist[r["group_id"]+"|"+r["person_id"]] = true
	}
	for pr, g := range last {
		if !hist[g+"|"+pr[0]] || !hist[g+"|"+pr[1]] {
			t.Errorf("codev_history_next.csv lacks %s or %s of group %s", pr[0], pr[1], g)
		}
	}
	for pr, g := range coMembers(t, "next/groups.csv") {
		if was, ok := last[pr]; ok {
			t.Errorf("%s and %s share group %s again (they were in %s last quarter)", pr[0], pr[1], g, was)
		}
	}
	repeats := 0
	for pr := range coMembers(t, "nohist/groups.csv") {
		if _, ok := last[pr]; ok {
			repeats++
		}
	}
	if repeats == 0 {
		t.Error("without codev_history_next.csv no group repeats: the check above proves nothing")
	}
}
