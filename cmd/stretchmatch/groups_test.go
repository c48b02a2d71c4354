package main

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestGroupsFlags(t *testing.T) {
	ios, _, _ := testIO()
	var got *groupsOptions
	cmd := newGroupsCmd(ios, func(o *groupsOptions) error { got = o; return nil })
	err := execute(cmd, "review", "--codev", "v.csv", "--codev-history", "h.csv", "--start", "31/01/2026",
		"--every", "6w", "--seed", "7", "--line-depth", "3", "--out", "res", "--redact", "--lang", "fr")
	if err != nil {
		t.Fatal(err)
	}
	if got.Input.Dir != "review" || got.Input.CodevFile != "v.csv" || got.Input.CodevHistoryFile != "h.csv" ||
		got.Groups.Start != "31/01/2026" || got.Groups.Every != "6w" || got.Groups.Seed != 7 ||
		got.LineDepth != 3 || got.OutDir != "res" || !got.Redact || got.Output.Lang != "fr" {
		t.Fatalf("options not parsed: %+v", got)
	}
	sch, err := got.Groups.schedule(model.AnimatorFixed)
	if err != nil {
		t.Fatal(err)
	}
	if !sch.Start.Equal(time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)) || sch.Every.N != 6 || sch.Every.Months || sch.Animator != model.AnimatorFixed {
		t.Errorf("schedule: %+v", sch)
	}
	var def groupsFlags
	if sch, _ := def.schedule(model.AnimatorRotating); !sch.Start.IsZero() || sch.Every.N != 1 || !sch.Every.Months {
		t.Errorf("default schedule: %+v", sch)
	}
	for _, args := range [][]string{
		{"--every", "2d"}, {"--every", "0w"}, {"--start", "2026-02-30"}, {"--start", "tomorrow"},
		{"--line-depth", "-1"}, {"a", "b"}, {"--codev", "-", "--people", "-"},
	} {
		err := execute(newGroupsCmd(ios, func(*groupsOptions) error { return nil }), args...)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}
