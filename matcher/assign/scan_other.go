//go:build !amd64

package assign

func (e *denseCore) scanMinRow(row, v, d []float64, pred []int32, flag []uint8, hh float64, i int32) (float64, int32, bool, int) {
	return e.scanMinGo(row, v, d, pred, flag, hh, i)
}
