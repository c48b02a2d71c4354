package matcher

import (
	"testing"

	"github.com/stretchmatch/stretchmatch/data/synthetic"
	"github.com/stretchmatch/stretchmatch/model"
)

// BenchmarkCycle50k scores, plans and matches the generated organisation of
// SPEC §10: 50,000 people, 20,000 candidate moves, 10,000 mentees and 2,000
// mentors of capacity 5.
func BenchmarkCycle50k(b *testing.B) {
	ds, err := synthetic.Generate(synthetic.Options{People: 50000, Seed: 1, MentorCapacity: 5})
	if err != nil {
		b.Fatal(err)
	}
	cfg := model.Default()
	b.ResetTimer()
	for b.Loop() {
		ix := NewIndex(ds)
		scores, err := ScoreAll(&cfg, ds, ix)
		if err != nil {
			b.Fatal(err)
		}
		pl, err := MakePlan(&cfg, scores, ds.Positions, PlanOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Match(&cfg, ds, ix, pl, MatchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
