package assign

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchmatch/stretchmatch/matcher/assign/internal/lapm"
)

func TestDbgStats(t *testing.T) {
	name := os.Getenv("DBG_LAPM")
	if name == "" {
		t.Skip()
	}
	mat, err := lapm.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p := NewDense(mat.N, mat.M, mat.Cost)
	t0 := time.Now()
	s, err := Solve(p, Options{})
	fmt.Println("solve", time.Since(t0), err, s.Total, dbgStats)
}
