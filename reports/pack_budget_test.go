package reports

import (
	"strings"
	"testing"
)

// TestHalves checks that a long chart of mentors is drawn in two halves
// of the same scale, and a short one whole.
func TestHalves(t *testing.T) {
	var ch Chart
	for i := range 31 {
		ch.Labels = append(ch.Labels, string(rune('a'+i%26)))
		ch.Values = append(ch.Values, float64(i%3))
		ch.Capacity = append(ch.Capacity, float64(2+i%5))
	}
	ch.Title = "load"
	hs := halves(ch)
	if len(hs) != 2 || len(hs[0].Values) != 16 || len(hs[1].Values) != 15 || len(hs[1].Capacity) != 15 {
		t.Fatalf("halves of 31 bars: %d charts", len(hs))
	}
	if hs[0].Max != 6 || hs[1].Max != 6 {
		t.Errorf("scales %v and %v, want both 6 (the largest capacity)", hs[0].Max, hs[1].Max)
	}
	if hs[1].Labels[0] != ch.Labels[16] || hs[1].Values[14] != ch.Values[30] || !strings.HasSuffix(hs[1].Title, "(2/2)") {
		t.Errorf("second half %v %v %q", hs[1].Labels, hs[1].Values, hs[1].Title)
	}
	short := ch
	short.Labels, short.Values, short.Capacity = ch.Labels[:16], ch.Values[:16], ch.Capacity[:16]
	if hs := halves(short); len(hs) != 1 || hs[0].Title != "load" || hs[0].Max != 0 {
		t.Errorf("a chart of 16 bars is cut: %d charts", len(hs))
	}
}

// TestLQAlertsView checks that the alerts saying the same are one line
// naming everyone, in the order of their first alert, and that the
// others stay as they are.
func TestLQAlertsView(t *testing.T) {
	full := &Table{Name: "lq_alerts", Columns: make([]Column, 5)}
	full.Add("Move M1", "Ann", "not yet", "same job", "ask")
	full.Add("pair", "Bob – Cy", "inactive", "no meeting", "check in")
	full.Add("Move M2", "Dan", "not yet", "same job", "ask")
	full.Add("Move M3", "Eve", "other move", "job changed", "review")
	full.Add("pair", "Fay – Gil", "inactive", "no meeting", "check in")
	full.Add("Move M4", "Hal", "not yet", "same job", "ask")
	v := lqAlertsView(full, EN)
	want := []string{
		"Move (3)|Ann, Dan, Hal|not yet|same job|ask",
		"pair (2)|Bob – Cy, Fay – Gil|inactive|no meeting|check in",
		"Move M3|Eve|other move|job changed|review",
	}
	if len(v.Rows) != len(want) {
		t.Fatalf("%d lines %v, want %d", len(v.Rows), v.Rows, len(want))
	}
	for i, row := range v.Rows {
		if got := strings.Join(row, "|"); got != want[i] {
			t.Errorf("line %d: %s, want %s", i+1, got, want[i])
		}
	}
	if v.Media != DocOnly || v.Full != "lq_alerts" {
		t.Errorf("view media %d, full %q", v.Media, v.Full)
	}
}
