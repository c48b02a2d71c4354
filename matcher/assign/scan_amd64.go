package assign

// scanMin is the minimization row scan in assembly (scan_amd64.s); it
// behaves exactly as the loop of scanMinGo.
//
//go:noescape
func scanMin(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32) (best float64, bj int32, bspare bool, ties int)

func (e *denseCore) scanMinRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (float64, int32, bool, int) {
	if len(row) == 0 {
		return e.inf, -1, false, 0
	}
	return scanMin(&row[0], &v[0], &d[0], &pred[0], &flag[0], len(row), hh, i)
}
