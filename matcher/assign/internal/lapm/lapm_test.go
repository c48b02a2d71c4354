package lapm

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	m := &Matrix{N: 2, M: 3, Flags: FlagIntegral | FlagForbidden, Cost: []float64{1, 2, math.Inf(1), 4, 5, 6}}
	var b bytes.Buffer
	if err := Write(&b, m); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 24+6*8 {
		t.Fatalf("%d bytes", b.Len())
	}
	got, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got.N != 2 || got.M != 3 || got.Flags != m.Flags || !slices.Equal(got.Cost, m.Cost) {
		t.Fatalf("got %+v", got)
	}
	if _, err := Read(strings.NewReader("LAPMAT2\x00")); err == nil {
		t.Error("bad magic accepted")
	}
}

func TestORLib(t *testing.T) {
	d, err := ReadORLib(strings.NewReader(" 2\n 1 2\n 3 4\n"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Start, []int{0, 2, 4}) || !slices.Equal(d.Cols, []int{0, 1, 0, 1}) || !slices.Equal(d.Cost, []float64{1, 2, 3, 4}) {
		t.Fatalf("dense: %+v", d)
	}
	s, err := ReadORLib(strings.NewReader("3\n 2 3 7\n 1 1 5\n 2 1 4\n"), true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Start, []int{0, 1, 3, 3}) || !slices.Equal(s.Cols, []int{0, 2, 0}) || !slices.Equal(s.Cost, []float64{5, 7, 4}) {
		t.Fatalf("sparse: %+v", s)
	}
	dm := s.Dense()
	if dm.Cost[0] != 5 || !math.IsInf(dm.Cost[1], 1) || dm.Flags != FlagIntegral|FlagForbidden {
		t.Fatalf("Dense: %+v", dm)
	}
	if _, err := ReadORLib(strings.NewReader("2\n 3 1 1\n"), true); err == nil {
		t.Error("index out of range accepted")
	}
}
