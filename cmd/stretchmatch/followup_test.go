package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/data"
)

// TestSamplePreviousIsReproducible runs last quarter's inputs of the
// embedded sample again and checks that the moves chosen and the pairs are
// those of the embedded previous pack, so that the pack never drifts from
// what the tool computes. When it fails after a deliberate change of the
// scoring or the matching, regenerate data/sample/previous as its README
// says.
func TestSamplePreviousIsReproducible(t *testing.T) {
	dir := t.TempDir()
	prevIn := filepath.Join(dir, "previous")
	if err := os.MkdirAll(prevIn, 0o755); err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(data.SampleFS(), "previous")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range data.Files() {
		b, err := fs.ReadFile(sub, name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(prevIn, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	mustRun(t, "run", "previous", "--out", "again")
	again, err := data.ReadPrevious("again", data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	stored, err := data.SamplePrevious(data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(stored.Moves, again.Moves); diff != "" {
		t.Errorf("chosen moves (-embedded +computed):\n%s", diff)
	}
	type pair struct{ Mentee, Mentor string }
	var a, b []pair
	for _, p := range stored.Pairs {
		a = append(a, pair{p.MenteeID, p.MentorID})
	}
	for _, p := range again.Pairs {
		b = append(b, pair{p.MenteeID, p.MentorID})
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("pairs (-embedded +computed):\n%s", diff)
	}
	if len(stored.People) == 0 || len(stored.Positions) == 0 {
		t.Errorf("the embedded pack's people.csv and positions.csv were not found by their hashes")
	}
}

// TestFollowupFlags checks the parsing of followup's flags alone.
func TestFollowupFlags(t *testing.T) {
	var got *followupOptions
	ios := newIOStreams(nil, nil, nil)
	cmd := newFollowupCmd(ios, func(o *followupOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"prev", "dir", "--as-of", "31/03/2026", "--since", "2026-01-05", "--activity", "a.csv", "--out", "o", "--redact"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := followupFlags{Prev: "prev", Activity: "a.csv", AsOf: "2026-03-31", Since: "2026-01-05"}
	if got.Follow != want || got.Input.Dir != "dir" || got.OutDir != "o" || !got.Redact {
		t.Errorf("options %+v", got)
	}
	cmd = newFollowupCmd(ios, func(o *followupOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"prev", "--as-of", "2026-03-01", "--since", "2026-03-02"})
	if err := cmd.Execute(); err == nil {
		t.Error("--since after --as-of accepted")
	}
}
