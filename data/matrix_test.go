package data

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadMatrix(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name     string
		text     string
		opt      ReadOptions
		capacity string
		want     *Matrix
	}{{
		name: "comma, forbidden cells, negative numbers",
		text: "mentee,m1,m2,m3\na,1.5,,-2\nb,x,0,X\n",
		want: &Matrix{Rows: []string{"a", "b"}, Cols: []string{"m1", "m2", "m3"},
			Cells: []float64{1.5, inf, -2, inf, 0, inf}, HeaderLine: 1, RowLines: []int{2, 3}},
	}, {
		name: "semicolon, decimal comma, BOM, CRLF, empty corner",
		text: "\xEF\xBB\xBF" + crlf(";m1;m2\na;1,5;3\nb;;-0,25\n"),
		want: &Matrix{Rows: []string{"a", "b"}, Cols: []string{"m1", "m2"}, Cells: []float64{1.5, 3, inf, -0.25}, HeaderLine: 1, RowLines: []int{2, 3}},
	}, {
		name:     "capacity row anywhere, case-insensitive, empty means 1",
		text:     "id\tm1\tm2\tm3\na\t1\t2\t3\nCapacity\t2\t\t0\nb\t4\t5\t6\n",
		capacity: "capacity",
		want: &Matrix{Rows: []string{"a", "b"}, Cols: []string{"m1", "m2", "m3"},
			Cells: []float64{1, 2, 3, 4, 5, 6}, Capacity: []int{2, 1, 0}, HeaderLine: 1, RowLines: []int{2, 4}, CapacityLine: 3},
	}, {
		name: "Windows-1252 ids and forced delimiter",
		text: "x|Zo\xeb\nH\xe9l\xe8ne|7\n",
		opt:  ReadOptions{Delimiter: '|'},
		want: &Matrix{Rows: []string{"Hélène"}, Cols: []string{"Zoë"}, Cells: []float64{7}, HeaderLine: 1, RowLines: []int{2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadMatrix(Source{Name: "m.csv", Data: []byte(tt.text)}, tt.opt, tt.capacity)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, m); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	m, _ := ReadMatrix(Source{Name: "m.csv", Data: []byte("r,c1,c2\na,1,2\nb,3,4\n")}, ReadOptions{}, "")
	if m.At(1, 0) != 3 || m.At(0, 1) != 2 {
		t.Errorf("At: %v %v", m.At(1, 0), m.At(0, 1))
	}
}

func TestReadMatrixProblems(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		capacity string
		want     []string
	}{{
		name: "not a number, ragged, duplicate ids, empty ids",
		text: "r,c1,c2,c1,\n" +
			"a,1,abc,2,3\n" +
			"b,1\n" +
			"a,\"1,5\",2,3,4\n" +
			",1,2,3,4\n",
		want: []string{
			`m.csv:1:4: duplicate column id "c1": first in column 2 (give each column its own id)`,
			`m.csv:1:5: column id is empty (write an id for every column of the header after the first cell)`,
			`m.csv:2:3: "abc" is not a number (write a number, or leave the cell empty or write x to forbid the pair)`,
			`m.csv:3:3: row has 2 fields but the header has 5 (check for a missing or extra comma, and put cells that contain one in quotes)`,
			`m.csv:4:1: duplicate row id "a": first on line 2 (give each row its own id)`,
			`m.csv:4:2: "1,5" has a decimal comma in a comma-separated file (write 1.5 with a decimal point, or save the file with ';' as separator)`,
			`m.csv:5:1: row id is empty (write the row id in the first cell of every row)`,
		},
	}, {
		name: "empty",
		text: "\n\n",
		want: []string{`m.csv:1:1: file is empty (write the column ids in the header row and one row per row id below it)`},
	}, {
		name: "header only",
		text: "r,c1\n",
		want: []string{`m.csv:1:1: the file has a header but no rows (add one row per row id below the header)`},
	}, {
		name: "no columns",
		text: "r\na\n",
		want: []string{`m.csv:1:2: the header has no column ids (write the column ids after the first cell of the header row)`},
	}, {
		name:     "bad capacities",
		text:     "r;c1;c2;c3\ncap;-1;x;1,5\na;1;2;3\n",
		capacity: "cap",
		want: []string{
			`m.csv:2:2: capacity "-1" is negative (write how many rows the column can take, 0 or more, or leave the cell empty for 1)`,
			`m.csv:2:3: capacity "x" is not a whole number (write how many rows the column can take, 0 or more, or leave the cell empty for 1)`,
			`m.csv:2:4: capacity "1,5" is not a whole number (write how many rows the column can take, 0 or more, or leave the cell empty for 1)`,
		},
	}, {
		name:     "missing capacity row",
		text:     "r,c1\na,1\n",
		capacity: "cap",
		want:     []string{`m.csv: no row "cap" with the column capacities (add a row whose first cell is cap and whose cells give each column's capacity)`},
	}, {
		name: "unreadable",
		text: "PK\x03\x04x",
		want: []string{`m.csv:1:1: unreadable encoding: this is an Excel workbook (.xlsx), not a CSV file (open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated)`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadMatrix(Source{Name: "m.csv", Data: []byte(tt.text)}, ReadOptions{}, tt.capacity)
			var ps Problems
			if !errors.As(err, &ps) || m != nil {
				t.Fatalf("got %v, %v; want Problems", m, err)
			}
			if diff := cmp.Diff(strings.Join(tt.want, "\n"), ps.Error()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
