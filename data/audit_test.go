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
