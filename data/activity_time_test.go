package data

import (
	"strings"
	"testing"
)

// TestParseDayExcelForms reads the forms French Excel and LibreOffice write
// for a date, with and without a time, and refuses a time that is none.
func TestParseDayExcelForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"03/12/2026", "2026-12-03"}, {"3/12/2026", "2026-12-03"}, {"03/12/26", "2026-12-03"},
		{"03.12.2026", "2026-12-03"}, {"3.12.2026", "2026-12-03"}, {"03-12-2026", "2026-12-03"},
		{"2026-12-03", "2026-12-03"},
		{"03/12/2026 14:30", "2026-12-03"}, {"03/12/2026 9:05", "2026-12-03"}, {"03/12/2026 14:30:59", "2026-12-03"},
		{"03/12/2026 14h30", "2026-12-03"}, {"03.12.2026 00:00", "2026-12-03"}, {"03/12/2026\u00a014:30", "2026-12-03"},
		{"2026-12-03T14:30:00", "2026-12-03"}, {"2026-12-03T14:30:00.250", "2026-12-03"}, {"2026-12-03T14:30:00Z", "2026-12-03"},
		{"2026-12-03T14:30:00+01:00", "2026-12-03"}, {"2026-12-03 14:30:00-0500", "2026-12-03"},
		// Not dates: a time that is none, no time after the separator, no
		// such day, month first.
		{"03/12/2026 25:00", ""}, {"03/12/2026 14:60", ""}, {"03/12/2026 14:3", ""}, {"03/12/2026 noon", ""},
		{"2026-12-03T", ""}, {"2026-12-03T14:30:00+1", ""}, {"03/12/2026 14:30:00.", ""}, {"31/11/2026", ""},
		{"12/31/2026", ""}, {"3.12.2026x", ""},
	} {
		got, ok := ParseDay(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDay(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestReadActivityBadDates reports every bad date at once, at its line and
// column, and reads the good ones in every form.
func TestReadActivityBadDates(t *testing.T) {
	text := "mentee_id,mentor_id,date,kind\n" +
		"e1,m1,03/12/2026,meeting\n" +
		"e1,m1,3/12/2026 14:30,meeting\n" +
		"e1,m1,03.12.2026,checkin\n" +
		"e1,m1,03/12/2026 25:00,meeting\n" +
		"e2,m2,12/31/2026,meeting\n" +
		"e2,m2,2026-12-03T9h,meeting\n"
	_, err := readActivity(t, text)
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`activity.csv:5:3: date "03/12/2026 25:00" is not a date (write the date as YYYY-MM-DD or DD/MM/YYYY`,
		`activity.csv:6:3: date "12/31/2026" is not a date`,
		`activity.csv:7:3: date "2026-12-03T9h" is not a date`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "is not a date"); n != 3 {
		t.Errorf("%d bad dates reported, want 3:\n%v", n, err)
	}
	acts, err := readActivity(t, strings.Join(strings.Split(text, "\n")[:4], "\n")+"\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range acts {
		if a.Date != "2026-12-03" {
			t.Errorf("line %d: date %s, want 2026-12-03", a.Line, a.Date)
		}
	}
}

// FuzzParseDay checks that no text makes ParseDay panic and that a date
// read is an ISO date that reads back as itself.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"03/12/2026", "3.12.26 14h30", "2026-12-03T14:30:00+01:00", "03/12/2026 25:00", "T", " 1:2", "2026-12-03T-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDay(s)
		if !ok {
			return
		}
		if again, ok := ParseDay(d); !ok || again != d || len(d) != 10 {
			t.Errorf("ParseDay(%q) = %q, which reads back as %q, %v", s, d, again, ok)
		}
	})
}
