package codev

import (
	"fmt"
	"testing"
)

func benchSolve(b *testing.B, n int) {
	p := genProblem(7, genOptions{n: n, functions: max(4, n/60), rules: true})
	b.ResetTimer()
	var r *Result
	for b.Loop() {
		var err error
		if r, err = Solve(p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(r.Worst, "worst")
	b.ReportMetric(r.Bound, "bound")
	b.ReportMetric(float64(len(r.Unplaced)), "unplaced")
	b.Log(fmt.Sprintf("n=%d groups=%d placed=%d worst=%.1f bound=%.1f total=%.1f", n, len(r.Groups), r.Placed(), r.Worst, r.Bound, r.Total))
}

func BenchmarkSolve2000(b *testing.B)  { benchSolve(b, 2000) }
func BenchmarkSolve20000(b *testing.B) { benchSolve(b, 20000) }
