package data

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestReadNumber is the table of numbers as spreadsheets, pandas and numpy
// write them.
func TestReadNumber(t *testing.T) {
	for _, tt := range []struct {
		in    string
		want  float64
		comma bool
	}{
		{"3", 3, false},
		{"3.5", 3.5, false},
		{"3,5", 3.5, true},
		{"+2", 2, false},
		{"-2", -2, false},
		{"\u22123", -3, false},
		{"\u22120,75", -0.75, true},
		{"1e-05", 1e-05, false},
		{"1E-05", 1e-05, false},
		{"1.5E+2", 150, false},
		{"2.5e3", 2500, false},
		{"2,5e3", 2500, true},
		{"-1.5e-3", -0.0015, false},
		{"+4.2e1", 42, false},
		{"\u22122e2", -200, false},
		{"6.02214076e23", 6.02214076e23, false},
		{"1 250", 1250, false},
		{"12\u00a0000,5", 12000.5, true},
		{"1\u202f000", 1000, false},
		{".5", 0.5, false},
		{"5.", 5, false},
		{"007", 7, false},
	} {
		f, comma, ok := readNumber(tt.in)
		if !ok || f != tt.want || comma != tt.comma {
			t.Errorf("readNumber(%q) = %v, %v, %v; want %v, %v, true", tt.in, f, comma, ok, tt.want, tt.comma)
		}
	}
	for _, in := range []string{"", "e5", "1e", "1e+", "1e5.5", "1.2.3", "1,2,3", "--1", "+-1", "1-", "3 5", "12 34",
		"NaN", "nan", "inf", "-Inf", "Infinity", "1e400", "-1e99999", "50%", "€12", "(3)", "0x10", "1_000", "١٢"} {
		if f, _, ok := readNumber(in); ok {
			t.Errorf("readNumber(%q) = %v, want not a number", in, f)
		}
	}
}

