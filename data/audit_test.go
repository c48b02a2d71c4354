package data

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stretchmatch/stretchmatch/model"
)

// TestAuditColumns checks that the columns named by pack.equity_columns are
// read from people.csv, whatever their case, accents and spacing, and that
// a named column the file lacks is a problem at the end of the header.
func TestAuditColumns(t *testing.T) {
	cfg := model.Default()
	cfg.Pack.EquityColumns = []string{"Age band", "site_type"}
	text := "id,name,age_band,site_type,Ethnicité\n1,Ann,30–39,hq,x\n2,Bob,, field ,y\n"
	ds, _, err := Load(Inputs{People: &Source{Name: "people.csv", Data: []byte(text)}}, ReadOptions{Config: &cfg})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, p := range ds.People {
		got = append(got, p.Audit)
	}
	if diff := cmp.Diff([][]string{{"30–39", "hq"}, {"", "field"}}, got); diff != "" {
		t.Errorf("audit values (-want +got):\n%s", diff)
	}

	cfg.Pack.EquityColumns = []string{"ethnicite", "tenure"}
	_, _, err = Load(Inputs{People: &Source{Name: "people.csv", Data: []byte(text)}}, ReadOptions{Config: &cfg})
	want := `people.csv:1:6: missing column "tenure", named in pack.equity_columns of the configuration (add the column to people.csv, or remove it from pack.equity_columns)`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}

	// Without the setting, nothing is read.
	ds, _, err = Load(Inputs{People: &Source{Name: "people.csv", Data: []byte(text)}}, ReadOptions{})
	if err != nil || ds.People[0].Audit != nil {
		t.Errorf("audit values read without the setting: %v %v", err, ds.People[0].Audit)
	}
}

// FuzzLoadPeopleAudit reads people.csv with two audited columns named in
// the configuration: never a panic, and every person read has one value
// per named column.
func FuzzLoadPeopleAudit(f *testing.F) {
	f.Add([]byte("id,name,age_band,site_type\n1,Ann,30–39,hq\n2,Bob,,field\n"))
	f.Add([]byte("id;nom;Age Band\n1;Ann;20\n"))
	f.Add([]byte("id,name,age_band,age band\n1,Ann,a,b\n"))
	f.Add([]byte("id,name,site_type,age_band\n1,Ann,x\n"))
	cfg := model.Default()
	cfg.Pack.EquityColumns = []string{"age_band", "Site type"}
	f.Fuzz(func(t *testing.T, b []byte) {
		ds, _, err := Load(Inputs{People: &Source{Name: "people.csv", Data: b}}, ReadOptions{Config: &cfg})
		if err != nil {
			return
		}
		for _, p := range ds.People {
			if len(p.Audit) != 2 {
				t.Fatalf("person %q has %d audited values, want 2", p.ID, len(p.Audit))
			}
		}
	})
}
