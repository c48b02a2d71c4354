package matcher

import (
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchmatch/stretchmatch/data"
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

// TestMatchParallelSameResult matches a generated organisation large
// enough for the rule checks, the restricted solves and the losses to run
// on several goroutines, and checks that one processor gives the very same
// pairs, losses and unmatched mentees.
func TestMatchParallelSameResult(t *testing.T) {
	ds, err := synthetic.Generate(synthetic.Options{People: 6000, Seed: 3, MentorCapacity: 2})
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Default()
	var pl *Plan
	run := func() *Matching {
		ix := NewIndex(ds)
		scores, err := ScoreAll(&cfg, ds, ix)
		if err != nil {
			t.Fatal(err)
		}
		pl, err = MakePlan(&cfg, scores, ds.Positions, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Match(&cfg, ds, ix, pl, MatchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	many := run()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := run()
	if len(many.Mentors) < 128 || len(many.Pairs) < 128 {
		t.Fatalf("%d mentors, %d pairs: too small to run in parallel", len(many.Mentors), len(many.Pairs))
	}
	if many.TierTotal != one.TierTotal || many.FitTotal != one.FitTotal || len(many.Pairs) != len(one.Pairs) ||
		len(many.Unmatched) != len(one.Unmatched) {
		t.Fatalf("parallel: tiers %d fit %v pairs %d unmatched %d; one processor: %d %v %d %d", many.TierTotal, many.FitTotal,
			len(many.Pairs), len(many.Unmatched), one.TierTotal, one.FitTotal, len(one.Pairs), len(one.Unmatched))
	}
	losses := 0
	for i := range many.Pairs {
		a, b := &many.Pairs[i], &one.Pairs[i]
		if a.Mentee.Person.ID != b.Mentee.Person.ID || a.Mentor.Person.ID != b.Mentor.Person.ID ||
			a.Loss != b.Loss || a.TierLoss != b.TierLoss || (a.NextBest == nil) != (b.NextBest == nil) {
			t.Fatalf("pair %d differs: %s–%s loss %v/%d, %s–%s loss %v/%d", i, a.Mentee.Person.ID, a.Mentor.Person.ID,
				a.Loss, a.TierLoss, b.Mentee.Person.ID, b.Mentor.Person.ID, b.Loss, b.TierLoss)
		}
		if a.Loss > 0 {
			losses++
		}
	}
	for i := range many.Unmatched {
		if many.Unmatched[i].Mentee.Person.ID != one.Unmatched[i].Mentee.Person.ID || many.Unmatched[i].Excluded != one.Unmatched[i].Excluded {
			t.Fatalf("unmatched %d differs", i)
		}
	}
	if losses == 0 {
		t.Fatal("no pair has a loss")
	}
	checkNoRuleBroken(t, &cfg, ds, pl, MatchOptions{}, many)
}

// TestMatchSampleAgainstOracle runs the sample and a generated
// organisation through the matcher, with the default rules and with a line
// depth of 1, and checks every pair against the raw organisation chart.
func TestMatchSampleAgainstOracle(t *testing.T) {
	cfg := model.Default()
	in, err := data.SampleInputs()
	if err != nil {
		t.Fatal(err)
	}
	sample, _, err := data.Load(in, data.ReadOptions{Config: &cfg})
	if err != nil {
		t.Fatal(err)
	}
	generated, err := synthetic.Generate(synthetic.Options{People: 3000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range []*model.Dataset{sample, generated} {
		ix := NewIndex(ds)
		scores, err := ScoreAll(&cfg, ds, ix)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := MakePlan(&cfg, scores, ds.Positions, PlanOptions{AllowOverstretch: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, opt := range []MatchOptions{{}, {LineDepth: 1}, {AllowRepeat: true, Rematch: true}} {
			res, err := Match(&cfg, ds, ix, pl, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Pairs) == 0 {
				t.Fatal("no pairs")
			}
			checkNoRuleBroken(t, &cfg, ds, pl, opt, res)
		}
	}
}

// TestCycleShuffledRows shuffles every input table of a generated
// organisation (as a shuffled export would be loaded) and checks that the
// scores, the plan's total value and the matching's totals do not change.
func TestCycleShuffledRows(t *testing.T) {
	ds, err := synthetic.Generate(synthetic.Options{People: 4000, Seed: 9, MentorCapacity: 3})
	if err != nil {
		t.Fatal(err)
	}
	cfg := model.Default()
	type result struct {
		scores    map[string]float64
		planTotal float64
		tiers     int
		fit       float64
		pairs     int
	}
	run := func(ds *model.Dataset) result {
		ix := NewIndex(ds)
		scores, err := ScoreAll(&cfg, ds, ix)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := MakePlan(&cfg, scores, ds.Positions, PlanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		mt, err := Match(&cfg, ds, ix, pl, MatchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r := result{scores: map[string]float64{}, planTotal: pl.Total, tiers: mt.TierTotal, fit: mt.FitTotal, pairs: len(mt.Pairs)}
		for _, s := range scores {
			r.scores[s.Move.ID] = s.Challenge
		}
		return r
	}
	want := run(ds)
	rng := rand.New(rand.NewPCG(4, 2))
	for trial := range 2 {
		sh := *ds
		sh.People = shuffleRows(rng, ds.People)
		sh.Positions = shuffleRows(rng, ds.Positions)
		sh.Moves = shuffleRows(rng, ds.Moves)
		sh.Mentors = shuffleRows(rng, ds.Mentors)
		sh.Mentees = shuffleRows(rng, ds.Mentees)
		sh.History = shuffleRows(rng, ds.History)
		got := run(&sh)
		if !maps.Equal(got.scores, want.scores) {
			t.Errorf("trial %d: scores changed with the row order", trial)
		}
		if math.Abs(got.planTotal-want.planTotal) > 1e-9 || got.tiers != want.tiers ||
			math.Abs(got.fit-want.fit) > 1e-6 || got.pairs != want.pairs {
			t.Errorf("trial %d: plan %v tiers %d fit %v pairs %d; in file order %v %d %v %d", trial,
				got.planTotal, got.tiers, got.fit, got.pairs, want.planTotal, want.tiers, want.fit, want.pairs)
		}
	}
	if want.pairs < 100 || want.planTotal == 0 {
		t.Fatalf("too small: %d pairs, plan total %v", want.pairs, want.planTotal)
	}
}

func shuffleRows[T any](rng *rand.Rand, s []T) []T {
	out := slices.Clone(s)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
