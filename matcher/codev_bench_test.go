package matcher

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/data/synthetic"
	"github.com/stretchmatch/stretchmatch/matcher/codev"
	"github.com/stretchmatch/stretchmatch/model"
)

// benchCodev groups the volunteers of a synthetic organisation of people
// people (one in ten volunteers), without a plan or a matching: the time
// is the search's, from the problem to the groups.
func benchCodev(b *testing.B, people int) {
	ds, err := synthetic.Generate(synthetic.Options{People: people, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	cfg := model.Default()
	cv := synthetic.Codev(ds, 1)
	p := CodevProblem(&cfg, ds, NewIndex(ds), nil, nil, cv, CodevOptions{})
	b.ResetTimer()
	var r *codev.Result
	for b.Loop() {
		if r, err = codev.Solve(p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(r.Worst, "worst")
	b.ReportMetric(r.Bound, "bound")
	b.ReportMetric(r.Gap(), "gap")
	b.ReportMetric(float64(len(r.Unplaced)), "unplaced")
	tooFew := 0
	for _, u := range r.Unplaced {
		if u.Reason == codev.ReasonTooFew {
			tooFew++
		}
	}
	b.Logf("%d volunteers, %d groups, %d unplaced (%d with too few compatible)", len(p.Members), len(r.Groups), len(r.Unplaced), tooFew)
}

func BenchmarkCodev2000(b *testing.B)  { benchCodev(b, 20000) }
func BenchmarkCodev20000(b *testing.B) { benchCodev(b, 200000) }
