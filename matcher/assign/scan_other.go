//go:build !amd64

package assign

// No vector kernel on this platform: the Go loops run.
var vector = vecNone

func (l vectorLevel) width() int { return 1 }

func relaxRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32, sign float64) float64 {
	return relaxGo(row, v, d, pred, flag, hh, i, sign)
}

func tiesRow(d []float64, flag []uint8, order []int32, level float64) (int, int32) {
	return tiesGo(d, flag, order, level, 0)
}

func checkCells(cells []float64, forbid float64) (allowed int, maxAbs float64, frac uint64, bad int) {
	return scanCells(cells, forbid)
}

func best2Row(row, v []float64, flag []uint8, sign, inf float64) (u1, u2 float64, j1, j2 int32) {
	return best2Go(row, v, flag, sign, inf)
}
