package data

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestReadPeople(t *testing.T) {
	ann := model.Person{ID: "1", Name: "Ann Lee", Division: "Ops", Function: "Sales", Country: "FR",
		SiteType: "hq", RoleKind: "line", ProductLine: "PL1", Team: "T1", Grade: model.Int(7),
		Headcount: model.Int(12), FunctionsHeld: []string{"Sales", "Finance", "sales"},
		Languages: []string{"fr", "en"}, Gender: "F", LearningOrientation: model.Float(3.5), Line: 2}
	// Bob has grade and headcount given as 0, everything else left empty.
	bob := model.Person{ID: "007", Name: "Bob Li", ManagerID: "1", Grade: model.Int(0), Headcount: model.Int(0), Line: 3}

	tests := []struct {
		name string
		text string
		opt  ReadOptions
		want []model.Person
	}{{
		name: "canonical English header",
		text: "id,name,manager_id,division,function,country,site_type,role_kind,product_line,team,grade,headcount,functions_held,languages,gender,learning_orientation\n" +
			"1,Ann Lee,,Ops,Sales,fr,HQ,Line,PL1,T1,7,12,Sales| Finance |sales|Finance,FR|en|fr,F,3.5\n" +
			" 007 , Bob Li ,1,,,,,,,,0,0,,,,\n",
		want: []model.Person{ann, bob},
	}, {
		name: "English aliases, any case, spaces, hyphens and underscores",
		text: "Employee_ID,FULL NAME,Supervisor-ID,Business Unit,Job Family,Country Code,Location Type,Role Type,Product,Team Name,Job Level,Team Size,Past Functions,Spoken_Languages,Sex,Learning Agility\n" +
			"1,Ann Lee,,Ops,Sales,fr,HQ,Line,PL1,T1,7,12,Sales| Finance |sales|Finance,FR|en|fr,F,3.5\n" +
			"007,Bob Li,1,,,,,,,,0,0,,,,\n",
		want: []model.Person{ann, bob},
	}, {
		name: "French aliases with accents, semicolons and decimal comma, columns reordered",
		text: "Matricule;Nom Prénom;N+1;Direction;Filière;Pays;Type de site;Nature du poste;Gamme;Équipe;Niveau;Effectif géré;Fonctions occupées;Langues;Genre;Orientation à l'apprentissage\n" +
			"1;Ann Lee;;Ops;Sales;fr;Siège;Opérationnel;PL1;T1;7;12;Sales| Finance |sales|Finance;FR|en|fr;F;3,5\n" +
			"007;Bob Li;1;;;;;;;;0;0;;;;\n",
		want: []model.Person{ann, bob},
	}, {
		name: "accents dropped, upper case and unknown column ignored",
		text: "MATRICULE;NOM;RESPONSABLE;FILIERE;COMMENTAIRE;EQUIPE\n1;Ann Lee;;Sales;whatever;T1\n",
		want: []model.Person{{ID: "1", Name: "Ann Lee", Function: "Sales", Team: "T1", Line: 2}},
	}, {
		name: "UTF-8 byte-order mark and CRLF",
		text: "\xEF\xBB\xBF" + crlf("id,name,grade\n1,Ann Lee,7\n007,Bob Li,0\n"),
		want: []model.Person{{ID: "1", Name: "Ann Lee", Grade: model.Int(7), Line: 2}, {ID: "007", Name: "Bob Li", Grade: model.Int(0), Line: 3}},
	}, {
		name: "tab delimiter with decimal comma and grouped thousands",
		text: "id\tname\theadcount\tlearning_orientation\n1\tAnn Lee\t1 250\t4,25\n",
		want: []model.Person{{ID: "1", Name: "Ann Lee", Headcount: model.Int(1250), LearningOrientation: model.Float(4.25), Line: 2}},
	}, {
		name: "whole numbers written as decimals",
		text: "id,name,grade,headcount\n1,Ann Lee,7.0,12.00\n",
		want: []model.Person{{ID: "1", Name: "Ann Lee", Grade: model.Int(7), Headcount: model.Int(12), Line: 2}},
	}, {
		name: "quoted cells spanning lines keep physical line numbers",
		text: "id,name,team\n1,\"Ann\nLee\",\"T\n1\"\n2,\"Bob, \"\"the\"\" Li\",T2\n\n3,Chloé,T3\n",
		want: []model.Person{
			{ID: "1", Name: "Ann\nLee", Team: "T\n1", Line: 2},
			{ID: "2", Name: `Bob, "the" Li`, Team: "T2", Line: 5},
			{ID: "3", Name: "Chloé", Team: "T3", Line: 7},
		},
	}, {
		name: "Excel sep= line, blank rows and trailing separators",
		text: "sep=;\nid;name;\n1;Ann Lee;\n;;\n2;Bob Li;;\n;;;\n",
		want: []model.Person{{ID: "1", Name: "Ann Lee", Line: 3}, {ID: "2", Name: "Bob Li", Line: 5}},
	}, {
		name: "Windows-1252 bytes",
		text: "id;nom\n1;H\xe9l\xe8ne Dub\x9cuf\n",
		want: []model.Person{{ID: "1", Name: "Hélène Dubœuf", Line: 2}},
	}, {
		name: "old Mac line ends",
		text: "id,name\r1,Ann Lee\r2,Bob Li\r",
		want: []model.Person{{ID: "1", Name: "Ann Lee", Line: 2}, {ID: "2", Name: "Bob Li", Line: 3}},
	}, {
		name: "forced delimiter",
		text: "id|name\n1|Ann Lee\n",
		opt:  ReadOptions{Delimiter: '|'},
		want: []model.Person{{ID: "1", Name: "Ann Lee", Line: 2}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustLoad(t, Inputs{People: src("people.csv", tt.text)}, tt.opt)
			if diff := cmp.Diff(tt.want, ds.People); diff != "" {
				t.Errorf("people (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadPositions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []model.Position
	}{{
		name: "defaults and booleans",
		text: "id,title,manager_id,country,site_type,role_kind,grade,headcount,new_role,critical,openings\n" +
			"P1,Plant manager,2,de,field,line,8,40,x,,\n" +
			"P2,Controller,,,,staff,,,no,YES,3\n" +
			"P3,Analyst,,,,,,,0,1,\n",
		want: []model.Position{
			{ID: "P1", Title: "Plant manager", ManagerID: "2", Country: "DE", SiteType: "field", RoleKind: "line",
				Grade: model.Int(8), Headcount: model.Int(40), NewRole: true, Openings: 1, Line: 2},
			{ID: "P2", Title: "Controller", RoleKind: "staff", Critical: true, Openings: 3, Line: 3},
			{ID: "P3", Title: "Analyst", Critical: true, Openings: 1, Line: 4},
		},
	}, {
		name: "French aliases",
		text: "Code poste;Intitulé;Responsable;Pays;Type de site;Nature du poste;Niveau;Effectif;Nouveau poste;Poste critique;Nombre de postes\n" +
			"P1;Plant manager;2;de;terrain;opérationnel;8;40;oui;non;2\n" +
			"P2;Contrôleur;;;siège;fonctionnel;;;Non;VRAI;\n",
		want: []model.Position{
			{ID: "P1", Title: "Plant manager", ManagerID: "2", Country: "DE", SiteType: "field", RoleKind: "line",
				Grade: model.Int(8), Headcount: model.Int(40), NewRole: true, Openings: 2, Line: 2},
			{ID: "P2", Title: "Contrôleur", SiteType: "hq", RoleKind: "staff", Critical: true, Openings: 1, Line: 3},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustLoad(t, Inputs{People: src("people.csv", basePeople), Positions: src("positions.csv", tt.text)}, ReadOptions{})
			if diff := cmp.Diff(tt.want, ds.Positions); diff != "" {
				t.Errorf("positions (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadMoves(t *testing.T) {
	var r1 [model.NumCriteria]model.OptFloat
	r1[model.FailureVisible] = model.Float(4)
	r1[model.Pressure] = model.Float(2.5)
	r1[model.SomethingMissing] = model.Float(1)
	tests := []struct {
		name string
		text string
		want []model.Move
	}{{
		name: "criterion ids, default id, empty ratings not given",
		text: "person_id,position_id,failure_visible,pressure,something_missing,take_charge,support,note\n" +
			"4,P1,4,2.5,1,,5,\"multi\nline note\"\n" +
			"5,P2,,,,,,\n",
		want: []model.Move{
			{ID: "4>P1", PersonID: "4", PositionID: "P1", Ratings: r1, Support: model.Float(5), Note: "multi\nline note", Line: 2},
			{ID: "5>P2", PersonID: "5", PositionID: "P2", Line: 4},
		},
	}, {
		name: "French and English labels as headers, decimal comma",
		text: "Id mouvement;Collaborateur;Poste cible;Proposé par;Échec possible et visible aux autres;Strong pressure: urgency, complexity;Il manque quelque chose d'important;Soutien;Commentaire\n" +
			"M1;4;P1;Ann Lee;4;2,5;1;5;multi\n" +
			"M2;5;P2;;;;;;\n",
		want: []model.Move{
			{ID: "M1", PersonID: "4", PositionID: "P1", ProposedBy: "Ann Lee", Ratings: r1, Support: model.Float(5), Note: "multi", Line: 2},
			{ID: "M2", PersonID: "5", PositionID: "P2", Line: 3},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustLoad(t, Inputs{People: src("people.csv", basePeople), Positions: src("positions.csv", basePositions),
				Moves: src("moves.csv", tt.text)}, ReadOptions{})
			if diff := cmp.Diff(tt.want, ds.Moves); diff != "" {
				t.Errorf("moves (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadMentorsMenteesHistory(t *testing.T) {
	cfg := model.Default()
	cfg.Match.DefaultCapacity = 3
	tests := []struct {
		name                string
		mentors, mentees, h string
		opt                 ReadOptions
		wantMentors         []model.Mentor
		wantMentees         []model.Mentee
		wantHistory         []model.HistoryPair
	}{{
		name: "English, defaults",
		mentors: "person_id,capacity,experience,languages,available\n" +
			"1,,Change_Country| staff_to_line|change_country,FR|en,\n" +
			"2,0,,,no\n" +
			"3,4,,,x\n",
		mentees: "person_id,needs,preferences,avoid,priority\n" +
			"4,Team_Building,3|1|3,2,\n" +
			"5,,,,3\n",
		h: "mentee_id,mentor_id,status,since\n4,1,,2024-03-31\n5,2,ended,31/03/2023\n6,3,Terminé,1/2/2022\n",
		wantMentors: []model.Mentor{
			{PersonID: "1", Capacity: 2, Experience: []string{"change_country", "staff_to_line"}, Languages: []string{"fr", "en"}, Available: true, Line: 2},
			{PersonID: "2", Capacity: 0, Available: false, Line: 3},
			{PersonID: "3", Capacity: 4, Available: true, Line: 4},
		},
		wantMentees: []model.Mentee{
			{PersonID: "4", Needs: []string{"team_building"}, Preferences: []string{"3", "1"}, Avoid: []string{"2"}, Line: 2},
			{PersonID: "5", Priority: model.Int(3), Line: 3},
		},
		wantHistory: []model.HistoryPair{
			{MenteeID: "4", MentorID: "1", Status: model.PairActive, Since: "2024-03-31", Line: 2},
			{MenteeID: "5", MentorID: "2", Status: model.PairEnded, Since: "2023-03-31", Line: 3},
			{MenteeID: "6", MentorID: "3", Status: model.PairEnded, Since: "2022-02-01", Line: 4},
		},
	}, {
		name:    "French headers and default capacity from the config",
		mentors: "Mentor;Capacité;Vécu;Langues;Disponible\n1;;x;fr;oui\n2;1;;;NON\n",
		mentees: "Mentoré;Besoins;Souhaits;À éviter;Priorité\n4;;1;;1\n",
		h:       "Mentoré;Mentor;Statut;Date de début\n4;1;actif;\n",
		opt:     ReadOptions{Config: &cfg},
		wantMentors: []model.Mentor{
			{PersonID: "1", Capacity: 3, Experience: []string{"x"}, Languages: []string{"fr"}, Available: true, Line: 2},
			{PersonID: "2", Capacity: 1, Available: false, Line: 3},
		},
		wantMentees: []model.Mentee{{PersonID: "4", Preferences: []string{"1"}, Priority: model.Int(1), Line: 2}},
		wantHistory: []model.HistoryPair{{MenteeID: "4", MentorID: "1", Status: model.PairActive, Line: 2}},
	}, {
		name:    "header only is fine for optional files",
		mentors: "person_id,capacity\n",
		mentees: "person_id\n",
		h:       "mentee_id,mentor_id\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := mustLoad(t, Inputs{People: src("people.csv", basePeople), Mentors: src("mentors.csv", tt.mentors),
				Mentees: src("mentees.csv", tt.mentees), History: src("history.csv", tt.h)}, tt.opt)
			if diff := cmp.Diff(tt.wantMentors, ds.Mentors); diff != "" {
				t.Errorf("mentors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantMentees, ds.Mentees); diff != "" {
				t.Errorf("mentees (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantHistory, ds.History); diff != "" {
				t.Errorf("history (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadBooleans(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want bool
	}{
		{"yes", true}, {"YES", true}, {"true", true}, {"True", true}, {"1", true}, {"oui", true}, {"OUI", true},
		{"vrai", true}, {"x", true}, {"X", true}, {" yes ", true},
		{"no", false}, {"false", false}, {"0", false}, {"non", false}, {"Non", false}, {"faux", false}, {"", false},
	} {
		ds := mustLoad(t, Inputs{People: src("people.csv", basePeople),
			Positions: src("positions.csv", "id,title,critical\nP1,T,"+tt.cell+"\n")}, ReadOptions{})
		if got := ds.Positions[0].Critical; got != tt.want {
			t.Errorf("critical %q = %v, want %v", tt.cell, got, tt.want)
		}
	}
	// available: empty means yes, not no.
	ds := mustLoad(t, Inputs{People: src("people.csv", basePeople),
		Mentors: src("mentors.csv", "person_id,available\n1,\n2,0\n")}, ReadOptions{})
	if !ds.Mentors[0].Available || ds.Mentors[1].Available {
		t.Errorf("available: got %v and %v, want true and false", ds.Mentors[0].Available, ds.Mentors[1].Available)
	}
}

func TestNotes(t *testing.T) {
	_, notes, err := Load(Inputs{
		People:  src("in/people.csv", "id;nom;Commentaire RH;;x\n1;H\xe9l\xe8ne;;;\n"),
		Mentors: src("in/mentors.csv", "\xEF\xBB\xBFperson_id\tcapacity\n"),
	}, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := Notes{
		"in/people.csv: encoding Windows-1252 (the bytes are not valid UTF-8); delimiter ';' (semicolon) detected from the header line",
		`in/people.csv: recognised columns: "id" (column 1), "nom" (column 2) as name`,
		`in/people.csv: ignored columns not used by stretchmatch: "Commentaire RH" (column 3), "x" (column 5)`,
		"in/mentors.csv: encoding UTF-8 with byte-order mark; delimiter tab detected from the header line",
		`in/mentors.csv: recognised columns: "person_id" (column 1), "capacity" (column 2)`,
		"in/mentors.csv: no mentors (the file has only its header)",
	}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	in := Inputs{
		People:  src("people.csv", basePeople+"7,G,8,\n8,H,7,\n9,I,9,\n10,J,11,\n11,K,10,\n1,dup,,\n"),
		Mentees: src("mentees.csv", "person_id,preferences,avoid\n4,9|8|7|4,1|2|3\n"),
	}
	_, _, first := Load(in, ReadOptions{})
	for i := 0; i < 20; i++ {
		_, _, err := Load(in, ReadOptions{})
		if err.Error() != first.Error() {
			t.Fatalf("run %d differs:\n%v\nfirst:\n%v", i, err, first)
		}
	}
	if !strings.Contains(first.Error(), `manager cycle: 7 "G" → 8 "H" → 7 "G"`) {
		t.Errorf("missing cycle in:\n%v", first)
	}
}

func TestInvalidDelimiterIsAnError(t *testing.T) {
	_, _, err := Load(Inputs{People: src("people.csv", basePeople)}, ReadOptions{Delimiter: '"'})
	if err == nil || err.Error() != `data: invalid delimiter '"'` {
		t.Errorf("got %v", err)
	}
}

func TestDetectDelimiter(t *testing.T) {
	for _, tt := range []struct {
		head string
		want rune
	}{
		{"id,name\n", ','},
		{"id;name\n", ';'},
		{"id\tname\n", '\t'},
		{"id;name,x\n", ','},             // tie: comma
		{"id;name\tx\n", ';'},            // tie between ; and tab: semicolon
		{`"a,b,c";d;e` + "\n", ';'},      // commas inside quotes do not count
		{"\"a\nb,c,d\";e\n1,2,3\n", ';'}, // a quoted header cell spanning lines
		{"id\n1,2,3;4\n", ','},           // only the header line counts
	} {
		if got := detectDelimiter([]byte(tt.head)); got != tt.want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}
