package data

import (
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestLoadConfigFollowup(t *testing.T) {
	cfg, err := LoadConfig(Source{Name: "config.yaml", Data: []byte("followup:\n  first_meeting_days: 14\n  inactive_days: 30\n")})
	if err != nil {
		t.Fatal(err)
	}
	want := model.DefaultFollowup()
	want.FirstMeetingDays, want.InactiveDays = 14, 30
	if cfg.Followup != want {
		t.Errorf("followup %+v, want %+v", cfg.Followup, want)
	}
	for _, tt := range []struct{ yaml, want string }{
		{"followup:\n  inactive_days: 0\n", "config.yaml:2:3: followup.inactive_days: must be a whole number of days ≥ 1, got 0"},
		{"followup:\n  gas_correlation: 1\n", "config.yaml:2:3: followup.gas_correlation: must be ≥ 0 and below 1, got 1"},
		{"followup:\n  inactve_days: 3\n", `config.yaml:2:3: unknown key "inactve_days" in followup`},
	} {
		_, err := LoadConfig(Source{Name: "config.yaml", Data: []byte(tt.yaml)})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.yaml, err, tt.want)
		}
	}
	if !strings.Contains(string(DefaultConfigYAML()), "followup:\n  # A pair or group with no meeting this many days after its start is no_first_meeting.\n  first_meeting_days: 21\n") {
		t.Error("the default config.yaml lacks the followup block")
	}
}