// TestNotNumber is the table of messages for what is not a number.
func TestNotNumber(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"NaN", `"NaN" is a missing value (NaN) as pandas, numpy or a spreadsheet write it, not a number: leave the cell empty for no value`},
		{"#N/A", `"#N/A" is a missing value (NaN) as pandas, numpy or a spreadsheet write it, not a number: leave the cell empty for no value`},
		{"inf", `"inf" is an infinity, not a number: write a finite number`},
		{"-Infinity", `"-Infinity" is an infinity, not a number: write a finite number`},
		{"∞", `"∞" is an infinity, not a number: write a finite number`},
		{"#DIV/0!", `"#DIV/0!" is an infinity, not a number: write a finite number`},
		{"50%", `"50%" is a percentage, not a number: write 50 without the % sign, or 0.5 as a fraction, as the column expects`},
		{"12,5 %", `"12,5 %" is a percentage, not a number: write 12,5 without the % sign, or 0.125 as a fraction, as the column expects`},
		{"€12", `"€12" is an amount of money, not a number: write the number alone, 12`},
		{"12.50 EUR", `"12.50 EUR" is an amount of money, not a number: write the number alone, 12.50`},
		{"$3", `"$3" is an amount of money, not a number: write the number alone, 3`},
		{"(3)", `"(3)" is a negative number in accounting style, not a number: write -3`},
		{"( 2,5 )", `"( 2,5 )" is a negative number in accounting style, not a number: write -2,5`},
		{"high", `"high" is not a number`},
		{"3 5", `"3 5" is not a number`},
	} {
		if got := notNumber(tt.in, "a number"); got != tt.want {
			t.Errorf("notNumber(%q):\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	if got := notNumber("40%", "a whole number"); !strings.Contains(got, "not a whole number") {
		t.Errorf("whole number: %s", got)
	}
}

// TestNumbersInEveryInput reads exponents, a leading '+' and the Unicode
// minus in people.csv, moves.csv and mentors.csv, and the messages for a
// percentage, NaN and an amount in the cells that expect numbers.
func TestNumbersInEveryInput(t *testing.T) {
	ds := mustLoad(t, Inputs{
		People:    src("people.csv", "id,name,grade,headcount,learning_orientation\n1,Ann,+7,1e1,3.5e0\n2,Bob,\u22121,0,+4\n"),
		Positions: src("positions.csv", "id,title,grade,openings\nP1,Lead,8.0e0,+2\n"),
		Moves:     src("moves.csv", "person_id,position_id,pressure,support\n1,P1,2.5E+0,4e0\n"),
		Mentors:   src("mentors.csv", "person_id,capacity\n2,+3\n"),
	}, ReadOptions{})
	p := ds.People
	if p[0].Grade.V != 7 || p[0].Headcount.V != 10 || p[0].LearningOrientation.V != 3.5 || p[1].Grade.V != -1 || p[1].LearningOrientation.V != 4 {
		t.Errorf("people: %+v", p)
	}
	if ds.Positions[0].Grade.V != 8 || ds.Positions[0].Openings != 2 {
		t.Errorf("positions: %+v", ds.Positions[0])
	}
	if m := ds.Moves[0]; m.Support.V != 4 {
		t.Errorf("moves: %+v", m)
	}
	if ds.Mentors[0].Capacity != 3 {
		t.Errorf("mentors: %+v", ds.Mentors[0])
	}
	got := problemLines(t, Inputs{
		People: src("people.csv", "id,name,grade,learning_orientation\n1,Ann,NaN,50%\n2,Bob,€3,(2)\n"),
	}, ReadOptions{})
	want := []string{
		`people.csv:2:3: grade "NaN" is a missing value (NaN) as pandas, numpy or a spreadsheet write it, not a whole number: leave the cell empty for no value (write a whole number, higher for more senior, or leave the cell empty)`,
		`people.csv:2:4: learning_orientation "50%" is a percentage, not a number: write 50 without the % sign, or 0.5 as a fraction, as the column expects (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
		`people.csv:3:3: grade "€3" is an amount of money, not a whole number: write the number alone, 3 (write a whole number, higher for more senior, or leave the cell empty)`,
		`people.csv:3:4: learning_orientation "(2)" is a negative number in accounting style, not a number: write -2 (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzReadNumber checks that readNumber never panics, returns only finite
// numbers, and agrees with strconv on what both accept.
func FuzzReadNumber(f *testing.F) {
	for _, s := range []string{"3", "-3.5", "1e-05", "1.5E+2", "\u22123", "2,5e3", "1 250", "NaN", "inf", "50%", "(3)", "€12", "1e400", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, ok := readNumber(s)
		if !ok {
			_ = notNumber(s, "a number")
			return
		}
		if math.IsInf(v, 0) || math.IsNaN(v) {
			t.Fatalf("readNumber(%q) = %v", s, v)
		}
		if w, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(w, 0) && w != v && !strings.ContainsAny(s, "_xXpP") {
			t.Fatalf("readNumber(%q) = %v, strconv says %v", s, v, w)
		}
	})
}

// TestConfigNumbers checks that config.yaml reads exponents and explains a
// percentage.
func TestConfigNumbers(t *testing.T) {
	cfg, err := LoadConfig(Source{Name: "config.yaml", Data: []byte("match:\n  min_fit: 2.5e1\n")})
	if err != nil || cfg.Match.MinFit != 25 {
		t.Fatalf("min_fit 2.5e1: %v, %v", cfg.Match.MinFit, err)
	}
	_, err = LoadConfig(Source{Name: "config.yaml", Data: []byte("match:\n  min_fit: 20%\n")})
	want := `config.yaml:2:12: "20%" is a percentage, not a number: write 20 without the % sign, or 0.2 as a fraction, as the column expects (write a number, or remove the key to keep the default)`
	if err == nil || err.Error() != want {
		t.Errorf("min_fit 20%%:\n got %v\nwant %s", err, want)
	}
}
