package data

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// basePeople is a small valid people.csv for tests of the other files.
const basePeople = "id,name,manager_id,grade\n" +
	"1,Ann Lee,,9\n" +
	"2,Bob Li,1,7\n" +
	"3,Chloé Martin,1,7\n" +
	"4,Dan Roe,2,5\n" +
	"5,Eve Park,3,5\n" +
	"6,Fay Wu,3,4\n"

// basePositions is a small valid positions.csv.
const basePositions = "id,title\nP1,Plant manager\nP2,Controller\n"

func src(name, text string) *Source { return &Source{Name: name, Data: []byte(text)} }

// mustLoad loads in and fails the test on any error.
func mustLoad(t *testing.T, in Inputs, opt ReadOptions) *model.Dataset {
	t.Helper()
	ds, _, err := Load(in, opt)
	if err != nil {
		t.Fatalf("Load: unexpected problems:\n%v", err)
	}
	return ds
}

// problemLines loads in and returns the problems as strings; it fails the
// test when Load returns an error that is not a Problems or no error.
func problemLines(t *testing.T, in Inputs, opt ReadOptions) []string {
	t.Helper()
	ds, _, err := Load(in, opt)
	if err == nil {
		t.Fatalf("Load: want problems, got none")
	}
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load: error %T is not Problems: %v", err, err)
	}
	if ds != nil {
		t.Errorf("Load: dataset not nil alongside problems")
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// crlf turns LF line ends into CRLF.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
