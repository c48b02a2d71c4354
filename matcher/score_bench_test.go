package matcher

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchmatch/stretchmatch/model"
)

// benchDataset builds a dataset of nMoves random candidate moves over a
// pool of people and positions, with a fifth of the ratings left blank.
func benchDataset(nMoves int) *model.Dataset {
	rng := rand.New(rand.NewPCG(1, 2))
	divs := []string{"Ops", "Sales", "R&D", "Finance", "HR"}
	funcs := []string{"Engineering", "Sales", "Marketing", "Finance", "Operations", "HR"}
	countries := []string{"FR", "DE", "ES", "US", "CA", "JP"}
	ds := &model.Dataset{}
	nPeople, nPos := max(nMoves/4, 1), max(nMoves/20, 1)
	for i := 0; i < nPeople; i++ {
		ds.People = append(ds.People, model.Person{
			ID: fmt.Sprintf("P%07d", i), Division: divs[rng.IntN(5)], Function: funcs[rng.IntN(6)],
			Country: countries[rng.IntN(6)], SiteType: []string{"hq", "field"}[rng.IntN(2)],
			RoleKind: []string{"line", "staff"}[rng.IntN(2)], Team: fmt.Sprintf("T%d", rng.IntN(nPeople/5+1)),
			Grade: model.Int(4 + rng.IntN(8)), Headcount: model.Int([]int{0, 0, 0, 3, 12}[rng.IntN(5)]),
			FunctionsHeld: []string{funcs[rng.IntN(6)]}, LearningOrientation: model.Float(float64(1 + rng.IntN(5))),
		})
	}
	for j := 0; j < nPos; j++ {
		ds.Positions = append(ds.Positions, model.Position{
			ID: fmt.Sprintf("J%06d", j), Division: divs[rng.IntN(5)], Function: funcs[rng.IntN(6)],
			Country: countries[rng.IntN(6)], SiteType: []string{"hq", "field"}[rng.IntN(2)],
			RoleKind: []string{"line", "staff"}[rng.IntN(2)], Team: fmt.Sprintf("T%d", rng.IntN(nPeople/5+1)),
			Grade: model.Int(5 + rng.IntN(8)), Headcount: model.Int([]int{0, 4, 10, 40}[rng.IntN(4)]),
			NewRole: rng.IntN(6) == 0, Critical: rng.IntN(5) == 0, Openings: 1,
		})
	}
	ds.Moves = make([]model.Move, nMoves)
	for k := range ds.Moves {
		mv := &ds.Moves[k]
		mv.ID = fmt.Sprintf("M%07d", k)
		mv.PersonID = ds.People[rng.IntN(nPeople)].ID
		mv.PositionID = ds.Positions[rng.IntN(nPos)].ID
		for i, c := range model.Catalog {
			if c.Source == model.SourceRated && rng.IntN(5) > 0 {
				mv.Ratings[i] = model.Float(float64(1 + rng.IntN(5)))
			}
		}
		if rng.IntN(2) == 0 {
			mv.Support = model.Float(float64(1 + rng.IntN(5)))
		}
	}
	return ds
}

// BenchmarkScoreMoves scores 1,000,000 candidate moves per iteration and
// reports moves per second and the heap held by the scores.
func BenchmarkScoreMoves(b *testing.B) {
	const n = 1_000_000
	ds := benchDataset(n)
	cfg := model.Default()
	ix := NewIndex(ds)
	var before, after runtime.MemStats
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&before)
		b.StartTimer()
		scores, err := ScoreAll(&cfg, ds, ix)
		if err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if len(scores) != n {
			b.Fatalf("%d scores", len(scores))
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-held")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "moves/s")
}
