package data

import (
	"reflect"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

func TestHeaderKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"employee_id", "employeeid"},
		{"Employee ID", "employeeid"},
		{"EMPLOYEE-ID", "employeeid"},
		{"Nom Prénom", "nomprenom"},
		{"NOM_PRÉNOM", "nomprenom"},
		{"Équipe", "equipe"},
		{"Filière", "filiere"},
		{"Dubœuf", "duboeuf"},
		{"N+1", "n1"},
		{"Échec possible et visible aux autres", "echecpossibleetvisibleauxautres"},
		{"leadership « agressif » requis", "leadershipagressifrequis"},
		{"\uFEFFid", "id"},
		{"  ", ""},
	} {
		if got := HeaderKey(tt.in); got != tt.want {
			t.Errorf("HeaderKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAliasTable checks the single alias table: every file has one, every
// name and alias gives a distinct, non-empty key within its file, and
// required columns are the ones of SPEC §3.
func TestAliasTable(t *testing.T) {
	required := map[string][]string{
		FilePeople:    {"id", "name"},
		FilePositions: {"id", "title"},
		FileMoves:     {"person_id", "position_id"},
		FileMentors:   {"person_id"},
		FileMentees:   {"person_id"},
		FileHistory:   {"mentee_id", "mentor_id"},
	}
	for _, file := range Files() {
		cols := Columns(file)
		if len(cols) == 0 {
			t.Fatalf("Columns(%q) is empty", file)
		}
		seen := map[string]string{}
		var req []string
		for _, c := range cols {
			if c.Required {
				req = append(req, c.Name)
			}
			if c.Kind.String() == "unknown" || c.Doc == "" {
				t.Errorf("%s: column %s has no kind or no doc", file, c.Name)
			}
			for _, name := range append([]string{c.Name}, c.Aliases...) {
				key := HeaderKey(name)
				if key == "" {
					t.Errorf("%s: %q has an empty key", file, name)
				}
				if prev, dup := seen[key]; dup {
					t.Errorf("%s: %q and %q have the same key %q", file, prev, name, key)
				}
				seen[key] = name
			}
		}
		if !reflect.DeepEqual(req, required[file]) {
			t.Errorf("%s: required columns %v, want %v", file, req, required[file])
		}
	}
	if Columns("other.csv") != nil {
		t.Errorf("Columns of an unknown file is not nil")
	}
	// The result is a copy.
	c := Columns(FilePeople)
	c[0].Name, c[0].Aliases[0] = "changed", "changed"
	if Columns(FilePeople)[0].Name != "id" || Columns(FilePeople)[0].Aliases[0] == "changed" {
		t.Errorf("Columns returned the table itself")
	}
}

// TestMovesHaveOneColumnPerRatedCriterion checks that moves.csv has a rating
// column for every rated criterion of model.Catalog, named by its id, with
// its French and English labels as aliases, and none for derived ones.
func TestMovesHaveOneColumnPerRatedCriterion(t *testing.T) {
	cols := map[string]Column{}
	for _, c := range Columns(FileMoves) {
		cols[c.Name] = c
	}
	var r moveRow
	for i, cr := range model.Catalog {
		c, ok := cols[cr.ID]
		rated := cr.Source == model.SourceRated
		if ok != rated {
			t.Errorf("criterion %s (%s): column present = %v", cr.ID, cr.Source, ok)
		}
		if (r.rating(i) != nil) != rated {
			t.Errorf("criterion %s: moveRow.rating(%d) = %v", cr.ID, i, r.rating(i))
		}
		want := []string{cr.LabelFR}
		if HeaderKey(cr.LabelEN) != HeaderKey(cr.ID) {
			want = append(want, cr.LabelEN)
		}
		if rated && (c.Kind != KindRating || !reflect.DeepEqual(c.Aliases, want)) {
			t.Errorf("criterion %s: column %+v", cr.ID, c)
		}
	}
	// rating(i) is the field tagged with the criterion's id.
	v := reflect.ValueOf(&r).Elem()
	for j := 0; j < v.NumField(); j++ {
		if i := model.CriterionIndex(v.Type().Field(j).Tag.Get("csv")); i >= 0 {
			if r.rating(i) != v.Field(j).Addr().Interface().(*ratingCell) {
				t.Errorf("rating(%d) is not field %s", i, v.Type().Field(j).Name)
			}
		}
	}
}

// TestRowStructsFollowTheTable checks that every row struct has one field
// per column of its file, in order, tagged with the column's name, of the
// cell type of the column's kind, and that its cells method lists the
// fields in that order.
func TestRowStructsFollowTheTable(t *testing.T) {
	cellType := map[Kind]reflect.Type{
		KindID:        reflect.TypeOf(textCell{}),
		KindText:      reflect.TypeOf(textCell{}),
		KindList:      reflect.TypeOf(listCell{}),
		KindTags:      reflect.TypeOf(tagCell{}),
		KindBool:      reflect.TypeOf(flagCell{}),
		KindInt:       reflect.TypeOf(intCell{}),
		KindCount:     reflect.TypeOf(countCell{}),
		KindRating:    reflect.TypeOf(ratingCell{}),
		KindPriority:  reflect.TypeOf(priorityCell{}),
		KindOpenings:  reflect.TypeOf(openingsCell{}),
		KindCountry:   reflect.TypeOf(countryCell{}),
		KindSiteType:  reflect.TypeOf(siteCell{}),
		KindRoleKind:  reflect.TypeOf(roleCell{}),
		KindStatus:    reflect.TypeOf(statusCell{}),
		KindDate:      reflect.TypeOf(dateCell{}),
		KindLanguages: reflect.TypeOf(langCell{}),
	}
	type lister interface{ cells([]cell) []cell }
	for _, tt := range []struct {
		file string
		row  lister
	}{
		{FilePeople, &personRow{}}, {FilePositions, &positionRow{}}, {FileMoves, &moveRow{}},
		{FileMentors, &mentorRow{}}, {FileMentees, &menteeRow{}}, {FileHistory, &historyRow{}},
	} {
		cols := Columns(tt.file)
		v := reflect.ValueOf(tt.row).Elem()
		cells := tt.row.cells(nil)
		if v.NumField() != len(cols) || len(cells) != len(cols) {
			t.Errorf("%s: %d fields, %d cells, %d columns", tt.file, v.NumField(), len(cells), len(cols))
			continue
		}
		for k, c := range cols {
			f := v.Type().Field(k)
			if tag := f.Tag.Get("csv"); tag != c.Name {
				t.Errorf("%s: field %s has tag %q, want %q", tt.file, f.Name, tag, c.Name)
			}
			if f.Type != cellType[c.Kind] {
				t.Errorf("%s: field %s is a %v, want %v for kind %v", tt.file, f.Name, f.Type, cellType[c.Kind], c.Kind)
			}
			if reflect.ValueOf(cells[k]).Pointer() != v.Field(k).Addr().Pointer() {
				t.Errorf("%s: cells()[%d] is not field %s", tt.file, k, f.Name)
			}
		}
	}
}

func TestKindString(t *testing.T) {
	if KindRating.String() != "number 1–5" || Kind(0).String() != "unknown" || Kind(99).String() != "unknown" {
		t.Errorf("Kind.String: %q %q %q", KindRating, Kind(0), Kind(99))
	}
}
