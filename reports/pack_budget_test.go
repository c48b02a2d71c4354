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
