package main

import (
	"math"
	"testing"

	"github.com/stretchmatch/stretchmatch/data"
	"github.com/stretchmatch/stretchmatch/matcher/assign"
	"github.com/stretchmatch/stretchmatch/reports"
)

// TestAssignErrorsNameIDs checks that every error of the solver reaches the
// user with the ids of the matrix file and the place of the cell, never
// with bare indexes.
func TestAssignErrorsNameIDs(t *testing.T) {
	src := data.Source{Name: "m.csv", Data: []byte("id,a,b\n\nr1,1,2\nr2,x,3\ncap,1,2\n")}
	mx, err := data.ReadMatrix(src, data.ReadOptions{}, "cap")
	if err != nil {
		t.Fatal(err)
	}
	if got := mx.RowLines; len(got) != 2 || got[0] != 3 || got[1] != 4 || mx.CapacityLine != 5 || mx.HeaderLine != 1 {
		t.Fatalf("lines: rows %v, capacity %d, header %d", got, mx.CapacityLine, mx.HeaderLine)
	}
	solve := func(cells []float64, capacity []int, maximize bool) error {
		p := assign.NewDense(2, 2, cells)
		p.SetCapacity(capacity)
		_, err := assign.Solve(p, assign.Options{Maximize: maximize, Mode: assign.Strict})
		return assignError(err, mx, "m.csv", reports.EN)
	}
	for _, tt := range []struct {
		name     string
		cells    []float64
		capacity []int
		maximize bool
		want     string
	}{
		{"NaN", []float64{1, 2, 3, math.NaN()}, []int{1, 1}, false,
			`m.csv:4:3: the cell of row "r2" and column "b" is not a number (NaN) (write a number, or leave the cell empty or write x to forbid the pair)`},
		{"wrong infinity", []float64{1, math.Inf(-1), 3, 4}, []int{1, 1}, false,
			`m.csv:3:3: the cell of row "r1" and column "b" is an infinity of the wrong sign (write a number, or leave the cell empty or write x to forbid the pair)`},
		{"capacity", []float64{1, 2, 3, 4}, []int{1, math.MaxInt32 + 1}, false,
			`m.csv:5:3: the capacity 2147483648 of column "b" is out of range (give a whole number from 0 to 2147483647)`},
		{"negative capacity", []float64{1, 2, 3, 4}, []int{-1, 1}, false,
			`m.csv:5:2: the capacity -1 of column "a" is out of range (give a whole number from 0 to 2147483647)`},
		{"Hall", []float64{1, math.Inf(1), 3, math.Inf(1)}, []int{1, 1}, false,
			`m.csv:3:1: not every row can be assigned: the 2 rows r1, r2 (lines 3, 4) can only use 1 column (a), which take 1 in all (raise a capacity, allow more cells, or drop --strict)`},
	} {
		err := solve(tt.cells, tt.capacity, tt.maximize)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.name, err, tt.want)
		}
	}
	// French, through the same catalog as every other message.
	p := assign.NewDense(2, 2, []float64{1, 2, 3, math.NaN()})
	_, err = assign.Solve(p, assign.Options{})
	want := `m.csv:4:3: la cellule de la ligne "r2" et de la colonne "b" n'est pas un nombre (NaN) (écrivez un nombre, ou laissez la cellule vide ou écrivez x pour interdire la paire)`
	if got := assignError(err, mx, "m.csv", reports.FR); got == nil || got.Error() != want {
		t.Errorf("French:\n got %v\nwant %s", got, want)
	}
}
