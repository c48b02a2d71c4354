package reports

import "github.com/stretchmatch/stretchmatch/matcher/codev"

// CodevCounts counts the codevelopment grouping of a run, in a fixed order:
// volunteers (every volunteer of codev.csv), groups, codev_placed and
// codev_unplaced. It returns nil without a grouping (no codev.csv), so the
// run record then holds only the counts of RunCounts.
func CodevCounts(r *codev.Result) []Count {
	if r == nil {
		return nil
	}
	placed := r.Placed()
	return []Count{
		{"volunteers", placed + len(r.Unplaced)},
		{"groups", len(r.Groups)},
		{"codev_placed", placed},
		{"codev_unplaced", len(r.Unplaced)},
	}
}
