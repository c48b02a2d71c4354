package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestProblemMessages checks the exact message of every kind of bad input
// of SPEC §9, and a few more: file, physical line, column (the field index)
// and what to do.
func TestProblemMessages(t *testing.T) {
	people := func(s string) Inputs { return Inputs{People: src("people.csv", s)} }
	with := func(in Inputs) Inputs {
		if in.People == nil {
			in.People = src("people.csv", basePeople)
		}
		return in
	}
	tests := []struct {
		name string
		in   Inputs
		want []string
	}{{
		name: "missing required column",
		in:   people("id,team\n1,T\n"),
		want: []string{`people.csv:1:3: missing required column "name" (add a column named name to the header; other accepted names include nom, full name, employee name, display name)`},
	}, {
		name: "missing people.csv",
		in:   Inputs{Mentors: src("mentors.csv", "person_id\n1\n")},
		want: []string{`people.csv: file is missing (put people.csv in the input folder, or name it with --people FILE)`},
	}, {
		name: "duplicate id names the first line",
		in:   people("id,name\n1,Ann\n2,Bob\n1,Ann again\n"),
		want: []string{`people.csv:4:1: duplicate id "1": first used on line 2 (give each person their own id, or remove the repeated row)`},
	}, {
		name: "duplicate position id",
		in:   with(Inputs{Positions: src("positions.csv", "title,id\nA,P1\nB,P1\n")}),
		want: []string{`positions.csv:3:2: duplicate id "P1": first used on line 2 (give each position its own id, or remove the repeated row)`},
	}, {
		name: "duplicate default move id",
		in: with(Inputs{Positions: src("positions.csv", basePositions),
			Moves: src("moves.csv", "person_id,position_id\n4,P1\n4,P1\n")}),
		want: []string{`moves.csv:3:1: duplicate move id "4>P1": first used on line 2 (give each move its own id, or remove the repeated row; without an id column a move's id is person_id>position_id)`},
	}, {
		name: "unknown manager id",
		in:   people("id,name,manager_id\n1,Ann,\n2,Bob,9\n"),
		want: []string{`people.csv:3:3: manager_id "9" is not an id in people.csv (write the id of a person in people.csv, or leave the cell empty for the top of the organisation)`},
	}, {
		name: "unknown position manager",
		in:   with(Inputs{Positions: src("positions.csv", "id,title,manager_id\nP1,T,42\n")}),
		want: []string{`positions.csv:2:3: manager_id "42" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`},
	}, {
		name: "unknown person and position in moves",
		in: with(Inputs{Positions: src("positions.csv", basePositions),
			Moves: src("moves.csv", "person_id,position_id\n9,P1\n4,P9\n")}),
		want: []string{
			`moves.csv:2:1: person_id "9" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
			`moves.csv:3:2: position_id "P9" is not an id in positions.csv (write the id of a position in positions.csv, or add the position there)`,
		},
	}, {
		name: "moves without positions.csv",
		in:   with(Inputs{Moves: src("moves.csv", "person_id,position_id\n4,P1\n")}),
		want: []string{`moves.csv: positions.csv was not given, so the positions of the moves cannot be checked (add positions.csv to the input folder, or name it with --positions FILE)`},
	}, {
		name: "unknown mentor and mentee persons",
		in: with(Inputs{Mentors: src("mentors.csv", "person_id\n1\n77\n"),
			Mentees: src("mentees.csv", "person_id\n78\n")}),
		want: []string{
			`mentors.csv:3:1: person_id "77" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
			`mentees.csv:2:1: person_id "78" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
		},
	}, {
		name: "unknown ids in history",
		in:   with(Inputs{History: src("history.csv", "mentee_id,mentor_id\n4,99\n98,1\n4,4\n")}),
		want: []string{
			`history.csv:2:2: mentor_id "99" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
			`history.csv:3:1: mentee_id "98" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
			`history.csv:4:2: mentee_id and mentor_id are both "4" (a person cannot mentor themselves: fix one of the two ids)`,
		},
	}, {
		name: "manager cycle names its people from the smallest id",
		in:   people("id,name,manager_id\n1,Ann,\n12,Léa Roux,9\n10,Bob Li,12\n9,Zoé Ng,10\n11,Sub,9\n"),
		want: []string{`people.csv:5:3: manager cycle: 9 "Zoé Ng" → 10 "Bob Li" → 12 "Léa Roux" → 9 "Zoé Ng" (each person's manager_id leads back to them: fix the manager_id of one of these people so that the chain ends at the top of the organisation)`},
	}, {
		name: "two-person cycle and self-manager",
		in:   people("id,name,manager_id\nA,Ann,B\nB,Bob,A\nC,Cy,C\n"),
		want: []string{
			`people.csv:2:3: manager cycle: A "Ann" → B "Bob" → A "Ann" (each person's manager_id leads back to them: fix the manager_id of one of these people so that the chain ends at the top of the organisation)`,
			`people.csv:4:3: person "C" is their own manager (write the id of their manager, or leave manager_id empty for the top of the organisation)`,
		},
	}, {
		name: "rating outside 1-5 or not a number",
		in: with(Inputs{Positions: src("positions.csv", basePositions),
			Moves: src("moves.csv", "person_id,position_id,failure_visible,pressure,support\n4,P1,7,high,0.5\n")}),
		want: []string{
			`moves.csv:2:3: failure_visible "7" is outside 1–5 (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
			`moves.csv:2:4: pressure "high" is not a number (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
			`moves.csv:2:5: support "0.5" is outside 1–5 (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
		},
	}, {
		name: "decimal comma in a comma-separated file",
		in:   people("id,name,learning_orientation\n1,Ann,\"3,5\"\n"),
		want: []string{`people.csv:2:3: learning_orientation "3,5" has a decimal comma in a comma-separated file (write 3.5 with a decimal point, or save the file with ';' as separator)`},
	}, {
		name: "negative capacity",
		in:   with(Inputs{Mentors: src("mentors.csv", "person_id;capacity\n1;-1\n")}),
		want: []string{`mentors.csv:2:2: capacity "-1" is negative (write a whole number, 0 or more, or leave the cell empty)`},
	}, {
		name: "ragged rows",
		in:   people("id;name;team\n1;Ann\n2;Bob;T;extra\n3;Cy;T;;\n"),
		want: []string{
			`people.csv:2:3: row has 2 fields but the header has 3 (check for a missing or extra semicolon, and put cells that contain one in quotes)`,
			`people.csv:3:4: row has 4 fields but the header has 3 (check for a missing or extra semicolon, and put cells that contain one in quotes)`,
		},
	}, {
		name: "empty file",
		in:   people(""),
		want: []string{`people.csv:1:1: file is empty (export the table again with its header row)`},
	}, {
		name: "whitespace-only file",
		in:   with(Inputs{Mentors: src("mentors.csv", " \r\n\t\n")}),
		want: []string{`mentors.csv:1:1: file is empty (export the table again with its header row, or leave the file out)`},
	}, {
		name: "header only people.csv",
		in:   people("id,name\n"),
		want: []string{`people.csv:1:1: the file has a header but no people (add one row per person below the header)`},
	}, {
		name: "UTF-16 file read as text",
		in:   people("\xFF\xFEi\x00d\x00\t\x00n\x00a\x00m\x00e\x00\n\x00"),
		want: []string{`people.csv:1:1: the file has a header but no people (add one row per person below the header)`},
	}, {
		name: "NUL bytes",
		in:   people("i\x00d\x00,\x00"),
		want: []string{`people.csv:1:1: unreadable encoding: the file contains NUL bytes (UTF-16 or not a text file) (open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated)`},
	}, {
		name: "Excel workbook",
		in:   people("PK\x03\x04rest"),
		want: []string{`people.csv:1:1: unreadable encoding: this is an Excel workbook (.xlsx), not a CSV file (open it in Excel or LibreOffice and save it as CSV UTF-8, comma- or semicolon-separated)`},
	}, {
		name: "a preference that names a non-mentor",
		in: with(Inputs{Mentors: src("mentors.csv", "person_id\n1\n"),
			Mentees: src("mentees.csv", "person_id,preferences\n3,1|5\n")}),
		want: []string{`mentees.csv:2:2: mentee "3" prefers "5", who is not a mentor (add 5 to mentors.csv, or remove them from preferences)`},
	}, {
		name: "avoid that names a non-mentor, self and both lists",
		in: with(Inputs{Mentors: src("mentors.csv", "person_id\n1\n2\n"),
			Mentees: src("mentees.csv", "person_id,preferences,avoid\n4,4|1,6|1|4\n")}),
		want: []string{
			`mentees.csv:2:2: mentee "4" lists themselves in preferences (remove 4 from preferences)`,
			`mentees.csv:2:3: mentee "4" avoids "6", who is not a mentor (add 6 to mentors.csv, or remove them from avoid)`,
			`mentees.csv:2:3: mentee "4" both prefers and avoids "1" (keep 1 in only one of the two lists)`,
			`mentees.csv:2:3: mentee "4" lists themselves in avoid (remove 4 from avoid)`,
		},
	}, {
		name: "required cell empty",
		in:   people("id,name\n1,\n,Bob\n"),
		want: []string{
			`people.csv:2:2: name is empty (fill in the name, or remove the row)`,
			`people.csv:3:1: id is empty (fill in the id, or remove the row)`,
		},
	}, {
		name: "person twice in mentors and mentees",
		in: with(Inputs{Mentors: src("mentors.csv", "person_id\n1\n2\n1\n"),
			Mentees: src("mentees.csv", "person_id\n4\n4\n")}),
		want: []string{
			`mentors.csv:4:1: mentor "1" is listed twice: first on line 2 (keep one row per mentor)`,
			`mentees.csv:3:1: mentee "4" is listed twice: first on line 2 (keep one row per mentee)`,
		},
	}, {
		name: "duplicate column after normalisation",
		in:   people("id,Name,nom,Nom Complet\n1,Ann,Ann,Ann\n"),
		want: []string{
			`people.csv:1:3: duplicate column: "nom" is the name column, like column 2 "Name" (remove or rename one of the two columns)`,
			`people.csv:1:4: duplicate column: "Nom Complet" is the name column, like column 2 "Name" (remove or rename one of the two columns)`,
		},
	}, {
		name: "bad cells of every kind",
		in: with(Inputs{Positions: src("positions.csv",
			"id,title,country,site_type,role_kind,grade,headcount,new_role,openings\nP1,T,France,office,boss,B,-2,maybe,0\n")}),
		want: []string{
			`positions.csv:2:3: country "France" is not a known country code (write the ISO 3166 alpha-2 code, such as FR, DE or US)`,
			`positions.csv:2:4: site_type "office" is neither hq nor field (write hq for headquarters or field; siège and terrain are accepted too)`,
			`positions.csv:2:5: role_kind "boss" is neither line nor staff (write line for an operational role or staff for a functional one; opérationnel and fonctionnel are accepted too)`,
			`positions.csv:2:6: grade "B" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`,
			`positions.csv:2:7: headcount "-2" is negative (write a whole number, 0 or more, or leave the cell empty)`,
			`positions.csv:2:8: new_role "maybe" is not a yes/no value (write yes or no; also accepted: true/false, 1/0, oui/non, vrai/faux, x for yes, empty for not given)`,
			`positions.csv:2:9: openings "0" is below 1 (write how many people the position takes, 1 or more, or leave the cell empty for 1)`,
		},
	}, {
		name: "common non-ISO country code",
		in:   people("id,name,country\n1,Ann,uk\n"),
		want: []string{`people.csv:2:3: country "uk" is not a known country code (write the ISO 3166 alpha-2 code GB)`},
	}, {
		name: "priority, status and date",
		in: with(Inputs{Mentees: src("mentees.csv", "person_id,priority\n4,4\n5,1.5\n"),
			History: src("history.csv", "mentee_id,mentor_id,status,since\n4,1,paused,2024-02-30\n")}),
		want: []string{
			`mentees.csv:2:2: priority "4" is outside 1–3 (write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier)`,
			`mentees.csv:3:2: priority "1.5" is not a whole number (write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier)`,
			`history.csv:2:3: status "paused" is neither active nor ended (write active or ended, or actif or terminé, or leave the cell empty for active)`,
			`history.csv:2:4: since "2024-02-30" is not a date (write the date as YYYY-MM-DD or DD/MM/YYYY, such as 2024-03-31)`,
		},
	}, {
		name: "bare quote",
		in:   people("id,name\n1,Ann \"the\" Lee\n2,Bob\n"),
		want: []string{`people.csv:2:2: a quote " appears inside a cell that does not start with a quote (put the whole cell in quotes and double the quotes inside it: "5"" screen")`},
	}, {
		name: "a broken only row is not a header-only file",
		in:   people("id,name\n1,\"Ann\n"),
		want: []string{`people.csv:2:2: the quote that opens this cell is never closed (close the quote at the end of the cell and double the quotes inside it: "5"" screen")`},
	}, {
		name: "text after a closing quote on the last line",
		in:   people("id,name\n1,\"Ann\" Lee"),
		want: []string{`people.csv:2:2: a quoted cell has text after its closing quote (close the quote at the end of the cell and double the quotes inside it: "5"" screen")`},
	}, {
		name: "text after a closing quote",
		in:   people("id,name\n1,\"Ann\" Lee\n2,Bob\n"),
		want: []string{`people.csv:2:2: a quoted cell has text after its closing quote (close the quote at the end of the cell and double the quotes inside it: "5"" screen")`},
	}, {
		name: "quote never closed",
		in:   people("id,name\n1,Ann\n2,\"Bob\n3,Cy\n"),
		want: []string{`people.csv:3:2: the quote that opens this cell is not closed properly: lines 3 to 4 were read as one cell (close the quote at the end of the cell and double the quotes inside it: "5"" screen")`},
	}, {
		name: "cells after a multi-line cell are on their own physical line",
		in:   people("id,name,grade\n1,\"Ann\nLee\",x\n2,Bob,y\n"),
		want: []string{
			`people.csv:3:3: grade "x" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`,
			`people.csv:4:3: grade "y" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`,
		},
	}, {
		name: "cross-check of a cell after a multi-line cell",
		in:   people("id,name,manager_id\n1,\"Ann\nLee\",\n2,\"Bob\nLi\",9\n"),
		want: []string{`people.csv:5:3: manager_id "9" is not an id in people.csv (write the id of a person in people.csv, or leave the cell empty for the top of the organisation)`},
	}, {
		name: "a ragged row does not make its id unknown elsewhere",
		in: Inputs{People: src("people.csv", "id,name\n1,Ann\n2,Bob,oops\n"),
			Mentors: src("mentors.csv", "person_id\n2\n")},
		want: []string{`people.csv:3:3: row has 3 fields but the header has 2 (check for a missing or extra comma, and put cells that contain one in quotes)`},
	}, {
		name: "sep= line shifts nothing",
		in:   people("sep=;\nid;name;grade\n1;Ann;x\n"),
		want: []string{`people.csv:3:3: grade "x" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problemLines(t, tt.in, ReadOptions{})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAllProblemsInOrder checks that problems in several files are all
// reported, by file order, then line, then column, whatever order they
// were found in.
func TestAllProblemsInOrder(t *testing.T) {
	in := Inputs{
		History:   src("hist/history.csv", "mentee_id,mentor_id\n4,99\n"),
		Mentees:   src("hist/mentees.csv", "person_id,preferences,priority\n4,1|2,9\n"),
		Mentors:   src("hist/mentors.csv", "person_id,capacity\n1,-3\n1,2\n"),
		Moves:     src("hist/moves.csv", "person_id,position_id,pressure\n4,P1,9\n44,P1,\n"),
		Positions: src("hist/positions.csv", "id,title\nP1,Plant\n"),
		People:    src("hist/people.csv", "id,name,manager_id,grade\n1,Ann,,x\n2,Bob,1,\n4,Dan,8,\n4,Dup,2,z\n"),
	}
	got := problemLines(t, in, ReadOptions{})
	want := []string{
		`hist/people.csv:2:4: grade "x" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`,
		`hist/people.csv:4:3: manager_id "8" is not an id in people.csv (write the id of a person in people.csv, or leave the cell empty for the top of the organisation)`,
		`hist/people.csv:5:1: duplicate id "4": first used on line 4 (give each person their own id, or remove the repeated row)`,
		`hist/people.csv:5:4: grade "z" is not a whole number (write a whole number, higher for more senior, or leave the cell empty)`,
		`hist/moves.csv:2:3: pressure "9" is outside 1–5 (write a number from 1 = not at all to 5 = extremely, such as 3 or 3.5, or leave the cell empty)`,
		`hist/moves.csv:3:1: person_id "44" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
		`hist/mentors.csv:2:2: capacity "-3" is negative (write a whole number, 0 or more, or leave the cell empty)`,
		`hist/mentors.csv:3:1: mentor "1" is listed twice: first on line 2 (keep one row per mentor)`,
		`hist/mentees.csv:2:2: mentee "4" prefers "2", who is not a mentor (add 2 to mentors.csv, or remove them from preferences)`,
		`hist/mentees.csv:2:3: priority "9" is outside 1–3 (write 1, 2 or 3, 3 being the most urgent, or leave the cell empty for the computed tier)`,
		`hist/history.csv:2:2: mentor_id "99" is not an id in people.csv (write the id of a person in people.csv, or add the person there)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// Error() is the same list, one per line.
	_, _, err := Load(in, ReadOptions{})
	if err.Error() != strings.Join(want, "\n") {
		t.Errorf("Error() =\n%s", err.Error())
	}
}

func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "people.csv", Line: 3, Col: 2, Msg: "bad", Hint: "fix it"}, "people.csv:3:2: bad (fix it)"},
		{Problem{File: "people.csv", Line: 3, Msg: "bad", Hint: "fix it"}, "people.csv:3: bad (fix it)"},
		{Problem{File: "people.csv", Msg: "file is missing", Hint: "fix it"}, "people.csv: file is missing (fix it)"},
		{Problem{File: "people.csv", Line: 1, Col: 1, Msg: "bad"}, "people.csv:1:1: bad"},
		{Problem{File: "people.csv", Col: 4, Msg: "bad"}, "people.csv: bad"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	if got := (Problems{{File: "a", Msg: "x"}, {File: "b", Line: 2, Msg: "y"}}).Error(); got != "a: x\nb:2: y" {
		t.Errorf("Error() = %q", got)
	}
}
