package reports

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
)

func TestCodevCounts(t *testing.T) {
	if got := CodevCounts(nil); got != nil {
		t.Errorf("CodevCounts(nil) = %v, want nil", got)
	}
	m := func(id string) *codev.Member { return &codev.Member{Person: &model.Person{ID: id}} }
	r := &codev.Result{
		Groups: []codev.Group{
			{ID: "G01", Members: []*codev.Member{m("a"), m("b"), m("c")}},
			{ID: "G02", Members: []*codev.Member{m("d"), m("e"), m("f"), m("g")}},
		},
		Unplaced: []codev.Unplaced{{Member: m("h")}, {Member: m("i")}},
	}
	want := []Count{{"volunteers", 9}, {"groups", 2}, {"codev_placed", 7}, {"codev_unplaced", 2}}
	if diff := cmp.Diff(want, CodevCounts(r)); diff != "" {
		t.Errorf("CodevCounts (-want +got):\n%s", diff)
	}
}
